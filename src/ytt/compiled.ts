// Reading and compiling the files of a ytt run, cached by content: YAML files read with their
// comments (and whether they use ytt at all), YAML templates, Starlark files and text templates
// compiled to Starlark programs. Rendering one template for many workloads compiles it once.
import { StarlarkSyntaxError } from './starlark/index.js';
import type { File } from './starlark/syntax/ast.js';
import { parseFile } from './starlark/syntax/parser.js';
import { resolveFile } from './starlark/resolve/resolve.js';
import { universe } from './starlark/eval/interp.js';
import { INS, TemplateCompileError, compileYamlTemplate } from './template/compile.js';
import type { CodeLine, NodeProto } from './template/compile.js';
import { TEXT_RESULT, compileTextTemplate, parseTextTemplateFile } from './template/texttemplate.js';
import { insertTemplateContexts } from './template/runtime.js';
import { YDocSet, YNode } from './template/nodes.js';
import type { Comment } from './template/nodes.js';
import { YamlParseError, parseYamlWithComments } from './template/yamlparse.js';
import { starlarkCompileError, yttError } from './errors.js';
import { YttError } from './types.js';
import type { YttFile } from './types.js';

export interface CompiledFile {
  name: string;
  kind: 'yaml' | 'star' | 'text';
  srcLines: string[];
  /** How program lines map to the source (null for .star files, whose program is the source). */
  template: { lines: CodeLine[]; protos: NodeProto[] } | null;
  program: File;
}

/** A YAML file as ytt reads it before templating. */
export interface ParsedYaml {
  /** The file's name in the run. */
  name: string;
  /** The documents, comments attached. Shared by every run: copy before changing. */
  docset: YDocSet;
  /** Whether any comment is a ytt annotation or code (`#@`, not `#@comment`); else the file is plain YAML and its comments are ignored. */
  templated: boolean;
}

const CACHE_LIMIT = 500;
type Entry = CompiledFile | ParsedYaml | YttError;
// keyed by the file's text first (the same string object is passed again and again, so its hash
// is computed once), then by what was made of it
const cache = new Map<string, Map<string, Entry>>();
let cacheSize = 0;

function cached<T extends Entry>(f: YttFile, key: string, make: () => T): T {
  let byKey = cache.get(f.text);
  const hit = byKey?.get(key);
  if (hit) {
    if (hit instanceof YttError) throw hit;
    return hit as T;
  }
  let result: T | YttError;
  try {
    result = make();
  } catch (e) {
    if (e instanceof YttError) result = e;
    else throw e;
  }
  if (cacheSize >= CACHE_LIMIT) {
    // drop the oldest text
    const oldest = cache.keys().next().value!;
    cacheSize -= cache.get(oldest)!.size;
    cache.delete(oldest);
  }
  if (!byKey) {
    byKey = new Map();
    cache.set(f.text, byKey);
  }
  byKey.set(key, result);
  cacheSize++;
  if (result instanceof YttError) throw result;
  return result;
}

/** Drops everything cached. */
export function clearCompiled(): void {
  cache.clear();
  cacheSize = 0;
}

/** A YAML file's documents with their comments (ytt: "Unmarshaling YAML template 'x': …"). */
export function parseYamlFile(f: YttFile): ParsedYaml {
  return cached(f, `parse\u0000${f.name}`, () => {
    let docset: YDocSet;
    try {
      docset = parseYamlWithComments(f.text);
    } catch (e) {
      if (e instanceof YamlParseError) {
        const raw = `Unmarshaling YAML template '${f.name}': ${e.msg}`;
        throw yttError(raw, [{ context: null, file: f.name, line: e.line, source: e.line ? f.text.split('\n')[e.line - 1] ?? null : null }], raw);
      }
      throw e;
    }
    const templated = hasTemplating(docset);
    // a plain file's nodes are output as read: they were written in this file (a template's are rebuilt)
    if (!templated) inFile(docset, f.name);
    return { name: f.name, docset, templated };
  });
}

