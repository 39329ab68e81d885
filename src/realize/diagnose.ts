// The one place where the realization core's failures become words: a plain sentence, the
// controller's own message, and a hint. Owner- and blueprint-level problems are Findings (what
// and where), which render turns into diagnostics and lint into lint diagnostics of the same
// rule; a resource's failure becomes render's diagnostics here, with the mocks that may have
// caused it named first.
import type { Diagnostic, ObjectRef } from '../diagnostics/diagnostic.js';
import { formatPath, qualifiedResource, type Blueprint, type Format, type JSONObject, type Owner, type Resource, type Runnable, type RunTemplate, type Template } from '../model/index.js';
import { blueprintKindFor, goMap, optionLabel, type BlueprintSelection, type OptionChoice, type SelectorSpot } from '../select/index.js';
import type { InterpolationError } from '../stamp/interpolate.js';
import { stamperError, type StampFailure } from '../stamp/stamp.js';
import type { ResourceInputs } from '../chain/index.js';
import type { ParamValue } from '../stamp/params.js';
import { locateBodyLine } from '../load/index.js';
import { duplicateResourceMessage, type DuplicateResource, type ForwardRef, type MissingVerdict } from './blueprint-checks.js';
import { stampHint, yttHint, type HintContext } from './hints.js';
import { uidSentence, withMockHint, type MockWitness } from './mocks.js';
import type { ResourceFailure, RunnableFailure } from './report.js';
import { diagnostic, ownerRef, type Where } from './where.js';
import { readYttFailure } from './ytt-access.js';

/** A problem and where it is, before render or lint words its position and severity. */
export interface Finding {
  code: string;
  message: string;
  at: Where;
  controllerMessage?: string;
  hint?: string;
  detail?: string;
  /** A missing template the platform may install (Diagnostic.platformTemplate). */
  platformTemplate?: ObjectRef;
}

/** A Finding as render reports it: an error of one owner. */
export function findingDiagnostic(f: Finding, owner: Owner, resource?: string): Diagnostic {
  return diagnostic('error', f.code, f.message, f.at, {
    owner: ownerRef(owner),
    ...(resource !== undefined ? { resource } : {}),
    ...(f.controllerMessage !== undefined ? { controllerMessage: f.controllerMessage } : {}),
    ...(f.hint !== undefined ? { hint: f.hint } : {}),
    ...(f.detail !== undefined ? { detail: f.detail } : {}),
    ...(f.platformTemplate !== undefined ? { platformTemplate: f.platformTemplate } : {}),
  });
}

export function selectionFinding(owner: Owner, selection: Extract<BlueprintSelection, { ok: false }>, blueprints: readonly Blueprint[]): Finding {
  const bp = blueprintKindFor(owner);
  const at: Where = { doc: owner.doc, object: ownerRef(owner), path: ['metadata', 'labels'] };
  const name = `${owner.kind} ${owner.namespace}/${owner.name}`;
  const controllerMessage = selection.message;
  switch (selection.code) {
    case 'owner-labels-missing':
      return { code: selection.code, message: `${name} has no labels, so no ${bp} can select it`, at: { ...at, path: ['metadata'], key: true }, controllerMessage,
        hint: `add the labels a ${bp} selects on${selectorHint(blueprints.filter((b) => b.kind === bp))}` };
    case 'no-blueprint-match':
      // At the labels the selectors were matched against (render and lint alike).
      return { code: selection.code, message: `no ${bp} selects ${name}`, at: { ...at, key: false }, controllerMessage,
        hint: selection.candidates.length === 0
          ? `the inputs hold no ${bp}; add it with -f`
          : selection.candidates.map((c) => `${c.blueprint.name}: ${c.verdict.matched ? 'matched' : c.verdict.reason}`).join('; ') };
    case 'blueprint-tie':
      return { code: selection.code, message: `${name} is selected equally by ${selection.involved.map((b) => `${b.kind} ${b.name}`).join(' and ')}`, at: { ...at, key: false }, controllerMessage,
        hint: `make one ${bp}'s selector more specific (more labels or fields), or change the ${owner.kind}'s labels` };
    case 'invalid-selector': {
      const first = selection.involved[0];
      const of = first ? `${first.kind} ${first.name}` : `a ${bp}`;
      const where = first ? blueprintWhere(first, selection.at ? [...BLUEPRINT_SELECTOR[selection.at.part], ...selection.at.path] : ['spec']) : at;
      return { code: selection.code, message: `the selector of ${of} (spec.selector, selectorMatchExpressions or selectorMatchFields) cannot be evaluated for ${name}`, at: { ...where, key: selection.at?.key ?? false }, controllerMessage };
    }
  }
}

