// The one owner `--workload NAME` names in a render, for commands that show a single owner
// (`carto graph --workload`, `carto explain`): an error when the name matches a Runnable (it has
// no blueprint) or several owners. render() itself reports a name that matches nothing.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OwnerReport, RenderResult } from '../render/index.js';

export type Picked = { ok: true; report: OwnerReport } | { ok: false; diagnostic?: Diagnostic };

export function pickOwner(result: RenderResult, name: string): Picked {
  const found = [
    ...result.owners.map((o) => ({ kind: o.owner.kind as string, namespace: o.owner.namespace, name: o.owner.name })),
    ...result.runnables.map((r) => ({ kind: 'Runnable', namespace: r.runnable.namespace, name: r.runnable.name })),
  ];
  // No match: render() has said so (owner-not-found).
  if (found.length === 0) return { ok: false };
  if (found.length > 1) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'owner-ambiguous',
        message: `${name} names ${found.length} owners: ${found.map((f) => `${f.kind} ${f.namespace}/${f.name}`).join(', ')}`,
        hint: name.includes('/') ? 'only one owner can be shown at a time' : 'name one as NAMESPACE/NAME',
      },
    };
  }
  const report = result.owners[0];
  if (!report) {
    const runnable = found[0] as { namespace: string; name: string };
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'owner-is-runnable',
        message: `Runnable ${runnable.namespace}/${runnable.name} is stamped from a ClusterRunTemplate, not through a blueprint, so there is no supply chain to show`,
        hint: 'name a Workload or a Deliverable; carto render shows what the Runnable stamps',
      },
    };
  }
  return { ok: true, report };
}
