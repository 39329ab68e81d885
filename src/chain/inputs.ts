// Resolves a blueprint resource's declared inputs against the outputs of the resources before
// it. Resources are walked strictly in list order (no topological sort), so only earlier
// outputs are visible; inputs with the same name overwrite each other, like a Go map.
import type { JSONValue } from '../jsonpath/index.js';
import type { Blueprint, InputRef, Resource } from '../model/index.js';
import { setOwn } from '../util/objects.js';
import { closest } from '../util/suggest.js';
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
  reason: 'failed' | 'no-output' | 'not-ready' | 'unhealthy' | 'unknown-resource' | 'later-resource';
  /** For an unknown resource: the blueprint's resource whose name is one slip away, if any. */
  closest?: string;
}

export type InputType = AbsentInput['type'];

/** One input a resource declares: the one list of them that gathering, checks, mocks, graphs and explanations read. */
export interface DeclaredInput {
  type: InputType;
  /** The name the template sees it by (`$(sources.<name>)$`); `deployment` for a deployment. */
  name: string;
  /** The resource whose output feeds it. */
  resource: string;
  /** Where it is declared: `sources[index]`, …, or `deployment`. */
  field: 'sources' | 'images' | 'configs' | 'deployment';
  index: number;
  /** The output fields it carries. */
  fields: readonly ('url' | 'revision' | 'image' | 'config')[];
}

const SOURCE_FIELDS = ['url', 'revision'] as const;
const declared = new WeakMap<Resource, readonly DeclaredInput[]>();

/** A resource's declared inputs, in the order sources, images, configs, deployment (worked out once per resource). */
export function declaredInputs(resource: Resource): readonly DeclaredInput[] {
  let list = declared.get(resource);
  if (!list) {
    const refs = (refs: readonly InputRef[], type: InputType, field: DeclaredInput['field'], fields: DeclaredInput['fields']) =>
      refs.map((r, index): DeclaredInput => ({ type, name: r.name, resource: r.resource, field, index, fields }));
    list = [
      ...refs(resource.sources, 'source', 'sources', SOURCE_FIELDS),
      ...refs(resource.images, 'image', 'images', ['image']),
      ...refs(resource.configs, 'config', 'configs', ['config']),
      ...(resource.deployment ? refs([{ name: 'deployment', resource: resource.deployment.resource }], 'deployment', 'deployment', SOURCE_FIELDS) : []),
    ];
    declared.set(resource, list);
  }
  return list;
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
    if (at === undefined) {
      const near = closest(ref.resource, position.keys());
      inputs.absent.push({ type, name: ref.name, resource: ref.resource, reason: 'unknown-resource', ...(near !== undefined ? { closest: near } : {}) });
      return undefined;
    }
    if (at >= here) return absent('later-resource');
    const output = outputs.get(ref.resource);
    if (!output) return absent('failed');
    if (output.waiting !== undefined) return absent('not-ready');
    if (output.unhealthy !== undefined) return absent('unhealthy');
    const value = output[key];
    return value === undefined || value === null ? absent('no-output') : value;
  };
  for (const ref of declaredInputs(resource)) {
    switch (ref.type) {
      case 'source': {
        const source = take(ref, 'source', 'source');
        if (source) setOwn(inputs.sources, ref.name, { url: source.url, revision: source.revision, name: ref.name });
        break;
      }
      case 'image': {
        const image = take(ref, 'image', 'image');
        if (image !== undefined) setOwn(inputs.images, ref.name, { image, name: ref.name });
        break;
      }
      case 'config': {
        const config = take(ref, 'config', 'config');
        if (config !== undefined) setOwn(inputs.configs, ref.name, { config, name: ref.name });
        break;
      }
      case 'deployment': {
        const source = take(ref, 'deployment', 'source');
        if (source) inputs.deployment = { url: source.url, revision: source.revision, name: '' };
      }
    }
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

/** An input no owner can ever have: it names a later resource, or one the blueprint does not hold. */
export interface NeverSatisfied {
  resource: Resource;
  ref: DeclaredInput;
  reason: 'later-resource' | 'unknown-resource';
}

/** Each resource's inputs that can never be satisfied, in blueprint order. */
export function neverSatisfied(blueprint: Blueprint): NeverSatisfied[] {
  const position = positionsOf(blueprint);
  const found: NeverSatisfied[] = [];
  blueprint.resources.forEach((resource, here) => {
    for (const ref of declaredInputs(resource)) {
      const at = position.get(ref.resource);
      if (at === undefined) found.push({ resource, ref, reason: 'unknown-resource' });
      else if (at >= here) found.push({ resource, ref, reason: 'later-resource' });
    }
  });
  return found;
}

/** Each resource's inputs that name a resource later in the list: never satisfied. */
export function forwardReferences(blueprint: Blueprint): Array<{ resource: Resource; ref: DeclaredInput; type: InputType; field: string; index: number }> {
  return neverSatisfied(blueprint).filter((n) => n.reason === 'later-resource').map(({ resource, ref }) => ({ resource, ref, type: ref.type, field: ref.field, index: ref.index }));
}
