// The object a health rule reads: the stamped object as the controller submits it, with what
// only the cluster adds taken from the live object given with --observed (its status, and the
// metadata the API server sets), as the controller sees the object once it is applied.
import type { JSONObject } from '../model/index.js';
import { isObject, own } from '../util/objects.js';

export function liveView(stamped: JSONObject, live: JSONObject | undefined): JSONObject {
  if (!live) return stamped;
  const status = own(live, 'status');
  const liveMeta = own(live, 'metadata');
  const stampedMeta = own(stamped, 'metadata');
  return {
    ...stamped,
    ...(isObject(liveMeta) ? { metadata: { ...liveMeta, ...(isObject(stampedMeta) ? stampedMeta : {}) } } : {}),
    ...(status !== undefined ? { status } : {}),
  };
}
