// The one place where the realization core's failures become words: a plain sentence, the
// controller's own message, and a hint. Owner- and blueprint-level problems are Findings (what
// and where), which render turns into diagnostics and lint into lint diagnostics of the same
// rule; a resource's failure becomes render's diagnostics here, with the mocks that may have
// caused it named first.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MissingTemplateVerdict } from '../model/index.js';
import type { Blueprint, Format, Owner, Resource, Template } from '../model/index.js';
import { optionLabel, type BlueprintSelection, type OptionChoice } from '../select/index.js';
import { stamperError, type StampFailure } from '../stamp/stamp.js';
import type { ResourceInputs } from '../chain/index.js';
import type { ParamValue } from '../stamp/params.js';
import { locateBodyLine } from '../load/index.js';
import type { ForwardRef, MissingRef } from './blueprint-checks.js';
import { stampHint, yttHint, type HintContext } from './hints.js';
import { withMockHint, type MockWitness } from './mocks.js';
import type { ResourceFailure } from './report.js';
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
}

/** A Finding as render reports it: an error of one owner. */
export function findingDiagnostic(f: Finding, owner: Owner, resource?: string): Diagnostic {
  return diagnostic('error', f.code, f.message, f.at, {
    owner: ownerRef(owner),
    ...(resource !== undefined ? { resource } : {}),
    ...(f.controllerMessage !== undefined ? { controllerMessage: f.controllerMessage } : {}),
    ...(f.hint !== undefined ? { hint: f.hint } : {}),
    ...(f.detail !== undefined ? { detail: f.detail } : {}),
  });
}

const BLUEPRINT_OF = { Workload: 'ClusterSupplyChain', Deliverable: 'ClusterDelivery' } as const;

export function selectionFinding(owner: Owner, selection: Extract<BlueprintSelection, { ok: false }>, blueprints: readonly Blueprint[]): Finding {
  const bp = BLUEPRINT_OF[owner.kind];
  const at: Where = { doc: owner.doc, object: ownerRef(owner), path: ['metadata', 'labels'] };
  const name = `${owner.kind} ${owner.namespace}/${owner.name}`;
  const controllerMessage = selection.message;
  switch (selection.code) {
    case 'owner-labels-missing':
      return { code: selection.code, message: `${name} has no labels, so no ${bp} can select it`, at: { ...at, path: ['metadata'] }, controllerMessage,
        hint: `add the labels a ${bp} selects on${selectorHint(blueprints.filter((b) => b.kind === bp))}` };
    case 'no-blueprint-match':
      return { code: selection.code, message: `no ${bp} selects ${name}`, at, controllerMessage,
        hint: selection.candidates.length === 0
          ? `the inputs hold no ${bp}; add it with -f`
          : selection.candidates.map((c) => `${c.blueprint.name}: ${c.verdict.matched ? 'matched' : c.verdict.reason}`).join('; ') };
    case 'blueprint-tie':
      return { code: selection.code, message: `${name} is selected equally by ${selection.involved.map((b) => `${b.kind} ${b.name}`).join(' and ')}`, at, controllerMessage,
        hint: `make one ${bp}'s selector more specific (more labels or fields), or change the ${owner.kind}'s labels` };
    case 'invalid-selector': {
      const first = selection.involved[0];
      const of = first ? `${first.kind} ${first.name}` : `a ${bp}`;
      return { code: selection.code, message: `the selector of ${of} (spec.selector, selectorMatchExpressions or selectorMatchFields) cannot be evaluated for ${name}`, at: first ? blueprintWhere(first, ['spec']) : at, controllerMessage };
    }
  }
}

/** `, e.g. app: web (ClusterSupplyChain web)` — what the blueprints in the inputs select on. */
function selectorHint(blueprints: readonly Blueprint[]): string {
  const parts = blueprints.flatMap((b) => {
    const terms = Object.entries(b.selector.matchLabels).map(([k, v]) => `${k}: ${v}`);
    return terms.length > 0 ? [`${terms.join(', ')} (${b.kind} ${b.name})`] : [];
  });
  return parts.length > 0 ? `, e.g. ${parts.join('; ')}` : '';
}

