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
/** May be written as a literal block scalar by go-yaml v3, which lets tabs into one. */
export const BLOCK_OK_V3 = 64;

/** Code points in the last analysed string. */
export let scalarCodePoints = 0;
/** UTF-8 bytes of the last analysed string. */
export let scalarUtf8Bytes = 0;

// What an ASCII character means anywhere in the string (block context). The first character is
// checked separately against the indicator set, so '-', '?', ',', '[' ... are ordinary here.
const ORDINARY = 0;
const COLON = 1; // an indicator when followed by a blank or the end
const HASH = 2; // a comment start when preceded by a blank or a break
const SPACE = 3;
const NEWLINE = 4;
const CARRIAGE_RETURN = 5; // a line break, and not printable
const CONTROL = 6; // not printable: other C0 controls (tab included) and DEL
const DQ_ESCAPED = 7; // '"' and '\': ordinary here, escaped inside double quotes
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 32; c++) ASCII_CLASS[c] = CONTROL;
ASCII_CLASS[127] = CONTROL;
ASCII_CLASS[10] = NEWLINE;
ASCII_CLASS[13] = CARRIAGE_RETURN;
ASCII_CLASS[32] = SPACE;
ASCII_CLASS[58] = COLON;
ASCII_CLASS[35] = HASH;
ASCII_CLASS[34] = DQ_ESCAPED;
ASCII_CLASS[92] = DQ_ESCAPED;

// Indicators as the first character: always, or only when followed by a blank or the end.
const FIRST_ALWAYS = new Uint8Array(128);
for (const ch of '#,[]{}&*!|>\'"%@`') FIRST_ALWAYS[ch.charCodeAt(0)] = 1;
const FIRST_BEFORE_BLANK = new Uint8Array(128);
for (const ch of '?:-') FIRST_BEFORE_BLANK[ch.charCodeAt(0)] = 1;

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

/** Returns a bit set of MULTILINE / PLAIN_OK / SINGLE_OK / BLOCK_OK / NEEDS_CARE / HAS_DQ_ESCAPE / BLOCK_OK_V3. */
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
  /** Special for another reason than a tab (go-yaml v3 allows tabs in block scalars). */
  let specialNotTab = false;
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
  if (c0 < 128 && (FIRST_ALWAYS[c0] === 1 || (FIRST_BEFORE_BLANK[c0] === 1 && (n === 1 || isBlankAt(s, 1))))) {
    blockIndicators = true;
  }
  const leadingSpace = c0 === 32;
  const last = s.charCodeAt(n - 1);
  const trailingSpace = last === 32;

  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (c < 128 && ASCII_CLASS[c] === ORDINARY) {
      // A run of ordinary characters only clears the "previous" flags.
      while (++i < n) {
        c = s.charCodeAt(i);
        if (c >= 128 || ASCII_CLASS[c] !== ORDINARY) break;
      }
      previousSpace = false;
      previousBreak = false;
      precededByWhitespace = false;
      if (i >= n) break;
    }
    if (c < 128) {
      switch (ASCII_CLASS[c]) {
        case COLON:
          if (i + 1 >= n || isBlankAt(s, i + 1)) blockIndicators = true;
          previousSpace = false;
          previousBreak = false;
          precededByWhitespace = false;
          break;
        case HASH:
          if (precededByWhitespace) blockIndicators = true;
          previousSpace = false;
          previousBreak = false;
          precededByWhitespace = false;
          break;
        case SPACE:
          if (previousBreak) breakSpace = true;
          previousSpace = true;
          previousBreak = false;
          precededByWhitespace = true;
          break;
        case NEWLINE:
        case CARRIAGE_RETURN:
          lineBreaks = true;
          if (c === 13) {
            special = true;
            specialNotTab = true;
            care = true;
          }
          if (previousSpace) spaceBreak = true;
          previousSpace = false;
          previousBreak = true;
          precededByWhitespace = true;
          break;
        case CONTROL:
          special = true;
          if (c !== 9) specialNotTab = true;
          care = true;
          previousSpace = false;
          previousBreak = false;
          precededByWhitespace = c === 9 || c === 0; // tab and NUL count as blanks for '#'
          break;
        default: // DQ_ESCAPED
          dqEscape = true;
          previousSpace = false;
          previousBreak = false;
          precededByWhitespace = false;
      }
      i++;
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
    i++;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // a lone surrogate becomes U+FFFD in UTF-8 output
    // UTF-8 bytes beyond one per UTF-16 unit: 2-byte and 3-byte characters add 1 and 2; a
    // surrogate pair (4 bytes, 2 units) adds 2.
    extraUtf8 += cp < 0x800 ? 1 : 2;
    if (!isPrintable(cp)) {
      special = true;
      specialNotTab = true;
    }
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
  const blockOkV3 = !trailingSpace && !spaceBreak && !specialNotTab;

  return (
    (lineBreaks ? MULTILINE : 0) |
    (plainOk ? PLAIN_OK : 0) |
    (singleOk ? SINGLE_OK : 0) |
    (blockOk ? BLOCK_OK : 0) |
    (care ? NEEDS_CARE : 0) |
    (dqEscape ? HAS_DQ_ESCAPE : 0) |
    (blockOkV3 ? BLOCK_OK_V3 : 0)
  );
}
