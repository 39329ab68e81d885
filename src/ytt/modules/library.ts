// @ytt:library — the private libraries under `_ytt_lib`: library.get(name) and what a library
// instance offers (with_data_values, with_data_values_schema, eval, export, data_values), each
// instance immutable, each evaluation a fresh run of that library's files with its own data
// values: its own files', then the documents addressed to it, overlaid and checked against its
// schema as ytt does (datavalues/).
import { StarError, fail, truth, typeName } from '../starlark/index.js';
import type { Kwargs, Value } from '../starlark/index.js';
import { YDoc, YDocSet, deepCopy } from '../template/nodes.js';
import type { NodeValue } from '../template/nodes.js';
import { Fragment, Module, starlarkToNode } from '../template/values.js';
import { markInMemory, plainMerge } from '../datavalues/index.js';
import type { LibraryDocument, OverlayDoc } from '../datavalues/index.js';
import { LibraryExecution, dataValuesStruct } from '../execution.js';
import type { LibraryResult } from '../execution.js';
import { LookupError } from '../library.js';
import type { Library } from '../library.js';
import { failNested } from '../loader.js';
import type { LibraryCtx, LoaderOptions, Run } from '../loader.js';
import { YttError } from '../types.js';
import { yttBuiltin } from './util.js';

/** The @ytt:library module for code evaluated in `ctx`. */
export function libraryModule(run: Run, ctx: LibraryCtx, opts: LoaderOptions, refs: readonly LibraryDocument[]): Module {
  return new Module('library', new Map<string, Value>([
    ['get', yttBuiltin('library.get', (_t, args, kwargs) => {
      if (args.length !== 1) fail('expected exactly one argument');
      const path = args[0];
      if (typeof path !== 'string') fail(`expected argument to be a string, but was ${typeName(path!)}`);
      const { alias, libOpts } = getOptions(kwargs, opts);
      if (path.startsWith('@')) fail(`Expected library '${path}' to be specified without '@'`);
      let lib: Library;
      try {
        lib = ctx.current.findPrivate(path);
      } catch (e) {
        if (e instanceof LookupError) fail(e.message);
        throw e;
      }
      return instance(run, { path, alias, lib, opts: libOpts, values: [], schemas: [], parentValues: refs });
    })],
  ]));
}

function getOptions(kwargs: Kwargs, opts: LoaderOptions): { alias: string; libOpts: LoaderOptions } {
  let alias = '';
  const libOpts = { ...opts };
  for (const [name, v] of kwargs) {
    switch (name) {
      case 'alias':
        if (typeof v !== 'string') fail(`expected argument to be a string, but was ${typeName(v)}`);
        alias = v;
        break;
      case 'ignore_unknown_comments':
        libOpts.ignoreUnknownComments = truth(v);
        break;
      case 'dangerous_data_values_disable_validation':
        libOpts.skipDataValuesValidation = truth(v);
        break;
      // accepted as ytt accepts them; carto's engine has no strict YAML mode or map key overrides
      case 'implicit_map_key_overrides':
      case 'strict':
        break;
      default:
        fail(`Unexpected kwarg '${name}'`);
    }
  }
  return { alias, libOpts };
}

interface Instance {
  path: string;
  alias: string;
  lib: Library;
  opts: LoaderOptions;
  /** Given with with_data_values(), in call order. */
  values: YDoc[];
  /** Given with with_data_values_schema(), in call order. */
  schemas: YDoc[];
  /** Documents the code that got it holds for private libraries (`#@library/ref`, `@lib:` flags). */
  parentValues: readonly LibraryDocument[];
}

