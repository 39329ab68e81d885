// The built-in ytt engine as a YttRunner: in-process, no binary, no file system.
import { checkYttTemplate, runYtt, YttError } from '../ytt/index.js';
import type { YttCheck, YttRunner } from './ytt.js';
import { YTT_MAX_STEPS, YTT_TOTAL_STEPS, formatCount } from '../util/limits.js';

export { YTT_MAX_STEPS, YTT_TOTAL_STEPS };

/** The built-in engine, with YTT_MAX_STEPS for each run and no budget shared between runs. */
export const builtinYtt: YttRunner = (body, dataValues) => run(body, dataValues, YTT_MAX_STEPS, () => {});

/** The built-in engine for one render: each run gets YTT_MAX_STEPS, all runs together `total`. */
export function budgetedBuiltinYtt(total = YTT_TOTAL_STEPS): YttRunner {
  let left = total;
  return (body, dataValues) => {
    if (left <= 0) {
      const text = `ytt: Error: \n- not run: the ytt templates of this render already used carto's budget of ${formatCount(total)} steps in all (a template that runs away uses up the budget of the others)\n`;
      return { ok: false, text, detail: text.split('\n')[1]?.slice(2) ?? text };
    }
    return run(body, dataValues, Math.min(YTT_MAX_STEPS, left), (steps) => (left -= steps));
  };
}

/** Compiles a spec.ytt body without running it (no data values needed): what lint checks. */
export const builtinYttCheck: YttCheck = (body) => {
  const err = checkYttTemplate({ name: 'stdin.yml', text: body });
  if (!err) return undefined;
  const line = err.positions.find((p) => p.file === 'stdin.yml' && p.line !== null)?.line ?? undefined;
  return { ok: false, text: err.text, detail: err.detail, ...(line !== undefined && line !== null ? { line } : {}) };
};

function run(body: string, dataValues: Parameters<YttRunner>[1], maxSteps: number, stepsUsed: (steps: number) => void): ReturnType<YttRunner> {
  try {
    const { documents } = runYtt([{ name: 'stdin.yml', text: body }], {
      dataValues: dataValues.map((v) => ({ key: v.key, value: v.value })),
      maxSteps,
      stepsUsed,
    });
    return { ok: true, documents };
  } catch (err) {
    if (err instanceof YttError) {
      const line = err.positions.find((p) => p.file === 'stdin.yml' && p.line !== null)?.line ?? undefined;
      return { ok: false, text: err.text, detail: err.detail, ...(line !== undefined && line !== null ? { line } : {}) };
    }
    throw err;
  }
}
