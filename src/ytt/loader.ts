// Evaluates the files of a ytt run one at a time, as ytt's template loader does: YAML templates
// (plain YAML passes through as read), Starlark files and text templates, each with the modules it
// may load: the @ytt: modules, `data` (this library's data values and files) and the files of its
// library tree (`load("x.star")`, `load("/x.star")`, `load("@lib:x.star")`). It reads nothing but
// the files it was given.
import { EvalError, List, StarError, execCompiled, fail, typeName } from './starlark/index.js';
import type { Thread, Value } from './starlark/index.js';
import { TemplateRuntime } from './template/runtime.js';
import { YDocSet, deepCopy } from './template/nodes.js';
import { markSources } from './sourcemap.js';
import { Module } from './template/values.js';
import { TEXT_RESULT } from './template/texttemplate.js';
import { compileStarFile, compileTextFile, compileYamlFile, parseYamlFile } from './compiled.js';
import type { CompiledFile } from './compiled.js';
import { evalErrorText, formatError, wrapYttError } from './errors.js';
import { LookupError } from './library.js';
import type { LibFile, Library } from './library.js';
import { YttError } from './types.js';
import type { YttFile } from './types.js';
import type { LibraryDocument } from './datavalues/index.js';
import { yamlModule } from './modules/yaml.js';
import { jsonModule } from './modules/json.js';
import { base64Module } from './modules/base64.js';
import { structModule } from './modules/struct.js';
import { assertModule } from './modules/assert.js';
import { regexpModule } from './modules/regexp.js';
import { mathModule, md5Module, sha256Module, urlModule, versionModule } from './modules/misc.js';
import { ipModule } from './modules/ip.js';
import { overlayModule } from './modules/overlay.js';
import { yttBuiltin } from './modules/util.js';

/** Where a file is evaluated: the library it belongs to, and the root that `/path` and `@lib:` start from. */
export interface LibraryCtx {
  current: Library;
  root: Library;
}

export interface LoaderOptions {
  /** ytt's --ignore-unknown-comments (a library may be given its own, see library.get). */
  ignoreUnknownComments: boolean;
  /** ytt's --dangerous-data-values-disable-validation (a library may be given its own). */
  skipDataValuesValidation: boolean;
}

/** What one run of the engine shares between the files and libraries it evaluates. */
export interface Run {
  thread: Thread;
  /** The files of the run (every library's). */
  files: readonly YttFile[];
  /** The compiled files evaluated so far, by name (to show the source lines of a traceback). */
  compiled: Map<string, CompiledFile>;
  /** Files being evaluated, outermost first (loading one of them is a cycle). */
  loading: LibFile[];
  /** YAML templates being evaluated, innermost last (template.replace in a .star file acts on the innermost). */
  runtimes: TemplateRuntime[];
  /**
   * Errors of nested evaluations (a loaded file, a library's eval) turned into the message of the
   * call that started them, so the enclosing error keeps their positions and message.
   */
  nested: YttError[];
  /** The @ytt:library module for code evaluated in `ctx` (see modules/library.ts). */
  libraryModule: (ctx: LibraryCtx, opts: LoaderOptions, refs: readonly LibraryDocument[]) => Module;
  /** With positions: each input file's index (nodes then record their source, see NodeSource). */
  fileIndex?: Map<YttFile, number>;
}

/** ytt 0.45.9's words for `load("@ytt:NAME")` of a module it does not have. */
export function unknownBuiltinModule(name: string): string {
  return `builtin ytt library does not have module '${name}' (hint: is it available in newer version of ytt?)`;
}

export const STATIC_MODULES: Record<string, Module> = {
  yaml: yamlModule,
  json: jsonModule,
  base64: base64Module,
  struct: structModule,
  assert: assertModule,
  regexp: regexpModule,
  sha256: sha256Module,
  md5: md5Module,
  url: urlModule,
  ip: ipModule,
  version: versionModule,
  math: mathModule,
  overlay: overlayModule,
};

const NO_GLOBALS = new Map<string, Value>();

/** Evaluates files with one set of data values (`values`, as templates see `data.values`). */
export class TemplateLoader {
  constructor(
    readonly run: Run,
    readonly values: Value,
    readonly opts: LoaderOptions,
    /** Data values and schema documents for the private libraries of the files evaluated. */
    readonly libraryValues: readonly LibraryDocument[] = [],
  ) {}

