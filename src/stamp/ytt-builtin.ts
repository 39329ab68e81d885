// The built-in ytt engine as a YttRunner: in-process, no binary, no file system.
import { checkYttTemplate, runYtt, SharedDataValue, sharedDataValue, yttBudget, YttError, type YttBudget, type YttSourceMap } from '../ytt/index.js';
import { contextSource, type YttCheck, type YttRunner } from './ytt.js';
import type { JSONValue } from '../jsonpath/index.js';
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
      dataValues: dataValues.map((v) => ({ key: v.key, value: engineValue(v) })),
      ...(budget ? { budget } : {}),
      // Source maps are made from the printed text; without them the documents are all render reads.
      ...(record ? { positions: true } : { documentsOnly: true }),
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

/**
 * The Go values of templating contexts seen before (an owner, given to each of its templates under
 * `workload` and `deliverable`): their JSON when seen once, then converted once for all runs.
 * Go values are not changed once made, so what was converted from one stays right.
 */
const converted = new WeakMap<object, JSONValue | SharedDataValue>();

function engineValue(entry: Parameters<YttRunner>[1][number]): unknown {
  const source = contextSource(entry);
  if (source === undefined || source === null || typeof source !== 'object') return entry.value;
  const seen = converted.get(source);
  if (seen === undefined) {
    const json = entry.value;
    converted.set(source, json);
    return json;
  }
  if (seen instanceof SharedDataValue) return seen;
  const shared = sharedDataValue(seen);
  converted.set(source, shared);
  return shared;
}
