// Strings read from a text that holds a character past U+00FF (a comment in Japanese, say) are
// stored by V8 two bytes a character, however plain they are: every slice of such a text is. The
// names, keys and values of its templates then make every object stamped from them, and the whole
// output, two bytes a character, which costs a render of many owners about a twentieth of its
// time (flattening and encoding twice the bytes). A document read from such a text is copied with
// each string that has no such character made anew, one byte a character (JSON.parse makes
// strings so); other values (numbers, bigints, dates) are kept as they are.
import { setOwn } from '../util/objects.js';

/** True when V8 holds `text` two bytes a character: it has a character past U+00FF. */
export function isWideText(text: string): boolean {
  return WIDE.test(text);
}

const WIDE = /[^\u0000-\u00ff]/;

/** `value` with its strings (keys included) one byte a character where they can be. */
export function narrowStrings<T>(value: T): T {
  return narrow(value) as T;
}

function narrow(value: unknown): unknown {
  if (typeof value === 'string') return narrowString(value);
  if (Array.isArray(value)) return value.map(narrow);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setOwn(out, narrowString(key), narrow((value as Record<string, unknown>)[key]));
  return out;
}

function narrowString(s: string): string {
  return s.length === 0 || WIDE.test(s) ? s : (JSON.parse(JSON.stringify(s)) as string);
}
