// Starlark scanner for ytt's dialect.
//
// ytt parses Starlark with "block" semantics: indentation is ignored and a block
// opened by a trailing ':' at the end of a line is closed by the identifier `end`
// (or implicitly by `elif` / `else:`). The base scanner below therefore never
// produces INDENT/OUTDENT; `BlockScanner` synthesises them from the token stream.

export type Tok =
  | 'EOF' | 'NEWLINE' | 'INDENT' | 'OUTDENT'
  | 'IDENT' | 'INT' | 'FLOAT' | 'STRING' | 'BYTES'
  // punctuation
  | '+' | '-' | '*' | '/' | '//' | '%' | '&' | '|' | '^' | '<<' | '>>' | '~'
  | '.' | ',' | '=' | ';' | ':' | '(' | ')' | '[' | ']' | '{' | '}'
  | '<' | '>' | '>=' | '<=' | '==' | '!='
  | '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>='
  | '**'
  // keywords
  | 'and' | 'break' | 'continue' | 'def' | 'elif' | 'else' | 'for' | 'if' | 'in' | 'lambda'
  | 'load' | 'not' | 'not in' | 'or' | 'pass' | 'return' | 'while';

export interface Pos { line: number; col: number }

export interface Token {
  tok: Tok;
  pos: Pos; // start of the token
  end: Pos; // scanner position just after the token (used for parse error positions)
  raw: string;
  str?: string; // decoded string literal
  num?: number | bigint; // int literal
  flt?: number; // float literal
}

export class SyntaxError extends Error {
  constructor(public readonly pos: Pos, public readonly msg: string) {
    super(msg);
  }
}

const KEYWORDS = new Set([
  'and', 'break', 'continue', 'def', 'elif', 'else', 'for', 'if', 'in', 'lambda', 'load', 'not', 'or', 'pass', 'return', 'while',
]);

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c > '\x7f';
}
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** An identifier from where it starts (isIdentStart, then isIdentChar): a regular expression runs it natively, even in a cold process. */
const IDENT_REST = /[A-Za-z0-9_\u0080-\uffff]*/y;

/** Base scanner: tokens, NEWLINEs at top level; no indentation tracking. */
export class Scanner {
  private i = 0;
  private line = 1;
  /** Where the current line starts: a token's column is counted from it (one per UTF-16 unit). */
  private lineStartAt = 0;
  private depth = 0;
  private lineStart = true;
  private lastWasNewline = true;
  private eofNewlineDone = false;

  constructor(private readonly src: string) {}

  pos(): Pos {
    return { line: this.line, col: this.i - this.lineStartAt + 1 };
  }

  private peek(o = 0): string {
    return this.src[this.i + o] ?? '';
  }

  private read(): string {
    const c = this.src[this.i++] ?? '';
    if (c === '\n') {
      this.line++;
      this.lineStartAt = this.i;
    }
    return c;
  }

  /** Reads the line break at the current position. */
  private newline(): void {
    this.i++;
    this.line++;
    this.lineStartAt = this.i;
  }

  private err(pos: Pos, msg: string): never {
    throw new SyntaxError(pos, msg);
  }

  next(): Token {
    const s = this.src;
    for (;;) {
      let blank = false;
      // (character codes: a cold process runs this loop for every character of every template)
      let c = s.charCodeAt(this.i);
      if (this.lineStart) {
        this.lineStart = false;
        while (c === 32 || c === 9) c = s.charCodeAt(++this.i);
        if (c === 35 /* # */ || c === 10 || c === 13 || c !== c) blank = true;
      }
      while (c === 32 || c === 9 || (c === 13 && s.charCodeAt(this.i + 1) === 10)) c = s.charCodeAt(++this.i);
      if (c === 35 /* # */) {
        const eol = s.indexOf('\n', this.i);
        this.i = eol < 0 ? s.length : eol;
        c = s.charCodeAt(this.i);
      }
      if (c === 10) {
        this.lineStart = true;
        if (blank || this.depth > 0) {
          this.newline();
          continue;
        }
        const pos = this.pos();
        this.newline();
        this.lastWasNewline = true;
        return { tok: 'NEWLINE', pos, end: this.pos(), raw: '\n' };
      }
      if (c === 92 /* \ */ && s.charCodeAt(this.i + 1) === 10) {
        this.i++;
        this.newline();
        continue;
      }
      if (c !== c) {
        const pos = this.pos();
        if (!this.lastWasNewline && !this.eofNewlineDone) {
          this.eofNewlineDone = true;
          this.lastWasNewline = true;
          return { tok: 'NEWLINE', pos, end: pos, raw: '' };
        }
        return { tok: 'EOF', pos, end: pos, raw: '' };
      }
      const t = this.scanToken();
      this.lastWasNewline = false;
      return t;
    }
  }

