// The verdict of a template's health rule on one object: the `Healthy` condition Cartographer
// writes on the owner's status for that resource (type aside), and what render and status read
// to decide whether an immutable or tekton resource has outputs.

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface HealthCondition {
  status: ConditionStatus;
  /** The controller's reason, e.g. `AlwaysHealthy`, `SingleConditionType`, `MatchedField`. */
  reason: string;
  /** The controller's message ("" where it writes none). */
  message: string;
}
