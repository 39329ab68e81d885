// A fast reader for the subset of YAML that Kubernetes manifests (and JSON files) use.
//
// Contract: whenever parseYamlStream() returns non-null, every document's value deep-equals
// what `parseAllDocuments(text, kubeYamlOptions)[i].toJS()` gives (same types, same key order,
// `__proto__` as an own property) and `line` is the line of that document's `contents.range[0]`.
// Anything outside the subset, and every syntax error, returns null: the caller then uses the
// `yaml` package, which produces the right values or the right error messages. Correctness
// never depends on this file covering a construct; only speed does.
//
// The subset: block mappings and sequences (compact `- key: value`, `- - x`, sequences at their
// key's indentation), plain scalars (multi-line folded), single/double-quoted scalars (all escapes,
// multi-line), block scalars `|`/`>` with chomping and indentation indicators, flow collections
// (JSON), comments, `---`/`...` markers, a leading BOM, CRLF. Bails out on anchors, aliases, tags,
// directives, `?` complex keys, empty keys, `<<` keys, collections as keys, pairs in flow
// sequences, tabs used as indentation (even on blank lines) or as separators after an indicator,
// content on a `---` line, control characters, and everything else it does not recognise.
// (src/yaml/README.md has the full list.)
//
// Where the `yaml` package (v2.9) has its own reading of an edge case, this file follows that
// reading rather than the YAML spec: its lexer decides where plain, quoted and block scalars end
// (`continueScalar`: a continuation line needs more indentation than the parent collection, and at
// the top level must not be a document marker) and when a flow collection is indented enough;
// its resolvers fold scalars (unfoldLines, doubleQuotedValue, resolveBlockScalar are ported here).
// Differential tests (test/yaml/fastparse*.test.ts) hold the two together.

import { resolvePlainScalar } from './resolve.js';
import { MAX_DEPTH, MAX_STRING } from '../util/limits.js';
import { isStackOverflow } from '../util/stack-overflow.js';

export interface FastDocument {
  /** The document's value, as `doc.toJS()` of the yaml package with kubeYamlOptions gives it. */
  value: unknown;
  /** 1-based line of the document's first content node (of its `---` line when it is empty). */
  line: number;
  /** [start, end) offsets of the document's text, for re-parsing it on error paths. Ranges of
   *  consecutive documents touch; text before the first `---` that only holds comments belongs to
   *  no document. */
  range: [number, number];
  /** Offset of the first key that a mapping of the document gives again (the value read is the
   *  last one), when there is one: the loader reports it (src/load/repeated-keys.ts). */
  repeatedKeyAt?: number;
}

export interface FastParse {
  documents: FastDocument[];
}

/**
 * Parses a YAML stream of the Kubernetes subset, or returns null when the text is outside it or
 * is not valid YAML (then use the `yaml` package with kubeYamlOptions).
 */
export function parseYamlStream(text: string): FastParse | null {
  try {
    return parseYamlStreamOrThrow(text);
  } catch {
    // BAIL, or a stack overflow on absurdly deep nesting, or (defensively) a bug: the yaml
    // package will read it.
    return null;
  }
}

/**
 * Like parseYamlStream, but only the "outside the subset" outcome returns null; an internal error
 * is thrown (for tests, so that a bug cannot hide behind a fallback).
 */
export function parseYamlStreamOrThrow(text: string): FastParse | null {
  const r = run(text);
  return 'documents' in r ? r : null;
}

/**
 * Reads `text` with a subclass of Parser, whose hooks make the nodes (the ytt engine's reader
 * does), or returns null where the fast path declines: then use the `yaml` package. Like
 * parseYamlStream, an internal error also returns null, unless `rethrow` (for tests).
 */
export function readWith(text: string, reader: (text: string, start: number) => Parser, rethrow = false): FastDocument[] | null {
  try {
    const r = run(text, reader);
    return 'documents' in r ? r.documents : null;
  } catch (e) {
    if (rethrow) throw e;
    return null;
  }
}

/** Why the fast parser declines `text` (for diagnostics and tests), or null when it reads it. */
export function explainFallback(text: string): { reason: string; offset: number } | null {
  const r = run(text);
  return 'documents' in r ? null : r;
}

function run(text: string, reader: (text: string, start: number) => Parser = (t, st) => new Parser(t, st)): FastParse | { reason: string; offset: number } {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  FORBIDDEN.lastIndex = start;
  if (FORBIDDEN.test(text)) return { reason: 'control character, inner BOM, or LS/PS', offset: FORBIDDEN.lastIndex - 1 };
  if (text.indexOf('\r') >= 0) {
    const lone = text.search(LONE_CR);
    if (lone >= 0) return { reason: 'CR without LF', offset: lone };
  }
  if (start === 1) {
    // After a BOM the yaml package's parser does not count the first line's indentation or
    // `- ` indicators (it rejects `\ufeff- x`): keep clear of both.
    const c = text.charCodeAt(1);
    if (c === SP || c === TAB || (c === DASH && isEmpty(text.charCodeAt(2)))) {
      return { reason: 'BOM before indentation or `- `', offset: 1 };
    }
  }
  const parser = reader(text, start);
  try {
    return { documents: parser.stream() };
  } catch (e) {
    if (e === BAIL) return { reason: bailReason, offset: parser.offset };
    if (isStackOverflow(e)) return { reason: 'nesting too deep', offset: parser.offset };
    throw e;
  }
}

