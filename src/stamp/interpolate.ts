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
  const value = semantics === '0.0.6' ? walker.walkLegacy(template, [], []) : walker.walk(template, []);
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

  /** 0.0.6: re-interpolate what changed; `[]` becomes null; a placeholder seen twice is a loop. */
  walkLegacy(value: JSONValue, path: (string | number)[], seen: string[]): JSONValue {
    if (typeof value === 'string') {
      const loopAt = seen.indexOf(value);
      if (loopAt >= 0) {
        const loop = [...seen.slice(loopAt), value].join(' -> ');
        this.fail(new LeafFailure(value, `infinite tag loop detected: ${loop}`, `infinite tag loop detected: ${loop}`, false), path);
        return value;
      }
      if (value.indexOf(START) === -1) return value;
      const result = this.leaf(value);
      if (result instanceof LeafFailure) {
        this.fail(result, path);
        return value;
      }
      if (result === value) return value;
      return this.walkLegacy(result, path, [...seen, value]);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return null;
      return value.map((item, i) => this.walkLegacy(item, [...path, i], seen));
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, JSONValue> = {};
      for (const key of Object.keys(value)) setOwn(out, key, this.walkLegacy(value[key] as JSONValue, [...path, key], seen));
      return out;
    }
    return value;
  }

  private fail(failure: LeafFailure, path: (string | number)[]): void {
    this.errors.push({
      path,
      expression: failure.expression,
      reason: failure.reason,
      controllerMessage: `failed to interpolate template at path [${controllerPath(path)}]: ${failure.chain}`,
      missing: failure.missing,
    });
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

/** The controller's path notation: keys joined by `.`, an index as `.[i]` with no dot after. */
export function controllerPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `.[${part}]`;
    else out += out === '' || out.endsWith(']') ? part : `.${part}`;
  }
  return out;
}
