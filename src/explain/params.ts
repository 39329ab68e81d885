// Every param a resource's template sees: its final value and level (from the render's merge),
// and every level that sets it as written, so a reader sees what it replaced and what was ignored
// (a Workload value under a protected `value`; under Cartographer 0.0.6, anything but template
// defaults and resource values).
import type { Blueprint, BlueprintParam, Owner, Resource, Template } from '../model/index.js';
import { ownerParams, type ParamLevel, type ParamValue } from '../stamp/params.js';
import type { ParamExplanation } from './types.js';

export function explainParams(
  params: ReadonlyMap<string, ParamValue>,
  template: Template,
  blueprint: Blueprint,
  resource: Resource,
  owner: Owner,
): ParamExplanation[] {
  const setAt = new Map<string, ParamExplanation['setAt']>();
  const add = (name: string, level: ParamLevel, value: unknown, isProtected: boolean) => {
    const list = setAt.get(name) ?? [];
    list.push({ level, value: value ?? null, protected: isProtected });
    setAt.set(name, list);
  };
  const fromBlueprint = (list: readonly BlueprintParam[], level: ParamLevel) => {
    for (const p of list) {
      if (p.hasValue) add(p.name, level, p.value, true);
      else if (p.hasDefault) add(p.name, level, p.default, false);
    }
  };
  for (const p of template.params) add(p.name, 'template', p.default, false);
  fromBlueprint(blueprint.params, 'blueprint');
  fromBlueprint(resource.params, 'resource');
  for (const p of ownerParams(owner)) add(p.name, 'owner', p.value, false);
  return [...params].map(([name, final]) => ({
    name,
    value: final.value ?? null,
    level: final.level,
    protected: final.protected,
    setAt: setAt.get(name) ?? [],
  }));
}