/** Where a current blueprint keeps each part of its selector. */
const BLUEPRINT_SELECTOR: Record<SelectorSpot['part'], string[]> = {
  matchLabels: ['spec', 'selector'],
  matchExpressions: ['spec', 'selectorMatchExpressions'],
  matchFields: ['spec', 'selectorMatchFields'],
};

/** `, e.g. app: web (ClusterSupplyChain web)` — what the blueprints in the inputs select on. */
function selectorHint(blueprints: readonly Blueprint[]): string {
  const parts = blueprints.flatMap((b) => {
    const terms = Object.entries(b.selector.matchLabels).map(([k, v]) => `${k}: ${v}`);
    return terms.length > 0 ? [`${terms.join(', ')} (${b.kind} ${b.name})`] : [];
  });
  return parts.length > 0 ? `, e.g. ${parts.join('; ')}` : '';
}

/** A template the blueprint names that the inputs lack (and that is not taken as the platform's). */
export function missingTemplateFinding(blueprint: Blueprint, m: MissingVerdict): Finding {
  return {
    code: 'template-not-found',
    message: `${m.kind} ${m.name} is not in the inputs (resource ${m.resource.name})`,
    at: blueprintWhere(blueprint, m.path),
    controllerMessage: m.controllerMessage,
    hint: missingTemplateHint(blueprint, m),
    ...(mayBeInstalled(m) ? { platformTemplate: { kind: m.kind, name: m.name } } : {}),
  };
}

/** A template that may be the platform's: not a nameless reference, a wrong kind or a slip of a name the inputs have. */
function mayBeInstalled(m: MissingVerdict): boolean {
  return m.ref !== 'nameless' && !m.otherKind && !m.closest;
}

/** A resource named twice: the webhook refuses the blueprint, so it realizes nothing. */
export function duplicateResourceFinding(blueprint: Blueprint, d: DuplicateResource): Finding {
  const list = blueprint.format === '0.0.6' ? 'components' : 'resources';
  return {
    code: 'duplicate-resource-name',
    // Worded as lint words the webhook rule (src/lint/plain.ts), so the two read the same.
    message: `${blueprint.kind} ${blueprint.name}: spec.${list}[${d.index}].name repeats the name ${d.resource.name}, which another resource already has`,
    at: blueprintWhere(blueprint, [...d.resource.path, 'name']),
    controllerMessage: duplicateResourceMessage(blueprint, d.resource.name, d.index),
    hint: `rename one of them: kubectl apply would be refused by the webhook, so no ${blueprint.kind === 'ClusterDelivery' ? 'Deliverable' : 'Workload'} is realized through it`,
  };
}

function missingTemplateHint(blueprint: Blueprint, m: MissingVerdict): string {
  // A typo (no name) or a wrong kind is not a template the platform installs (mayBeInstalled).
  if (m.ref === 'nameless') return `give resource ${m.resource.name}'s templateRef a name (or options): kubectl apply would be refused by the webhook (exactly one of templateRef.Name or templateRef.Options must be specified)`;
  if (m.otherKind) return `the inputs have a ${m.otherKind} named ${m.name}: is templateRef.kind right?`;
  if (m.closest) return `did you mean ${m.closest}? the inputs have a ${m.kind} of that name`;
  return `add the ${m.kind} to the inputs (-f), or fix the name; if the platform installs it (a distribution's out-of-the-box templates), pass --missing-templates mock to take it as installed, with its outputs mocked; the controller stamps nothing for a ${blueprint.kind} until every template it references exists, options included`;
}