  /** A YAML file: a template's documents and globals, or a plain file's documents (a copy: overlays change them). */
  evalYaml(ctx: LibraryCtx, lf: LibFile): { globals: Map<string, Value>; docset: YDocSet } {
    const parsed = parseYamlFile(lf.file);
    const source = this.run.fileIndex ? { name: lf.file.name, index: this.run.fileIndex.get(lf.file) } : undefined;
    if (!parsed.templated) {
      const docset = deepCopy(parsed.docset);
      if (source) markSources(docset, source);
      return { globals: NO_GLOBALS, docset };
    }
    const cf = compileYamlFile(lf.file, this.opts.ignoreUnknownComments);
    const rt = new TemplateRuntime(cf.template!.protos, lf.file.name, source);
    const globals = this.exec(ctx, lf, cf, rt.builtins(), rt);
    const root = rt.rootNode();
    return { globals, docset: root instanceof YDocSet ? root : new YDocSet() };
  }

  /** A .star file's globals (ytt: "Evaluating starlark template: ..."). */
  evalStar(ctx: LibraryCtx, lf: LibFile): Map<string, Value> {
    return prefixed('Evaluating starlark template: ', () => this.exec(ctx, lf, compileStarFile(lf.file), new Map(), null));
  }

  /** A text template's text and globals (ytt: "Evaluating text template: ..."). */
  evalText(ctx: LibraryCtx, lf: LibFile): { globals: Map<string, Value>; text: string } {
    const cf = compileTextFile(lf.file);
    const rt = new TemplateRuntime([]);
    const pre = rt.builtins();
    let text = '';
    pre.set(TEXT_RESULT, yttBuiltin(TEXT_RESULT, (_t, args) => {
      text = typeof args[0] === 'string' ? args[0] : '';
      return null;
    }));
    const globals = prefixed('Evaluating text template: ', () => this.exec(ctx, lf, cf, pre, rt));
    return { globals, text };
  }

  private exec(ctx: LibraryCtx, lf: LibFile, cf: CompiledFile, pre: Map<string, Value>, rt: TemplateRuntime | null): Map<string, Value> {
    const run = this.run;
    run.compiled.set(cf.name, cf);
    const thread = run.thread;
    const prevLoad = thread.load;
    const depth = thread.stack.length;
    thread.load = (m) => this.load(ctx, m, rt);
    if (rt) run.runtimes.push(rt);
    run.loading.push(lf);
    try {
      return execCompiled(thread, cf.program, pre);
    } catch (e) {
      if (e instanceof EvalError) throw withNested(run, e.msg, evalErrorText(e, (name) => run.compiled.get(name) ?? null, depth));
      if (e instanceof StarError) throw formatError([{ msg: e.message, positions: [] }]);
      throw e;
    } finally {
      thread.load = prevLoad;
      run.loading.pop();
      if (rt) run.runtimes.pop();
    }
  }

  /** `load(module)` in a file of `ctx` evaluated by `rt` (ytt: "cannot load <module>: ..."). */
  private load(ctx: LibraryCtx, module: string, rt: TemplateRuntime | null): Map<string, Value> {
    try {
      return this.loadModule(ctx, module, rt);
    } catch (e) {
      if (e instanceof LookupError) fail(`cannot load ${module}: ${e.message}`);
      if (e instanceof YttError) failNested(this.run, `cannot load ${module}: `, e);
      throw e;
    }
  }

  private loadModule(ctx: LibraryCtx, module: string, rt: TemplateRuntime | null): Map<string, Value> {
    let path = module;
    if (module.startsWith('@')) {
      const colon = module.indexOf(':');
      if (colon < 0) {
        throw new LookupError("Expected library path to be in format '@name:path' e.g. '@github.com/vmware-tanzu/test:test.star' or '@ytt:base64'");
      }
      const lib = module.slice(1, colon);
      path = module.slice(colon + 1);
      if (lib === 'ytt') return new Map([[path, this.yttModule(ctx, path, rt)]]);
      const found = ctx.current.findPrivate(lib);
      ctx = { current: found, root: found };
    }
    let from = ctx.current;
    if (path.startsWith('/')) {
      from = ctx.root;
      path = path.slice(1);
    }
    const fil = from.findFile(path);
    const lf = fil.file;
    if (!lf.isLibrary) {
      throw new LookupError(
        `Expected file '${lf.name}' to be a library file, but was not (hint: library filename must end with '.lib.yml' or '.star'; use data.read(...) for loading non-templated file contents)`,
      );
    }
    const run = this.run;
    if (run.loading.includes(lf)) {
      const cycle = [...run.loading.slice(run.loading.indexOf(lf)), lf].map((f) => f.name).join(' -> ');
      throw new LookupError(`load cycle ${cycle} (ytt 0.45.9 runs out of stack on it)`);
    }
    const fileCtx = { current: fil.library, root: ctx.root };
    switch (lf.type) {
      case 'yaml': return this.evalYaml(fileCtx, lf).globals;
      case 'star': return this.evalStar(fileCtx, lf);
      case 'text': return this.evalText(fileCtx, lf).globals;
      default: throw new LookupError(`File '${lf.name}' type is not a known`);
    }
  }

