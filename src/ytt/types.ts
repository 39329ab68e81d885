// The engine's public shapes: input files, options, results and the error it throws.
import type { YttBudget } from './budget.js';
export interface YttFile {
  name: string;
  text: string;
}

export interface YttOptions {
  /**
   * Data values flags, in the order ytt applies them (`-v` flags, then `--data-value-yaml`, then
   * `--data-value-file`; see `dataValueFlag` for reading them from a command line): `{key, value}`
   * an already-parsed value (`-v` gives a string; plain JS, `Map`s keep integer-like keys in
   * order), `{key, yaml}` YAML text parsed as ytt parses it, `{key, file, text}` a file's text. A
   * dotted key (`a.b`) sets a nested value; `@lib:key` addresses a library.
   */
  dataValues?: Array<DataValue>;
  /** Data values files (`--data-values-file`, plain YAML), each its own argument, in flag order. */
  dataValuesFiles?: YttFile[];
  /**
   * `--data-values-file` arguments with the text given on the command line (a directory, or
   * `@lib:path` for a library), applied after `dataValuesFiles`.
   */
  dataValuesFileArgs?: DataValuesFileArg[];
  /** ytt's --dangerous-data-values-disable-validation: skip `@schema/validation` and `@assert/validate`. */
  skipDataValuesValidation?: boolean;
  /** ytt's --data-values-inspect: the result is the final data values, no template is evaluated. */
  dataValuesInspect?: boolean;
  /** Evaluation step budget (expressions, calls, items built, values walked; see README). Default YTT_MAX_STEPS (100,000,000, about two seconds). */
  maxSteps?: number;
  /**
   * Maximum Starlark call depth. Default 200. Much deeper recursion may exhaust the JS stack
   * first, which is reported as a "Starlark stack overflow" error.
   */
  maxDepth?: number;
  /**
   * A budget shared with other runs (yttBudget): this run gets at most what it has left, is
   * charged what it took, and is refused (a YttError, `not run: …`) once it is spent.
   */
  budget?: YttBudget;
  /** Told how many steps the run took (also when it failed), e.g. to share a budget between runs. */
  stepsUsed?: (steps: number) => void;
  /** Treat plain `# comments` as comments (ytt's --ignore-unknown-comments). */
  ignoreUnknownComments?: boolean;
  /** Receives the output of Starlark's print() (ytt writes it to stderr). Ignored by default. */
  print?: (message: string) => void;
  /** Also return a source map per output document (YttResult.sources); off on hot paths. */
  positions?: boolean;
  /**
   * Only the documents are wanted: YttResult.text is '' and the documents are not printed (a
   * tenth of a run of Cartographer's templates; render's spec.ytt reads the documents).
   */
  documentsOnly?: boolean;
}

export type DataValue = { key: string; value: unknown } | { key: string; yaml: string } | { key: string; file: string; text: string };

/** One `--data-values-file` argument: the text given (`[@lib:]path`) and the files it names, as ytt names them. */
export interface DataValuesFileArg {
  arg: string;
  files: YttFile[];
}

export interface YttResult {
  /** Output documents as plain JS values: maps are `Map`s (ordered, keys as in YAML), sequences arrays. */
  documents: unknown[];
  /** Exactly what ytt prints on stdout. */
  text: string;
  /**
   * What the run's text templates (`.txt` files) produced, by path: ytt does not print them on
   * stdout but warns that it did not (see NON_YAML_WARNING).
   */
  textOutputs?: { name: string; text: string }[];
  /** With `positions`: where each output document's values were written, one map per document. */
  sources?: YttSourceMap[];
}

/** A template node's place: the file (its name in the run; `index` in runYtt's files when it is one of them) and line. */
export interface YttSource {
  readonly file: string;
  readonly index: number | undefined;
  readonly line: number;
}

export interface YttSourceHit {
  source: YttSource;
  /** How many elements of the path lead to the node `source` belongs to (the path's length when that node was itself written in a template). */
  depth: number;
}

/** Answers, for a path into one output document, where the value there was written. */
export interface YttSourceMap {
  /** The line of ytt's output text where the document starts. */
  readonly outputLine: number;
  /** The source of the deepest node along `path` that was written in a template (a value inserted by an expression has its node's), or null. */
  lookup(path: readonly (string | number)[]): YttSourceHit | null;
}

export interface YttErrorPosition {
  context: string | null; // function name, '<toplevel>', or null for compile errors
  file: string;
  line: number | null;
  source: string | null; // the source line's text
}

/** A failure, with ytt's stderr text and structured positions (innermost first). */
export class YttError extends Error {
  /**
   * The error as ytt's Go code holds it before printing (`text` without `ytt: Error: `, before
   * its multi-line layout): what an enclosing step prefixes when it wraps this error.
   */
  public readonly raw: string;
  constructor(
    /** The error message (the line after `- `). */
    public readonly detail: string,
    /** Positions, innermost first. */
    public readonly positions: YttErrorPosition[],
    /** The complete stderr text ytt would print. */
    public readonly text: string,
    raw?: string,
  ) {
    super(text.replace(/\n$/, ''));
    this.name = 'YttError';
    this.raw = raw ?? text.replace(/^ytt: Error: /, '').replace(/\n$/, '');
  }
  get file(): string | null {
    return this.positions[0]?.file ?? null;
  }
  get line(): number | null {
    return this.positions[0]?.line ?? null;
  }
}

