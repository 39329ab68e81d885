// Every param a resource's template sees: its final value and level (from the render's merge),
// and every level that sets it as written (stamp/params.ts paramSettings, the list the merge
// reads), so a reader sees what it replaced and what was ignored (a Workload value under a
// protected `value`; under Cartographer 0.0.6, anything but template defaults and resource values).
import type { Blueprint, Owner, Resource, Template } from '../model/index.js';
import { paramSettings, type ParamValue } from '../stamp/params.js';
import type { ParamExplanation } from './types.js';

export function explainParams(
  params: ReadonlyMap<string, ParamValue>,
  template: Template,
  blueprint: Blueprint,
  resource: Resource,
  owner: Owner,
): ParamExplanation[] {
  const setAt = new Map<string, ParamExplanation['setAt']>();
  for (const s of paramSettings(template, blueprint, resource, owner)) {
    const list = setAt.get(s.name) ?? [];
    list.push({ level: s.level, value: s.value ?? null, protected: s.protected });
    setAt.set(s.name, list);
  }
  return [...params].map(([name, final]) => ({
    name,
    value: final.value ?? null,
    level: final.level,
    protected: final.protected,
    setAt: setAt.get(name) ?? [],
  }));
}
