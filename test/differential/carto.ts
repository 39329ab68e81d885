// carto's side of the differential test: a case rendered through the library (readRenderInputs and
// render(), as `carto render` reads and renders, with the built-in ytt engine), its statuses
// (status(), as `carto status` computes them: realized without mocks, as on a fresh cluster) and,
// for a sample, rendered through the real binary, to hold the command-line contract to the same answer.
import { carto, type CliResult } from '../helpers/cli.js';
import { readRenderInputs } from '../../src/inputs/index.js';
import { render, status, type Diagnostic, type OwnerReport, type RenderResult, type SourceDocument } from '../../src/index.js';
import { admissionDiagnostics } from '../../src/lint/index.js';
import { buildCatalog, type Blueprint, type Owner } from '../../src/model/index.js';
import { planOwner } from '../../src/realize/index.js';
import { refusedBlueprints } from '../../src/status/refused.js';
import type { JsonObject } from './refharness.js';

export interface CartoOwner {
  /** `Workload ns/name`, as refharness names owners. */
  key: string;
  report: OwnerReport;
  objects: Array<{ resource: string; object: JsonObject }>;
  /** Errors render reported for this owner. */
  errors: Diagnostic[];
  /** Notes and warnings render reported for this owner. */
  notices: Diagnostic[];
}

/** An owner as `carto status` realizes it (no mocks), with the status it writes. */
export interface CartoStatusOwner extends CartoOwner {
  status?: JsonObject;
  /** A blueprint that would select the owner, or whose invalid selector fails the selection of
   *  every owner, is one the webhook refuses (carto status leaves it out). */
  refused?: boolean;
}

export interface CartoSide {
  documents: SourceDocument[];
  result: RenderResult;
  owners: Map<string, CartoOwner>;
  /** The owners as `carto status` realizes them, and their statuses. */
  statuses: Map<string, CartoStatusOwner>;
  /** Errors that belong to no owner (they fail the whole render). */
  globalErrors: Diagnostic[];
  /** What the admission webhooks would refuse, by `Kind/name`: carto's verdicts, with the webhook's words. */
  admission: Map<string, string[]>;
}

export const ownerKey = (ref: { kind: string; namespace?: string; name: string }): string => `${ref.kind} ${ref.namespace ?? 'default'}/${ref.name}`;

/** carto's verdicts on the webhook rules, by `Kind/name`, in the webhook's words. */
export function webhookVerdicts(diagnostics: readonly Diagnostic[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of diagnostics) {
    if (!d.object) continue;
    const key = `${d.object.kind}/${d.object.name}`;
    out.set(key, [...(out.get(key) ?? []), d.controllerMessage ?? d.message]);
  }
  return out;
}

/** Renders a case with the library, as `carto render INPUTS --outputs FILE` would. */
export async function renderWithCarto(inputs: string, outputs: string | undefined): Promise<CartoSide> {
  const read = await readRenderInputs({ inputs: [inputs], read: {}, observed: [], ...(outputs ? { outputs } : {}) });
  const readErrors = read.diagnostics.filter((d) => d.severity === 'error');
  if (readErrors.length > 0) throw new Error(`carto cannot read a generated case: ${readErrors.map((d) => d.message).join('; ')}`);
  const supplied = read.outputs ? { outputs: read.outputs } : {};
  const result = render(read.documents, supplied);
  const owners = byOwner(result.owners, result.diagnostics);
  for (const stamped of result.objects) {
    if (stamped.via === 'blueprint') owners.get(ownerKey(stamped.owner))?.objects.push({ resource: stamped.resource.name, object: stamped.object });
  }
  const globalErrors = result.diagnostics.filter((d) => d.severity === 'error' && !(d.owner && owners.has(ownerKey(d.owner))) && d.owner?.kind !== 'Runnable');
  const computed = status(read.documents, supplied);
  const refused = [...refusedBlueprints(buildCatalog(read.documents, { defaultNamespace: 'default' }).catalog.blueprints).keys()];
  const statuses: Map<string, CartoStatusOwner> = byOwner(computed.owners.map((o) => o.report), computed.diagnostics);
  for (const o of computed.owners) {
    const mine = statuses.get(ownerKey(o.owner))!;
    for (const r of o.report.resources) if (r.object) mine.objects.push({ resource: r.resource.name, object: r.object });
    const written = o.object?.['status'];
    if (typeof written === 'object' && written !== null) mine.status = written as JsonObject;
    if (o.refused || invalidSelectorRefused(o.owner, refused)) mine.refused = true;
  }
  return { documents: read.documents, result, owners, statuses, globalErrors, admission: webhookVerdicts(admissionDiagnostics(read.documents)) };
}

/** A blueprint carto status leaves out (the webhook refuses it) has a selector the controller
 *  without webhooks cannot evaluate: it fails the owner's selection, whichever blueprint matches. */
function invalidSelectorRefused(owner: Owner, refused: readonly Blueprint[]): boolean {
  return refused.some((b) => {
    const selection = planOwner(owner, [b], 'current').selection;
    return selection !== undefined && !selection.ok && selection.code === 'invalid-selector';
  });
}

/** The owners of a realization, each with the errors and notices that name it (objects to fill in). */
function byOwner(reports: readonly OwnerReport[], diagnostics: readonly Diagnostic[]): Map<string, CartoOwner> {
  const owners = new Map<string, CartoOwner>();
  for (const report of reports) {
    const key = ownerKey(report.owner);
    owners.set(key, { key, report, objects: [], errors: [], notices: [] });
  }
  for (const d of diagnostics) {
    const owner = d.owner ? owners.get(ownerKey(d.owner)) : undefined;
    if (owner) (d.severity === 'error' ? owner.errors : owner.notices).push(d);
  }
  return owners;
}

/** The real binary on the same case: `carto render INPUTS --outputs FILE -o json`. */
export function renderWithCli(inputs: string, outputs: string | undefined): CliResult {
  return carto(['render', inputs, ...(outputs ? ['--outputs', outputs] : []), '-o', 'json']);
}