// C0 controls other than tab/LF/CR, DEL and C1 controls (incl. NEL), a BOM anywhere but at the
// start, non-characters; and a CR that is not part of CRLF. The yaml package's lexer uses some
// control characters as token markers and treats lone CRs specially; no manifest needs them.
// NEL, LS and PS are line breaks to go-yaml (YAML 1.1) but not to the yaml package: this reader
// never reads them, so that what it reads is always what kubectl reads.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;
const LONE_CR = /\r(?!\n)/;

/** Thrown to abandon the fast path. */
const BAIL: unique symbol = Symbol('fastyaml-bail');

let bailReason = '';

function bail(reason: string): never {
  bailReason = reason;
  throw BAIL;
}

const START_REASONS: Record<string, string> = {
  '&': 'anchor',
  '*': 'alias',
  '!': 'tag',
  '%': 'directive (or plain scalar starting with %)',
  '?': 'complex key (or plain scalar starting with ?)',
  ':': 'empty key (or plain scalar starting with :)',
  '|': 'block scalar in a flow collection',
  '>': 'block scalar in a flow collection',
  '-': 'block sequence indicator where a node cannot be',
  '@': 'reserved character @',
  '`': 'reserved character `',
  '\t': 'tab',
};

/** Bails out for a node that cannot start with `c` here. */
function cannotStart(c: number, where: string): never {
  const ch = c === c ? String.fromCharCode(c) : '';
  bail(`${START_REASONS[ch] ?? (ch ? `\`${ch}\` cannot start ${where}` : `end of input in ${where}`)}`);
}

// Character codes.
const TAB = 9;
const LF = 10;
const CR = 13;
const SP = 32;
const BANG = 33;
const DQ = 34;
const HASH = 35;
const PERCENT = 37;
const AMP = 38;
const SQ = 39;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const BACKTICK = 96;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

/** The lexer's isEmpty(): end of input, space, tab, LF or CR. (NaN is end of input.) */
function isEmpty(c: number): boolean {
  return c !== c || c === SP || c === LF || c === CR || c === TAB;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** Can a plain scalar start with `c` (followed by `next`)? Conservative: no indicators. */
function plainStartOk(c: number, next: number, inFlow: boolean): boolean {
  switch (c) {
    case BANG:
    case DQ:
    case HASH:
    case PERCENT:
    case AMP:
    case SQ:
    case STAR:
    case COMMA:
    case GT:
    case AT:
    case LBRACKET:
    case RBRACKET:
    case BACKTICK:
    case LBRACE:
    case PIPE:
    case RBRACE:
    case SP:
    case TAB:
    case LF:
    case CR:
      return false;
    case DASH:
    case QUESTION:
    case COLON:
      // `-x`, `?x`, `:x` are plain scalars; followed by white space they are indicators
      return !(isEmpty(next) || (inFlow && isFlowIndicator(next)));
    default:
      return c === c; // not end of input
  }
}

// First characters with which a plain scalar can resolve to something other than a string
// (go-yaml's hint table: sign, digit, '.', and the starts of null/bool spellings).
const MAY_RESOLVE = new Uint8Array(128);
for (const ch of '+-0123456789.~yYnNtTfFoO') MAY_RESOLVE[ch.charCodeAt(0)] = 1;

/** The value of a plain scalar's text, as kubeYamlOptions resolves it. */
function plainValue(text: string): unknown {
  const c = text.charCodeAt(0);
  if (c < 128 && MAY_RESOLVE[c] === 0) return text;
  const v = resolvePlainScalar(text, 'kubernetes').value;
  // .inf, .nan, 1e999: JSON cannot hold them (kubectl refuses the file); the caller reports it.
  if (typeof v === 'number' && v - v !== 0) bail('infinite or NaN number');
  return v;
}

/** A map key as toJS() turns it into an object property name (String(jsKey), null → ''). */
function plainKey(text: string): string {
  if (text === '<<') bail('merge key <<');
  const c = text.charCodeAt(0);
  if (c < 128 && MAY_RESOLVE[c] === 0) return text;
  const v = resolvePlainScalar(text, 'kubernetes').value;
  return v === null ? '' : String(v);
}

function quotedKey(text: string): string {
  if (text === '<<') bail('quoted << key'); // not a merge key for the yaml package; keep clear
  return text;
}

/** Sets a key (the first position, the last value, as toJS() does); true when the key was already set. */
function setKey(obj: Record<string, unknown>, key: string, value: unknown): boolean {
  if (key === '__proto__') {
    const had = Object.prototype.hasOwnProperty.call(obj, key);
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
    return had;
  }
  // Values are never undefined: the own-property test runs only for a repeat or a name of Object.prototype.
  const had = obj[key] !== undefined && Object.prototype.hasOwnProperty.call(obj, key);
  obj[key] = value;
  return had;
}

/** The yaml package refuses implicit keys whose `:` is more than 1024 chars after their start. */
const MAX_KEY_SPAN = 1000;

// How a node is reached, which decides what it may be.
const AT_LINE_START = 0; // first thing on its line: anything
const COMPACT = 1; // after `- `: anything (a compact mapping or sequence too)
const AFTER_KEY = 2; // after `key: `: no block mapping or sequence

/**
 * The reader. It makes plain values (the loader's: objects, arrays, scalars as kubectl reads
 * them); a subclass may make other nodes by overriding the `protected` hooks below (readWith),
 * which the reader calls for each collection, key, plain scalar and comment it reads.
 */
export class Parser {
  protected readonly s: string;
  private readonly n: number;
  private readonly bodyStart: number;
  /** Current offset. Between nodes: at the first character of a content line, see `col`. */
  private pos: number;
  /** Column of the content line at `pos`, or -1 at end of input or at a document marker line. */
  private col = -1;
  // Results of scanPlain().
  private plainEnd = 0;
  private plainColon = -1;
  private plainCrossed = false;
  /** Result of quoted(): did the scalar span lines? */
  private quotedMulti = false;
  // Line counting (offsets asked for only increase).
  private lcPos = 0;
  private lcLine = 1;
  /** Maps and lists open around `pos`: near MAX_DEPTH the yaml package reads (and refuses) it. */
  private depth = 0;
  /** Offset of the current document's first repeated key (FastDocument.repeatedKeyAt), or -1. */
  private repeatedAt = -1;

  constructor(text: string, start: number) {
    this.s = text;
    this.n = text.length;
    this.bodyStart = start;
    this.pos = start;
  }

  get offset(): number {
    return this.pos;
  }

  stream(): FastDocument[] {
    const s = this.s;
    const docs: FastDocument[] = [];
    let regionStart = 0;
    let open = false; // a document has started and has not been closed by `...`
    let hasContent = false;
    let value: unknown = null;
    let line = 0;
    this.pos = this.bodyStart;
    this.skipToContent();
    for (;;) {
      // Here `pos`/`col` are at a content line, a document marker, or the end.
      if (this.col >= 0) {
        if (hasContent) bail('content after the document node');
        open = true;
        hasContent = true;
        line = this.lineOf(this.pos);
        value = this.node(this.col, -1, AT_LINE_START);
        continue;
      }
      if (this.pos >= this.n) break;
      // A document marker line.
      const ms = this.pos;
      const isStart = s.charCodeAt(ms) === DASH;
      this.pos = ms + 3;
      this.markerLineRest();
      if (isStart) {
        if (open) docs.push(this.document(value, line, regionStart, ms));
        regionStart = ms;
        open = true;
        hasContent = false;
        value = null;
        line = this.lineOf(ms);
      } else {
        // `...` ends the open document, or is an empty document of its own.
        if (!open) line = this.lineOf(ms);
        docs.push(this.document(open ? value : null, line, regionStart, this.pos));
        regionStart = this.pos;
        open = false;
        hasContent = false;
        value = null;
      }
      this.skipToContent();
    }
    if (open) docs.push(this.document(value, line, regionStart, this.n));
    return docs;
  }

  /** A document read to its end, as `finished` keeps it; marked when one of its mappings repeats a key. */
  private document(value: unknown, line: number, start: number, end: number): FastDocument {
    if (this.repeatedAt < 0) return this.finished({ value, line, range: [start, end] });
    const doc = this.finished({ value, line, range: [start, end], repeatedKeyAt: this.repeatedAt });
    this.repeatedAt = -1;
    return doc;
  }

  // ---- hooks: how nodes are made (subclasses override them) ----

  /**
   * May a document that is a block scalar have unindented content? The yaml package's composer
   * allows it; its CST.resolveAsScalar, which knows no document, does not.
   */
  protected unindentedRootBlockScalars = true;

  /** A new block or flow mapping. */
  protected newMap(): unknown {
    return {};
  }

  /** Adds a key (made by plainKey/quotedKey, written at offset `at`) and its value to a mapping; a repeated key marks the document. */
  protected mapSet(map: unknown, key: unknown, at: number, value: unknown): void {
    if (setKey(map as Record<string, unknown>, key as string, value) && this.repeatedAt < 0) this.repeatedAt = at;
  }

  /** A new block or flow sequence. */
  protected newSeq(): unknown {
    return [];
  }

  /** Adds an item (its `-` or, in a flow sequence, its value at offset `_at`) to a sequence. */
  protected seqPush(seq: unknown, value: unknown, _at: number): void {
    (seq as unknown[]).push(value);
  }

  /** A plain key's value. */
  protected plainKey(text: string): unknown {
    return plainKey(text);
  }

  /** A quoted key's value. */
  protected quotedKey(text: string): unknown {
    return quotedKey(text);
  }

  /** A plain scalar's value (its text, folded). */
  protected plainValue(text: string): unknown {
    return plainValue(text);
  }

  /**
   * A document read to its end, before the next is read: what to keep of it. A reader of a large
   * stream may keep less than the value (its range, to read it again when asked), so that the
   * stream's documents are never all alive at once.
   */
  protected finished(doc: FastDocument): FastDocument {
    return doc;
  }

  /** A comment whose `#` is at offset `_at` (it runs to the end of its line). */
  protected comment(_at: number): void {}

  /** Abandons the fast path (the caller then uses the `yaml` package). */
  protected decline(reason: string): never {
    bail(reason);
  }

  protected lineOf(offset: number): number {
    const s = this.s;
    let p = this.lcPos;
    let line = this.lcLine;
    if (offset < p) {
      p = 0;
      line = 1;
    }
    for (;;) {
      const nl = s.indexOf('\n', p);
      if (nl < 0 || nl >= offset) break;
      line++;
      p = nl + 1;
    }
    this.lcPos = p;
    this.lcLine = line;
    return line;
  }

  private isMarker(p: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(p);
    return (
      (c === DASH || c === DOT) && s.charCodeAt(p + 1) === c && s.charCodeAt(p + 2) === c && isEmpty(s.charCodeAt(p + 3))
    );
  }

  /** After `---` / `...`: only spaces and a comment may follow on that line. */
  private markerLineRest(): void {
    const s = this.s;
    let p = this.pos;
    let c = s.charCodeAt(p);
    while (c === SP) c = s.charCodeAt(++p);
    if (c === HASH) {
      this.comment(p);
      p = s.indexOf('\n', p);
      if (p < 0) p = this.n;
      c = s.charCodeAt(p);
    }
    if (c === CR) c = s.charCodeAt(++p);
    if (c === LF) p++;
    else if (p < this.n) bail('content on a document marker line');
    this.pos = p;
  }

  /**
   * From a line start, skip blank and comment lines. Leaves `pos` at the first character of the
   * next content line and `col` at its column, or `col` -1 at end of input or a document marker.
   */
  private skipToContent(): void {
    const s = this.s;
    const n = this.n;
    let p = this.pos;
    for (;;) {
      if (p >= n) {
        this.pos = n;
        this.col = -1;
        return;
      }
      let c = s.charCodeAt(p);
      if ((c === DASH || c === DOT) && this.isMarker(p)) {
        this.pos = p;
        this.col = -1;
        return;
      }
      const ls = p;
      while (c === SP) c = s.charCodeAt(++p);
      // A tab here is indentation, even on a blank or comment line: the yaml package reports
      // some of those ("Tabs are not allowed as indentation"), depending on what follows.
      if (c === TAB) bail('tab in indentation');
      if (c === HASH) {
        this.comment(p);
        p = s.indexOf('\n', p);
        if (p < 0) p = n;
        else p++;
        continue;
      }
      if (c === LF) {
        p++;
        continue;
      }
      if (c === CR) {
        p += 2;
        continue;
      }
      if (p >= n) continue;
      this.pos = p;
      this.col = p - ls;
      return;
    }
  }

  /** After a node that ends on the current line: spaces and a comment, then the next line. */
  private finishLine(): void {
    const s = this.s;
    let p = this.pos;
    let c = s.charCodeAt(p);
    while (c === SP || c === TAB) c = s.charCodeAt(++p);
    if (c === HASH) {
      const prev = s.charCodeAt(p - 1);
      if (prev !== SP && prev !== TAB) bail('comment without white space before it');
      this.comment(p);
      p = s.indexOf('\n', p);
      if (p < 0) p = this.n;
      c = s.charCodeAt(p);
    }
    if (c === CR) c = s.charCodeAt(++p);
    if (c === LF) p++;
    else if (p < this.n) bail(c === COLON ? 'collection as a key' : 'unexpected text after a value');
    this.pos = p;
    this.skipToContent();
  }

  /**
   * A node starting at `pos` (column `col`) whose parent collection is indented `parent`
   * (-1 at the top level). Leaves `pos`/`col` at the next content line.
   */
  private node(col: number, parent: number, mode: number): unknown {
    const s = this.s;
    const p = this.pos;
    const c = s.charCodeAt(p);
    const minIndent = parent + 1;
    switch (c) {
      case DASH:
        if (isEmpty(s.charCodeAt(p + 1))) {
          if (mode === AFTER_KEY) bail('block sequence on the line of its key');
          return this.blockSeq(col);
        }
        break;
      case DQ:
      case SQ: {
        const v = this.quoted(minIndent);
        let q = this.pos;
        let d = s.charCodeAt(q);
        while (d === SP || d === TAB) d = s.charCodeAt(++q);
        if (d === COLON && isEmpty(s.charCodeAt(q + 1))) {
          // A quoted key of a block mapping.
          if (mode === AFTER_KEY || this.quotedMulti || q - p > MAX_KEY_SPAN) bail('bad implicit key');
          this.pos = q + 1;
          return this.blockMap(col, this.quotedKey(v), p);
        }
        this.finishLine();
        return v;
      }
      case LBRACKET:
      case LBRACE: {
        const v = this.flowCollection(minIndent, 1);
        this.finishLine(); // also refuses `[a]: b`
        return v;
      }
      case PIPE:
      case GT:
        return this.blockScalar(parent);
    }
    if (!plainStartOk(c, s.charCodeAt(p + 1), false)) cannotStart(c, 'a node');
    this.scanPlain(false, minIndent);
    if (this.plainColon >= 0) {
      // A plain key of a block mapping.
      if (mode === AFTER_KEY || this.plainCrossed || this.plainColon - p > MAX_KEY_SPAN) bail('bad implicit key');
      const key = this.plainKey(s.slice(p, this.plainEnd));
      this.pos = this.plainColon + 1;
      return this.blockMap(col, key, p);
    }
    const v = this.plainScalarValue(p);
    this.pos = this.plainEnd;
    this.finishLine();
    return v;
  }

  /** The value of the plain scalar scanned from `start` to `plainEnd`. */
  private plainScalarValue(start: number): unknown {
    if (this.plainEnd - start > MAX_STRING) bail('string too long');
    let text = this.s.slice(start, this.plainEnd);
    if (this.plainCrossed && text.indexOf('\n') >= 0) text = unfoldLines(text);
    return this.plainValue(text);
  }

  /** A block mapping at column `n`; `pos` is just after the first key's `:`, written at `keyAt`. */
  private blockMap(n: number, firstKey: unknown, keyAt: number): unknown {
    if (++this.depth > MAX_DEPTH) bail('nesting too deep');
    const obj = this.newMap();
    let key = firstKey;
    let at = keyAt;
    for (;;) {
      this.mapSet(obj, key, at, this.mapValue(n));
      const col = this.col;
      if (col !== n) {
        if (col > n) bail('bad indentation in a block mapping');
        this.depth--;
        return obj;
      }
      at = this.pos;
      key = this.blockKey(n);
    }
  }

  /** The value after a block mapping key's `:` (at `pos`), for a mapping at column `n`. */
  private mapValue(n: number): unknown {
    const s = this.s;
    let p = this.pos;
    let c = s.charCodeAt(p);
    while (c === SP) c = s.charCodeAt(++p);
    if (c === TAB) bail('tab after an indicator');
    this.pos = p;
    if (c === HASH || c === LF || c === CR || p >= this.n) {
      this.finishLine();
      const col = this.col;
      if (col > n) return this.node(col, n, AT_LINE_START);
      if (col === n && s.charCodeAt(this.pos) === DASH && isEmpty(s.charCodeAt(this.pos + 1))) {
        return this.blockSeq(n); // a sequence at its key's indentation
      }
      return null;
    }
    return this.node(-1, n, AFTER_KEY);
  }

  /** A key of a block mapping at column `n` (not the first); leaves `pos` after its `:`. */
  private blockKey(n: number): unknown {
    const s = this.s;
    const p = this.pos;
    const c = s.charCodeAt(p);
    if (c === DQ || c === SQ) {
      const v = this.quoted(n + 1);
      let q = this.pos;
      let d = s.charCodeAt(q);
      while (d === SP || d === TAB) d = s.charCodeAt(++q);
      if (this.quotedMulti || d !== COLON || !isEmpty(s.charCodeAt(q + 1)) || q - p > MAX_KEY_SPAN) bail('bad implicit key');
      this.pos = q + 1;
      return this.quotedKey(v);
    }
    if (c === LBRACKET || c === LBRACE) bail('collection as a key');
    if (!plainStartOk(c, s.charCodeAt(p + 1), false)) cannotStart(c, 'a block mapping key');
    this.scanPlain(false, n + 1);
    if (this.plainColon < 0 || this.plainCrossed || this.plainColon - p > MAX_KEY_SPAN) bail('bad implicit key');
    this.pos = this.plainColon + 1;
    return this.plainKey(s.slice(p, this.plainEnd));
  }

  /** A block sequence at column `n`; `pos` is at its first `-`. */
  private blockSeq(n: number): unknown {
    if (++this.depth > MAX_DEPTH) bail('nesting too deep');
    const arr = this.blockSeqItems(n);
    this.depth--;
    return arr;
  }

  private blockSeqItems(n: number): unknown {
    const s = this.s;
    const arr = this.newSeq();
    for (;;) {
      const dash = this.pos;
      let p = dash + 1;
      let c = s.charCodeAt(p);
      while (c === SP) c = s.charCodeAt(++p);
      if (c === TAB) bail('tab after an indicator');
      this.pos = p;
      if (c === HASH || c === LF || c === CR || p >= this.n) {
        this.finishLine();
        this.seqPush(arr, this.col > n ? this.node(this.col, n, AT_LINE_START) : null, dash);
      } else {
        this.seqPush(arr, this.node(n + (p - dash), n, COMPACT), dash);
      }
      const col = this.col;
      if (col !== n) {
        if (col > n) bail('bad indentation in a block sequence');
        return arr;
      }
      const q = this.pos;
      if (s.charCodeAt(q) !== DASH || !isEmpty(s.charCodeAt(q + 1))) return arr; // the parent decides
    }
  }

  /**
   * The lexer's continueScalar(): may a scalar go on at the line starting at `offset`? Returns
   * where scanning resumes, or -1. `minIndent` is the lexer's indentNext.
   */
  private continueScalar(offset: number, minIndent: number): number {
    const s = this.s;
    let ch = s.charCodeAt(offset);
    if (minIndent > 0) {
      let indent = 0;
      while (ch === SP) ch = s.charCodeAt(++indent + offset);
      if (ch === CR && s.charCodeAt(indent + offset + 1) === LF) return offset + indent + 1;
      return ch === LF || indent >= minIndent ? offset + indent : -1;
    }
    if ((ch === DASH || ch === DOT) && this.isMarker(offset)) return -1;
    return offset;
  }

  /**
   * The lexer's parsePlainScalar() from `pos`: sets `plainEnd` (exclusive end of the text),
   * `plainColon` (offset of a `:` indicator that stopped it, else -1) and `plainCrossed` (it
   * went on past a line break).
   */
  private scanPlain(inFlow: boolean, minIndent: number): void {
    const s = this.s;
    let i = this.pos - 1;
    let end = i;
    let colon = -1;
    let crossed = false;
    for (;;) {
      let ch = s.charCodeAt(++i);
      if (ch !== ch) break; // end of input
      if (ch === COLON) {
        const next = s.charCodeAt(i + 1);
        if (isEmpty(next) || (inFlow && isFlowIndicator(next))) {
          colon = i;
          break;
        }
        end = i;
      } else if (ch === SP || ch === TAB || ch === LF || ch === CR) {
        let next = s.charCodeAt(i + 1);
        if (ch === CR) {
          // always CRLF (lone CRs are refused up front)
          i += 1;
          ch = LF;
          next = s.charCodeAt(i + 1);
        }
        if (next === HASH || (inFlow && isFlowIndicator(next))) break;
        if (ch === LF) {
          const cs = this.continueScalar(i + 1, minIndent);
          if (cs === -1) break;
          crossed = true;
          if (cs - 2 > i) i = cs - 2;
        }
      } else {
        if (inFlow && isFlowIndicator(ch)) break;
        end = i;
      }
    }
    this.plainEnd = end + 1;
    this.plainColon = colon;
    this.plainCrossed = crossed;
  }

  /** A single- or double-quoted scalar at `pos`; leaves `pos` after the closing quote. */
  private quoted(minIndent: number): string {
    const s = this.s;
    const p = this.pos;
    const single = s.charCodeAt(p) === SQ;
    let end: number;
    if (single) {
      end = s.indexOf("'", p + 1);
      while (end !== -1 && s.charCodeAt(end + 1) === SQ) end = s.indexOf("'", end + 2);
    } else {
      end = s.indexOf('"', p + 1);
      while (end !== -1) {
        let k = 0;
        while (s.charCodeAt(end - 1 - k) === BACKSLASH) k++;
        if (k % 2 === 0) break;
        end = s.indexOf('"', end + 1);
      }
    }
    if (end === -1) bail('unterminated quoted scalar');
    if (end - p > MAX_STRING) bail('string too long');
    let nl = s.indexOf('\n', p + 1);
    const multi = nl !== -1 && nl < end;
    if (multi) {
      while (nl !== -1 && nl < end) {
        const cs = this.continueScalar(nl + 1, minIndent);
        if (cs === -1) bail('quoted scalar line not indented enough, or a document marker');
        nl = s.indexOf('\n', cs);
      }
    }
    this.quotedMulti = multi;
    this.pos = end + 1;
    const raw = s.slice(p + 1, end);
    if (single) {
      const text = multi ? unfoldLines(raw) : raw;
      return text.indexOf("''") < 0 ? text : text.replace(/''/g, "'");
    }
    if (!multi && raw.indexOf('\\') < 0) return raw;
    return doubleQuotedValue(s, p, end);
  }

  /** A flow collection at `pos` (`[` or `{`), nested `level` deep. */
  private flowCollection(minIndent: number, level: number): unknown {
    if (++this.depth > MAX_DEPTH) bail('nesting too deep');
    const v = this.flowCollectionBody(minIndent, level);
    this.depth--;
    return v;
  }

  private flowCollectionBody(minIndent: number, level: number): unknown {
    const s = this.s;
    const open = s.charCodeAt(this.pos);
    this.pos++;
    this.flowSpace(minIndent, level);
    if (open === LBRACKET) {
      const arr = this.newSeq();
      if (s.charCodeAt(this.pos) === RBRACKET) {
        this.pos++;
        return arr;
      }
      for (;;) {
        const at = this.pos;
        this.seqPush(arr, this.flowNode(minIndent, level), at);
        this.flowSpace(minIndent, level);
        // `[a: b]` pairs and missing commas are unexpected text.
        if (this.flowItemEnd(minIndent, level, RBRACKET, 'unexpected text in a flow sequence')) return arr;
      }
    }
    const obj = this.newMap();
    if (s.charCodeAt(this.pos) === RBRACE) {
      this.pos++;
      return obj;
    }
    for (;;) {
      const ks = this.pos;
      const c = s.charCodeAt(ks);
      let key: unknown;
      let isQuoted = false;
      if (c === DQ || c === SQ) {
        key = this.quotedKey(this.quoted(minIndent));
        if (this.quotedMulti) bail('multi-line flow key');
        isQuoted = true;
      } else {
        if (c === LBRACKET || c === LBRACE) bail('collection as a key');
        if (!plainStartOk(c, s.charCodeAt(ks + 1), true)) cannotStart(c, 'a flow mapping key');
        this.scanPlain(true, minIndent);
        if (this.plainCrossed) bail('multi-line flow key');
        key = this.plainKey(s.slice(ks, this.plainEnd));
        this.pos = this.plainEnd;
      }
      let p = this.pos;
      let d = s.charCodeAt(p);
      while (d === SP || d === TAB) d = s.charCodeAt(++p);
      let value: unknown = null;
      if (d === COLON) {
        if (p - ks > MAX_KEY_SPAN) bail('bad implicit key');
        const next = s.charCodeAt(p + 1);
        if (!(isQuoted || isEmpty(next) || next === COMMA)) bail('`:` without white space in a flow mapping');
        this.pos = p + 1;
        this.flowSpace(minIndent, level);
        const v = s.charCodeAt(this.pos);
        if (v !== COMMA && v !== RBRACE) {
          value = this.flowNode(minIndent, level);
          this.flowSpace(minIndent, level);
        }
      } else {
        this.flowSpace(minIndent, level);
      }
      this.mapSet(obj, key, ks, value);
      if (this.flowItemEnd(minIndent, level, RBRACE, 'unexpected text in a flow mapping')) return obj;
    }
  }

  /**
   * After a flow item: a comma (then maybe `close`, a trailing comma) or `close`. True when the
   * collection ended, false when another item follows; anything else is `unexpected`.
   */
  private flowItemEnd(minIndent: number, level: number, close: number, unexpected: string): boolean {
    const s = this.s;
    let c = s.charCodeAt(this.pos);
    if (c === COMMA) {
      this.pos++;
      this.flowSpace(minIndent, level);
      c = s.charCodeAt(this.pos);
      if (c !== close) return false;
    } else if (c !== close) {
      bail(unexpected);
    }
    this.pos++;
    return true;
  }

  /** A value inside a flow collection. */
  private flowNode(minIndent: number, level: number): unknown {
    const s = this.s;
    const p = this.pos;
    const c = s.charCodeAt(p);
    if (c === LBRACKET || c === LBRACE) return this.flowCollection(minIndent, level + 1);
    if (c === DQ || c === SQ) return this.quoted(minIndent);
    if (!plainStartOk(c, s.charCodeAt(p + 1), true)) cannotStart(c, 'a flow node');
    this.scanPlain(true, minIndent);
    this.pos = this.plainEnd; // a `:` that stopped it is refused by the caller
    return this.plainScalarValue(p);
  }

  /**
   * White space, line breaks and comments inside a flow collection, with the lexer's checks on
   * every new line: indented at least `minIndent` (the final `]`/`}` of the outermost collection
   * may sit one less), and no document marker.
   */
  private flowSpace(minIndent: number, level: number): void {
    const s = this.s;
    let p = this.pos;
    for (;;) {
      let c = s.charCodeAt(p);
      if (c === SP || c === TAB) {
        p++;
        continue;
      }
      if (c === HASH) {
        const prev = s.charCodeAt(p - 1);
        if (prev !== SP && prev !== TAB && prev !== LF) bail('comment without white space before it');
        this.comment(p);
        p = s.indexOf('\n', p);
        if (p < 0) bail('unterminated flow collection');
        continue;
      }
      if (c === CR) c = s.charCodeAt(++p);
      if (c === LF) {
        p++;
        let sp = 0;
        while (s.charCodeAt(p) === SP) {
          sp++;
          p++;
        }
        let q = p;
        let d = s.charCodeAt(q);
        while (d === SP || d === TAB) d = s.charCodeAt(++q);
        if (d !== d) bail('unterminated flow collection');
        if (d !== LF && d !== CR && d !== HASH) {
          if (sp < minIndent && !(sp === minIndent - 1 && level === 1 && (d === RBRACKET || d === RBRACE))) {
            bail('flow collection line not indented enough');
          }
          if (sp === 0 && this.isMarker(q)) bail('document marker in a flow collection');
        }
        p = q;
        continue;
      }
      if (c !== c) bail('unterminated flow collection');
      break;
    }
    this.pos = p;
  }

  /** A block scalar whose header is at `pos`, in a collection indented `parent` (-1: top level). */
  private blockScalar(parent: number): string {
    const s = this.s;
    const n = this.n;
    let i = this.pos;
    const folded = s.charCodeAt(i) === GT;
    let chomp = 0; // 0 clip, 1 strip, 2 keep
    let explicit = 0;
    let c = s.charCodeAt(++i);
    while (!(isEmpty(c) || c === HASH)) {
      if (chomp === 0 && (c === DASH || c === PLUS)) chomp = c === DASH ? 1 : 2;
      else if (explicit === 0 && c >= 0x31 && c <= 0x39) explicit = c - 0x30;
      else bail('bad block scalar header');
      c = s.charCodeAt(++i);
    }
    if (c === HASH) bail('comment without white space before it');
    while (c === SP) c = s.charCodeAt(++i);
    if (c === HASH) {
      this.comment(i);
      i = s.indexOf('\n', i);
      if (i < 0) i = n;
      c = s.charCodeAt(i);
    }
    if (c === CR) c = s.charCodeAt(++i);
    if (c === LF) i++;
    else if (i < n) bail('bad block scalar header');
    const start = i;

    // The lexer's parseBlockScalar(): where the scalar's text ends. (At the top level indentNext
    // is 0, and continueScalar() then only stops at document markers.)
    let indentNext = parent + 1;
    let nl = start - 1;
    let indent = 0;
    for (let j = start; j < n; j++) {
      const ch = s.charCodeAt(j);
      if (ch === SP) indent++;
      else if (ch === LF) {
        nl = j;
        indent = 0;
      } else if (ch !== CR) break;
    }
    if (indent >= indentNext) {
      indentNext = explicit === 0 ? indent : explicit - 1 + (indentNext === 0 ? 1 : indentNext);
      do {
        const cs = this.continueScalar(nl + 1, indentNext);
        if (cs === -1) break;
        nl = s.indexOf('\n', cs);
      } while (nl !== -1);
      if (nl === -1) nl = n;
    }
    let k = nl + 1;
    let ch = s.charCodeAt(k);
    while (ch === SP) ch = s.charCodeAt(++k);
    if (ch === TAB) bail('tab in indentation'); // after a block scalar: an error
    if (chomp !== 2) {
      for (;;) {
        let q = nl - 1;
        let c3 = s.charCodeAt(q);
        if (c3 === CR) c3 = s.charCodeAt(--q);
        const lastChar = q;
        while (c3 === SP) c3 = s.charCodeAt(--q);
        if (c3 === LF && q >= start && q + 1 + indent > lastChar) nl = q;
        else break;
      }
    }
    const end = Math.min(nl + 1, n);
    if (end - start > MAX_STRING) bail('string too long');
    // The parser gives a block scalar its parent's indentation, 0 for a document.
    const value = blockScalarValue(s.slice(start, end), parent < 0 ? 0 : parent, parent < 0 && this.unindentedRootBlockScalars, explicit, chomp, folded);
    this.pos = end;
    this.skipToContent();
    return value;
  }
}

