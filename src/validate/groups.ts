// One problem, one diagnostic: a template's mistake is met by every owner it stamps for, and is
// fixed once, at one line. Problems said at the same template spot with the same words — but for
// the stamped object's name, which is each owner's — become one diagnostic naming the owners it met
// ("in 2 Workloads: dev/a, dev/b"), with every owner and where it is written in `owners`. A problem
// whose words differ from owner to owner stays apart: a value a Workload sets itself is named in
// its message (`the Workload sets replicas: "1" (workload.yaml:12)`), so that Workload is the cause.
import type { Diagnostic, OwnerSite } from '../diagnostics/diagnostic.js';
import { OwnerList, ownersPhrase } from '../diagnostics/owners.js';

/** One problem of one stamped object, in parts: `${kind} ${object}: ${said}` is its message. */
export interface Met {
  diagnostic: Diagnostic;
  /** The stamped object's kind: `Deployment`. */
  kind: string;
  /** What is wrong, without the object's name: `spec.replicas: expected integer, … — in ClusterTemplate app`. */
  said: string;
  owner: OwnerSite;
}

interface Group {
  first: Met;
  owners: OwnerList;
  resources: Set<string | undefined>;
}

export class ProblemGroups {
  private readonly groups = new Map<string, Group>();

  /** Records a problem; false when it was said already for the same owner (the same spot twice). */
  add(met: Met): boolean {
    const d = met.diagnostic;
    const key = [d.severity, d.code, d.file, d.line, d.column, d.path, met.kind, met.said, d.hint].join('\u0000');
    const group = this.groups.get(key);
    if (!group) {
      const owners = new OwnerList();
      owners.add(met.owner);
      this.groups.set(key, { first: met, owners, resources: new Set([d.resource]) });
      return true;
    }
    if (!group.owners.add(met.owner)) return false;
    group.resources.add(d.resource);
    return true;
  }

  /** Every problem, once, in the order first met. */
  diagnostics(): Diagnostic[] {
    return [...this.groups.values()].map(grouped);
  }
}

function grouped(group: Group): Diagnostic {
  const { first } = group;
  const owners = group.owners.sites;
  if (owners.length === 1) return first.diagnostic;
  const { owner: _owner, ...rest } = first.diagnostic;
  const out: Diagnostic = { ...rest, message: `${first.kind}: ${first.said}; in ${ownersPhrase(owners)}`, owners };
  // the resource only when every owner's blueprint stamps the template as the same one
  if (group.resources.size > 1) delete out.resource;
  return out;
}
