// Writes JS values as YAML text identical to what ytt prints (go-yaml v2's encoder + emitter as
// forked inside ytt): block mappings and sequences with 2-space indentation, sequences inside
// mappings not indented, empty collections as {} / [], go-yaml's choice between plain,
// single-quoted, double-quoted and literal block scalars. ytt's fork initialises its emitter
// with best_width -1 (unlimited), so by default nothing is folded; `lineWidth` turns on stock
// go-yaml's folding of long flow scalars at a space past that column. One pass over the value,
// appending to a single string and tracking the emitter's column/indentation state exactly as
// the reference emitter does.

import { formatGoFloat, formatNumber } from './go-number.js';
import { stringNeedsQuotes, type ResolveDialect } from './resolve.js';
import {
  BLOCK_OK,
  BLOCK_OK_V3,
  HAS_DQ_ESCAPE,
  MULTILINE,
  NEEDS_CARE,
  PLAIN_OK,
  SINGLE_OK,
  analyzeScalar,
  isBreak,
  isPrintable,
  scalarCodePoints,
  scalarUtf8Bytes,
} from './scalar-analysis.js';

export interface EmitOptions {
  /**
   * Column after which long plain/quoted scalars are folded at a space (go-yaml's best_width).
   * Default: never fold — ytt's go-yaml fork starts its emitter with best_width -1 (unlimited).
   * 80 folds like stock go-yaml v2 (yaml.Marshal in v2.0-2.2 and v2.4). 0 or Infinity: never fold.
   */
  lineWidth?: number;
  /**
   * `v3`: write as gopkg.in/yaml.v3 (v3.0.0) Marshal does — what Cartographer writes an output's
   * `preview` with: 4-space indentation (a node inside a sequence item 2 past its dash, any other
   * rounded up to the next multiple of 4), sequences indented under their key, a literal block's
   * indentation hint 4 and no line break of its own before the text (v3.0.0 loses a leading
   * empty line), and no folding whatever `lineWidth` says. Default `v2`: go-yaml v2.
   */
  goYaml?: 'v2' | 'v3';
  /**
   * Which resolver decides that a string must be quoted. 'ytt' (default) reproduces ytt byte for
   * byte. 'kubernetes' uses sigs.k8s.io/yaml's resolver and also quotes a "<<" string, so that
   * kubectl reads every string back as a string.
   */
  dialect?: ResolveDialect;
  /**
   * emitYamlStream only: keep documents whose value is null/undefined, {} or []. ytt drops them
   * (its document set skips empty documents), so the default is false.
   */
  keepEmptyDocuments?: boolean;
  /**
   * emitYaml only: stop with an EmitLengthError once the text is longer than this many
   * characters (checked at every mapping entry and sequence item). Default: no limit.
   */
  maxLength?: number;
}

/** Thrown by emitYaml when the text would be longer than `maxLength`. */
export class EmitLengthError extends Error {
  constructor(readonly maxLength: number) {
    super(`the YAML text would be longer than ${maxLength} characters`);
    this.name = 'EmitLengthError';
  }
}

/**
 * A number that must be printed as a Go float64 (e.g. a Starlark float in ytt): 1e6 prints as
 * "1e+06" and -0 as "-0". Plain JS numbers print as integers whenever they are integral.
 */
export class YamlFloat {
  constructor(readonly value: number) {}
}

// Requested/selected scalar styles.
const PLAIN = 0;
const SINGLE = 1;
const DOUBLE = 2;
const LITERAL = 3;

// Node contexts (go-yaml's mapping_context and simple_key_context).
const CTX_NONE = 0;
const CTX_MAPPING = 1;
const CTX_SIMPLE_KEY = 2;
/** An item of a block sequence (go-yaml v3 indents what follows its dash by 2, not to a multiple). */
const CTX_SEQUENCE_ITEM = 4;

const BEST_INDENT = 2;
const V3_INDENT = 4;
const MAX_SIMPLE_KEY_BYTES = 128;