function instance(run: Run, inst: Instance): Module {
  const desc = inst.alias ? `${inst.path}~${inst.alias}` : inst.path;
  const evaluating = `Evaluating library '${desc}': `;
  const exporting = `Exporting from library '${desc}': `;
  return new Module('library', new Map<string, Value>([
    ['with_data_values', yttBuiltin('library.with_data_values', (_t, args, kwargs) => {
      if (args.length !== 1) fail('expected exactly one argument');
      let plain = false;
      for (const [name, v] of kwargs) {
        if (name !== 'plain') fail(`Unexpected keyword argument '${name}'`);
        plain = truth(v);
      }
      const doc = given(args[0]!);
      if (plain) plainMerge(doc);
      return instance(run, { ...inst, values: [...inst.values, doc] });
    })],
    ['with_data_values_schema', yttBuiltin('library.with_data_values_schema', (_t, args) => {
      if (args.length !== 1) fail('expected exactly one argument');
      return instance(run, { ...inst, schemas: [...inst.schemas, given(args[0]!)] });
    })],
    ['eval', yttBuiltin('library.eval', (_t, args) => {
      if (args.length !== 0) fail('expected no arguments');
      const result = described(run, evaluating, () => evaluate(run, inst));
      return new Fragment(new YDocSet(result.docs));
    })],
    ['export', yttBuiltin('library.export', (_t, args, kwargs) => {
      if (args.length !== 1) fail('expected exactly one argument');
      const name = args[0];
      if (typeof name !== 'string') fail(`expected argument to be a string, but was ${typeName(name!)}`);
      let where = '';
      for (const [k, v] of kwargs) {
        if (k !== 'path') fail(`Unexpected keyword argument '${k}'`);
        if (typeof v !== 'string') fail(`expected argument to be a string, but was ${typeName(v)}`);
        where = v;
      }
      if (name.startsWith('_')) fail("Symbols starting with '_' are private, and cannot be exported");
      return described(run, exporting, () => {
        const found = evaluate(run, inst).exports.filter((e) => e.globals.has(name) && (where === '' || where === e.path));
        if (found.length === 0) fail(`Expected to find exported symbol '${name}', but did not`);
        if (found.length > 1) {
          fail(`Expected to find exactly one exported symbol '${name}', but found multiple across files: ${found.map((e) => e.path).join(', ')}`);
        }
        return found[0]!.globals.get(name)!;
      });
    })],
    ['data_values', yttBuiltin('library.data_values', (_t, args) => {
      if (args.length !== 0) fail('expected no arguments');
      return described(run, exporting, () => dataValuesStruct(libraryValues(run, inst).values));
    })],
  ]));
}

/** A value given to a library as a document (a fragment keeps its positions, other values are in memory, as ytt has them). */
function given(v: Value): YDoc {
  const doc = new YDoc(starlarkToNode(v));
  markInMemory(doc);
  return doc;
}

/** Runs `f`, reporting its failure (a ytt error from the library's files) after `prefix`. */
function described<T>(run: Run, prefix: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof YttError) failNested(run, prefix, e);
    if (e instanceof StarError) fail(prefix + e.message);
    throw e;
  }
}

/**
 * The library's data values: its own files', then the documents addressed to it (`#@library/ref`
 * documents and `@lib:` flags of its parent), then with_data_values(), then the documents addressed
 * to it `after_library_module=True` (ytt's order); schemas likewise. Documents addressed to
 * libraries below it are handed down, keeping ytt's description of where they came from.
 */
function libraryValues(run: Run, inst: Instance): { exec: LibraryExecution; values: NodeValue } {
  const before: OverlayDoc[] = [];
  const after: OverlayDoc[] = [];
  const schemas: OverlayDoc[] = [];
  for (const d of inst.parentValues) {
    if (!matches(d.library[0]!, inst)) continue;
    d.used = true;
    // overlays change the documents they start from: each evaluation takes copies
    const o: OverlayDoc = { doc: deepCopy(d.doc), library: d.library.slice(1), desc: d.desc, ...(d.afterLibraryModule ? { afterLibraryModule: true } : {}) };
    if (d.kind === 'schema') schemas.push(o);
    else if (d.afterLibraryModule && o.library.length === 0) after.push(o);
    else before.push(o);
  }
  const given = (docs: YDoc[]): OverlayDoc[] => docs.map((doc) => ({ doc: deepCopy(doc), library: [] }));
  const exec = new LibraryExecution(run, { current: inst.lib, root: inst.lib }, inst.opts);
  const values = exec.dataValues({ overlays: [...before, ...given(inst.values), ...after], schemaOverlays: [...schemas, ...given(inst.schemas)] });
  return { exec, values };
}

/** Whether a piece of a library reference (`path`, `~alias`, `path~alias`) names this library instance. */
function matches(ref: string, inst: Instance): boolean {
  const [path, alias = ''] = ref.split('~') as [string, string?];
  if (alias === '') return path === inst.path;
  if (path === '') return alias === inst.alias;
  return alias === inst.alias && path === inst.path;
}

function evaluate(run: Run, inst: Instance): LibraryResult {
  const { exec, values } = libraryValues(run, inst);
  return exec.eval(dataValuesStruct(values));
}
