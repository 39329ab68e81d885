// `carto diff OLD NEW` and `carto diff --base REV [PATH...]`: renders both sides with the same
// flags and prints what changes, object by object. Exit codes as diff's: 0 no differences,
// 1 differences, 2 trouble (a usage error, or a side that cannot be read or rendered at all: stderr
// says which side and why, stdout stays empty).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatReviewJson, formatReviewMarkdown, formatReviewStat, formatReviewText, reviewSummary } from '../emit/index.js';
import { isInputError, isUsageError, UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readRevision, type RevisionTree } from '../load/index.js';
import { render, type RenderResult } from '../render/index.js';
import { compareRenders } from '../review/index.js';
import { formatDiagnostics } from './diagnostics.js';
import { writeErr, writeOut } from './io.js';
import { prepareRender } from './render-options.js';
import { makeStyle, type Style } from './style.js';
import { holdsNoOwner, noOwnerHint, repositorySides } from './diff-context.js';

export interface SideInput {
  label: string;
  paths: string[];
  /** Names files of a --base revision as `REV:path` in messages. */
  rename?: (file: string) => string;
  /** Read directories recursively, leaving these paths out (the rest of a repository: diff-context.ts). */
  exclude?: string[];
  /** What to say when neither side holds an owner, when the default would not do. */
  noOwnerHint?: string;
  /** A hint for a side that cannot be read or rendered at all. */
  troubleHint?: (errors: readonly Diagnostic[]) => string;
}

export async function runDiff(paths: string[], options: Record<string, unknown>): Promise<number> {
  const errStyle = await makeStyle(options['color'] !== false);
  const base = options['base'] as string | undefined;
  const format = (options['output'] as string | undefined) ?? 'text';
  if (options['stat'] === true && format !== 'text') throw new UsageError(`--stat is a text report; -o ${format} has its own form: choose one`);
  const context = contextLines(options['unified']);
  let tree: RevisionTree | undefined;
  const given = [...paths, ...((options['filename'] as string[] | undefined) ?? [])];
  try {
    let sides: [SideInput, SideInput];
    if (base !== undefined) {
      tree = readRevision(base, checkedPaths(base, given), process.cwd());
      sides = revisionSides(base, tree, given.length > 0 ? given : ['.']);
    } else {
      const [oldPath, newPath] = oldAndNew(paths, (options['filename'] as string[] | undefined) ?? []);
      sides = [{ label: `old side (${oldPath})`, paths: [oldPath] }, { label: `new side (${newPath})`, paths: [newPath] }];
    }
    let rendered = await renderSides(sides, options, errStyle);
    if (typeof rendered === 'number') return rendered;
    // Paths that hold no owner on either side (templates only): the owners are the rest of the repository.
    if (tree && given.length > 0 && rendered.every(holdsNoOwner)) {
      sides = repositorySides(base as string, tree, given, sides);
      rendered = await renderSides(sides, options, errStyle);
      if (typeof rendered === 'number') return rendered;
    }
    const [before, after] = rendered;
    const trouble = bothSides(sides, before, after, errStyle, ((options['workload'] as string[] | undefined) ?? []).length > 0);
    if (trouble !== undefined) return trouble;
    const review = compareRenders(before, after);
    const outStyle = await makeStyle(options['color'] !== false, 1);
    if (format === 'json') writeOut(formatReviewJson(review));
    else if (format === 'markdown') writeOut(formatReviewMarkdown(review, context));
    else if (options['stat'] === true) writeOut(formatReviewStat(review));
    else writeOut(formatReviewText(review, context, outStyle));
    writeErr(`${reviewSummary(review)}\n`);
    return review.changes.length > 0 || review.owners.length > 0 || review.templates.length > 0 ? 1 : 0;
  } finally {
    tree?.remove();
  }
}

/**
 * What only both sides together tell: nothing to render on either (templates only, directories
 * without -R) is trouble, not "no changes" — a CI job would pass whatever the templates became —
 * and so is a --workload on neither side (on one side only, it is an owner added or removed).
 * Exit code 2, or undefined when the sides can be compared.
 */
function bothSides(sides: readonly [SideInput, SideInput], before: RenderResult, after: RenderResult, style: Style, filtered: boolean): number | undefined {
  const unknown = (r: RenderResult) => r.diagnostics.filter((d) => d.code === 'owner-not-found');
  const nowhere = unknown(before).filter((d) => unknown(after).some((e) => e.message === d.message));
  if (nowhere.length > 0) {
    writeErr(`carto diff: on neither side:\n${formatDiagnostics(nowhere, style)}`);
    return 2;
  }
  if (holdsNoOwner(before) && holdsNoOwner(after)) {
    writeErr(`carto diff: neither side holds a Workload, Deliverable or Runnable (the ${sides[0].label}, the ${sides[1].label}), so no stamped object can be compared\n    hint: ${noOwnerHint(sides)}\n`);
    return 2;
  }
  for (const [side, result] of [[sides[0], before], [sides[1], after]] as const) {
    const what = filtered ? 'none of the owners --workload names' : 'no Workload, Deliverable or Runnable';
    if (holdsNoOwner(result)) writeErr(`carto diff: the ${side.label} holds ${what}: all of the other side's objects count as ${side === sides[0] ? 'added' : 'removed'}\n`);
  }
  return undefined;
}

