// The one stamper, as the controller's Stamper works (spec §7.1, §4, §8): a template body —
// `spec.ytt` through a ytt runner, or `spec.template` through the `$(…)$` interpolator — against
// a context the caller built, then the owner's namespace, the ownerReference and the labels.
// Supply-chain resources, Runnables and `carto test` all stamp through here. A failure is data
// (which step, and its details): render's words for it are in src/realize/diagnose.ts, and
// `carto test` reports the Stamper's own error (stamperError), as cartotest does.
import type { GoStruct, JSONValue } from '../jsonpath/index.js';
import type { Format, JSONObject } from '../model/index.js';
import { finishObject, type FinishOptions, type OwnerReference } from './finish.js';
import { controllerPath, interpolateTemplate, type InterpolationError, type SubstitutionBudget } from './interpolate.js';
import { stampYtt, type YttRunner, type YttStamped } from './ytt.js';

/** What a template stamps from: `spec.template`, `spec.ytt`, or (invalid) both or neither. */
export interface StampBody {
  readonly template?: JSONObject | undefined;
  readonly ytt?: string | undefined;
}

export interface StampOptions {
  context: GoStruct;
  labels: Record<string, string>;
  /** The owner's namespace. */
  namespace: string;
  ownerReference?: OwnerReference;
  semantics: Format;
  /** Runs `spec.ytt` templates; without one, a ytt template cannot be stamped. */
  ytt?: YttRunner;
  /** The render's substitution budget (a fresh one when absent). */
  substitution?: SubstitutionBudget;
}

export type StampFailure =
  /** The admission webhook refuses such a template, so the controller never sees one. */
  | { step: 'both-sources' }
  | { step: 'no-source' }
  | { step: 'ytt-unavailable' }
  | { step: 'ytt'; ytt: Extract<YttStamped, { ok: false }> }
  /** Every failing placeholder, in document order (the controller stops at one of them). */
  | { step: 'placeholders'; errors: InterpolationError[] }
  /** The finished object is not what the stamper accepts (a namespace of its own, metadata not a map). */
  | { step: 'finish'; reason: string; path: string[] };

export type Stamped = { ok: true; object: JSONObject } | { ok: false; failure: StampFailure };

export function stampTemplate(body: StampBody, options: StampOptions): Stamped {
  const stamped = stampBody(body, options);
  if (!stamped.ok) return stamped;
  const finishing: FinishOptions = { namespace: options.namespace, labels: options.labels, semantics: options.semantics };
  if (options.ownerReference) finishing.ownerReference = options.ownerReference;
  const finished = finishObject(stamped.object, finishing);
  if (!finished.ok) return { ok: false, failure: { step: 'finish', reason: finished.reason, path: finished.path } };
  return { ok: true, object: finished.object };
}

function stampBody(body: StampBody, options: StampOptions): Stamped {
  if (body.ytt !== undefined && body.template) return { ok: false, failure: { step: 'both-sources' } };
  if (body.ytt !== undefined) {
    if (!options.ytt) return { ok: false, failure: { step: 'ytt-unavailable' } };
    const result = stampYtt(body.ytt, options.context, options.ytt);
    return result.ok ? { ok: true, object: result.object } : { ok: false, failure: { step: 'ytt', ytt: result } };
  }
  if (!body.template) return { ok: false, failure: { step: 'no-source' } };
  const interpolated = interpolateTemplate(body.template as JSONValue, options.context, options.semantics, options.substitution);
  if (interpolated.errors.length > 0) return { ok: false, failure: { step: 'placeholders', errors: interpolated.errors } };
  return { ok: true, object: interpolated.value as JSONObject };
}

/**
 * The Stamper's error as the controller words it (what follows "unable to stamp object …: "), and
 * where in the template it is (`spec.template.spec.replicas`). For placeholders, the first in
 * document order: the controller stops at the first failing leaf (which one is random in Go).
 */
export function stamperError(failure: StampFailure): { message: string; path: string } {
  switch (failure.step) {
    case 'both-sources':
      return { message: 'invalid template: must specify one of template or ytt, found both', path: 'spec' };
    case 'no-source':
      return { message: 'unknown resource template type, expected either template or ytt', path: 'spec' };
    case 'ytt-unavailable':
      return { message: 'unable to apply ytt template: no ytt runner was given', path: 'spec.ytt' };
    case 'ytt':
      return { message: failure.ytt.controllerMessage, path: 'spec.ytt' };
    case 'placeholders': {
      const first = failure.errors[0];
      return {
        message: `failed to recursively evaluate template: ${first?.controllerMessage ?? ''}`,
        path: ['spec.template', first ? controllerPath(first.path) : ''].filter((p) => p !== '').join('.'),
      };
    }
    case 'finish':
      return { message: failure.reason, path: failure.path.join('.') };
  }
}
