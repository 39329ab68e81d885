// render(): the library's main entry point; it hands each owner to the realization core (src/realize). Loaded documents in; for every Workload and
// Deliverable, the objects the controller would stamp, plus diagnostics (errors, warnings and
// notes such as which outputs were mocked, and what the admission webhooks would refuse, in
// lint's words). Pure: no file system, no process.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { OWNER_KINDS, buildCatalog, type Blueprint, type Format, type Owner, type Runnable } from '../model/index.js';
import type { SuppliedOutputs } from '../outputs/index.js';
import { ownerRef, realizeOwner, realizeRunnable, selectOwners, semanticsFor, tooManyObjects, type OwnerReport, type RunnableReport, type StampedObject } from '../realize/index.js';
import { legacyFormatNote, missingTemplatesNote, mockDiagnostics, ownerReferencesNote, runnableUidDiagnostic, runnablesExpandedNote, type MissingTemplate } from './notes.js';
import { listSome } from '../util/list.js';
import { invalidStampedObjects } from './stamped-checks.js';
import { guess } from '../util/suggest.js';
import { MAX_OBJECTS } from '../util/limits.js';
import { substitutionBudget } from '../stamp/interpolate.js';
import type { YttRunner } from '../stamp/ytt.js';
import { admissionDiagnostics } from '../lint/index.js';

export interface RenderOptions {
  /** `auto` (default): 0.0.6 semantics for blueprints written in the 0.0.6 format. */
  semantics?: 'auto' | Format;
  /** Namespace of owners whose file has none (kubectl's current namespace). Default `default`. */
  defaultNamespace?: string;
  /** Render only these owners: `NAME` or `NAMESPACE/NAME`. */
  owners?: readonly string[];
  /** Outputs the user supplies (`--outputs`, `--set-output`). */
  outputs?: SuppliedOutputs;
  /** Live objects to read outputs from (`--observed`). */
  observed?: readonly SourceDocument[];
  /** Any mocked output that reaches a stamped object is an error. */
  strict?: boolean;
  /** Emit ownerReferences for owners with a uid (default true). */
  ownerReferences?: boolean;
  /** Also render what the Runnables a supply chain stamps would stamp (--expand-runnables). */
  expandRunnables?: boolean;
  /** Runs `spec.ytt` templates (the built-in engine, or a ytt binary). The library's `render`
   *  passes the built-in engine; without one, a ytt template is an error. */
  ytt?: YttRunner;
  /** `mock`: templates not in the inputs are taken as installed by the platform (their resources
   *  stamp nothing, their outputs are mocks, one note names them). `error` (default): as the controller. */
  missingTemplates?: 'error' | 'mock';
}

export interface RenderResult {
  /** True when nothing is an error: the objects are exactly what the controller would stamp. */
  ok: boolean;
  /** Stamped objects in output order (owners by namespace/name, then blueprint order). */
  objects: StampedObject[];
  diagnostics: Diagnostic[];
  owners: OwnerReport[];
  /** Runnables from the inputs. */
  runnables: RunnableReport[];
}