// ---------------------------------------------------------------------------------------------
// Scalar folding, ported from the yaml package (compose/resolve-flow-scalar.js and
// compose/resolve-block-scalar.js) so the values are the same to the character.

function isWs(c: number): boolean {
  return c === SP || c === TAB;
}

function trimEndWs(t: string): string {
  let e = t.length;
  while (e > 0 && isWs(t.charCodeAt(e - 1))) e--;
  return e === t.length ? t : t.slice(0, e);
}

function trimWs(t: string): string {
  let b = 0;
  let e = t.length;
  while (b < e && isWs(t.charCodeAt(b))) b++;
  while (e > b && isWs(t.charCodeAt(e - 1))) e--;
  return b === 0 && e === t.length ? t : t.slice(b, e);
}

/** unfoldLines(): folding of plain and single-quoted scalars. */
function unfoldLines(src: string): string {
  let nl = src.indexOf('\n');
  if (nl < 0) return src;
  let e = nl;
  if (e > 0 && src.charCodeAt(e - 1) === CR) e--;
  let res = trimEndWs(src.slice(0, e));
  let sep = ' ';
  let pos = nl + 1;
  while ((nl = src.indexOf('\n', pos)) >= 0) {
    e = nl;
    if (e > pos && src.charCodeAt(e - 1) === CR) e--;
    const lm = trimWs(src.slice(pos, e));
    if (lm === '') {
      if (sep === '\n') res += sep;
      else sep = '\n';
    } else {
      res += sep + lm;
      sep = ' ';
    }
    pos = nl + 1;
  }
  while (isWs(src.charCodeAt(pos))) pos++;
  return res + sep + src.slice(pos);
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};
const HEX = /^[0-9a-fA-F]+$/;

