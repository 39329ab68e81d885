// One library evaluated as ytt evaluates it (the root library of a run, or one from `_ytt_lib`
// through @ytt:library): which of its files hold data values and what those values are (with
// datavalues/), its templates evaluated in ytt's order, `overlay/match` documents applied to the others in file order, the output documents in
// file order, and the globals of its library files (for library.export).
import type { Value } from './starlark/index.js';
import { EvalError, StarError } from './starlark/index.js';
import { YDoc, YDocSet, YNode } from './template/nodes.js';
import type { NodeValue } from './template/nodes.js';
import { nodeToStarlarkPlain } from './template/values.js';
import { applyOverlayDocs } from './modules/overlay.js';
import { parseYamlFile } from './compiled.js';
import type { ParsedYaml } from './compiled.js';
import { evalErrorText, yttError } from './errors.js';
import { byOrder } from './library.js';
import type { FileInLibrary, LibFile } from './library.js';
import { TemplateLoader } from './loader.js';
import type { LibraryCtx, LoaderOptions, Run } from './loader.js';
import { YttError } from './types.js';
import type { YttErrorPosition, YttFile } from './types.js';
import { evaluateDataValues, isEmptyDoc, unusedLibraryDataValues } from './datavalues/index.js';
import type { DataValuesSources, LibraryDocument } from './datavalues/index.js';

export interface LibraryResult {
  /** The output documents, in file order, overlays applied. */
  docs: YDoc[];
  /** Text templates' results (not printed by ytt: it warns instead). */
  textOutputs: { name: string; text: string }[];
  /** Globals of the library files (`.star`, `*.lib.yml`), by path in the library (for library.export). */
  exports: { path: string; globals: Map<string, Value> }[];
}

export class LibraryExecution {
  private readonly notForOutput = new Set<LibFile>();
  private readonly byFile = new Map<YttFile, FileInLibrary>();
  private valuesFiles: YttFile[] | null = null;
  /**
   * Data values and schema documents for this library's private libraries (`#@library/ref`, `@lib:`
   * flags, documents handed down from its parent), set by dataValues().
   */
  private libraryValues: LibraryDocument[] = [];

  constructor(
    readonly run: Run,
    readonly ctx: LibraryCtx,
    readonly opts: LoaderOptions,
  ) {}

  /**
   * The library's data values (datavalues/): its own schema and data values files, then `from`
   * (documents from outside the library and the command line), in ytt's order and checked as ytt
   * checks them. Documents addressed to its private libraries are kept for eval().
   */
  dataValues(from: Pick<DataValuesSources, 'overlays' | 'schemaOverlays' | 'valuesFiles' | 'valuesFileArgs' | 'flags'>): NodeValue {
    const result = evaluateDataValues({
      ...from,
      files: this.dataValuesFiles(),
      evaluate: (f, values) => this.evaluateValuesFile(f, values),
      kindOf: (f) => {
        const kinds = valuesKinds(parseYamlFile(f));
        return { schema: kinds.has('data/values-schema'), values: kinds.has('data/values') };
      },
      skipValidation: this.opts.skipDataValuesValidation,
      thread: this.run.thread,
      fileText: (name) => this.run.files.find((f) => f.name === name)?.text,
    });
    this.libraryValues = result.forLibraries;
    return result.values;
  }

  /**
   * The files holding data values schema or data values documents, in file order (ytt looks for
   * schema documents in all of them first, then for data values). They are not output.
   */
  dataValuesFiles(): YttFile[] {
    if (this.valuesFiles) return this.valuesFiles;
    const candidates = this.ctx.current.accessibleFiles().filter((f) => f.file.type === 'yaml' && f.file.isTemplate);
    const found: FileInLibrary[] = [];
    for (const kind of ['data/values-schema', 'data/values'] as const) {
      for (const f of candidates) {
        if (valuesKinds(parseYamlFile(f.file.file)).has(kind) && !found.includes(f)) found.push(f);
      }
    }
    found.sort(byOrder);
    for (const f of found) {
      this.notForOutput.add(f.file);
      this.byFile.set(f.file.file, f);
    }
    this.valuesFiles = found.map((f) => f.file.file);
    return this.valuesFiles;
  }

  /** One of dataValuesFiles() evaluated as a template with `values` as its data values. */
  private evaluateValuesFile(file: YttFile, values: NodeValue): YDoc[] {
    const f = this.byFile.get(file);
    if (!f) throw yttError(`Expected to find data values file '${file.name}'`);
    const loader = new TemplateLoader(this.run, dataValuesStruct(values), this.opts);
    return loader.evalYaml({ current: f.library, root: this.ctx.root }, f.file).docset.docs;
  }

  /** The library's templates evaluated with `values` (a Starlark value: templates' `data.values`), then its overlays. */
  eval(values: Value): LibraryResult {
    const loader = new TemplateLoader(this.run, values, this.opts, this.libraryValues);
    const docsets: [FileInLibrary, YDocSet][] = [];
    const textOutputs: LibraryResult['textOutputs'] = [];
    const exports: LibraryResult['exports'] = [];
    for (const f of this.ctx.current.accessibleFiles()) {
      const lf = f.file;
      const fileCtx = { current: f.library, root: this.ctx.root };
      if (lf.isTemplate && !this.notForOutput.has(lf)) {
        if (lf.type === 'yaml') docsets.push([f, loader.evalYaml(fileCtx, lf).docset]);
        else textOutputs.push({ name: f.path, text: loader.evalText(fileCtx, lf).text });
      } else if (lf.isLibrary) {
        let globals: Map<string, Value> | null = null;
        if (lf.type === 'star') globals = loader.evalStar(fileCtx, lf);
        else if (lf.type === 'yaml') globals = loader.evalYaml(fileCtx, lf).globals;
        else if (lf.type === 'text') globals = loader.evalText(fileCtx, lf).globals;
        if (globals) exports.push({ path: f.path, globals });
      }
    }
    const unused = unusedLibraryDataValues(this.libraryValues);
    if (unused) throw unused;
    const kept = this.applyOverlays(docsets);
    kept.sort(byOrder0);
    const docs: YDoc[] = [];
    for (const [, ds] of kept) for (const d of ds.docs) docs.push(d);
    return { docs, textOutputs, exports };
  }

