// Stamps one template against a templating context the caller built, as the controller's
// Stamper does: `spec.ytt` through a ytt runner or `spec.template` through the `$(…)$`
// interpolator, then the owner's namespace, the ownerReference and the labels (spec §7.1, §4,
// §8). The realizer composes the same steps with its own diagnostics; this is for callers that
// bring their own context and label set, such as `carto test` with cartotest's mock supply chain.
import type { GoStruct, JSONValue } from '../jsonpath/index.js';
import type { Format, JSONObject, Template } from '../model/index.js';
import { finishObject, type OwnerReference } from './finish.js';
import { controllerPath, interpolateTemplate } from './interpolate.js';
import { stampYtt, type YttRunner } from './ytt.js';

export interface StampOptions {
  context: GoStruct;
  labels: Record<string, string>;
  /** The owner's namespace. */
  namespace: string;
  ownerReference?: OwnerReference;
  semantics: Format;
  /** Runs `spec.ytt` templates; without one, a ytt template cannot be stamped. */
  ytt?: YttRunner;
}

export type Stamped =
  | { ok: true; object: JSONObject }
  | {
      ok: false;
      /** The Stamper's error, as the controller words it (what follows "unable to stamp object …: "). */
      message: string;
      /** Where in the template, when known (e.g. `spec.template.spec.replicas`). */
      path?: string;
      /** ytt's own error text, when ytt failed. */
      detail?: string;
    };

export function stampTemplate(template: Template, options: StampOptions): Stamped {
  let stamped: JSONObject;
  if (template.ytt !== undefined) {
    if (!options.ytt) return { ok: false, message: 'unable to apply ytt template: no ytt runner was given', path: 'spec.ytt' };
    const result = stampYtt(template.ytt, options.context, options.ytt);
    if (!result.ok) return { ok: false, message: result.controllerMessage, path: 'spec.ytt', ...(result.detail ? { detail: result.detail } : {}) };
    stamped = result.object;
  } else if (!template.template) {
    return { ok: false, message: 'unknown resource template type, expected either template or ytt', path: 'spec' };
  } else {
    const interpolated = interpolateTemplate(template.template as JSONValue, options.context, options.semantics);
    const first = interpolated.errors[0];
    // The controller stops at the first failing leaf (which one is random in Go); this is the first in document order.
    if (first) return { ok: false, message: `failed to recursively evaluate template: ${first.controllerMessage}`, path: ['spec.template', controllerPath(first.path)].filter((p) => p !== '').join('.') };
    stamped = interpolated.value as JSONObject;
  }
  const finished = finishObject(stamped, {
    namespace: options.namespace,
    labels: options.labels,
    ...(options.ownerReference ? { ownerReference: options.ownerReference } : {}),
    semantics: options.semantics,
  });
  if (!finished.ok) return { ok: false, message: finished.reason, path: finished.path.join('.') };
  return { ok: true, object: finished.object };
}
