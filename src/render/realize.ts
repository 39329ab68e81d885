// Walks one owner's blueprint the way the controller's realizer does: choose each resource's
// template (or option, or passThrough), gather its inputs from earlier outputs, merge params,
// stamp, finish (namespace, owner reference, labels), then settle its outputs. Current
// Cartographer keeps going after a failed resource (its output is simply missing); 0.0.6
// stopped at the first failure.
import { forwardReferences, gatherInputs, type OutputMap, type ResourceInputs, type ResourceOutput } from '../chain/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JSONValue } from '../jsonpath/index.js';
import { isTemplateKind, judgeMissingTemplates, templateKey, type Blueprint, type Catalog, type Format, type JSONObject, type Owner, type Resource, type Template } from '../model/index.js';
import { deploymentReadiness, findObserved, mockUid, outputFieldsOf, resolveAbsentOutputs, resolveOutputs, type OutputSources, type OutputValue } from '../outputs/index.js';
import { chooseOption, selectBlueprint, type BlueprintSelection } from '../select/index.js';
import { buildContext } from '../stamp/context.js';
import { finishObject, type OwnerReference } from '../stamp/finish.js';
import { interpolateTemplate, substitutionBudget, type SubstitutionBudget } from '../stamp/interpolate.js';
import { stampYtt, type YttRunner } from '../stamp/ytt.js';
import { locateBodyLine } from '../load/index.js';
import { cartoLabels } from '../stamp/labels.js';
import { mergeParams } from '../stamp/params.js';
import { diagnostic, ownerRef, type Where } from './diagnose.js';
import { stampHint, yttHint } from './hints.js';
import { readYttFailure } from './ytt-access.js';
import type { OwnerReport, ResourceReport, StampedObject } from './report.js';
import { realizeRunnable } from './runnable.js';
import { readRunnable } from '../model/owner.js';
import { MAX_OBJECTS, formatCount } from '../util/limits.js';
import type { ObjectRef } from '../diagnostics/diagnostic.js';
import { typedOwner } from './typed-owner.js';
import { configReadAsPodTemplate, mockWitness, withMockHint, type UidMock } from './mocks.js';

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
}

export interface Realized {
  report: OwnerReport;
  objects: StampedObject[];
  diagnostics: Diagnostic[];
}

/** One render stamps at most MAX_OBJECTS objects: more is an error, not an out-of-memory crash. */
export function tooManyObjects(where: Where, owner: ObjectRef): Diagnostic {
  return diagnostic('error', 'render-limit', `the inputs stamp more than carto's limit of ${formatCount(MAX_OBJECTS)} objects; stopped at ${owner.kind} ${owner.namespace ?? ''}/${owner.name}`, where, {
    owner,
    hint: 'render fewer owners at a time (--workload), or check the blueprints: no real supply chain stamps this many',
  });
}

