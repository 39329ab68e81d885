// Parser for client-go's JSONPath template language (k8s.io/client-go/util/jsonpath).
//
// It reproduces client-go's scanner decision by decision, including its oddities, because
// Cartographer users see the consequences: `['a.b']` is re-parsed as `.a.b` (dots split even in
// brackets), only single quotes make a bracket key, `-`, `/`, `:` and `)` are ordinary name
// characters, `{.a,.b}` is an error rather than a union, and a filter's operator is whatever run
// of `!<>=` characters follows its left side (so `=~` is a parse error in client-go v0.28).
// Error messages are client-go's, word for word.

import { JsonPathError } from './errors.js';
import { lazyRegExp } from '../util/lazy-regexp.js';
import type { ArrayNode, JsonPathTemplate, ListNode, SliceParam } from './nodes.js';

const EOF = -1;

const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
// Go's `.` does not match `\n` (and a filter cannot contain one anyway); JS's also skips `\r`
// and the Unicode separators, so spell the class out.
const FILTER = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/;
// made on first use (building a Unicode class costs a cold start about a millisecond each)
const UNICODE_DIGIT = lazyRegExp('^\\p{Nd}$', 'u');
const UNICODE_LETTER = lazyRegExp('^\\p{L}$', 'u');
const GO_PRINTABLE = lazyRegExp('^[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S} ]$', 'u');

const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

function isDigit(r: number): boolean {
  if (r >= 0x30 && r <= 0x39) return true;
  return r > 0x7f && UNICODE_DIGIT.test(String.fromCodePoint(r));
}

function isAlphaNumeric(r: number): boolean {
  if (r === 0x5f) return true;
  if ((r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || (r >= 0x30 && r <= 0x39)) return true;
  if (r <= 0x7f || r === EOF) return false;
  const s = String.fromCodePoint(r);
  return UNICODE_LETTER.test(s) || UNICODE_DIGIT.test(s);
}

function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09;
}

function isEndOfLine(r: number): boolean {
  return r === 0x0d || r === 0x0a;
}

/** Characters that end a field name or identifier (a backslash escapes them in field names). */
function isTerminator(r: number): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  switch (r) {
    case EOF:
    case 0x2e: // .
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x24: // $
    case 0x40: // @
    case 0x7b: // {
    case 0x7d: // }
      return true;
  }
  return false;
}

/** Go's `%#U`: `U+002C ','`, the quoted character only when Go considers it printable. */
export function formatRune(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  const s = String.fromCodePoint(r);
  return GO_PRINTABLE.test(s) ? `U+${hex} '${s}'` : `U+${hex}`;
}

/** Go's strconv.Atoi: optional sign, ASCII digits, must fit in int64. */
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n < MIN_INT64 || n > MAX_INT64) return undefined;
  return Number(n);
}

/** Go's strconv.ParseFloat for the only shapes parseNumber can hand it: sign, digits and dots. */
function parseFloatGo(s: string): number | undefined {
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(s)) return undefined;
  return Number(s);
}

class Parser {
  private pos = 0;
  private start = 0;
  private width = 0;
  readonly root: ListNode = { type: 'list', nodes: [] };

  constructor(private readonly input: string) {}

