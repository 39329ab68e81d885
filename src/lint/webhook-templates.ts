// The admission webhook rules for templates (spec §1.8), with the controller's messages: the
// shared TemplateSpec rules of the five Cluster*Template kinds, ClusterDeploymentTemplate's
// observedMatches/observedCompletion rule, and ClusterRunTemplate's rules. The webhook stops
// at the first failure; lint reports every rule that fails, in the webhook's order, except
// where the webhook itself skips a rule (a template with a healthRule is never checked for a
// retention policy).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { goValueText, marshal, type JSONValue } from '../jsonpath/index.js';
import type { SourceDocument } from '../load/index.js';
import { isObject, own } from '../util/objects.js';
import { lintDiagnostic, refOf, type Place } from './report.js';

/** A JSON value the way Go decodes it into a pointer or slice: absent and null are both nil. */
export function isSet(parent: Record<string, unknown>, key: string): boolean {
  const value = own(parent, key);
  return value !== undefined && value !== null;
}

export function checkTemplateWebhook(doc: SourceDocument, kind: string, name: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const object = refOf(kind, name);
  const spec = own(doc.value, 'spec');
  if (!isObject(spec)) return out;
  const place = (path: (string | number)[], key = false): Place => ({ doc, object, path, key });
  const template = own(spec, 'template');
  const ytt = own(spec, 'ytt');
  const hasTemplate = template !== undefined && template !== null;
  const hasYtt = typeof ytt === 'string' && ytt !== '';
  if (!hasTemplate && !hasYtt) {
    out.push(lintDiagnostic('template-source', 'invalid template: must specify one of template or ytt, found neither', place(['spec'], true), {
      hint: 'give the object to stamp in spec.template, or a ytt template in spec.ytt',
    }));
  } else if (hasTemplate && hasYtt) {
    out.push(lintDiagnostic('template-source', 'invalid template: must specify one of template or ytt, found both', place(['spec', 'ytt'], true), {
      hint: 'keep only one of spec.template and spec.ytt',
    }));
  } else if (hasTemplate) {
    out.push(...checkTemplateObject(template, place));
  }
  const healthRule = own(spec, 'healthRule');
  if (healthRule !== undefined && healthRule !== null) {
    // The webhook returns the health rule's verdict here, so the retention rule is never reached.
    if (isObject(healthRule)) out.push(...checkHealthRule(healthRule, place));
  } else {
    const lifecycle = own(spec, 'lifecycle');
    // The CRD defaults an omitted lifecycle to mutable.
    if (isSet(spec, 'retentionPolicy') && (lifecycle === undefined || lifecycle === null || lifecycle === 'mutable')) {
      out.push(lintDiagnostic('retention-policy-mutable', 'invalid template: if lifecycle is mutable, no retention policy may be set', place(['spec', 'retentionPolicy'], true), {
        hint: 'a retention policy only applies to immutable and tekton lifecycles; remove it or set spec.lifecycle',
      }));
    }
  }
  if (kind === 'ClusterDeploymentTemplate') {
    const matches = isSet(spec, 'observedMatches');
    const completion = isSet(spec, 'observedCompletion');
    if (matches === completion) {
      out.push(lintDiagnostic('deployment-observed', 'invalid spec: must set exactly one of spec.ObservedMatches and spec.ObservedCompletion', place(matches ? ['spec', 'observedCompletion'] : ['spec'], true), {
        hint: matches ? 'keep only one of observedMatches and observedCompletion' : 'say when the deployment is done: spec.observedMatches or spec.observedCompletion',
      }));
    }
  }
  return out;
}

/** Rules 3 and 4: the template must decode as a Kubernetes object and must not set a namespace. */
function checkTemplateObject(template: unknown, place: (path: (string | number)[], key?: boolean) => Place): Diagnostic[] {
  if (!isObject(template)) return []; // the schema reports a template that is not an object
  const kind = own(template, 'kind');
  if (typeof kind !== 'string' || kind === '') {
    return [lintDiagnostic('template-parse', `invalid template: failed to parse object: Object 'Kind' is missing in '${marshal(template as JSONValue)}'`, place(['spec', 'template'], true), {
      hint: 'the stamped object needs a kind (and an apiVersion)',
    })];
  }
  const metadata = own(template, 'metadata');
  const namespace = isObject(metadata) ? own(metadata, 'namespace') : undefined;
  if (typeof namespace === 'string' && namespace !== '') {
    return [lintDiagnostic('template-namespace', 'invalid template: template should not set metadata.namespace on the child object', place(['spec', 'template', 'metadata', 'namespace'], true), {
      hint: "remove metadata.namespace: stamped objects always go to the owner's namespace",
    })];
  }
  return [];
}

function checkHealthRule(rule: Record<string, unknown>, place: (path: (string | number)[], key?: boolean) => Place): Diagnostic[] {
  const count = [isSet(rule, 'alwaysHealthy'), typeof own(rule, 'singleConditionType') === 'string' && own(rule, 'singleConditionType') !== '', isSet(rule, 'multiMatch')].filter(Boolean).length;
  if (count !== 1) {
    return [lintDiagnostic('health-rule', `invalid health rule: must specify one of alwaysHealthy, singleConditionType or multiMatch, found ${count === 0 ? 'neither' : 'multiple'}`, place(['spec', 'healthRule'], true))];
  }
  const multi = own(rule, 'multiMatch');
  if (!isObject(multi)) return [];
  const empty = (side: string) => {
    const s = own(multi, side);
    if (!isObject(s)) return true;
    const conditions = own(s, 'matchConditions');
    const fields = own(s, 'matchFields');
    return !(Array.isArray(conditions) && conditions.length > 0) && !(Array.isArray(fields) && fields.length > 0);
  };
  for (const side of ['unhealthy', 'healthy']) {
    if (empty(side)) {
      return [lintDiagnostic('health-rule', `invalid multi match health rule: ${side} rule has no matchFields or matchConditions`, place(['spec', 'healthRule', 'multiMatch', side], true))];
    }
  }
  return [];
}

export function checkRunTemplateWebhook(doc: SourceDocument, name: string): Diagnostic[] {
  const object = refOf('ClusterRunTemplate', name);
  const spec = own(doc.value, 'spec');
  const template = isObject(spec) ? own(spec, 'template') : undefined;
  if (!isObject(template)) return []; // missing or not an object: the schema reports it first
  const place = (path: (string | number)[], key = false): Place => ({ doc, object, path, key });
  const problems = checkTemplateObject(template, place);
  if (problems.length > 0) return problems;
  if (own(template, 'spec') === undefined) {
    return [lintDiagnostic('run-template-spec', `invalid template: object must have a spec; templated object: ${goValueText(template as JSONValue)}`, place(['spec', 'template'], true), {
      hint: 'the Runnable controller only stamps objects with a top-level spec (a Tekton PipelineRun or TaskRun, a Job…)',
    })];
  }
  return [];
}