export function realizeOwner(owner: Owner, catalog: Catalog, semantics: Format, options: RealizeOptions): Realized {
  const substitution = options.substitution ?? substitutionBudget();
  const diagnostics: Diagnostic[] = [];
  const objects: StampedObject[] = [];
  const report: OwnerReport = { owner, semantics, resources: [], runnables: [] };
  const done = (): Realized => ({ report, objects, diagnostics });
  const who = ownerRef(owner);

  // An owner written by hand has no uid; templates that read one get a stand-in.
  const uidMock: UidMock | undefined = owner.uid ? undefined : { ownerKind: owner.kind, ownerName: owner.name, value: mockUid(owner) };
  const typed = typedOwner(owner, semantics, uidMock?.value);
  diagnostics.push(...typed.diagnostics.map((d) => ({ ...d, owner: who })));
  if (typed.diagnostics.length > 0) return done();

  const selection = selectBlueprint(owner, catalog.blueprints, typed.value, semantics);
  report.selection = selection;
  if (!selection.ok) {
    diagnostics.push(selectionDiagnostic(owner, selection, catalog.blueprints));
    return done();
  }
  const blueprint = selection.blueprint;
  report.blueprint = blueprint;
  const where = (path: readonly (string | number)[]): Where => ({ doc: blueprint.doc, object: { kind: blueprint.kind, name: blueprint.name }, path });
  const deploymentInputMissing = (resource: Resource, error: string): Diagnostic =>
    diagnostic('error', 'deployment-input-missing', error, where([...resource.path]), {
      controllerMessage: error,
      hint: `give resource ${resource.name} a deployment input (deployment: {resource: …}) from a resource before it`,
    });

  // The controller realizes nothing unless every referenced template exists (blueprint Ready).
  const missing = perBlueprint(missingTemplatesCache, blueprint, () => missingTemplates(blueprint, catalog));
  const verdicts = judgeMissingTemplates(missing, catalog, { kind: blueprint.kind, format: semantics }, options.missingTemplates ?? 'error');
  const unmocked = verdicts.filter((v) => !v.mocked);
  if (unmocked.length > 0) {
    for (const m of unmocked) {
      diagnostics.push(
        diagnostic('error', 'template-not-found', `${m.kind} ${m.name} is not in the inputs (resource ${m.resource.name})`, where(m.path), {
          owner: who,
          resource: m.resource.name,
          controllerMessage: m.controllerMessage,
          hint: m.hint,
        }),
      );
    }
    return done();
  }
  if (missing.length > 0) report.missingTemplates = missing;

  for (const ref of perBlueprint(forwardReferencesCache, blueprint, () => forwardReferences(blueprint))) {
    diagnostics.push(
      diagnostic('error', 'forward-reference',
        `input ${ref.ref.name} of resource ${ref.resource.name} comes from resource ${ref.ref.resource}, which is not before it in spec.${resourcesKey(blueprint)}`,
        where([...ref.resource.path, ref.field, ...(ref.field === 'deployment' ? [] : [ref.index])]),
        {
          owner: who,
          resource: ref.resource.name,
          hint: `Cartographer walks resources in list order and each sees only the outputs of those before it, so this input is never available: move ${ref.ref.resource} before ${ref.resource.name}`,
        }),
    );
  }

  const outputs: OutputMap = new Map();
  const outputValues = new Map<string, OutputValue[]>();
  const ownerReference: OwnerReference | undefined =
    options.ownerReferences && owner.uid
      ? { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true }
      : undefined;

  for (const resource of blueprint.resources) {
    if (objects.length >= MAX_OBJECTS) {
      diagnostics.push(tooManyObjects(where(resource.path), who));
      break;
    }
    const entry: ResourceReport = { resource, outputs: [], failed: false };
    report.resources.push(entry);
    const failed = (d: Diagnostic): void => {
      diagnostics.push({ ...d, owner: who, resource: resource.name });
      entry.failed = true;
      outputs.set(resource.name, null);
    };

    // 1. The template: its name, the best option, or a passThrough of an input.
    let templateName = resource.templateRef.name;
    if (resource.templateRef.options && resource.templateRef.options.length > 0) {
      const choice = chooseOption(resource, blueprint, owner, typed.value, semantics);
      if (!choice.ok) {
        failed(diagnostic('error', choice.code === 'option-match' ? 'no-option-match' : 'invalid-option-selector', choice.message, where([...resource.path, 'templateRef', 'options']), {
          controllerMessage: choice.message,
          hint: choice.code === 'option-match' ? 'exactly one option selector must match the owner best; make one more specific or fix the owner labels/fields' : undefined,
        }));
        entry.optionVerdicts = choice.verdicts;
        if (semantics === '0.0.6') break;
        continue;
      }
      entry.option = choice.option;
      entry.optionVerdicts = choice.verdicts;
      templateName = choice.option.name;
      if (choice.option.passThrough !== undefined) {
        const inputs = gatherInputs(blueprint, resource, outputs);
        entry.inputs = inputs;
        entry.passThrough = choice.option.passThrough;
        const passed = passThrough(resource, choice.option.passThrough, inputs, outputValues);
        if ('error' in passed) {
          failed(diagnostic('error', 'pass-through-input-missing', passed.error, where([...resource.path, 'templateRef', 'options']), {
            controllerMessage: `unable to retrieve outputs from pass through [${choice.option.passThrough}] for resource [${resource.name}] in supply chain [${blueprint.name}]: ${passed.error}`,
          }));
          continue;
        }
        outputs.set(resource.name, passed.output);
        outputValues.set(resource.name, passed.values);
        entry.outputs = passed.values;
        continue;
      }
    }
    const template = catalog.templates.get(templateKey(resource.templateRef.kind, templateName ?? ''));
    if (!template) {
      // Only with --missing-templates mock: otherwise the walk never started.
      entry.inputs = gatherInputs(blueprint, resource, outputs);
      const shape = configReadAsPodTemplate(blueprint, resource, catalog) ? 'pod-template' : undefined;
      const absent = absentTemplate(owner, resource, templateName ?? '', entry.inputs, outputValues, options.outputs, shape);
      entry.missingTemplate = { kind: resource.templateRef.kind, name: templateName ?? '' };
      if ('error' in absent) {
        failed(deploymentInputMissing(resource, absent.error));
        continue;
      }
      outputs.set(resource.name, absent.output);
      outputValues.set(resource.name, absent.values);
      entry.outputs = absent.values;
      continue;
    }
    entry.template = template;
    const tplWhere = (path: readonly (string | number)[]): Where => ({ doc: template.doc, object: { kind: template.kind, name: template.name }, path });
    // Only an error needs the controller's prefix: built then, not for every resource.
    const stampPrefix = () => semantics === '0.0.6'
      ? `unable to stamp object for component '${resource.name}'`
      : `unable to stamp object for resource [${resource.name}] for template [${template.kind}/${template.name}] in supply chain [${blueprint.name}]`;

    // 2. Inputs, params, labels, context.
    const inputs = gatherInputs(blueprint, resource, outputs);
    entry.inputs = inputs;
    const params = mergeParams(template, blueprint, resource, owner, semantics);
    entry.params = params;
    const labels = cartoLabels(owner, blueprint, resource, template, semantics);
    const context = buildContext({ owner: typed.value, params, inputs, labels }, semantics);
    const mocks = mockWitness({ report, entry, template, inputs, outputValues, ...(uidMock ? { uid: uidMock } : {}) });

    // 3. Stamp.
    let stamped: JSONObject;
    if (template.ytt !== undefined && template.template) {
      // The admission webhook refuses such a template, so the controller never sees one.
      failed(diagnostic('error', 'template-source', 'invalid template: must specify one of template or ytt, found both', tplWhere(['spec', 'ytt']), {
        hint: 'keep spec.template or spec.ytt, not both: kubectl apply would be refused by the webhook',
      }));
      if (semantics === '0.0.6') break;
      continue;
    } else if (template.ytt !== undefined) {
      if (!options.ytt) {
        failed(diagnostic('error', 'ytt-unavailable', `${template.kind} ${template.name} uses spec.ytt, and no ytt runner was given`, tplWhere(['spec', 'ytt']), {
          hint: 'pass the built-in engine (render from the package index does) or a ytt binary',
        }));
        if (semantics === '0.0.6') break;
        continue;
      }
      const result = stampYtt(template.ytt, context, options.ytt);
      if (!result.ok) {
        const failure = readYttFailure(result.detail ?? result.reason);
        const hint = yttHint(failure, { owner, resource, params, inputs, semantics, blueprintKind: blueprint.kind });
        failed(diagnostic('error', 'ytt-error', result.reason, { ...tplWhere(['spec', 'ytt']), ...(result.line !== undefined ? { line: yttLine(template, result.line) } : {}) }, {
          controllerMessage: `${stampPrefix()}: ${result.controllerMessage}`,
          ...(result.detail ? { detail: result.detail } : {}),
          ...withMockHint(mocks.yttError(failure), hint),
        }));
        if (semantics === '0.0.6') break;
        continue;
      }
      stamped = result.object;
    } else if (!template.template) {
      failed(diagnostic('error', 'template-empty', `${template.kind} ${template.name} has neither spec.template nor spec.ytt`, tplWhere(['spec']), {
        controllerMessage: `${stampPrefix()}: unknown resource template type, expected either template or ytt`,
      }));
      if (semantics === '0.0.6') break;
      continue;
    } else {
      const interpolated = interpolateTemplate(template.template as JSONValue, context, semantics, substitution);
      if (interpolated.errors.length > 0) {
        for (const err of interpolated.errors) {
          const hint = stampHint(err, { owner, resource, params, inputs, semantics, blueprintKind: blueprint.kind });
          const code = err.code;
          failed(diagnostic('error', code, err.reason, tplWhere(['spec', 'template', ...err.path]), {
            // Past one of carto's own limits the controller has no message to quote: it would run on.
            ...(code === 'render-limit' ? {} : { controllerMessage: `${stampPrefix()}: failed to recursively evaluate template: ${err.controllerMessage}` }),
            ...withMockHint(mocks.placeholderError(err.expression), hint),
          }));
        }
        if (semantics === '0.0.6') break;
        continue;
      }
      stamped = interpolated.value as JSONObject;
    }
    const finished = finishObject(stamped, {
      namespace: owner.namespace,
      labels,
      ...(ownerReference ? { ownerReference } : {}),
      semantics,
    });
    if (!finished.ok) {
      failed(diagnostic('error', 'foreign-namespace', finished.reason, tplWhere(['spec', 'template', ...finished.path]), {
        controllerMessage: `${stampPrefix()}: ${finished.reason}`,
        hint: `remove metadata.namespace from the template: stamped objects always go to the ${owner.kind}'s namespace`,
      }));
      if (semantics === '0.0.6') break;
      continue;
    }
    const object = finished.object;
    entry.object = object;
    mocks.stamped(object);
    objects.push({ via: 'blueprint', object, owner, blueprint, resource, template });
    const meta = object['metadata'] as JSONObject;
    if (!meta['name'] && !meta['generateName']) {
      diagnostics.push(diagnostic('warning', 'no-name', `the object stamped for resource ${resource.name} has neither metadata.name nor metadata.generateName; the API server will reject it`, tplWhere(['spec', 'template', 'metadata']), { owner: who, resource: resource.name }));
    }

    // 4. A stamped Runnable: render what it would stamp, and let its outputs be its status.
    let computedStatus: { status: JSONObject; origin: string } | undefined;
    if (options.expandRunnables && isRunnable(object)) {
      const meta = object['metadata'] as JSONObject;
      const runnableName = typeof meta['name'] === 'string' ? meta['name'] : String(meta['generateName'] ?? '');
      const runnable = readRunnable(template.doc, runnableName, owner.namespace, diagnostics, object, { owner, resource: resource.name });
      const expanded = realizeRunnable(runnable, catalog, {
        ...(options.outputs.observed ? { observed: options.outputs.observed } : {}),
        ownerReferences: options.ownerReferences,
        substitution,
        // What the Runnable's inputs owe to mocks is what its stamping resource's inputs did.
        inputsMockHint: () => mocks.anyError(),
      });
      diagnostics.push(...expanded.diagnostics);
      objects.push(...expanded.objects);
      report.runnables.push(expanded.report);
      const known = expanded.report.outputs.filter((o) => o.provenance !== 'mock');
      if (known.length > 0) {
        computedStatus = { status: { outputs: Object.fromEntries(known.map((o) => [o.name, o.value])) }, origin: `outputs of Runnable ${runnable.namespace}/${runnable.name} (--expand-runnables)` };
      }
    }

    // 5. Outputs.
    if (template.kind === 'ClusterDeploymentTemplate') {
      const settled = deploymentOutputs(template, object, resource, inputs, outputValues, options.outputs, semantics);
      if ('error' in settled) {
        failed(deploymentInputMissing(resource, settled.error));
        continue;
      }
      if (settled.note) diagnostics.push(diagnostic(settled.note.severity, settled.note.code, settled.note.message, tplWhere(['spec']), { owner: who, resource: resource.name, ...(settled.note.controllerMessage ? { controllerMessage: settled.note.controllerMessage } : {}) }));
      outputs.set(resource.name, settled.output);
      outputValues.set(resource.name, settled.values);
      entry.outputs = settled.values;
      continue;
    }
    for (const { field, pathKey, path } of outputFieldsOf(template)) {
      if (path === undefined || path === '') {
        diagnostics.push(diagnostic('warning', 'missing-output-path', `${template.kind} ${template.name} has no spec.${pathKey}, so its ${field} output cannot be read`, tplWhere(['spec']), { owner: who, resource: resource.name }));
      }
    }
    const resolved = resolveOutputs(template, object, owner, resource.name, options.outputs, semantics, computedStatus);
    if (resolved.error) {
      const { field, path, pathKey, message } = resolved.error;
      failed(diagnostic('error', 'output-path-error', `the ${field} output cannot be read with ${pathKey} ${path}: ${message}`, tplWhere(['spec', pathKey]), {
        hint: `fix spec.${pathKey}; until then the controller gets no output from ${resource.name}, and the resources that take it as an input go without`,
      }));
      entry.outputs = resolved.values;
      if (semantics === '0.0.6') break;
      continue;
    }
    outputs.set(resource.name, resolved.output);
    outputValues.set(resource.name, resolved.values);
    entry.outputs = resolved.values;
  }
  return done();
}

