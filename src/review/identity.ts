// Who stamped an object and which object it is: the keys carto diff matches objects by across the
// two sides (owner, resource, then apiVersion/kind/namespace/name; a generateName object, whose
// name the API server picks, by owner and resource alone).
import type { StampedObject } from '../render/index.js';
import type { JSONObject } from '../model/index.js';

export interface OwnerId {
  kind: string;
  namespace: string;
  name: string;
}

export interface ObjectId {
  apiVersion: string;
  kind: string;
  namespace?: string;
  /** The name, or for a generateName object its prefix (`generateName` set). */
  name: string;
  generateName?: true;
}

export interface Placed {
  owner: OwnerId;
  /** The blueprint resource (a Runnable's own objects: `run`). */
  resource: string;
  template: { kind: string; name: string };
  object: ObjectId;
  value: JSONObject;
}

export function placed(stamped: StampedObject): Placed {
  const object = objectId(stamped.object);
  if (stamped.via === 'runnable') {
    const by = stamped.runnable.stampedBy;
    const runnable = stamped.runnable;
    return {
      owner: by ? ownerId(by.owner) : ownerId(runnable),
      // What a stamped Runnable stamps belongs to the resource that stamped the Runnable.
      resource: by ? `${by.resource} (run)` : 'run',
      template: { kind: 'ClusterRunTemplate', name: stamped.runTemplate.name },
      object,
      value: stamped.object,
    };
  }
  return {
    owner: ownerId(stamped.owner),
    resource: stamped.resource.name,
    template: { kind: stamped.template.kind, name: stamped.template.name },
    object,
    value: stamped.object,
  };
}

export function ownerId(o: { kind: string; namespace: string; name: string }): OwnerId {
  return { kind: o.kind, namespace: o.namespace, name: o.name };
}

export const ownerKey = (o: OwnerId): string => `${o.kind} ${o.namespace}/${o.name}`;

export function objectKey(p: Placed): string {
  const id = p.object;
  const name = id.generateName ? `generateName:${id.name}` : id.name;
  return `${ownerKey(p.owner)}\u0000${p.resource}\u0000${id.apiVersion}\u0000${id.kind}\u0000${id.namespace ?? ''}\u0000${name}`;
}

function objectId(object: JSONObject): ObjectId {
  const meta = (object['metadata'] ?? {}) as JSONObject;
  const named = typeof meta['name'] === 'string' && meta['name'] !== '';
  return {
    apiVersion: String(object['apiVersion'] ?? ''),
    kind: String(object['kind'] ?? ''),
    ...(typeof meta['namespace'] === 'string' ? { namespace: meta['namespace'] } : {}),
    name: named ? String(meta['name']) : String(meta['generateName'] ?? ''),
    ...(named ? {} : { generateName: true as const }),
  };
}

/** `Image default/app` (a generateName object: `Image default/app-…`). */
export function objectLabel(id: ObjectId): string {
  return `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}${id.generateName ? '…' : ''}`;
}
