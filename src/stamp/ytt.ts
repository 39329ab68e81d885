// `spec.ytt` templates, with Cartographer's protocol (spec §7.1): the templating context goes in
// as one data value per top-level key (its Go-JSON, keys sorted), the body is the only file
// (`stdin.yml`), and only the FIRST output document is used; it must be an object with a kind.
// How ytt runs is up to the runner: the built-in engine, or a ytt binary (the CLI's --ytt).
import { marshal, toJSON, type GoStruct, type GoValue, type JSONValue } from '../jsonpath/index.js';

export interface YttRunner {
  (body: string, dataValues: ReadonlyArray<{ key: string; value: JSONValue }>): YttRun;
}

/** Checks a body without running it: its failure as a run would report it, or undefined. */
export interface YttCheck {
  (body: string): Extract<YttRun, { ok: false }> | undefined;
}

export type YttRun =
  | { ok: true; documents: unknown[] }
  | {
      ok: false;
      /** ytt's stderr (or the reason the binary could not run), as the controller reports it. */
      text: string;
      /** The first error line, e.g. `key "x" not in struct`. */
      detail: string;
      /** 1-based line inside the body, when ytt named one. */
      line?: number;
    };

/**
 * The data values Cartographer passes: each top-level context key, in sorted order. A value's
 * Go-JSON is made when it is first read (`value`); contextSource tells a runner which Go value it
 * is made of, so that the built-in engine can convert an owner once for all its templates.
 */
export function yttDataValues(context: GoStruct): Array<{ key: string; value: JSONValue }> {
  const values = context.fields.map((f) => contextValue(f.name, f.value));
  return values.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Where a data value keeps the Go value it is made of: a registered symbol, not the class, since
 * this module is bundled both with render and with the built-in engine (two copies of the class).
 */
const SOURCE = Symbol.for('carto.ytt.contextSource');

/**
 * One data value of the context: a plain `{key, value}` to read, with the Go value it is made of.
 * `value` is an own enumerable getter, so that a runner copying the entry (`{...entry}`, JSON)
 * gets the value as it would from a plain object.
 */
function contextValue(key: string, source: GoValue): { key: string; value: JSONValue } {
  let json: JSONValue | undefined;
  const entry = { key, [SOURCE]: source } as { key: string; value: JSONValue; [SOURCE]: GoValue };
  Object.defineProperty(entry, 'value', { enumerable: true, get: () => (json ??= toJSON(source)) });
  return entry;
}

/** The Go value a data value of yttDataValues is made of (undefined for any other object). */
export function contextSource(entry: { key: string; value: JSONValue }): GoValue | undefined {
  return (entry as { [SOURCE]?: GoValue })[SOURCE];
}

export type YttStamped =
  | { ok: true; object: Record<string, unknown> }
  | { ok: false; reason: string; controllerMessage: string; line?: number; detail?: string };

export function stampYtt(body: string, context: GoStruct, run: YttRunner): YttStamped {
  const result = run(body, yttDataValues(context));
  if (!result.ok) {
    return {
      ok: false,
      reason: result.detail,
      controllerMessage: `unable to apply ytt template: ${result.text}`,
      ...(result.line !== undefined ? { line: result.line } : {}),
      detail: result.text,
    };
  }
  // sigs.k8s.io/yaml reads one document into an Unstructured, which needs a kind.
  let first: unknown;
  try {
    first = toPlain(result.documents[0] ?? null);
  } catch (err) {
    if (!(err instanceof NotJson)) throw err;
    return { ok: false, reason: `the ytt template produced ${err.message}`, controllerMessage: `unable to apply ytt template: ${err.message}` };
  }
  // The controller decodes ytt's output as JSON into an Unstructured, and says so in its error.
  const decoding = 'error unmarshaling JSON: while decoding JSON: ';
  if (first === null) return { ok: false, reason: 'the ytt template produced no object', controllerMessage: `Object 'Kind' is missing in '{}'` };
  if (typeof first !== 'object' || Array.isArray(first)) {
    const type = Array.isArray(first) ? 'array' : typeof first === 'boolean' ? 'bool' : typeof first;
    return { ok: false, reason: 'the ytt template produced no object', controllerMessage: `${decoding}json: cannot unmarshal ${type} into Go value of type map[string]interface {}` };
  }
  const kind = (first as Record<string, unknown>)['kind'];
  if (typeof kind !== 'string' || kind === '') {
    return { ok: false, reason: 'the first document the ytt template produced has no kind', controllerMessage: `${decoding}Object 'Kind' is missing in '${marshal(first as JSONValue)}'` };
  }
  return { ok: true, object: first as Record<string, unknown> };
}

/** ytt's ordered maps as JSON objects: keys become strings, as YAML → JSON conversion does. */
export function toPlain(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) {
      const key = typeof k === 'string' ? k : k === null ? 'null' : String(k);
      if (key === '__proto__') Object.defineProperty(out, key, { value: toPlain(v), enumerable: true, writable: true, configurable: true });
      else out[key] = toPlain(v);
    }
    return out;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new NotJson(value);
  return value;
}

/** ytt printed a number JSON cannot hold (`float("inf")`): sigs.k8s.io/yaml fails on it, as does the controller. */
class NotJson extends Error {
  constructor(value: number) {
    super(`json: unsupported value: ${value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN'}`);
  }
}

/** The first error line and the body line of ytt's stderr (`- <message>`, `stdin.yml:8 | …`). */
export function summarizeYttError(stderr: string): { detail: string; line?: number } {
  const lines = stderr.split('\n');
  const message = lines.find((l) => l.startsWith('- '))?.slice(2) ?? lines.find((l) => l.trim() !== '' && !/^ytt: Error:\s*$/.test(l))?.trim() ?? stderr.trim();
  const at = /stdin\.yml:(\d+)/.exec(stderr);
  return { detail: message.replace(/^ytt: Error:\s*/, ''), ...(at ? { line: Number(at[1]) } : {}) };
}