/** doubleQuotedValue() of the text between the quotes at `open` and `close`. */
function doubleQuotedValue(s: string, open: number, close: number): string {
  let res = '';
  for (let i = open + 1; i < close; ++i) {
    const ch = s[i]!;
    if (ch === '\r' && s[i + 1] === '\n') continue;
    if (ch === '\n') {
      // fold a line break: one → space, n → n-1 newlines; trailing white space is skipped
      let fold = '';
      let c = s[i + 1];
      while (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        if (c === '\r' && s[i + 2] !== '\n') break;
        if (c === '\n') fold += '\n';
        i += 1;
        c = s[i + 1];
      }
      res += fold || ' ';
    } else if (ch === '\\') {
      let next = s[++i];
      const cc = next === undefined ? undefined : ESCAPES[next];
      if (cc) res += cc;
      else if (next === '\n') {
        // an escaped line break: skip it and the next line's indentation
        next = s[i + 1];
        while (next === ' ' || next === '\t') next = s[++i + 1];
      } else if (next === '\r' && s[i + 1] === '\n') {
        next = s[++i + 1];
        while (next === ' ' || next === '\t') next = s[++i + 1];
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = s.substr(i + 1, length);
        if (hex.length !== length || !HEX.test(hex)) bail('invalid escape');
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) bail('invalid escape');
        res += String.fromCodePoint(code);
        i += length;
      } else {
        bail('invalid escape');
      }
    } else if (ch === ' ' || ch === '\t') {
      // white space before a line break is dropped
      const wsStart = i;
      let next = s[i + 1];
      while (next === ' ' || next === '\t') next = s[++i + 1];
      if (next !== '\n' && !(next === '\r' && s[i + 2] === '\n')) res += i > wsStart ? s.slice(wsStart, i + 1) : ch;
    } else {
      res += ch;
    }
  }
  return res;
}

