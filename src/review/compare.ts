// carto diff's core: two renders of the same flags (OLD and NEW inputs) compared owner by owner.
// Objects are matched by owner, resource and identity (identity.ts); each is added, removed or
// modified, with the fields that changed. What changed that stamps nothing (yet) is reported per
// owner: another blueprint selected, a template option flipped, an owner that starts or stops
// rendering. Comments, YAML style, key order and output order are not changes: the objects are
// compared as data. Pure.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fieldChanges, same, type FieldChange } from '../diff/index.js';
import type { JSONObject } from '../model/index.js';
import type { JSONValue } from '../jsonpath/index.js';
import { renameMocks } from '../outputs/index.js';
import type { OwnerReport, RenderResult } from '../render/index.js';
import { objectKey, ownerId, ownerKey, placed, type ObjectId, type OwnerId, type Placed } from './identity.js';
import { resourceChanges } from './resources.js';
import { withStandIns, type StandIn } from './stand-ins.js';
import { templateChanges, type TemplateChange } from './templates.js';

export type ChangeKind = 'added' | 'removed' | 'modified';

export interface ObjectChange {
  owner: OwnerId;
  resource: string;
  template: { kind: string; name: string };
  object: ObjectId;
  change: ChangeKind;
  /** The changed fields (modified objects); every field of an added or removed one is not listed.
   *  `standIn`: the new value is a mocked output (stand-ins.ts), which the controller would wait for. */
  fields: Array<FieldChange & { standIn?: StandIn }>;
  old?: JSONObject;
  new?: JSONObject;
  /** A modified object that another resource (or template) stamped before: which. */
  from?: { resource: string; template: { kind: string; name: string } };
  /** Why an owner's objects appear or disappear when the owner itself starts or stops rendering,
   *  or why an object moved to another resource (`resource renamed from A to B`). */
  why?: string;
}

export type OwnerChangeKind = 'owner-added' | 'owner-removed' | 'blueprint' | 'option' | 'resource-renamed' | 'resource-removed' | 'resource-added' | 'fails' | 'recovers';

/** A change of an owner that is not (only) a stamped object: what it selects, whether it renders. */
export interface OwnerChange {
  owner: OwnerId;
  change: OwnerChangeKind;
  resource?: string;
  old?: string;
  new?: string;
  /** One sentence for a person. */
  message: string;
}

export interface Review {
  changes: ObjectChange[];
  owners: OwnerChange[];
  /** Templates whose changes no stamped object shows (output paths, health rules). */
  templates: TemplateChange[];
  /** The JSON's documented summary: the templates' count is `templates.length`. */
  summary: { owners: number; objects: number; added: number; removed: number; modified: number };
}

interface Side {
  objects: Map<string, Placed>;
  /** Objects' position in the render's output: changes come out in that order. */
  order: Map<string, number>;
  reports: Map<string, OwnerReport>;
  /** The first error of each owner that does not render. */
  failures: Map<string, string>;
  owners: Map<string, OwnerId>;
}

export function compareRenders(before: RenderResult, after: RenderResult): Review {
  const a = side(before);
  const b = side(after);
  const renames = new Map<string, Map<string, string>>();
  const owners = ownerChanges(a, b, renames);
  // A renamed resource's mocked outputs are named after it: compared under the new name, as the
  // real outputs (its object's, the same object) do not change with the name.
  for (const p of a.objects.values()) {
    for (const [from, to] of renames.get(ownerKey(p.owner)) ?? []) p.value = renameMocks(p.value as JSONValue, p.owner, from, to) as JSONObject;
  }
  const changes: ObjectChange[] = [];
  const removed: Placed[] = [];
  const added: Placed[] = [];
  for (const [key, old] of a.objects) {
    const now = b.objects.get(key);
    if (!now) removed.push(old);
    else if (!same(old.value, now.value)) changes.push(modified(old, now));
  }
  for (const [key, now] of b.objects) if (!a.objects.has(key)) added.push(now);
  const moved = pairMoved(removed, added, renames);
  changes.push(...moved.changes);
  for (const old of moved.removed) changes.push(oneSided(old, 'removed', b.failures.get(ownerKey(old.owner)) ?? (b.owners.has(ownerKey(old.owner)) ? undefined : 'the owner is not in the new inputs')));
  for (const now of moved.added) changes.push(oneSided(now, 'added', a.failures.get(ownerKey(now.owner)) ?? (a.owners.has(ownerKey(now.owner)) ? undefined : 'the owner is not in the old inputs')));
  const rank = (c: ObjectChange): number => {
    const key = objectKey({ owner: c.owner, resource: c.resource, template: c.template, object: c.object, value: {} });
    return b.order.get(key) ?? (a.order.get(key) ?? 0) + 0.5;
  };
  changes.sort((x, y) => compare(ownerKey(x.owner), ownerKey(y.owner)) || rank(x) - rank(y));
  for (const c of changes) c.fields = withStandIns(c.fields, c.resource, b.reports.get(ownerKey(c.owner)));
  const changedOwners = new Set([...changes.map((c) => ownerKey(c.owner)), ...owners.map((o) => ownerKey(o.owner))]);
  const count = (k: ChangeKind) => changes.filter((c) => c.change === k).length;
  const templates = templateChanges(before, after);
  return {
    changes,
    owners,
    templates,
    summary: { owners: changedOwners.size, objects: changes.length, added: count('added'), removed: count('removed'), modified: count('modified') },
  };
}