export function forwardReferenceFinding(blueprint: Blueprint, ref: ForwardRef): Finding {
  const at = blueprintWhere(blueprint, [...ref.resource.path, ref.field, ...(ref.field === 'deployment' ? [] : [ref.index])]);
  const list = `spec.${blueprint.format === '0.0.6' ? 'components' : 'resources'}`;
  // A resource never sees its own output: moving it before itself is no advice.
  if (ref.ref.resource === ref.resource.name) {
    return {
      code: 'forward-reference',
      message: `input ${ref.ref.name} of resource ${ref.resource.name} comes from resource ${ref.resource.name} itself, which is not before it in ${list}`,
      at,
      hint: `a resource never sees its own output, so this input is never available: take it from a resource before ${ref.resource.name}`,
    };
  }
  return {
    code: 'forward-reference',
    message: `input ${ref.ref.name} of resource ${ref.resource.name} comes from resource ${ref.ref.resource}, which is not before it in ${list}`,
    at,
    hint: `Cartographer walks resources in list order and each sees only the outputs of those before it, so this input is never available: move ${ref.ref.resource} before ${ref.resource.name}`,
  };
}

/** No option, or more than one, matches the owner best; or an option's selector cannot be evaluated. */
export function optionFinding(blueprint: Blueprint, resource: Resource, choice: Extract<OptionChoice, { ok: false }>): Finding {
  const matching = choice.code === 'option-match';
  const options = resource.templateRef.options ?? [];
  const best = choice.verdicts.filter((v) => v.matched).length;
  const field = `resource ${resource.name}'s templateRef.options in ${blueprint.kind} ${blueprint.name}`;
  return {
    code: matching ? 'no-option-match' : 'invalid-option-selector',
    message: !matching
      ? `an option selector of ${field} cannot be evaluated for the owner`
      : best === 0 ? `none of ${field} matches the owner` : `several of ${field} match the owner equally well`,
    at: choice.at
      ? { ...blueprintWhere(blueprint, [...resource.path, 'templateRef', 'options', choice.at.option, 'selector', choice.at.spot.part, ...choice.at.spot.path]), key: choice.at.spot.key ?? false }
      : blueprintWhere(blueprint, [...resource.path, 'templateRef', 'options']),
    controllerMessage: choice.message,
    ...(matching
      ? {
          hint: 'exactly one option selector must match the owner best; make one more specific or fix the owner labels/fields',
          detail: choice.verdicts.map((v, i) => `${optionLabel(options[i] ?? {})}: ${v.matched ? `matched (${v.score} terms)` : v.reason}`).join('; '),
        }
      : {}),
  };
}

export function blueprintWhere(blueprint: Blueprint, path: readonly (string | number)[]): Where {
  return { doc: blueprint.doc, object: { kind: blueprint.kind, name: blueprint.name }, path };
}

/** What a resource's failure is worded with: the walk's view of it. */
export interface FailureContext {
  owner: Owner;
  blueprint: Blueprint;
  resource: Resource;
  semantics: Format;
  template?: Template;
  params?: ReadonlyMap<string, ParamValue>;
  inputs?: ResourceInputs;
  /** Live objects were given (--observed): whether one of them is this resource's stamped object. */
  observed?: 'matched' | 'unmatched';
  /** The object stamped, when the failure came after stamping. */
  object?: JSONObject;
  mocks?: MockWitness;
}

