// Reads one input file's text under carto's limits: at most MAX_FILE_BYTES a file, within what is
// left of the command's byte budget, and valid UTF-8 (else a diagnostic that says where).
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { MAX_FILE_BYTES, MAX_TOTAL_BYTES, formatBytes } from '../util/limits.js';
import { limitDiagnostic } from './documents.js';
import { decodeUtf8, errnoText, readBounded } from './text.js';

/** A file's bytes under the limits, or which limit it went past (with carto's message). */
export type BytesRead = { ok: true; bytes: Buffer } | { ok: false; message: string };

/**
 * At most MAX_FILE_BYTES of a file (or of stdin, fd 0), within what is left of the command's byte
 * budget (spent here; -1 once it is exceeded). An unreadable path throws what `unreadable` makes.
 */
export function readWithinBudget(path: string | 0, name: string, budget: { bytes: number }, unreadable: (why: string) => Error): BytesRead {
  let bytes: Buffer;
  try {
    bytes = readBounded(path, Math.max(0, Math.min(MAX_FILE_BYTES, budget.bytes)) + 1);
  } catch (err) {
    throw unreadable(errnoText(err));
  }
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: `${name} is larger than carto's limit of ${formatBytes(MAX_FILE_BYTES)} for one file` };
  if (bytes.length > budget.bytes) {
    budget.bytes = -1;
    return { ok: false, message: `the inputs are larger than carto's limit of ${formatBytes(MAX_TOTAL_BYTES)} together` };
  }
  budget.bytes -= bytes.length;
  return { ok: true, bytes };
}

/**
 * A file's text (or stdin's, for fd 0): at most MAX_FILE_BYTES, within what is left of the run's
 * byte budget, and valid UTF-8. Unreadable is a usage error (thrown); too large or not UTF-8 is a
 * diagnostic (returned).
 */
export function readText(path: string | 0, name: string, budget: { bytes: number }): string | Diagnostic {
  const read = readWithinBudget(path, name, budget, (why) => new UsageError(`cannot read ${name}: ${why}`));
  if (!read.ok) return limitDiagnostic(read.message, name);
  const decoded = decodeUtf8(read.bytes);
  if (typeof decoded === 'string') return decoded;
  return {
    severity: 'error',
    code: 'invalid-encoding',
    message: `the file is not UTF-8 text: ${decoded.message}`,
    file: name,
    ...(decoded.line !== undefined ? { line: decoded.line, column: decoded.column } : {}),
    hint: decoded.hint,
  };
}
