// Cartographer's way of evaluating one JSONPath expression (pkg/eval + pkg/utils): the
// expression is wrapped in `{.…}`, must yield exactly one value, and that value comes back as
// plain JSON (as if printed and re-parsed). Used by placeholders, selectors and outputs alike.
import { compile, findResults, toJSON, JsonPathError, type GoValue, type JSONValue, type JsonPathTemplate } from '../jsonpath/index.js';
import type { Format } from '../model/index.js';

export type EvalResult =
  | { ok: true; value: JSONValue }
  /**
   * `missing` is Cartographer's JsonPathDoesNotExistError: the path found nothing. `kind` says
   * what went wrong, for codes and hints: nothing found (`not-found`, which with 0.0.6's client-go
   * includes `<field> is not found`), `syntax`, `many` results, or another `error`.
   */
  | { ok: false; missing: boolean; kind: EvalFailure; message: string };

export type EvalFailure = 'not-found' | 'syntax' | 'many' | 'error';

/** `a.b`, `.a.b`, `{.a.b}` and `{.a.b` are all the same expression to Cartographer. */
export function wrapExpression(expression: string): string {
  let wrapped = expression;
  if (!wrapped.startsWith('{.')) wrapped = wrapped.startsWith('.') ? `{${wrapped}` : `{.${wrapped}`;
  if (!wrapped.endsWith('}')) wrapped = `${wrapped}}`;
  return wrapped;
}

/** An expression wrapped and parsed once, for evaluating against many objects. */
export interface PreparedPath {
  readonly expression: string;
  readonly template?: JsonPathTemplate;
  /** Set when the expression is empty or does not parse: every evaluation fails with it. */
  readonly error?: string;
}

export function prepareJsonPath(expression: string): PreparedPath {
  if (expression === '') return { expression, error: 'empty jsonpath not allowed' };
  const wrapped = wrapExpression(expression);
  try {
    return { expression, template: compile(wrapped) };
  } catch (err) {
    return { expression, error: `evaluate: failed to parse jsonpath '${wrapped}': ${messageOf(err)}` };
  }
}

export function evaluatePrepared(prepared: PreparedPath, data: GoValue, semantics: Format = 'current'): EvalResult {
  if (prepared.template === undefined) return { ok: false, missing: false, kind: 'syntax', message: prepared.error ?? 'empty jsonpath not allowed' };
  return evaluateTemplate(prepared.expression, prepared.template, data, semantics);
}

/**
 * Evaluates `expression` against `data`. With current semantics a missing key finds nothing
 * (client-go's AllowMissingKeys, Cartographer ≥ v0.4); 0.0.6 reported `<field> is not found`.
 */
export function evaluateJsonPath(expression: string, data: GoValue, semantics: Format = 'current'): EvalResult {
  return evaluatePrepared(prepared(expression), data, semantics);
}

// The expressions evaluated by text (output paths, selectors, 0.0.6's substituted text) are a
// template's few, read for every owner: each is wrapped and looked up in the parse cache once.
// What is kept is a pure function of the text; once full, the memo takes no more.
const preparedPaths = new Map<string, PreparedPath>();
const MAX_PREPARED = 1_000;

function prepared(expression: string): PreparedPath {
  let path = preparedPaths.get(expression);
  if (path === undefined) {
    path = prepareJsonPath(expression);
    if (preparedPaths.size < MAX_PREPARED && expression.length <= 256) preparedPaths.set(expression, path);
  }
  return path;
}

function evaluateTemplate(expression: string, template: JsonPathTemplate, data: GoValue, semantics: Format): EvalResult {
  let results: GoValue[][];
  try {
    results = findResults(template, data, { allowMissingKeys: semantics === 'current' });
  } catch (err) {
    const message = messageOf(err);
    // Without AllowMissingKeys (0.0.6) a missing field is client-go's `<field> is not found`.
    const notFound = message.endsWith(' is not found');
    return { ok: false, missing: semantics === '0.0.6' && notFound, kind: notFound ? 'not-found' : 'error', message: `evaluate: failed to find results: ${message}` };
  }
  if (results.length > 1) {
    return { ok: false, missing: false, kind: 'error', message: `evaluate: more queries than expected: ${expression}` };
  }
  const values = results[0] ?? [];
  if (values.length > 1) return { ok: false, missing: false, kind: 'many', message: `too many results for the query: ${expression}` };
  if (values.length === 0) return { ok: false, missing: true, kind: 'not-found', message: `jsonpath returned empty list: ${expression}` };
  return { ok: true, value: toJSON(values[0] as GoValue) };
}

function messageOf(err: unknown): string {
  if (err instanceof JsonPathError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
