// A resource's `Healthy` condition: the core's (ResourceReport.health, the template's health rule
// on the stamped object and its live one, or without a rule what its outputs say), set wherever
// the controller writes one — whenever the resource's template was found.
import type { ResourceReport } from '../realize/index.js';
import type { Condition } from './conditions.js';

/** The Healthy condition, or undefined when the controller adds none (no template: an option that did not resolve, a passThrough). */
export function healthyCondition(entry: ResourceReport): Condition | undefined {
  return entry.health ? { type: 'Healthy', ...entry.health } : undefined;
}
