// A resource's `Healthy` condition. The health rule's verdict on the stamped object comes from
// the core's report (ResourceReport.health); what needs no rule is worked out here from what the
// controller looks at then: whether the resource has outputs, whether its template is a
// ClusterTemplate and stamped something. A tekton template without a rule is judged by the
// controller's default rule, `singleConditionType: Succeeded`.
import type { ResourceReport } from '../realize/index.js';
import { isObject } from '../util/objects.js';
import type { Condition } from './conditions.js';

const HEALTHY = 'Healthy';

/** The Healthy condition, or undefined when the controller adds none (no template: an option that did not resolve, a passThrough). */
export function healthyCondition(entry: ResourceReport, hasOutputs: boolean): Condition | undefined {
  const template = entry.template;
  if (!template) return undefined;
  if (entry.health) return { type: HEALTHY, ...entry.health };
  const rule = healthRuleOf(entry);
  if (rule === undefined) {
    if (hasOutputs) return { type: HEALTHY, status: 'True', reason: 'OutputsAvailable', message: '' };
    if (template.kind === 'ClusterTemplate') {
      return entry.object
        ? { type: HEALTHY, status: 'True', reason: 'AlwaysHealthy', message: '' }
        : { type: HEALTHY, status: 'Unknown', reason: 'NoStampedObject', message: '' };
    }
    return { type: HEALTHY, status: 'Unknown', reason: 'OutputNotAvailable', message: '' };
  }
  if (isObject(rule) && rule['alwaysHealthy'] !== undefined && rule['alwaysHealthy'] !== null) {
    return { type: HEALTHY, status: 'True', reason: 'AlwaysHealthy', message: '' };
  }
  // Nothing stamped for a rule to judge; or a rule the core has not judged.
  return { type: HEALTHY, status: 'Unknown', reason: 'Unknown', message: '' };
}

/** The template's spec.healthRule (the default one for tekton), or undefined for none. */
function healthRuleOf(entry: ResourceReport): unknown {
  const spec = entry.template?.doc.value['spec'];
  const rule = isObject(spec) ? spec['healthRule'] : undefined;
  if (rule !== undefined && rule !== null) return rule;
  return entry.template?.lifecycle === 'tekton' ? { singleConditionType: 'Succeeded' } : undefined;
}

