// status(): for each Workload and Deliverable in the documents, the status Cartographer v0.8.11
// would write after reconciling it on a cluster where the stamped objects exist as stamped, plus
// what the live objects (observed) and supplied outputs say — and nothing else: the owners are
// realized without mocks, so what only a live cluster knows stays unknown, as on a fresh one.
// A blueprint the webhook refuses for its structure is not on that cluster (refused.ts); an owner
// whose blueprint is in the 0.0.6 format gets no status (v0.8.11 has none to write from it).
// Each stamped object is checked as the API server would check it on create (src/validate's
// admission): one it refuses is not applied, and its resource fails as the controller's does.
// Pure: documents in, statuses and diagnostics out.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { buildCatalog, noOwnersWarning, type Blueprint, type JSONObject, type Owner } from '../model/index.js';
import { unusedSupplied, type SuppliedOutputs } from '../outputs/index.js';
import { realizeOwner, selectOwners, type OwnerReport } from '../realize/index.js';
import { substitutionBudget } from '../stamp/interpolate.js';
import type { YttRunner } from '../stamp/ytt.js';
import type { ConditionStatus } from '../health/index.js';
import { ownerStatus, ownerStatusObject, type OwnerStatus } from './owner.js';
import { refusedBlueprints, refusedSelecting, type RefusedBlueprint } from './refused.js';
import { admission, customSchemas, kindKey, type ValidationSchemas } from '../validate/index.js';

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
  /** The schemas stamped objects are checked against before they are applied (built-in kinds of
   *  one Kubernetes version, CRDs). Default: the CRDs among the documents (no built-in kind's
   *  schema: only their names and labels are checked). */
  schemas?: ValidationSchemas;
}

export interface OwnerStatusResult {
  owner: Owner;
  /** The core's report of the owner's realization (what was stamped, read, or why not). */
  report: OwnerReport;
  /** Undefined when the owner itself would be refused by the API server, or its blueprint is in
   *  the 0.0.6 format (`legacy`). */
  status?: OwnerStatus;
  /** The blueprint in Cartographer 0.0.6's format that selects the owner: v0.8.11 writes no status from it. */
  legacy?: Blueprint;
  /** Blueprints that would select the owner but that the admission webhook refuses (not on a cluster). */
  refused?: RefusedBlueprint[];
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
  // What the webhook refuses is never created: it selects no owner on a cluster.
  const refused = refusedBlueprints(built.catalog.blueprints);
  // Cartographer v0.8.11 reads spec.resources only: a blueprint in 0.0.6's format (spec.components) has none.
  const blueprints = built.catalog.blueprints.filter((b) => !refused.has(b)).map((b) => (b.format === '0.0.6' ? { ...b, resources: [] } : b));
  const catalog = { ...built.catalog, blueprints };
  const legacy = new Set<string>();
  const substitution = substitutionBudget();
  const owners: OwnerStatusResult[] = [];
  const outputs = { ...(options.outputs ? { supplied: options.outputs } : {}), ...(options.observed ? { observed: options.observed } : {}) };
  const walked = new Set<string>();
  // As `kubectl get` finding nothing: a warning (stderr), no status, and still a success. (An
  // owner asked for by name and not found is selectOwners' error instead.)
  if (catalog.owners.length === 0 && (options.owners ?? []).length === 0) diagnostics.push(noOwnersWarning(documents, 'the inputs hold no Workload or Deliverable, so there is no status to show'));
  // What the API server refuses is not applied: the controller's apply fails (TemplateRejectedByAPIServer).
  const admitted = admission(options.schemas ?? { custom: customSchemas(documents).custom });
  for (const owner of selectOwners(catalog.owners, options.owners ?? [], diagnostics, 'Workload or Deliverable')) {
    // Cartographer v0.8.11 reads only current-format blueprints: its semantics, always.
    const realized = realizeOwner(owner, catalog, 'current', {
      outputs,
      mocks: false,
      ownerReferences: false,
      expandRunnables: false,
      substitution,
      admit: admitted.admit,
      ...(options.ytt ? { ytt: options.ytt } : {}),
    });
    diagnostics.push(...realized.diagnostics);
    const blueprint = realized.report.blueprint;
    for (const r of blueprint?.resources ?? []) walked.add(r.name);
    if (blueprint?.format === '0.0.6' && !legacy.has(blueprint.name)) {
      legacy.add(blueprint.name);
      diagnostics.push(legacyBlueprintWarning(blueprint));
    }
    owners.push(withStatus(owner, realized.report, refused.size > 0 ? refusedSelecting(owner, refused) : []));
  }
  if (options.outputs) diagnostics.push(...unusedSupplied(options.outputs, walked, catalog.owners));
  // Only where a ✓ would claim more than was checked: a ready resource whose kind no schema covers.
  const unchecked = admitted.unchecked(readyKinds(owners));
  if (unchecked) diagnostics.push(unchecked);
  const ok = !diagnostics.some((d) => d.severity === 'error' && d.owner === undefined) && owners.every((o) => o.status !== undefined || o.legacy !== undefined);
  return { ok, owners, diagnostics };
}

/**
 * Whether the statuses pass a gate (--exit-code): every owner Ready. Like `kubectl wait` finding
 * nothing ("no matching resources found"), no owner at all does not pass.
 */
export function allReady(result: StatusResult): boolean {
  return result.owners.length > 0 && result.owners.every((o) => o.ready === 'True');
}

/** `Kind (apiVersion)` of every object whose resource is ready, as the admission names kinds. */
function readyKinds(owners: readonly OwnerStatusResult[]): Set<string> {
  const kinds = new Set<string>();
  for (const o of owners) {
    o.status?.resources?.forEach((r, i) => {
      const object = o.report.resources[i]?.object;
      if (object && r.conditions.at(-1)?.status === 'True') kinds.add(kindKey(object));
    });
  }
  return kinds;
}

function legacyBlueprintWarning(blueprint: Blueprint): Diagnostic {
  return {
    severity: 'warning',
    code: 'legacy-blueprint-status',
    message: `${blueprint.kind} ${blueprint.name} is written in Cartographer 0.0.6's format (spec.components): Cartographer v0.8.11 reads no resources from it (its API server refuses a blueprint without spec.resources), so the owners it selects have no status of v0.8.11's kind`,
    file: blueprint.doc.file,
    line: blueprint.doc.line,
    object: { kind: blueprint.kind, name: blueprint.name },
    hint: 'run carto migrate to rewrite it in the current format (spec.resources), then carto status on the result',
  };
}

function withStatus(owner: Owner, report: OwnerReport, refused: RefusedBlueprint[]): OwnerStatusResult {
  const also = refused.length > 0 ? { refused } : {};
  // The 0.0.6 format has no status of this kind: none is made up.
  if (report.blueprint?.format === '0.0.6') return { owner, report, legacy: report.blueprint, ...also };
  const computed = ownerStatus(report);
  if (!computed) return { owner, report, ...also };
  const object = { ...owner.object, status: ownerStatusObject(owner.kind, computed) };
  return { owner, report, status: computed, object, ready: computed.conditions.at(-1)?.status ?? 'Unknown', ...also };
}
