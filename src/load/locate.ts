// Finds the line and column of a field inside a loaded object. Only error paths need this, so
// the text is parsed again on demand (and cached per text) instead of keeping every AST alive.
import { LineCounter, parseAllDocuments, isCollection, isMap, isScalar, type Document, type Node } from 'yaml';
import { kubeYamlOptions } from '../yaml/index.js';
import type { SourceDocument } from './documents.js';

export interface Position {
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
  const parsed = parse(doc.origin.text);
  const yamlDoc = parsed.docs[doc.origin.docIndex];
  if (!yamlDoc) return { line: doc.line, column: 1 };
  const full = [...doc.origin.basePath, ...path];
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
  if (offset === undefined) return { line: doc.line, column: 1 };
  const pos = parsed.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
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
