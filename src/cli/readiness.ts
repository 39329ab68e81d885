// The owner's Ready condition, and each resource's verdict, as `carto status` would report them,
// for `carto explain` and `carto graph`: the same inputs and flags, realized again without mocks
// (render's report has mocks, so its verdicts are not what a cluster would say). Not computed
// where status refuses to work: 0.0.6 semantics and --missing-templates mock.
import type { OwnerReport } from '../render/index.js';
import { resourceVerdicts, status, type ResourceVerdictSummary } from '../status/index.js';
import type { PreparedRender } from './render-options.js';

export interface Readiness {
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  /** Each resource's verdict in that status: what explain and graph mark resources with. */
  resources: ResourceVerdictSummary[];
}

export function readinessOf(prepared: Extract<PreparedRender, { ok: true }>, report: OwnerReport): Readiness | undefined {
  const options = prepared.options;
  if (report.semantics === '0.0.6' || options.missingTemplates === 'mock') return undefined;
  const owner = report.owner;
  const result = status(prepared.documents, {
    owners: [`${owner.namespace}/${owner.name}`],
    ...(options.defaultNamespace ? { defaultNamespace: options.defaultNamespace } : {}),
    ...(options.outputs ? { outputs: options.outputs } : {}),
    ...(options.observed ? { observed: options.observed } : {}),
    ...(options.ytt ? { ytt: options.ytt } : {}),
  });
  const mine = result.owners.find((o) => o.owner.kind === owner.kind);
  const ready = mine?.status?.conditions.find((c) => c.type === 'Ready');
  if (!mine || !ready) return undefined;
  return { status: ready.status, reason: ready.reason, message: ready.message, resources: resourceVerdicts(mine.status?.resources, mine.report.resources) };
}
