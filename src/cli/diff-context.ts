// `carto diff --base REV PATH…` when the paths hold no owner on either side — a change to templates
// only, the way a reviewer tries it first (`carto diff --base HEAD config/templates.yaml`). As with
// `git diff REV -- PATH`, the paths name the change, not all there is: the owners, and the
// blueprints and templates they need, are the rest of the repository. Both sides read that rest as
// it is in the work tree, so the one difference between them is the paths at REV and now: every
// object that changes, changes because of them. stderr says what was read.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ignoredPaths, workTreeFiles, type RevisionTree } from '../load/index.js';
import type { RenderResult } from '../render/index.js';
import { listSome } from '../util/list.js';
import type { SideInput } from './diff.js';
import { writeErr } from './io.js';

export function holdsNoOwner(r: RenderResult): boolean {
  return r.owners.length === 0 && r.runnables.length === 0;
}

/** The two sides again, each with the rest of the repository (work tree, -R) beside the paths. */
export function repositorySides(base: string, tree: RevisionTree, given: readonly string[], sides: readonly [SideInput, SideInput]): [SideInput, SideInput] {
  const named = listSome([...given], 3);
  writeErr(`carto diff: ${named} ${given.length === 1 ? 'holds' : 'hold'} no Workload, Deliverable or Runnable on either side: the rest of the repository (${tree.top}, -R, as in the work tree, without what git ignores) is read on both sides for them and what they need, so that only the change to ${named} shows\n`);
  // Files in the work tree are read on both sides, committed or not: owners exported there will do.
  const hint = `the repository holds none either: put the owners' files anywhere in it, committed or not (both sides read them from the work tree), e.g. kubectl get workloads,deliverables -A -o yaml > owners.yaml, then run carto diff --base ${base} ${given.join(' ')} again`;
  // When the rest cannot be read as one set of inputs (broken files, one Workload in two places):
  // the files at fault, and the command that names the places the owners and blueprints are in.
  const troubleHint = (errors: readonly Diagnostic[]) => troubleWords(base, tree.top, given, named, errors);
  // Files of the work tree by their paths from here, as the paths asked are (not from the repository's top).
  const here = realCwd();
  const shown = (file: string) => (isAbsolute(file) && isInside(file, tree.top) ? relative(here, file) || '.' : file);
  const oldName = sides[0].rename;
  // "The repository" as git sees it: what it ignores (node_modules, build output) is not read.
  const ignored = ignoredPaths(tree.top);
  return [
    { ...sides[0], label: `old side (${named} at ${base}, the rest as in the work tree)`, paths: [...sides[0].paths, tree.top], exclude: [...given, ...ignored], noOwnerHint: hint, troubleHint, rename: (f) => shown(oldName ? oldName(f) : f) },
    { label: 'new side (work tree)', paths: [tree.top], exclude: ignored, noOwnerHint: hint, troubleHint, rename: shown },
  ];
}

/** The hint of a side whose rest of the repository cannot be read: the files to fix, and a command without them when there is one. */
function troubleWords(base: string, top: string, given: readonly string[], named: string, errors: readonly Diagnostic[]): string {
  const why = `the rest of the repository is read because ${named} ${given.length === 1 ? 'holds' : 'hold'} no owner`;
  const here = realCwd();
  const broken = [...new Set(errors.flatMap((d) => (d.file && isAbsolute(d.file) && isInside(d.file, top) ? [d.file] : [])))];
  const command = narrowerCommand(base, top, given, new Set(broken));
  if (broken.length === 0) return `${why}: name where the owners and their blueprints are instead, ${command ?? `e.g. carto diff --base ${base} ${given.join(' ')} DIR (DIR holding the Workloads)`}`;
  const files = listSome(broken.map((f) => relative(here, f)), 3);
  const fix = `${why}, and ${files} cannot be read: fix ${broken.length === 1 ? 'it' : 'them'}`;
  return command ? `${fix}, or name where the owners and their blueprints are, leaving ${broken.length === 1 ? 'it' : 'them'} out, ${command}` : fix;
}

function realCwd(): string {
  try {
    return realpathSync(process.cwd());
  } catch {
    return process.cwd();
  }
}

function isInside(file: string, dir: string): boolean {
  const r = relative(dir, file);
  return r !== '' && !r.startsWith('..') && !isAbsolute(r);
}

const OWNER = /^kind:[ \t]*["']?(?:Workload|Deliverable|Runnable)["']?[ \t]*(?:#.*)?$/m;
const BLUEPRINT = /^kind:[ \t]*["']?(?:ClusterSupplyChain|ClusterDelivery)["']?[ \t]*(?:#.*)?$/m;
const CARTO = /^apiVersion:[ \t]*["']?carto\.run\//m;
/** Files bigger than this are not looked into for the suggestion (an estate's file is named by its directory anyway). */
const LOOK_INTO = 1_000_000;

/**
 * `e.g. carto diff --base REV DIR…`: the asked paths and the directories of the work tree whose
 * files hold carto.run owners or blueprints (a text search: no file is parsed), as paths from here.
 * A directory holding a broken file is named by its other such files instead; undefined when no
 * owner is left to name (or none was found).
 */
function narrowerCommand(base: string, top: string, given: readonly string[], broken: ReadonlySet<string>): string | undefined {
  const here = realCwd();
  const files = new Map<string, { owner: boolean; path: string }[]>();
  let owners = 0;
  for (const file of workTreeFiles(top)) {
    if (!/\.(ya?ml|json)$/.test(file)) continue;
    const path = join(top, file);
    let text: string;
    try {
      if (statSync(path).size > LOOK_INTO) continue;
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    const owner = OWNER.test(text);
    if (!CARTO.test(text) || !(owner || BLUEPRINT.test(text))) continue;
    if (!broken.has(path) && owner) owners++;
    const dir = relative(here, dirname(path)) || '.';
    files.set(dir, [...(files.get(dir) ?? []), { owner, path }]);
  }
  if (files.size === 0 || (broken.size > 0 && owners === 0)) return undefined;
  const named = new Set<string>();
  for (const [dir, list] of files) {
    // (a broken file in the directory, carto.run or not: its other files one by one)
    if (![...broken].some((b) => dirname(b) === resolve(here, dir))) named.add(dir);
    else for (const f of list) if (!broken.has(f.path)) named.add(relative(here, f.path));
  }
  // A directory named without -R is read without its subdirectories: a given path is already among
  // the suggested ones only when it is one of them, or a file directly in one.
  const covered = (p: string) => {
    const at = relative(here, resolve(here, p)) || '.';
    return named.has(at) || (statSync(p, { throwIfNoEntry: false })?.isDirectory() !== true && named.has(dirname(at)));
  };
  const paths = [...given.filter((p) => !covered(p)), ...[...named].sort()];
  if (named.size > 8) return `e.g. carto diff --base ${base} ${paths.slice(0, 8).join(' ')} … (${named.size} places in the work tree hold carto.run owners or blueprints: pick the ones that belong together)`;
  return `e.g. carto diff --base ${base} ${paths.join(' ')}`;
}

/** How to give a diff owners to compare. */
export function noOwnerHint(sides: readonly [SideInput, SideInput]): string {
  return sides[0].noOwnerHint ?? "give the owners' files too (a directory of Workloads, or -f), or -R to read subdirectories";
}