function spaces(k: number): string {
  return k > 0 ? ' '.repeat(k) : '';
}

/**
 * resolveBlockScalar() of the text the lexer assigned to a block scalar (the lines after its
 * header), for a scalar in a collection indented `parent`.
 */
function blockScalarValue(
  source: string,
  parent: number,
  atRoot: boolean,
  explicit: number,
  chomp: number,
  folded: boolean,
): string {
  // splitLines(): [indentation, rest] per line
  const ind: number[] = [];
  const con: string[] = [];
  if (source !== '') {
    let p = 0;
    for (;;) {
      let q = p;
      while (source.charCodeAt(q) === SP) q++;
      const e = source.indexOf('\n', q);
      ind.push(q - p);
      con.push(source.slice(q, e < 0 ? source.length : e));
      if (e < 0) break;
      p = e + 1;
    }
  }
  const count = ind.length;
  let chompStart = count;
  for (let i = count - 1; i >= 0; --i) {
    const content = con[i]!;
    if (content === '' || content === '\r') chompStart = i;
    else break;
  }
  if (chompStart === 0) return chomp === 2 && count > 0 ? '\n'.repeat(Math.max(1, count - 1)) : '';

  let trimIndent = parent + explicit;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const content = con[i]!;
    if (content === '' || content === '\r') {
      if (explicit === 0 && ind[i]! > trimIndent) trimIndent = ind[i]!;
    } else {
      if (ind[i]! < trimIndent) bail('block scalar: more-indented leading empty lines');
      if (explicit === 0) trimIndent = ind[i]!;
      contentStart = i;
      if (trimIndent === 0 && !atRoot) bail('block scalar not indented');
      break;
    }
  }
  for (let i = count - 1; i >= chompStart; --i) {
    if (ind[i]! > trimIndent) chompStart = i + 1;
  }
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += spaces(ind[i]! - trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const indent = ind[i]!;
    let content = con[i]!;
    if (content.charCodeAt(content.length - 1) === CR) content = content.slice(0, -1);
    if (content && indent < trimIndent) bail('block scalar line less indented');
    if (!folded) {
      value += sep + spaces(indent - trimIndent) + content;
      sep = '\n';
    } else if (indent > trimIndent || content.charCodeAt(0) === TAB) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + spaces(indent - trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === 2) {
    for (let i = chompStart; i < count; ++i) value += '\n' + spaces(ind[i]! - trimIndent);
    if (value.charCodeAt(value.length - 1) !== LF) value += '\n';
  } else if (chomp === 0) {
    value += '\n';
  }
  return value;
}