  /**
   * Right after an identifier: `(DIGITS)` up to the end of the line, the shape of the template
   * compiler's instructions (`__ytt_tpl2_start_node(12)`). Reads it and returns the positions of
   * `(` and of the int, and the int; anything else returns null and reads nothing.
   */
  intCallRest(): { lparen: Pos; arg: Pos; num: number } | null {
    const s = this.src;
    const open = this.i;
    if (s.charCodeAt(open) !== 40 /* ( */) return null;
    let k = open + 1;
    let d = s.charCodeAt(k);
    if (d < 48 || d > 57 || (d === 48 && s.charCodeAt(k + 1) !== 41)) return null; // (a leading 0: scanNumber's rules)
    while (d >= 48 && d <= 57) d = s.charCodeAt(++k);
    if (d !== 41 /* ) */ || k - open - 1 > 15) return null;
    const after = s.charCodeAt(k + 1);
    if (after === after && after !== 10) return null;
    const col = open - this.lineStartAt + 1;
    const num = Number(s.slice(open + 1, k));
    this.i = k + 1;
    return { lparen: { line: this.line, col }, arg: { line: this.line, col: col + 1 }, num };
  }

  private mk(tok: Tok, pos: Pos, start: number): Token {
    return { tok, pos, end: this.pos(), raw: this.src.slice(start, this.i) };
  }

  private scanToken(): Token {
    const pos = this.pos();
    const start = this.i;
    const c = this.peek();
    if (isIdentStart(c)) {
      // string prefixes
      if ((c === 'r' || c === 'b' || c === 'R') && (this.peek(1) === '"' || this.peek(1) === "'")) {
        return this.scanString(pos, start);
      }
      if ((c === 'r' || c === 'b') && (this.peek(1) === 'r' || this.peek(1) === 'b') && (this.peek(2) === '"' || this.peek(2) === "'")) {
        return this.scanString(pos, start);
      }
      IDENT_REST.lastIndex = start + 1;
      IDENT_REST.test(this.src);
      this.i = IDENT_REST.lastIndex;
      const raw = this.src.slice(start, this.i);
      if (KEYWORDS.has(raw)) return { tok: raw as Tok, pos, end: this.pos(), raw };
      return { tok: 'IDENT', pos, end: this.pos(), raw };
    }
    if (isDigit(c) || (c === '.' && isDigit(this.peek(1)))) return this.scanNumber(pos, start);
    if (c === '"' || c === "'") return this.scanString(pos, start);
    this.read();
    switch (c) {
      case '(': case '[': case '{':
        this.depth++;
        return this.mk(c, pos, start);
      case ')': case ']': case '}':
        if (this.depth > 0) this.depth--;
        return this.mk(c, pos, start);
      case ',': case ';': case '~': case '.': case ':':
        return this.mk(c, pos, start);
      case '+': case '-': case '%': case '&': case '|': case '^': case '=':
        if (this.peek() === '=') {
          this.read();
          return this.mk((c + '=') as Tok, pos, start);
        }
        return this.mk(c as Tok, pos, start);
      case '!':
        if (this.peek() === '=') {
          this.read();
          return this.mk('!=', pos, start);
        }
        this.err(pos, `unexpected input character '!'`);
        break;
      case '*':
        if (this.peek() === '*') {
          this.read();
          return this.mk('**', pos, start);
        }
        if (this.peek() === '=') {
          this.read();
          return this.mk('*=', pos, start);
        }
        return this.mk('*', pos, start);
      case '/':
        if (this.peek() === '/') {
          this.read();
          if (this.peek() === '=') {
            this.read();
            return this.mk('//=', pos, start);
          }
          return this.mk('//', pos, start);
        }
        if (this.peek() === '=') {
          this.read();
          return this.mk('/=', pos, start);
        }
        return this.mk('/', pos, start);
      case '<': case '>':
        if (this.peek() === c) {
          this.read();
          if (this.peek() === '=') {
            this.read();
            return this.mk((c + c + '=') as Tok, pos, start);
          }
          return this.mk((c + c) as Tok, pos, start);
        }
        if (this.peek() === '=') {
          this.read();
          return this.mk((c + '=') as Tok, pos, start);
        }
        return this.mk(c as Tok, pos, start);
    }
    this.err(pos, `unexpected input character ${JSON.stringify(c)}`);
  }

