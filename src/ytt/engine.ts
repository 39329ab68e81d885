// The ytt engine: compiles template files (cached by content), evaluates them
// with data values and the @ytt: modules, and prints the result as ytt does.
import { execCompiled, EvalError, ResolveError, StarlarkSyntaxError, Thread } from './starlark/index.js';
import type { Value } from './starlark/index.js';
import type { File } from './starlark/syntax/ast.js';
import { parseFile } from './starlark/syntax/parser.js';
import { resolveFile } from './starlark/resolve/resolve.js';
import { universe } from './starlark/eval/interp.js';
import { StarError, chargeTo, fail } from './starlark/eval/values.js';
import { INS, TemplateCompileError, compileYamlTemplate } from './template/compile.js';
import type { CodeLine, CompiledYamlTemplate } from './template/compile.js';
import { TemplateRuntime, insertTemplateContexts } from './template/runtime.js';
import { YDoc, YDocSet, YMap, YNode, toPlain } from './template/nodes.js';
import type { NodeValue } from './template/nodes.js';
import { YamlParseError, parseYamlWithComments } from './template/yamlparse.js';
import { Module, Struct, plainToStarlark, nodeToStarlarkPlain } from './template/values.js';
import { emitYamlDoc } from './emit.js';
import { yamlModule } from './modules/yaml.js';
import { jsonModule } from './modules/json.js';
import { base64Module } from './modules/base64.js';
import { structModule } from './modules/struct.js';
import { assertModule } from './modules/assert.js';
import { regexpModule } from './modules/regexp.js';
import { mathModule, md5Module, sha256Module, urlModule, versionModule } from './modules/misc.js';
import { applyOverlayDocs, overlayModule } from './modules/overlay.js';
import { yttBuiltin } from './modules/util.js';
import { YTT_MAX_STEPS } from '../util/limits.js';
import { evaluateDataValues, isEmptyDoc, unusedLibraryDataValues } from './datavalues/index.js';
import type { LibraryDocument } from './datavalues/index.js';

export type { YttFile, YttOptions, DataValue, YttResult, YttErrorPosition, YttSource, YttSourceHit, YttSourceMap } from './types.js';
export { YttError } from './types.js';
import type { DataValue, YttFile, YttOptions, YttResult, YttErrorPosition, YttSourceMap } from './types.js';
import { documentSourceMap } from './sourcemap.js';
import { YttError } from './types.js';

// ---------------------------------------------------------------------------
// compilation (cached by file name + content)

interface CompiledFile {
  name: string;
  srcLines: string[];
  template: CompiledYamlTemplate | null; // null for .star files
  program: File;
}

const CACHE_LIMIT = 500;
// keyed by the template text first (the same string object is passed again and again,
// so its hash is computed once), then by file name and options
const cache = new Map<string, Map<string, CompiledFile | YttError>>();
let cacheSize = 0;

function isStarlarkFile(name: string): boolean {
  return name.endsWith('.star');
}

const INSTRUCTION_NAMES = Object.values(INS);

function compileFile(f: YttFile, ignoreUnknown: boolean): CompiledFile {
  const key = `${f.name}\u0000${ignoreUnknown ? 1 : 0}`;
  let byName = cache.get(f.text);
  const hit = byName?.get(key);
  if (hit) {
    if (hit instanceof YttError) throw hit;
    return hit;
  }
  let result: CompiledFile | YttError;
  try {
    result = doCompile(f, ignoreUnknown);
  } catch (e) {
    if (e instanceof YttError) result = e;
    else throw e;
  }
  if (cacheSize >= CACHE_LIMIT) {
    // drop the oldest template text
    const oldest = cache.keys().next().value!;
    cacheSize -= cache.get(oldest)!.size;
    cache.delete(oldest);
  }
  if (!byName) {
    byName = new Map();
    cache.set(f.text, byName);
  }
  byName.set(key, result);
  cacheSize++;
  if (result instanceof YttError) throw result;
  return result;
}

