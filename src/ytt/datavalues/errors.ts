// ytt's wording and layout for data values failures: the "One or more data values were invalid"
// report of schema violations, and the YttError carrying them (laid out by ../errors.ts as ytt's
// CLI lays out every error).
import { YttError } from '../types.js';
import type { YttErrorPosition } from '../types.js';
import { errorText } from '../error-layout.js';

/** A position as ytt prints it in these reports: the file shown, the line, and that line's text. */
export interface SourcePos {
  file: string;
  line: number | null;
  source: string;
  /** A value built from a Starlark value (with_data_values()): no file, `source` is ytt's text for it. */
  memory?: boolean;
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
    return new YttError(this.message, this.positions, errorText(this.message), this.message);
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
    if (v.pos.memory) {
      out += `\nData value calculated:\n${pad('#')}\n${pad('#')} ${v.pos.source}\n${pad('#')}`;
    } else {
      out += `\n${v.pos.file}:\n${pad('|')}`;
      const all = [...sortedByLine(v.annotations ?? []), v.pos];
      all.forEach((p, i) => {
        if (i > 0 && !nextTo(p, all[i - 1]!)) out += `\n${pad('|')} ...`;
        out += `\n${pad('|', lineText(p))} ${p.source}`;
      });
      out += `\n${pad('|')}`;
    }
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
