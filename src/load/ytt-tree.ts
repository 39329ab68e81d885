// Reads one `-f` argument of a ytt run the way ytt 0.45.9 reads it: a file (named by its base
// name, or NAME for `-f NAME=PATH`), `-` for stdin (named `stdin.yml`), or a directory, always
// walked recursively, every file included whatever its extension (hidden ones too), named by its
// path relative to the directory, in byte order of those names. Symlinks are refused unless
// allowed, as ytt refuses them. Texts are read within carto's byte limits.
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError, UsageError } from '../diagnostics/diagnostic.js';
import { MAX_TOTAL_BYTES } from '../util/limits.js';
import { decodeUtf8, errnoText } from './text.js';
import { readWithinBudget } from './input-text.js';

/** One file of a ytt run: `name` as ytt names it, `path` as the user can open it. */
export interface YttTreeFile {
  name: string;
  path: string;
  text: string;
}

export interface YttTreeOptions {
  /** Reads all of stdin (for `-`); by default fd 0 within the byte limits. */
  readStdin?: () => string;
  /** Bytes left for all the files of the command (shared between calls, decremented). */
  budget?: { bytes: number };
  /**
   * Symlinks to follow: none (ytt's default), all (`--dangerous-allow-all-symlink-destinations`)
   * or those whose destination is inside one of these directories (`--allow-symlink-destination`).
   */
  allowSymlinks?: boolean | readonly string[];
}

/**
 * An argument that cannot be read: a usage error for carto, with the message ytt prints for it
 * (`ytt`, without `ytt: Error: `) so that `carto ytt` can print exactly that.
 */
export class YttPathError extends UsageError {
  constructor(
    message: string,
    readonly ytt: string,
  ) {
    super(message);
  }
}

/** A `--data-values-file [@lib:]PATH` argument: the path ytt reads it from (the `@lib:` part says which library takes it). */
export function dataValuesFilePath(arg: string): string {
  return arg.startsWith('@') && arg.includes(':') ? arg.slice(arg.indexOf(':') + 1) : arg;
}

/** A fresh byte budget for the files of one command. */
export function yttTreeBudget(): { bytes: number } {
  return { bytes: MAX_TOTAL_BYTES };
}

/** The files one `-f` argument stands for, in ytt's order. Throws YttPathError, or InputError beyond a limit. */
export function readYttArgument(arg: string, options: YttTreeOptions = {}): YttTreeFile[] {
  const budget = options.budget ?? yttTreeBudget();
  const pieces = arg.split('=');
  if (pieces.length > 2) {
    throw new YttPathError(`-f ${arg}: give NAME=PATH with a single '='`, `Expected file '${arg}' to only have single '=' sign to for relative path assignment`);
  }
  const [named, path] = pieces.length === 2 ? [pieces[0]!, pieces[1]!] : [null, arg];
  if (path === '-') {
    const text = options.readStdin ? options.readStdin() : readText(0, '<stdin>', budget, true);
    return [{ name: named || 'stdin.yml', path: '<stdin>', text }];
  }
  if (/^https?:\/\//.test(path)) {
    throw new YttPathError(`cannot read ${path}: carto does not fetch files over the network; download it and give the file`, `Reading URL '${path}': carto does not fetch files over the network`);
  }
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch (err) {
    throw new YttPathError(`cannot read ${path}: ${errnoText(err)}`, `Checking file '${path}': lstat ${path}: ${errnoText(err)}`);
  }
  if (!stat.isDirectory()) {
    checkEntry(path, stat, options.allowSymlinks ?? false, null);
    return [{ name: named || baseName(path), path, text: readText(path, path, budget, isTextType(path)) }];
  }
  return listYttDirectory(path, options).map((f) => ({ ...f, text: readText(f.path, f.path, budget, isTextType(f.name)) }));
}

