// `carto diff --base REV PATH…` when the paths hold no owner on either side — a change to templates
// only, the way a reviewer tries it first (`carto diff --base HEAD config/templates.yaml`). As with
// `git diff REV -- PATH`, the paths name the change, not all there is: the owners, and the
// blueprints and templates they need, are the rest of the repository. Both sides read that rest as
// it is in the work tree, so the one difference between them is the paths at REV and now: every
// object that changes, changes because of them. stderr says what was read.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
  // the command that names the places the owners and blueprints are in.
  const troubleHint = () => `the rest of the repository is read because ${named} ${given.length === 1 ? 'holds' : 'hold'} no owner: name where the owners and their blueprints are instead, ${narrowerCommand(base, tree.top, given)}`;
  // "The repository" as git sees it: what it ignores (node_modules, build output) is not read.
  const ignored = ignoredPaths(tree.top);
  return [
    { ...sides[0], label: `old side (${named} at ${base}, the rest as in the work tree)`, paths: [...sides[0].paths, tree.top], exclude: [...given, ...ignored], noOwnerHint: hint, troubleHint },
    { label: 'new side (work tree)', paths: [tree.top], exclude: ignored, noOwnerHint: hint, troubleHint },
  ];
}

const OWNER = /^kind:[ \t]*["']?(?:Workload|Deliverable|Runnable)["']?[ \t]*(?:#.*)?$/m;
const BLUEPRINT = /^kind:[ \t]*["']?(?:ClusterSupplyChain|ClusterDelivery)["']?[ \t]*(?:#.*)?$/m;
const CARTO = /^apiVersion:[ \t]*["']?carto\.run\//m;
/** Files bigger than this are not looked into for the suggestion (an estate's file is named by its directory anyway). */
const LOOK_INTO = 1_000_000;

/**
 * `e.g. carto diff --base REV DIR…`: the asked paths and the directories of the work tree whose
 * files hold carto.run owners or blueprints (a text search: no file is parsed), as paths from here.
 */
function narrowerCommand(base: string, top: string, given: readonly string[]): string {
  const dirs = new Set<string>();
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
    if (CARTO.test(text) && (OWNER.test(text) || BLUEPRINT.test(text))) dirs.add(relative(process.cwd(), dirname(path)) || '.');
  }
  // A directory named without -R is read without its subdirectories: a given path is already among
  // the suggested ones only when it is one of them, or a file directly in one.
  const covered = (p: string) => {
    const at = relative(process.cwd(), resolve(p)) || '.';
    return dirs.has(at) || (statSync(p, { throwIfNoEntry: false })?.isDirectory() !== true && dirs.has(dirname(at)));
  };
  const paths = [...given.filter((p) => !covered(p)), ...[...dirs].sort()];
  if (dirs.size === 0) return `e.g. carto diff --base ${base} ${given.join(' ')} DIR (DIR holding the Workloads)`;
  if (dirs.size > 8) return `e.g. carto diff --base ${base} ${paths.slice(0, 8).join(' ')} … (${dirs.size} directories of the work tree hold carto.run owners or blueprints: pick the ones that belong together)`;
  return `e.g. carto diff --base ${base} ${paths.join(' ')}`;
}

/** How to give a diff owners to compare. */
export function noOwnerHint(sides: readonly [SideInput, SideInput]): string {
  return sides[0].noOwnerHint ?? "give the owners' files too (a directory of Workloads, or -f), or -R to read subdirectories";
}