function inFile(node: YNode, name: string): void {
  node.file = name;
  for (const v of node.values()) if (v instanceof YNode) inFile(v, name);
}

/** ytt's rule for "is this YAML a template": some comment is an annotation or code other than `#@comment`. */
function hasTemplating(node: YNode): boolean {
  for (const c of node.comments) if (isTemplatingComment(c)) return true;
  for (const v of node.values()) if (v instanceof YNode && hasTemplating(v)) return true;
  return false;
}

function isTemplatingComment(c: Comment): boolean {
  if (!c.data.startsWith('@')) return false;
  const sp = c.data.indexOf(' ');
  return (sp < 0 ? c.data.slice(1) : c.data.slice(1, sp)) !== 'comment';
}

const INSTRUCTION_NAMES = new Set<string>(Object.values(INS));
const TEXT_NAMES = new Set<string>([...INSTRUCTION_NAMES, TEXT_RESULT]);

/** A YAML template compiled to its Starlark program (ytt: "Compiling YAML template 'x': …"). */
export function compileYamlFile(f: YttFile, ignoreUnknownComments: boolean): CompiledFile {
  return cached(f, `yaml\u0000${f.name}\u0000${ignoreUnknownComments ? 1 : 0}`, () => {
    const { docset } = parseYamlFile(f);
    const srcLines = f.text.split('\n');
    let tpl;
    try {
      tpl = compileYamlTemplate(docset, { ignoreUnknownComments, fileName: f.name });
    } catch (e) {
      if (e instanceof TemplateCompileError) {
        const raw = `Compiling YAML template '${f.name}': ${e.msg}`;
        throw yttError(raw, [{ context: null, file: f.name, line: e.line, source: e.line ? srcLines[e.line - 1] ?? null : null }], raw);
      }
      throw e;
    }
    const cf: CompiledFile = { name: f.name, kind: 'yaml', srcLines, template: { lines: tpl.lines, protos: tpl.protos }, program: null as unknown as File };
    cf.program = compileProgram(cf, tpl.programText, INSTRUCTION_NAMES, true);
    return cf;
  });
}

/** A .star file, parsed and resolved. */
export function compileStarFile(f: YttFile): CompiledFile {
  return cached(f, `star\u0000${f.name}`, () => {
    const cf: CompiledFile = { name: f.name, kind: 'star', srcLines: f.text.split('\n'), template: null, program: null as unknown as File };
    cf.program = compileProgram(cf, f.text, new Set(), false);
    return cf;
  });
}

/** A text template compiled to its Starlark program (ytt: "Parsing text template 'x': …"). */
export function compileTextFile(f: YttFile): CompiledFile {
  return cached(f, `text\u0000${f.name}`, () => {
    const srcLines = f.text.split('\n');
    let nodes;
    try {
      nodes = parseTextTemplateFile(f.text);
    } catch (e) {
      if (e instanceof TemplateCompileError) {
        const raw = `Parsing text template '${f.name}': ${e.msg}`;
        throw yttError(raw, [{ context: null, file: f.name, line: e.line, source: e.line ? srcLines[e.line - 1] ?? null : null }], raw);
      }
      throw e;
    }
    const tpl = compileTextTemplate(nodes);
    const cf: CompiledFile = { name: f.name, kind: 'text', srcLines, template: { lines: tpl.lines, protos: [] }, program: null as unknown as File };
    cf.program = compileProgram(cf, tpl.programText, TEXT_NAMES, true);
    return cf;
  });
}

function compileProgram(cf: CompiledFile, text: string, predeclared: Set<string>, templated: boolean): File {
  try {
    const program = parseFile(cf.name, text);
    if (templated) insertTemplateContexts(program);
    resolveFile(program, (n) => predeclared.has(n), (n) => universe.has(n));
    return program;
  } catch (e) {
    if (e instanceof StarlarkSyntaxError || e instanceof Error) throw starlarkCompileError(e, cf);
    throw e;
  }
}
