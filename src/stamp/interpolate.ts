// `$(…)$` placeholders in spec.template, exactly as the controller substitutes them:
// - a string that is one whole tag takes the value with its JSON type (null included);
// - any other string has each tag replaced by text: strings raw, null an error, anything
//   else as Go-JSON (compact, sorted keys, <>& escaped); a `$(` with no `)$` is left alone;
// - map keys are never interpolated; numbers, booleans and null pass through.
// Current Cartographer substitutes once. 0.0.6 substituted again into every value that
// changed (with a loop detector) and turned empty lists into null.
import { evaluateJsonPath } from '../eval/index.js';
import { marshal, type GoValue, type JSONValue } from '../jsonpath/index.js';
import type { Format } from '../model/index.js';
import { setOwn } from '../util/objects.js';

const START = '$(';
const END = ')$';

export interface InterpolationError {
  /** Where in spec.template the failing string is. */
  path: (string | number)[];
  /** The placeholder expression (without `$(`/`)$`). */
  expression: string;
  /** The innermost reason, e.g. `jsonpath returned empty list: params.foo`. */
  reason: string;
  /** The controller's full message chain below the realizer's own prefix. */
  controllerMessage: string;
  /** The path found nothing (as opposed to a syntax error, a nil in text, a loop…). */
  missing: boolean;
}

export interface Interpolated {
  value: JSONValue;
  errors: InterpolationError[];
}

export function isSingleTag(text: string): boolean {
  return text.startsWith(START) && text.endsWith(END) && text.indexOf(START, 1) === -1;
}

export function interpolateTemplate(template: JSONValue, context: GoValue, semantics: Format): Interpolated {
  const errors: InterpolationError[] = [];
  const walker = new Walker(context, semantics, errors);
  const value = semantics === '0.0.6' ? walker.walkLegacy(template, [], [], []) : walker.walk(template, []);
  return { value, errors };
}

class LeafFailure {
  constructor(
    readonly expression: string,
    readonly reason: string,
    readonly chain: string,
    readonly missing: boolean,
  ) {}
}

/** A map or array the 0.0.6 walk descended through, and the child value it passed down. */
interface Frame {
  readonly container: 'map' | 'array';
  readonly child: JSONValue;
}

class Walker {
  constructor(
    private readonly context: GoValue,
    private readonly semantics: Format,
    private readonly errors: InterpolationError[],
  ) {}