let SPACES = ' '.repeat(128);
function spaces(n: number): string {
  while (n > SPACES.length) SPACES += SPACES;
  return SPACES.slice(0, n);
}

const HEX = '0123456789ABCDEF';

/** The line breaks of YAML 1.1 that YAML 1.2 no longer has. */
const UNICODE_BREAK = /[\u0085\u2028\u2029]/;

function hex(v: number, digits: number): string {
  let out = '';
  for (let k = (digits - 1) * 4; k >= 0; k -= 4) out += HEX[(v >> k) & 15];
  return out;
}

/** The escape go-yaml writes for a character inside double quotes (without the backslash). */
function escapeFor(cp: number): string {
  switch (cp) {
    case 0x00:
      return '0';
    case 0x07:
      return 'a';
    case 0x08:
      return 'b';
    case 0x09:
      return 't';
    case 0x0a:
      return 'n';
    case 0x0b:
      return 'v';
    case 0x0c:
      return 'f';
    case 0x0d:
      return 'r';
    case 0x1b:
      return 'e';
    case 0x22:
      return '"';
    case 0x5c:
      return '\\';
    case 0x85:
      return 'N';
    case 0xa0:
      return '_';
    case 0x2028:
      return 'L';
    case 0x2029:
      return 'P';
  }
  if (cp <= 0xff) return 'x' + hex(cp, 2);
  if (cp <= 0xffff) return 'u' + hex(cp, 4);
  // Beyond U+FFFF go-yaml writes 8 hex digits, of which only the low 32 bits matter.
  return 'U' + hex(Math.floor(cp / 0x10000), 4) + hex(cp & 0xffff, 4);
}

function isPlainObject(v: object): boolean {
  return !(v instanceof Map) && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof YamlFloat);
}

function isEmptyCollection(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  if (!isPlainObject(v)) return false;
  for (const k in v) {
    if (Object.prototype.hasOwnProperty.call(v, k) && (v as Record<string, unknown>)[k] !== undefined) return false;
  }
  return true;
}

/** Go's time.RFC3339Nano rendering of an instant, in UTC. */
function formatDate(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new TypeError('emitYaml: cannot emit an invalid Date');
  const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const dot = iso.lastIndexOf('.');
  let frac = iso.slice(dot + 1, iso.length - 1);
  while (frac.endsWith('0')) frac = frac.slice(0, -1);
  return iso.slice(0, dot) + (frac ? '.' + frac : '') + 'Z';
}

/** The text of a deep-frozen value written from one emitter state, and the state after it. */
interface SharedText {
  readonly indent: number;
  readonly column: number;
  readonly whitespace: boolean;
  readonly indention: boolean;
  readonly ctx: number;
  readonly width: number;
  readonly dialect: ResolveDialect;
  readonly v3: boolean;
  readonly text: string;
  readonly endColumn: number;
  readonly endWhitespace: boolean;
  readonly endIndention: boolean;
}

/** Texts of deep-frozen values by the states they were written from; null: not deep-frozen. */
const sharedTexts = new WeakMap<object, SharedText[] | null>();
/** A value is met in few states (one per place in a template); texts longer than this are not kept. */
const MAX_SHARED_STATES = 4;
const MAX_SHARED_TEXT = 16 * 1024;

/**
 * Whether `v` and everything in it is frozen plain data: arrays and plain objects whose
 * properties are values (a getter may answer differently each time; a Map, a Date, a class's
 * instance could change, or are not worth it). Checked once per value.
 */
function deepFrozen(v: object, depth: number): boolean {
  if (depth > 64 || !Object.isFrozen(v)) return false;
  if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return false;
  const properties = Object.getOwnPropertyDescriptors(v);
  for (const key in properties) {
    const property = properties[key] as PropertyDescriptor;
    if (!('value' in property)) return false;
    const child: unknown = property.value;
    if (child !== null && typeof child === 'object' && !deepFrozen(child, depth + 1)) return false;
  }
  return true;
}

