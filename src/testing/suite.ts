// Runs a suite: the cases found under each directory (discover.ts), cartotest's focus rule
// (when any case is focused, only focused cases run and the suite fails), each case through
// its runner, and the results in report order (passed, then failed, each by path — cartotest
// prints passes first, in Go's random map order; carto sorts). Reports progress through a
// callback so the CLI can show it.
import { normalize } from 'node:path';
import type { YttRunner } from '../stamp/ytt.js';
import { discoverCases } from './discover.js';
import type { SuiteFs } from '../load/suite-fs.js';
import { runCartotestCase } from './run-case.js';
import type { CaseResult, SuiteResult, TestCase } from './types.js';
import { runWholeChain, type UpdatePlan } from './whole-chain.js';
import type { Preprocessor } from './ytt-preprocess.js';

export interface SuiteOptions {
  fs: SuiteFs;
  preprocess: Preprocessor;
  ytt: YttRunner;
  /** Rewrite whole-chain expectations that do not match (carried out through `applyUpdate`). */
  update?: boolean;
  applyUpdate?: (plan: UpdatePlan) => void;
  /** Called before each case runs (for progress on a terminal). */
  onCase?: (index: number, total: number, c: TestCase) => void;
}

/** The cases under each directory; a case reached twice (overlapping directories) runs once. */
export function findCases(dirs: readonly string[], fs: SuiteFs): TestCase[] {
  const seen = new Set<string>();
  return dirs.flatMap((dir) => discoverCases(dir, fs)).filter((c) => {
    const key = normalize(c.path).replace(/(.)\/+$/, '$1');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function runSuite(cases: readonly TestCase[], options: SuiteOptions): Promise<SuiteResult> {
  const focused = cases.some((c) => c.focus);
  const toRun = focused ? cases.filter((c) => c.focus) : cases;
  const results: CaseResult[] = [];
  let index = 0;
  for (const c of toRun) {
    options.onCase?.(index++, toRun.length, c);
    const start = performance.now();
    const result: CaseResult = { case: c, status: 'pass', durationMs: 0 };
    try {
      if (c.type === 'cartotest') {
        const outcome = runCartotestCase(c, options);
        if (!outcome.ok) Object.assign(result, { status: 'fail', error: outcome.error, ...(outcome.diff !== undefined ? { diff: outcome.diff } : {}) });
      } else {
        const outcome = await runWholeChain(c, { fs: options.fs, ytt: options.ytt, update: options.update ?? false });
        if (outcome.update && options.applyUpdate) {
          options.applyUpdate(outcome.update);
          result.updated = true;
        }
        if (!outcome.ok) Object.assign(result, { status: 'fail', error: outcome.error, ...(outcome.diff !== undefined ? { diff: outcome.diff } : {}) });
      }
    } catch (err) {
      result.status = 'fail';
      result.error = `internal error: ${err instanceof Error ? err.message : String(err)}`;
    }
    result.durationMs = performance.now() - start;
    results.push(result);
  }
  const skipped: CaseResult[] = focused ? cases.filter((c) => !c.focus).map((c) => ({ case: c, status: 'skipped', durationMs: 0 })) : [];
  const byPath = (a: CaseResult, b: CaseResult) => (a.case.path < b.case.path ? -1 : a.case.path > b.case.path ? 1 : 0);
  const passed = results.filter((r) => r.status === 'pass').sort(byPath);
  const failed = results.filter((r) => r.status === 'fail').sort(byPath);
  return {
    results: [...passed, ...failed, ...skipped.sort(byPath)],
    focused,
    passed: passed.length,
    failed: failed.length,
    skipped: skipped.length,
  };
}

/** The suite fails when a case failed or a case is focused (so a focus never passes CI). */
export function suiteFailed(result: SuiteResult): boolean {
  return result.failed > 0 || result.focused;
}
