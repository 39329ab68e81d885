// Which diagnostics a status run tells apart from the statuses: what an owner's status says is
// told in it (its conditions, and the report's lines under it), so the rest — what concerns the
// inputs themselves, and why an owner has no status — is what stderr carries. Notes are left out
// but for the one naming the kinds whose objects no schema checked: without it a ✓ would claim
// more than was checked.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Owner } from '../model/index.js';
import type { StatusResult } from './status.js';

/** Whether the diagnostic is about this owner. */
export function concernsOwner(d: Diagnostic, owner: Owner): boolean {
  return d.owner !== undefined && d.owner.kind === owner.kind && d.owner.name === owner.name && (d.owner.namespace ?? '') === owner.namespace;
}

/** The diagnostics to tell beside the statuses: the inputs', and those of owners without a status. */
export function untoldDiagnostics(result: StatusResult): Diagnostic[] {
  const unstated = result.owners.filter((o) => !o.status).map((o) => o.owner);
  return result.diagnostics.filter((d) =>
    d.owner === undefined ? d.severity !== 'note' || d.code === 'stamped-no-schema' : unstated.some((o) => concernsOwner(d, o)));
}