function checkedPaths(base: string, given: readonly string[]): string[] {
  if (given.includes('-')) throw new UsageError(`--base ${base} reads the paths at the revision through git: stdin (-) has no revision; give files or directories`);
  return given.length > 0 ? [...given] : ['.'];
}

/**
 * The sides of `--base REV`: the paths at REV (read into `tree`) and in the work tree. A path
 * added since REV is an empty directory on the old side, one deleted since an empty one on the
 * new side (its objects are all added or all removed); in neither place it is a usage error.
 */
function revisionSides(base: string, tree: RevisionTree, asked: readonly string[]): [SideInput, SideInput] {
  const now = asked.map((p, i) => {
    const atBase = !tree.missing.includes(p);
    if (existsSync(p)) return p;
    if (!atBase) throw new UsageError(`--base ${base}: ${p} is neither in the work tree nor at ${base}`);
    writeErr(`carto diff: ${p} is not in the work tree (deleted since ${base})\n`);
    const empty = join(tree.root, `.carto-deleted-${i}`);
    mkdirSync(empty);
    return empty;
  });
  for (const p of tree.missing) if (existsSync(p)) writeErr(`carto diff: ${p} is not at ${base} (added since)\n`);
  return [{ label: `old side (${base})`, paths: tree.paths, rename: tree.name }, { label: 'new side (work tree)', paths: now }];
}

/** Both sides rendered, old first; the exit code when one cannot be (said on stderr). */
async function renderSides(sides: readonly [SideInput, SideInput], options: Record<string, unknown>, style: Style): Promise<number | [RenderResult, RenderResult]> {
  const before = await renderSide(sides[0], options, style);
  if (typeof before === 'number') return before;
  const after = await renderSide(sides[1], options, style);
  return typeof after === 'number' ? after : [before, after];
}

/** One side rendered, or the exit code (2) when it cannot be read or rendered at all. */
async function renderSide(side: SideInput, options: Record<string, unknown>, style: Style): Promise<RenderResult | number> {
  const trouble = (diagnostics: readonly Diagnostic[]) => {
    const named = side.rename ? diagnostics.map((d) => (d.file ? { ...d, file: (side.rename as (f: string) => string)(d.file) } : d)) : diagnostics;
    writeErr(`carto diff: the ${side.label} cannot be rendered:\n${formatDiagnostics(named.filter((d) => d.severity === 'error'), style)}`);
    if (side.troubleHint) writeErr(`    hint: ${side.troubleHint(diagnostics.filter((d) => d.severity === 'error'))}\n`);
    return 2;
  };
  try {
    const prepared = await prepareRender(side.paths, { ...options, filename: [], ...(side.exclude ? { recursive: true, exclude: side.exclude } : {}) });
    if (!prepared.ok) return trouble(prepared.diagnostics);
    const result = render(prepared.documents, {
      ...prepared.options,
      owners: options['workload'] as string[],
      ownerReferences: options['ownerReferences'] !== false,
      expandRunnables: options['expandRunnables'] === true,
    });
    // An error of no owner (a broken template file, an unknown --workload) stops the whole side;
    // an owner's own error is a change, reported with the owner.
    // A --workload the side lacks is an owner added or removed, unless neither side has it (bothSides).
    const global = result.diagnostics.filter((d) => d.severity === 'error' && !d.owner && d.code !== 'owner-not-found');
    if (global.length > 0) return trouble(global);
    return result;
  } catch (e) {
    // A path that does not exist, a flag's file that cannot be read: say which side.
    if (isUsageError(e)) throw new UsageError(`the ${side.label}: ${(e as Error).message}`);
    if (isInputError(e)) {
      writeErr(`carto diff: the ${side.label} cannot be read: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

/** The forms carto diff takes, for usage errors: one a line under the message. */
const FORMS = [
  'usage: carto diff OLD NEW                  two files or directories of inputs',
  '       carto diff -f OLD -f NEW',
  '       carto diff --base REV [-f] PATH...  PATH at the git revision REV against the work tree',
].map((l) => `\n    ${l}`).join('');

/**
 * OLD and NEW, given as two paths or as two -f (as render takes its inputs): never some of each,
 * as the order of a path and a -f is not known. One -f alone is kubectl diff's habit (the file
 * against the cluster): here the other side is a git revision, --base.
 */
function oldAndNew(paths: readonly string[], files: readonly string[]): [string, string] {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const times = (n: number) => `-f ${n === 1 ? 'once' : `${n} times`}`;
  if (paths.length > 0 && files.length > 0) {
    throw new UsageError(`carto diff takes OLD and NEW either as two paths or as two -f, not some of each (got ${plural(paths.length, 'path')} and ${times(files.length)})${FORMS}`);
  }
  const given = files.length > 0 ? files : paths;
  if (given.length !== 2) {
    const what = files.length > 0 ? times(files.length) : plural(paths.length, 'path');
    const alone = given.length === 1 ? `\n    hint: to compare ${given[0]} with what it was at a git revision: carto diff --base origin/main ${files.length > 0 ? '-f ' : ''}${given[0]}` : '';
    throw new UsageError(`carto diff compares two inputs, each one file or directory (got ${what})${FORMS}${alone}`);
  }
  if (given[0] === '-' && given[1] === '-') throw new UsageError('carto diff: stdin (-) can be read once, so only one side can be -');
  return [given[0] as string, given[1] as string];
}

function contextLines(value: unknown): number {
  if (value === undefined) return 3;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1000) throw new UsageError(`-U ${String(value)}: the number of context lines is a whole number from 0 to 1000`);
  return n;
}