/** The line in the template's file of line `bodyLine` of its spec.ytt (in the file of spec.ytt's own position). */
function yttLine(template: Template, bodyLine: number): number {
  return locateBodyLine(template.doc, ['spec', 'ytt'], bodyLine, template.ytt ?? '').line;
}

function isRunnable(object: JSONObject): boolean {
  return object['kind'] === 'Runnable' && typeof object['apiVersion'] === 'string' && object['apiVersion'].startsWith('carto.run/');
}

/**
 * A ClusterDeploymentTemplate's output is its deployment input, passed through once the stamped
 * object is ready (observedMatches / observedCompletion); until then it has none.
 */
function deploymentOutputs(
  template: Template,
  object: JSONObject,
  resource: Resource,
  inputs: ResourceInputs,
  outputValues: ReadonlyMap<string, OutputValue[]>,
  sources: OutputSources,
  semantics: Format,
):
  | { error: string }
  | { output: ResourceOutput; values: OutputValue[]; note?: { severity: Diagnostic['severity']; code: string; message: string; controllerMessage?: string } } {
  const observed = sources.observed?.length ? findObserved(object, sources.observed) : undefined;
  const readiness = deploymentReadiness(template, object, observed, semantics);
  if (!readiness.ready) {
    const message = `resource [${resource.name}] condition not met: ${readiness.reason}`;
    return {
      output: { waiting: readiness.reason },
      values: [],
      note: { severity: 'warning', code: 'deployment-not-ready', message: `the deployment of resource ${resource.name} is not ready on the observed object, so it has no output: ${readiness.reason}`, controllerMessage: message },
    };
  }
  const passed = passDeployment(resource, inputs, outputValues);
  if ('error' in passed) return passed;
  return {
    ...passed,
    ...(readiness.assumed
      ? { note: { severity: 'note' as const, code: 'deployment-assumed-ready', message: `the deployment of resource ${resource.name} is taken as complete: ${readiness.assumed} (give it with --observed to check)` } }
      : {}),
  };
}

