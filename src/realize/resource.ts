// One resource of an owner's walk, in the controller's order: choose the template (or option, or
// passThrough), gather its inputs from earlier outputs, merge params, stamp, then settle its
// outputs. Each step is one call into select, chain, stamp or outputs; a failure is recorded on
// the resource's report as data and worded once, by diagnose.ts.
import { gatherInputs, type OutputMap, type ResourceInputs } from '../chain/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GoStruct, GoValue } from '../jsonpath/index.js';
import { templateKey, type Blueprint, type Catalog, type Format, type JSONObject, type Owner, type Resource, type Template } from '../model/index.js';
import { findObserved, outputFieldsOf, resolveOutputs, type OutputSources, type OutputValue } from '../outputs/index.js';
import { buildContext } from '../stamp/context.js';
import type { OwnerReference } from '../stamp/finish.js';
import type { SubstitutionBudget } from '../stamp/interpolate.js';
import { cartoLabels } from '../stamp/labels.js';
import { mergeParams, type ParamValue } from '../stamp/params.js';
import { stampTemplate, type StampOptions, type Stamped } from '../stamp/stamp.js';
import type { YttRunner } from '../stamp/ytt.js';
import { resourceDiagnostics } from './diagnose.js';
import { configReadAsPodTemplate, mockWitness, type MockWitness, type UidMock } from './mocks.js';
import { chooseTemplate } from './plan.js';
import type { Admit, OwnerReport, ResourceFailure, ResourceReport, StampedObject } from './report.js';
import { expandRunnable } from './runnable.js';
import { absentTemplateOutputs, deploymentOutputs, passThroughOutputs, type Settled } from './settle.js';
import { diagnostic, ownerRef, type Where } from './where.js';
import { healthGateDiagnostic } from './diagnose-health.js';
import { gateOutputs, recordHealth, withLive, type Gate } from './lifecycle.js';

/** One owner's walk through its blueprint: what each resource reads and adds to. */
export interface Walk {
  owner: Owner;
  typed: GoValue;
  semantics: Format;
  blueprint: Blueprint;
  catalog: Catalog;
  report: OwnerReport;
  diagnostics: Diagnostic[];
  objects: StampedObject[];
  outputs: OutputMap;
  outputValues: Map<string, OutputValue[]>;
  sources: OutputSources;
  ownerReference?: OwnerReference;
  ownerReferences: boolean;
  expandRunnables: boolean;
  uid?: UidMock;
  ytt?: YttRunner;
  substitution: SubstitutionBudget;
  admit?: Admit;
}

export function realizeResource(walk: Walk, resource: Resource): ResourceReport {
  const entry: ResourceReport = { resource, outputs: [], failed: false };
  walk.report.resources.push(entry);
  const choice = chooseTemplate(resource, walk.blueprint, walk.owner, walk.typed, walk.semantics);
  if (!choice.ok) {
    entry.optionVerdicts = choice.choice.verdicts;
    return fail(walk, entry, { step: 'option', choice: choice.choice });
  }
  if (choice.option) {
    entry.option = choice.option;
    entry.optionVerdicts = choice.verdicts;
  }
  const inputs = gatherInputs(walk.blueprint, resource, walk.outputs);
  entry.inputs = inputs;
  if ('passThrough' in choice) {
    entry.passThrough = choice.passThrough;
    const passed = passThroughOutputs(resource, choice.passThrough, inputs, walk.outputValues);
    return 'error' in passed ? fail(walk, entry, { step: 'pass-through', input: choice.passThrough, error: passed.error }) : settle(walk, entry, passed);
  }
  const template = walk.catalog.templates.get(templateKey(resource.templateRef.kind, choice.name));
  if (!template) {
    // Only with --missing-templates mock: otherwise the walk never started.
    entry.missingTemplate = { kind: resource.templateRef.kind, name: choice.name };
    const shape = configReadAsPodTemplate(walk.blueprint, resource, walk.catalog) ? 'pod-template' : undefined;
    const absent = absentTemplateOutputs(walk.owner, resource, choice.name, inputs, walk.outputValues, walk.sources, shape);
    return 'error' in absent ? fail(walk, entry, { step: 'deployment-input', error: absent.error }) : settle(walk, entry, absent);
  }
  entry.template = template;
  const { owner, typed, blueprint, semantics } = walk;
  const stamping = stampResource({ owner, typed, blueprint, resource, template, semantics, inputs }, walk);
  entry.params = stamping.params;
  const witnessed: Parameters<typeof mockWitness>[0] = { report: walk.report, entry, template, inputs, outputValues: walk.outputValues };
  if (walk.uid) witnessed.uid = walk.uid;
  const mocks = mockWitness(witnessed);
  if (!stamping.stamped.ok) return fail(walk, entry, { step: 'stamp', failure: stamping.stamped.failure }, mocks);
  const stamped: StampedObject = { via: 'blueprint', object: stamping.stamped.object, owner: walk.owner, blueprint: walk.blueprint, resource, template };
  // What the API server refuses is never applied: the controller has no stamped object for it.
  const admission = walk.admit?.(stamped, entry);
  if (admission?.refused) {
    // what it would drop too, for the report; the refusal is what is said
    if (admission.dropped) entry.dropped = admission.dropped;
    return fail(walk, entry, { step: 'apply', refused: admission.refused });
  }
  if (admission?.dropped) {
    entry.dropped = admission.dropped;
    walk.diagnostics.push(...admission.dropped.map((d) => d.diagnostic));
  }
  const object = admission?.stored ?? stamped.object;
  entry.object = object;
  mocks.stamped(object);
  walk.objects.push({ ...stamped, object });
  return settleStamped(walk, entry, template, object, mocks);
}