function modified(old: Placed, now: Placed, why?: string): ObjectChange {
  const from = old.resource !== now.resource || old.template.kind !== now.template.kind || old.template.name !== now.template.name;
  return {
    owner: now.owner,
    resource: now.resource,
    template: now.template,
    object: now.object,
    change: 'modified',
    fields: fieldChanges(old.value, now.value),
    old: old.value,
    new: now.value,
    ...(from ? { from: { resource: old.resource, template: old.template } } : {}),
    ...(why ? { why } : {}),
  };
}

/**
 * An object one resource of an owner stamped before and another stamps now (a renamed resource,
 * or the owner's new blueprint stamps it too) is the same object in the cluster: the controller
 * deletes a previously stamped object of a mutable template only when no resource stamps one of
 * that identity any more, so it stays and is modified (its carto.run/resource-name label, at
 * least). Paired one to one. Not a generateName object (immutable and tekton templates): the
 * controller keeps one only for the same resource and template, and makes a new one.
 */
function pairMoved(removed: Placed[], added: Placed[], renames: ReadonlyMap<string, ReadonlyMap<string, string>>): { changes: ObjectChange[]; removed: Placed[]; added: Placed[] } {
  const identity = (p: Placed) => objectKey({ ...p, resource: '' });
  const waiting = new Map<string, Placed[]>();
  for (const p of removed) if (!p.object.generateName) waiting.set(identity(p), [...(waiting.get(identity(p)) ?? []), p]);
  const changes: ObjectChange[] = [];
  const unpaired: Placed[] = [];
  const paired = new Set<Placed>();
  for (const now of added) {
    const old = now.object.generateName ? undefined : waiting.get(identity(now))?.shift();
    if (!old) {
      unpaired.push(now);
      continue;
    }
    paired.add(old);
    if (same(old.value, now.value)) continue;
    const renamed = renames.get(ownerKey(now.owner))?.get(old.resource) === now.resource;
    const template = (p: Placed) => (old.template.kind === now.template.kind && old.template.name === now.template.name ? '' : ` (${p.template.kind} ${p.template.name})`);
    changes.push(modified(old, now, renamed ? `resource renamed from ${old.resource} to ${now.resource}` : `stamped by resource ${now.resource}${template(now)} instead of ${old.resource}${template(old)}`));
  }
  return { changes, removed: removed.filter((p) => !paired.has(p)), added: unpaired };
}

function oneSided(p: Placed, change: 'added' | 'removed', why: string | undefined): ObjectChange {
  return {
    owner: p.owner,
    resource: p.resource,
    template: p.template,
    object: p.object,
    change,
    fields: [],
    ...(change === 'added' ? { new: p.value } : { old: p.value }),
    ...(why ? { why } : {}),
  };
}

/**
 * One render's objects by key: what each owner stamps, including an owner with a failing resource —
 * the controller goes on past a failed resource and stamps the rest, so only the failing resource's
 * object (and what needed its outputs) goes, not the owner's whole chain.
 */