/** A deployment's output: its deployment input, passed through with the values' provenance. */
function passDeployment(resource: Resource, inputs: ResourceInputs, outputValues: ReadonlyMap<string, OutputValue[]>): { output: ResourceOutput; values: OutputValue[] } | { error: string } {
  if (!inputs.deployment) return { error: 'deployment not found in upstream template' };
  const values = (outputValues.get(resource.deployment?.resource ?? '') ?? []).filter((v) => v.field === 'url' || v.field === 'revision');
  return { output: { source: { url: inputs.deployment.url, revision: inputs.deployment.revision } }, values };
}

// What depends only on the blueprint is worked out once, not for each of its thousand owners.
const missingTemplatesCache = new WeakMap<Blueprint, ReturnType<typeof missingTemplates>>();
const forwardReferencesCache = new WeakMap<Blueprint, ReturnType<typeof forwardReferences>>();

function perBlueprint<T>(cache: WeakMap<Blueprint, T>, blueprint: Blueprint, compute: () => T): T {
  let value = cache.get(blueprint);
  if (value === undefined) cache.set(blueprint, (value = compute()));
  return value;
}

function resourcesKey(blueprint: Blueprint): string {
  return blueprint.format === '0.0.6' ? 'components' : 'resources';
}

function missingTemplates(blueprint: Blueprint, catalog: Catalog): Array<{ resource: Resource; kind: string; name: string; path: (string | number)[] }> {
  const missing: Array<{ resource: Resource; kind: string; name: string; path: (string | number)[] }> = [];
  for (const resource of blueprint.resources) {
    const kind = resource.templateRef.kind;
    const options = resource.templateRef.options;
    if (options && options.length > 0) {
      options.forEach((option, i) => {
        if (option.name !== undefined && !catalog.templates.has(templateKey(kind, option.name))) {
          missing.push({ resource, kind, name: option.name, path: [...resource.path, 'templateRef', 'options', i, 'name'] });
        }
      });
    } else if (!catalog.templates.has(templateKey(kind, resource.templateRef.name ?? ''))) {
      missing.push({ resource, kind: kind || 'template', name: resource.templateRef.name ?? '(no name)', path: [...resource.path, 'templateRef'] });
    }
  }
  return missing;
}