  private scanNumber(pos: Pos, start: number): Token {
    let isFloat = false;
    const c = this.peek();
    if (c === '0' && /[xXoObB]/.test(this.peek(1))) {
      this.read();
      const kind = this.read().toLowerCase();
      while (/[0-9a-fA-F_]/.test(this.peek())) this.read();
      const raw = this.src.slice(start, this.i);
      const digits = raw.slice(2).replace(/_/g, '');
      const radix = kind === 'x' ? 16 : kind === 'o' ? 8 : 2;
      const re = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[01]+$/;
      if (!re.test(digits)) this.err(pos, `invalid int literal`);
      const big = BigInt((radix === 16 ? '0x' : radix === 8 ? '0o' : '0b') + digits);
      return { tok: 'INT', pos, end: this.pos(), raw, num: normBig(big) };
    }
    let j = this.i;
    for (let d = this.src.charCodeAt(j); d >= 48 && d <= 57; d = this.src.charCodeAt(++j));
    this.i = j; // (digits: the line does not change)
    if (this.peek() === '.') {
      isFloat = true;
      this.read();
      while (isDigit(this.peek())) this.read();
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      isFloat = true;
      this.read();
      if (this.peek() === '+' || this.peek() === '-') this.read();
      if (!isDigit(this.peek())) this.err(pos, 'invalid float literal');
      while (isDigit(this.peek())) this.read();
    }
    const raw = this.src.slice(start, this.i);
    if (isFloat) return { tok: 'FLOAT', pos, end: this.pos(), raw, flt: Number(raw) };
    if (raw.length > 1 && raw[0] === '0' && /[^0]/.test(raw)) this.err(pos, 'obsolete form of octal literal; use 0o' + raw.slice(1));
    // up to 15 digits is a safe integer: no BigInt needed
    return { tok: 'INT', pos, end: this.pos(), raw, num: raw.length <= 15 ? Number(raw) : normBig(BigInt(raw)) };
  }

  private scanString(pos: Pos, start: number): Token {
    let raw = false;
    let bytes = false;
    while (this.peek() === 'r' || this.peek() === 'b' || this.peek() === 'R') {
      const p = this.read();
      if (p === 'b') bytes = true;
      else raw = true;
    }
    const q = this.read();
    let triple = false;
    if (this.peek() === q && this.peek(1) === q) {
      this.read();
      this.read();
      triple = true;
    }
    let out = '';
    const s = this.src;
    const qc = q.charCodeAt(0);
    for (;;) {
      // a run of characters that are nothing but themselves
      let j = this.i;
      let code = s.charCodeAt(j);
      while (code === code && code !== qc && code !== 92 && code !== 10) code = s.charCodeAt(++j);
      if (j > this.i) {
        out += s.slice(this.i, j);
        this.i = j;
      }
      const c = this.peek();
      if (c === '') this.err(pos, 'unexpected EOF in string');
      if (c === '\n' && !triple) this.err(pos, 'unexpected newline in string');
      if (c === q) {
        if (!triple) {
          this.read();
          break;
        }
        if (this.peek(1) === q && this.peek(2) === q) {
          this.read();
          this.read();
          this.read();
          break;
        }
        out += this.read();
        continue;
      }
      if (c === '\\') {
        this.read();
        const e = this.peek();
        if (e === '') this.err(pos, 'unexpected EOF in string');
        if (raw) {
          // raw strings keep backslashes; an escaped newline or quote stays as written
          out += '\\' + this.read();
          continue;
        }
        this.read();
        switch (e) {
          case '\n': break;
          case 'a': out += '\x07'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'v': out += '\v'; break;
          case '\\': out += '\\'; break;
          case "'": out += "'"; break;
          case '"': out += '"'; break;
          case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            let d = e;
            while (d.length < 3 && /[0-7]/.test(this.peek())) d += this.read();
            const n = parseInt(d, 8);
            if (n > 255) this.err(pos, 'invalid escape sequence \\' + d);
            out += String.fromCharCode(n);
            break;
          }
          case 'x': {
            const h = this.read() + this.read();
            if (!/^[0-9a-fA-F]{2}$/.test(h)) this.err(pos, 'invalid escape sequence \\x' + h);
            out += String.fromCharCode(parseInt(h, 16));
            break;
          }
          case 'u': case 'U': {
            const n = e === 'u' ? 4 : 8;
            let h = '';
            for (let k = 0; k < n; k++) h += this.read();
            if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) this.err(pos, `invalid escape sequence \\${e}${h}`);
            out += String.fromCodePoint(parseInt(h, 16));
            break;
          }
          default:
            // unknown escapes are kept literally (backslash included)
            out += '\\' + e;
        }
        continue;
      }
      out += this.read();
    }
    return { tok: bytes ? 'BYTES' : 'STRING', pos, end: this.pos(), raw: this.src.slice(start, this.i), str: out };
  }
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function normBig(b: bigint): number | bigint {
  if (b >= MIN_SAFE && b <= MAX_SAFE) return Number(b);
  return b;
}