  private yttModule(ctx: LibraryCtx, name: string, rt: TemplateRuntime | null): Module {
    const mod = STATIC_MODULES[name];
    if (mod) return mod;
    switch (name) {
      case 'data': return this.dataModule(ctx);
      case 'template': return this.templateModule(rt);
      case 'library': return this.run.libraryModule(ctx, this.opts, this.libraryValues);
      default: fail(`cannot load @ytt:${name}: ${unknownBuiltinModule(name)}`);
    }
  }

  /**
   * `@ytt:template` of a file: replace() acts on the nodes that file's template is building (a def
   * of a loaded .lib.yml builds its nodes in its own file), or on the innermost template's for code
   * in a .star file.
   */
  private templateModule(own: TemplateRuntime | null): Module {
    const run = this.run;
    return new Module('template', new Map<string, Value>([
      ['replace', yttBuiltin('template.replace', (_t, args) => {
        const rt = own ?? run.runtimes[run.runtimes.length - 1];
        if (!rt || args.length !== 1) fail('expected exactly one argument');
        return rt.replace(args[0]!);
      })],
    ]));
  }

  /** `@ytt:data`: the data values, and the files of this library (`data.list`, `data.read`). */
  private dataModule(ctx: LibraryCtx): Module {
    const lookup = <T>(f: () => T): T => {
      try {
        return f();
      } catch (e) {
        if (e instanceof LookupError) fail(e.message);
        throw e;
      }
    };
    return new Module('data', new Map<string, Value>([
      ['values', this.values],
      ['list', yttBuiltin('data.list', (_t, args) => {
        if (args.length > 1) fail('expected exactly zero or one argument');
        let path = args.length === 1 ? stringArg(args[0]!) : '';
        let lib = ctx.current;
        const fromRoot = path.startsWith('/');
        if (fromRoot) {
          lib = ctx.root;
          path = path.slice(1);
        }
        if (path.length > 0) lib = lookup(() => lib.find(path));
        return listOf(lib.accessibleFiles().map((f) => (fromRoot ? `/${f.path}` : f.path)));
      })],
      ['read', yttBuiltin('data.read', (_t, args) => {
        if (args.length !== 1) fail('expected exactly one argument');
        let path = stringArg(args[0]!);
        let lib = ctx.current;
        if (path.startsWith('/')) {
          lib = ctx.root;
          path = path.slice(1);
        }
        return lookup(() => lib.findFile(path)).file.file.text;
      })],
    ]));
  }
}

/** Evaluates with ytt's wording for what failed: `prefix` + the error. */
function prefixed<T>(prefix: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof YttError) throw wrapYttError(prefix, e);
    throw e;
  }
}

function stringArg(v: Value): string {
  if (typeof v !== 'string') fail(`expected argument to be a string, but was ${typeName(v)}`);
  return v;
}

function listOf(items: string[]): Value {
  return new List(items);
}

/** Fails the current Starlark call with `prefix` + a nested evaluation's error, keeping the error for withNested. */
export function failNested(run: Run, prefix: string, err: YttError): never {
  run.nested.push(err);
  fail(prefix + err.raw);
}

/**
 * An evaluation error whose message (`msg`) ends with a nested evaluation's error: the positions of
 * both (innermost first), and as its message the call's words followed by the nested error's own
 * message (`cannot load x.star: unknown binary op …`), not only the call's.
 */
function withNested(run: Run, msg: string, err: YttError): YttError {
  for (let i = run.nested.length - 1; i >= 0; i--) {
    const inner = run.nested[i]!;
    if (!msg.endsWith(inner.raw)) continue;
    run.nested.length = i;
    return new YttError(msg.slice(0, msg.length - inner.raw.length) + inner.detail, [...inner.positions, ...err.positions], err.text, err.raw);
  }
  return err;
}