/**
 * A resource whose template is not in the inputs (--missing-templates mock) stamps nothing; its
 * outputs are supplied or mocks of its kind. A ClusterDeploymentTemplate's output never came from
 * its object: its deployment input passes through, as once the deployment completes.
 */
function absentTemplate(
  owner: Owner,
  resource: Resource,
  name: string,
  inputs: ResourceInputs,
  outputValues: ReadonlyMap<string, OutputValue[]>,
  sources: OutputSources,
  shape: 'pod-template' | undefined,
): { output: ResourceOutput; values: OutputValue[] } | { error: string } {
  const kind = resource.templateRef.kind;
  if (kind === 'ClusterDeploymentTemplate') return passDeployment(resource, inputs, outputValues);
  return resolveAbsentOutputs(isTemplateKind(kind) ? kind : 'ClusterTemplate', owner, resource.name, sources, `${kind} ${name} is not in the inputs`, shape);
}

/** A passThrough option stamps nothing: the resource's output is its own input of that name. */
function passThrough(
  resource: Resource,
  input: string,
  inputs: ResourceInputs,
  outputValues: ReadonlyMap<string, OutputValue[]>,
): { output: ResourceOutput; values: OutputValue[] } | { error: string } {
  const upstreamValues = (type: 'sources' | 'images' | 'configs') => {
    const ref = resource[type].filter((r) => r.name === input).at(-1);
    return ref ? outputValues.get(ref.resource) ?? [] : [];
  };
  switch (resource.templateRef.kind) {
    case 'ClusterSourceTemplate': {
      const source = Object.prototype.hasOwnProperty.call(inputs.sources, input) ? inputs.sources[input] : undefined;
      if (!source) return { error: `input [${input}] not found in sources` };
      return { output: { source: { url: source.url, revision: source.revision } }, values: upstreamValues('sources') };
    }
    case 'ClusterImageTemplate': {
      const image = Object.prototype.hasOwnProperty.call(inputs.images, input) ? inputs.images[input] : undefined;
      if (!image) return { error: `input [${input}] not found in images` };
      return { output: { image: image.image }, values: upstreamValues('images') };
    }
    case 'ClusterConfigTemplate': {
      const config = Object.prototype.hasOwnProperty.call(inputs.configs, input) ? inputs.configs[input] : undefined;
      if (!config) return { error: `input [${input}] not found in configs` };
      return { output: { config: config.config }, values: upstreamValues('configs') };
    }
    case 'ClusterDeploymentTemplate':
      return passDeployment(resource, inputs, outputValues);
    default:
      return { output: {}, values: [] };
  }
}

