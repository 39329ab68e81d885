// Conditions as Cartographer writes them, and how it rolls several up into one: each list ends
// with a top-level condition (`Ready`, or `ResourcesHealthy`) that is True when all are, False
// with the last False one's reason and message, else Unknown with the first Unknown one's; an
// empty list is just an Unknown top-level condition. lastTransitionTime is left out: only the
// moment of the reconcile decides it.
import type { ConditionStatus } from '../health/index.js';
import type { ControllerCondition } from '../realize/index.js';

/** One condition: the same shape the core's realize/conditions.ts writes a resource's in. */
export type Condition = ControllerCondition;

/** `conditions` followed by their roll-up of type `top`. */
export function withTopCondition(top: string, conditions: readonly Condition[]): Condition[] {
  if (conditions.length === 0) return [{ type: top, status: 'Unknown', reason: 'Unknown', message: '' }];
  let status: ConditionStatus = 'True';
  let reason = 'Ready';
  let message = '';
  for (const c of conditions) {
    if (c.status === 'False') {
      status = 'False';
      reason = c.reason;
      message = c.message;
    } else if (c.status === 'Unknown' && status === 'True') {
      status = 'Unknown';
      reason = c.reason;
      message = c.message;
    }
  }
  return [...conditions, { type: top, status, reason, message }];
}

/** A condition's fields in the order Cartographer's YAML lists them (lastTransitionTime aside). */
export function conditionObject(c: Condition): Record<string, unknown> {
  return { message: c.message, reason: c.reason, status: c.status, type: c.type };
}