function doCompile(f: YttFile, ignoreUnknown: boolean): CompiledFile {
  const srcLines = f.text.split('\n');
  if (isStarlarkFile(f.name)) {
    let program: File;
    try {
      program = parseFile(f.name, f.text);
      resolveFile(program, () => false, (n) => universe.has(n));
    } catch (e) {
      throw starlarkCompileError(e, { name: f.name, srcLines, template: null, program: null as unknown as File });
    }
    return { name: f.name, srcLines, template: null, program };
  }
  let docset: YDocSet;
  try {
    docset = parseYamlWithComments(f.text);
  } catch (e) {
    if (e instanceof YamlParseError) {
      const detail = `Unmarshaling YAML template '${f.name}': ${e.msg}`;
      throw new YttError(detail, [{ context: null, file: f.name, line: e.line, source: e.line ? srcLines[e.line - 1] ?? null : null }], `ytt: Error: ${detail}\n`);
    }
    throw e;
  }
  let tpl: CompiledYamlTemplate;
  try {
    tpl = compileYamlTemplate(docset, { ignoreUnknownComments: ignoreUnknown, fileName: f.name });
  } catch (e) {
    if (e instanceof TemplateCompileError) {
      const detail = `Compiling YAML template '${f.name}': ${e.msg}`;
      throw new YttError(detail, [{ context: null, file: f.name, line: e.line, source: e.line ? srcLines[e.line - 1] ?? null : null }], `ytt: Error: ${detail}\n`);
    }
    throw e;
  }
  const cf: CompiledFile = { name: f.name, srcLines, template: tpl, program: null as unknown as File };
  try {
    const program = parseFile(f.name, tpl.programText);
    insertTemplateContexts(program);
    const pre = new Set<string>(INSTRUCTION_NAMES);
    resolveFile(program, (n) => pre.has(n), (n) => universe.has(n));
    cf.program = program;
  } catch (e) {
    throw starlarkCompileError(e, cf);
  }
  return cf;
}

// ---------------------------------------------------------------------------
// error formatting

const HINTS: Record<string, string> = {
  'undefined: true': "use 'True' instead of 'true' for boolean assignment",
  'undefined: false': "use 'False' instead of 'false' for boolean assignment",
  "got newline, want ':'": "missing colon at the end of 'if/for/def' statement?",
  'undefined: null': "use 'None' instead of 'null' to indicate no value",
  'undefined: nil': "use 'None' instead of 'nil' to indicate no value",
  'undefined: none': "use 'None' instead of 'none' to indicate no value",
  'unhandled index operation struct[string]': 'use getattr(...) to access struct field programmatically',
};

interface RawPos {
  context: string | null;
  cf: CompiledFile | null;
  line: number; // program line
}

function posLines(p: RawPos): { out: string[]; pos: YttErrorPosition | null } {
  const cf = p.cf;
  if (!cf) return { out: [], pos: null };
  const pad = p.context !== null ? '      ' : '    ';
  const out: string[] = [];
  if (p.context !== null) out.push(`    in ${p.context}`);
  const lineOf = (n: number): CodeLine | null | undefined => (cf.template ? cf.template.lines[n - 1] : { code: cf.srcLines[n - 1] ?? '', srcLine: n });
  const cl = lineOf(p.line);
  if (!cl) return { out: [], pos: null };
  if (cl.srcLine !== null) {
    const src = cl.selection ?? cf.srcLines[cl.srcLine - 1] ?? '';
    out.push(`${pad}${cf.name}:${cl.srcLine} | ${src}`);
    return { out, pos: { context: p.context, file: cf.name, line: cl.srcLine, source: src } };
  }
  let before: CodeLine | null = null;
  for (let n = p.line - 1; n >= 1; n--) {
    const x = lineOf(n);
    if (x && x.srcLine !== null) {
      before = x;
      break;
    }
  }
  let after: CodeLine | null = null;
  for (let n = p.line + 1; ; n++) {
    const x = lineOf(n);
    if (!x) break;
    if (x.srcLine !== null) {
      after = x;
      break;
    }
  }
  if (before) out.push(`${pad}${cf.name}:${before.srcLine} | ${cf.srcLines[before.srcLine! - 1] ?? ''}`);
  out.push(`${pad}${cf.name}:? | ${cl.code} (generated)`);
  if (after) out.push(`${pad}${cf.name}:${after.srcLine} | ${cf.srcLines[after.srcLine! - 1] ?? ''}`);
  const anchor = before ?? after;
  return {
    out,
    pos: { context: p.context, file: cf.name, line: anchor ? anchor.srcLine : null, source: anchor ? cf.srcLines[anchor.srcLine! - 1] ?? null : null },
  };
}

function formatError(items: { msg: string; positions: RawPos[] }[]): YttError {
  const lines: string[] = [''];
  const allPos: YttErrorPosition[] = [];
  for (const it of items) {
    const nl = it.msg.indexOf('\n');
    const topic = nl < 0 ? it.msg : it.msg.slice(0, nl);
    const rest = nl < 0 ? [] : it.msg.slice(nl + 1).split('\n');
    const hint = HINTS[topic];
    lines.push(`- ${topic}${hint ? ` (hint: ${hint})` : ''}`);
    const blocks: string[][] = [];
    for (const p of it.positions) {
      const r = posLines(p);
      blocks.push(r.out);
      if (r.pos) allPos.push(r.pos);
    }
    lines.push(...collapseRepeats(blocks));
    if (rest.length > 0) {
      lines.push('', '    reason:');
      for (const l of rest) lines.push(`     ${l}`);
    }
  }
  const text = `ytt: Error: ${lines.join('\n')}\n`;
  return new YttError(items[0]?.msg ?? 'unknown error', allPos, text);
}

