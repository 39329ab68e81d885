// renderOwners(): the render, one owner at a time. Each Workload, Deliverable and Runnable is
// handed to the realization core (src/realize) and yielded with its objects and report before the
// next is rendered, so that a caller writing each owner out as it comes (the CLI) holds one
// owner's objects at a time, however many owners there are; render() collects them all. What is
// said about the render as a whole (its diagnostics, in the order render() has always given them)
// is the generator's return value. Pure: no file system, no process.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { OWNER_KINDS, buildCatalog, noOwnersWarning, ownerShardKey, type Blueprint, type Catalog, type Owner, type Runnable } from '../model/index.js';
import { unusedSupplied } from '../outputs/index.js';
import { realizeOwner, realizeRunnable, selectOwners, semanticsFor, tooManyObjects, type OwnerReport, type RealizeOptions, type RunnableReport, type StampedObject } from '../realize/index.js';
import { MockNotes, legacyFormatNote, missingTemplatesNote, mockDiagnostics, ownerReferencesNote, runnableUidDiagnostic, runnablesExpandedNote, type MissingTemplate } from './notes.js';
import { invalidStampedObjects } from './stamped-checks.js';
import { NameGroups } from './name-groups.js';
import { MAX_OBJECTS, formatCount } from '../util/limits.js';
import { formatShard, inShard, type Shard } from '../util/shard.js';
import { startOwner, substitutionBudget, type SubstitutionBudget } from '../stamp/interpolate.js';
import type { RenderOptions } from './render.js';
import { admissionDiagnostics } from '../lint/index.js';

/**
 * One owner rendered: its objects in output order, its report, and whether it failed. `refused`:
 * a stamped object has a name or label the API server refuses (a failure only with --strict, or
 * when the caller validates as the API server would); true for every owner meeting the problem,
 * though it is said once.
 */
export type RenderedOwner = { objects: StampedObject[]; diagnostics: Diagnostic[]; failed: boolean; refused: boolean } & (
  | { kind: 'owner'; owner: Owner; report: OwnerReport }
  | { kind: 'runnable'; owner: Runnable; report: RunnableReport }
);

/** What the render says as a whole, once every owner is rendered. */
export interface RenderSummary {
  /** True when nothing is an error. */
  ok: boolean;
  /** Every diagnostic of the render (those of each owner included), in render()'s order. */
  diagnostics: Diagnostic[];
}

/** What the render remembers from one owner to the next: notes about the whole, and budgets. */
interface Run {
  catalog: Catalog;
  options: RenderOptions;
  diagnostics: Diagnostic[];
  substitution: SubstitutionBudget;
  legacyNoted: Set<Blueprint>;
  /** Blueprints rendered with templates missing (--missing-templates mock): one note names them all. */
  missingIn: Map<Blueprint, readonly MissingTemplate[]>;
  withoutUid: Array<Owner | Runnable>;
  /** Problems of stamped objects already reported (the same bad name reaches every owner). */
  invalidSaid: Set<string>;
  /** A template's invalid name met by several owners, said once for all (name-groups.ts). */
  nameGroups: NameGroups;
  /** Resource names of the blueprints rendered, for --outputs keys that match none. */
  resources: Set<string>;
  expanded: boolean;
  /** What the admission webhooks would refuse among the inputs (said before the rest at the end). */
  refused: Diagnostic[];
  /** The mock notes made so far (most owners say what the one before said). */
  mockNotes: MockNotes;
  /** How every owner is realized (the same for all: made once). */
  realizeOptions: RealizeOptions;
}

