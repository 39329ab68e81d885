// Input files that are themselves ytt templates (package sources with `#@ load(...)`,
// `#@ if/end`, `#@yaml/text-templated-strings` at the top level): evaluated with the user's data
// values before they are read, as `ytt -f FILE --data-values-file VALUES` would. Loaded only
// when an input needs it (see ytt-detect.ts).
import { runYtt, YttError, type YttFile } from '../ytt/index.js';
import { YTT_MAX_STEPS, YTT_TOTAL_STEPS, formatCount } from '../util/limits.js';

export type Evaluated = { ok: true; text: string } | { ok: false; message: string; line?: number };

/**
 * Steps left for the ytt input files of one run, keyed by the run's list of data values files
 * (readInputs makes one list per run): each file gets YTT_MAX_STEPS, all of them together
 * YTT_TOTAL_STEPS, so that many runaway files cost no more than three.
 */
const budgets = new WeakMap<readonly YttFile[], { left: number }>();

export function evaluateYttFile(file: YttFile, dataValuesFiles: readonly YttFile[]): Evaluated {
  let budget = budgets.get(dataValuesFiles);
  if (!budget) budgets.set(dataValuesFiles, (budget = { left: YTT_TOTAL_STEPS }));
  if (budget.left <= 0) {
    return {
      ok: false,
      message: `ytt: Error: \n- not run: the ytt input files of this run already used carto's budget of ${formatCount(YTT_TOTAL_STEPS)} steps in all (a file that runs away uses up the budget of the others)`,
    };
  }
  const spent = budget;
  try {
    // Package sources are full of plain `# comments`; ytt needs --ignore-unknown-comments for them.
    const { text } = runYtt([file], {
      dataValuesFiles: [...dataValuesFiles],
      ignoreUnknownComments: true,
      maxSteps: Math.min(YTT_MAX_STEPS, budget.left),
      stepsUsed: (steps) => (spent.left -= steps),
    });
    return { ok: true, text };
  } catch (err) {
    if (err instanceof YttError) return { ok: false, message: err.text.trimEnd(), ...(err.line !== null ? { line: err.line } : {}) };
    throw err;
  }
}
