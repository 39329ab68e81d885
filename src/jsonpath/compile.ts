// A bounded cache of parsed templates. A render evaluates the same few expressions thousands of
// times, so each distinct text is parsed once; parse failures are remembered too, since a bad
// expression in a template fails identically for every owner.

import { JsonPathError } from './errors.js';
import type { JsonPathTemplate } from './nodes.js';
import { parse } from './parse.js';

const MAX_ENTRIES = 4096;

const cache = new Map<string, JsonPathTemplate | JsonPathError>();

/** parse() with a least-recently-used cache. Throws JsonPathError like parse(). */
export function compile(text: string): JsonPathTemplate {
  let entry = cache.get(text);
  if (entry !== undefined) {
    // refresh recency: Map iterates in insertion order, so the first key is the coldest
    cache.delete(text);
    cache.set(text, entry);
  } else {
    try {
      entry = parse(text);
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      entry = e;
    }
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(text, entry);
  }
  if (entry instanceof JsonPathError) throw new JsonPathError(entry.message);
  return entry;
}

/** Number of templates currently cached (for tests and diagnostics). */
export function compiledCount(): number {
  return cache.size;
}
