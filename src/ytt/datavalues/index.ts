// Data values of one ytt library, computed as ytt 0.45 computes them: the schema (its
// `#@data/values-schema` documents overlaid in file order), its defaults, then the library's
// `#@data/values` documents, overlays from outside the library, `--data-values-file` documents
// and the flags, each overlaid in turn and type-checked against the schema; then validations.
// The engine supplies the evaluation of annotated files (they are templates too); everything
// about how values combine and are checked lives here.
import { StarError, Thread, typeName } from '../starlark/eval/values.js';
import type { Value } from '../starlark/eval/values.js';
import { YDoc, YMap } from '../template/nodes.js';
import type { NodeAnnotation, NodeValue, YNode } from '../template/nodes.js';
import { OVERLAY_POSITION, overlayDocument } from '../modules/overlay.js';
import { YTT_MAX_STEPS } from '../../util/limits.js';
import type { DataValue, DataValuesFileArg, YttError, YttFile } from '../types.js';
import { DataValuesError, compactPos, schemaError } from './errors.js';
import { flagOverlay, libraryRef, valuesFileOverlays } from './flags.js';
import type { OverlayDoc } from './flags.js';
import { Schema, newSchema } from './schema.js';
import { SourceTable, isEmptyDoc, stamp } from './sources.js';
import { assignType, checkNode } from './typecheck.js';
import { validateDataValues } from './validate.js';

export { isEmptyDoc, markInMemory } from './sources.js';
export { DataValuesError } from './errors.js';
export { libraryRef, plainMerge } from './flags.js';
export { dataValueFlag, dataValuesError } from './flag-arg.js';
export type { OverlayDoc } from './flags.js';

/** What one library's data values are made of, in the order ytt takes them. */
export interface DataValuesSources {
  /** The library's files annotated `#@data/values-schema` or `#@data/values`, in ytt's file order. */
  files: readonly YttFile[];
  /**
   * Evaluates one of `files` as a template with `data.values` set to `values` (ytt evaluates these
   * files with empty data values) and returns its documents (supplied by the engine; throws
   * YttError as the engine formats it).
   */
  evaluate: (file: YttFile, values: NodeValue) => readonly YDoc[];
  /**
   * Which documents a file holds as written: ytt sorts the files into schema files and data
   * values files before evaluating them. Without it, the evaluated documents decide.
   */
  kindOf?: (file: YttFile) => { schema: boolean; values: boolean };
  /** `--data-values-file` files (plain YAML), in flag order, each its own argument. */
  valuesFiles?: readonly YttFile[];
  /** `--data-values-file` arguments with their text (`@lib:` prefixes, directories), after `valuesFiles`. */
  valuesFileArgs?: readonly DataValuesFileArg[];
  /** `-v`/`--data-value-yaml`/`--data-value-file` flags, in the order ytt applies them. */
  flags?: readonly DataValue[];
  /**
   * Data values from outside the library's own files — for a library, ytt's order: documents of
   * the parent addressed to it, `with_data_values()`, `after_library_module=True` documents —
   * overlaid after its own documents and before the command line, each checked against its
   * schema. A document whose `library` is not empty is for a library below this one.
   */
  overlays?: readonly OverlayDoc[];
  /** Schema documents from outside the library (addressed to it, `with_data_values_schema()`), overlaid after its own. */
  schemaOverlays?: readonly OverlayDoc[];
  /** ytt's --dangerous-data-values-disable-validation. */
  skipValidation?: boolean;
  /** The thread Starlark code in overlays and validations runs on (the run's step budget). */
  thread?: Thread;
  /** The text of any file of the run, by name (to show the lines of values templates built elsewhere). */
  fileText?: (name: string) => string | undefined;
}

export interface DataValuesResult {
  /** The final data values (a map unless a data values document said otherwise). */
  values: NodeValue;
  /**
   * Documents for other libraries: `#@library/ref` documents of the files and `@lib:` flags and
   * files. Each must reach its library (mark it with `used`), or `unusedLibraryDataValues` fails.
   */
  forLibraries: LibraryDocument[];
}

export interface LibraryDocument extends OverlayDoc {
  kind: 'values' | 'schema';
  /** ytt's description, as in "Data Value belonging to library '@lib' on line values.yml:3". */
  desc: string;
  used: boolean;
}

/** The library's data values. Throws YttError with ytt's message. */
export function computeDataValues(src: DataValuesSources): NodeValue {
  return evaluateDataValues(src).values;
}