  parse(): ListNode {
    const input = this.input;
    for (;;) {
      const open = input.indexOf('{', this.pos);
      if (open < 0) {
        this.pos = input.length;
        if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consumeText() });
        return this.root;
      }
      this.pos = open;
      if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consumeText() });
      this.pos += 1;
      this.consumeText();
      const action: ListNode = { type: 'list', nodes: [] };
      this.root.nodes.push(action);
      this.parseInsideAction(action);
    }
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private startsWith(prefix: string): boolean {
    return this.input.startsWith(prefix, this.pos);
  }

  /** Tokens inside `{...}` until the closing `}`. */
  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      if (this.startsWith('}')) {
        this.pos += 1;
        this.consumeText();
        return;
      }
      if (this.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (this.startsWith('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathError('unclosed action');
      if (r === 0x20 || r === 0x40 || r === 0x24) {
        // a space, `@` (current object) or `$` (root) is simply skipped
        this.consumeText();
      } else if (r === 0x5b) {
        this.parseArray(cur);
      } else if (r === 0x22 || r === 0x27) {
        this.parseQuote(cur, r);
      } else if (r === 0x2e) {
        this.parseField(cur);
      } else if (r === 0x2b || r === 0x2d || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathError(`unrecognized character in action: ${formatRune(r)}`);
      }
    }
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last !== undefined && last.type === 'recursive') throw new JsonPathError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const first = this.peek();
    if (first === 0x2b || first === 0x2d) this.next();
    for (;;) {
      const r = this.next();
      if (r !== 0x2e && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    const i = atoi(value);
    if (i !== undefined) {
      cur.nodes.push({ type: 'int', value: i });
      return;
    }
    const f = parseFloatGo(value);
    if (f !== undefined) {
      cur.nodes.push({ type: 'float', value: f });
      return;
    }
    throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathError('unterminated array');
      if (r === 0x5d) break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      const lists: ListNode[] = [];
      for (const part of parts) lists.push(parseAction(`[${trimSpaces(part)}]`));
      cur.nodes.push({ type: 'union', lists });
      return;
    }

    // A quoted key is re-parsed as a field path, so dots inside it still split.
    const key = DICT_KEY.exec(text);
    if (key !== null) {
      for (const node of parseAction(`.${key[1]}`).nodes) cur.nodes.push(node);
      return;
    }

    const slice = SLICE.exec(text);
    if (slice === null) throw new JsonPathError(`invalid array index ${text}`);
    cur.nodes.push(sliceNode([slice[1] ?? '', slice[2] ?? '', slice[3] ?? '']));
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathError('unterminated filter');
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input.charCodeAt(this.pos - 2) !== 0x5c && r === pair) end = true;
      } else if (r === 0x29) {
        // a `)` closes the filter only outside a quoted string
        if (begin === end) break;
      }
    }
    if (this.next() !== 0x5d) throw new JsonPathError('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const m = FILTER.exec(text);
    if (m === null) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, operator: 'exists' });
    } else {
      const left = parseAction(m[1]!);
      const right = parseAction(m[3]!);
      cur.nodes.push({ type: 'filter', left, right, operator: m[2]! });
    }
  }

  private parseQuote(cur: ListNode, quote: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathError('unterminated quoted string');
      if (r === quote && this.input.charCodeAt(this.pos - 2) !== 0x5c) break;
    }
    const value = this.consumeText();
    const text = unquoteExtend(value);
    if (text === undefined) throw new JsonPathError(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ type: 'text', text });
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance()) {
      // scan to the next unescaped terminator
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replaceAll('\\', '') });
  }

  private advance(): boolean {
    const r = this.next();
    if (r === 0x5c) {
      this.next();
    } else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** Go's strings.Trim(s, " "): spaces only, not tabs. */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) === 0x20) b--;
  return s.slice(a, b);
}

function sliceNode(groups: [string, string, string]): ArrayNode {
  const params: SliceParam[] = [];
  for (let i = 0; i < 3; i++) {
    let text = groups[i]!;
    if (text !== '') {
      if (i > 0) text = text.slice(1);
      if (i > 0 && text === '') {
        params.push({ value: 0, known: false, derived: false });
      } else {
        const n = atoi(text);
        if (n === undefined) throw new JsonPathError(`array index ${text} is not a number`);
        params.push({ value: n, known: true, derived: false });
      }
    } else if (i === 1) {
      // a plain index `[n]` is the slice `[n:n+1]`
      params.push({ value: params[0]!.value + 1, known: true, derived: true });
    } else {
      params.push({ value: 0, known: false, derived: false });
    }
  }
  return { type: 'array', params: [params[0]!, params[1]!, params[2]!] };
}

/** client-go's parseAction: parse `{text}` and keep only the first action's node list. */
function parseAction(text: string): ListNode {
  const root = new Parser(`{${text}}`).parse();
  return root.nodes[0] as ListNode;
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };

function pushUtf8(bytes: number[], cp: number): void {
  if (cp < 0x80) bytes.push(cp);
  else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

const utf8Decoder = new TextDecoder('utf-8');

/**
 * client-go's UnquoteExtend: Go string-literal unquoting that also accepts single quotes.
 * Returns undefined where Go reports `invalid syntax`. `\x` and octal escapes produce raw bytes,
 * so the result is assembled as UTF-8 and decoded (invalid bytes become U+FFFD, as they would
 * when Go later marshals the string).
 */
export function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const quote = s[0]!;
  if (quote !== s[s.length - 1]) return undefined;
  if (quote !== '"' && quote !== "'") return undefined;
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;

  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === quote) return undefined;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      pushUtf8(bytes, cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (i + 1 >= body.length) return undefined;
    const e = body[i + 1]!;
    i += 2;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined && Object.prototype.hasOwnProperty.call(SIMPLE_ESCAPES, e)) {
      bytes.push(simple);
      continue;
    }
    if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i, i + n);
      if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      i += n;
      const v = parseInt(hex, 16);
      if (e === 'x') {
        bytes.push(v);
      } else {
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
        pushUtf8(bytes, v);
      }
      continue;
    }
    if (e >= '0' && e <= '7') {
      const rest = body.slice(i, i + 2);
      if (rest.length < 2 || !/^[0-7]{2}$/.test(rest)) return undefined;
      i += 2;
      const v = parseInt(e + rest, 8);
      if (v > 255) return undefined;
      bytes.push(v);
      continue;
    }
    if (e === "'" || e === '"') {
      if (e !== quote) return undefined;
      bytes.push(e.charCodeAt(0));
      continue;
    }
    return undefined;
  }
  return utf8Decoder.decode(new Uint8Array(bytes));
}

/** Parses a client-go JSONPath template. Throws JsonPathError with client-go's message. */
export function parse(text: string): JsonPathTemplate {
  return { source: text, root: new Parser(text).parse() };
}