/**
 * A stamped resource's outputs: read from the object (or its live one, supplied values, mocks),
 * a deployment's passed through once ready, none from an immutable or tekton object that is not
 * healthy; with the warnings and notes about how they were had.
 */
function settleStamped(walk: Walk, entry: ResourceReport, template: Template, object: JSONObject, mocks: MockWitness): ResourceReport {
  const { resource } = entry;
  const at = (path: readonly (string | number)[]): Where => ({ doc: template.doc, object: { kind: template.kind, name: template.name }, path });
  const warn = (severity: Diagnostic['severity'], code: string, message: string, path: readonly (string | number)[], extra: Partial<Diagnostic> = {}) =>
    walk.diagnostics.push(diagnostic(severity, code, message, at(path), { owner: ownerRef(walk.owner), resource: resource.name, ...extra }));
  const meta = object['metadata'] as JSONObject;
  if (!meta['name'] && !meta['generateName']) {
    warn('warning', 'no-name', `the object stamped for resource ${resource.name} has neither metadata.name nor metadata.generateName; the API server will reject it`, ['spec', 'template', 'metadata']);
  }
  // A stamped Runnable: what it would stamp, and its outputs as its status.
  const status = walk.expandRunnables ? expandRunnable(walk, resource, template, object, () => mocks.anyError()) : undefined;

  const gate = noMocksGate(gateOutputs(template, object, walk.sources, walk.semantics), walk.sources);
  if (gate.live) entry.live = gate.live;
  if (gate.outcome === 'closed') return closedGate(walk, entry, template, gate);
  if (gate.outcome === 'assumed') {
    walk.diagnostics.push(healthGateDiagnostic(gate, walk.owner, resource, template));
    entry.healthAssumed = true;
  }
  const sources = withLive(walk.sources, gate);

  if (template.kind === 'ClusterDeploymentTemplate') {
    const settled = deploymentOutputs(template, object, resource, entry.inputs as ResourceInputs, walk.outputValues, sources, walk.semantics);
    if ('error' in settled) return fail(walk, entry, { step: 'deployment-input', error: settled.error });
    if (settled.note) warn(settled.note.severity, settled.note.code, settled.note.message, ['spec'], settled.note.controllerMessage ? { controllerMessage: settled.note.controllerMessage } : {});
    if (settled.notReady) entry.notReady = settled.notReady;
    return settle(walk, entry, settled);
  }
  for (const { field, pathKey, path } of outputFieldsOf(template)) {
    if (path === undefined || path === '') warn('warning', 'missing-output-path', `${template.kind} ${template.name} has no spec.${pathKey}, so its ${field} output cannot be read`, ['spec']);
  }
  const resolved = resolveOutputs(template, object, walk.owner, resource.name, sources, walk.semantics, status);
  if (resolved.error) {
    entry.outputs = resolved.values;
    return fail(walk, entry, { step: 'output-path', error: resolved.error });
  }
  if (resolved.missing) return fail(walk, entry, { step: 'output-missing', missing: resolved.missing });
  return settle(walk, entry, resolved);
}

/** Without mocks nothing is taken as healthy: an Unknown verdict withholds the outputs, as on the cluster. */
function noMocksGate(gate: Gate, sources: OutputSources): Gate {
  return gate.outcome === 'assumed' && sources.mocks === false ? { ...gate, outcome: 'closed' as const } : gate;
}

/**
 * An immutable or tekton resource whose object is not healthy hands on no outputs. Without mocks
 * that is the controller's error too: it reads the first output path on no object, and waits —
 * unless, with no live object to judge, the user supplied the outputs (--outputs, --set-output):
 * they stand for the live object's, as everywhere else (its Healthy condition stays Unknown). The
 * stamped object is not read: its outputs are not the controller's until the rule says healthy.
 * A ClusterDeploymentTemplate's deployment is then judged on no object: an error (supplied
 * values change nothing, its output is its deployment input).
 */
