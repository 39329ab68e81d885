// The order go-yaml (v2 and v3 alike) writes a Go map's string keys in: its keyList.Less, a
// "natural" order where runs of digits compare as numbers (a9 before a10) and, at the first
// difference, a letter sorts after a non-letter unless digits came just before. What a Go
// program marshalling a map prints (Cartographer's output previews, sigs.k8s.io/yaml's output)
// follows it; JavaScript objects keep insertion order, so the keys are put in this order first.

import { lazyRegExp } from '../util/lazy-regexp.js';

const LETTER = lazyRegExp('\\p{L}', 'u');
const DIGIT = lazyRegExp('\\p{Nd}', 'u');

// ASCII first: Unicode's letters and decimal digits there are A-Z, a-z and 0-9.
const isLetter = (c: string): boolean => (c.length === 1 && c < '\x80' ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : LETTER.test(c));
const isDigit = (c: string): boolean => (c.length === 1 && c < '\x80' ? c >= '0' && c <= '9' : DIGIT.test(c));

/** go-yaml's keyList.Less for two string keys, rune by rune. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string;
    const bc = br[i] as string;
    if (ac === bc) {
      digits = isDigit(ac);
      continue;
    }
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return codePoint(ac) < codePoint(bc);
    if (al || bl) return digits ? al : bl;
    return numberRunLess(ar, br, i);
  }
  return ar.length < br.length;
}

/** At a difference that is not between letters: compare the runs of digits there as numbers. */
function numberRunLess(ar: readonly string[], br: readonly string[], i: number): boolean {
  let an = 0;
  let bn = 0;
  // A zero after non-zero digits is part of a number, not a leading zero.
  if (ar[i] === '0' || br[i] === '0') {
    for (let j = i - 1; j >= 0 && isDigit(ar[j] as string); j--) {
      if (ar[j] !== '0') {
        an = 1;
        bn = 1;
        break;
      }
    }
  }
  let ai = i;
  let bi = i;
  for (; ai < ar.length && isDigit(ar[ai] as string); ai++) an = an * 10 + digitValue(ar[ai] as string);
  for (; bi < br.length && isDigit(br[bi] as string); bi++) bn = bn * 10 + digitValue(br[bi] as string);
  if (an !== bn) return an < bn;
  if (ai !== bi) return ai < bi;
  return codePoint(ar[i] as string) < codePoint(br[i] as string);
}

function codePoint(c: string): number {
  return c.codePointAt(0) as number;
}

/** Go subtracts '0' from the rune, whatever script its digit is in. */
function digitValue(c: string): number {
  return codePoint(c) - 48;
}

/** `keys` in go-yaml's order. */
export function goYamlKeyOrder(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0));
}

/**
 * A JSON-like value to emit with go-yaml's key order: every object becomes a Map listing its keys
 * in that order (a JavaScript object would list integer-like keys first, whatever the order).
 */
export function inGoYamlKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inGoYamlKeyOrder);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const object = value as Record<string, unknown>;
  return new Map(goYamlKeyOrder(Object.keys(object)).map((key) => [key, inGoYamlKeyOrder(object[key])]));
}
