// The file-system access `carto test` needs, behind one small interface: listing a directory,
// telling files from directories, reading text. src/testing works only on this interface, so
// suites can be built and run from memory in tests; `nodeFs` is the real thing (bounded UTF-8
// reads, Go's order of directory entries). Error messages are worded as Go's os package words
// them (`open X: no such file or directory`), because cartotest's own messages embed them.
import { readdirSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES, formatBytes } from '../util/limits.js';
import { decodeUtf8, errnoText, readBounded } from './text.js';

export interface DirEntry {
  name: string;
  /** A directory (a symlink to one is not, as with Go's os.ReadDir). */
  dir: boolean;
}

export interface SuiteFs {
  /** A directory's entries sorted by name, like Go's os.ReadDir. Throws FsError. */
  list(dir: string): DirEntry[];
  /** What is at `path` (following symlinks), or undefined when nothing is. */
  kind(path: string): 'file' | 'dir' | undefined;
  /** A file's text. Throws FsError. */
  read(path: string): string;
}

/** A file-system failure, with Go's wording. */
export class FsError extends Error {
  override readonly name = 'FsError';
}

export const nodeFs: SuiteFs = {
  list(dir) {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .map((e) => ({ name: e.name, dir: e.isDirectory() }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      throw new FsError(`open ${dir}: ${errnoText(err)}`);
    }
  },
  kind(path) {
    try {
      const stat = statSync(path);
      return stat.isDirectory() ? 'dir' : 'file';
    } catch {
      return undefined;
    }
  },
  read(path) {
    let bytes: Buffer;
    try {
      // Bounded: a suite's file may be a symlink to /dev/zero or a FIFO.
      bytes = readBounded(path, MAX_FILE_BYTES + 1);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new FsError(code === 'EISDIR' ? `read ${path}: is a directory` : `open ${path}: ${errnoText(err)}`);
    }
    if (bytes.length > MAX_FILE_BYTES) throw new FsError(`read ${path}: larger than carto's limit of ${formatBytes(MAX_FILE_BYTES)} for one file`);
    const text = decodeUtf8(bytes);
    if (typeof text !== 'string') throw new FsError(`read ${path}: not UTF-8 text: ${text.message}`);
    return text;
  },
};
