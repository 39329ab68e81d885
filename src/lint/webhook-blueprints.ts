// The admission webhook rules for ClusterSupplyChain and ClusterDelivery (spec §1.8), in the
// webhook's order and with its messages, and the Cartographer 0.0.6 supply-chain webhook for
// blueprints written with spec.components. The objects are read as the webhook's Go types
// decode them (absent and null are nil, `[]` is set, a missing string is ""). The webhook
// stops at the first failure; lint reports every failure, each with the message the webhook
// would give if it were the first.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compile, JsonPathError } from '../jsonpath/index.js';
import type { SourceDocument } from '../load/index.js';
import { isTemplateKind, type LabelSelectorRequirement, type Path } from '../model/index.js';
import { matchLabelSelector } from '../select/index.js';
import { duplicateResourceMessage } from '../realize/index.js';
import { isObject, own } from '../util/objects.js';
import { guess } from '../util/suggest.js';
import { lintDiagnostic, refOf, type Place } from './report.js';
import type { RuleCode } from './rules.js';
import { isSet } from './webhook-templates.js';

type Raw = Record<string, unknown>;

/** Fields a selector may look at in a Workload (ValidWorkloadPaths / ValidWorkloadPrefixes). */
const SOURCE_PATHS = ['spec.source', 'spec.source.git', 'spec.source.git.url', 'spec.source.git.ref', 'spec.source.git.ref.branch', 'spec.source.git.ref.tag', 'spec.source.git.ref.commit', 'spec.source.image', 'spec.source.subPath'];
const WORKLOAD_PATHS = new Set([...SOURCE_PATHS, 'spec.build', 'spec.image', 'spec.serviceAccountName']);
const WORKLOAD_PREFIXES = ['spec.params', 'spec.build.env', 'spec.env', 'spec.resources', 'spec.serviceClaims', 'metadata'];
const DELIVERABLE_PATHS = new Set([...SOURCE_PATHS, 'spec.serviceAccountName']);
const DELIVERABLE_PREFIXES = ['spec.params', 'metadata'];

interface Allowed {
  paths: ReadonlySet<string>;
  prefixes: readonly string[];
}

const str = (parent: Raw, key: string): string => {
  const v = own(parent, key);
  return typeof v === 'string' ? v : '';
};
const items = (parent: Raw, key: string): Array<{ item: Raw; index: number }> => {
  const v = own(parent, key);
  return Array.isArray(v) ? v.flatMap((item, index) => (isObject(item) ? [{ item, index }] : [])) : [];
};
const strings = (parent: Raw, key: string): string[] => {
  const v = own(parent, key);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};