interface BTok extends Token {
  outdented?: boolean;
}

/**
 * Turns the base token stream into one with INDENT/OUTDENT by nesting:
 * ':' NEWLINE opens a block; `end` (an identifier), `elif` and `else:` close one.
 */
export class BlockScanner {
  private buf: BTok[] = [];
  private prev: BTok[] = [];
  private stack: BTok[] = [];
  private last: Token | undefined;

  constructor(private readonly base: Scanner) {}

  /** Position of the scanner (just after the most recently read raw token). */
  pos(): Pos {
    return this.last ? this.last.end : { line: 1, col: 1 };
  }

  private raw(): BTok {
    const t = this.base.next();
    this.last = t;
    return t;
  }

  /** Scanner.intCallRest after `current`, the identifier just returned (only when nothing was read past it). */
  intCallRest(current: Token): { lparen: Pos; arg: Pos; num: number } | null {
    return this.buf.length === 0 && this.last === current ? this.base.intCallRest() : null;
  }

  next(): Token {
    const t = this.inner();
    this.prev.push(t);
    if (this.prev.length > 4) this.prev.shift();
    return t;
  }

  private inner(): BTok {
    const n = this.prev.length;
    if (n >= 2 && this.prev[n - 2]!.tok === ':' && this.prev[n - 1]!.tok === 'NEWLINE') {
      const p = this.prev[n - 1]!;
      this.stack.push(p);
      return { tok: 'INDENT', pos: p.pos, end: p.end, raw: '' };
    }
    const cur: BTok = this.buf.length > 0 ? this.buf.shift()! : this.raw();
    switch (cur.tok) {
      case 'else':
        if (!cur.outdented) {
          const nx = this.raw();
          if (nx.tok === ':') {
            cur.outdented = true;
            this.buf.push(cur, nx);
            return this.outdent();
          }
          this.buf.push(nx);
        }
        break;
      case 'elif':
        if (!cur.outdented) {
          cur.outdented = true;
          this.buf.push(cur);
          return this.outdent();
        }
        break;
      case 'pass':
        throw new SyntaxError(this.pos(), "use of reserved keyword 'pass' is not allowed");
      case 'IDENT':
        if (cur.raw === 'end') {
          const nx = this.buf.length > 0 ? this.buf.shift()! : this.raw();
          if (nx.tok !== 'NEWLINE') this.buf.push(nx);
          return this.outdent();
        }
        break;
      case 'EOF':
        if (this.stack.length > 0) {
          throw new SyntaxError(this.stack[this.stack.length - 1]!.pos, 'mismatched set of block openings (if/else/elif/for/def) and closing (end)');
        }
        break;
      default:
        break;
    }
    return cur;
  }

  private outdent(): BTok {
    if (this.stack.length === 0) throw new SyntaxError(this.pos(), 'unexpected end');
    this.stack.pop();
    const p = this.prev[this.prev.length - 1];
    const pos = p ? p.pos : { line: 1, col: 1 };
    return { tok: 'OUTDENT', pos, end: pos, raw: '' };
  }
}