/** Runs of one frame (or of a cycle of a few frames) repeated more often than this are collapsed (Python keeps three). */
const MAX_REPEATS_SHOWN = 3;
/** The longest cycle of frames recognised (mutual recursion of up to this many functions). */
const MAX_CYCLE = 4;

/**
 * The frames of a traceback (each a block of lines), with consecutive repeats collapsed as Python
 * does: deep recursion shows the repeated frames once and then
 * `    [the frame above repeated 197 more times]` (or `the 2 frames above` for mutual recursion),
 * so that an error stays a dozen lines instead of hundreds. Short tracebacks are unchanged.
 */
function collapseRepeats(blocks: string[][]): string[] {
  const keys = blocks.map((b) => b.join('\n'));
  const out: string[] = [];
  let i = 0;
  while (i < blocks.length) {
    let best = { period: 0, times: 1 };
    for (let period = 1; period <= MAX_CYCLE && i + 2 * period <= blocks.length; period++) {
      let times = 1;
      while (i + (times + 1) * period <= blocks.length && sameRun(keys, i, i + times * period, period)) times++;
      // prefer the shortest cycle that covers the most frames
      if (times > MAX_REPEATS_SHOWN && times * period > best.times * Math.max(best.period, 1)) best = { period, times };
    }
    if (best.period === 0) {
      out.push(...blocks[i]!);
      i++;
      continue;
    }
    for (let k = 0; k < best.period; k++) out.push(...blocks[i + k]!);
    const what = best.period === 1 ? 'the frame above' : `the ${best.period} frames above`;
    out.push(`    [${what} repeated ${best.times - 1} more times]`);
    i += best.times * best.period;
  }
  return out;
}

function sameRun(keys: string[], a: number, b: number, period: number): boolean {
  for (let k = 0; k < period; k++) if (keys[a + k] !== keys[b + k]) return false;
  return true;
}

function starlarkCompileError(e: unknown, cf: CompiledFile): YttError {
  if (e instanceof StarlarkSyntaxError) {
    return formatError([{ msg: e.msg, positions: [{ context: null, cf, line: e.pos.line }] }]);
  }
  if (e instanceof ResolveError) {
    return formatError(e.errors.map((x) => ({ msg: x.msg, positions: [{ context: null, cf, line: x.pos.line }] })));
  }
  throw e;
}

// ---------------------------------------------------------------------------
// evaluation

interface RunState {
  thread: Thread;
  files: Map<string, YttFile>;
  compiled: Map<string, CompiledFile>; // by file name
  loaded: Map<string, Map<string, Value> | 'loading'>;
  dataModule: Module;
  ignoreUnknown: boolean;
  runtimes: TemplateRuntime[]; // stack of templates being evaluated (for template.replace)
  loadFile?: (path: string, fromFile: string) => YttFile | undefined;
  /** With positions: each input file's index (nodes then record their source). */
  fileIndex?: Map<YttFile, number>;
}

function ytModule(state: RunState, name: string): Map<string, Value> {
  let mod: Module | null = null;
  switch (name) {
    case 'data': mod = state.dataModule; break;
    case 'yaml': mod = yamlModule; break;
    case 'json': mod = jsonModule; break;
    case 'base64': mod = base64Module; break;
    case 'struct': mod = structModule; break;
    case 'assert': mod = assertModule; break;
    case 'regexp': mod = regexpModule; break;
    case 'sha256': mod = sha256Module; break;
    case 'md5': mod = md5Module; break;
    case 'url': mod = urlModule; break;
    case 'version': mod = versionModule; break;
    case 'math': mod = mathModule; break;
    case 'overlay': mod = overlayModule; break;
    case 'template': mod = new Module('template', new Map<string, Value>([
      ['replace', yttBuiltin('template.replace', (_t, args) => {
        const rt = state.runtimes[state.runtimes.length - 1];
        if (!rt || args.length !== 1) fail('expected exactly one argument');
        return rt.replace(args[0]!);
      })],
    ])); break;
    default: break;
  }
  if (!mod) fail(`cannot load @ytt:${name}: Expected to find builtin module '${name}'`);
  return new Map([[name, mod as Value]]);
}