/** A resource's failure as render reports it (several diagnostics for several failing placeholders). */
export function resourceDiagnostics(failure: ResourceFailure, ctx: FailureContext): Diagnostic[] {
  const { blueprint, resource } = ctx;
  const at = (path: readonly (string | number)[]) => blueprintWhere(blueprint, [...resource.path, ...path]);
  const one = (f: Finding): Diagnostic[] => [findingDiagnostic(f, ctx.owner, resource.name)];
  switch (failure.step) {
    case 'option':
      return one(optionFinding(blueprint, resource, failure.choice));
    case 'pass-through':
      return one({ code: 'pass-through-input-missing', message: `resource ${resource.name} passes input ${failure.input} through, and it has no ${/ in (\w+)$/.exec(failure.error)?.[1]?.replace(/s$/, '') ?? ''} input of that name`.replace('no  input', 'no input'), at: at(['templateRef', 'options']),
        controllerMessage: passThroughMessage(resource, blueprint, failure.input, failure.error) });
    case 'deployment-input':
      return one({ code: 'deployment-input-missing', message: `resource ${resource.name} of ${blueprint.kind} ${blueprint.name} has no deployment input to pass on`, at: at([]), controllerMessage: failure.error,
        hint: `give resource ${resource.name} a deployment input (deployment: {resource: …}) from a resource before it` });
    case 'output-path': {
      const { field, path, pathKey, message } = failure.error;
      return one({ code: 'output-path-error', message: `the ${field} output cannot be read with ${pathKey} ${path}: ${message}`, at: templateWhere(ctx, ['spec', pathKey]),
        hint: `fix spec.${pathKey}; until then the controller gets no output from ${resource.name}, and the resources that take it as an input go without` });
    }
    case 'output-missing': {
      const { field, path, pathKey } = failure.missing;
      return [diagnostic('warning', 'output-missing', `the ${field} output of resource ${resource.name} is on no object carto was given: ${pathKey} ${path} finds nothing on the stamped object${ctx.observed === 'matched' ? ' or the observed one' : ctx.observed === 'unmatched' ? ' (and no object given with --observed is it: the same kind, namespace and name)' : ''}`, templateWhere(ctx, ['spec', pathKey]), {
        owner: ownerRef(ctx.owner),
        resource: resource.name,
        ...(ctx.object ? { controllerMessage: missingValueMessage(path, ctx.object) } : {}),
        hint: ctx.observed === 'matched'
          ? `the controller waits for it (what takes it is not stamped until it comes): the live ${String(ctx.object?.['kind'] ?? 'object')} given does not have it yet; to go on without it, give the value with --set-output ${resource.name}.${field}=VALUE or --outputs FILE`
          : `the controller waits for it (what takes it is not stamped until it comes): give the live ${String(ctx.object?.['kind'] ?? 'object')} with --observed FILE, or the value with --set-output ${resource.name}.${field}=VALUE or --outputs FILE`,
      })];
    }
    case 'stamp':
      return stampDiagnostics(failure.failure, ctx);
    case 'no-healthy-object':
      // The resource-unhealthy warning (diagnose-health.ts) already says why, and what to give.
      return [];
    case 'apply':
      // The admission check (src/validate) said why, at the template line to fix.
      return failure.refused.diagnostics;
  }
}

/**
 * The controller's error when the API server refuses a stamped object: its create (on a fresh
 * cluster) wrapped with the object and resource (it says "supply chain" for a delivery too).
 * An object stamped with generateName has no name yet.
 */
export function applyMessage(resource: Resource, blueprint: Blueprint, object: JSONObject, apiServer: string): string {
  const meta = (object['metadata'] ?? {}) as JSONObject;
  const name = typeof meta['name'] === 'string' ? meta['name'] : '';
  const namespace = typeof meta['namespace'] === 'string' ? meta['namespace'] : '';
  return `unable to apply object [${namespace}/${name}] for resource [${resource.name}] in supply chain [${blueprint.name}]: create: ${apiServer}`;
}

/** The controller's error for a passThrough whose input is missing (it says "supply chain" for a delivery too). */
export function passThroughMessage(resource: Resource, blueprint: Blueprint, input: string, error: string): string {
  return `unable to retrieve outputs from pass through [${input}] for resource [${resource.name}] in supply chain [${blueprint.name}]: ${error}`;
}

/** The controller's error for outputs it cannot read from an object, where no path is to blame. */
export function retrieveOutputMessage(resource: Resource, blueprint: Blueprint, object: JSONObject, error: string, liveName?: string): string {
  const { name, namespace, resource: type } = stampedIdentity(object, liveName);
  return `unable to retrieve outputs from stamped object [${namespace}/${name}] of type [${type}] for resource [${resource.name}] in supply chain [${blueprint.name}]: ${error}`;
}

/** An object's name (the live one for generateName, when known, else the prefix), namespace and qualified resource. */
export function stampedIdentity(object: JSONObject, liveName?: string): { name: string; namespace: string; resource: string } {
  const meta = (object['metadata'] ?? {}) as JSONObject;
  const name = liveName ?? (typeof meta['name'] === 'string' && meta['name'] !== '' ? meta['name'] : String(meta['generateName'] ?? ''));
  const namespace = typeof meta['namespace'] === 'string' ? meta['namespace'] : '';
  return { name, namespace, resource: qualifiedResource(String(object['apiVersion'] ?? ''), String(object['kind'] ?? '')) };
}

/**
 * The controller's MissingValueAtPath message: it waits for `path` on the object it stamped — or,
 * when the object's Healthy condition has a verdict, it cannot read it from a healthy object (ask
 * the platform) or from an unhealthy one (look at the object).
 */
