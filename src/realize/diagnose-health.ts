// A health verdict that changes what render hands on, in words: the warning for an immutable or
// tekton resource whose object is not healthy (so it has no outputs), and the note for one taken
// as healthy because only a live object could tell. Each names the requirement of the rule that
// decided and what it found on which object, points at that requirement in the template, and
// quotes the `Healthy` condition's message as the controller writes it.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isTektonDefault, type Decider, type Requirement } from '../health/index.js';
import { goValueText } from '../jsonpath/index.js';
import type { Owner, Resource, Template } from '../model/index.js';
import type { Gate } from './lifecycle.js';
import { diagnostic, ownerRef } from './where.js';

/**
 * `supplied`: without mocks, the rule could not tell and the user supplied the outputs, which are
 * used. `ignored`: outputs supplied for an object whose live object the rule does not find
 * healthy, which are not (the controller takes none from it).
 */
export function healthGateDiagnostic(gate: Extract<Gate, { outcome: 'assumed' | 'closed' }>, owner: Owner, resource: Resource, template: Template, given: { supplied?: boolean; ignored?: readonly string[] } = {}): Diagnostic {
  const { supplied = false, ignored = [] } = given;
  const { condition, decider } = gate.verdict;
  const object = gate.live ? `the live object (${gate.live.file}:${gate.live.line})` : 'the stamped object';
  const why = clause(decider, object, template);
  const where = { doc: template.doc, object: { kind: template.kind, name: template.name }, path: rulePath(decider, template) };
  const extra = { owner: ownerRef(owner), resource: resource.name, ...(condition.message !== '' ? { controllerMessage: condition.message } : {}) };
  const rule = isTektonDefault(template)
    ? `lifecycle tekton of ${template.kind} ${template.name} (no health rule: the Succeeded condition)`
    : `the health rule of ${template.kind} ${template.name}`;
  if (gate.outcome === 'assumed') {
    return diagnostic('note', 'health-assumed', `the object of resource ${resource.name} is taken as healthy: ${rule} cannot tell yet, as ${why} (give the live object with --observed to check)`, where, extra);
  }
  if (supplied) {
    return diagnostic('note', 'health-unknown-supplied', `${rule} cannot tell yet whether the object of resource ${resource.name} is healthy, as ${why}: its outputs are the ones supplied (--outputs, --set-output), as if its live object had them`, where, {
      ...extra,
      hint: `its Healthy condition stays Unknown, so the owner is not Ready: give the live object with --observed for the rule to judge`,
    });
  }
  const verdict = condition.status === 'False' ? 'unhealthy' : 'not healthy (Unknown)';
  return diagnostic('warning', 'resource-unhealthy', `${rule} finds the object of resource ${resource.name} ${verdict}, so it has no outputs: ${why}`, where, {
    ...extra,
    hint: gate.live
      ? `${article(template.lifecycle)} template hands on outputs only from a healthy object (the newest one); give a live object the rule finds healthy with --observed to render what follows ${resource.name}${ignored.length > 0 ? ` (the ${ignored.join(' and ')} supplied for it ${ignored.length === 1 ? 'is' : 'are'} not used while the live object given is not healthy)` : ''}`
      : condition.status === 'Unknown'
        // Only without mocks (carto status): render takes an Unknown verdict as healthy.
        ? `${article(template.lifecycle)} template hands on outputs only from a healthy object, and only the live object's status can tell: give it with --observed (a fresh cluster's has none yet, so the controller ${template.kind === 'ClusterDeploymentTemplate' ? 'cannot judge the deployment, an error until it can' : 'waits'})`
        : `${article(template.lifecycle)} template hands on outputs only from a healthy object, and this verdict comes from what the template stamps, so a cluster reaches it too`,
  });
}

function clause(decider: Decider, object: string, template: Template): string {
  switch (decider.by) {
    case 'single-condition':
      return decider.found ? `${object} has condition ${decider.type} ${statusText(decider.found)}` : `${object} has no ${decider.type} condition`;
    case 'match':
      return `${found(decider.requirement, object)}, which ${requirementText(decider.requirement)} matches`;
    case 'no-match':
      return decider.unmet
        ? `no unhealthy requirement matches, and ${found(decider.unmet, object)}, which ${requirementText(decider.unmet)} does not match`
        : 'no unhealthy requirement matches';
    case 'empty-rule':
      return `spec.healthRule of ${template.kind} ${template.name} sets none of alwaysHealthy, singleConditionType and multiMatch`;
    default:
      return `${object} cannot be judged`;
  }
}

/** What a requirement found: `spec.value.revision is main on the stamped object`. */
function found(r: Requirement, object: string): string {
  if (r.part === 'matchConditions') return r.found ? `${object} has condition ${r.type} ${statusText(r.found)}` : `${object} has no ${r.type} condition`;
  return r.value === undefined ? `${r.requirement.key} is not set on ${object}` : `${r.requirement.key} is ${goValueText(r.value)} on ${object}`;
}

/** `multiMatch.unhealthy.matchFields[0] (NotIn [dev])`. */
function requirementText(r: Requirement): string {
  const at = `multiMatch.${r.side}.${r.part}[${r.index}]`;
  if (r.part === 'matchConditions') return `${at} (${r.type} ${r.status})`;
  const values = r.requirement.operator === 'In' || r.requirement.operator === 'NotIn' ? ` [${(r.requirement.values ?? []).join(' ')}]` : '';
  return `${at} (${r.requirement.operator}${values})`;
}

/** `an immutable`, `a tekton`. */
function article(lifecycle: string): string {
  return `${/^[aeiou]/.test(lifecycle) ? 'an' : 'a'} ${lifecycle}`;
}

function statusText(c: { status: string; message: string }): string {
  return c.message !== '' ? `${c.status} (${c.message})` : c.status;
}

/** The part of the template that decided: the requirement, the rule, or spec.lifecycle for tekton's default. */
function rulePath(decider: Decider, template: Template): (string | number)[] {
  if (isTektonDefault(template)) return ['spec', 'lifecycle'];
  const requirement = decider.by === 'match' ? decider.requirement : decider.by === 'no-match' ? decider.unmet : undefined;
  if (requirement) return ['spec', 'healthRule', 'multiMatch', requirement.side, requirement.part, requirement.index];
  return decider.by === 'single-condition' ? ['spec', 'healthRule', 'singleConditionType'] : ['spec', 'healthRule'];
}