export function render(documents: readonly SourceDocument[], options: RenderOptions = {}): RenderResult {
  const { catalog, diagnostics } = buildCatalog(documents, { defaultNamespace: options.defaultNamespace ?? 'default' });
  const refused = admissionVerdicts(documents, options.strict ?? false);
  const objects: StampedObject[] = [];
  const owners: OwnerReport[] = [];

  const runnables: RunnableReport[] = [];
  const selected = selectOwners([...catalog.owners, ...catalog.runnables], options.owners ?? [], diagnostics);
  if (catalog.owners.length === 0 && catalog.runnables.length === 0) {
    diagnostics.push({ severity: 'warning', code: 'no-owners', message: 'the inputs hold no Workload, Deliverable or Runnable, so there is nothing to render', hint: lookAlikeHint(documents) ?? 'add the Workload files with -f' });
  }
  const legacyNoted = new Set<Blueprint>();
  /** Blueprints rendered with templates missing (--missing-templates mock): one note names them all. */
  const missingIn = new Map<Blueprint, readonly MissingTemplate[]>();
  const withoutUid: Array<Owner | Runnable> = [];
  const ownerReferences = options.ownerReferences ?? true;
  const observed = options.observed ? { observed: options.observed } : {};
  const substitution = substitutionBudget();
  /** Problems of stamped objects already reported (the same bad name reaches every owner). */
  const invalidSaid = new Set<string>();
  for (const owner of selected) {
    if (owner.kind === 'Runnable') {
      const realized = realizeRunnable(owner, catalog, { ...observed, ownerReferences, substitution });
      const uidNote = runnableUidDiagnostic(realized.report, options.strict ?? false);
      // With --strict the mock is the first thing to fix: it comes before what it caused.
      if (uidNote?.severity === 'error') diagnostics.push(uidNote);
      diagnostics.push(...realized.diagnostics);
      if (uidNote?.severity === 'note') diagnostics.push(uidNote);
      diagnostics.push(...invalidStampedObjects(realized.objects, options.strict ?? false, invalidSaid));
      if (realized.objects.length > 0 && !owner.uid && ownerReferences) withoutUid.push(owner);
      objects.push(...realized.objects);
      runnables.push(realized.report);
      continue;
    }
    const semantics = semanticsFor(owner, catalog.blueprints, options.semantics ?? 'auto');
    const realized = realizeOwner(owner, catalog, semantics, {
      outputs: { ...(options.outputs ? { supplied: options.outputs } : {}), ...observed },
      ownerReferences,
      expandRunnables: options.expandRunnables ?? false,
      substitution,
      ...(options.ytt ? { ytt: options.ytt } : {}),
      ...(options.missingTemplates ? { missingTemplates: options.missingTemplates } : {}),
    });
    const blueprint = realized.report.blueprint;
    if (blueprint && realized.report.missingTemplates) missingIn.set(blueprint, realized.report.missingTemplates);
    if (blueprint && semantics === '0.0.6' && options.semantics !== '0.0.6' && !legacyNoted.has(blueprint)) {
      legacyNoted.add(blueprint);
      diagnostics.push(legacyFormatNote(blueprint));
    }
    const mocks = mockDiagnostics(realized.report, options.strict ?? false);
    // With --strict the mock is the first thing to fix: it comes before what it caused.
    if (options.strict) diagnostics.push(...mocks, ...realized.diagnostics);
    else diagnostics.push(...realized.diagnostics, ...mocks);
    if (realized.objects.length > 0 && !owner.uid && ownerReferences) withoutUid.push(owner);
    if (realized.report.runnables.some((r) => r.object) && ownerReferences) {
      for (const r of realized.report.runnables) if (r.object && !r.runnable.uid) withoutUid.push(r.runnable);
    }
    diagnostics.push(...invalidStampedObjects(realized.objects, options.strict ?? false, invalidSaid));
    for (const object of realized.objects) objects.push(object);
    owners.push(realized.report);
    if (objects.length > MAX_OBJECTS) {
      diagnostics.push(tooManyObjects({ doc: owner.doc, object: { kind: owner.kind, name: owner.name, namespace: owner.namespace }, path: [] }, ownerRef(owner)));
      break;
    }
  }
  if (withoutUid.length > 0) diagnostics.push(ownerReferencesNote(withoutUid));
  // The first thing to know about such a render, before the notes about each owner's mocks.
  if (missingIn.size > 0) diagnostics.unshift(missingTemplatesNote(missingIn));
  if (options.outputs) diagnostics.push(...unusedSupplied(options.outputs, owners, catalog.owners));
  if ((options.expandRunnables ?? false) && owners.some((o) => o.runnables.some((r) => r.object))) {
    diagnostics.push(runnablesExpandedNote());
  }
  // About the inputs themselves: before what rendering them found.
  const reported = oneDiagnosticPerField([...besideErrors(refused, diagnostics), ...diagnostics]);
  return { ok: !reported.some((d) => d.severity === 'error'), objects, diagnostics: reported, owners, runnables };
}

