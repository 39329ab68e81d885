// The `Healthy` condition the controller writes for one resource, in every case it writes one:
// the template's rule on the stamped object, or, without a rule, what its outputs and kind say
// (OutputsAvailable / OutputNotAvailable, and AlwaysHealthy for a ClusterTemplate), or why there
// is nothing to evaluate (NoStampedObject). A tekton template without a rule reads the
// object's Succeeded condition, in its status as for its outputs.
import type { HealthRule, JSONObject, Template } from '../model/index.js';
import { judgeRule, type HealthVerdict } from './rule.js';

const TEKTON_DEFAULT: HealthRule = { alwaysHealthy: false, singleConditionType: 'Succeeded' };

/** The rule the controller applies: the template's, or Succeeded for lifecycle tekton. */
export function effectiveRule(template: Pick<Template, 'healthRule' | 'lifecycle'>): HealthRule | undefined {
  return template.healthRule ?? (template.lifecycle === 'tekton' ? TEKTON_DEFAULT : undefined);
}

/** Whether the rule is tekton's default (no healthRule written): for pointing at spec.lifecycle. */
export function isTektonDefault(template: Pick<Template, 'healthRule' | 'lifecycle'>): boolean {
  return template.healthRule === undefined && template.lifecycle === 'tekton';
}

export interface ResourceHealthInput {
  template: Pick<Template, 'kind' | 'healthRule' | 'lifecycle'>;
  /** The object the rule reads (stamped, with the live object's status); absent when nothing was stamped. */
  object?: JSONObject;
  /** The resource has outputs the controller would read (a mock is not one). */
  outputsAvailable: boolean;
}

export function resourceHealth({ template, object, outputsAvailable }: ResourceHealthInput): HealthVerdict {
  const rule = effectiveRule(template);
  if (!rule) {
    if (outputsAvailable) return verdict('True', 'OutputsAvailable');
    if (template.kind === 'ClusterTemplate') return object ? verdict('True', 'AlwaysHealthy') : verdict('Unknown', 'NoStampedObject');
    return verdict('Unknown', 'OutputNotAvailable');
  }
  if (!object) {
    return rule.alwaysHealthy
      ? { condition: { status: 'Unknown', reason: 'NoStampedObject', message: '' }, decider: { by: 'no-object' } }
      : { condition: { status: 'Unknown', reason: 'Unknown', message: '' }, decider: { by: 'no-object' } };
  }
  return judgeRule(rule, object);
}

function verdict(status: 'True' | 'Unknown', reason: string): HealthVerdict {
  return { condition: { status, reason, message: '' }, decider: { by: 'no-rule' } };
}
