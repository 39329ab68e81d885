// Input files that are themselves ytt templates (package sources with `#@ load(...)`,
// `#@ if/end`, `#@yaml/text-templated-strings` at the top level): evaluated with the user's data
// values before they are read, as `ytt -f FILE --data-values-file VALUES` would.
import { runYtt, YttError, type YttFile } from '../ytt/index.js';

/** A `#@` directive at the start of a line (not inside an indented spec.ytt body). */
const DIRECTIVE = /^#@/m;

export function isYttTemplateFile(text: string): boolean {
  return DIRECTIVE.test(text);
}

export type Evaluated = { ok: true; text: string } | { ok: false; message: string; line?: number };

export function evaluateYttFile(file: YttFile, dataValuesFiles: readonly YttFile[]): Evaluated {
  try {
    // Package sources are full of plain `# comments`; ytt needs --ignore-unknown-comments for them.
    return { ok: true, text: runYtt([file], { dataValuesFiles: [...dataValuesFiles], ignoreUnknownComments: true }).text };
  } catch (err) {
    if (err instanceof YttError) return { ok: false, message: err.text.trimEnd(), ...(err.line !== null ? { line: err.line } : {}) };
    throw err;
  }
}