/** A template the blueprint names that the inputs lack (and that is not taken as the platform's). */
export function missingTemplateFinding(blueprint: Blueprint, m: MissingRef & MissingTemplateVerdict): Finding {
  return {
    code: 'template-not-found',
    message: `${m.kind} ${m.name} is not in the inputs (resource ${m.resource.name})`,
    at: blueprintWhere(blueprint, m.path),
    controllerMessage: m.controllerMessage,
    // A templateRef with neither name nor options is a typo, not a template the platform installs.
    hint: m.ref === 'nameless'
      ? `give resource ${m.resource.name}'s templateRef a name (or options): kubectl apply would be refused by the webhook (exactly one of templateRef.Name or templateRef.Options must be specified)`
      : m.hint,
  };
}

export function forwardReferenceFinding(blueprint: Blueprint, ref: ForwardRef): Finding {
  return {
    code: 'forward-reference',
    message: `input ${ref.ref.name} of resource ${ref.resource.name} comes from resource ${ref.ref.resource}, which is not before it in spec.${blueprint.format === '0.0.6' ? 'components' : 'resources'}`,
    at: blueprintWhere(blueprint, [...ref.resource.path, ref.field, ...(ref.field === 'deployment' ? [] : [ref.index])]),
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
    at: blueprintWhere(blueprint, [...resource.path, 'templateRef', 'options']),
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
        controllerMessage: `unable to retrieve outputs from pass through [${failure.input}] for resource [${resource.name}] in supply chain [${blueprint.name}]: ${failure.error}` });
    case 'deployment-input':
      return one({ code: 'deployment-input-missing', message: `resource ${resource.name} of ${blueprint.kind} ${blueprint.name} has no deployment input to pass on`, at: at([]), controllerMessage: failure.error,
        hint: `give resource ${resource.name} a deployment input (deployment: {resource: …}) from a resource before it` });
    case 'output-path': {
      const { field, path, pathKey, message } = failure.error;
      return one({ code: 'output-path-error', message: `the ${field} output cannot be read with ${pathKey} ${path}: ${message}`, at: templateWhere(ctx, ['spec', pathKey]),
        hint: `fix spec.${pathKey}; until then the controller gets no output from ${resource.name}, and the resources that take it as an input go without` });
    }
    case 'stamp':
      return stampDiagnostics(failure.failure, ctx);
  }
}

function templateWhere(ctx: FailureContext, path: readonly (string | number)[]): Where {
  const t = ctx.template;
  return t ? { doc: t.doc, object: { kind: t.kind, name: t.name }, path } : blueprintWhere(ctx.blueprint, ctx.resource.path);
}

function stampDiagnostics(failure: StampFailure, ctx: FailureContext): Diagnostic[] {
  const template = ctx.template as Template;
  const at = (path: readonly (string | number)[]) => templateWhere(ctx, path);
  const hintCtx: HintContext = { owner: ctx.owner, resource: ctx.resource, params: ctx.params ?? new Map(), inputs: ctx.inputs ?? { sources: {}, images: {}, configs: {}, deployment: null, absent: [] }, semantics: ctx.semantics, blueprintKind: ctx.blueprint.kind };
  // The controller's "unable to stamp object" prefix, which names the template since v0.1.
  const controller = (message: string) => `${ctx.semantics === '0.0.6'
    ? `unable to stamp object for component '${ctx.resource.name}'`
    : `unable to stamp object for resource [${ctx.resource.name}] for template [${template.kind}/${template.name}] in supply chain [${ctx.blueprint.name}]`}: ${message}`;
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
      return failure.errors.map((err) => diagnostic('error', err.code, err.reason, at(['spec', 'template', ...err.path]), {
        owner: ownerRef(ctx.owner),
        resource: ctx.resource.name,
        // Past one of carto's own limits the controller has no message to quote: it would run on.
        ...(err.code === 'render-limit' ? {} : { controllerMessage: controller(`failed to recursively evaluate template: ${err.controllerMessage}`) }),
        ...withMockHint(ctx.mocks?.placeholderError(err.expression), stampHint(err, hintCtx)),
      }));
  }
}
