// ytt's wording and layout for data values failures: the first line of an error broken at
// ": X" into indented lines (as its CLI prints every error), the "One or more data values were
// invalid" report of schema violations, and the YttError carrying them.
import { YttError } from '../types.js';
import type { YttErrorPosition } from '../types.js';

/** A position as ytt prints it in these reports: the file shown, the line, and that line's text. */
export interface SourcePos {
  file: string;
  line: number | null;
  source: string;
}

/** One violation in a schema report (ytt's schemaAssertionError). */
export interface Violation {
  pos: SourcePos;
  /** Positions of the annotations involved, shown above the value's line. */
  annotations?: SourcePos[];
  description?: string;
  found?: string;
  expected?: string;
  hints?: string[];
}

/** An error of the data values step; `message` is ytt's text before the CLI's line breaking. */
export class DataValuesError extends Error {
  constructor(
    message: string,
    public readonly positions: YttErrorPosition[] = [],
  ) {
    super(message);
  }

  /** The same error with ytt's wrapping text in front (e.g. "Overlaying data values (...): "). */
  wrap(prefix: string): DataValuesError {
    return new DataValuesError(prefix + this.message, this.positions);
  }

  toYttError(): YttError {
    return new YttError(this.message, this.positions, `ytt: Error: ${multiLineError(this.message)}\n`);
  }
}

/** An error of a schema (e.g. in a nested type) reported inside another schema error, as ytt nests them. */
export function nestedSchemaError(summary: string, inner: DataValuesError): DataValuesError {
  const e = schemaError(summary, [], [inner.message]);
  return new DataValuesError(e.message, inner.positions);
}

/** A set of violations reported as ytt reports them, under `summary` (other errors' texts last). */
export function schemaError(summary: string, violations: readonly Violation[], misc: readonly string[] = []): DataValuesError {
  const width = Math.max(0, ...violations.map((v) => lineText(v.pos).length));
  const pad = (delim: string, at = ''): string => `  ${at.padStart(width)} ${delim}`;
  let out = summary ? `\n${summary}\n${'='.repeat(summary.length)}\n` : '';
  for (const v of violations) {
    if (v.description) out += `\n${v.description}`;
    out += `\n${v.pos.file}:\n${pad('|')}`;
    const all = [...sortedByLine(v.annotations ?? []), v.pos];
    all.forEach((p, i) => {
      if (i > 0 && !nextTo(p, all[i - 1]!)) out += `\n${pad('|')} ...`;
      out += `\n${pad('|', lineText(p))} ${p.source}`;
    });
    out += `\n${pad('|')}`;
    out += '\n\n';
    if (v.found) out += `${pad('=')} found: ${v.found}`;
    out += '\n';
    if (v.expected) out += `${pad('=')} expected: ${v.expected}`;
    for (const h of v.hints ?? []) out += `\n${pad('=')} hint: ${h}`;
    out += '\n';
  }
  for (const m of misc) out += `${m} \n`;
  const positions = violations.map((v) => ({ context: null, file: v.pos.file, line: v.pos.line, source: v.pos.source }));
  return new DataValuesError(`${out}\n`, positions);
}

function lineText(p: SourcePos): string {
  return p.line === null ? '?' : String(p.line);
}

function sortedByLine(ps: readonly SourcePos[]): SourcePos[] {
  return [...ps].sort((a, b) => (a.line === null ? -1 : b.line === null ? 1 : a.line - b.line));
}

function nextTo(p: SourcePos, before: SourcePos): boolean {
  return p.file === before.file && p.line !== null && before.line !== null && p.line - before.line === 1;
}

/** A position as ytt's AsCompactString prints it: `file:3`, or `file:?` when the line is unknown. */
export function compactPos(p: SourcePos): string {
  return `${p.file ? `${p.file}:` : ''}${lineText(p)}`;
}

// ---------------------------------------------------------------------------
// ytt's CLI prints the first line of every error broken after each ": " that is followed by
// a capital letter and not inside brackets, each piece indented two spaces more.

const OPENERS: Record<string, string> = { '[': ']', '(': ')', '{': '}' };
const RAW_OPEN = '...|';
const RAW_CLOSE = '|...';

interface Piece {
  text: string; // leaf text (containers have none)
  open: string; // '' for the root, raw or a leaf
  raw: boolean;
  children: Piece[];
  closed: boolean;
}

export function multiLineError(message: string): string {
  const nl = message.indexOf('\n');
  const first = nl < 0 ? message : message.slice(0, nl);
  const root = parsePieces(first);
  for (const p of root.children) if (p.text) p.text = p.text.replace(/: ([A-Z])/g, ':\n$1');
  const lines = render(root).split('\n').map((l, i) => '  '.repeat(i) + l);
  return lines.join('\n') + (nl < 0 ? '' : message.slice(nl));
}

function parsePieces(s: string): Piece {
  const root: Piece = { text: '', open: '', raw: false, children: [], closed: false };
  const stack: Piece[] = [root];
  const addText = (p: Piece, c: string): void => {
    const last = p.children[p.children.length - 1];
    if (last && !last.open && !last.raw) last.text += c;
    else p.children.push({ text: c, open: '', raw: false, children: [], closed: false });
  };
  for (let i = 0; i < s.length; i++) {
    if (stack.length === 0) return root; // an unbalanced closer ends the parse (ytt drops the rest)
    const top = stack[stack.length - 1]!;
    const c = s[i]!;
    if (!top.raw) {
      if (c in OPENERS) {
        const p: Piece = { text: '', open: c, raw: false, children: [], closed: false };
        top.children.push(p);
        stack.push(p);
        continue;
      }
      if (c === ']' || c === ')' || c === '}') {
        top.closed = true;
        stack.pop();
        continue;
      }
    }
    if (i + RAW_OPEN.length < s.length && s.startsWith(RAW_OPEN, i)) {
      const p: Piece = { text: '', open: '', raw: true, children: [], closed: false };
      addText(p, c);
      top.children.push(p);
      stack.push(p);
    } else if (i - RAW_CLOSE.length + 1 >= 0 && s.slice(i - RAW_CLOSE.length + 1, i + 1) === RAW_CLOSE) {
      addText(top, c);
      top.closed = true;
      stack.pop();
    } else {
      addText(top, c);
    }
  }
  return root;
}

function render(p: Piece): string {
  if (p.text) return p.text;
  let out = p.open;
  for (const c of p.children) out += render(c);
  if (p.closed && p.open) out += OPENERS[p.open];
  return out;
}
