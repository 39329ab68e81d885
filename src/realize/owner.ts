// Walks one owner through its blueprint the way the controller's realizer does: the owner
// decoded and its blueprint selected (plan.ts); nothing realized unless every template the
// blueprint names exists; then each resource in list order (resource.ts). Current Cartographer
// keeps going after a failed resource (its output is simply missing); 0.0.6 stopped at the first
// failure. The result is the owner's report (per resource: what was chosen, read, stamped,
// output, or why not), the objects stamped, and the diagnostics.
import type { Diagnostic, ObjectRef } from '../diagnostics/diagnostic.js';
import type { Catalog, Format, Owner } from '../model/index.js';
import { mockUid, type OutputSources } from '../outputs/index.js';
import type { OwnerReference } from '../stamp/finish.js';
import { substitutionBudget, type SubstitutionBudget } from '../stamp/interpolate.js';
import type { YttRunner } from '../stamp/ytt.js';
import { MAX_OBJECTS, MAX_OWNER_OBJECTS, formatCount } from '../util/limits.js';
import { blueprintProblems, judgeMissingTemplates } from './blueprint-checks.js';
import { duplicateResourceFinding, findingDiagnostic, forwardReferenceFinding, missingTemplateFinding, selectionFinding } from './diagnose.js';
import type { UidMock } from './mocks.js';
import { planOwner } from './plan.js';
import type { Admit, OwnerReport, StampedObject } from './report.js';
import { realizeResource, type Walk } from './resource.js';
import { diagnostic, ownerRef, type Where } from './where.js';

export interface RealizeOptions {
  outputs: OutputSources;
  /** Emit the controller's ownerReference when the owner has a uid. */
  ownerReferences: boolean;
  /** Also render what each Runnable the blueprint stamps would stamp. */
  expandRunnables: boolean;
  /** Runs `spec.ytt` templates. */
  ytt?: YttRunner;
  /** The render's substitution budget, shared by all its owners (a fresh one when absent). */
  substitution?: SubstitutionBudget;
  /** `mock`: a template that is not in the inputs is taken as installed by the platform: its
   *  resource stamps nothing and has mocked outputs. `error` (default): the controller's error. */
  missingTemplates?: 'error' | 'mock';
  /** false: nothing is invented (`carto status`). An output that is not supplied, not on the
   *  stamped object and not on an observed one is missing, as the controller finds it on a fresh
   *  cluster, and what needs it is not stamped; a missing template is never mocked. Default true. */
  mocks?: boolean;
  /** Each stamped object judged as the API server would judge it before the controller's apply
   *  (`carto status`): a refused one fails its resource (TemplateRejectedByAPIServer), and the
   *  outputs of an applied one are read from it as stored. Without it every object is applied as stamped. */
  admit?: Admit;
}

export interface Realized {
  report: OwnerReport;
  objects: StampedObject[];
  diagnostics: Diagnostic[];
}

/** One owner stamps at most MAX_OWNER_OBJECTS objects (held until it is written out): more is an error, not an out-of-memory crash. */
function tooManyOwnerObjects(where: Where, owner: ObjectRef): Diagnostic {
  return diagnostic('error', 'render-limit', `${owner.kind} ${owner.namespace ?? ''}/${owner.name} stamps more than carto's limit of ${formatCount(MAX_OWNER_OBJECTS)} objects for one owner`, where, {
    owner,
    hint: 'check the blueprint: no real supply chain stamps this many objects for one owner',
  });
}

/** One render stamps at most MAX_OBJECTS objects in all (a bound on its time): more is an error. */
export function tooManyObjects(where: Where, owner: ObjectRef): Diagnostic {
  return diagnostic('error', 'render-limit', `the inputs stamp more than carto's limit of ${formatCount(MAX_OBJECTS)} objects; stopped at ${owner.kind} ${owner.namespace ?? ''}/${owner.name}`, where, {
    owner,
    hint: 'render fewer owners at a time (--workload), or check the blueprints: no real supply chain stamps this many',
  });
}

export function realizeOwner(owner: Owner, catalog: Catalog, semantics: Format, options: RealizeOptions): Realized {
  const diagnostics: Diagnostic[] = [];
  const objects: StampedObject[] = [];
  const report: OwnerReport = { owner, semantics, resources: [], runnables: [] };
  const done = (): Realized => ({ report, objects, diagnostics });

  // An owner written by hand has no uid; templates that read one get a stand-in.
  const uid: UidMock | undefined = owner.uid ? undefined : { ownerKind: owner.kind, ownerName: owner.name, value: mockUid(owner) };
  const plan = planOwner(owner, catalog.blueprints, semantics, uid?.value);
  diagnostics.push(...plan.invalid.map((d) => ({ ...d, owner: ownerRef(owner) })));
  if (!plan.selection) return done();
  report.selection = plan.selection;
  if (!plan.selection.ok) {
    diagnostics.push(findingDiagnostic(selectionFinding(owner, plan.selection, catalog.blueprints), owner));
    return done();
  }
  const blueprint = plan.selection.blueprint;
  report.blueprint = blueprint;

  // The controller realizes nothing unless every referenced template exists (blueprint Ready).
  const problems = blueprintProblems(blueprint, catalog);
  // The webhook refuses a blueprint with two resources of one name: it never exists on the cluster.
  if (problems.duplicates.length > 0) {
    report.duplicateResources = problems.duplicates;
    for (const d of problems.duplicates) diagnostics.push(findingDiagnostic(duplicateResourceFinding(blueprint, d), owner, d.resource.name));
    return done();
  }
  const mocks = options.mocks ?? true;
  const verdicts = judgeMissingTemplates(problems.missing, catalog, semantics, mocks ? options.missingTemplates ?? 'error' : 'error');
  const unmocked = verdicts.filter((v) => !v.mocked);
  if (unmocked.length > 0) {
    report.templatesNotFound = problems.missing;
    // At the name of the missing template (the option's name for an option), as lint points.
    for (const m of unmocked) diagnostics.push(findingDiagnostic(missingTemplateFinding(blueprint, m), owner, m.resource.name));
    return done();
  }
  if (problems.missing.length > 0) report.missingTemplates = problems.missing;
  for (const ref of problems.forward) diagnostics.push(findingDiagnostic(forwardReferenceFinding(blueprint, ref), owner, ref.resource.name));

  const ownerReference: OwnerReference | undefined = options.ownerReferences && owner.uid
    ? { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true }
    : undefined;
  const walk: Walk = {
    owner, typed: plan.typed, semantics, blueprint, catalog, report, diagnostics, objects,
    outputs: new Map(), outputValues: new Map(), sources: mocks ? options.outputs : { ...options.outputs, mocks: false },
    ownerReferences: options.ownerReferences, expandRunnables: options.expandRunnables,
    substitution: options.substitution ?? substitutionBudget(),
    ...(ownerReference ? { ownerReference } : {}),
    ...(uid ? { uid } : {}),
    ...(options.ytt ? { ytt: options.ytt } : {}),
    ...(options.admit ? { admit: options.admit } : {}),
  };
  for (const resource of blueprint.resources) {
    if (objects.length >= MAX_OWNER_OBJECTS) {
      diagnostics.push(tooManyOwnerObjects({ doc: blueprint.doc, object: { kind: blueprint.kind, name: blueprint.name }, path: resource.path }, ownerRef(owner)));
      break;
    }
    const entry = realizeResource(walk, resource);
    // Cartographer 0.0.6 stopped at its first failing component.
    if (entry.failed && semantics === '0.0.6') break;
  }
  return done();
}
