// Input files that are themselves ytt templates (package sources with `#@ load(...)`,
// `#@ if/end`, `#@yaml/text-templated-strings` at the top level, data values and schema files,
// `.star` helpers): evaluated together as one ytt run, as `ytt -f` of the same files would,
// before their documents are read. Loaded only when an input needs it (see ytt-package.ts).
// The documents are read from ytt's output (so their values are exactly what `ytt … | carto -f -`
// reads), and each is placed where it was written: its file and line, and those of each of its
// fields, come from the engine's source maps (the template nodes that produced them).
import { runYtt, yttBudget, YttError, type DataValue, type YttBudget, type YttSource, type YttSourceMap } from '../ytt/index.js';
import { parseText, type ParsedText, type SourceDocument, type TemplateOrigin } from './documents.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** One file of a ytt run: `name` as ytt names it (relative to its -f directory), `path` as the user can open it. */
export interface YttInputFile {
  name: string;
  path: string;
  text: string;
}

/** A `--data-values-file` argument as given (`@lib:`, a directory) and the files read for it, with their paths. */
export interface ValuesFileArg {
  arg: string;
  files: readonly YttInputFile[];
}

export interface YttRunOptions {
  /** `--data-values-file` arguments, in flag order. */
  valuesFileArgs: readonly ValuesFileArg[];
  /** `-v`/`--data-value-yaml`/`--data-value-file` flags, in the order ytt applies them. */
  flags: readonly DataValue[];
  /** The engine's step budget for all the ytt runs of one command (yttInputBudget). */
  budget: YttBudget;
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
export function yttInputBudget(): YttBudget {
  return yttBudget({ runs: 'the ytt input files of this run', one: 'a file' });
}

export function evaluateYttRun(files: readonly YttInputFile[], options: YttRunOptions): YttRunResult {
  const { budget } = options;
  // A run the engine refuses (its budget spent) is placed at the first of its files.
  const refused = budget.left <= 0 && files[0] ? { file: files[0].path } : {};
  // ytt's errors name files by their name in the run; two directories may both hold `t.yaml`, and
  // then the name says nothing: such an error is placed in no file rather than in the wrong one
  const named = new Map<string, string | null>();
  for (const f of [...files, ...options.valuesFileArgs.flatMap((arg) => arg.files)]) named.set(f.name, named.has(f.name) ? null : f.path);
  const pathOf = new Map([...named].filter((e): e is [string, string] => e[1] !== null));
  try {
    // Package sources are full of plain `# comments`; ytt needs --ignore-unknown-comments for them.
    const { text, sources } = runYtt(
      files.map((f) => ({ name: f.name, text: f.text })),
      {
        dataValuesFileArgs: options.valuesFileArgs.map(({ arg, files: read }) => ({ arg, files: [...read] })),
        dataValues: [...options.flags],
        ignoreUnknownComments: true,
        budget,
        positions: true,
      },
    );
    // (Only a diagnostic no source map can place keeps this name.)
    const label = files.length === 1 ? files[0]!.path : `ytt output of ${files.map((f) => f.path).join(', ')}`;
    return { ok: true, ...placeInSources(parseText(text, label), sources ?? [], files) };
  } catch (err) {
    if (!(err instanceof YttError)) throw err;
    const where = err.positions.find((p) => pathOf.has(p.file));
    const outer = [...err.positions].reverse().find((p) => pathOf.has(p.file));
    return {
      ok: false,
      message: err.detail,
      detail: err.text.trimEnd(),
      ...refused,
      ...(where ? { file: pathOf.get(where.file)! } : {}),
      ...(where?.line != null ? { line: where.line } : {}),
      ...(outer ? { evaluating: pathOf.get(outer.file)! } : {}),
    };
  }
}

/** The documents and diagnostics of ytt's output, moved to the files and lines where they were written. */
function placeInSources(parsed: ParsedText, maps: readonly YttSourceMap[], files: readonly YttInputFile[]): { documents: SourceDocument[]; diagnostics: Diagnostic[] } {
  const documents = parsed.documents.map((doc) => {
    const map = maps[doc.origin.docIndex];
    if (!map) return doc;
    const template = new RunOrigin(map, files);
    const at = template.documentAt(doc.origin.basePath, Object.keys(doc.value)[0]);
    return { ...doc, file: at.file, line: at.line, origin: { ...doc.origin, template } };
  });
  const diagnostics = parsed.diagnostics.map((d) => {
    if (d.line === undefined) return d;
    // The document the output line falls in (each map knows the line its document starts on).
    let map: YttSourceMap | undefined;
    for (const m of maps) if (m.outputLine <= d.line) map = m;
    if (!map) return d;
    const { column: _column, ...rest } = d;
    return { ...rest, ...new RunOrigin(map, files).documentAt([], undefined) };
  });
  return { documents, diagnostics };
}

/** One output document's source map, answering with the run's files as the user named them. */
class RunOrigin implements TemplateOrigin {
  constructor(
    private readonly map: YttSourceMap,
    private readonly files: readonly YttInputFile[],
  ) {}

  lookup(path: readonly (string | number)[]): { file: string; text: string; line: number; depth: number } | null {
    const hit = this.map.lookup(path);
    if (!hit) return null;
    const file = this.fileOf(hit.source);
    return { file: file.path, text: file.text, line: hit.source.line, depth: hit.depth };
  }

  textOf(path: string): string | undefined {
    return this.files.find((f) => f.path === path)?.text;
  }

  /**
   * Where an object (at `basePath` in its document) was written: its first key's line, as for a
   * plain file, or the document's `---`. An object no template node produced (a whole document
   * from an expression without a `---`) is placed at the start of the run's first file.
   */
  documentAt(basePath: readonly (string | number)[], firstKey: string | undefined): { file: string; line: number } {
    const first = firstKey === undefined ? null : this.map.lookup([...basePath, firstKey]);
    const hit = first && first.depth > basePath.length ? first : this.map.lookup(basePath);
    if (hit) return { file: this.fileOf(hit.source).path, line: hit.source.line };
    return { file: this.files[0]?.path ?? '<ytt>', line: 1 };
  }

  /** The input file a node came from: by its index in the run, else by its name (a file the run loaded itself). */
  private fileOf(source: YttSource): { path: string; text: string } {
    const byIndex = source.index === undefined ? undefined : this.files[source.index];
    return byIndex ?? this.files.find((f) => f.name === source.file) ?? { path: source.file, text: '' };
  }
}
