// Where `carto render` keeps its output until it knows the render succeeded: stdout gets all of it
// or nothing, yet memory stays flat however many owners are rendered. The first few MB stay in
// memory (a usual render never touches the disk); past them, everything goes to a temporary file
// in the system's temporary directory (TMPDIR), created 0600 and removed from the directory at
// once where the system allows it (POSIX: the open file lives on, nameless, until carto closes it
// or exits, even killed), otherwise removed when carto closes it or exits. drain() copies it all
// to stdout; discard() drops it.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_OUTPUT } from '../util/limits.js';
import { outputTooLarge } from './stream.js';

/** Characters kept in memory before the output moves to a temporary file. */
export const SPOOL_MEMORY = 4 * 1024 * 1024;
/**
 * Bytes gathered before each write to the file (one write per owner would be many small writes).
 * They are encoded into a buffer outside the JavaScript heap as each text comes: a text kept until
 * a batch is full would outlive a young-generation collection or two and be promoted, and the old
 * generation would fill with hundreds of MB of written text before V8 collected it.
 */
const BATCH = 1024 * 1024;
/** Bytes read back at a time when copying the file out. */
const CHUNK = 1024 * 1024;

export class Spool {
  /** What is written while it stays in memory. */
  private parts: string[] = [];
  private pending = 0;
  private total = 0;
  private fd: number | undefined;
  /** Once on disk: bytes waiting to be written, `used` of them. */
  private batch: Buffer | undefined;
  private used = 0;
  /** The file's name, while it still has one (where it cannot be removed while open). */
  private named: string | undefined;
  private readonly removeAtExit = (): void => this.discard();

  constructor(private readonly memory = SPOOL_MEMORY, private readonly dir = tmpdir()) {}

  /** Characters written so far. */
  get length(): number {
    return this.total;
  }

  /** True once the output has moved to the temporary file. */
  get onDisk(): boolean {
    return this.fd !== undefined;
  }

  /** The temporary file's descriptor (tests look at its mode), when there is one. */
  get descriptor(): number | undefined {
    return this.fd;
  }

  write(text: string): void {
    if (text === '') return;
    this.total += text.length;
    if (this.total > MAX_OUTPUT) throw outputTooLarge();
    if (this.fd !== undefined) {
      this.encode(text);
      return;
    }
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending > this.memory) {
      this.open();
      const held = this.parts.join('');
      this.parts = [];
      this.pending = 0;
      this.encode(held);
    }
  }

  /** Hands everything written to `sink`, in order, then releases the file. */
  drain(sink: (chunk: string | Uint8Array) => void): void {
    if (this.fd === undefined) {
      const text = this.parts.join('');
      this.parts = [];
      sink(text);
      return;
    }
    this.flush();
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let position = 0; ; ) {
      const n = readSync(this.fd, buffer, 0, CHUNK, position);
      if (n === 0) break;
      sink(buffer.subarray(0, n));
      position += n;
    }
    this.discard();
  }

  /** Drops everything: the memory, and the temporary file. Safe to call more than once. */
  discard(): void {
    this.parts = [];
    this.pending = 0;
    this.batch = undefined;
    this.used = 0;
    if (this.fd !== undefined) {
      tryTo(() => closeSync(this.fd as number));
      this.fd = undefined;
    }
    if (this.named !== undefined) {
      const name = this.named;
      this.named = undefined;
      tryTo(() => unlinkSync(name));
      process.removeListener('exit', this.removeAtExit);
    }
  }

  private open(): void {
    const path = join(this.dir, `carto-output-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`);
    // 'wx+': created here (never through an existing file or symlink), read and written, 0600.
    this.fd = openSync(path, 'wx+', 0o600);
    try {
      unlinkSync(path);
    } catch {
      // Windows: an open file cannot be removed; it is when closed, or at exit at the latest.
      this.named = path;
      process.on('exit', this.removeAtExit);
    }
  }

  /** Adds text to the batch, writing the batch out when it is full. */
  private encode(text: string): void {
    const batch = (this.batch ??= Buffer.allocUnsafe(BATCH));
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.used + bytes > batch.length) this.flush();
    if (bytes > batch.length) this.writeBytes(Buffer.from(text, 'utf8'));
    else this.used += batch.write(text, this.used, 'utf8');
  }

  private flush(): void {
    if (this.batch === undefined || this.used === 0) return;
    this.writeBytes(this.batch.subarray(0, this.used));
    this.used = 0;
  }

  private writeBytes(bytes: Uint8Array): void {
    for (let written = 0; written < bytes.length; ) written += writeSync(this.fd as number, bytes, written);
  }
}

function tryTo(action: () => void): void {
  try {
    action();
  } catch {
    // best effort: the file is going away anyway
  }
}
