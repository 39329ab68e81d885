// Whether a ClusterDeploymentTemplate's object is ready, so that its deployment input may pass
// through as its output (spec §9.1). The controller checks the live object; carto reads each
// path the way outputs are read (stamped object, then the observed one). When a path can be read
// from neither, render takes the deployment as complete and says so; `carto status` (assume:
// false) answers as the controller does on a fresh cluster, where that status is not there yet.
import type { JSONValue } from '../jsonpath/index.js';
import type { SourceDocument } from '../load/index.js';
import type { Format, JSONObject, Template } from '../model/index.js';
import { readPath, type Read } from './read.js';
import { goFloatV } from '../util/go-float.js';

/**
 * Why a deployment is not ready, as the controller's error types tell it apart: `not-met`
 * (DeploymentConditionError, condition ConditionNotMet), `failed` (the failed condition holds:
 * FailedConditionMet), `no-observed-generation` (ObservedGenerationError, TemplateStampFailure),
 * `path-error` (a path that cannot be evaluated: JsonPathError, MissingValueAtPath).
 */
export type NotReadyKind = 'not-met' | 'failed' | 'no-observed-generation' | 'path-error';

export type Readiness =
  | { ready: true; assumed?: string }
  | {
      ready: false;
      kind: NotReadyKind;
      /** The controller's reason, e.g. `deployment success condition [...] was: ...`. */
      reason: string;
      /** For a path-error: the path. */
      expression?: string;
    };

type Value = { ok: true; value: JSONValue | undefined } | { ok: false; error: string };

export function deploymentReadiness(template: Template, stamped: JSONObject, observed: SourceDocument | undefined, semantics: Format, assume = true): Readiness {
  const unread: string[] = [];
  /** The value at `path`, `undefined` when it cannot be known offline (and may be assumed), or the failure. */
  const value = (path: string): Value => {
    const read = readPath(path, stamped, observed, semantics);
    if (read.found) return { ok: true, value: read.value };
    if (read.observedError !== undefined) return { ok: false, error: read.observedError };
    if (!assume) return { ok: false, error: read.error ?? read.missing ?? '' };
    unread.push(path);
    return { ok: true, value: undefined };
  };
  // A live object always has metadata.generation: on a fresh cluster (nothing observed) it is 1.
  const generation: Value = assume || observed ? value('metadata.generation') : { ok: true, value: 1 };
  const verdict = template.observedCompletion
    ? completion(template.observedCompletion, generation, value, (path) => readPath(path, stamped, observed, semantics))
    : matches(template.observedMatches ?? [], value);
  if (!verdict.ready || unread.length === 0) return verdict;
  return { ready: true, assumed: `${unread.join(', ')} ${unread.length === 1 ? 'exists' : 'exist'} only on the live object` };
}

function completion(spec: NonNullable<Template['observedCompletion']>, generation: Value, value: (path: string) => Value, read: (path: string) => Read): Readiness {
  if (!generation.ok) return { ready: false, kind: 'path-error', reason: `failed to evaluate metadata.generation: ${generation.error}`, expression: 'metadata.generation' };
  const observedGeneration = value('status.observedGeneration');
  if (!observedGeneration.ok) return { ready: false, kind: 'no-observed-generation', reason: `failed to evaluate status.observedGeneration: ${observedGeneration.error}` };
  if (generation.value !== undefined && observedGeneration.value !== undefined && observedGeneration.value !== generation.value) {
    return { ready: false, kind: 'not-met', reason: `status.observedGeneration does not equal metadata.generation: ${goS(observedGeneration.value)} != ${goS(generation.value)}` };
  }
  if (spec.failed) {
    const failed = read(spec.failed.key);
    if (!failed.found && failed.error !== undefined) return { ready: false, kind: 'path-error', reason: `failed to evaluate ${spec.failed.key}: ${failed.error}`, expression: spec.failed.key };
    if (failed.found && failed.value === spec.failed.value) {
      return { ready: false, kind: 'failed', reason: `deployment failure condition [${spec.failed.key}] was: ${goS(failed.value)}` };
    }
  }
  if (spec.succeeded) {
    const succeeded = value(spec.succeeded.key);
    if (!succeeded.ok) return { ready: false, kind: 'not-met', reason: `failed to evaluate succeededCondition.Key [${spec.succeeded.key}]: ${succeeded.error}` };
    if (succeeded.value !== undefined && succeeded.value !== spec.succeeded.value) {
      return { ready: false, kind: 'not-met', reason: `deployment success condition [${spec.succeeded.key}] was: ${goS(succeeded.value)}, expected: ${spec.succeeded.value}` };
    }
  }
  return { ready: true };
}

function matches(list: NonNullable<Template['observedMatches']>, value: (path: string) => Value): Readiness {
  for (const match of list) {
    const input = value(match.input);
    if (!input.ok) return { ready: false, kind: 'not-met', reason: `could not find value on input [${match.input}]: ${input.error}` };
    const output = value(match.output);
    if (!output.ok) return { ready: false, kind: 'not-met', reason: `could not find value on output [${match.output}]: ${output.error}` };
    const crash = input.value !== undefined && output.value !== undefined ? uncomparable(input.value, output.value) : undefined;
    if (crash) return { ready: false, kind: 'not-met', reason: `runtime error: comparing uncomparable type ${crash} (Go's == cannot compare two of them: the controller panics here)` };
    if (input.value !== undefined && output.value !== undefined && !sameValue(input.value, output.value)) {
      return { ready: false, kind: 'not-met', reason: `input [${match.input}] and output [${match.output}] do not match: ${goS(input.value)} != ${goS(output.value)}` };
    }
  }
  return { ready: true };
}

/** Two lists or two maps: Go's `==` on them panics (different types just differ). */
function uncomparable(a: JSONValue, b: JSONValue): string | undefined {
  if (Array.isArray(a) && Array.isArray(b)) return '[]interface {}';
  const isMap = (v: JSONValue) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return isMap(a) && isMap(b) ? 'map[string]interface {}' : undefined;
}

/** Go's `==` on decoded JSON values (a list or map against anything else is unequal). */
function sameValue(a: JSONValue, b: JSONValue): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Object.is(a, b));
}

/** How Go's `%s` prints a decoded JSON value inside the controller's messages. */
export function goS(value: JSONValue, nested = false): string {
  // fmt prints a nil inside a slice or map as <nil>, and a nil argument as a bad verb.
  if (value === null) return nested ? '<nil>' : '%!s(<nil>)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return `%!s(float64=${goFloatV(value)})`;
  if (typeof value === 'boolean') return `%!s(bool=${value})`;
  if (Array.isArray(value)) return `[${value.map((v) => goS(v, true)).join(' ')}]`;
  const keys = Object.keys(value).sort();
  return `map[${keys.map((k) => `${k}:${goS(value[k] as JSONValue, true)}`).join(' ')}]`;
}
