// A template's health rule evaluated on one object, as Cartographer v0.8.11 evaluates it
// (pkg/realizer/healthcheck): alwaysHealthy, then singleConditionType, then multiMatch (any
// unhealthy requirement → False; else every healthy requirement → True; else Unknown). The
// verdict is the controller's `Healthy` condition, byte for byte, plus what decided it, so that
// render can say which requirement matched which field.
import { evaluateJsonPath } from '../eval/index.js';
import { goValueText, type GoValue, type JSONValue } from '../jsonpath/index.js';
import type { HealthFieldRequirement, HealthMatchRule, HealthRule, JSONObject } from '../model/index.js';
import { matchFieldRequirement } from '../select/index.js';
import type { HealthCondition } from './condition.js';
import { conditionOfType, type StatusCondition } from './conditions.js';

export type Side = 'healthy' | 'unhealthy';

/** The requirement of a multiMatch rule that decided, and what it found on the object. */
export type Requirement =
  | { part: 'matchConditions'; side: Side; index: number; type: string; status: string; found?: StatusCondition }
  | { part: 'matchFields'; side: Side; index: number; requirement: HealthFieldRequirement; value?: JSONValue };

/** What decided a verdict. */
export type Decider =
  | { by: 'no-rule' }
  | { by: 'always-healthy' }
  /** A rule that sets none of alwaysHealthy, singleConditionType and multiMatch (the webhook refuses it). */
  | { by: 'empty-rule' }
  /** The rule is there, but nothing was stamped to evaluate it on. */
  | { by: 'no-object' }
  | { by: 'single-condition'; type: string; found?: StatusCondition }
  /** The first unhealthy requirement that matches, or (True) the first healthy one. */
  | { by: 'match'; requirement: Requirement }
  /** No unhealthy requirement matches, and this healthy one does not. */
  | { by: 'no-match'; unmet?: Requirement };

export interface HealthVerdict {
  condition: HealthCondition;
  decider: Decider;
}

/** `rule` on `object` (the stamped object, with the live object's status when there is one). */
export function judgeRule(rule: HealthRule, object: JSONObject): HealthVerdict {
  if (rule.alwaysHealthy) return { condition: { status: 'True', reason: 'AlwaysHealthy', message: '' }, decider: { by: 'always-healthy' } };
  if (rule.singleConditionType !== '') return singleCondition(rule.singleConditionType, object);
  if (rule.multiMatch) return multiMatch(rule.multiMatch, object);
  return { condition: { status: 'Unknown', reason: 'Unknown', message: '' }, decider: { by: 'empty-rule' } };
}

function singleCondition(type: string, object: JSONObject): HealthVerdict {
  const found = conditionOfType(object, type);
  const reason = `${type}Condition`;
  if (!found) {
    return { condition: { status: 'Unknown', reason, message: `condition with type [${type}] not found on resource status` }, decider: { by: 'single-condition', type } };
  }
  const status = found.status === 'True' || found.status === 'False' ? found.status : 'Unknown';
  return { condition: { status, reason, message: found.message }, decider: { by: 'single-condition', type, found } };
}

function multiMatch(rule: { healthy: HealthMatchRule; unhealthy: HealthMatchRule }, object: JSONObject): HealthVerdict {
  const unhealthy = requirements(rule.unhealthy, 'unhealthy', object).find((r) => r.matches === true);
  if (unhealthy) return matched('False', unhealthy.requirement, object);
  const healthy = requirements(rule.healthy, 'healthy', object);
  const unmet = healthy.find((r) => r.matches !== true);
  if (unmet) return { condition: { status: 'Unknown', reason: 'NoMatchesFulfilled', message: '' }, decider: { by: 'no-match', unmet: unmet.requirement } };
  const first = healthy[0];
  // A healthy side with no requirement at all (the webhook refuses it) is True without a reason.
  if (!first) return { condition: { status: 'True', reason: '', message: '' }, decider: { by: 'no-match' } };
  return matched('True', first.requirement, object);
}

/** Each requirement of one side, in the controller's order (conditions, then fields), and whether
 *  it matches (`error`: a field requirement that cannot be evaluated, which never matches). */
function requirements(rule: HealthMatchRule, side: Side, object: JSONObject): Array<{ requirement: Requirement; matches: boolean | 'error' }> {
  const conditions = rule.matchConditions.map((c, index) => {
    const found = conditionOfType(object, c.type);
    const requirement: Requirement = { part: 'matchConditions', side, index, type: c.type, status: c.status, ...(found ? { found } : {}) };
    return { requirement, matches: found !== undefined && found.status === c.status };
  });
  const fields = rule.matchFields.map((f, index) => {
    const read = evaluateJsonPath(f.key, object as GoValue, 'current');
    const requirement: Requirement = { part: 'matchFields', side, index, requirement: f, ...(read.ok ? { value: read.value } : {}) };
    const match = matchFieldRequirement(f, object as GoValue, 'current');
    return { requirement, matches: match.ok ? match.matches : ('error' as const) };
  });
  return [...conditions, ...fields];
}

function matched(status: 'True' | 'False', requirement: Requirement, object: JSONObject): HealthVerdict {
  const decider: Decider = { by: 'match', requirement };
  if (requirement.part === 'matchConditions') {
    const c = requirement.found as StatusCondition;
    return { condition: { status, reason: 'MatchedCondition', message: `condition status: ${c.status}, message: ${c.message}` }, decider };
  }
  const field = requirement.value !== undefined ? goValueText(requirement.value) : '<error retrieving field value>';
  const path = requirement.requirement.messagePath;
  const read = evaluateJsonPath(path, object as GoValue, 'current');
  const message = read.ok ? goValueText(read.value) : `unknown, error retrieving message path [${path}]`;
  return { condition: { status, reason: 'MatchedField', message: `field value: ${field}, message: ${message}` }, decider };
}