/** The library's data values and the documents it holds for other libraries. Throws YttError. */
export function evaluateDataValues(src: DataValuesSources): DataValuesResult {
  try {
    return new Computation(src).run();
  } catch (e) {
    if (e instanceof DataValuesError) throw e.toYttError();
    throw e;
  }
}

/** ytt's error for documents addressed to libraries that never used them (null when all were). */
export function unusedLibraryDataValues(docs: readonly LibraryDocument[]): YttError | null {
  const unused = docs.filter((d) => !d.used);
  if (unused.length === 0) return null;
  const kinds = [...(unused.some((d) => d.kind === 'values') ? ['data values'] : []), ...(unused.some((d) => d.kind === 'schema') ? ['schema'] : [])];
  const descs = [...unused.filter((d) => d.kind === 'values'), ...unused.filter((d) => d.kind === 'schema')].map((d) => d.desc);
  return new DataValuesError(`Expected all provided library ${kinds.join(', and ')} documents to be used but found unused: ${descs.join(', ')}`).toYttError();
}

const SCHEMA = 'data/values-schema';
const VALUES = 'data/values';

class Computation {
  private readonly sources: SourceTable;
  private readonly thread: Thread;
  private readonly evaluated = new Map<YttFile, readonly YDoc[]>();
  private readonly forLibraries: LibraryDocument[] = [];

  constructor(private readonly src: DataValuesSources) {
    this.thread = src.thread ?? new Thread(YTT_MAX_STEPS, 200);
    this.sources = new SourceTable(src.fileText);
  }

  run(): DataValuesResult {
    // ytt reads the command line before the library runs: its errors come first
    const commandLine = this.commandLine();
    const schemaFiles = this.src.files.filter((f) => this.kindOf(f).schema);
    const valuesFiles = this.src.files.filter((f) => this.kindOf(f).values);
    const schema = this.schema(schemaFiles);
    const doc = this.values(valuesFiles, schema, commandLine);
    if (!this.src.skipValidation) validateDataValues(doc, this.thread, this.sources);
    return { values: doc.value, forLibraries: this.forLibraries };
  }

  private kindOf(f: YttFile): { schema: boolean; values: boolean } {
    if (this.src.kindOf) return this.src.kindOf(f);
    const docs = this.evaluate(f);
    return { schema: docs.some((d) => has(d, SCHEMA)), values: docs.some((d) => has(d, VALUES)) };
  }

  /** A file's documents, evaluated once with empty data values and stamped with their source. */
  private evaluate(f: YttFile): readonly YDoc[] {
    let docs = this.evaluated.get(f);
    if (!docs) {
      const key = this.sources.addFile(f.name, f.text);
      docs = this.src.evaluate(f, new YMap()).map((d) => stamp(d, key));
      this.evaluated.set(f, docs);
    }
    return docs;
  }

  /** The documents of `files` annotated `annotation`; any other non-empty document is an error. */
  private documentsOf(files: readonly YttFile[], annotation: string, what: string): YDoc[] {
    const out: YDoc[] = [];
    for (const f of files) {
      let docs: readonly YDoc[];
      try {
        docs = this.evaluate(f);
      } catch (e) {
        if (isYttError(e)) throw new DataValuesError(`Templating file '${f.name}': ${e.raw}`, e.positions);
        throw e;
      }
      for (const d of docs) {
        if (has(d, annotation)) out.push(d);
        else if (!isEmptyDoc(d)) throw new DataValuesError(`Templating file '${f.name}': Expected ${what} file '${f.name}' to only have ${what === 'schema' ? 'schema' : 'data values'} documents`);
      }
    }
    return out;
  }

  private schema(files: readonly YttFile[]): Schema {
    const order = [...files.map((f) => f.name), ...(this.src.schemaOverlays?.length ? ['additional data value schema'] : [])].join(', ');
    try {
      const docs: OverlayDoc[] = this.documentsOf(files, SCHEMA, 'schema').map((d) => this.addressed(d, 'schema'));
      let merged: YDoc | null = null;
      for (const o of [...docs, ...(this.src.schemaOverlays ?? [])]) {
        newSchema(o.doc, this.sources); // each document must be a valid schema on its own
        if (o.library.length > 0) {
          this.forLibraries.push({ ...o, kind: 'schema', used: false, desc: o.desc ?? this.libraryDesc('Schema', o) });
          continue;
        }
        merged = merged === null ? o.doc : this.overlay(merged, o.doc);
      }
      return merged === null ? new Schema(null) : newSchema(merged, this.sources);
    } catch (e) {
      if (e instanceof DataValuesError) throw e.wrap(`Overlaying data values schema (in following order: ${order}): `);
      throw e;
    }
  }

