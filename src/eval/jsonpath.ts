// Cartographer's way of evaluating one JSONPath expression (pkg/eval + pkg/utils): the
// expression is wrapped in `{.…}`, must yield exactly one value, and that value comes back as
// plain JSON (as if printed and re-parsed). Used by placeholders, selectors and outputs alike.
import { compile, findResults, toJSON, JsonPathError, type GoValue, type JSONValue } from '../jsonpath/index.js';
import type { Format } from '../model/index.js';

export type EvalResult =
  | { ok: true; value: JSONValue }
  /** `missing` is Cartographer's JsonPathDoesNotExistError: the path found nothing. */
  | { ok: false; missing: boolean; message: string };

/** `a.b`, `.a.b`, `{.a.b}` and `{.a.b` are all the same expression to Cartographer. */
export function wrapExpression(expression: string): string {
  let wrapped = expression;
  if (!wrapped.startsWith('{.')) wrapped = wrapped.startsWith('.') ? `{${wrapped}` : `{.${wrapped}`;
  if (!wrapped.endsWith('}')) wrapped = `${wrapped}}`;
  return wrapped;
}

/**
 * Evaluates `expression` against `data`. With current semantics a missing key finds nothing
 * (client-go's AllowMissingKeys, Cartographer ≥ v0.4); 0.0.6 reported `<field> is not found`.
 */
export function evaluateJsonPath(expression: string, data: GoValue, semantics: Format = 'current'): EvalResult {
  if (expression === '') return { ok: false, missing: false, message: 'empty jsonpath not allowed' };
  const wrapped = wrapExpression(expression);
  let results: GoValue[][];
  try {
    const template = compile(wrapped);
    try {
      results = findResults(template, data, { allowMissingKeys: semantics === 'current' });
    } catch (err) {
      return { ok: false, missing: false, message: `evaluate: failed to find results: ${messageOf(err)}` };
    }
  } catch (err) {
    return { ok: false, missing: false, message: `evaluate: failed to parse jsonpath '${wrapped}': ${messageOf(err)}` };
  }
  if (results.length > 1) {
    return { ok: false, missing: false, message: `evaluate: more queries than expected: ${expression}` };
  }
  const values = results[0] ?? [];
  if (values.length > 1) return { ok: false, missing: false, message: `too many results for the query: ${expression}` };
  if (values.length === 0) return { ok: false, missing: true, message: `jsonpath returned empty list: ${expression}` };
  return { ok: true, value: toJSON(values[0] as GoValue) };
}

function messageOf(err: unknown): string {
  if (err instanceof JsonPathError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
