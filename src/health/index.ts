// Health rules (`spec.healthRule`) evaluated on stamped and observed objects.
export type { ConditionStatus, HealthCondition } from './condition.js';
