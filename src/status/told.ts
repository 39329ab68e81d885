// Which diagnostics a status run tells apart from the statuses: what an owner's status says is
// told in it (its conditions, and the report's lines under it), so the rest — what concerns the
// inputs themselves, and why an owner has no status — is what stderr carries. Notes are left out
// but for the one naming the kinds whose objects no schema checked, which status gives only when
// a resource stamping one is ready: without it that ✓ would claim more than was checked.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Owner } from '../model/index.js';
import type { StatusResult } from './status.js';

/** The diagnostics to tell beside the statuses: the inputs', and those of owners without a status. */
export function untoldDiagnostics(result: StatusResult): Diagnostic[] {
  // (a set, not a search per diagnostic: an estate of 0.0.6 owners has one for each)
  const unstated = new Set(result.owners.filter((o) => !o.status).map((o) => keyOf(o.owner.kind, o.owner.namespace, o.owner.name)));
  return result.diagnostics.filter((d) =>
    d.owner === undefined ? d.severity !== 'note' || d.code === 'stamped-no-schema' : unstated.has(keyOf(d.owner.kind, d.owner.namespace ?? '', d.owner.name)));
}

/** The diagnostics about each owner, looked up by owner (one pass, however many owners). */
export function diagnosticsByOwner(diagnostics: readonly Diagnostic[]): (owner: Owner) => readonly Diagnostic[] {
  const by = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.owner === undefined) continue;
    const key = keyOf(d.owner.kind, d.owner.namespace ?? '', d.owner.name);
    const list = by.get(key);
    if (list) list.push(d);
    else by.set(key, [d]);
  }
  return (owner) => by.get(keyOf(owner.kind, owner.namespace, owner.name)) ?? [];
}

function keyOf(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}