/** A field of the wrong type in an owner (a label `true`) is found twice: reading the object
 *  (invalid-field) and decoding it as the controller's Go type (invalid-owner-field). It is one
 *  problem: the first diagnostic stays, with the other's hint when it has none. */
function oneDiagnosticPerField(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const spot = (d: Diagnostic) => `${d.file}\u0000${d.line}\u0000${d.column}`;
  const typeErrors = new Map<string, Diagnostic>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.code !== 'invalid-field' && d.code !== 'invalid-owner-field') {
      out.push(d);
      continue;
    }
    const first = typeErrors.get(spot(d));
    if (!first) {
      const kept = { ...d };
      typeErrors.set(spot(d), kept);
      out.push(kept);
    } else if (first.hint === undefined && d.hint !== undefined) {
      first.hint = d.hint;
    }
  }
  return out;
}

/**
 * What the admission webhooks would refuse among the inputs, in lint's words (lint's rules, one
 * implementation): the object would never reach the controller. render stamps it as written, as a
 * controller without webhooks would, and warns; with --strict it is an error.
 */
function admissionVerdicts(documents: readonly SourceDocument[], strict: boolean): Diagnostic[] {
  return admissionDiagnostics(documents).map((d) => ({ ...d, severity: strict ? 'error' : 'warning' }));
}

/** Verdicts not already said by an error of the render at the same place (a blueprint's
 *  duplicate resource name, a template with both spec.template and spec.ytt). */
function besideErrors(verdicts: readonly Diagnostic[], diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const spots = new Set(diagnostics.filter((d) => d.severity === 'error' && d.file !== undefined).map((d) => `${d.file}\u0000${d.line}`));
  return verdicts.filter((d) => !spots.has(`${d.file}\u0000${d.line}`));
}

/**
 * Supplied outputs whose key names no resource of a rendered blueprint, or whose owner part names
 * no owner in the inputs: probably a typo, since such a value is never read.
 */
function unusedSupplied(supplied: SuppliedOutputs, owners: readonly OwnerReport[], all: readonly Owner[]): Diagnostic[] {
  const resources = new Set(owners.flatMap((o) => o.blueprint?.resources.map((r) => r.name) ?? []));
  if (resources.size === 0) return [];
  // Any owner of the inputs, not only those rendered: one outputs file may serve several --workload runs.
  const names = new Set(all.map((o) => o.name));
  const qualified = new Set(all.map((o) => `${o.namespace}/${o.name}`));
  return supplied.keys().flatMap((k) => {
    const slash = k.lastIndexOf('/');
    const resource = k.slice(slash + 1);
    const owner = slash < 0 ? undefined : k.slice(0, slash);
    if (!resources.has(resource)) {
      return [unused(`supplied outputs for ${k} match no resource of any rendered blueprint`, `${guess(resource, resources)}keys are RESOURCE, OWNER/RESOURCE or NAMESPACE/OWNER/RESOURCE, with the resource named as in the blueprint`)];
    }
    if (owner !== undefined && !(owner.includes('/') ? qualified.has(owner) : names.has(owner))) {
      const known = owner.includes('/') ? qualified : names;
      return [unused(`supplied outputs for ${k} match no owner: the inputs hold no Workload or Deliverable ${owner}`, `${guess(owner, known)}the inputs hold ${listSome([...known].sort(), 10)}; keys are RESOURCE, OWNER/RESOURCE or NAMESPACE/OWNER/RESOURCE`)];
    }
    return [];
  });
}

function unused(message: string, hint: string): Diagnostic {
  return { severity: 'warning', code: 'unused-output', message, hint };
}

/** A Workload of another API group (a Crossplane claim, say) is not Cartographer's: say so when it is all there is. */
function lookAlikeHint(documents: readonly SourceDocument[]): string | undefined {
  const other = documents.find((d) => OWNER_KINDS.has(String(d.value['kind'])) && !String(d.value['apiVersion']).startsWith('carto.run/'));
  if (!other) return undefined;
  return `${other.file}:${other.line} holds a ${String(other.value['kind'])} of apiVersion ${String(other.value['apiVersion'])}, which is not Cartographer's (carto.run/v1alpha1); add Cartographer's Workload files with -f`;
}
