// `carto diff --base REV`: the inputs as they were at a git revision, read through git (ls-tree and
// cat-file), never by checking anything out — the work tree, the index and HEAD stay as they are.
// The files are written under a temporary directory, which the caller reads as it reads any inputs
// and removes afterwards; diagnostics name them `REV:path`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { MAX_TOTAL_BYTES } from '../util/limits.js';

export interface RevisionTree {
  /** Where the files of REV under the asked paths now are. */
  root: string;
  /** The top of the git work tree the paths are in. */
  top: string;
  /** Each asked path (as given) → the same path in the temporary tree. */
  paths: string[];
  /** The asked paths (as given) that hold no file at the revision (added since): an empty
   *  directory stands for each in the temporary tree. */
  missing: string[];
  /** `/tmp/carto-base-x/config/a.yaml` → `origin/main:config/a.yaml`. */
  name(file: string): string;
  remove(): void;
}

function git(args: readonly string[], cwd: string, input?: Buffer): Buffer {
  const result = spawnSync('git', args, { cwd, maxBuffer: MAX_TOTAL_BYTES * 2, ...(input ? { input } : {}) });
  if (result.error) throw new UsageError(`--base needs git, which could not be run: ${result.error.message}`);
  if (result.status !== 0) throw new GitError(result.stderr.toString().trim().split('\n')[0] ?? `git ${args[0]} failed`);
  return result.stdout;
}

class GitError extends Error {}

/** The files of `rev` under `paths` (relative to `cwd`, which must be inside a git work tree). */
export function readRevision(rev: string, paths: readonly string[], cwd: string): RevisionTree {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).toString().trim();
  } catch (e) {
    throw new UsageError(`--base ${rev}: ${cwd} is not inside a git repository (${(e as Error).message})`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd);
  } catch {
    throw new UsageError(`--base ${rev}: no such revision in the git repository at ${top} (try git fetch, or a branch, tag or commit that exists)`);
  }
  const asked = paths.map((p) => {
    const inRepo = relative(top, resolve(realpathSync(cwd), p));
    if (inRepo.startsWith('..') || isAbsolute(inRepo)) throw new UsageError(`--base ${rev}: ${p} is outside the git repository at ${top}`);
    return inRepo;
  });
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', rev, '--', ...asked.map((p) => (p === '' ? '.' : p))], top).toString('utf8');
  const blobs: Array<{ oid: string; path: string }> = [];
  for (const entry of listing.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = entry.slice(0, tab).split(' ');
    // Plain and executable files; symlinks and submodules are not inputs at a revision.
    if (type === 'blob' && (mode === '100644' || mode === '100755') && oid) blobs.push({ oid, path: entry.slice(tab + 1) });
  }
  const root = mkdtempSync(join(tmpdir(), 'carto-base-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  const holds = (p: string) => p === '' || blobs.some((b) => b.path === p || b.path.startsWith(`${p}/`));
  const missing = paths.filter((_, i) => !holds((asked[i] as string).split(sep).join('/')));
  try {
    writeBlobs(root, blobs, top);
    for (const p of asked) if (!holds(p.split(sep).join('/'))) mkdirSync(join(root, p), { recursive: true });
  } catch (e) {
    remove();
    throw e;
  }
  const prefix = root + sep;
  return {
    root,
    top,
    paths: asked.map((p) => join(root, p)),
    missing,
    name: (file) => (file.startsWith(prefix) ? `${rev}:${file.slice(prefix.length).split(sep).join('/')}` : file),
    remove,
  };
}

/** The files of the work tree at `top` git knows of or would add (tracked, and untracked but not ignored), relative to it. */
export function workTreeFiles(top: string): string[] {
  try {
    return git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], top).toString('utf8').split('\0').filter((f) => f !== '');
  } catch {
    return [];
  }
}

/**
 * The files and directories of the work tree under `top` that git ignores (absolute; a directory
 * whole): what "the rest of the repository" leaves out (node_modules, build output).
 */
export function ignoredPaths(top: string): string[] {
  try {
    return git(['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'], top)
      .toString('utf8').split('\0').filter((f) => f !== '').map((f) => resolve(top, f.replace(/\/$/, '')));
  } catch {
    return [];
  }
}

/** `git cat-file --batch`: every blob in one process, each `<oid> blob <size>\n<bytes>\n`. */
function writeBlobs(root: string, blobs: ReadonlyArray<{ oid: string; path: string }>, top: string): void {
  if (blobs.length === 0) return;
  const out = git(['cat-file', '--batch'], top, Buffer.from(blobs.map((b) => b.oid).join('\n') + '\n'));
  let at = 0;
  for (const blob of blobs) {
    const eol = out.indexOf(0x0a, at);
    const size = Number(out.subarray(at, eol).toString().split(' ')[2]);
    const body = out.subarray(eol + 1, eol + 1 + size);
    at = eol + 1 + size + 1;
    const target = resolve(root, blob.path);
    // git paths never climb out of the tree; checked anyway, as the last line of defence.
    if (!target.startsWith(root + sep)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
  }
}
