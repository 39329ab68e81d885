// The edits `carto migrate` makes: keys renamed where they are written, nothing else touched, so
// comments, key order, quoting and indentation stay as the user wrote them.
import { keySpan, type SourceDocument } from '../load/index.js';

export interface Edit {
  file: string;
  start: number;
  end: number;
  text: string;
  /** For the report: `spec.components → spec.resources`. */
  what: string;
  line: number;
}

/** An edit renaming the key at `path` to `to`, keeping its quotes; none if it is not written plainly. */
export function renameKey(doc: SourceDocument, path: readonly (string | number)[], to: string, what: string): Edit | undefined {
  const span = keySpan(doc, path);
  if (!span) return undefined;
  const written = doc.origin.text.slice(span.start, span.end);
  const from = String(path[path.length - 1]);
  const quote = written.startsWith('"') || written.startsWith("'") ? written[0] : '';
  if (written !== `${quote}${from}${quote}`) return undefined;
  const line = doc.origin.text.slice(0, span.start).split('\n').length;
  return { file: doc.file, start: span.start, end: span.end, text: `${quote}${to}${quote}`, what, line };
}

/** The text with the edits applied (each edit's offsets are in the original text). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
