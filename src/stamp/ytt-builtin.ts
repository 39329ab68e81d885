// The built-in ytt engine as a YttRunner: in-process, no binary, no file system.
import { runYtt, YttError } from '../ytt/index.js';
import type { YttRunner } from './ytt.js';

/**
 * About two seconds of work at most, well inside the controller's 4 s timeout for the ytt
 * binary, so a runaway template fails here as it would there.
 */
export const YTT_MAX_STEPS = 20_000_000;

export const builtinYtt: YttRunner = (body, dataValues) => {
  try {
    const { documents } = runYtt([{ name: 'stdin.yml', text: body }], {
      dataValues: dataValues.map((v) => ({ key: v.key, value: v.value })),
      maxSteps: YTT_MAX_STEPS,
    });
    return { ok: true, documents };
  } catch (err) {
    if (err instanceof YttError) {
      const line = err.positions.find((p) => p.file === 'stdin.yml' && p.line !== null)?.line ?? undefined;
      return { ok: false, text: err.text, detail: err.detail, ...(line !== undefined && line !== null ? { line } : {}) };
    }
    throw err;
  }
};
