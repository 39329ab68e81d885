// @ytt:library — the private libraries under `_ytt_lib`: library.get(name) and what a library
// instance offers (with_data_values, eval, export, data_values), each instance immutable, each
// evaluation a fresh run of that library's files with its own data values.
import { StarError, fail, truth, typeName } from '../starlark/index.js';
import type { Kwargs, Value } from '../starlark/index.js';
import { YDocSet } from '../template/nodes.js';
import type { NodeValue } from '../template/nodes.js';
import { Fragment, Module, starlarkToNode } from '../template/values.js';
import { computeDataValues } from '../datavalues/index.js';
import { LibraryExecution, dataValuesStruct } from '../execution.js';
import type { LibraryResult } from '../execution.js';
import { LookupError } from '../library.js';
import type { Library } from '../library.js';
import { failNested } from '../loader.js';
import type { LibraryCtx, LibraryRef, LibraryValues, LoaderOptions, Run } from '../loader.js';
import { YttError } from '../types.js';
import { yttBuiltin } from './util.js';

/** The @ytt:library module for code evaluated in `ctx`. */
export function libraryModule(run: Run, ctx: LibraryCtx, opts: LoaderOptions, refs: readonly LibraryValues[]): Module {
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
      return instance(run, { path, alias, lib, opts: libOpts, values: [], parentValues: refs });
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
      // accepted as ytt accepts them; carto's engine has no strict YAML mode or map key overrides,
      // and no data values validations to skip
      case 'implicit_map_key_overrides':
      case 'strict':
      case 'dangerous_data_values_disable_validation':
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
  values: { value: NodeValue; plain: boolean }[];
  /** Documents the code that got it holds for private libraries (`#@library/ref`). */
  parentValues: readonly LibraryValues[];
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
      return instance(run, { ...inst, values: [...inst.values, { value: starlarkToNode(args[0]!), plain }] });
    })],
    ['with_data_values_schema', yttBuiltin('library.with_data_values_schema', () => fail("carto's built-in ytt does not support with_data_values_schema yet; give the library a schema file instead"))],
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
 * The library's data values: its own files', then the documents addressed to it (`#@library/ref`;
 * those `after_library_module=True` last), then the values of with_data_values() (ytt's order).
 * Documents addressed to libraries below it are handed down.
 */
function libraryValues(run: Run, inst: Instance): { exec: LibraryExecution; values: NodeValue } {
  const before: { value: NodeValue; plain: boolean }[] = [];
  const after: { value: NodeValue; plain: boolean }[] = [];
  const below: LibraryValues[] = [];
  for (const lv of inst.parentValues) {
    if (!matches(lv.refs[0]!, inst)) continue;
    lv.used.value = true;
    if (lv.refs.length > 1) below.push({ ...lv, refs: lv.refs.slice(1) });
    else (lv.afterLibraryModule ? after : before).push({ value: lv.value, plain: false });
  }
  const exec = new LibraryExecution(run, { current: inst.lib, root: inst.lib }, inst.opts, below);
  const files = exec.dataValuesFiles();
  const values = computeDataValues({ files, evaluate: (f, v) => exec.evaluateValuesFile(f, v), libraryValues: [...before, ...after, ...inst.values] });
  return { exec, values };
}

/** Whether a reference (`@path`, `@~alias`, `@path~alias`) names this library instance. */
function matches(ref: LibraryRef, inst: Instance): boolean {
  if (ref.alias === '') return ref.path === inst.path;
  if (ref.path === '') return ref.alias === inst.alias;
  return ref.alias === inst.alias && ref.path === inst.path;
}

function evaluate(run: Run, inst: Instance): LibraryResult {
  const { exec, values } = libraryValues(run, inst);
  return exec.eval(dataValuesStruct(values));
}
