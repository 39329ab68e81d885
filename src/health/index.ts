// Health rules (`spec.healthRule`) evaluated on stamped and observed objects.
export type { ConditionStatus, HealthCondition } from './condition.js';
export { statusConditions, conditionOfType, type StatusCondition } from './conditions.js';
export { judgeRule, type Decider, type HealthVerdict, type Requirement, type Side } from './rule.js';
export { effectiveRule, isTektonDefault, resourceHealth, type ResourceHealthInput } from './resource.js';
export { liveView } from './live.js';
