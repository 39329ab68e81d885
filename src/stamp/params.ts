// The params a template sees. Current Cartographer (≥ v0.1) merges four levels — template
// default < blueprint < resource < owner — where a blueprint/resource `value` protects the
// param from the owner and a `default` does not, the resource entry replacing the blueprint's
// (value and protection both), and nothing is filtered by what the template declares.
// Cartographer 0.0.6 knew only template-declared params, overridden by component values.
import type { Blueprint, BlueprintParam, Format, Owner, Resource, Template } from '../model/index.js';
import { isObject, own } from '../util/objects.js';

export type ParamLevel = 'template' | 'blueprint' | 'resource' | 'owner';

export interface ParamValue {
  readonly value: unknown;
  /** Where the final value came from. */
  readonly level: ParamLevel;
  /** Whether the owner was prevented from overriding it. */
  readonly protected: boolean;
}

export function mergeParams(
  template: Template,
  blueprint: Blueprint,
  resource: Resource,
  owner: Owner,
  semantics: Format,
): Map<string, ParamValue> {
  const merged = new Map<string, ParamValue>();
  for (const p of template.params) merged.set(p.name, { value: p.default, level: 'template', protected: false });
  if (semantics === '0.0.6') {
    for (const p of resource.params) {
      if (merged.has(p.name) && p.hasValue) merged.set(p.name, { value: p.value, level: 'resource', protected: false });
    }
    return merged;
  }
  const blueprintLevel = (params: readonly BlueprintParam[], level: ParamLevel) => {
    for (const p of params) {
      if (p.hasValue) merged.set(p.name, { value: p.value, level, protected: true });
      else if (p.hasDefault) merged.set(p.name, { value: p.default, level, protected: false });
    }
  };
  blueprintLevel(blueprint.params, 'blueprint');
  blueprintLevel(resource.params, 'resource');
  for (const p of ownerParams(owner)) {
    const current = merged.get(p.name);
    if (!current || !current.protected) {
      merged.set(p.name, { value: p.value, level: 'owner', protected: false });
    }
  }
  return merged;
}

/** `spec.params[]` of a Workload/Deliverable; a param without a value is JSON null. */
export function ownerParams(owner: Owner): Array<{ name: string; value: unknown }> {
  const spec = own(owner.object, 'spec');
  const params = isObject(spec) ? own(spec, 'params') : undefined;
  if (!Array.isArray(params)) return [];
  return params.flatMap((p) => {
    if (!isObject(p)) return [];
    const name = own(p, 'name');
    return typeof name === 'string' ? [{ name, value: own(p, 'value') ?? null }] : [];
  });
}