export function missingValueMessage(path: string, object: JSONObject, liveName?: string, health?: string): string {
  const { name, namespace, resource } = stampedIdentity(object, liveName);
  const where = `object [${resource}/${name}]${namespace !== '' ? ` in namespace [${namespace}]` : ''}`;
  if (health === 'True') return `cannot read value [${path}] from healthy ${where}, contact Platform Eng`;
  if (health === 'False') return `cannot read value [${path}] from unhealthy ${where}, examine object, particularly whether it is receiving proper inputs`;
  return `waiting to read value [${path}] from ${where}`;
}

function templateWhere(ctx: FailureContext, path: readonly (string | number)[]): Where {
  const t = ctx.template;
  return t ? { doc: t.doc, object: { kind: t.kind, name: t.name }, path } : blueprintWhere(ctx.blueprint, ctx.resource.path);
}

/** The controller's "unable to stamp object" error (it names the template since v0.1, and says
 *  "supply chain" for a delivery too). */
function stampErrorMessage(ctx: FailureContext, message: string): string {
  const template = ctx.template as Template;
  return `${ctx.semantics === '0.0.6'
    ? `unable to stamp object for component '${ctx.resource.name}'`
    : `unable to stamp object for resource [${ctx.resource.name}] for template [${template.kind}/${template.name}] in supply chain [${ctx.blueprint.name}]`}: ${message}`;
}

/**
 * The controller's message for a stamping that failed: the first failing placeholder's (it stops
 * there), ytt's, the stamper's. Undefined for carto's own limits, which the controller lacks.
 */
