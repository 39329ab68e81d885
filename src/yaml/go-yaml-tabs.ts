// Tabs as go-yaml v2 sees them (kubectl's sigs.k8s.io/yaml fork and ytt's fork agree on this).
// The `yaml` package has rules of its own for tabs, stricter in some places and looser in others:
//
// - go-yaml refuses a tab among a line's leading white space in block context, even on a blank
//   or comment line ("found character that cannot start any token", or "found a tab character
//   that violates indentation" while it reads a plain scalar), a tab right after `-`, `?` or a
//   complex `:`, and a tab in the indentation of a block scalar's leading lines or of a line less
//   indented than its content ("found a tab character where an indentation space is expected");
//   the `yaml` package takes several of these.
// - go-yaml takes a tab in the leading white space of a line inside a flow collection or a quoted
//   scalar, where it separates tokens or is folded away; the `yaml` package refuses it ("Tabs are
//   not allowed as indentation").
//
// goYamlTabs() walks the text with go-yaml's scanner rules for white space — a scanner that
// produces no tokens: it tracks flow level, whether a simple key may start (go-yaml allows tabs
// only where one may not), the block indentation stack, and skips over scalars as go-yaml
// delimits them — and returns go-yaml's error, or the text with the tabs of the second kind
// replaced by spaces (same length, same lines; those tabs are never part of a value).

export interface TabProblem {
  /** go-yaml's message, without its `yaml: line N: ` prefix. */
  message: string;
  /** 1-based line and column of the tab. */
  line: number;
  column: number;
}

export type TabCheck = { text: string; problem: null } | { text: string; problem: TabProblem };

const TAB = 9;
const LF = 10;
const CR = 13;
const SP = 32;

function isBreak(c: number): boolean {
  return c === LF || c === CR || c === 0x85 || c === 0x2028 || c === 0x2029;
}
function isBlank(c: number): boolean {
  return c === SP || c === TAB;
}
/** Blank, break or end of input (NaN). */
function isBlankz(c: number): boolean {
  return c !== c || isBlank(c) || isBreak(c);
}
function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d; // , [ ] { }
}

const NO_TOKEN = 'found character that cannot start any token';
const VIOLATES = 'found a tab character that violates indentation';
const INDENT_SPACE = 'found a tab character where an indentation space is expected';

/** go-yaml's first complaint about a tab in `text`, and the text the `yaml` package should read. */
export function goYamlTabs(text: string): TabCheck {
  if (text.indexOf('\t') < 0) return { text, problem: null };
  return new TabScanner(text).run();
}

class Found {
  constructor(readonly offset: number) {}
}

class TabScanner {
  private pos = 0;
  private lineStart = 0;
  private line = 1;
  private flow = 0;
  /** go-yaml's simple_key_allowed: where it is true in block context, a tab cannot be skipped. */
  private simpleKeyAllowed = true;
  /** Column where a possible simple key started on this line, or -1. */
  private keyColumn = -1;
  private readonly indents: number[] = [];
  private indent = -1;
  /** Offsets of tabs to turn into spaces for the `yaml` package. */
  private readonly soften: number[] = [];
  private message = '';

  constructor(private readonly s: string) {}

  run(): TabCheck {
    try {
      this.scan();
    } catch (e) {
      if (!(e instanceof Found)) throw e;
      const before = this.s.lastIndexOf('\n', e.offset - 1);
      return { text: this.s, problem: { message: this.message, line: this.line, column: e.offset - before } };
    }
    if (this.soften.length === 0) return { text: this.s, problem: null };
    const chars = this.s.split('');
    for (const i of this.soften) chars[i] = ' ';
    return { text: chars.join(''), problem: null };
  }

  private fail(message: string, offset: number): never {
    this.message = message;
    throw new Found(offset);
  }

  private c(at = this.pos): number {
    return this.s.charCodeAt(at);
  }

  private column(): number {
    return this.pos - this.lineStart;
  }

  private breakHere(): void {
    const c = this.c();
    this.pos += c === CR && this.c(this.pos + 1) === LF ? 2 : 1;
    this.line++;
    this.lineStart = this.pos;
  }

  private atLineLead(): boolean {
    for (let i = this.lineStart; i < this.pos; i++) if (!isBlank(this.c(i))) return false;
    return true;
  }

  private roll(column: number): void {
    if (this.indent < column) {
      this.indents.push(column);
      this.indent = column;
    }
  }