function resolvePath(from: string, path: string): string {
  if (path.startsWith('/')) return path.slice(1);
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  const parts = (dir + path).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

function loadModule(state: RunState, module: string, fromFile: string): Map<string, Value> {
  if (module.startsWith('@ytt:')) return ytModule(state, module.slice(5));
  if (module.startsWith('@')) fail(`cannot load ${module}: library modules are not supported`);
  const path = resolvePath(fromFile, module);
  const cached = state.loaded.get(path);
  if (cached === 'loading') fail(`cycle in load graph detected at ${path}`);
  if (cached) return cached;
  let f = state.files.get(path);
  if (!f && state.loadFile) {
    f = state.loadFile(path, fromFile);
    if (f) state.files.set(path, { name: path, text: f.text });
  }
  if (!f) fail(`cannot load ${module}: Expected to find file '${path}'`);
  f = state.files.get(path) ?? f;
  state.loaded.set(path, 'loading');
  const { globals } = evalFile(state, f);
  const exported = new Map<string, Value>();
  for (const [k, v] of globals) if (!k.startsWith('_')) exported.set(k, v);
  state.loaded.set(path, exported);
  return exported;
}

function evalFile(state: RunState, f: YttFile): { globals: Map<string, Value>; root: YNode | null } {
  const cf = compileFile(f, state.ignoreUnknown);
  state.compiled.set(f.name, cf);
  const pre = new Map<string, Value>();
  let rt: TemplateRuntime | null = null;
  if (cf.template) {
    rt = new TemplateRuntime(cf.template.protos, state.fileIndex ? { name: f.name, index: state.fileIndex.get(f) } : undefined);
    for (const [k, v] of rt.builtins()) pre.set(k, v);
    state.runtimes.push(rt);
  }
  const thread = state.thread;
  const prevLoad = thread.load;
  thread.load = (m) => loadModule(state, m, f.name);
  try {
    const globals = execCompiled(thread, cf.program, pre);
    return { globals, root: rt ? rt.rootNode() : null };
  } finally {
    thread.load = prevLoad;
    if (rt) state.runtimes.pop();
  }
}

function evalErrorToYtt(state: RunState, e: EvalError): YttError {
  const positions: RawPos[] = [];
  for (let i = e.frames.length - 1; i >= 0; i--) {
    const fr = e.frames[i]!;
    if (!fr.pos || !fr.file || fr.pos.line === 0) continue;
    const cf = state.compiled.get(fr.file) ?? null;
    positions.push({ context: fr.name, cf, line: fr.pos.line });
  }
  return formatError([{ msg: e.msg, positions }]);
}

// ---------------------------------------------------------------------------
// public entry point

function annotationNamesOfDocs(cf: CompiledFile): string[][] {
  if (!cf.template) return [];
  return cf.template.protos.filter((p) => p.kind === 'doc').map((p) => p.annotationNames);
}

function isDataValuesFile(cf: CompiledFile): boolean {
  const k = dataValuesKinds(cf);
  return k.schema || k.values;
}

/** Whether a file holds schema or data values documents, as written (ytt sorts files by this before evaluating them). */
function dataValuesKinds(cf: CompiledFile): { schema: boolean; values: boolean } {
  const docs = annotationNamesOfDocs(cf);
  return { schema: docs.some((names) => names.includes('data/values-schema')), values: docs.some((names) => names.includes('data/values')) };
}

/** A flag the fast path can take: an already-parsed value for a plain key (no nesting, no library). */
function isPlainFlag(dv: DataValue): boolean {
  return 'value' in dv && !/[.:]/.test(dv.key) && !dv.key.startsWith('@');
}

/** ytt --data-values-inspect: the data values as the only document. */
function valuesResult(values: NodeValue): YttResult {
  const doc = new YDoc(values);
  if (isEmptyDoc(doc)) return { documents: [], text: '' };
  return { documents: [toPlain(values)], text: emitYamlDoc(toPlain(values, true)) };
}

function makeDataModule(values: NodeValue): Module {
  return dataModuleOf(nodeToStarlarkPlain(values, true));
}

function dataModuleOf(values: Value): Module {
  return new Module('data', new Map<string, Value>([
    ['values', values],
    ['list', yttBuiltin('data.list', () => fail('file access is not available'))],
    ['read', yttBuiltin('data.read', () => fail('file access is not available'))],
  ]));
}

function wrapEvalErrors<T>(state: RunState, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EvalError) throw evalErrorToYtt(state, e);
    if (e instanceof StarError) throw formatError([{ msg: e.message, positions: [] }]);
    throw e;
  }
}

