// The templating context a resource's template is evaluated against (spec §3.2): the owner
// (as its Go type, under both `workload` and `deliverable`), params (opaque JSON: not
// indexable by placeholders), the inputs, and the labels; plus `source`/`image`/`config`
// when exactly one input of that type is available. 0.0.6 had fewer keys (spec §3.4).
import type { ResourceInputs } from '../chain/index.js';
import { GoOpaque, GoStruct, type GoField, type GoMap, type GoValue, type JSONValue } from '../jsonpath/index.js';
import type { Format } from '../model/index.js';
import { setOwn } from '../util/objects.js';
import type { ParamValue } from './params.js';

export interface ContextParts {
  owner: GoValue;
  params: ReadonlyMap<string, ParamValue>;
  inputs: ResourceInputs;
  labels: Record<string, string>;
}

export function buildContext(parts: ContextParts, semantics: Format): GoStruct {
  const params: GoMap = {};
  for (const [name, param] of parts.params) setOwn(params, name, new GoOpaque(param.value as JSONValue));
  const { sources, images, configs } = parts.inputs;
  const fields: GoField[] = [f('workload', parts.owner)];
  if (semantics === 'current') fields.push(f('deliverable', parts.owner));
  fields.push(
    f('params', params),
    f('sources', sources as unknown as GoMap),
    f('images', images as unknown as GoMap),
    f('configs', configs as unknown as GoMap),
  );
  if (semantics === 'current') {
    fields.push(
      f('deployment', (parts.inputs.deployment ?? null) as unknown as GoValue),
      f('labels', { ...parts.labels }),
    );
  }
  const only = <T>(map: Record<string, T>): T | undefined => {
    const keys = Object.keys(map);
    return keys.length === 1 ? map[keys[0] as string] : undefined;
  };
  const source = only(sources);
  if (source) fields.push(f('source', source as unknown as GoValue));
  const image = only(images);
  if (image) fields.push(f('image', image.image as GoValue));
  const config = only(configs);
  if (config) fields.push(f('config', config.config as GoValue));
  return new GoStruct(fields);
}

/**
 * A key of the context. The controller builds it as a map[string]interface{} (HEAD and 0.0.6
 * alike), so a key is found by its exact name only: `$(Workload.metadata.name)$` finds nothing,
 * though the owner inside answers to its Go field names (`$(workload.Spec)$`).
 */
function f(name: string, value: GoValue): GoField {
  return { name, goName: name, value, omitEmpty: false, pointer: false };
}