function closedGate(walk: Walk, entry: ResourceReport, template: Template, gate: Extract<Gate, { verdict: unknown }>): ResourceReport {
  const first = outputFieldsOf(template)[0];
  // Values supplied for an object the live one given shows unhealthy are not used: say so, not nothing.
  const ignored = gate.live ? outputFieldsOf(template).filter((f) => walk.sources.supplied?.lookup(walk.owner, entry.resource.name, f.field)).map((f) => f.field) : [];
  const said = (supplied: boolean) => walk.diagnostics.push(healthGateDiagnostic(gate, walk.owner, entry.resource, template, { supplied, ignored }));
  if (walk.sources.mocks === false && template.kind === 'ClusterDeploymentTemplate') {
    said(false);
    return fail(walk, entry, { step: 'no-healthy-object' });
  }
  if (walk.sources.mocks !== false || !first) {
    said(false);
    return settle(walk, entry, { output: { unhealthy: gate.verdict.condition.message }, values: [] });
  }
  const supplied = !gate.live && walk.sources.supplied ? { supplied: walk.sources.supplied, mocks: false } : undefined;
  const resolved = supplied ? resolveOutputs(template, {}, walk.owner, entry.resource.name, supplied, walk.semantics) : undefined;
  if (!resolved || resolved.missing || resolved.error) {
    said(false);
    const missing = resolved?.missing ?? { field: first.field, path: first.path ?? '', pathKey: first.pathKey };
    return fail(walk, entry, { step: 'output-missing', missing });
  }
  said(true);
  return settle(walk, entry, resolved);
}

/** What a resource's template is stamped with, and what it stamped. */
export interface ResourceStamping {
  params: Map<string, ParamValue>;
  labels: Record<string, string>;
  stamped: Stamped;
}

/** The owner, blueprint resource and template a stamping is for. */
export interface StampAt {
  owner: Owner;
  typed: GoValue;
  blueprint: Blueprint;
  resource: Resource;
  template: Template;
  semantics: Format;
}

export interface StampResourceOptions {
  ownerReference?: OwnerReference;
  ytt?: YttRunner;
  substitution?: SubstitutionBudget;
  /** cartotest's mock supply chain: its own labels and context in place of the controller's. */
  mock?: { labels: Record<string, string>; context: (params: ReadonlyMap<string, ParamValue>) => GoStruct };
}

/**
 * Params, labels and context for one resource of one owner, then the stamper: the step render's
 * walk and `carto test` (real or mock supply chain) share.
 */
export function stampResource(at: StampAt & { inputs: ResourceInputs }, options: StampResourceOptions): ResourceStamping {
  const { owner, blueprint, resource, template, semantics } = at;
  const params = mergeParams(template, blueprint, resource, owner, semantics);
  const labels = options.mock?.labels ?? cartoLabels(owner, blueprint, resource, template, semantics);
  const context = options.mock?.context(params) ?? buildContext({ owner: at.typed, params, inputs: at.inputs, labels }, semantics);
  // Set one by one rather than spread: this runs for every resource of every owner.
  const stampOptions: StampOptions = { context, labels, namespace: owner.namespace, semantics };
  if (options.ownerReference) stampOptions.ownerReference = options.ownerReference;
  if (options.ytt) stampOptions.ytt = options.ytt;
  if (options.substitution) stampOptions.substitution = options.substitution;
  return { params, labels, stamped: stampTemplate(template, stampOptions) };
}

/** A resource stamped against given upstream outputs (cartotest's previousOutputs), as the walk would. */
export function stampTarget(at: StampAt, outputs: OutputMap, options: StampResourceOptions): ResourceStamping {
  return stampResource({ ...at, inputs: gatherInputs(at.blueprint, at.resource, outputs) }, options);
}

function settle(walk: Walk, entry: ResourceReport, settled: Exclude<Settled, { error: string }>): ResourceReport {
  walk.outputs.set(entry.resource.name, settled.output);
  walk.outputValues.set(entry.resource.name, settled.values);
  entry.outputs = settled.values;
  recordHealth(entry, walk.semantics);
  return entry;
}

/** The resource has no output; the one place its failure is worded. */
function fail(walk: Walk, entry: ResourceReport, failure: ResourceFailure, mocks?: MockWitness): ResourceReport {
  entry.failed = true;
  entry.failure = failure;
  walk.outputs.set(entry.resource.name, null);
  recordHealth(entry, walk.semantics);
  walk.diagnostics.push(...resourceDiagnostics(failure, {
    owner: walk.owner,
    blueprint: walk.blueprint,
    resource: entry.resource,
    semantics: walk.semantics,
    ...(entry.template ? { template: entry.template } : {}),
    ...(entry.params ? { params: entry.params } : {}),
    ...(entry.inputs ? { inputs: entry.inputs } : {}),
    ...(entry.object ? { object: entry.object } : {}),
    ...(walk.sources.observed?.length ? { observed: entry.object && findObserved(entry.object, walk.sources.observed) ? 'matched' as const : 'unmatched' as const } : {}),
    ...(mocks ? { mocks } : {}),
  }));
  return entry;
}
