// A template's invalid name, met by every owner it stamps for (`App_$(workload.metadata.name)$`:
// the text around the placeholder is at fault, whatever each owner gives): said once for all of
// them, naming the objects and the owners, as validation says a template's mistake once
// (src/validate/groups.ts). A name an owner's own value makes invalid stays that owner's.
import type { Diagnostic, OwnerSite } from '../diagnostics/diagnostic.js';
import { OwnerList, ownersPhrase } from '../diagnostics/owners.js';
import { ownerRef, type StampedObject } from '../realize/index.js';
import { nameTextFault, type MetaProblem } from '../stamp/meta-check.js';
import { listSome } from '../util/list.js';
import { isObject } from '../util/objects.js';

/**
 * The name is invalid whatever each owner gives it: the template's own text around its
 * placeholders has characters no name may have (`App_$(workload.metadata.name)$`). Then every
 * owner meets the same mistake of the template, said once for all of them (NameGroups); a name an
 * owner's value makes invalid stays the owner's, said for each.
 */
export function templateNameAtFault(stamped: StampedObject, problem: MetaProblem): string | undefined {
  if (problem.field !== 'metadata.name' || stamped.via !== 'blueprint' || stamped.template.ytt !== undefined) return undefined;
  const metadata = stamped.template.template?.['metadata'];
  const name = isObject(metadata) ? metadata['name'] : undefined;
  if (typeof name !== 'string' || !name.includes('$(')) return undefined;
  return nameTextFault(name);
}

/**
 * A template's invalid name met by several owners: the first diagnostic, said when the first owner
 * met it, is rewritten to name the objects and the owners (`the API server would refuse the
 * Deployments App_a, App_b that …: their names are invalid; in 2 Workloads: dev/a, dev/b`). One
 * per render, kept beside its set of what was said.
 */
export class NameGroups {
  private readonly groups = new Map<string, { d: Diagnostic; names: string[]; owners: OwnerList; kind: string; by: string }>();

  start(key: string, d: Diagnostic, stamped: StampedObject, name: string, kind: string, by: string): void {
    const owners = new OwnerList();
    const owner = siteOf(stamped);
    if (owner) owners.add(owner);
    this.groups.set(key, { d, names: [name], owners, kind, by });
  }

  /** True when the key's group was started: this object joins it (nothing new to say). */
  meet(key: string, stamped: StampedObject, name: string): boolean {
    const group = this.groups.get(key);
    if (!group) return false;
    const owner = siteOf(stamped);
    if (owner) group.owners.add(owner);
    if (!group.names.includes(name)) group.names.push(name);
    const owners = group.owners.sites;
    if (group.names.length > 1) {
      group.d.message = `the API server would refuse the ${group.kind}s ${listSome(group.names, 3)} that ${group.by}: their names are invalid${owners.length > 1 ? `; in ${ownersPhrase(owners)}` : ''}`;
    }
    if (owners.length > 1) {
      delete group.d.owner;
      group.d.owners = owners;
    }
    return true;
  }
}

function siteOf(stamped: StampedObject): OwnerSite | undefined {
  return stamped.via === 'blueprint' ? { ...ownerRef(stamped.owner), file: stamped.owner.doc.file, line: stamped.owner.doc.line } : undefined;
}
