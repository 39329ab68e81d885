// A step budget shared by several runs of the engine (YTT_TOTAL_STEPS by default): each run gets
// at most YTT_MAX_STEPS and no more than the budget has left, is charged what it took (also when
// it failed), and once the budget is spent a run is refused before it starts. The caller decides
// which runs share one budget (all templates of one render; the input files of one command) and
// names them in the refusal.
import { YTT_TOTAL_STEPS, formatCount } from '../util/limits.js';

export interface YttBudget {
  /** Steps the budget started with. */
  readonly total: number;
  /** Steps left (zero or less once spent). */
  left: number;
  /** ytt's message for a run refused because the budget is spent (the line after `- `). */
  readonly spentMessage: string;
}

export interface YttBudgetOptions {
  /** Default YTT_TOTAL_STEPS. */
  total?: number;
  /** The runs that share it, as the refusal names them: `the ytt templates of this render`. */
  runs: string;
  /** One of them, for the refusal's reason: `a template`. */
  one: string;
}

/** A fresh budget for a set of runs (pass it as YttOptions.budget to each). */
export function yttBudget(options: YttBudgetOptions): YttBudget {
  const total = options.total ?? YTT_TOTAL_STEPS;
  return {
    total,
    left: total,
    spentMessage: `not run: ${options.runs} already used carto's budget of ${formatCount(total)} steps in all (${options.one} that runs away uses up the budget of the others)`,
  };
}
