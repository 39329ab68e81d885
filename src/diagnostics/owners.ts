// Naming the owners one problem met, in one line: a few, then how many more.
import { formatObjectRef, type OwnerSite } from './diagnostic.js';
import { formatCount } from '../util/limits.js';
import { listSome } from '../util/list.js';

/** Owners a message names before "and N more". */
const NAMED = 3;

/** `2 Workloads: dev/a, dev/b`, `5 Workloads: dev/a, dev/b, dev/c, and 2 more`, `2 owners: Workload dev/a, Deliverable dev/b`. */
export function ownersPhrase(owners: readonly OwnerSite[]): string {
  const kinds = new Set(owners.map((o) => o.kind));
  const one = kinds.size === 1 ? owners[0]?.kind : undefined;
  const names = owners.map((o) => (one ? (o.namespace ? `${o.namespace}/${o.name}` : o.name) : formatObjectRef(o)));
  return `${formatCount(owners.length)} ${one ? `${one}s` : 'owners'}: ${listSome(names, owners.length <= NAMED + 1 ? NAMED + 1 : NAMED)}`;
}

/** The owners one problem met, in the order met, each once (by `Kind namespace/name`). */
export class OwnerList {
  readonly sites: OwnerSite[] = [];
  private readonly seen = new Set<string>();

  /** False when this owner was met already. */
  add(owner: OwnerSite): boolean {
    const ref = formatObjectRef(owner);
    if (this.seen.has(ref)) return false;
    this.seen.add(ref);
    this.sites.push(owner);
    return true;
  }
}