  /**
   * ytt's overlay post-processing: documents annotated `overlay/match` are taken out of every file
   * and applied, file by file in file order, to the non-empty documents of all files. Files left
   * with no documents are dropped.
   */
  private applyOverlays(docsets: [FileInLibrary, YDocSet][]): [FileInLibrary, YDocSet][] {
    const overlays: [FileInLibrary, YDoc[]][] = [];
    const kept: [FileInLibrary, YDocSet][] = [];
    for (const [f, ds] of docsets) {
      const mine: YDoc[] = [];
      const rest: YDoc[] = [];
      for (const d of ds.docs) {
        if (d.annotations.some((a) => a.name === 'overlay/match')) mine.push(d);
        else if (!isEmptyDoc(d)) rest.push(d);
      }
      if (mine.length > 0) overlays.push([f, mine]);
      if (rest.length > 0) kept.push([f, new YDocSet(rest)]);
    }
    if (overlays.length === 0) return kept;
    overlays.sort(byOrder0);
    const order = overlays.map(([f]) => f.file.name).join(', ');
    const sets = kept.map(([, ds]) => ds);
    const thread = this.run.thread;
    let applying: [FileInLibrary, YDoc] | undefined;
    try {
      for (const [f, ods] of overlays) {
        for (const d of ods) {
          applying = [f, d];
          applyOverlayDocs(thread, sets, [d]);
        }
      }
    } catch (e) {
      const err = e instanceof EvalError ? evalErrorText(e, (name) => this.run.compiled.get(name) ?? null) : e;
      const inner = err instanceof StarError ? err.message : err instanceof YttError ? err.raw : null;
      if (inner === null) throw e;
      // the overlay document that failed is the outermost position (the file being applied)
      const positions = [...(err instanceof YttError ? err.positions : []), ...(applying ? [overlayPosition(...applying)] : [])];
      throw yttError(`Overlaying (in following order: ${order}): ${inner}`, positions, inner);
    }
    return kept;
  }
}

/** Where an overlay document is written: its file, and its line (a first document without `---` is on line 1, as ytt places it). */
function overlayPosition(f: FileInLibrary, d: YDoc): YttErrorPosition {
  const line = d.line ?? 1;
  return { context: null, file: f.file.file.name, line, source: f.file.file.text.split('\n')[line - 1] ?? null };
}

function byOrder0(a: [FileInLibrary, unknown], b: [FileInLibrary, unknown]): number {
  return byOrder(a[0], b[0]);
}

/** Data values as templates see them: maps are structs. */
export function dataValuesStruct(values: NodeValue): Value {
  return nodeToStarlarkPlain(values, true);
}

type ValuesKind = 'data/values' | 'data/values-schema';
const kindsOf = new WeakMap<ParsedYaml, Set<ValuesKind> | YttError>();

/**
 * Which data values annotations the documents of a file carry (ytt reads them with plain comments
 * ignored), with ytt's errors for such an annotation on a node that is not a document or repeated.
 */
function valuesKinds(parsed: ParsedYaml): Set<ValuesKind> {
  let kinds = kindsOf.get(parsed);
  if (!kinds) {
    try {
      kinds = scanValuesKinds(parsed);
    } catch (e) {
      if (!(e instanceof YttError)) throw e;
      kinds = e;
    }
    kindsOf.set(parsed, kinds);
  }
  if (kinds instanceof YttError) throw kinds;
  return kinds;
}

const NODE_NAMES: Record<string, string> = { docset: 'document set', map: 'map', mapitem: 'map item', array: 'array', arrayitem: 'array item' };

function scanValuesKinds(parsed: ParsedYaml): Set<ValuesKind> {
  const kinds = new Set<ValuesKind>();
  if (!parsed.templated) return kinds;
  const name = parsed.name;
  for (const kind of ['data/values-schema', 'data/values'] as const) {
    const walk = (n: YNode): void => {
      const count = n.comments.filter((c) => annotationName(c.data) === kind).length;
      if (count > 0 && !(n instanceof YDoc)) {
        throw yttError(`Found @${kind} on ${NODE_NAMES[n.kind]} (${name}:${n.line}); only documents (---) can be annotated with @${kind}`);
      }
      if (count > 1) throw yttError(`${kind} annotation may only be used once per document`);
      if (count === 1) kinds.add(kind);
      for (const v of n.values()) if (v instanceof YNode) walk(v);
    };
    walk(parsed.docset);
  }
  return kinds;
}

/** The annotation a comment's text (after `#`) is, or null: `@name args` (`@ code` is template/code). */
function annotationName(data: string): string | null {
  if (!data.startsWith('@')) return null;
  const sp = data.indexOf(' ');
  const name = sp < 0 ? data.slice(1) : data.slice(1, sp);
  return name === '' ? 'template/code' : name;
}