  walk(value: JSONValue, path: (string | number)[]): JSONValue {
    if (typeof value === 'string') {
      if (value.indexOf(START) === -1) return value;
      const result = this.leaf(value);
      if (result instanceof LeafFailure) {
        this.fail(result, path);
        return value;
      }
      return result;
    }
    if (Array.isArray(value)) return value.map((item, i) => this.walk(item, [...path, i]));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, JSONValue> = {};
      for (const key of Object.keys(value)) setOwn(out, key, this.walk(value[key] as JSONValue, [...path, key]));
      return out;
    }
    return value;
  }

  /**
   * 0.0.6: re-interpolate what changed; `[]` becomes null; a placeholder seen twice is a loop.
   * Its errors carry no path: each map or array level wraps them with the child's Go `%v`.
   */
  walkLegacy(value: JSONValue, path: (string | number)[], seen: string[], frames: Frame[], substituted = false): JSONValue {
    // Inside a substituted value the template location stays that of the placeholder.
    const at = (step: string | number) => (substituted ? path : [...path, step]);
    if (typeof value === 'string') {
      const loopAt = seen.indexOf(value);
      if (loopAt >= 0) {
        const loop = [...seen.slice(loopAt), value].join(' -> ');
        this.fail(new LeafFailure(value, `infinite tag loop detected: ${loop}`, `infinite tag loop detected: ${loop}`, false), path, frames);
        return value;
      }
      if (value.indexOf(START) === -1) return value;
      const result = this.leaf(value);
      if (result instanceof LeafFailure) {
        this.fail(result, path, frames, 'failed to interpolate leaf node: ');
        return value;
      }
      if (result === value) return value;
      return this.walkLegacy(result, path, [...seen, value], frames, true);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return null;
      return value.map((item, i) => this.walkLegacy(item, at(i), seen, [...frames, { container: 'array', child: item }], substituted));
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, JSONValue> = {};
      for (const key of Object.keys(value)) {
        const child = value[key] as JSONValue;
        setOwn(out, key, this.walkLegacy(child, at(key), seen, [...frames, { container: 'map', child }], substituted));
      }
      return out;
    }
    return value;
  }

  private fail(failure: LeafFailure, path: (string | number)[], legacyFrames?: Frame[], leafWrap = ''): void {
    const controllerMessage = legacyFrames
      ? `${legacyFrames.map((f) => `failed to interpolate ${f.container} value [${goValueText(f.child)}]: `).join('')}${leafWrap}${failure.chain}`
      : `failed to interpolate template at path [${controllerPath(path)}]: ${failure.chain}`;
    this.errors.push({ path, expression: failure.expression, reason: failure.reason, controllerMessage, missing: failure.missing });
  }

  private leaf(text: string): JSONValue | LeafFailure {
    if (isSingleTag(text)) {
      const expression = text.slice(START.length, text.length - END.length);
      const result = evaluateJsonPath(expression, this.context, this.semantics);
      if (!result.ok) return new LeafFailure(expression, result.message, `evaluate tag ${text}: ${result.message}`, result.missing);
      return result.value;
    }
    return this.embedded(text);
  }

  /** fasttemplate's scan: each `$(` up to the next `)$` is a tag. */
  private embedded(text: string): string | LeafFailure {
    let out = '';
    let rest = text;
    for (;;) {
      const start = rest.indexOf(START);
      if (start < 0) break;
      out += rest.slice(0, start);
      rest = rest.slice(start + START.length);
      const end = rest.indexOf(END);
      if (end < 0) {
        out += START;
        break;
      }
      const expression = rest.slice(0, end);
      const result = evaluateJsonPath(expression, this.context, this.semantics);
      if (!result.ok) {
        return new LeafFailure(expression, result.message, `interpolate tag: evaluate jsonpath: ${result.message}`, result.missing);
      }
      if (result.value === null) {
        const reason = `tag must not point to nil value: ${expression}`;
        return new LeafFailure(expression, reason, `interpolate tag: ${reason}`, false);
      }
      out += typeof result.value === 'string' ? result.value : marshal(result.value);
      rest = rest.slice(end + END.length);
    }
    return out + rest;
  }
}

/** One `$(…)$` tag found in a template, where it is, and whether it is the whole string. */
export interface Placeholder {
  /** Where in the template the string holding it is. */
  path: (string | number)[];
  /** The expression between `$(` and `)$`. */
  expression: string;
  /** The whole string is this one tag (its value keeps its type). */
  single: boolean;
}

/**
 * Every tag the controller would evaluate in `template`, in document order, found with the same
 * scan as the stamper (single tag, else each `$(` up to the next `)$`; map keys never count).
 */
export function listPlaceholders(template: JSONValue, path: (string | number)[] = []): Placeholder[] {
  const found: Placeholder[] = [];
  const visit = (value: JSONValue, at: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (value.indexOf(START) === -1) return;
      if (isSingleTag(value)) {
        found.push({ path: at, expression: value.slice(START.length, value.length - END.length), single: true });
        return;
      }
      let rest = value;
      for (;;) {
        const start = rest.indexOf(START);
        if (start < 0) break;
        rest = rest.slice(start + START.length);
        const end = rest.indexOf(END);
        if (end < 0) break;
        found.push({ path: at, expression: rest.slice(0, end), single: false });
        rest = rest.slice(end + END.length);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...at, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) visit(value[key] as JSONValue, [...at, key]);
    }
  };
  visit(template, path);
  return found;
}

/** The controller's path notation: keys joined by `.`, an index as `.[i]` with no dot after. */
export function controllerPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `.[${part}]`;
    else out += out === '' || out.endsWith(']') ? part : `.${part}`;
  }
  return out;
}

/** Go's `%v` of a decoded JSON value: `map[a:1 b:[x y]]` (keys sorted), `<nil>`, floats as %g. */
export function goValueText(value: JSONValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return goFloatText(value);
  if (Array.isArray(value)) return `[${value.map(goValueText).join(' ')}]`;
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[${keys.map((k) => `${k}:${goValueText(value[k] as JSONValue)}`).join(' ')}]`;
}

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form below 1e-4 or from 1e6. */
function goFloatText(n: number): string {
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
  const exp = Number(exponent);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}
