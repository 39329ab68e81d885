// Input files that are themselves ytt templates (package sources with `#@ load(...)`,
// `#@ if/end`, `#@yaml/text-templated-strings` at the top level): evaluated with the user's data
// values before they are read, as `ytt -f FILE --data-values-file VALUES` would. Loaded only
// when an input needs it (see ytt-detect.ts).
import { runYtt, YttError, type YttFile } from '../ytt/index.js';
import { YTT_MAX_STEPS } from '../util/limits.js';

export type Evaluated = { ok: true; text: string } | { ok: false; message: string; line?: number };

export function evaluateYttFile(file: YttFile, dataValuesFiles: readonly YttFile[]): Evaluated {
  try {
    // Package sources are full of plain `# comments`; ytt needs --ignore-unknown-comments for them.
    return { ok: true, text: runYtt([file], { dataValuesFiles: [...dataValuesFiles], ignoreUnknownComments: true, maxSteps: YTT_MAX_STEPS }).text };
  } catch (err) {
    if (err instanceof YttError) return { ok: false, message: err.text.trimEnd(), ...(err.line !== null ? { line: err.line } : {}) };
    throw err;
  }
}