/** The emitter state of one document (go-yaml's yaml_emitter_t, reduced to what matters here). */
class Emitter {
  out = '';
  column = 0;
  indent = -1;
  whitespace = true;
  indention = true;

  /** go-yaml v3's layout (see EmitOptions.goYaml). */
  readonly v3: boolean;

  constructor(
    readonly width: number,
    readonly dialect: ResolveDialect,
    private readonly maxLength = Infinity,
    goYaml: 'v2' | 'v3' = 'v2',
  ) {
    this.v3 = goYaml === 'v3';
  }

  /**
   * The indentation of a node's content (go-yaml's increase_indent): `flow` for scalars, which
   * start at the best indent at the top level. v2 adds 2 (a sequence that is a mapping's value
   * stays at its key's column); v3 adds 2 after a sequence item's dash, else rounds up to the
   * next multiple of 4.
   */
  private increaseIndent(flow: boolean, ctx: number, indentless = false): void {
    if (this.indent < 0) this.indent = flow ? (this.v3 ? V3_INDENT : BEST_INDENT) : 0;
    else if (!this.v3) this.indent += indentless ? 0 : BEST_INDENT;
    else if ((ctx & CTX_SEQUENCE_ITEM) !== 0) this.indent += 2;
    else this.indent = V3_INDENT * Math.floor((this.indent + V3_INDENT) / V3_INDENT);
  }

  private checkLength(): void {
    if (this.out.length > this.maxLength) throw new EmitLengthError(this.maxLength);
  }

