// What a resource hands to the resources after it: a source (url + revision), an image, or a
// config. An image or config that is null counts as absent downstream, as in the controller.
import type { JSONValue } from '../jsonpath/index.js';

export interface ResourceOutput {
  source?: { url: JSONValue; revision: JSONValue };
  image?: JSONValue;
  config?: JSONValue;
  /** Stamped but not ready (a deployment whose condition is not met): no output yet. */
  waiting?: string;
  /** Stamped, and its health rule finds the object not healthy: an immutable or tekton
   *  template hands on no output (why, in words). */
  unhealthy?: string;
}

/** Resource name → its output; `null` when the resource failed (it is recorded all the same). */
export type OutputMap = Map<string, ResourceOutput | null>;
