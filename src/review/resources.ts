// carto diff's changes to an owner's blueprint resources when it selects the same blueprint on both
// sides: a resource renamed (one gone and one new with the same templateRef), gone or new (when it
// stamps nothing, else its object says it), and a template option that flips. A rename is said as one, not as an option "chosen instead of no
// option": the controller's status lists the resource under its new name, and an object it stamps
// under both names is the same object (compare.ts pairs those).
import type { OwnerReport } from '../render/index.js';
import type { Blueprint, Resource } from '../model/index.js';

export interface ResourceChange {
  change: 'resource-renamed' | 'resource-removed' | 'resource-added' | 'option';
  /** The resource's name in the new blueprint (a removed one: its old name). */
  resource: string;
  old?: string;
  new?: string;
  /** After the owner's key: `, resource config: option cm2 chosen instead of option cm`. */
  text: string;
}

/** What changed among the resources of an owner that selects the same blueprint on both sides. */
export function resourceChanges(before: OwnerReport, after: OwnerReport): { changes: ResourceChange[]; renamed: Map<string, string> } {
  const { gone, added, renamed, optioned } = pairing(before.blueprint, after.blueprint);
  const newName = (name: string) => renamed.get(name) ?? name;
  const blueprint = after.blueprint ? ` ${after.blueprint.kind} ${after.blueprint.name}` : ' the blueprint';
  const changes: ResourceChange[] = [];
  // A resource gone or new that stamps an object is said by that object (removed, added); one that
  // stamps nothing (a passThrough, a failure) only here.
  const stamps = (report: OwnerReport, name: string) => report.resources.some((e) => e.resource.name === name && e.object !== undefined);
  for (const r of gone) {
    if (renamed.has(r.name)) changes.push({ change: 'resource-renamed', resource: newName(r.name), old: r.name, new: newName(r.name), text: `: resource ${r.name} renamed to ${newName(r.name)}` });
    else if (!stamps(before, r.name)) changes.push({ change: 'resource-removed', resource: r.name, text: `: resource ${r.name} is gone from${blueprint}` });
  }
  const renamedTo = new Set(renamed.values());
  for (const r of added) if (!renamedTo.has(r.name) && !stamps(after, r.name)) changes.push({ change: 'resource-added', resource: r.name, text: `: resource ${r.name} is new in${blueprint}` });
  // The option chosen, for each resource on both sides that has options (under its old and new
  // name when renamed): only those choose one.
  for (const name of optioned) {
    const was = choice(before, name);
    const now = choice(after, newName(name));
    if (was !== now) {
      changes.push({ change: 'option', resource: newName(name), ...(was ? { old: was } : {}), ...(now ? { new: now } : {}), text: `, resource ${newName(name)}: ${now ?? 'no option'} chosen instead of ${was ?? 'no option'}` });
    }
  }
  return { changes, renamed };
}

interface Pairing {
  gone: Resource[];
  added: Resource[];
  /** Old name → new name. */
  renamed: Map<string, string>;
  /** The old names of the resources on both sides with options on either. */
  optioned: string[];
}

/** The resources of two blueprints paired by name, once per pair of blueprints (not per owner). */
const pairings = new WeakMap<Blueprint, Map<Blueprint | undefined, Pairing>>();

function pairing(before: Blueprint | undefined, after: Blueprint | undefined): Pairing {
  const known = before ? pairings.get(before)?.get(after) : undefined;
  if (known) return known;
  const oldResources = before?.resources ?? [];
  const newResources = after?.resources ?? [];
  const oldNames = new Set(oldResources.map((r) => r.name));
  const newByName = new Map(newResources.map((r) => [r.name, r]));
  const gone = oldResources.filter((r) => !newByName.has(r.name));
  const added = newResources.filter((r) => !oldNames.has(r.name));
  // old name → new name: a gone resource and a new one that name the same template(s).
  const renamed = new Map<string, string>();
  for (const r of added) {
    const match = gone.find((g) => !renamed.has(g.name) && refKey(g) === refKey(r));
    if (match) renamed.set(match.name, r.name);
  }
  const optioned = oldResources
    .filter((r) => {
      const now = newByName.get(renamed.get(r.name) ?? r.name);
      return now !== undefined && (r.templateRef.options !== undefined || now.templateRef.options !== undefined);
    })
    .map((r) => r.name);
  const result = { gone, added, renamed, optioned };
  if (before) {
    if (!pairings.has(before)) pairings.set(before, new Map());
    pairings.get(before)?.set(after, result);
  }
  return result;
}

/** The option (or passThrough) a resource chose, when it has options and one was chosen. */
function choice(report: OwnerReport, name: string): string | undefined {
  const entry = report.resources.find((e) => e.resource.name === name);
  if (!entry) return undefined;
  if (entry.passThrough !== undefined) return `passThrough ${entry.passThrough}`;
  return entry.option ? `option ${entry.option.name ?? entry.template?.name ?? ''}` : undefined;
}

/** What a resource stamps with, to recognise it under another name: its templateRef. */
function refKey(r: Resource): string {
  const ref = r.templateRef;
  const options = (ref.options ?? []).map((o) => (o.passThrough !== undefined ? `passThrough:${o.passThrough}` : `name:${o.name ?? ''}`));
  return JSON.stringify([ref.kind, ref.name ?? '', options]);
}