const stringMap = (parent: Raw, key: string): Record<string, string> => {
  const v = own(parent, key);
  if (!isObject(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
};
/** The label requirements of a list as the webhook decodes them, and a way back from a spot in
 *  them (an index among the objects, a value among the strings) to the path in the list as written. */
function labelRequirements(parent: Raw, key: string): { requirements: LabelSelectorRequirement[]; rawPath: (path: readonly (string | number)[]) => Path } {
  const listed = items(parent, key);
  const requirements = listed.map(({ item }) => ({ key: str(item, 'key'), operator: str(item, 'operator'), ...(Array.isArray(own(item, 'values')) ? { values: strings(item, 'values') } : {}) }));
  const rawPath = ([index, field, value]: readonly (string | number)[]): Path => {
    const entry = listed[index as number];
    if (!entry) return [];
    if (field !== 'values' || value === undefined) return [entry.index, ...(field === undefined ? [] : [field])];
    const raw = own(entry.item, 'values') as unknown[];
    const stringIndexes = raw.flatMap((v, i) => (typeof v === 'string' ? [i] : []));
    return [entry.index, 'values', stringIndexes[value as number] ?? 0];
  };
  return { requirements, rawPath };
}

/** Where in a field requirement its problem is: a values list too long or empty points at the
 *  list when it is written, else at the operator that wants it. */
function fieldSpot(req: Raw, field: 'key' | 'operator' | 'values'): Path {
  if (field === 'values' && own(req, 'values') === undefined) return ['operator'];
  return [field];
}

export function checkBlueprintWebhook(doc: SourceDocument, kind: 'ClusterSupplyChain' | 'ClusterDelivery', name: string, legacy: boolean): Diagnostic[] {
  const spec = own(doc.value, 'spec');
  if (!isObject(spec)) return [];
  if (legacy) return checkLegacySupplyChain(doc, name, spec);
  const delivery = kind === 'ClusterDelivery';
  const out: Diagnostic[] = [];
  const object = refOf(kind, name);
  const wrap = (message: string) => `error validating ${kind.toLowerCase()} [${name}]: ${message}`;
  const report = (code: RuleCode, message: string, path: Path, key = false, hint?: string) => {
    const place: Place = { doc, object, path, key };
    out.push(lintDiagnostic(code, wrap(message), place, { controllerMessage: wrap(message), ...(hint ? { hint } : {}) }));
  };
  const allowed: Allowed = delivery ? { paths: DELIVERABLE_PATHS, prefixes: DELIVERABLE_PREFIXES } : { paths: WORKLOAD_PATHS, prefixes: WORKLOAD_PREFIXES };
  const resources = items(spec, 'resources');

  // 1. Some selector.
  const selector = stringMap(spec, 'selector');
  const selectorMatchExpressions = items(spec, 'selectorMatchExpressions');
  const selectorMatchFields = items(spec, 'selectorMatchFields');
  if (Object.keys(selector).length === 0 && selectorMatchExpressions.length === 0 && selectorMatchFields.length === 0) {
    report('selector-required', 'at least one selector, selectorMatchExpression, selectorMatchField must be specified', ['spec'], true,
      `without a selector the ${kind} selects no ${delivery ? 'Deliverable' : 'Workload'}; add spec.selector (labels), selectorMatchExpressions or selectorMatchFields`);
  }

  // 2. Params: exactly one of value and default.
  for (const { item, index } of items(spec, 'params')) {
    if (isSet(item, 'value') === isSet(item, 'default')) {
      report('param-value-default', `param [${str(item, 'name')}] is invalid: must set exactly one of value and default`, ['spec', 'params', index], false, paramHint);
    }
  }
  for (const { item: resource, index } of resources) {
    for (const { item, index: p } of items(resource, 'params')) {
      if (isSet(item, 'value') === isSet(item, 'default')) {
        report('param-value-default', `resource [${str(resource, 'name')}] is invalid: param [${str(item, 'name')}] is invalid: must set exactly one of value and default`, ['spec', 'resources', index, 'params', p], false, paramHint);
      }
    }
  }

  // 3. The blueprint's own selector, reported at its first invalid term (where render points too).
  const labels = matchLabelSelector(selector, [], {});
  if (!labels.ok) report('label-selector-invalid', `selector is not valid: ${labels.message}`, ['spec', 'selector', ...labels.at.path], labels.at.key ?? false);
  const expressions = labelRequirements(spec, 'selectorMatchExpressions');
  const exprResult = matchLabelSelector({}, expressions.requirements, {});
  if (!exprResult.ok) report('label-selector-invalid', `selectorMatchExpressions are not valid: ${exprResult.message}`, ['spec', 'selectorMatchExpressions', ...expressions.rawPath(exprResult.at.path)]);
  for (const { item, index } of selectorMatchFields) {
    const problem = fieldRequirementProblem(item, allowed);
    if (problem) report('field-requirement-invalid', problem.message, ['spec', 'selectorMatchFields', index, ...fieldSpot(item, problem.field)]);
  }

  // 4. Unique resource names.
  const seen = new Set<string>();
  for (const { item, index } of resources) {
    const resourceName = str(item, 'name');
    if (seen.has(resourceName)) {
      const message = duplicateResourceMessage({ kind, name, format: 'current' }, resourceName, index);
      out.push(lintDiagnostic('duplicate-resource-name', message, { doc, object, path: ['spec', 'resources', index, 'name'] }, { controllerMessage: message }));
    }
    seen.add(resourceName);
  }

  // 5. Unique option names within a resource (two passThrough options both have the name "").
  for (const { item, index } of resources) {
    const names = new Set<string>();
    for (const { item: option, index: o } of items(templateRefOf(item), 'options')) {
      const optionName = str(option, 'name');
      if (names.has(optionName)) {
        report('duplicate-option-name', `duplicate template name [${optionName}] found in options for resource [${str(item, 'name')}]`, ['spec', 'resources', index, 'templateRef', 'options', o]);
      }
      names.add(optionName);
    }
  }

  // 6. templateRef: a name or at least two options, and valid options.
  for (const { item, index } of resources) {
    const problem = templateRefProblem(templateRefOf(item), allowed);
    if (problem) report(problem.code, `error validating resource [${str(item, 'name')}]: ${problem.message}`, ['spec', 'resources', index, 'templateRef', ...problem.path], problem.key ?? true);
  }

  // 7. passThrough options must name one of the resource's inputs of the template kind.
  const passThroughInputs: Record<string, string> = delivery
    ? { ClusterSourceTemplate: 'sources', ClusterConfigTemplate: 'configs' }
    : { ClusterSourceTemplate: 'sources', ClusterImageTemplate: 'images', ClusterConfigTemplate: 'configs' };
  for (const { item, index } of resources) {
    const ref = templateRefOf(item);
    const templateKind = str(ref, 'kind');
    for (const { item: option, index: o } of items(ref, 'options')) {
      const passThrough = str(option, 'passThrough');
      if (passThrough === '') continue;
      const at = ['spec', 'resources', index, 'templateRef', 'options', o, 'passThrough'];
      const inputs = passThroughInputs[templateKind];
      if (!inputs) {
        report('pass-through-invalid', `error validating resource [${str(item, 'name')}]: TemplateRef.Kind [${templateKind}] is not a known type`, at, true,
          `a passThrough passes an input on as the output, so the resource must be a ${Object.keys(passThroughInputs).join(' or ')}`);
        break;
      }
      if (!items(item, inputs).some(({ item: ref }) => str(ref, 'name') === passThrough)) {
        report('pass-through-invalid', `error validating resource [${str(item, 'name')}]: pass through [${passThrough}] does not refer to a known input`, at, false,
          `declare an input named ${passThrough} in the resource's ${inputs}`);
      }
    }
  }

  if (delivery) {
    // Deliveries: who receives a deployment; the webhook does not check input references.
    for (const { item, index } of resources) {
      const templateKind = str(templateRefOf(item), 'kind');
      const resourceName = str(item, 'name');
      if (templateKind === 'ClusterDeploymentTemplate' && !isSet(item, 'deployment')) {
        report('deployment-input', `spec.resources[${resourceName}] is a ClusterDeploymentTemplate and must receive a deployment`, ['spec', 'resources', index, 'templateRef', 'kind'], false,
          'add deployment: {resource: <the resource whose source it deploys>}');
      } else if (isSet(item, 'deployment') && templateKind !== 'ClusterDeploymentTemplate') {
        report('deployment-input', `spec.resources[${resourceName}] receives a deployment but is not a ClusterDeploymentTemplate`, ['spec', 'resources', index, 'deployment'], true);
      }
    }
    for (const { item, index } of resources) {
      if (str(templateRefOf(item), 'kind') === 'ClusterDeploymentTemplate' && isSet(item, 'configs')) {
        report('deployment-input', `spec.resources[${str(item, 'name')}] is a ClusterDeploymentTemplate and must not receive config`, ['spec', 'resources', index, 'configs'], true);
      }
    }
    return out;
  }

  // 8. Supply chains: every input names an existing resource of the kind that produces it.
  const byName = new Map<string, Raw>();
  for (const { item } of resources) if (!byName.has(str(item, 'name'))) byName.set(str(item, 'name'), item);
  for (const { item, index } of resources) {
    for (const [inputs, target] of [['sources', 'ClusterSourceTemplate'], ['images', 'ClusterImageTemplate'], ['configs', 'ClusterConfigTemplate']] as const) {
      for (const { item: ref, index: r } of items(item, inputs)) {
        const upstream = byName.get(str(ref, 'resource'));
        const prefix = `invalid ${inputs} for resource [${str(item, 'name')}]: `;
        const at = ['spec', 'resources', index, inputs, r, 'resource'];
        if (!upstream) {
          report('input-unknown-resource', `${prefix}[${str(ref, 'name')}] is provided by unknown resource [${str(ref, 'resource')}]`, at, false, `${guess(str(ref, 'resource'), byName.keys())}name one of the resources of this ${kind}: ${[...byName.keys()].join(', ')}`);
        } else if (str(templateRefOf(upstream), 'kind') !== target && isTemplateKind(str(templateRefOf(upstream), 'kind'))) {
          // (A kind that is no template kind is the schema's error: the API server refuses it before the webhook runs.)
          report('input-wrong-kind', `${prefix}resource [${str(upstream, 'name')}] providing [${str(ref, 'name')}] must reference a ${target}`, at, false,
            `only a ${target} produces ${inputs}; take it from such a resource, or declare the input under the right key`);
        }
      }
    }
  }
  return out;
}

const paramHint = 'a blueprint or resource param takes `value` (the owner cannot override it) or `default` (the owner can), not both or neither';

function templateRefOf(resource: Raw): Raw {
  const ref = own(resource, 'templateRef');
  return isObject(ref) ? ref : {};
}

/** validateSupplyChainTemplateRef / validateDeliveryTemplateRef: the first problem, where it is. */
function templateRefProblem(ref: Raw, allowed: Allowed): { code: RuleCode; message: string; path: Path; key?: boolean } | undefined {
  const name = str(ref, 'name');
  const options = items(ref, 'options');
  const optionCount = Array.isArray(own(ref, 'options')) ? (own(ref, 'options') as unknown[]).length : 0;
  if (name !== '' && optionCount > 0) return { code: 'template-ref', message: 'exactly one of templateRef.Name or templateRef.Options must be specified, found both', path: [] };
  if (name === '' && optionCount < 2) {
    return optionCount === 1
      ? { code: 'template-ref', message: 'templateRef.Options must have more than one option', path: ['options'] }
      : { code: 'template-ref', message: 'exactly one of templateRef.Name or templateRef.Options must be specified, found neither', path: [] };
  }
  // validateResourceOptions
  const passThroughs = options.filter(({ item }) => str(item, 'passThrough') !== '');
  if (passThroughs.length > 1) {
    return { code: 'option-invalid', message: `cannot have more than one pass through option, found ${passThroughs.length}`, path: ['options', (passThroughs[1] as { index: number }).index] };
  }
  for (const { item, index } of options) {
    const optionName = str(item, 'name');
    const passThrough = str(item, 'passThrough');
    if (optionName !== '' && passThrough !== '') return { code: 'option-invalid', message: 'exactly one of option.Name or option.PassThrough must be specified, found both', path: ['options', index] };
    if (optionName === '' && passThrough === '') return { code: 'option-invalid', message: 'exactly one of option.Name or option.PassThrough must be specified, found neither', path: ['options', index] };
    const problem = optionSelectorProblem(isObject(own(item, 'selector')) ? (own(item, 'selector') as Raw) : {}, allowed);
    if (problem) return { code: 'option-invalid', message: `error validating option [${optionName || 'passThrough'}] selector: ${problem.message}`, path: ['options', index, 'selector', ...problem.path], key: problem.key ?? false };
  }
  for (const a of options) {
    for (const b of options) {
      if (str(a.item, 'name') !== str(b.item, 'name') && selectorKey(a.item) === selectorKey(b.item)) {
        return {
          code: 'option-duplicate-selector',
          message: `duplicate selector found in options [${str(a.item, 'name') || 'passThrough'}, ${str(b.item, 'name') || 'passThrough'}]`,
          path: ['options', b.index, 'selector'],
        };
      }
    }
  }
  return undefined;
}

function optionSelectorProblem(selector: Raw, allowed: Allowed): { message: string; path: Path; key?: boolean } | undefined {
  const matchLabels = stringMap(selector, 'matchLabels');
  const matchExpressions = items(selector, 'matchExpressions');
  const matchFields = items(selector, 'matchFields');
  if (Object.keys(matchLabels).length === 0 && matchExpressions.length === 0 && matchFields.length === 0) {
    return { message: 'at least one of matchLabels, matchExpressions or MatchFields must be specified', path: [], key: true };
  }
  const labels = matchLabelSelector(matchLabels, [], {});
  if (!labels.ok) return { message: `matchLabels are not valid: ${labels.message}`, path: ['matchLabels', ...labels.at.path], key: labels.at.key ?? false };
  const expressions = labelRequirements(selector, 'matchExpressions');
  const exprResult = matchLabelSelector({}, expressions.requirements, {});
  if (!exprResult.ok) return { message: `matchExpressions are not valid: ${exprResult.message}`, path: ['matchExpressions', ...expressions.rawPath(exprResult.at.path)] };
  for (const { item, index } of matchFields) {
    const problem = fieldRequirementProblem(item, allowed);
    if (problem) return { message: problem.message, path: ['matchFields', index, ...fieldSpot(item, problem.field)] };
  }
  return undefined;
}

/** validateFieldSelectorRequirements for one requirement: the message and the field at fault. */
function fieldRequirementProblem(req: Raw, allowed: Allowed): { message: string; field: 'key' | 'operator' | 'values' } | undefined {
  const operator = str(req, 'operator');
  const key = str(req, 'key');
  const values = strings(req, 'values');
  switch (operator) {
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0) return { message: `cannot specify values with operator [${operator}]`, field: 'values' };
      break;
    case 'In':
    case 'NotIn':
      if (values.length === 0) return { message: `must specify values with operator [${operator}]`, field: 'values' };
      break;
    default:
      return { message: `operator [${operator}] is invalid`, field: 'operator' };
  }
  if (!allowed.paths.has(key) && !allowed.prefixes.some((p) => key.startsWith(p))) return { message: `requirement key [${key}] is not a valid path`, field: 'key' };
  try {
    // The webhook parses the key as written (not wrapped in {.…}), as a whole template.
    compile(key);
  } catch (err) {
    if (err instanceof JsonPathError) return { message: `invalid jsonpath for key [${key}]: ${err.message}`, field: 'key' };
    throw err;
  }
  return undefined;
}

/**
 * A Go-DeepEqual-like identity of an option's selector (as written): nil and empty collections
 * differ, key order does not. The webhook's duplicate-selector check, and lint's tie check skips
 * exactly these pairs.
 */
export function selectorKey(option: Raw): string {
  const selector = own(option, 'selector');
  if (!isObject(selector)) return 'nil';
  const part = (key: string) => {
    const v = own(selector, key);
    return v === undefined || v === null ? 'nil' : canonical(v);
  };
  return `${part('matchLabels')}|${part('matchExpressions')}|${part('matchFields')}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().filter((k) => value[k] !== null && value[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

/** Cartographer 0.0.6's supply-chain webhook: unique component names and input references. */
function checkLegacySupplyChain(doc: SourceDocument, name: string, spec: Raw): Diagnostic[] {
  const out: Diagnostic[] = [];
  const object = refOf('ClusterSupplyChain', name);
  const report = (code: RuleCode, message: string, path: Path, hint?: string) =>
    out.push(lintDiagnostic(code, message, { doc, object, path }, { controllerMessage: message, ...(hint ? { hint } : {}) }));
  const components = items(spec, 'components');
  const byName = new Map<string, Raw>();
  for (const { item, index } of components) {
    const componentName = str(item, 'name');
    if (byName.has(componentName)) {
      report('duplicate-resource-name', duplicateResourceMessage({ kind: 'ClusterSupplyChain', name, format: '0.0.6' }, componentName, index), ['spec', 'components', index, 'name']);
    } else {
      byName.set(componentName, item);
    }
  }
  for (const { item, index } of components) {
    for (const [inputs, target] of [['sources', 'ClusterSourceTemplate'], ['images', 'ClusterImageTemplate'], ['configs', 'ClusterConfigTemplate']] as const) {
      for (const { item: ref, index: r } of items(item, inputs)) {
        const upstream = byName.get(str(ref, 'component'));
        const prefix = `invalid ${inputs} for component '${str(item, 'name')}': `;
        const at = ['spec', 'components', index, inputs, r, 'component'];
        if (!upstream) {
          report('input-unknown-resource', `${prefix}'${str(ref, 'name')}' is provided by unknown component '${str(ref, 'component')}'`, at, `${guess(str(ref, 'component'), byName.keys())}name one of the components: ${[...byName.keys()].join(', ')}`);
        } else if (str(templateRefOf(upstream), 'kind') !== target) {
          report('input-wrong-kind', `${prefix}component '${str(upstream, 'name')}' providing '${str(ref, 'name')}' must reference a ${target}`, at);
        }
      }
    }
  }
  return out;
}
