// `--output-dir DIR`: one file per stamped object, DIR/<namespace>/<owner kind>-<owner name>/
// <resource>.yaml (what a stamped Runnable stamps: <resource>-run.yaml; a Runnable from the
// inputs: runnable-<name>/<run template>.yaml). Names come from the inputs, so each path segment
// is made safe (safeName) and every path is checked to stay inside DIR. Nothing is written unless
// rendering succeeded (the caller renders first, then writes), and the files appear together:
// all are written under temporary names first, and renamed into place only when every one was
// written; on a failure the temporary files (and directories carto created) are removed.
import { lstatSync, mkdirSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { MAX_OUTPUT } from '../util/limits.js';
import { formatObject, outputTooLarge } from './stream.js';
import type { StampedObject } from '../render/index.js';
import { placeOf, sourceOf } from './source-comment.js';

export interface PlannedFile {
  /** Relative to the output directory. */
  path: string;
  text: string;
}

/** The files an output directory would receive (pure: nothing is written). */
export function planDirectory(objects: readonly StampedObject[]): PlannedFile[] {
  // Compared without case: on macOS and Windows `App.yaml` and `app.yaml` are one file.
  const used = new Set<string>();
  let budget = MAX_OUTPUT;
  return objects.map((stamped) => {
    const place = placeOf(stamped);
    const dir = join(safeName(place.namespace), safeName(place.owner));
    let base = safeName(place.base);
    for (let n = 2; used.has(join(dir, base).toLowerCase()); n++) base = `${safeName(place.base)}-${n}`;
    used.add(join(dir, base).toLowerCase());
    const text = `# Source: ${sourceOf(stamped)}\n${formatObject(stamped)}`;
    budget -= text.length;
    if (budget < 0) throw outputTooLarge();
    return { path: join(dir, `${base}.yaml`), text };
  });
}

/**
 * Writes the planned files under `root`, all or none: a failure (a path that is a directory, no
 * permission, a full disk) removes what this call wrote and throws a UsageError naming the file.
 * Files already under `root` that are not planned are left alone.
 */
export function writeDirectory(root: string, files: readonly PlannedFile[]): void {
  const base = resolve(root);
  const targets = files.map((file) => {
    const target = resolve(base, file.path);
    const rel = relative(base, target);
    // safeName makes this impossible; checked anyway, as the last line of defence.
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`refusing to write ${file.path}: it is outside ${root}`);
    return target;
  });
  // A directory inside `root` that is a symlink (one a pull request can commit) would take the
  // files wherever it points: refuse before anything is written. `root` itself is the user's choice.
  const checked = new Set<string>();
  for (const target of targets) {
    const link = symlinkBelow(base, dirname(target), checked);
    if (link !== undefined) {
      throw new UsageError(`refusing to write into ${join(root, relative(base, link))}: it is a symlink, and carto writes only into real directories under ${root} (nothing was written)`);
    }
  }
  const created: string[] = [];
  const temps: string[] = [];
  const suffix = `.tmp-${process.pid}-${Date.now().toString(36)}`;
  const undo = (): void => {
    for (const temp of temps) tryTo(() => unlinkSync(temp));
    for (const dir of created.reverse()) tryTo(() => rmdirSync(dir));
  };
  let current = root;
  let renamed = 0;
  try {
    files.forEach((file, i) => {
      const target = targets[i] as string;
      current = join(root, file.path);
      const first = mkdirSync(dirname(target), { recursive: true });
      if (first !== undefined) created.push(...dirsBetween(first, dirname(target)));
      if (isDirectory(target)) throw Object.assign(new Error('a directory is in the way'), { code: 'EISDIR' });
      const temp = `${target}${suffix}`;
      // 'wx': never through an existing file or symlink of that name.
      writeFileSync(temp, file.text, { flag: 'wx' });
      temps.push(temp);
    });
    files.forEach((file, i) => {
      current = join(root, file.path);
      renameSync(temps[i] as string, targets[i] as string);
      renamed++;
    });
  } catch (err) {
    temps.splice(0, renamed);
    undo();
    const what = renamed === 0 ? 'nothing was written' : `${renamed} of ${files.length} files were already in place`;
    throw new UsageError(`cannot write ${current}: ${reason(err)} (${what})`);
  }
}

/** The first existing path between `base` (excluded) and `dir` that is a symlink, if any. */
function symlinkBelow(base: string, dir: string, checked: Set<string>): string | undefined {
  let current = base;
  for (const segment of relative(base, dir).split(sep)) {
    if (segment === '') continue;
    current = join(current, segment);
    if (checked.has(current)) continue;
    let stats;
    try {
      stats = lstatSync(current);
    } catch {
      return undefined; // nothing below a missing directory exists yet: mkdir makes real ones
    }
    if (stats.isSymbolicLink()) return current;
    checked.add(current);
  }
  return undefined;
}

/** `first` and every directory below it down to `last` (mkdir -p created them all). */
function dirsBetween(first: string, last: string): string[] {
  const dirs: string[] = [];
  for (let d = resolve(last); ; d = dirname(d)) {
    dirs.unshift(d);
    if (d === resolve(first) || dirname(d) === d) break;
  }
  return dirs;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function tryTo(action: () => void): void {
  try {
    action();
  } catch {
    // best effort: the error being reported matters more
  }
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EISDIR') return 'a directory is in the way';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of a directory';
  if (code === 'EROFS') return 'read-only file system';
  return err instanceof Error ? err.message : String(err);
}

/** A name that is one safe path segment: no separators, no `..`, no control characters. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_').slice(0, 200);
  return cleaned === '' ? '_' : cleaned;
}