  // ---- low-level writers -------------------------------------------------------------------

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** Move to the current indentation, starting a new line when needed. */
  private writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.out += '\n';
      this.column = 0;
    }
    if (this.column < indent) {
      this.out += spaces(indent - this.column);
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) {
      this.out += ' ';
      this.column++;
    }
    this.out += text;
    this.column += text.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  // ---- nodes ---------------------------------------------------------------------------------

  emitNode(v: unknown, ctx: number): void {
    switch (typeof v) {
      case 'string': {
        const a = analyze(v);
        // A value written plain, with no fold possible: what emitString and writePlain would write.
        if ((ctx & CTX_SIMPLE_KEY) === 0 && isPlainValue(v, a, this.dialect) && (this.width === Infinity || this.column + 1 + a.codePoints <= this.width)) {
          this.emitPlainText(v, a.codePoints);
          return;
        }
        this.emitString(v, a, ctx);
        return;
      }
      case 'number':
        this.emitPlainText(formatNumber(v));
        return;
      case 'boolean':
        this.emitPlainText(v ? 'true' : 'false');
        return;
      case 'bigint':
        this.emitPlainText(v.toString());
        return;
      case 'undefined':
        this.emitPlainText('null');
        return;
      case 'object':
        break;
      default:
        throw new TypeError(`emitYaml: cannot emit a value of type ${typeof v}`);
    }
    if (v === null) {
      this.emitPlainText('null');
    } else if (Array.isArray(v)) {
      if (v.length === 0) this.emitEmptyFlow('[', ']');
      else if (!Object.isFrozen(v) || !this.emitShared(v, ctx)) this.emitBlockSequence(v, ctx);
    } else if (v instanceof Map) {
      if (v.size === 0) this.emitEmptyFlow('{', '}');
      else this.emitMapMapping(v, ctx);
    } else if (v instanceof YamlFloat) {
      this.emitPlainText(formatGoFloat(v.value));
    } else if (v instanceof Date) {
      this.emitPlainText(formatDate(v));
    } else if (!Object.isFrozen(v) || !this.emitShared(v, ctx)) {
      this.emitObjectMapping(v as Record<string, unknown>, ctx);
    }
  }

  /**
   * A deep-frozen list or mapping (a template's constant part, which the stamper shares between
   * the objects of every owner) is written once from each state the emitter meets it in, then
   * its text is copied. The state (indentation, column, whitespace, options) decides the text
   * and the state after it exactly. False when `v` is not deep-frozen (the caller writes it).
   */
  private emitShared(v: object, ctx: number): boolean {
    let texts = sharedTexts.get(v);
    if (texts === undefined) {
      texts = deepFrozen(v, 0) ? [] : null;
      sharedTexts.set(v, texts);
    }
    if (texts === null) return false;
    const { indent, column, whitespace, indention, width, dialect, v3 } = this;
    for (const t of texts) {
      if (t.indent === indent && t.column === column && t.whitespace === whitespace && t.indention === indention && t.ctx === ctx && t.width === width && t.dialect === dialect && t.v3 === v3) {
        this.out += t.text;
        this.column = t.endColumn;
        this.whitespace = t.endWhitespace;
        this.indention = t.endIndention;
        this.checkLength();
        return true;
      }
    }
    const before = this.out;
    this.out = '';
    try {
      if (Array.isArray(v)) this.emitBlockSequence(v, ctx);
      else this.emitObjectMapping(v as Record<string, unknown>, ctx);
    } catch (err) {
      // Not kept: the text is cut short where the error (maxLength, say) stopped it.
      this.out = before + this.out;
      throw err;
    }
    const text = this.out;
    this.out = before + text;
    if (texts.length < MAX_SHARED_STATES && text.length <= MAX_SHARED_TEXT) {
      texts.push({ indent, column, whitespace, indention, ctx, width, dialect, v3, text, endColumn: this.column, endWhitespace: this.whitespace, endIndention: this.indention });
    }
    this.checkLength();
    return true;
  }

  private emitEmptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private emitBlockSequence(items: readonly unknown[], ctx: number): void {
    const saved = this.indent;
    this.increaseIndent(false, ctx, (ctx & CTX_MAPPING) !== 0 && !this.indention);
    for (let i = 0; i < items.length; i++) {
      this.checkLength();
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(items[i], CTX_SEQUENCE_ITEM);
    }
    this.indent = saved;
  }

  private emitMapMapping(map: Map<unknown, unknown>, ctx: number): void {
    const saved = this.indent;
    this.increaseIndent(false, ctx);
    for (const [k, v] of map) this.emitPair(k, v);
    this.indent = saved;
  }

  private emitObjectMapping(obj: Record<string, unknown>, ctx: number): void {
    let any = false;
    let saved = 0;
    for (const k in obj) {
      if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
      const v = obj[k];
      if (v === undefined) continue; // like JSON: undefined properties are absent
      if (!any) {
        // Deferred so that an object whose properties are all undefined prints as {}.
        any = true;
        saved = this.indent;
        this.increaseIndent(false, ctx);
      }
      this.emitStringPair(k, v);
    }
    if (any) this.indent = saved;
    else this.emitEmptyFlow('{', '}');
  }

  /** One mapping entry whose key is a string (plain-object properties). */
  private emitStringPair(k: string, v: unknown): void {
    this.checkLength();
    const a = analyze(k);
    const indent = this.indent < 0 ? 0 : this.indent;
    if ((!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) && isPlainKey(k, a, this.dialect)) {
      // The usual entry: a new line, the indentation and a plain key, appended as one piece (what
      // writeIndent, emitString and writeIndicator would write, and the state they would leave).
      this.out += keyLine(k, a, indent);
      this.column = indent + a.codePoints + 1;
      this.whitespace = false;
      this.indention = false;
      this.emitNode(v, CTX_MAPPING);
      return;
    }
    this.writeIndent();
    if ((a.flags & MULTILINE) === 0 && a.utf8Bytes <= MAX_SIMPLE_KEY_BYTES) {
      this.emitString(k, a, CTX_MAPPING | CTX_SIMPLE_KEY);
      this.writeIndicator(':', false, false, false);
    } else {
      this.writeIndicator('?', true, false, true);
      this.emitString(k, a, CTX_MAPPING);
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
    this.emitNode(v, CTX_MAPPING);
  }

  /** One mapping entry with a key of any type (Map entries). */
  private emitPair(k: unknown, v: unknown): void {
    if (typeof k === 'string') {
      this.emitStringPair(k, v);
      return;
    }
    this.writeIndent();
    if (this.isSimpleKey(k)) {
      this.emitNode(k, CTX_MAPPING | CTX_SIMPLE_KEY);
      this.writeIndicator(':', false, false, false);
    } else {
      this.writeIndicator('?', true, false, true);
      this.emitNode(k, CTX_MAPPING);
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
    this.emitNode(v, CTX_MAPPING);
  }

  /** go-yaml's check_simple_key for a non-string key. */
  private isSimpleKey(k: unknown): boolean {
    if (k === null || k === undefined) return true;
    switch (typeof k) {
      case 'number':
        return formatNumber(k).length <= MAX_SIMPLE_KEY_BYTES;
      case 'bigint':
        return k.toString().length <= MAX_SIMPLE_KEY_BYTES;
      case 'boolean':
        return true;
      case 'object':
        return isEmptyCollection(k) || k instanceof YamlFloat || k instanceof Date;
      default:
        return true;
    }
  }

  // ---- scalars -------------------------------------------------------------------------------

  /** A scalar written plain, `width` columns wide (numbers, bools, null: no analysis needed). */
  private emitPlainText(text: string, width = text.length): void {
    if (!this.whitespace) {
      this.out += ' ';
      this.column++;
    }
    this.out += text;
    this.column += width;
    this.whitespace = false;
    this.indention = false;
  }

  private emitString(s: string, a: Analysis, ctx: number): void {
    const flags = a.flags;
    const simpleKey = (ctx & CTX_SIMPLE_KEY) !== 0;
    // The encoder's request (encode.go stringv)...
    let style: number;
    if (s.indexOf('\n') >= 0) style = LITERAL;
    else if (!needsQuotes(s, a, this.dialect)) style = PLAIN;
    else style = DOUBLE;
    // ...and the emitter's downgrades (select_scalar_style).
    if (simpleKey && (flags & MULTILINE) !== 0) style = DOUBLE;
    if (style === PLAIN && ((flags & PLAIN_OK) === 0 || (s.length === 0 && simpleKey))) style = SINGLE;
    if (style === SINGLE && (flags & SINGLE_OK) === 0) style = DOUBLE;
    if (style === LITERAL && ((flags & (this.v3 ? BLOCK_OK_V3 : BLOCK_OK)) === 0 || simpleKey)) style = DOUBLE;
    // go-yaml (YAML 1.1) reads NEL, LS and PS as line breaks, YAML 1.2 readers (the yaml package)
    // as text: outside double quotes the two read such a string differently. Escaped in double
    // quotes (\N, \L, \P) every reader gets the same string, so carto's own output does that.
    if (style !== DOUBLE && (flags & MULTILINE) !== 0 && this.dialect === 'kubernetes' && UNICODE_BREAK.test(s)) style = DOUBLE;

    const saved = this.indent;
    this.increaseIndent(true, ctx);
    const allowBreaks = !simpleKey;
    const cpLen = a.codePoints;
    switch (style) {
      case PLAIN:
        this.writePlain(s, flags, cpLen, allowBreaks);
        break;
      case SINGLE:
        this.writeSingleQuoted(s, flags, cpLen, allowBreaks);
        break;
      case DOUBLE:
        this.writeDoubleQuoted(s, flags, cpLen, allowBreaks);
        break;
      default:
        this.writeLiteral(s, flags);
    }
    this.indent = saved;
  }

  /** Whether a fold could happen while writing `cpLen` more characters from the current column. */
  private mayFold(cpLen: number, s: string, allowBreaks: boolean): boolean {
    return allowBreaks && this.column + cpLen > this.width && s.indexOf(' ') >= 0;
  }

  private writePlain(s: string, flags: number, cpLen: number, allowBreaks: boolean): void {
    if (!this.whitespace) {
      this.out += ' ';
      this.column++;
    }
    if (!this.mayFold(cpLen, s, allowBreaks)) {
      this.out += s;
      this.column += cpLen;
    } else {
      this.writeFoldable(s, flags, false);
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(s: string, flags: number, cpLen: number, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const doubled = s.indexOf("'") < 0 ? s : s.replace(/'/g, "''");
    const width = cpLen + (doubled.length - s.length);
    if ((flags & MULTILINE) === 0 && !this.mayFold(width, s, allowBreaks)) {
      this.out += doubled;
      this.column += width;
    } else {
      this.writeFoldable(s, flags, allowBreaks ? true : null);
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /**
   * The character loop shared by plain and single-quoted scalars (go-yaml's write_plain_scalar
   * and write_single_quoted_scalar): folds at a single space once past the width, copies line
   * separators and re-indents after them, and doubles quotes when quoted.
   * `quoted` is true for single-quoted with breaks allowed, null for single-quoted in a simple
   * key (no folding), false for plain.
   */
  private writeFoldable(s: string, flags: number, quoted: boolean | null): void {
    const isQuoted = quoted !== false;
    const allowBreaks = quoted !== null;
    const n = s.length;
    const care = (flags & NEEDS_CARE) !== 0;
    let spacesBefore = false;
    let breaks = false;
    let segment = 0; // start of the pending run of ordinary characters in `s`
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 32) {
        const foldHere =
          allowBreaks &&
          !spacesBefore &&
          this.column > this.width &&
          (!isQuoted || (i > 0 && i < n - 1)) &&
          s.charCodeAt(i + 1) !== 32;
        if (foldHere) {
          this.out += s.slice(segment, i);
          segment = i + 1;
          this.writeIndent();
        } else {
          this.column++;
        }
        spacesBefore = true;
        continue;
      }
      let cp = c;
      let w = 1;
      if (care && c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          w = 2;
        }
      }
      if (isBreak(cp)) {
        // Only U+2028/U+2029 get here: a string with \n is requested as a literal (or falls back
        // to double quotes), and CR/NEL are special characters that rule out single quotes.
        // go-yaml copies the character and resets the column; the next character re-indents.
        this.out += s.slice(segment, i + 1);
        this.column = 0;
        segment = i + 1;
        this.indention = true;
        breaks = true;
        continue;
      }
      if (breaks) {
        this.out += s.slice(segment, i);
        segment = i;
        this.writeIndent();
      }
      if (isQuoted && c === 39) {
        this.out += s.slice(segment, i) + "'";
        segment = i;
        this.column++;
      }
      this.column++;
      i += w - 1;
      this.indention = false;
      spacesBefore = false;
      breaks = false;
    }
    this.out += s.slice(segment);
  }

  private writeDoubleQuoted(s: string, flags: number, cpLen: number, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    if ((flags & (NEEDS_CARE | HAS_DQ_ESCAPE | MULTILINE)) === 0 && !this.mayFold(cpLen, s, allowBreaks)) {
      this.out += s;
      this.column += cpLen;
    } else {
      this.writeDoubleQuotedSlow(s, allowBreaks);
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuotedSlow(s: string, allowBreaks: boolean): void {
    const n = s.length;
    // go-yaml tests for a byte-order mark at the start of the value on every character, so a
    // value starting with U+FEFF has every one of its characters escaped.
    const escapeAll = s.charCodeAt(0) === 0xfeff;
    let spacesBefore = false;
    let segment = 0;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      let cp = c;
      let w = 1;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          w = 2;
        }
      }
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // lone surrogate: U+FFFD once encoded
      if (escapeAll || !isPrintable(cp) || isBreak(cp) || c === 34 || c === 92) {
        const esc = escapeFor(cp);
        this.out += s.slice(segment, i) + '\\' + esc;
        this.column += 1 + esc.length;
        i += w - 1;
        segment = i + 1;
        spacesBefore = false;
        continue;
      }
      if (c === 32) {
        if (allowBreaks && !spacesBefore && this.column > this.width && i > 0 && i < n - 1) {
          this.out += s.slice(segment, i);
          segment = i + 1;
          this.writeIndent();
          if (s.charCodeAt(i + 1) === 32) {
            this.out += '\\';
            this.column++;
          }
        } else {
          this.column++;
        }
        spacesBefore = true;
        continue;
      }
      if (cp === 0xfffd && c !== 0xfffd) {
        this.out += s.slice(segment, i) + '\ufffd';
        segment = i + 1;
      }
      this.column++;
      i += w - 1;
      spacesBefore = false;
    }
    this.out += s.slice(segment);
  }

  private writeLiteral(s: string, flags: number): void {
    this.writeIndicator('|', true, false, false);
    // Hints: an explicit indentation indicator when the text starts with a space or a break,
    // then the chomping indicator from how the text ends.
    const n = s.length;
    const first = s.charCodeAt(0);
    if (first === 32 || isBreak(first)) this.writeIndicator(String(this.v3 ? V3_INDENT : BEST_INDENT), false, false, false);
    const last = s.charCodeAt(n - 1);
    let chomp = '';
    if (!isBreak(last)) chomp = '-';
    else if (n === 1 || isBreak(s.charCodeAt(n - 2))) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    // v3.0.0 writes no break here: the first line's indentation (or the text's own first break) starts the text.
    if (!this.v3) {
      this.putBreak();
      this.indention = true;
    }
    this.whitespace = true;

    if ((flags & NEEDS_CARE) === 0) {
      // Only \n breaks: every non-empty line is indented, empty lines stay empty.
      const indent = this.indent < 0 ? 0 : this.indent;
      const pad = spaces(indent);
      let start = 0;
      for (;;) {
        const nl = s.indexOf('\n', start);
        const end = nl < 0 ? n : nl;
        if (end > start) {
          if (!this.indention || this.column > indent) this.putBreak();
          this.out += pad.slice(this.column) + s.slice(start, end);
          this.column = indent + (end - start);
          this.indention = false;
        }
        if (nl < 0) break;
        this.putBreak();
        this.indention = true;
        start = nl + 1;
      }
      return;
    }

    let breaks = true;
    let segment = 0;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (isBreak(c)) {
        this.out += s.slice(segment, i);
        if (c === 0x0a) this.putBreak();
        else {
          this.out += s[i];
          this.column = 0;
        }
        segment = i + 1;
        this.indention = true;
        breaks = true;
        continue;
      }
      if (breaks) {
        this.out += s.slice(segment, i);
        segment = i;
        this.writeIndent();
      }
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      this.column++;
      this.indention = false;
      breaks = false;
    }
    this.out += s.slice(segment);
  }

  // ---- document ------------------------------------------------------------------------------

  document(value: unknown): string {
    this.emitNode(value, CTX_NONE);
    // Document end: finish the last line.
    this.indent = -1;
    this.writeIndent();
    this.checkLength();
    return this.out;
  }
}

function resolveWidth(options: EmitOptions | undefined): number {
  const w = options?.goYaml === 'v3' ? undefined : options?.lineWidth;
  if (w === undefined) return Infinity;
  if (w === 0 || w === Infinity || !(w > 0)) return Infinity;
  return w;
}

/** One YAML document (no "---" marker), as go-yaml v2's Marshal writes it; ends with a newline. */
/** What the emitter needs to know about a string, computed once per distinct short string. */
interface Analysis {
  readonly flags: number;
  readonly codePoints: number;
  readonly utf8Bytes: number;
  /** stringNeedsQuotes per dialect, filled on first use. */
  ytt?: boolean;
  kubernetes?: boolean;
  /** Kept in the cache (so worth keeping more on). */
  cached: boolean;
  /** As a plain key: its line at each indentation (keyLine). */
  lines: string[] | undefined;
}

// Keys and many values (label keys, kinds, API versions) repeat across thousands of objects, and
// they are met in the first objects. Once full, the cache keeps what it holds and takes no more:
// emptied and refilled, it would fill the old generation with the names and URLs of a large
// estate, each met once (at 100,000 Workloads, most of what the render promoted and collected).
const analyses = new Map<string, Analysis>();
const MAX_CACHED_LENGTH = 256;
const MAX_CACHED = 10_000;

function analyze(s: string): Analysis {
  const cached = analyses.get(s);
  if (cached) return cached;
  const flags = analyzeScalar(s);
  // Every field from the start, so that every analysis has one shape.
  const a: Analysis = { flags, codePoints: scalarCodePoints, utf8Bytes: scalarUtf8Bytes, ytt: undefined, kubernetes: undefined, cached: false, lines: undefined };
  if (s.length <= MAX_CACHED_LENGTH && analyses.size < MAX_CACHED) {
    a.cached = true;
    analyses.set(s, a);
  }
  return a;
}

/**
 * A key go-yaml writes plain as a simple key (`key:`): no line break, at most 128 bytes, plain
 * in block context and not read as another type (what emitString decides for such a key).
 */
function isPlainKey(k: string, a: Analysis, dialect: ResolveDialect): boolean {
  return a.utf8Bytes <= MAX_SIMPLE_KEY_BYTES && k.length > 0 && isPlainValue(k, a, dialect);
}

/** A string go-yaml writes plain outside a key: no line break, plain in block context, not read as another type. */
function isPlainValue(s: string, a: Analysis, dialect: ResolveDialect): boolean {
  return (a.flags & (MULTILINE | PLAIN_OK)) === PLAIN_OK && !needsQuotes(s, a, dialect);
}

/** Keys repeat at the same indentations in every object of a kind: their lines are kept (up to this indentation). */
const MAX_KEPT_INDENT = 64;

/** `\n`, the indentation, the key and `:`, as one string (kept on the key's analysis). */
function keyLine(k: string, a: Analysis, indent: number): string {
  if (indent > MAX_KEPT_INDENT || !a.cached) return '\n' + spaces(indent) + k + ':';
  const lines = (a.lines ??= []);
  return (lines[indent] ??= '\n' + spaces(indent) + k + ':');
}

function needsQuotes(s: string, a: Analysis, dialect: ResolveDialect): boolean {
  const known = a[dialect];
  if (known !== undefined) return known;
  return (a[dialect] = stringNeedsQuotes(s, dialect));
}

export function emitYaml(value: unknown, options?: EmitOptions): string {
  return new Emitter(resolveWidth(options), options?.dialect ?? 'ytt', options?.maxLength, options?.goYaml).document(value);
}

/**
 * A multi-document stream as ytt prints one: documents separated by "---" lines (none before the
 * first), documents whose value is null, {} or [] left out unless keepEmptyDocuments is set.
 */
export function emitYamlStream(values: readonly unknown[], options?: EmitOptions): string {
  const width = resolveWidth(options);
  const dialect = options?.dialect ?? 'ytt';
  const keepEmpty = options?.keepEmptyDocuments === true;
  const docs: string[] = [];
  for (const v of values) {
    if (!keepEmpty && (v === null || v === undefined || isEmptyCollection(v))) continue;
    const doc = new Emitter(width, dialect, Infinity, options?.goYaml).document(v);
    // Flatten each document while its rope is young: a stream-long rope would be promoted by the
    // garbage collector before the final flatten, which costs more than the emitting itself.
    doc.charCodeAt(0);
    docs.push(doc);
  }
  return docs.join('---\n');
}