  private values(files: readonly YttFile[], schema: Schema, commandLine: readonly OverlayDoc[]): YDoc {
    const outside = [...(this.src.overlays ?? []), ...commandLine];
    const here = outside.filter((o) => o.library.length === 0);
    const order = [...files.map((f) => f.name), ...(here.length > 0 ? ['additional data values'] : [])].join(', ');
    try {
      const defaults = schema.defaults();
      const docs: OverlayDoc[] = [
        ...(defaults ? [{ doc: defaults, library: [] }] : []),
        ...this.documentsOf(files, VALUES, 'data values').map((d) => this.addressed(d, 'values')),
        ...outside,
      ];
      let merged: YDoc | null = null;
      for (const o of docs) {
        if (o.library.length > 0) {
          this.forLibraries.push({ ...o, kind: 'values', used: false, desc: o.desc ?? this.libraryDesc('Data Value', o) });
          continue;
        }
        merged = merged === null ? o.doc : this.overlay(merged, o.doc);
        this.typeCheck(schema, merged);
      }
      return merged ?? new YDoc(new YMap());
    } catch (e) {
      if (e instanceof DataValuesError) throw e.wrap(`Overlaying data values (in following order: ${order}): `);
      throw e;
    }
  }

  /** The command line's values: data values files first, then the flags (ytt's AsOverlays). */
  private commandLine(): OverlayDoc[] {
    const args: DataValuesFileArg[] = [...(this.src.valuesFiles ?? []).map((f) => ({ arg: f.name, files: [f] })), ...(this.src.valuesFileArgs ?? [])];
    return [...args.flatMap((a) => valuesFileOverlays(a, this.sources)), ...(this.src.flags ?? []).map((f) => flagOverlay(f, this.sources))];
  }

  private typeCheck(schema: Schema, doc: YDoc): void {
    if (!schema.type) return;
    let violations = assignType(schema.type, doc, this.sources);
    if (violations.length === 0) violations = checkNode(doc, this.sources);
    if (violations.length > 0) throw schemaError('One or more data values were invalid', violations);
  }

  private overlay(left: YDoc, right: YDoc): YDoc {
    const thread = this.thread;
    const prev = thread.locals.get(OVERLAY_POSITION);
    // data values nodes know their source (a file or a flag): the overlay names them by it
    thread.locals.set(OVERLAY_POSITION, (n: YNode) => compactPos(this.sources.pos(n)));
    try {
      overlayDocument(thread, left, right);
      return left;
    } catch (e) {
      if (e instanceof StarError) throw new DataValuesError(e.message);
      throw e;
    } finally {
      thread.locals.set(OVERLAY_POSITION, prev);
    }
  }

  /** A document with its destination (`#@library/ref`) and `after_library_module`. */
  private addressed(doc: YDoc, kind: 'values' | 'schema'): OverlayDoc {
    const ref = doc.annotations.find((a) => a.name === 'library/ref');
    const library = ref ? annotatedLibrary(ref) : [];
    const dv = kind === 'values' ? doc.annotations.find((a) => a.name === VALUES) : undefined;
    let after = false;
    for (const [name, v] of dv?.kwargs ?? []) {
      if (name !== 'after_library_module') throw new DataValuesError(`Unknown kwarg ${name} for annotation data/values`);
      after = v === true;
      if (library.length === 0) throw new DataValuesError('Annotation data/values: Expected kwarg \'after_library_module\' to be used with library/ref annotation');
    }
    return { doc, library, ...(after ? { afterLibraryModule: true } : {}) };
  }

  private libraryDesc(what: string, o: OverlayDoc): string {
    return `${what} belonging to library '@${o.library.join('@')}' on line ${compactPos(this.sources.pos(o.doc))}`;
  }
}

function has(d: YDoc, annotation: string): boolean {
  return d.annotations.some((a) => a.name === annotation);
}

/** The library a `#@library/ref "@lib"` annotation addresses. */
function annotatedLibrary(a: NodeAnnotation): string[] {
  if (a.args.length !== 1) throw new DataValuesError(`Expected library/ref annotation to have one arg, got ${a.args.length}`);
  const arg = a.args[0];
  if (typeof arg !== 'string') throw new DataValuesError(`expected a string, but was ${typeName(arg as Value)}`);
  try {
    return libraryRef(arg);
  } catch (e) {
    if (e instanceof DataValuesError) throw e.wrap('Annotation library/ref: ');
    throw e;
  }
}

function isYttError(e: unknown): e is YttError {
  return e instanceof Error && e.name === 'YttError';
}
