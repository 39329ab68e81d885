// Whether a ClusterDeploymentTemplate's object is ready, so that its deployment input may pass
// through as its output (spec §9.1). The controller checks the live object; carto reads each
// path the way outputs are read (stamped object, then the observed one) and, when a path can
// be read from neither, takes the deployment as complete and says so.
import type { JSONValue } from '../jsonpath/index.js';
import type { SourceDocument } from '../load/index.js';
import type { Format, JSONObject, Template } from '../model/index.js';
import { readPath } from './read.js';
import { goFloatV } from '../util/go-float.js';

export type Readiness =
  | { ready: true; assumed?: string }
  | { ready: false; /** The controller's reason, e.g. `deployment success condition [...] was: ...`. */ reason: string };

export function deploymentReadiness(template: Template, stamped: JSONObject, observed: SourceDocument | undefined, semantics: Format): Readiness {
  const unread: string[] = [];
  /** The value at `path`, `undefined` when it cannot be known offline, or the failure. */
  const value = (path: string): { ok: true; value: JSONValue | undefined } | { ok: false; error: string } => {
    const read = readPath(path, stamped, observed, semantics);
    if (read.found) return { ok: true, value: read.value };
    if (read.observedError !== undefined) return { ok: false, error: read.observedError };
    unread.push(path);
    return { ok: true, value: undefined };
  };
  const assumed = (): Readiness =>
    unread.length > 0
      ? { ready: true, assumed: `${unread.join(', ')} ${unread.length === 1 ? 'exists' : 'exist'} only on the live object` }
      : { ready: true };

  if (template.observedCompletion) {
    const completion = template.observedCompletion;
    const generation = value('metadata.generation');
    if (!generation.ok) return { ready: false, reason: `failed to evaluate metadata.generation: ${generation.error}` };
    const observedGeneration = value('status.observedGeneration');
    if (!observedGeneration.ok) return { ready: false, reason: `failed to evaluate status.observedGeneration: ${observedGeneration.error}` };
    if (generation.value !== undefined && observedGeneration.value !== undefined && observedGeneration.value !== generation.value) {
      return { ready: false, reason: `status.observedGeneration does not equal metadata.generation: ${goS(observedGeneration.value)} != ${goS(generation.value)}` };
    }
    if (completion.failed) {
      const failed = readPath(completion.failed.key, stamped, observed, semantics);
      if (failed.found && failed.value === completion.failed.value) {
        return { ready: false, reason: `deployment failure condition [${completion.failed.key}] was: ${goS(failed.value)}` };
      }
    }
    if (completion.succeeded) {
      const succeeded = value(completion.succeeded.key);
      if (!succeeded.ok) return { ready: false, reason: `failed to evaluate succeededCondition.Key [${completion.succeeded.key}]: ${succeeded.error}` };
      if (succeeded.value !== undefined && succeeded.value !== completion.succeeded.value) {
        return { ready: false, reason: `deployment success condition [${completion.succeeded.key}] was: ${goS(succeeded.value)}, expected: ${completion.succeeded.value}` };
      }
    }
    return assumed();
  }
  for (const match of template.observedMatches ?? []) {
    const input = value(match.input);
    if (!input.ok) return { ready: false, reason: `could not find value on input [${match.input}]: ${input.error}` };
    const output = value(match.output);
    if (!output.ok) return { ready: false, reason: `could not find value on output [${match.output}]: ${output.error}` };
    const crash = input.value !== undefined && output.value !== undefined ? uncomparable(input.value, output.value) : undefined;
    if (crash) return { ready: false, reason: `runtime error: comparing uncomparable type ${crash} (Go's == cannot compare two of them: the controller panics here)` };
    if (input.value !== undefined && output.value !== undefined && !sameValue(input.value, output.value)) {
      return { ready: false, reason: `input [${match.input}] and output [${match.output}] do not match: ${goS(input.value)} != ${goS(output.value)}` };
    }
  }
  return assumed();
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
export function goS(value: JSONValue): string {
  if (value === null) return '%!s(<nil>)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return `%!s(float64=${goFloatV(value)})`;
  if (typeof value === 'boolean') return `%!s(bool=${value})`;
  if (Array.isArray(value)) return `[${value.map(goS).join(' ')}]`;
  const keys = Object.keys(value).sort();
  return `map[${keys.map((k) => `${k}:${goS(value[k] as JSONValue)}`).join(' ')}]`;
}
