// status(): for each Workload and Deliverable in the documents, the status Cartographer v0.8.11
// would write after reconciling it on a cluster where the stamped objects exist as stamped, plus
// what the live objects (observed) and supplied outputs say — and nothing else: the owners are
// realized without mocks, so what only a live cluster knows stays unknown, as on a fresh one.
// Pure: documents in, statuses and diagnostics out.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { buildCatalog, type Blueprint, type JSONObject, type Owner } from '../model/index.js';
import type { SuppliedOutputs } from '../outputs/index.js';
import { realizeOwner, selectOwners, type OwnerReport } from '../realize/index.js';
import { substitutionBudget } from '../stamp/interpolate.js';
import type { YttRunner } from '../stamp/ytt.js';
import type { ConditionStatus } from '../health/index.js';
import { ownerStatus, ownerStatusObject, type OwnerStatus } from './owner.js';

export interface StatusOptions {
  /** Namespace of owners whose file has none. Default `default`. */
  defaultNamespace?: string;
  /** Only these owners: `NAME` or `NAMESPACE/NAME`. */
  owners?: readonly string[];
  /** Outputs the user supplies (`--outputs`, `--set-output`): as if the live objects had them. */
  outputs?: SuppliedOutputs;
  /** Live objects (`--observed`): their status is what the controller would read. */
  observed?: readonly SourceDocument[];
  /** Runs `spec.ytt` templates. */
  ytt?: YttRunner;
}

export interface OwnerStatusResult {
  owner: Owner;
  /** The core's report of the owner's realization (what was stamped, read, or why not). */
  report: OwnerReport;
  /** Undefined when the owner itself would be refused by the API server. */
  status?: OwnerStatus;
  /** The owner object as given, with `status` as Cartographer writes it. */
  object?: JSONObject;
  /** The owner's Ready condition status. */
  ready?: ConditionStatus;
}

export interface StatusResult {
  /** False when an input could not be read or an owner's status could not be computed. */
  ok: boolean;
  owners: OwnerStatusResult[];
  /** What the inputs' reading found, and the realization's own findings (render's words). */
  diagnostics: Diagnostic[];
}

export function status(documents: readonly SourceDocument[], options: StatusOptions = {}): StatusResult {
  const built = buildCatalog(documents, { defaultNamespace: options.defaultNamespace ?? 'default' });
  const diagnostics = built.diagnostics;
  // Cartographer v0.8.11 reads spec.resources only: a blueprint in 0.0.6's format (spec.components) has none.
  const catalog = { ...built.catalog, blueprints: built.catalog.blueprints.map((b) => (b.format === '0.0.6' ? { ...b, resources: [] } : b)) };
  const legacy = new Set<Blueprint>();
  const substitution = substitutionBudget();
  const owners: OwnerStatusResult[] = [];
  const outputs = { ...(options.outputs ? { supplied: options.outputs } : {}), ...(options.observed ? { observed: options.observed } : {}) };
  for (const owner of selectOwners(catalog.owners, options.owners ?? [], diagnostics, 'Workload or Deliverable')) {
    // Cartographer v0.8.11 reads only current-format blueprints: its semantics, always.
    const realized = realizeOwner(owner, catalog, 'current', {
      outputs,
      mocks: false,
      ownerReferences: false,
      expandRunnables: false,
      substitution,
      ...(options.ytt ? { ytt: options.ytt } : {}),
    });
    diagnostics.push(...realized.diagnostics);
    const blueprint = realized.report.blueprint;
    if (blueprint?.format === '0.0.6' && !legacy.has(blueprint)) {
      legacy.add(blueprint);
      diagnostics.push(legacyBlueprintWarning(blueprint));
    }
    owners.push(withStatus(owner, realized.report));
  }
  const ok = !diagnostics.some((d) => d.severity === 'error' && d.owner === undefined) && owners.every((o) => o.status !== undefined);
  return { ok, owners, diagnostics };
}

function legacyBlueprintWarning(blueprint: Blueprint): Diagnostic {
  return {
    severity: 'warning',
    code: 'legacy-blueprint-status',
    message: `${blueprint.kind} ${blueprint.name} is written in Cartographer 0.0.6's format (spec.components): Cartographer v0.8.11 reads no resources from it, so the status of the owners it selects lists none`,
    file: blueprint.doc.file,
    line: blueprint.doc.line,
    object: { kind: blueprint.kind, name: blueprint.name },
    hint: 'write it in the current format (spec.resources) to have its resources realized by current Cartographer',
  };
}

function withStatus(owner: Owner, report: OwnerReport): OwnerStatusResult {
  const computed = ownerStatus(report);
  if (!computed) return { owner, report };
  const object = { ...owner.object, status: ownerStatusObject(owner.kind, computed) };
  return { owner, report, status: computed, object, ready: computed.conditions.at(-1)?.status ?? 'Unknown' };
}