/**
 * The files `ytt -f DIR` reads, named and ordered as ytt names and orders them, without reading
 * them (ytt's checks on each: regular files and named pipes, symlinks only when allowed).
 * `skipDirectory` leaves out directories ytt would read but a caller does not want (e.g. `.git`).
 */
export function listYttDirectory(dir: string, options: YttTreeOptions & { skipDirectory?: (path: string) => boolean } = {}): { name: string; path: string }[] {
  const found: { name: string; path: string }[] = [];
  walk(dir, '', options, found, dir);
  found.sort((a, b) => compareBytes(a.name, b.name));
  return found;
}

function walk(dir: string, prefix: string, options: YttTreeOptions & { skipDirectory?: (path: string) => boolean }, out: { name: string; path: string }[], top: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new YttPathError(`cannot read directory ${dir}: ${errnoText(err)}`, `Listing files '${top}': open ${dir}: ${errnoText(err)}`);
  }
  entries.sort((a, b) => compareBytes(a.name, b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!options.skipDirectory?.(path)) walk(path, `${prefix}${entry.name}/`, options, out, top);
      continue;
    }
    checkEntry(path, lstatSync(path), options.allowSymlinks ?? false, top);
    out.push({ name: prefix + entry.name, path });
  }
}

/** ytt's checks on a file that is not a directory: a regular file, a named pipe or an allowed symlink. */
function checkEntry(path: string, stat: Stats, allow: boolean | readonly string[], top: string | null): void {
  const within = (ytt: string): string => (top === null ? ytt : `Listing files '${top}': ${ytt}`);
  if (stat.isSymbolicLink()) {
    if (allow === true) return;
    let dest: string;
    try {
      dest = realpathSync(path);
    } catch (err) {
      throw new YttPathError(`cannot read ${path}: a symlink to nothing readable (${errnoText(err)})`, within(`Checking symlink file '${path}': Eval symlink: ${errnoText(err)}`));
    }
    if (allow !== false && allow.some((dir) => isInside(dest, resolve(dir)))) return;
    const shown = isAbsolute(path) ? dest : relativeIfInside(dest);
    throw new YttPathError(
      `cannot read ${path}: it is a symlink (to ${shown}); ytt refuses symlinks unless their destination is allowed (carto ytt --allow-symlink-destination DIR)`,
      within(`Checking symlink file '${path}': Expected symlink file '${path}' -> '${shown}' to be allowed, but was not (hint: symlinks are disallowed as a security feature, use '--allow-symlink-destination' flags to override)`),
    );
  }
  if (!stat.isFile() && !stat.isFIFO()) {
    throw new YttPathError(`cannot read ${path}: not a regular file`, within(`Expected file '${path}' to be a regular file, but was not`));
  }
}

function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

function relativeIfInside(dest: string): string {
  const rel = relative(process.cwd(), dest);
  return rel.startsWith('..') || isAbsolute(rel) ? dest : rel;
}

/**
 * A file's text within carto's limits. Files ytt reads as templates or code (YAML, Starlark, text)
 * must be UTF-8; other files are data that templates may read, decoded leniently.
 */
function readText(path: string | 0, name: string, budget: { bytes: number }, strict: boolean): string {
  const read = readWithinBudget(path, name, budget, (why) => new YttPathError(`cannot read ${name}: ${why}`, `Reading file '${name}': ${why}`));
  if (!read.ok) throw new InputError(budget.bytes < 0 ? `${read.message} (at ${name})` : read.message);
  if (!strict) return read.bytes.toString('utf8');
  const text = decodeUtf8(read.bytes);
  if (typeof text !== 'string') throw new InputError(`${name} is not UTF-8 text: ${text.message}`);
  return text;
}

function isTextType(name: string): boolean {
  return /\.(ya?ml|star|txt)$/.test(name);
}

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's string order (by UTF-8 bytes), which differs from JavaScript's for characters beyond U+FFFF. */
function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\ud7ff]*$/.test(a) && /^[\u0000-\ud7ff]*$/.test(b)) return a < b ? -1 : 1;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
