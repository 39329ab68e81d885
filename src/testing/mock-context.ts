// cartotest's MockSupplyChain (spec §3.5, §5.3, §8.2): what a template is stamped with when a
// test gives no real supply chain.
// - labels: only the 4 of `completeLabels` — workload-name, workload-namespace, template-kind
//   (the template file's kind) and cluster-template-name (its metadata.name); no supply chain,
//   resource or lifecycle label;
// - params: template defaults < the mock's blueprintParams (as supply-chain params: `value`
//   protects, `default` does not) < the workload's params; no resource params;
// - context: only workload (the typed Workload), params, sources, images, configs, and
//   source/image/config when exactly one input of that kind is given — no deliverable,
//   deployment or labels. An input map the test does not give is a nil map (null, also to ytt).
// Pure.
import { GoOpaque, GoStruct, type GoField, type GoMap, type GoValue, type JSONValue } from '../jsonpath/index.js';
import type { ParamValue } from '../stamp/params.js';
import type { BlueprintInputsInfo } from './info.js';

export function mockLabels(workload: { name: string; namespace: string }, template: { kind: string; name: string }): Record<string, string> {
  return {
    'carto.run/workload-name': workload.name,
    'carto.run/workload-namespace': workload.namespace,
    'carto.run/template-kind': template.kind,
    'carto.run/cluster-template-name': template.name,
  };
}

export function mockContext(owner: GoValue, params: ReadonlyMap<string, ParamValue>, inputs: BlueprintInputsInfo | undefined): GoStruct {
  const paramMap: GoMap = {};
  for (const [name, param] of params) define(paramMap, name, new GoOpaque(param.value as JSONValue));

  const sources = inputMap(inputs?.sources, (v) => ({ url: json(v?.url), revision: json(v?.revision), name: v?.name ?? '' }));
  const images = inputMap(inputs?.images, (v) => ({ image: json(v?.image), name: v?.name ?? '' }));
  const configs = inputMap(inputs?.configs, (v) => ({ config: json(v?.config), name: v?.name ?? '' }));

  const fields: GoField[] = [
    field('workload', owner),
    field('params', paramMap),
    nilable('sources', sources, 'templates.SourceInput'),
    nilable('images', images, 'templates.ImageInput'),
    nilable('configs', configs, 'templates.ConfigInput'),
  ];
  const only = (map: GoMap | null): GoMap | undefined => {
    const keys = map ? Object.keys(map) : [];
    return keys.length === 1 ? ((map as GoMap)[keys[0] as string] as GoMap) : undefined;
  };
  const source = only(sources);
  if (source) fields.push(field('source', source));
  const image = only(images);
  if (image) fields.push(field('image', image['image'] ?? null));
  const config = only(configs);
  if (config) fields.push(field('config', config['config'] ?? null));
  return new GoStruct(fields, 'map[string]interface {}');
}

/** A Go map of input structs, or null (a nil map) when the test gives none. */
function inputMap<T>(given: Record<string, T | null> | undefined, build: (value: T | null) => GoMap): GoMap | null {
  if (given === undefined) return null;
  const out: GoMap = {};
  for (const key of Object.keys(given)) define(out, key, build(given[key] ?? null));
  return out;
}

function json(value: unknown): JSONValue {
  return value === undefined ? null : (value as JSONValue);
}

/** A key of the context: a Go map (createTemplatingContext), so found by its exact name only. */
function field(name: string, value: GoValue): GoField {
  return { name, goName: name, value, omitEmpty: false, pointer: false };
}

function nilable(name: string, value: GoMap | null, elem: string): GoField {
  return { ...field(name, value), type: { kind: 'map', name: `map[string]${elem}`, elem: { kind: 'struct', name: elem } } };
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
