// Starlark strings in ytt's starlark-go are byte strings: indexes, slices, len() and the
// offsets of find()/index() count UTF-8 bytes. JS strings are UTF-16, so non-ASCII text goes
// through UTF-8 buffers here (ASCII, the common case, takes the direct path).

const NON_ASCII = /[^\x00-\x7f]/;

export function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}

function utf8(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}

/** Byte length. */
export function byteLength(s: string): number {
  return isAscii(s) ? s.length : Buffer.byteLength(s, 'utf8');
}

/** s[i] for a byte index already in range. */
export function byteAt(s: string, i: number): string {
  if (isAscii(s)) return s[i]!;
  return utf8(s).subarray(i, i + 1).toString('utf8');
}

/** Bytes at the given indexes, decoded as UTF-8. */
export function bytesAt(s: string, idx: number[]): string {
  if (isAscii(s)) return idx.map((i) => s[i]).join('');
  const b = utf8(s);
  return Buffer.from(idx.map((i) => b[i]!)).toString('utf8');
}

/** s[a:b] in bytes (a <= b). */
export function byteSlice(s: string, a: number, b: number): string {
  if (isAscii(s)) return s.slice(a, b);
  return utf8(s).subarray(a, b).toString('utf8');
}

/** Byte offset of sub in s[a:b] (first or last), or -1. */
export function byteFind(s: string, sub: string, a: number, b: number, last: boolean): number {
  if (isAscii(s) && isAscii(sub)) {
    const hay = s.slice(a, b);
    const i = last ? hay.lastIndexOf(sub) : hay.indexOf(sub);
    return i < 0 ? -1 : i + a;
  }
  const hay = utf8(s).subarray(a, Math.max(a, b));
  const needle = utf8(sub);
  const i = last ? hay.lastIndexOf(needle) : hay.indexOf(needle);
  return i < 0 ? -1 : i + a;
}

/** Non-overlapping occurrences of sub in s[a:b]. */
export function byteCount(s: string, sub: string, a: number, b: number): number {
  const hay = utf8(s).subarray(a, Math.max(a, b));
  const needle = utf8(sub);
  if (needle.length === 0) return Buffer.from(hay).toString('utf8').length + 1;
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The 1-byte substrings of s (elems()). */
export function byteElems(s: string): string[] {
  if (isAscii(s)) return s.split('');
  return Array.from(utf8(s), (b) => Buffer.from([b]).toString('latin1'));
}