export function* renderOwners(documents: readonly SourceDocument[], options: RenderOptions = {}): Generator<RenderedOwner, RenderSummary, void> {
  const { catalog, diagnostics } = buildCatalog(documents, { defaultNamespace: options.defaultNamespace ?? 'default' });
  const refused = admissionVerdicts(documents, options.strict ?? false);
  const selected = ownersToRender([...catalog.owners, ...catalog.runnables], options, diagnostics);
  if (options.shard) keepShardOwners(diagnostics, options.shard);
  if (catalog.owners.length === 0 && catalog.runnables.length === 0) {
    diagnostics.push(noOwnersWarning(documents, 'the inputs hold no Workload, Deliverable or Runnable, so there is nothing to render'));
  }
  const substitution = substitutionBudget();
  const run: Run = {
    catalog, options, diagnostics, substitution, legacyNoted: new Set(), missingIn: new Map(),
    withoutUid: [], invalidSaid: new Set(), nameGroups: new NameGroups(), resources: new Set(), expanded: false, refused, mockNotes: new MockNotes(),
    realizeOptions: realizeOptionsOf(options, substitution),
  };
  let stamped = 0;
  for (const owner of selected) {
    startOwner(run.substitution);
    const rendered = owner.kind === 'Runnable' ? renderRunnable(owner, run) : renderOwner(owner, run);
    stamped += rendered.objects.length;
    if (stamped > MAX_OBJECTS) {
      const ref = { kind: owner.kind, name: owner.name, namespace: owner.namespace };
      const limit = tooManyObjects({ doc: owner.doc, object: ref, path: [] }, ref);
      diagnostics.push(limit);
      rendered.diagnostics.push(limit);
      yield { ...rendered, failed: true };
      break;
    }
    yield rendered;
  }
  return finish(run);
}

