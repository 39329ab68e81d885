// Input files that are themselves ytt templates (package sources with `#@ load(...)`,
// `#@ if/end`, `#@yaml/text-templated-strings` at the top level, data values and schema files,
// `.star` helpers): evaluated together as one ytt run, as `ytt -f` of the same files would,
// before their documents are read. Loaded only when an input needs it (see ytt-package.ts).
import { runYtt, YttError, type DataValue, type YttFile } from '../ytt/index.js';
import { YTT_MAX_STEPS, YTT_TOTAL_STEPS, formatCount } from '../util/limits.js';
import { parseText, type SourceDocument } from './documents.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** One file of a ytt run: `name` as ytt names it (relative to its -f directory), `path` as the user can open it. */
export interface YttInputFile {
  name: string;
  path: string;
  text: string;
}

export interface YttRunOptions {
  /** `--data-values-file` files, in flag order. */
  valuesFiles: readonly YttFile[];
  /** `-v`/`--data-value-yaml` flags, in the order ytt applies them. */
  flags: readonly DataValue[];
  /** Steps left for all the ytt runs of one command (shared, decremented). */
  budget: { left: number };
}

export type YttRunResult =
  | { ok: true; documents: SourceDocument[]; diagnostics: Diagnostic[] }
  | {
      ok: false;
      /** ytt's message (the line after `- `). */
      message: string;
      /** ytt's whole stderr text. */
      detail: string;
      /** The input file (its `path`) and line ytt's error points at (the innermost position in an input file), when it names one. */
      file?: string;
      line?: number;
      /** The input file (its `path`) that was being evaluated when ytt failed (the outermost position), when known. */
      evaluating?: string;
    };

/** A fresh budget for the ytt input files of one command. */
export function yttInputBudget(): { left: number } {
  return { left: YTT_TOTAL_STEPS };
}

export function evaluateYttRun(files: readonly YttInputFile[], options: YttRunOptions): YttRunResult {
  const { budget } = options;
  if (budget.left <= 0) {
    const message = `not run: the ytt input files of this run already used carto's budget of ${formatCount(YTT_TOTAL_STEPS)} steps in all (a file that runs away uses up the budget of the others)`;
    return { ok: false, message, detail: `ytt: Error: \n- ${message}` };
  }
  const pathOf = new Map(files.map((f) => [f.name, f.path]));
  try {
    // Package sources are full of plain `# comments`; ytt needs --ignore-unknown-comments for them.
    const { text } = runYtt(
      files.map((f) => ({ name: f.name, text: f.text })),
      {
        dataValuesFiles: [...options.valuesFiles],
        dataValues: [...options.flags],
        ignoreUnknownComments: true,
        maxSteps: Math.min(YTT_MAX_STEPS, budget.left),
        stepsUsed: (steps) => (budget.left -= steps),
      },
    );
    // Lines count in ytt's output, not in the template files (to be mapped back to the sources).
    const label = files.length === 1 ? files[0]!.path : `ytt output of ${files.map((f) => f.path).join(', ')}`;
    const parsed = parseText(text, label);
    return { ok: true, documents: parsed.documents, diagnostics: parsed.diagnostics };
  } catch (err) {
    if (!(err instanceof YttError)) throw err;
    const where = err.positions.find((p) => pathOf.has(p.file));
    const outer = [...err.positions].reverse().find((p) => pathOf.has(p.file));
    return {
      ok: false,
      message: err.detail,
      detail: err.text.trimEnd(),
      ...(where ? { file: pathOf.get(where.file)! } : {}),
      ...(where?.line != null ? { line: where.line } : {}),
      ...(outer ? { evaluating: pathOf.get(outer.file)! } : {}),
    };
  }
}
