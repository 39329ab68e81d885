// Writes to stdout/stderr with plain file-descriptor writes: creating Node's process.stdout
// and process.stderr streams costs a cold start ~10 ms (tty/net/stream modules), and a CLI that
// writes once at the end does not need them.
import { writeSync } from 'node:fs';

/** Text, or bytes already encoded (render's output copied from its temporary file). */
export function writeOut(text: string | Uint8Array): void {
  writeAll(1, text);
}

export function writeErr(text: string): void {
  writeAll(2, text);
}

function writeAll(fd: number, text: string | Uint8Array): void {
  if (text.length === 0) return;
  // Usually one write takes it all, without first copying megabytes into a Buffer.
  let written = 0;
  try {
    written = typeof text === 'string' ? writeSync(fd, text) : writeSync(fd, text);
    if (written === (typeof text === 'string' ? Buffer.byteLength(text) : text.length)) return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw err;
  }
  // A short write (a full non-blocking pipe): write the remaining bytes piece by piece.
  let buffer = (typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.length)).subarray(written);
  while (buffer.length > 0) {
    try {
      const written = writeSync(fd, buffer);
      buffer = buffer.subarray(written);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A non-blocking pipe that is full: wait for the reader a moment and try again.
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      // The reader went away (`carto render | head`): nothing more to say to it.
      if (code === 'EPIPE') return;
      throw err;
    }
  }
}
