// Parses a placeholder expression or an output path the way Cartographer evaluates it (wrapped
// in `{.…}`, client-go dialect) and exposes its leading steps, so the checks can ask "which
// context key does this read, and what comes after it" without evaluating anything.
import { wrapExpression } from '../eval/index.js';
import { compile, JsonPathError, type Node } from '../jsonpath/index.js';

export type Parsed = { ok: true; steps: readonly Node[] } | { ok: false; reason: string };

/** The steps of the one action of `expression`, or the evaluator's parse error text. */
export function parseSteps(expression: string): Parsed {
  if (expression === '') return { ok: false, reason: 'empty jsonpath not allowed' };
  const wrapped = wrapExpression(expression);
  try {
    const root = compile(wrapped).root;
    const action = root.nodes.find((n) => n.type === 'list');
    return { ok: true, steps: action && action.type === 'list' ? action.nodes : [] };
  } catch (err) {
    if (err instanceof JsonPathError) return { ok: false, reason: `evaluate: failed to parse jsonpath '${wrapped}': ${err.message}` };
    throw err;
  }
}

/** The name of step `i` when it is a plain field (`.name` or `['name']`). */
export function fieldAt(steps: readonly Node[], i: number): string | undefined {
  const step = steps[i];
  return step && step.type === 'field' ? step.name : undefined;
}

export const SYNTAX_HINT = "check the syntax: bracket keys take single quotes (['key']), dots inside them must be escaped (['carto\\.run/name']), and brackets must be closed";