  private unroll(column: number): void {
    while (this.indent > column) {
      this.indents.pop();
      this.indent = this.indents.length > 0 ? this.indents[this.indents.length - 1]! : -1;
    }
  }

  private isDocumentIndicator(at: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(at);
    return at === this.lineStart && (c === 0x2d || c === 0x2e) && s.charCodeAt(at + 1) === c && s.charCodeAt(at + 2) === c && isBlankz(s.charCodeAt(at + 3));
  }

  private scan(): void {
    const n = this.s.length;
    let ended = false; // after `...`: only `---` (or a directive) may come; go-yaml's parser stops at anything else
    for (;;) {
      this.toNextToken();
      if (this.pos >= n) return;
      const col = this.column();
      if (this.flow === 0) this.unroll(col);
      const c = this.c();
      const next = this.c(this.pos + 1);
      if (ended && !(c === 0x25 || (c === 0x2d && this.isDocumentIndicator(this.pos)))) return;
      ended = false;
      if (this.isDocumentIndicator(this.pos)) {
        ended = c === 0x2e;
        this.unroll(-1);
        this.flow = 0;
        this.simpleKeyAllowed = false;
        this.keyColumn = -1;
        this.pos += 3;
      } else if (c === 0x25 /* % */ && col === 0) {
        while (this.pos < n && !isBreak(this.c())) this.pos++;
      } else if (c === 0x5b || c === 0x7b) {
        this.possibleKey(col);
        this.flow++;
        this.simpleKeyAllowed = true;
        this.pos++;
      } else if (c === 0x5d || c === 0x7d) {
        if (this.flow > 0) this.flow--;
        this.simpleKeyAllowed = false;
        this.pos++;
      } else if (c === 0x2c) {
        this.simpleKeyAllowed = true;
        this.keyColumn = -1;
        this.pos++;
      } else if (c === 0x2d /* - */ && isBlankz(next)) {
        if (this.flow === 0) this.roll(col);
        this.simpleKeyAllowed = true;
        this.keyColumn = -1;
        this.pos++;
      } else if (c === 0x3f /* ? */ && (this.flow > 0 || isBlankz(next))) {
        if (this.flow === 0) this.roll(col);
        this.simpleKeyAllowed = this.flow === 0;
        this.keyColumn = -1;
        this.pos++;
      } else if (c === 0x3a /* : */ && (this.flow > 0 || isBlankz(next))) {
        if (this.keyColumn >= 0) {
          if (this.flow === 0) this.roll(this.keyColumn);
          this.simpleKeyAllowed = false;
        } else {
          if (this.flow === 0) this.roll(col);
          this.simpleKeyAllowed = this.flow === 0;
        }
        this.keyColumn = -1;
        this.pos++;
      } else if (c === 0x2a || c === 0x26 || c === 0x21) {
        // alias, anchor, tag: a name up to white space (or a flow indicator)
        this.possibleKey(col);
        this.simpleKeyAllowed = false;
        this.pos++;
        while (this.pos < n && !isBlankz(this.c()) && !(this.flow > 0 && isFlowIndicator(this.c()))) this.pos++;
      } else if ((c === 0x7c || c === 0x3e) && this.flow === 0) {
        this.blockScalar();
        this.simpleKeyAllowed = true;
        this.keyColumn = -1;
      } else if (c === 0x27 || c === 0x22) {
        this.possibleKey(col);
        this.quoted(c === 0x22);
        this.simpleKeyAllowed = false;
      } else if (c === TAB) {
        this.fail(NO_TOKEN, this.pos); // block context, where a simple key may start
      } else {
        this.possibleKey(col);
        const crossed = this.plain();
        this.simpleKeyAllowed = crossed;
        if (crossed) this.keyColumn = -1;
      }
    }
  }

  private possibleKey(col: number): void {
    this.keyColumn = this.simpleKeyAllowed ? col : -1;
  }

  /** go-yaml's scan_to_next_token: spaces, tabs where allowed, comments, line breaks. */
  private toNextToken(): void {
    const n = this.s.length;
    for (;;) {
      if (this.pos === this.lineStart && this.c() === 0xfeff) this.pos++;
      for (;;) {
        const c = this.c();
        if (c === SP) this.pos++;
        else if (c === TAB && (this.flow > 0 || !this.simpleKeyAllowed)) {
          if (this.flow > 0 && this.atLineLead()) this.soften.push(this.pos);
          this.pos++;
        } else break;
      }
      if (this.c() === 0x23 /* # */) while (this.pos < n && !isBreak(this.c())) this.pos++;
      if (this.pos < n && isBreak(this.c())) {
        this.breakHere();
        if (this.flow === 0) {
          this.simpleKeyAllowed = true;
          this.keyColumn = -1;
        }
        continue;
      }
      return;
    }
  }

