// Finds the ytt packages among the inputs: a directory argument that holds a ytt file anywhere
// below it is read as `ytt -f DIR` reads it (every file, recursively, named relative to DIR), so
// that its schema, values, helpers and overlays meet its templates. Plain directories keep
// kubectl's reading (their manifests; -R to descend).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { errnoText } from './text.js';

/** A `#@` directive at the start of a line (not inside an indented spec.ytt body). */
const DIRECTIVE = /^#@/m;
/** A data values or data values schema document, which shapes every template of its package. */
const DATA_VALUES = /^#@data\/values/m;
/** Files carto reads as manifests from a plain directory. */
export const MANIFEST = /\.(ya?ml|json)$/i;
export const YAML_FILE = /\.ya?ml$/i;
export const JSON_FILE = /\.json$/i;
/** Files ytt evaluates (the others in a package are data, read only by `data.read()`). */
const YTT_SOURCE = /\.(ya?ml|star|txt)$/i;

/** True for the text of a YAML file that ytt would have to evaluate (a top-level `#@` directive). */
export function isYttTemplateText(text: string): boolean {
  return DIRECTIVE.test(text);
}

/** True for the text of a data values (schema) file. */
export function isDataValuesText(text: string): boolean {
  return DATA_VALUES.test(text);
}

/** True for a file of a package that ytt evaluates (a template, Starlark, a text template). */
export function isYttSource(name: string): boolean {
  return YTT_SOURCE.test(name);
}

/** True for a file named on the command line that can only be read as part of a ytt run. */
export function isYttInput(path: string, text: string): boolean {
  return path.endsWith('.star') || (!JSON_FILE.test(path) && isYttTemplateText(text));
}

/** The manifests of a listed directory: its *.yaml, *.yml and *.json, and its subdirectories' when recursive. */
export function manifestsOf(tree: readonly TreeFile[], recursive: boolean): TreeFile[] {
  return tree.filter((f) => MANIFEST.test(f.name) && (recursive || !f.name.includes('/')));
}

export interface TreeFile {
  /** As ytt names it: relative to the directory argument, with `/`. */
  name: string;
  /** As the user can open it. */
  path: string;
  /** A symlink (to a regular file): kubectl reads it, ytt refuses it in a package. */
  symlink?: true;
}

/**
 * Every file under `dir`, in ytt's order (by path), as `ytt -f DIR` lists them — except version
 * control metadata (`.git`), which ytt would read as data files, and directories holding a file
 * named in `skipHolding` (the caller's: a `carto test` suite's expectations are not inputs).
 * Throws UsageError for an unreadable directory.
 */
export function listTree(dir: string, skipHolding: readonly string[] = [], skip: (path: string) => boolean = () => false): TreeFile[] {
  const out: TreeFile[] = [];
  walk(dir, dir, { skipHolding, skip }, out);
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}

/** What a walk leaves out: directories holding a marker file, and paths `skip` says (not descended into). */
interface WalkSkips {
  skipHolding: readonly string[];
  skip: (path: string) => boolean;
}

function walk(root: string, dir: string, skips: WalkSkips, out: TreeFile[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new UsageError(`cannot read directory ${dir}: ${errnoText(err)}`);
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (skips.skip(path)) continue;
    if (entry.isDirectory()) {
      // ytt would read a repository's .git as data files
      if (entry.name === '.git' || skips.skipHolding.some((marker) => existsSync(join(path, marker)))) continue;
      walk(root, path, skips, out);
    } else if (entry.isFile()) {
      out.push({ name: relative(root, path).split(sep).join('/'), path });
    } else {
      // Only regular files (or symlinks to one): not a device (/dev/zero), a FIFO or a socket that
      // could block or never end. Named like a manifest, it is a mistake worth stopping for.
      const problem = entry.isSymbolicLink() ? symlinkProblem(path) : 'not a regular file';
      if (problem === null) out.push({ name: relative(root, path).split(sep).join('/'), path, symlink: true });
      else if (MANIFEST.test(entry.name)) throw new UsageError(`cannot read ${path}: ${problem}`);
    }
  }
}

/** True when a listed tree is a ytt package: a `.star` file, a `_ytt_lib` library, or a YAML file with a top-level `#@`. */
export function isYttPackage(files: readonly TreeFile[], textOf: (file: TreeFile) => string | undefined): boolean {
  if (files.some((f) => f.name.endsWith('.star') || f.name.startsWith('_ytt_lib/') || f.name.includes('/_ytt_lib/'))) return true;
  return files.some((f) => YAML_FILE.test(f.name) && isYttTemplateText(textOf(f) ?? ''));
}

function symlinkProblem(path: string): string | null {
  try {
    return statSync(path).isFile() ? null : 'a symlink to something other than a regular file';
  } catch (err) {
    return `a symlink to nothing readable (${errnoText(err)})`;
  }
}
