// Resolves a blueprint resource's declared inputs against the outputs of the resources before
// it. Resources are walked strictly in list order (no topological sort), so only earlier
// outputs are visible; inputs with the same name overwrite each other, like a Go map.
import type { JSONValue } from '../jsonpath/index.js';
import type { Blueprint, InputRef, Resource } from '../model/index.js';
import { setOwn } from '../util/objects.js';
import type { OutputMap, ResourceOutput } from './outputs.js';

export interface SourceInput { url: JSONValue; revision: JSONValue; name: string }
export interface ImageInput { image: JSONValue; name: string }
export interface ConfigInput { config: JSONValue; name: string }

export interface ResourceInputs {
  sources: Record<string, SourceInput>;
  images: Record<string, ImageInput>;
  configs: Record<string, ConfigInput>;
  deployment: SourceInput | null;
  /** Declared inputs that produced nothing, and why (for messages). */
  absent: AbsentInput[];
}

export interface AbsentInput {
  type: 'source' | 'image' | 'config' | 'deployment';
  name: string;
  resource: string;
  reason: 'failed' | 'no-output' | 'not-ready' | 'unknown-resource' | 'later-resource';
}

export function gatherInputs(blueprint: Blueprint, resource: Resource, outputs: OutputMap): ResourceInputs {
  const inputs: ResourceInputs = { sources: {}, images: {}, configs: {}, deployment: null, absent: [] };
  const position = positionsOf(blueprint);
  const here = position.get(resource.name) ?? -1;
  /** The upstream output of `type` for `ref`, or undefined after recording why it is absent. */
  const take = <K extends keyof ResourceOutput>(ref: { name: string; resource: string }, type: AbsentInput['type'], key: K): ResourceOutput[K] | undefined => {
    const at = position.get(ref.resource);
    const absent = (reason: AbsentInput['reason']) => {
      inputs.absent.push({ type, name: ref.name, resource: ref.resource, reason });
      return undefined;
    };
    if (at === undefined) return absent('unknown-resource');
    if (at >= here) return absent('later-resource');
    const output = outputs.get(ref.resource);
    if (!output) return absent('failed');
    if (output.waiting !== undefined) return absent('not-ready');
    const value = output[key];
    return value === undefined || value === null ? absent('no-output') : value;
  };
  for (const ref of resource.sources) {
    const source = take(ref, 'source', 'source');
    if (source) setOwn(inputs.sources, ref.name, { url: source.url, revision: source.revision, name: ref.name });
  }
  for (const ref of resource.images) {
    const image = take(ref, 'image', 'image');
    if (image !== undefined) setOwn(inputs.images, ref.name, { image, name: ref.name });
  }
  for (const ref of resource.configs) {
    const config = take(ref, 'config', 'config');
    if (config !== undefined) setOwn(inputs.configs, ref.name, { config, name: ref.name });
  }
  if (resource.deployment) {
    const source = take({ name: 'deployment', resource: resource.deployment.resource }, 'deployment', 'source');
    if (source) inputs.deployment = { url: source.url, revision: source.revision, name: '' };
  }
  return inputs;
}

/** Each resource's index in its blueprint, by name: computed once per blueprint, not per resource and owner. */
const positions = new WeakMap<Blueprint, Map<string, number>>();

function positionsOf(blueprint: Blueprint): Map<string, number> {
  let position = positions.get(blueprint);
  if (!position) positions.set(blueprint, (position = new Map(blueprint.resources.map((r, i) => [r.name, i]))));
  return position;
}

/** Each resource's inputs that name a resource later in the list: never satisfied. */
export function forwardReferences(blueprint: Blueprint): Array<{ resource: Resource; ref: InputRef; type: AbsentInput['type']; field: string; index: number }> {
  const position = positionsOf(blueprint);
  const found: Array<{ resource: Resource; ref: InputRef; type: AbsentInput['type']; field: string; index: number }> = [];
  blueprint.resources.forEach((resource, here) => {
    const check = (refs: readonly InputRef[], type: AbsentInput['type'], field: string) =>
      refs.forEach((ref, index) => {
        const at = position.get(ref.resource);
        if (at !== undefined && at >= here) found.push({ resource, ref, type, field, index });
      });
    check(resource.sources, 'source', 'sources');
    check(resource.images, 'image', 'images');
    check(resource.configs, 'config', 'configs');
    if (resource.deployment) check([{ name: 'deployment', resource: resource.deployment.resource }], 'deployment', 'deployment');
  });
  return found;
}
