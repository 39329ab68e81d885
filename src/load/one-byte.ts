// V8 holds a text with a character past U+00FF two bytes a character, and every string sliced
// from it too, however plain: the keys and values of the templates read from it, so every object
// stamped from them, so the whole output (one two-byte piece makes the flattened text two-byte,
// and the first two-byte copy of a key interned is the one every object gets). Flattening and
// encoding twice the bytes costs a render of many owners about a twentieth of its time. Such
// characters are mostly in comments (a comment in Japanese, say): the text is parsed with each
// of them replaced by one Latin-1 character the text does not hold (one UTF-16 unit for one, so
// every offset, line and column stays), and the result kept only when no string read holds it.
/** Characters that may stand in for the wide ones: printable, Latin-1, rarely written. */
const STAND_INS = ['\u00a4', '\u00a6', '\u00ac', '\u00b6', '\u00a8', '\u00af'];

const WIDE = /[^\u0000-\u00ff]/g;
/** Wide characters a reader may treat otherwise than any other (breaks, byte-order marks, non-characters, lone surrogates): such a text is read as it is. */
const SPECIAL = /[\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * `text` with each UTF-16 unit past U+00FF replaced by a stand-in, and the stand-in; undefined
 * when the text has no such unit, or holds every stand-in already.
 */
export function narrowText(text: string): { text: string; standIn: string } | undefined {
  WIDE.lastIndex = 0;
  if (!WIDE.test(text) || SPECIAL.test(text)) return undefined;
  const standIn = STAND_INS.find((c) => !text.includes(c));
  if (standIn === undefined) return undefined;
  // replace() keeps the two-byte form; a Latin-1 decode makes a one-byte string.
  return { text: Buffer.from(text.replace(WIDE, standIn), 'latin1').toString('latin1'), standIn };
}

/** True when a string (key or value) in `value` holds `standIn`: a wide character was read into it. */
export function holdsStandIn(value: unknown, standIn: string): boolean {
  if (typeof value === 'string') return value.includes(standIn);
  if (Array.isArray(value)) return value.some((v) => holdsStandIn(v, standIn));
  if (value === null || typeof value !== 'object') return false;
  for (const key of Object.keys(value)) {
    if (key.includes(standIn) || holdsStandIn((value as Record<string, unknown>)[key], standIn)) return true;
  }
  return false;
}