function selectionDiagnostic(owner: Owner, selection: Extract<BlueprintSelection, { ok: false }>, blueprints: readonly Blueprint[]): Diagnostic {
  const words = owner.kind === 'Workload' ? { bp: 'ClusterSupplyChain' } : { bp: 'ClusterDelivery' };
  const where: Where = { doc: owner.doc, object: ownerRef(owner), path: ['metadata', 'labels'] };
  switch (selection.code) {
    case 'owner-labels-missing':
      return diagnostic('error', selection.code, `${owner.kind} ${owner.namespace}/${owner.name} has no labels, so no ${words.bp} can select it`, { ...where, path: ['metadata'] }, {
        owner: ownerRef(owner),
        controllerMessage: selection.message,
        hint: `add the labels a ${words.bp} selects on${selectorHint(blueprints.filter((b) => b.kind === words.bp))}`,
      });
    case 'no-blueprint-match':
      return diagnostic('error', selection.code, `no ${words.bp} selects ${owner.kind} ${owner.namespace}/${owner.name}`, where, {
        owner: ownerRef(owner),
        controllerMessage: selection.message,
        hint: selection.candidates.length === 0
          ? `the inputs hold no ${words.bp}; add it with -f`
          : selection.candidates.map((c) => `${c.blueprint.name}: ${c.verdict.matched ? 'matched' : c.verdict.reason}`).join('; '),
      });
    case 'blueprint-tie':
      return diagnostic('error', selection.code, `${owner.kind} ${owner.namespace}/${owner.name} is selected equally by ${selection.involved.map((b) => `${b.kind} ${b.name}`).join(' and ')}`, where, {
        owner: ownerRef(owner),
        controllerMessage: selection.message,
        hint: `make one ${words.bp}'s selector more specific (more labels or fields), or change the ${owner.kind}'s labels`,
      });
    case 'invalid-selector': {
      const bp = selection.involved[0];
      return diagnostic('error', selection.code, selection.message, bp ? { doc: bp.doc, object: { kind: bp.kind, name: bp.name }, path: ['spec'] } : where, {
        owner: ownerRef(owner),
        controllerMessage: selection.message,
      });
    }
  }
}

/** `: app=web (ClusterSupplyChain web)` — what the blueprints in the inputs select on. */
function selectorHint(blueprints: readonly Blueprint[]): string {
  const parts = blueprints.flatMap((b) => {
    const terms = Object.entries(b.selector.matchLabels).map(([k, v]) => `${k}: ${v}`);
    return terms.length > 0 ? [`${terms.join(', ')} (${b.kind} ${b.name})`] : [];
  });
  return parts.length > 0 ? `, e.g. ${parts.join('; ')}` : '';
}