  /** A single- or double-quoted scalar; tabs in its continuation lines' indentation are softened. */
  private quoted(double: boolean): void {
    const s = this.s;
    const n = s.length;
    const quote = double ? 0x22 : 0x27;
    this.pos++;
    while (this.pos < n) {
      const c = this.c();
      if (this.isDocumentIndicator(this.pos)) return; // an error either reader reports
      if (isBreak(c)) {
        this.breakHere();
        while (isBlank(this.c())) {
          if (this.c() === TAB) this.soften.push(this.pos);
          this.pos++;
        }
        continue;
      }
      if (!double && c === quote && this.c(this.pos + 1) === quote) {
        this.pos += 2;
      } else if (c === quote) {
        this.pos++;
        return;
      } else if (double && c === 0x5c /* \ */) {
        this.pos++;
        if (!isBreak(this.c())) this.pos++;
      } else {
        this.pos++;
      }
    }
  }

  /** go-yaml's plain scalar; true when it ended after line breaks (a simple key may follow). */
  private plain(): boolean {
    const n = this.s.length;
    const indent = this.indent + 1;
    let leading = false;
    for (;;) {
      if (this.isDocumentIndicator(this.pos) || this.c() === 0x23) break;
      let stop = false;
      while (this.pos < n && !isBlankz(this.c())) {
        const c = this.c();
        const next = this.c(this.pos + 1);
        if (c === 0x3a && (isBlankz(next) || (this.flow > 0 && isFlowIndicator(next)))) stop = true;
        else if (this.flow > 0 && (isFlowIndicator(c) || c === 0x3f)) stop = true;
        if (stop) break;
        leading = false;
        this.pos++;
      }
      if (stop || !(isBlank(this.c()) || isBreak(this.c()))) break;
      while (isBlank(this.c()) || isBreak(this.c())) {
        if (isBlank(this.c())) {
          if (leading && this.column() < indent && this.c() === TAB) this.fail(VIOLATES, this.pos);
          if (this.flow > 0 && this.c() === TAB && this.atLineLead()) this.soften.push(this.pos);
          this.pos++;
        } else {
          this.breakHere();
          leading = true;
        }
      }
      if (this.flow === 0 && this.column() < indent) break;
    }
    return leading;
  }

  /** go-yaml's block scalar: header, then lines while they are indented enough. */
  private blockScalar(): void {
    const n = this.s.length;
    this.pos++;
    let increment = 0;
    for (let k = 0; k < 2; k++) {
      const c = this.c();
      if (c === 0x2b || c === 0x2d) this.pos++;
      else if (c >= 0x31 && c <= 0x39) {
        increment = c - 0x30;
        this.pos++;
      }
    }
    while (isBlank(this.c())) this.pos++;
    if (this.c() === 0x23) while (this.pos < n && !isBreak(this.c())) this.pos++;
    if (this.pos >= n) return;
    if (!isBreak(this.c())) return; // a malformed header: an error either reader reports
    this.breakHere();
    let indent = increment === 0 ? 0 : this.indent >= 0 ? this.indent + increment : increment;
    indent = this.blockBreaks(indent);
    while (this.column() === indent && this.pos < n) {
      while (this.pos < n && !isBreak(this.c())) this.pos++;
      if (this.pos >= n) return;
      this.breakHere();
      this.blockBreaks(indent);
    }
  }

  /** go-yaml's scan_block_scalar_breaks: indentation and empty lines; returns the indentation. */
  private blockBreaks(indent: number): number {
    let maxIndent = 0;
    for (;;) {
      while ((indent === 0 || this.column() < indent) && this.c() === SP) this.pos++;
      if (this.column() > maxIndent) maxIndent = this.column();
      if ((indent === 0 || this.column() < indent) && this.c() === TAB) this.fail(INDENT_SPACE, this.pos);
      if (!isBreak(this.c())) break;
      this.breakHere();
    }
    if (indent === 0) indent = Math.max(maxIndent, this.indent + 1, 1);
    return indent;
  }
}
