// Renders a Runnable the way the Runnable controller does (spec §10): its ClusterRunTemplate is
// stamped against `{runnable, selected}` with the same interpolation as supply-chain templates,
// given the Runnable's namespace, a Runnable ownerReference and the two runnable labels; then the
// template's `spec.outputs` are read like any other output (stamped, observed, mock).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decode } from '../gotypes/index.js';
import { GoStruct, type GoField, type GoValue } from '../jsonpath/index.js';
import type { SourceDocument } from '../load/index.js';
import { runnableType } from '../model/go-types.js';
import type { Catalog, JSONObject, Resource, Runnable, RunTemplate, Template } from '../model/index.js';
import { readRunnable } from '../model/owner.js';
import type { Walk } from './resource.js';
import { findObserved, mockRunnableOutput, mockUid, readPath } from '../outputs/index.js';
import { resolveSelected } from '../select/index.js';
import type { SubstitutionBudget } from '../stamp/interpolate.js';
import { stampTemplate } from '../stamp/stamp.js';
import { runnableDiagnostics, type RunnableContext } from './diagnose.js';
import type { RunnableFailure, RunnableReport, RunnableStamped } from './report.js';
import { holdsText, readsUid } from './mocks.js';
import { withUid } from './typed-owner.js';

export interface RunnableOptions {
  observed?: readonly SourceDocument[];
  ownerReferences: boolean;
  /** The render's substitution budget (a fresh one when absent). */
  substitution?: SubstitutionBudget;
  /** For a Runnable a supply chain stamped: what its inputs owe to mocked values, if anything. */
  inputsMockHint?: () => string | undefined;
}

export function realizeRunnable(
  runnable: Runnable,
  catalog: Catalog,
  options: RunnableOptions,
): { report: RunnableReport; objects: RunnableStamped[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report: RunnableReport = { runnable, outputs: [], failed: false };
  const objects: RunnableStamped[] = [];
  const ctx: RunnableContext = { runnable, inputsMockHint: options.inputsMockHint };
  const fail = (failure: RunnableFailure) => {
    diagnostics.push(...runnableDiagnostics(failure, ctx));
    report.failed = true;
    report.failure = failure;
    return { report, objects, diagnostics };
  };

  const runTemplate = catalog.runTemplates.get(runnable.runTemplateName);
  if (!runTemplate) return fail({ step: 'run-template-not-found' });
  report.runTemplate = runTemplate;
  ctx.runTemplate = runTemplate;
  // A Runnable written by hand, or stamped by a supply chain, has no uid until the API server gives it one.
  const uid = runnable.uid ? undefined : mockUid({ kind: 'Runnable', namespace: runnable.namespace, name: runnable.name });
  if (uid !== undefined) ctx.uid = uid;
  const whole = { apiVersion: runnable.apiVersion, kind: 'Runnable', ...runnable.object };
  const typed = decode(runnableType, uid === undefined ? whole : withUid(whole, uid));
  if (typed.errors.length > 0) return fail({ step: 'invalid-fields', errors: typed.errors });

  const selected = resolveSelected(runnable, catalog.documents);
  if (!selected.ok) return fail({ step: 'selector', selected });
  report.selected = selected.object;

  if (uid !== undefined && readsUid(runTemplate)) report.mockedUid = uid;
  const stamped = stampTemplate({ template: runTemplate.template }, {
    context: new GoStruct([field('runnable', 'Runnable', typed.value), field('selected', 'Selected', (selected.object ?? null) as GoValue)]),
    namespace: runnable.namespace,
    labels: { 'carto.run/runnable-name': runnable.name, 'carto.run/run-template-name': runTemplate.name },
    ...(options.ownerReferences && runnable.uid
      ? { ownerReference: { apiVersion: runnable.apiVersion, kind: 'Runnable', name: runnable.name, uid: runnable.uid, controller: true as const, blockOwnerDeletion: true as const } }
      : {}),
    semantics: 'current',
    ...(options.substitution ? { substitution: options.substitution } : {}),
  });
  if (!stamped.ok) return fail({ step: 'stamp', failure: stamped.failure });
  report.object = stamped.object;
  // named by the template but not in what it stamped: the stand-in was not used
  if (report.mockedUid !== undefined && !holdsText(stamped.object, report.mockedUid)) delete report.mockedUid;
  objects.push({ via: 'runnable', object: stamped.object, runnable, runTemplate });

  report.outputs = runnableOutputs(runnable, runTemplate, stamped.object, options.observed);
  return { report, objects, diagnostics };
}

/** A run template's `spec.outputs`, read like any other output; outputs come from the newest run that succeeded. */
function runnableOutputs(runnable: Runnable, runTemplate: RunTemplate, object: JSONObject, live: readonly SourceDocument[] | undefined): RunnableReport['outputs'] {
  const observed = live?.length ? findObserved(object, live, succeeded) : undefined;
  return Object.entries(runTemplate.outputs).map(([name, path]) => {
    const read = readPath(path, object, observed, 'current');
    return read.found
      ? { name, value: read.value, provenance: read.from, path, ...(read.origin ? { origin: read.origin } : {}) }
      : { name, value: mockRunnableOutput(runnable, name), provenance: 'mock' as const, path };
  });
}

function field(name: string, goName: string, value: GoValue): GoField {
  return { name, goName, value, omitEmpty: false, pointer: false };
}

function succeeded(doc: SourceDocument): boolean {
  const status = doc.value['status'];
  const conditions = typeof status === 'object' && status !== null ? (status as Record<string, unknown>)['conditions'] : undefined;
  return Array.isArray(conditions) && conditions.some((c) => typeof c === 'object' && c !== null && (c as Record<string, unknown>)['type'] === 'Succeeded' && (c as Record<string, unknown>)['status'] === 'True');
}

/**
 * A Runnable that a supply chain's template stamped (--expand-runnables): render what it would
 * stamp beside it, and return its known outputs as the status the stamping resource reads them from.
 */
export function expandRunnable(
  walk: Walk,
  resource: Resource,
  template: Template,
  object: JSONObject,
  inputsMockHint: () => string | undefined,
): { status: JSONObject; origin: string } | undefined {
  if (object['kind'] !== 'Runnable' || typeof object['apiVersion'] !== 'string' || !object['apiVersion'].startsWith('carto.run/')) return undefined;
  const { owner } = walk;
  const meta = object['metadata'] as JSONObject;
  const name = typeof meta['name'] === 'string' ? meta['name'] : String(meta['generateName'] ?? '');
  const runnable = readRunnable(template.doc, name, owner.namespace, walk.diagnostics, object, { owner, resource: resource.name });
  const expanded = realizeRunnable(runnable, walk.catalog, {
    ...(walk.sources.observed ? { observed: walk.sources.observed } : {}),
    ownerReferences: walk.ownerReferences,
    substitution: walk.substitution,
    // What the Runnable's inputs owe to mocks is what its stamping resource's inputs did.
    inputsMockHint,
  });
  walk.diagnostics.push(...expanded.diagnostics);
  walk.objects.push(...expanded.objects);
  walk.report.runnables.push(expanded.report);
  const known = expanded.report.outputs.filter((o) => o.provenance !== 'mock');
  if (known.length === 0) return undefined;
  return { status: { outputs: Object.fromEntries(known.map((o) => [o.name, o.value])) }, origin: `outputs of Runnable ${runnable.namespace}/${runnable.name} (--expand-runnables)` };
}
