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

/** One level's setting of a param, as written: a `value` protects it from the owner, a `default` does not. */
export interface ParamSetting {
  readonly name: string;
  readonly level: ParamLevel;
  readonly value: unknown;
  readonly protected: boolean;
}

/**
 * Every setting of every param at the four levels, in precedence order (template default,
 * blueprint, resource, owner): what the merge reads, and what `carto explain` shows a reader.
 */
export function paramSettings(template: Template, blueprint: Blueprint, resource: Resource, owner: Owner): ParamSetting[] {
  const settings: ParamSetting[] = template.params.map((p) => ({ name: p.name, level: 'template', value: p.default, protected: false }));
  const blueprintLevel = (params: readonly BlueprintParam[], level: ParamLevel) => {
    for (const p of params) {
      if (p.hasValue) settings.push({ name: p.name, level, value: p.value, protected: true });
      else if (p.hasDefault) settings.push({ name: p.name, level, value: p.default, protected: false });
    }
  };
  blueprintLevel(blueprint.params, 'blueprint');
  blueprintLevel(resource.params, 'resource');
  for (const p of ownerParams(owner)) settings.push({ name: p.name, level: 'owner', value: p.value, protected: false });
  return settings;
}

export function mergeParams(
  template: Template,
  blueprint: Blueprint,
  resource: Resource,
  owner: Owner,
  semantics: Format,
): Map<string, ParamValue> {
  const merged = new Map<string, ParamValue>();
  if (semantics === '0.0.6') {
    for (const p of template.params) merged.set(p.name, { value: p.default, level: 'template', protected: false });
    for (const p of resource.params) {
      if (merged.has(p.name) && p.hasValue) merged.set(p.name, { value: p.value, level: 'resource', protected: false });
    }
    return merged;
  }
  for (const s of paramSettings(template, blueprint, resource, owner)) {
    // The owner's value counts only where no blueprint or resource `value` protects the param.
    if (s.level === 'owner' && merged.get(s.name)?.protected) continue;
    merged.set(s.name, { value: s.value, level: s.level, protected: s.protected });
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