/** The notes about the render as a whole, and every diagnostic in order. */
function finish(run: Run): RenderSummary {
  const { diagnostics, options } = run;
  if (run.withoutUid.length > 0) diagnostics.push(ownerReferencesNote(run.withoutUid));
  // The first thing to know about such a render, before the notes about each owner's mocks.
  if (run.missingIn.size > 0) diagnostics.unshift(missingTemplatesNote(run.missingIn));
  if (options.outputs) {
    // A shard renders some owners of a blueprint that others render: a key is unused only if no blueprint has its resource.
    const resources = options.shard ? new Set(run.catalog.blueprints.flatMap((b) => b.resources.map((r) => r.name))) : run.resources;
    diagnostics.push(...unusedSupplied(options.outputs, resources, run.catalog.owners));
  }
  if (run.expanded) diagnostics.push(runnablesExpandedNote());
  // About the inputs themselves: before what rendering them found.
  const reported = oneDiagnosticPerField([...besideErrors(run.refused, diagnostics), ...diagnostics]);
  return { ok: !reported.some((d) => d.severity === 'error'), diagnostics: reported };
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

function renderRunnable(runnable: Runnable, run: Run): RenderedOwner {
  const { options } = run;
  const strict = options.strict ?? false;
  const ownerReferences = options.ownerReferences ?? true;
  const realized = realizeRunnable(runnable, run.catalog, { ...(options.observed ? { observed: options.observed } : {}), ownerReferences, substitution: run.substitution });
  const own: Diagnostic[] = [];
  const uidNote = runnableUidDiagnostic(realized.report, strict);
  // With --strict the mock is the first thing to fix: it comes before what it caused.
  if (uidNote?.severity === 'error') own.push(uidNote);
  own.push(...realized.diagnostics);
  if (uidNote?.severity === 'note') own.push(uidNote);
  if (realized.objects.length > 0 && !runnable.uid && ownerReferences) run.withoutUid.push(runnable);
  return { kind: 'runnable', owner: runnable, report: realized.report, objects: realized.objects, ...settled(realized.objects, own, run) };
}

/** What realizeOwner is given for every owner of the render. */
function realizeOptionsOf(options: RenderOptions, substitution: SubstitutionBudget): RealizeOptions {
  return {
    outputs: { ...(options.outputs ? { supplied: options.outputs } : {}), ...(options.observed ? { observed: options.observed } : {}) },
    ownerReferences: options.ownerReferences ?? true,
    expandRunnables: options.expandRunnables ?? false,
    substitution,
    ...(options.ytt ? { ytt: options.ytt } : {}),
    ...(options.missingTemplates ? { missingTemplates: options.missingTemplates } : {}),
  };
}

function renderOwner(owner: Owner, run: Run): RenderedOwner {
  const { options } = run;
  const strict = options.strict ?? false;
  const ownerReferences = options.ownerReferences ?? true;
  const semantics = semanticsFor(owner, run.catalog.blueprints, options.semantics ?? 'auto');
  const realized = realizeOwner(owner, run.catalog, semantics, run.realizeOptions);
  const { report } = realized;
  const blueprint = report.blueprint;
  if (blueprint) for (const r of blueprint.resources) run.resources.add(r.name);
  if (blueprint && report.missingTemplates) run.missingIn.set(blueprint, report.missingTemplates);
  if (blueprint && semantics === '0.0.6' && options.semantics !== '0.0.6' && !run.legacyNoted.has(blueprint)) {
    run.legacyNoted.add(blueprint);
    run.diagnostics.push(legacyFormatNote(blueprint));
  }
  const mocks = mockDiagnostics(report, strict, run.mockNotes);
  // With --strict the mock is the first thing to fix: it comes before what it caused.
  const own = strict ? [...mocks, ...realized.diagnostics] : [...realized.diagnostics, ...mocks];
  if (realized.objects.length > 0 && !owner.uid && ownerReferences) run.withoutUid.push(owner);
  if (ownerReferences) {
    for (const r of report.runnables) if (r.object && !r.runnable.uid) run.withoutUid.push(r.runnable);
  }
  if ((options.expandRunnables ?? false) && report.runnables.some((r) => r.object)) run.expanded = true;
  return { kind: 'owner', owner, report, objects: realized.objects, ...settled(realized.objects, own, run) };
}

/**
 * The end of either kind of owner: the stamped objects' names and labels checked (after the
 * owner's own diagnostics), everything said added to the render's, and whether the owner failed.
 */
function settled(objects: readonly StampedObject[], own: Diagnostic[], run: Run): Pick<RenderedOwner, 'diagnostics' | 'failed' | 'refused'> {
  const strict = run.options.strict ?? false;
  const invalid = invalidStampedObjects(objects, strict, run.invalidSaid, run.nameGroups);
  own.push(...invalid.diagnostics);
  for (const d of own) run.diagnostics.push(d);
  const failed = (strict && invalid.invalid) || own.some((d) => d.severity === 'error');
  return { diagnostics: own, failed, refused: invalid.invalid };
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

/** Owners in output order (namespace, name, kind), narrowed to the requested ones and the shard. */
function ownersToRender(all: ReadonlyArray<Owner | Runnable>, options: RenderOptions, diagnostics: Diagnostic[]): Array<Owner | Runnable> {
  const chosen = selectOwners(all, options.owners ?? [], diagnostics);
  return options.shard ? inThisShard(chosen, options.shard, diagnostics) : chosen;
}

/**
 * A shard speaks of its own owners only: what reading the inputs found about another shard's owner
 * (an unknown field, say) is that shard's to say, or every shard of a CI matrix would repeat it.
 * The owner's shard is told by the same key it is rendered by (NAMESPACE/NAME: two Workloads of
 * one name in two namespaces may be in two shards), also for an owner that could not be read; a
 * problem of an object with no namespace to tell is said by every shard rather than by none.
 */
function keepShardOwners(diagnostics: Diagnostic[], shard: Shard): void {
  let kept = 0;
  for (const d of diagnostics) {
    const o = d.object;
    if (o && OWNER_KINDS.has(o.kind) && o.namespace !== undefined && !inShard(ownerShardKey({ namespace: o.namespace, name: o.name }), shard)) continue;
    diagnostics[kept++] = d;
  }
  diagnostics.length = kept;
}

/** The owners of one shard; a note when it has none (a shard may be empty: it is not a mistake). */
function inThisShard(owners: ReadonlyArray<Owner | Runnable>, shard: Shard, diagnostics: Diagnostic[]): Array<Owner | Runnable> {
  const mine = owners.filter((o) => inShard(ownerShardKey(o), shard));
  if (mine.length === 0 && owners.length > 0) {
    diagnostics.push({
      severity: 'note',
      code: 'shard-empty',
      message: `shard ${formatShard(shard)} holds none of the ${formatCount(owners.length)} owner${owners.length === 1 ? '' : 's'} of the inputs, so it renders nothing`,
      hint: 'owners are spread over the shards by a hash of NAMESPACE/NAME: with fewer owners than shards, some shards are empty',
    });
  }
  return mine;
}

