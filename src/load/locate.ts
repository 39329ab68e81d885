// Finds the file, line and column of a field inside a loaded object. Only error paths need this,
// so the text is parsed again on demand (and cached per text) instead of keeping every AST alive.
// An object a ytt run produced is located through its source map, in the template file where the
// field was written (see TemplateOrigin).
import { LineCounter, parseAllDocuments, isCollection, isMap, isScalar, type Document, type Node } from 'yaml';
import { kubeYamlOptions } from '../yaml/index.js';
import type { SourceDocument, TemplateOrigin } from './documents.js';

export interface Position {
  /** The file to open: the object's own, or for an object from a ytt run the file where the field was written. */
  file: string;
  line: number;
  column: number;
}

interface Parsed {
  docs: Document.Parsed[];
  lineCounter: LineCounter;
}

// Errors usually cluster in a few files; a handful of entries is plenty and bounds memory.
const cache = new Map<string, Parsed>();
const CACHE_SIZE = 8;

/**
 * The position of `path` (keys and indexes, relative to the object) in the document's source:
 * of the field's value, or of its key with `{ key: true }` (better for "unknown field").
 * When the exact field does not exist (e.g. a value the controller would default), the nearest
 * existing ancestor is returned.
 */
export function locate(doc: SourceDocument, path: readonly (string | number)[], options: { key?: boolean } = {}): Position {
  const full = [...doc.origin.basePath, ...path];
  if (doc.origin.template) return locateInTemplate(doc, doc.origin.template, full, options);
  const { file } = doc;
  const parsed = parse(doc.origin.text);
  const yamlDoc = parsed.docs[doc.origin.docIndex];
  if (!yamlDoc) return { file, line: doc.line, column: 1 };
  let node: unknown = yamlDoc.contents;
  let best: Node | null = (yamlDoc.contents as Node | null) ?? null;
  for (let i = 0; i < full.length; i++) {
    const key = full[i] as string | number;
    if (!isCollection(node)) break;
    const pair = isMap(node) ? node.items.find((item) => isScalarWithValue(item.key, key)) : undefined;
    const next = node.get(key, true) as unknown;
    const last = i === full.length - 1;
    // Point at the key when it was asked for, or when its value is empty or cannot hold the
    // rest of the path (the missing part would go under that key).
    const keyInstead = last ? options.key === true || isEmpty(next) : !isCollection(next);
    if (pair && isNode(pair.key) && keyInstead) {
      best = pair.key;
      break;
    }
    if (!isNode(next)) break;
    node = next;
    best = next;
  }
  const offset = best?.range?.[0];
  if (offset === undefined) return { file, line: doc.line, column: 1 };
  const pos = parsed.lineCounter.linePos(offset);
  return { file, line: pos.line, column: pos.col };
}

/** A block scalar's header (`key: |`, `key: |2 # note`): its body starts on the next line. */
const BLOCK_HEADER = /:\s*[|>][-+0-9]*\s*(#.*)?$/;

/**
 * The line of line `bodyLine` (1-based) of the string at `path`, e.g. a line inside a spec.ytt
 * body that an error names. Where that cannot be told (a body a ytt file computed rather than
 * wrote), the line of the field itself.
 */
export function locateBodyLine(doc: SourceDocument, path: readonly (string | number)[], bodyLine: number, body: string): Position {
  const at = locate(doc, path);
  const text = doc.origin.template ? doc.origin.template.textOf(at.file) ?? '' : doc.origin.text;
  const block = BLOCK_HEADER.test(lineAt(text, at.line));
  const line = at.line + bodyLine - (block ? 0 : 1);
  // A ytt file may have computed the body (`#@ data.read(...)`, text templates): its lines are
  // the file's only where the file holds the body's own line there.
  if (doc.origin.template && (!block || lineAt(text, line).trim() !== (body.split('\n')[bodyLine - 1] ?? '').trim())) return at;
  return { file: at.file, line, column: 1 };
}

function locateInTemplate(doc: SourceDocument, template: TemplateOrigin, path: readonly (string | number)[], options: { key?: boolean }): Position {
  const hit = template.lookup(path);
  if (!hit) return { file: doc.file, line: doc.line, column: 1 };
  const text = lineAt(hit.text, hit.line);
  const key = hit.depth === 0 ? undefined : path[hit.depth - 1];
  // Past the node that was written (a value an expression inserted, a field that is missing),
  // or asked for the key: the key.
  const wantValue = hit.depth === path.length && options.key !== true;
  return { file: hit.file, line: hit.line, column: columnIn(text, key, wantValue) };
}

/**
 * The column of a template node on its line: an array item's content after `- `, a map item's
 * key, or the value written after the key (not a `#@` expression, which is code, not the value).
 */
function columnIn(text: string, key: string | number | undefined, wantValue: boolean): number {
  const start = contentStart(text);
  if (key === undefined) return 1;
  if (typeof key === 'number') return start + 1;
  const at = keyAt(text, key, start);
  if (!wantValue || at.colon < 0) return at.key + 1;
  let v = at.colon + 1;
  while (text[v] === ' ' || text[v] === '\t') v++;
  return v >= text.length || text[v] === '#' ? at.key + 1 : v + 1;
}

/** Past the indentation and any `- ` of array items. */
function contentStart(text: string): number {
  let i = 0;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === undefined)) i++;
    else return i;
  }
}

/** Where a map key is written on its line (plain or quoted, in a block or flow map), and its colon. */
function keyAt(text: string, key: string, start: number): { key: number; colon: number } {
  for (const written of [key, JSON.stringify(key), `'${key}'`]) {
    for (let i = text.indexOf(written, start); i >= 0; i = text.indexOf(written, i + 1)) {
      let c = i + written.length;
      while (text[c] === ' ') c++;
      if (text[c] === ':') return { key: i, colon: c };
    }
  }
  return { key: start, colon: -1 };
}

/** Line `line` (1-based) of a text, without splitting all of it. */
function lineAt(text: string, line: number): string {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

function parse(text: string): Parsed {
  let parsed = cache.get(text);
  if (!parsed) {
    const lineCounter = new LineCounter();
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    parsed = { docs: parseAllDocuments(body, { ...kubeYamlOptions, lineCounter }) as Document.Parsed[], lineCounter };
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(text, parsed);
  }
  return parsed;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null && !node.source);
}

function isScalarWithValue(node: unknown, key: string | number): boolean {
  return typeof node === 'object' && node !== null && 'value' in node && (node as { value: unknown }).value === key;
}

/**
 * Where the key at `path` is written in the document's own text: offsets [start, end) of the key
 * as written (quotes included), for edits that change a key and nothing else (`carto migrate`).
 * Undefined for an object a ytt run produced, or a key that is not there.
 */
export function keySpan(doc: SourceDocument, path: readonly (string | number)[]): { start: number; end: number } | undefined {
  if (doc.origin.template || path.length === 0) return undefined;
  const full = [...doc.origin.basePath, ...path];
  const yamlDoc = parse(doc.origin.text).docs[doc.origin.docIndex];
  let node: unknown = yamlDoc?.contents;
  for (let i = 0; i < full.length - 1; i++) {
    if (!isCollection(node)) return undefined;
    node = node.get(full[i] as string | number, true);
  }
  if (!isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalarWithValue(item.key, full[full.length - 1] as string | number));
  const range = pair && isNode(pair.key) ? pair.key.range : undefined;
  return range ? { start: range[0], end: range[1] } : undefined;
}