export function runYtt(files: YttFile[], options: YttOptions = {}): YttResult {
  const thread = new Thread(options.maxSteps ?? YTT_MAX_STEPS, options.maxDepth ?? 200);
  if (options.print) thread.print = options.print;
  const previous = chargeTo(thread);
  try {
    return runWith(thread, files, options);
  } catch (e) {
    // the step budget running out outside any template code (converting large data values)
    if (e instanceof StarError) throw formatError([{ msg: e.message, positions: [] }]);
    throw e;
  } finally {
    chargeTo(previous);
    options.stepsUsed?.(Math.min(thread.steps, thread.maxSteps));
  }
}

function runWith(thread: Thread, files: YttFile[], options: YttOptions): YttResult {
  const ignoreUnknown = options.ignoreUnknownComments ?? false;
  const state: RunState = {
    thread,
    files: new Map(files.map((f) => [f.name, f])),
    compiled: new Map(),
    loaded: new Map(),
    dataModule: makeDataModule(new YMap()),
    ignoreUnknown,
    runtimes: [],
    loadFile: options.loadFile,
    ...(options.positions ? { fileIndex: new Map(files.map((f, i) => [f, i])) } : {}),
  };

  // data values (see src/ytt/datavalues for the order)
  const templates: YttFile[] = [];
  const valuesFiles: YttFile[] = [];
  for (const f of files) {
    if (isStarlarkFile(f.name)) continue;
    if (isDataValuesFile(compileFile(f, ignoreUnknown))) valuesFiles.push(f);
    else templates.push(f);
  }
  const flags = options.dataValues ?? [];
  let forLibraries: LibraryDocument[] = [];
  if (valuesFiles.length === 0 && !options.dataValuesFiles?.length && !options.dataValuesFileArgs?.length && !options.dataValuesInspect && flags.every(isPlainFlag)) {
    // common case (parsed flags only): build the struct straight from the plain values
    const fields = new Map<string, Value>();
    for (const dv of flags) fields.set(dv.key, plainToStarlark((dv as { value: unknown }).value, true));
    state.dataModule = dataModuleOf(new Struct(fields));
  } else {
    const result = evaluateDataValues({
      files: valuesFiles,
      evaluate: (f, current) => {
        state.dataModule = makeDataModule(current);
        const root = wrapEvalErrors(state, () => evalFile(state, f).root);
        state.loaded.clear();
        return root instanceof YDocSet ? root.docs : [];
      },
      kindOf: (f) => dataValuesKinds(compileFile(f, ignoreUnknown)),
      valuesFiles: options.dataValuesFiles ?? [],
      valuesFileArgs: options.dataValuesFileArgs ?? [],
      flags,
      skipValidation: options.skipDataValuesValidation ?? false,
      thread,
    });
    if (options.dataValuesInspect) return valuesResult(result.values);
    state.dataModule = makeDataModule(result.values);
    forLibraries = result.forLibraries;
  }

  const docs: YDoc[] = [];
  for (const f of templates) {
    if (state.loaded.has(f.name)) continue;
    const root = wrapEvalErrors(state, () => evalFile(state, f).root);
    if (root instanceof YDocSet) docs.push(...root.docs);
  }

  const unused = unusedLibraryDataValues(forLibraries);
  if (unused) throw unused;

  // documents annotated with overlay/... are overlays applied to all the others
  const isOverlay = (d: YDoc): boolean => d.annotations.some((a) => a.name.startsWith('overlay/'));
  const overlays = docs.filter(isOverlay);
  let result = docs;
  if (overlays.length > 0) {
    const base = new YDocSet(docs.filter((d) => !isOverlay(d) && !isEmptyDoc(d)));
    wrapEvalErrors(state, () => applyOverlayDocs(thread, base, overlays));
    result = base.docs;
  }

  const documents: unknown[] = [];
  const parts: string[] = [];
  const sources: YttSourceMap[] | undefined = options.positions ? [] : undefined;
  let outputLine = 1;
  for (const d of result) {
    if (isEmptyDoc(d)) continue;
    documents.push(toPlain(d.value));
    const part = emitYamlDoc(toPlain(d.value, true));
    parts.push(part);
    if (sources) {
      sources.push(documentSourceMap(d, outputLine));
      outputLine += lineBreaks(part) + 1; // and the `---` line after it
    }
  }
  return { documents, text: parts.join('---\n'), ...(sources ? { sources } : {}) };
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Drops all cached compiled templates. */
export function clearYttCache(): void {
  cache.clear();
  cacheSize = 0;
}