function side(result: RenderResult): Side {
  const failures = new Map<string, string>();
  for (const d of result.diagnostics) {
    if (d.severity === 'error' && d.owner && d.owner.namespace !== undefined) {
      const key = ownerKey({ kind: d.owner.kind, namespace: d.owner.namespace, name: d.owner.name });
      if (!failures.has(key)) failures.set(key, firstLine(d));
    }
  }
  const objects = new Map<string, Placed>();
  const order = new Map<string, number>();
  for (const stamped of result.objects) {
    const p = placed(stamped);
    let key = objectKey(p);
    // Two generateName objects of one resource (rare: a Runnable's run and its resource): numbered.
    for (let n = 2; objects.has(key); n++) key = `${objectKey(p)}\u0000${n}`;
    objects.set(key, p);
    order.set(key, order.size);
  }
  const reports = new Map(result.owners.map((r) => [ownerKey(ownerId(r.owner)), r]));
  const owners = new Map<string, OwnerId>(result.owners.map((r) => [ownerKey(ownerId(r.owner)), ownerId(r.owner)]));
  for (const r of result.runnables) owners.set(ownerKey(ownerId(r.runnable)), ownerId(r.runnable));
  return { objects, order, reports, failures, owners };
}

function firstLine(d: Diagnostic): string {
  return d.message.split('\n')[0] as string;
}

function ownerChanges(a: Side, b: Side, renames: Map<string, Map<string, string>>): OwnerChange[] {
  const out: OwnerChange[] = [];
  const keys = [...new Set([...a.owners.keys(), ...b.owners.keys()])].sort(compare);
  for (const key of keys) {
    const owner = (b.owners.get(key) ?? a.owners.get(key)) as OwnerId;
    if (!a.owners.has(key)) {
      out.push({ owner, change: 'owner-added', message: `${key} is new` });
      continue;
    }
    if (!b.owners.has(key)) {
      out.push({ owner, change: 'owner-removed', message: `${key} is no longer in the inputs` });
      continue;
    }
    const failedBefore = a.failures.get(key);
    const failsNow = b.failures.get(key);
    // The controller keeps a failing resource's last object (and a status that names it), and an
    // owner that matches no blueprint keeps all of its objects: the render's `removed` is no delete.
    const kept = 'the controller keeps what it stamped before, no longer updated';
    if (failsNow !== undefined && failedBefore === undefined) out.push({ owner, change: 'fails', new: failsNow, message: `${key} no longer renders: ${failsNow}; ${kept}` });
    else if (failsNow === undefined && failedBefore !== undefined) out.push({ owner, change: 'recovers', old: failedBefore, message: `${key} renders now (it failed: ${failedBefore})` });
    else if (failsNow !== undefined && failedBefore !== undefined && failsNow !== failedBefore) {
      out.push({ owner, change: 'fails', old: failedBefore, new: failsNow, message: `${key} fails differently: ${failsNow} (was: ${failedBefore})` });
    }
    out.push(...selectionChanges(owner, key, a.reports.get(key), b.reports.get(key), renames));
  }
  return out;
}

/**
 * Another blueprint, or on the same blueprint a resource renamed, gone or new, or another template
 * option: said even when it stamps the same. `renames` collects the owner's renamed resources.
 */
function selectionChanges(owner: OwnerId, key: string, before: OwnerReport | undefined, after: OwnerReport | undefined, renames: Map<string, Map<string, string>>): OwnerChange[] {
  if (!before || !after) return [];
  const bp = (r: OwnerReport) => (r.blueprint ? `${r.blueprint.kind} ${r.blueprint.name}` : undefined);
  const oldBp = bp(before);
  const newBp = bp(after);
  if (oldBp !== newBp) {
    const message = newBp === undefined
      ? `${key} no longer matches a blueprint (it selected ${oldBp})`
      : oldBp === undefined ? `${key} now selects ${newBp} (it matched none)` : `${key} selects ${newBp} instead of ${oldBp}`;
    return [{ owner, change: 'blueprint', ...(oldBp ? { old: oldBp } : {}), ...(newBp ? { new: newBp } : {}), message }];
  }
  const { changes, renamed } = resourceChanges(before, after);
  if (renamed.size > 0) renames.set(key, renamed);
  return changes.map((c) => ({ owner, change: c.change, resource: c.resource, ...(c.old ? { old: c.old } : {}), ...(c.new ? { new: c.new } : {}), message: `${key}${c.text}` }));
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
