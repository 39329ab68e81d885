// The built-in ytt engine as a YttRunner: in-process, no binary, no file system.
import { checkYttTemplate, runYtt, yttBudget, YttError, type YttBudget, type YttSourceMap } from '../ytt/index.js';
import type { YttCheck, YttRunner } from './ytt.js';
import { YTT_MAX_STEPS, YTT_TOTAL_STEPS } from '../util/limits.js';

export { YTT_MAX_STEPS, YTT_TOTAL_STEPS };

/** The built-in engine, with YTT_MAX_STEPS for each run and no budget shared between runs. */
export const builtinYtt: YttRunner = (body, dataValues) => run(body, dataValues, undefined);

/** Told each run's output documents and where their values were written (validation points at template lines with them). */
export type YttRecorder = (documents: readonly unknown[], sources: readonly YttSourceMap[]) => void;

/**
 * The built-in engine for one render: each run gets YTT_MAX_STEPS, all runs together `total` (the
 * engine's budget). With `record`, each run also returns its source maps, handed to `record`.
 */
export function budgetedBuiltinYtt(total = YTT_TOTAL_STEPS, record?: YttRecorder): YttRunner {
  const budget = yttBudget({ total, runs: 'the ytt templates of this render', one: 'a template' });
  return (body, dataValues) => run(body, dataValues, budget, record);
}

/** Compiles a spec.ytt body without running it (no data values needed): what lint checks. */
export const builtinYttCheck: YttCheck = (body) => {
  const err = checkYttTemplate({ name: 'stdin.yml', text: body });
  if (!err) return undefined;
  const line = err.positions.find((p) => p.file === 'stdin.yml' && p.line !== null)?.line ?? undefined;
  return { ok: false, text: err.text, detail: err.detail, ...(line !== undefined && line !== null ? { line } : {}) };
};

function run(body: string, dataValues: Parameters<YttRunner>[1], budget: YttBudget | undefined, record?: YttRecorder): ReturnType<YttRunner> {
  try {
    const { documents, sources } = runYtt([{ name: 'stdin.yml', text: body }], {
      dataValues: dataValues.map((v) => ({ key: v.key, value: v.value })),
      ...(budget ? { budget } : {}),
      ...(record ? { positions: true } : {}),
    });
    if (record && sources) record(documents, sources);
    return { ok: true, documents };
  } catch (err) {
    if (err instanceof YttError) {
      const line = err.positions.find((p) => p.file === 'stdin.yml' && p.line !== null)?.line ?? undefined;
      return { ok: false, text: err.text, detail: err.detail, ...(line !== undefined && line !== null ? { line } : {}) };
    }
    throw err;
  }
}
