// The owner as the controller's Go code sees it (spec §4.4), decoded once per owner and
// semantics. A field the API server would reject (a number where a string belongs) is an
// input error: such an owner could not exist on a cluster. An owner written by hand has no uid
// (the API server sets one); `uid` stands in for it, so that templates reading it render.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decode, type GoType } from '../gotypes/index.js';
import type { GoValue } from '../jsonpath/index.js';
import { locate } from '../load/index.js';
import { deliverableType, workloadType, workloadTypeV006 } from '../model/go-types.js';
import type { Blueprint, Format, Owner } from '../model/index.js';
import { isObject, own, setOwn } from '../util/objects.js';

export function typedOwner(owner: Owner, semantics: Format, uid?: string, selected?: Blueprint): { value: GoValue; diagnostics: Diagnostic[] } {
  const type: GoType = owner.kind === 'Deliverable' ? deliverableType : semantics === '0.0.6' ? workloadTypeV006 : workloadType;
  const withRef = selected ? withBlueprintRef(owner.object, selected) : owner.object;
  const { value, errors } = decode(type, uid === undefined ? withRef : withUid(withRef, uid));
  const diagnostics = errors.map((err): Diagnostic => {
    const pos = locate(owner.doc, splitPath(err.path));
    return {
      severity: 'error',
      code: 'invalid-owner-field',
      message: `${err.path}: ${err.message}`,
      file: pos.file,
      line: pos.line,
      column: pos.column,
      object: { kind: owner.kind, name: owner.name, namespace: owner.namespace },
      path: err.path,
      hint: `the API server would reject this ${owner.kind}; fix the field's type`,
    };
  });
  return { value, diagnostics };
}

/** `spec.env[0].value` → ['spec', 'env', 0, 'value']. */
export function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[1] !== undefined) parts.push(match[1]);
  }
  return parts;
}

/** A copy of `object` whose metadata has `uid` where it has none (an empty one counts as none). */
export function withUid(object: Record<string, unknown>, uid: string): Record<string, unknown> {
  const meta = own(object, 'metadata');
  if (meta !== undefined && meta !== null && !isObject(meta)) return object;
  const current = isObject(meta) ? own(meta, 'uid') : undefined;
  if (current !== undefined && current !== null && current !== '') return object;
  const copy = { ...object };
  setOwn(copy, 'metadata', { ...(isObject(meta) ? meta : {}), uid });
  return copy;
}

/** A copy of `object` whose status names `blueprint` as the controller writes it (kind and name
 *  of status.supplyChainRef, or deliveryRef for a ClusterDelivery; other fields kept). */
export function withBlueprintRef(object: Record<string, unknown>, blueprint: Blueprint): Record<string, unknown> {
  const status = own(object, 'status');
  if (status !== undefined && status !== null && !isObject(status)) return object;
  const key = blueprint.kind === 'ClusterDelivery' ? 'deliveryRef' : 'supplyChainRef';
  const current = isObject(status) ? own(status, key) : undefined;
  const copy = { ...object };
  setOwn(copy, 'status', { ...(isObject(status) ? status : {}), [key]: { ...(isObject(current) ? current : {}), kind: blueprint.kind, name: blueprint.name } });
  return copy;
}