export function stampControllerMessage(failure: StampFailure, ctx: FailureContext): string | undefined {
  switch (failure.step) {
    case 'both-sources':
    case 'no-source':
      return stampErrorMessage(ctx, stamperError(failure).message);
    case 'finish':
      return stampErrorMessage(ctx, failure.reason);
    case 'ytt':
      return stampErrorMessage(ctx, failure.ytt.controllerMessage);
    case 'placeholders': {
      const first = firstInKeyOrder(failure.errors);
      return first && first.code !== 'render-limit' ? stampErrorMessage(ctx, `failed to recursively evaluate template: ${first.controllerMessage}`) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The failing placeholder the controller most likely meets first. It walks the template's maps in
 * Go's map order, which is random; but a map decoded from JSON whose keys were sorted (kubectl
 * sends them so) is iterated in that order most of the time, so: keys in byte order, items in order.
 */
function firstInKeyOrder(errors: readonly InterpolationError[]): InterpolationError | undefined {
  const before = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => {
    for (let i = 0; i < a.length && i < b.length; i++) {
      const x = a[i] as string | number;
      const y = b[i] as string | number;
      if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x < y : Buffer.compare(Buffer.from(String(x)), Buffer.from(String(y))) < 0;
    }
    return a.length < b.length;
  };
  return errors.reduce<InterpolationError | undefined>((best, e) => (best === undefined || before(e.path, best.path) ? e : best), undefined);
}

function stampDiagnostics(failure: StampFailure, ctx: FailureContext): Diagnostic[] {
  const template = ctx.template as Template;
  const at = (path: readonly (string | number)[]) => templateWhere(ctx, path);
  const hintCtx: HintContext = { owner: ctx.owner, resource: ctx.resource, params: ctx.params ?? new Map(), inputs: ctx.inputs ?? { sources: {}, images: {}, configs: {}, deployment: null, absent: [] }, semantics: ctx.semantics, blueprintKind: ctx.blueprint.kind };
  const controller = (message: string) => stampErrorMessage(ctx, message);
  const one = (f: Finding): Diagnostic[] => [findingDiagnostic(f, ctx.owner, ctx.resource.name)];
  switch (failure.step) {
    case 'both-sources':
      return one({ code: 'template-source', message: `${template.kind} ${template.name} sets both spec.template and spec.ytt`, at: at(['spec', 'ytt']), controllerMessage: controller(stamperError(failure).message),
        hint: 'keep spec.template or spec.ytt, not both: kubectl apply would be refused by the webhook' });
    case 'ytt-unavailable':
      return one({ code: 'ytt-unavailable', message: `${template.kind} ${template.name} uses spec.ytt, and no ytt runner was given`, at: at(['spec', 'ytt']),
        hint: 'pass the built-in engine (render from the package index does) or a ytt binary' });
    case 'no-source':
      return one({ code: 'template-empty', message: `${template.kind} ${template.name} has neither spec.template nor spec.ytt`, at: at(['spec']), controllerMessage: controller(stamperError(failure).message) });
    case 'finish':
      return one({ code: 'foreign-namespace', message: failure.path.join('.') === 'metadata.namespace' ? `${template.kind} ${template.name} sets metadata.namespace in spec.template, and a stamped object cannot choose its namespace` : `${template.kind} ${template.name}: ${failure.reason}`, at: at(['spec', 'template', ...failure.path]), controllerMessage: controller(failure.reason),
        hint: `remove metadata.namespace from the template: stamped objects always go to the ${ctx.owner.kind}'s namespace` });
    case 'ytt': {
      const result = failure.ytt;
      const read = readYttFailure(result.detail ?? result.reason);
      const where = { ...at(['spec', 'ytt']), ...(result.line !== undefined ? { line: locateBodyLine(template.doc, ['spec', 'ytt'], result.line, template.ytt ?? '').line } : {}) };
      return [diagnostic('error', 'ytt-error', result.detail ? `the ytt template (spec.ytt) of ${template.kind} ${template.name} fails: ${result.reason}` : `${template.kind} ${template.name}: ${result.reason}`, where, {
        owner: ownerRef(ctx.owner),
        resource: ctx.resource.name,
        controllerMessage: controller(result.controllerMessage),
        ...(result.detail ? { detail: result.detail } : {}),
        ...withMockHint(ctx.mocks?.yttError(read), yttHint(read, hintCtx)),
      })];
    }
    case 'placeholders':
      return failure.errors.map((err) => diagnostic('error', err.code, placeholderMessage(err, `${template.kind} ${template.name}`), at(['spec', 'template', ...err.path]), {
        owner: ownerRef(ctx.owner),
        resource: ctx.resource.name,
        // Past one of carto's own limits the controller has no message to quote: it would run on.
        ...(err.code === 'render-limit' ? {} : { controllerMessage: controller(`failed to recursively evaluate template: ${err.controllerMessage}`) }),
        ...withMockHint(ctx.mocks?.placeholderError(err.expression), stampHint(err, hintCtx)),
      }));
  }
}

/** What a Runnable's failure is worded with. */
export interface RunnableContext {
  runnable: Runnable;
  runTemplate?: RunTemplate;
  /** The Runnable's stand-in uid, when it has none. */
  uid?: string;
  /** For a Runnable a supply chain stamped: what its inputs owe to mocked values, if anything. */
  inputsMockHint?: (() => string | undefined) | undefined;
}

/** A ClusterRunTemplate a Runnable names that the inputs lack (render and lint alike). */
export function runTemplateNotFoundFinding(runnable: Runnable, at: Where): Finding {
  const name = runnable.runTemplateName;
  return {
    code: 'run-template-not-found',
    message: `ClusterRunTemplate ${name || '(no name)'} is not in the inputs (Runnable ${runnable.namespace}/${runnable.name})`,
    at,
    controllerMessage: `unable to get runnable '${runnable.namespace}/${runnable.name}': 'clusterruntemplates.carto.run "${name}" not found'`,
    hint: 'add the ClusterRunTemplate to the inputs (-f), or fix the name',
  };
}

/** A Runnable's failure as render reports it, in the Runnable controller's words. */
export function runnableDiagnostics(failure: RunnableFailure, ctx: RunnableContext): Diagnostic[] {
  const { runnable } = ctx;
  const who = { kind: 'Runnable', name: runnable.name, namespace: runnable.namespace };
  const stampedBy = runnable.stampedBy;
  const context = stampedBy ? { owner: ownerRef(stampedBy.owner), resource: stampedBy.resource } : { owner: who };
  const spec = stampedBy ? ['spec', 'template', 'spec'] : ['spec'];
  const at: Where = { doc: runnable.doc, object: who, path: spec };
  const error = (f: Finding, extra: Partial<Diagnostic> = {}): Diagnostic => diagnostic('error', f.code, f.message, f.at, {
    ...context,
    ...(f.controllerMessage !== undefined ? { controllerMessage: f.controllerMessage } : {}),
    ...(f.hint !== undefined ? { hint: f.hint } : {}),
    ...extra,
  });
  switch (failure.step) {
    case 'run-template-not-found':
      return [error(runTemplateNotFoundFinding(runnable, { ...at, path: [...spec, 'runTemplateRef'] }))];
    case 'invalid-fields':
      return failure.errors.map((err) => error({ code: 'invalid-owner-field', message: `${err.path}: ${err.message}`, at: { ...at, path: [] } }));
    case 'selector': {
      const s = runnable.selector;
      const selected = failure.selected;
      return [error({
        code: 'runnable-selector',
        message: `the selector of Runnable ${runnable.namespace}/${runnable.name} ${selected.message.replace('selector ', '')}`,
        at: { ...at, path: [...spec, 'selector'] },
        controllerMessage: `unable to resolve selector '(apiVersion:${s?.apiVersion ?? ''} kind:${s?.kind ?? ''} labels:${goMap(s?.matchingLabels ?? {})})': '${selected.message}'`,
        hint: selected.matches.length > 1
          ? `it matches ${selected.matches.map((d) => `${d.file}:${d.line}`).join(', ')}; make the matchingLabels pick exactly one`
          : `give the object it selects (${s?.apiVersion} ${s?.kind} with labels ${Object.entries(s?.matchingLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}) in the inputs`,
      })];
    }
    case 'stamp':
      return runStampDiagnostics(failure.failure, ctx, error);
  }
}

function runStampDiagnostics(failure: StampFailure, ctx: RunnableContext, error: (f: Finding, extra?: Partial<Diagnostic>) => Diagnostic): Diagnostic[] {
  const { runnable } = ctx;
  const template = ctx.runTemplate;
  const at = (path: readonly (string | number)[]): Where => ({ doc: template?.doc ?? runnable.doc, object: { kind: 'ClusterRunTemplate', name: template?.name ?? '' }, path });
  const controller = (message: string) => `unable to stamp object '${runnable.namespace}/${runnable.name}': '${message}'`;
  switch (failure.step) {
    case 'placeholders':
      return failure.errors.map((err) => {
        const hint = err.missing && err.expression.startsWith('selected') && !runnable.selector
          ? 'the Runnable has no spec.selector, so $(selected)$ is null'
          : err.missing && /^runnable\.spec\.inputs\.[^.]+\./.test(err.expression)
            ? 'Runnable inputs are opaque in spec.template: $(runnable.spec.inputs.x)$ gives the whole value, but nothing inside it can be selected'
            : undefined;
        return error({
          code: err.code,
          message: placeholderMessage(err, `ClusterRunTemplate ${template?.name ?? ''}`),
          at: at(['spec', 'template', ...err.path]),
          // Past one of carto's own limits the controller has no message to quote: it would run on.
          ...(err.code === 'render-limit' ? {} : { controllerMessage: controller(`failed to recursively evaluate template: ${err.controllerMessage}`) }),
        }, withMockHint(runnableMockHint(err.expression, ctx), hint));
      });
    case 'finish':
      return [error({ code: 'foreign-namespace', message: failure.reason, at: at(['spec', 'template', ...failure.path]), controllerMessage: controller(failure.reason) })];
    default:
      // A ClusterRunTemplate has only spec.template (no ytt): the model reads nothing else.
      return [error({ code: 'template-empty', message: `ClusterRunTemplate ${template?.name ?? ''} has no spec.template`, at: at(['spec']) })];
  }
}

/** What a failing placeholder of a run template owes to mocks: the Runnable's uid, or its inputs. */
function runnableMockHint(expression: string, ctx: RunnableContext): string | undefined {
  if (ctx.uid !== undefined && /^\{?\.?runnable\.metadata\.uid\b/.test(expression)) {
    return uidSentence({ ownerKind: 'Runnable', ownerName: ctx.runnable.name, value: ctx.uid });
  }
  return /^\{?\.?runnable\.spec\.inputs\b/.test(expression) ? ctx.inputsMockHint?.() : undefined;
}

/**
 * A failing placeholder in plain words: the template, the field, what the placeholder found. The
 * interpolator's own words end the controller's message (carto's own limits have no controller
 * message: theirs is the message).
 */
function placeholderMessage(err: InterpolationError, object: string): string {
  const at = `${object}: $(${err.expression})$ in ${formatPath(['spec', 'template', ...err.path])}`;
  switch (err.code) {
    case 'jsonpath-no-result':
      return `${at} finds no value`;
    case 'jsonpath-many-results':
      return `${at} finds more than one value`;
    case 'nil-in-text':
      return `${at} is null, which the text around it cannot hold`;
    case 'render-limit':
      return err.reason;
    default:
      return `${at} cannot be evaluated: ${err.reason}`;
  }
}
