// Reads ClusterSupplyChain and ClusterDelivery objects. This is the one place that knows the
// Cartographer 0.0.6 format (`spec.components`, inputs with `component:`); it is normalised into
// the current shape here, so no later stage needs to care how a blueprint was written.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { FieldReader, type Path } from './fields.js';
import { own } from '../util/objects.js';
import type {
  Blueprint,
  BlueprintKind,
  BlueprintParam,
  FieldSelectorRequirement,
  Format,
  InputRef,
  LabelSelectorRequirement,
  Resource,
  Selector,
  TemplateOption,
} from './types.js';

export function readBlueprint(doc: SourceDocument, kind: BlueprintKind, name: string, diagnostics: Diagnostic[]): Blueprint {
  const r = new FieldReader(doc, { kind, name }, diagnostics);
  const spec = r.object(doc.value, 'spec', []) ?? {};
  const hasComponents = own(spec, 'components') !== undefined;
  const hasResources = own(spec, 'resources') !== undefined;
  if (hasComponents && hasResources) {
    r.report('warning', 'mixed-formats', ['spec', 'components'],
      `${kind} ${name} has both spec.resources and the 0.0.6 spec.components; spec.resources is used`,
      'keep only spec.resources (Cartographer ≥ v0.0.7 renamed components to resources)');
  }
  const format: Format = hasComponents && !hasResources ? '0.0.6' : 'current';
  const listKey = format === '0.0.6' ? 'components' : 'resources';
  const resources = r.objects(spec, listKey, ['spec']).map(({ item, index }) =>
    readResource(r, item, ['spec', listKey, index], format),
  );
  const selector: Selector = {
    matchLabels: r.stringMap(spec, 'selector', ['spec']),
    matchExpressions: readLabelRequirements(r, spec, 'selectorMatchExpressions', ['spec']),
    matchFields: readFieldRequirements(r, spec, 'selectorMatchFields', ['spec']),
  };
  return { kind, name, doc, format, selector, params: readParams(r, spec, ['spec']), resources };
}

function readResource(r: FieldReader, item: Record<string, unknown>, path: Path, format: Format): Resource {
  const name = r.string(item, 'name', path) ?? '';
  if (name === '') r.report('error', 'missing-field', [...path, 'name'], `${format === '0.0.6' ? 'component' : 'resource'} ${String(path[2])} has no name`);
  const ref = r.object(item, 'templateRef', path) ?? {};
  const refPath = [...path, 'templateRef'];
  const refName = r.string(ref, 'name', refPath);
  const options = own(ref, 'options') === undefined
    ? undefined
    : r.objects(ref, 'options', refPath).map(({ item: option, index }) => readOption(r, option, [...refPath, 'options', index]));
  const deployment = r.object(item, 'deployment', path);
  const deploymentResource = deployment ? r.string(deployment, 'resource', [...path, 'deployment']) : undefined;
  return {
    name,
    templateRef: {
      kind: r.string(ref, 'kind', refPath) ?? '',
      ...(refName !== undefined ? { name: refName } : {}),
      ...(options ? { options } : {}),
    },
    params: readParams(r, item, path),
    sources: readInputs(r, item, 'sources', path),
    images: readInputs(r, item, 'images', path),
    configs: readInputs(r, item, 'configs', path),
    ...(deploymentResource !== undefined ? { deployment: { resource: deploymentResource } } : {}),
    path,
  };
}

function readInputs(r: FieldReader, item: Record<string, unknown>, key: string, path: Path): InputRef[] {
  return r.objects(item, key, path).map(({ item: ref, index }) => {
    const at = [...path, key, index];
    // 0.0.6 called the upstream `component`; both spellings mean the same thing.
    const resource = r.string(ref, 'resource', at) ?? r.string(ref, 'component', at) ?? '';
    return { name: r.string(ref, 'name', at) ?? '', resource };
  });
}

function readParams(r: FieldReader, parent: Record<string, unknown>, path: Path): BlueprintParam[] {
  return r.objects(parent, 'params', path).flatMap(({ item, index }) => {
    const name = r.string(item, 'name', [...path, 'params', index]);
    if (name === undefined) return [];
    // `value: null` is no value: Go decodes JSON null into a nil *apiextensionsv1.JSON.
    const hasValue = own(item, 'value') !== undefined && own(item, 'value') !== null;
    const hasDefault = own(item, 'default') !== undefined && own(item, 'default') !== null;
    return [{
      name,
      hasValue,
      hasDefault,
      ...(hasValue ? { value: own(item, 'value') } : {}),
      ...(hasDefault ? { default: own(item, 'default') } : {}),
    }];
  });
}

function readOption(r: FieldReader, option: Record<string, unknown>, path: Path): TemplateOption {
  const name = r.string(option, 'name', path);
  const passThrough = r.string(option, 'passThrough', path);
  const selector = r.object(option, 'selector', path) ?? {};
  const at = [...path, 'selector'];
  return {
    ...(name !== undefined && name !== '' ? { name } : {}),
    ...(passThrough !== undefined && passThrough !== '' ? { passThrough } : {}),
    selector: {
      matchLabels: r.stringMap(selector, 'matchLabels', at),
      matchExpressions: readLabelRequirements(r, selector, 'matchExpressions', at),
      matchFields: readFieldRequirements(r, selector, 'matchFields', at),
    },
  };
}

function readLabelRequirements(r: FieldReader, parent: Record<string, unknown>, key: string, path: Path): LabelSelectorRequirement[] {
  return r.objects(parent, key, path).map(({ item, index }) => readRequirement(r, item, [...path, key, index]));
}

function readFieldRequirements(r: FieldReader, parent: Record<string, unknown>, key: string, path: Path): FieldSelectorRequirement[] {
  return r.objects(parent, key, path).map(({ item, index }) => readRequirement(r, item, [...path, key, index]));
}

/** A `{key, operator, values}` requirement (label or field); the health rule's matchFields read theirs here too. */
export function readRequirement(r: FieldReader, item: Record<string, unknown>, path: Path): LabelSelectorRequirement {
  const values = r.strings(item, 'values', path);
  return {
    key: r.string(item, 'key', path) ?? '',
    operator: r.string(item, 'operator', path) ?? '',
    ...(values ? { values } : {}),
  };
}
