// `--output-dir DIR`: one file per stamped object, DIR/<namespace>/<owner kind>-<owner name>/
// <resource>.yaml (what a stamped Runnable stamps: <resource>-run.yaml; a Runnable from the
// inputs: runnable-<name>/<run template>.yaml). Names come from the inputs, so each path segment
// is made safe (safeName) and every path is checked to stay inside DIR. The files appear together:
// all are written under temporary names first (the CLI writes each owner's as it is rendered),
// and renamed into place only when every one was written and rendering succeeded; on a failure
// the temporary files (and directories carto created) are removed.
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
  return new DirectoryPlan().plan(objects);
}

/** Plans the files of objects given a few at a time (an owner's): names stay unique across all. */
export class DirectoryPlan {
  // Compared without case: on macOS and Windows `App.yaml` and `app.yaml` are one file.
  private readonly used = new Set<string>();
  private budget = MAX_OUTPUT;

  plan(objects: readonly StampedObject[]): PlannedFile[] {
    return objects.map((stamped) => {
      const place = placeOf(stamped);
      const dir = join(safeName(place.namespace), safeName(place.owner));
      let base = safeName(place.base);
      for (let n = 2; this.used.has(join(dir, base).toLowerCase()); n++) base = `${safeName(place.base)}-${n}`;
      this.used.add(join(dir, base).toLowerCase());
      const text = `# Source: ${sourceOf(stamped)}\n${formatObject(stamped)}`;
      this.budget -= text.length;
      if (this.budget < 0) throw outputTooLarge();
      return { path: join(dir, `${base}.yaml`), text };
    });
  }
}

/**
 * Writes the planned files under `root`, all or none: a failure (a path that is a directory, no
 * permission, a full disk) removes what this call wrote and throws a UsageError naming the file.
 * Files already under `root` that are not planned are left alone.
 */
export function writeDirectory(root: string, files: readonly PlannedFile[]): void {
  const writer = new DirectoryWriter(root);
  writer.write(files);
  writer.commit();
}

/**
 * Writes files under `root` a batch at a time (an owner's, as they are rendered), each under a
 * temporary name beside its place; commit() renames them all into place, abort() removes them
 * and the directories it created. A batch that cannot be written aborts everything written so
 * far and throws a UsageError naming the file: nothing is left behind.
 */
export class DirectoryWriter {
  private readonly base: string;
  /** Where each file written so far goes (its temporary name is this and the suffix). */
  private readonly targets: string[] = [];
  /** Directories mkdir created, to remove on abort. */
  private readonly created: string[] = [];
  /** Directories under `root` found not to be symlinks. */
  private readonly checked = new Set<string>();
  private readonly suffix = `.tmp-${process.pid}-${Date.now().toString(36)}`;

  constructor(private readonly root: string) {
    this.base = resolve(root);
  }

  /** Files written so far. */
  get count(): number {
    return this.targets.length;
  }

  write(files: readonly PlannedFile[]): void {
    const targets = files.map((file) => this.target(file));
    // A directory inside `root` that is a symlink (one a pull request can commit) would take the
    // files wherever it points: refuse before this batch is written. `root` itself is the user's choice.
    for (const target of targets) {
      const link = symlinkBelow(this.base, dirname(target), this.checked);
      if (link !== undefined) {
        this.abort();
        throw new UsageError(`refusing to write into ${join(this.root, relative(this.base, link))}: it is a symlink, and carto writes only into real directories under ${this.root} (nothing was written)`);
      }
    }
    let current = this.root;
    try {
      files.forEach((file, i) => {
        const target = targets[i] as string;
        current = join(this.root, file.path);
        const first = mkdirSync(dirname(target), { recursive: true });
        if (first !== undefined) this.created.push(...dirsBetween(first, dirname(target)));
        if (isDirectory(target)) throw Object.assign(new Error('a directory is in the way'), { code: 'EISDIR' });
        // 'wx': never through an existing file or symlink of that name.
        writeFileSync(`${target}${this.suffix}`, file.text, { flag: 'wx' });
        this.targets.push(target);
      });
    } catch (err) {
      this.abort();
      throw new UsageError(`cannot write ${current}: ${reason(err)} (nothing was written)`);
    }
  }

  /** Renames every file written into place. */
  commit(): void {
    let renamed = 0;
    try {
      for (const target of this.targets) {
        renameSync(`${target}${this.suffix}`, target);
        renamed++;
      }
    } catch (err) {
      const total = this.targets.length;
      const current = join(this.root, relative(this.base, this.targets[renamed] as string));
      this.targets.splice(0, renamed);
      this.abort();
      throw new UsageError(`cannot write ${current}: ${reason(err)} (${renamed === 0 ? 'nothing was written' : `${renamed} of ${total} files were already in place`})`);
    }
    this.targets.length = 0;
    this.created.length = 0;
  }

  /** Removes the temporary files written and the directories created. Safe to call more than once. */
  abort(): void {
    for (const target of this.targets) tryTo(() => unlinkSync(`${target}${this.suffix}`));
    for (const dir of this.created.reverse()) tryTo(() => rmdirSync(dir));
    this.targets.length = 0;
    this.created.length = 0;
  }

  private target(file: PlannedFile): string {
    const target = resolve(this.base, file.path);
    const rel = relative(this.base, target);
    // safeName makes this impossible; checked anyway, as the last line of defence.
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`refusing to write ${file.path}: it is outside ${this.root}`);
    return target;
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

