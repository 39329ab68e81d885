// Classifies a string the way go-yaml v2's emitter does before choosing a scalar style
// (yaml_emitter_analyze_scalar in emitterc.go): may it be written plain in block context,
// single-quoted, or as a block scalar, and does it contain line breaks. Only block context is
// modelled: carto's emitter never writes a non-empty flow collection, so no scalar is ever
// written inside one. Also measures the string in code points (the emitter's column unit) and
// UTF-8 bytes (the simple-key length limit).

/** The string contains a line break (\n, \r, U+0085, U+2028, U+2029). */
export const MULTILINE = 1;
/** May be written as a plain scalar in block context. */
export const PLAIN_OK = 2;
/** May be written single-quoted. */
export const SINGLE_OK = 4;
/** May be written as a literal block scalar. */
export const BLOCK_OK = 8;
/** Contains non-ASCII characters, C0 controls, DEL or CR (per-character writers needed). */
export const NEEDS_CARE = 16;
/** Contains '"' or '\\' (escaped inside double quotes). */
export const HAS_DQ_ESCAPE = 32;

/** Code points in the last analysed string. */
export let scalarCodePoints = 0;
/** UTF-8 bytes of the last analysed string. */
export let scalarUtf8Bytes = 0;

// Per-ASCII-character classes.
const ORDINARY = 0; // nothing to note anywhere in the string
const FIRST_INDICATOR = 1; // an indicator when it starts the string: # , [ ] { } & * ! | > ' " % @ `
const COLON_LIKE = 2; // ? : - (indicators at the start when followed by a blank; ':' anywhere)
const HASH = 3;
const SPACE = 4;
const NEWLINE = 5;
const CONTROL = 6; // not printable: C0 controls (tab and CR included) and DEL
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 32; c++) ASCII_CLASS[c] = CONTROL;
ASCII_CLASS[127] = CONTROL;
ASCII_CLASS[10] = NEWLINE;
ASCII_CLASS[32] = SPACE;
for (const ch of ',[]{}&*!|>\'"%@`') ASCII_CLASS[ch.charCodeAt(0)] = FIRST_INDICATOR;
ASCII_CLASS[35] = HASH;
ASCII_CLASS[63] = COLON_LIKE; // ?
ASCII_CLASS[58] = COLON_LIKE; // :
ASCII_CLASS[45] = COLON_LIKE; // -

/** go-yaml's is_printable, on code points (\n counts as printable, tab and CR do not). */
export function isPrintable(cp: number): boolean {
  if (cp < 0x80) return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e);
  if (cp < 0xa0) return false;
  if (cp <= 0xd7ff) return true;
  if (cp < 0xe000) return false; // surrogates
  if (cp <= 0xfffd) return cp !== 0xfeff;
  return false; // U+FFFE, U+FFFF and everything beyond the BMP
}

/** go-yaml's is_break: CR, LF, NEL, LS, PS. */
export function isBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

function isBlankAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 32 || c === 9;
}

/** Returns a bit set of MULTILINE / PLAIN_OK / SINGLE_OK / BLOCK_OK / NEEDS_CARE / HAS_DQ_ESCAPE. */
export function analyzeScalar(s: string): number {
  const n = s.length;
  if (n === 0) {
    scalarCodePoints = 0;
    scalarUtf8Bytes = 0;
    return PLAIN_OK | SINGLE_OK;
  }
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let care = false;
  let dqEscape = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  let surrogatePairs = 0;
  let extraUtf8 = 0;

  const c0 = s.charCodeAt(0);
  if (n >= 3 && (c0 === 45 || c0 === 46) && s.charCodeAt(1) === c0 && s.charCodeAt(2) === c0) {
    blockIndicators = true; // "---" or "..." prefix
  }
  const leadingSpace = c0 === 32;
  const last = s.charCodeAt(n - 1);
  const trailingSpace = last === 32;

  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      const cls = ASCII_CLASS[c]!;
      if (cls === ORDINARY) {
        previousSpace = false;
        previousBreak = false;
        precededByWhitespace = false;
        continue;
      }
      switch (cls) {
        case FIRST_INDICATOR:
          if (i === 0) blockIndicators = true;
          break;
        case COLON_LIKE:
          if (i === 0) {
            if (i + 1 >= n || isBlankAt(s, i + 1)) blockIndicators = true;
          } else if (c === 58 && (i + 1 >= n || isBlankAt(s, i + 1))) {
            blockIndicators = true;
          }
          break;
        case HASH:
          if (i === 0 || precededByWhitespace) blockIndicators = true;
          break;
        case CONTROL:
          special = true;
          care = true;
          break;
      }
      if (cls === SPACE) {
        if (previousBreak) breakSpace = true;
        previousSpace = true;
        previousBreak = false;
        precededByWhitespace = true;
      } else if (cls === NEWLINE || c === 13) {
        lineBreaks = true;
        if (c === 13) care = true;
        if (previousSpace) spaceBreak = true;
        previousSpace = false;
        previousBreak = true;
        precededByWhitespace = true;
      } else {
        previousSpace = false;
        previousBreak = false;
        precededByWhitespace = c === 9 || c === 0;
      }
      if (c === 34 || c === 92) dqEscape = true;
      continue;
    }

    care = true;
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        surrogatePairs++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // a lone surrogate becomes U+FFFD in UTF-8 output
    // UTF-8 bytes beyond one per UTF-16 unit: 2-byte and 3-byte characters add 1 and 2; a
    // surrogate pair (4 bytes, 2 units) adds 2.
    extraUtf8 += cp < 0x800 ? 1 : 2;
    if (!isPrintable(cp)) special = true;
    if (cp === 0x85 || cp === 0x2028 || cp === 0x2029) {
      lineBreaks = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
      precededByWhitespace = true;
    } else {
      previousSpace = false;
      previousBreak = false;
      precededByWhitespace = false;
    }
  }

  scalarCodePoints = n - surrogatePairs;
  scalarUtf8Bytes = n + extraUtf8;

  const leadingBreak = c0 === 10 || c0 === 13 || c0 === 0x85 || c0 === 0x2028 || c0 === 0x2029;
  const trailingBreak = last === 10 || last === 13 || last === 0x85 || last === 0x2028 || last === 0x2029;

  let plainOk = true;
  let singleOk = true;
  let blockOk = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) plainOk = false;
  if (trailingSpace) blockOk = false;
  if (breakSpace) {
    plainOk = false;
    singleOk = false;
  }
  if (spaceBreak || special) {
    plainOk = false;
    singleOk = false;
    blockOk = false;
  }
  if (lineBreaks) plainOk = false;
  if (blockIndicators) plainOk = false;

  return (
    (lineBreaks ? MULTILINE : 0) |
    (plainOk ? PLAIN_OK : 0) |
    (singleOk ? SINGLE_OK : 0) |
    (blockOk ? BLOCK_OK : 0) |
    (care ? NEEDS_CARE : 0) |
    (dqEscape ? HAS_DQ_ESCAPE : 0)
  );
}
