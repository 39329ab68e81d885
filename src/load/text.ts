// Reading bytes with a ceiling, and decoding them as UTF-8 strictly: Node's own decoding turns a
// bad byte into U+FFFD without a word, and kubectl (go-yaml) refuses such a file, so carto says
// where the first bad byte is instead.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError, UsageError } from '../diagnostics/diagnostic.js';
import { MAX_FILE_BYTES, formatBytes } from '../util/limits.js';

/**
 * At most `limit` bytes of a file (or of a file descriptor, e.g. 0 for stdin). A regular file is
 * read in one go after checking its size; anything else (a pipe, a device such as /dev/zero) in
 * chunks, stopping once more than the limit has arrived. The caller compares the length with the
 * limit it wants (ask for one byte more than that to tell "exactly at" from "beyond").
 */
export function readBounded(path: string | number, limit: number): Buffer {
  const fd = typeof path === 'number' ? path : openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    const chunks: Buffer[] = [];
    let total = 0;
    let size = stat.isFile() && stat.size > 0 ? Math.min(stat.size + 1, limit) : 64 * 1024;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(size, limit - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (err) {
        // A non-blocking stdin with nothing yet: wait for the writer a moment.
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          continue;
        }
        if ((err as NodeJS.ErrnoException).code === 'EOF') break;
        throw err;
      }
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total >= limit || (stat.isFile() && n < chunk.length)) break;
      size = 64 * 1024;
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } finally {
    if (typeof path !== 'number') closeSync(fd);
  }
}

export interface EncodingProblem {
  message: string;
  line?: number;
  column?: number;
  hint: string;
}

/** The text of UTF-8 bytes, or what is wrong with them (with the line and column of the first bad byte). */
export function decodeUtf8(bytes: Buffer): string | EncodingProblem {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return { message: 'it is UTF-16 (it starts with a UTF-16 byte order mark)', hint: 'save it as UTF-8, as Kubernetes manifests are' };
  }
  const offset = firstInvalidUtf8(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = bytes.subarray(lineStart, offset).toString('utf8').length + 1;
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return {
    message: `invalid byte 0x${byte} at line ${line}, column ${column} (byte offset ${offset})`,
    line,
    column,
    hint: 'save the file as UTF-8 (it may be Latin-1 or another legacy encoding); `kubectl apply` would reject it too',
  };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return n;
}

/**
 * A file's text for commands that read files outside readInputs (`carto ytt`, `carto test`'s
 * suites): unreadable is a UsageError, larger than MAX_FILE_BYTES or not UTF-8 an InputError.
 */
export function readTextFile(path: string | 0, name = typeof path === 'number' ? '<stdin>' : path): string {
  let bytes: Buffer;
  try {
    bytes = readBounded(path, MAX_FILE_BYTES + 1);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : err instanceof Error ? err.message : String(err);
    throw new UsageError(`cannot read ${name}: ${why}`);
  }
  if (bytes.length > MAX_FILE_BYTES) throw new InputError(`${name} is larger than carto's limit of ${formatBytes(MAX_FILE_BYTES)} for one file`);
  const text = decodeUtf8(bytes);
  if (typeof text !== 'string') throw new InputError(`${name} is not UTF-8 text: ${text.message}`);
  return text;
}

/** A file-system error as a few words, worded as Go's os package words them. */
export function errnoText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'not a directory';
  return err instanceof Error ? err.message : String(err);
}
