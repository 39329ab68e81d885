// What the stamper adds to an interpolated object (spec §8): the owner's namespace, exactly
// one controller ownerReference, and the carto.run labels over the template's own (none of the
// template's when one of their values is not a string: the controller drops them all). New keys
// go where a reader expects them (namespace after name, labels after namespace).
import type { Format, JSONObject } from '../model/index.js';
import { hasOwn, isObject, setOwn } from '../util/objects.js';

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller: true;
  blockOwnerDeletion: true;
}

export interface FinishOptions {
  namespace: string;
  labels: Record<string, string>;
  /** Left out (and any in the template removed) when undefined. */
  ownerReference?: OwnerReference;
  semantics: Format;
}

export type Finished = { ok: true; object: JSONObject } | { ok: false; reason: string; path: string[] };

export function finishObject(stamped: JSONObject, options: FinishOptions): Finished {
  const metaValue = hasOwn(stamped, 'metadata') ? stamped['metadata'] : undefined;
  if (metaValue !== undefined && metaValue !== null && !isObject(metaValue)) {
    return { ok: false, reason: 'metadata of the stamped object is not a mapping', path: ['metadata'] };
  }
  const meta: JSONObject = isObject(metaValue) ? metaValue : {};
  const current = hasOwn(meta, 'namespace') ? meta['namespace'] : undefined;
  let namespace = options.namespace;
  if (typeof current === 'string' && current !== '' && current !== options.namespace) {
    if (options.semantics === 'current') {
      return { ok: false, reason: 'cannot set namespace in resource template', path: ['metadata', 'namespace'] };
    }
    namespace = current; // 0.0.6 kept a namespace the template set
  }
  const labelsValue = hasOwn(meta, 'labels') ? meta['labels'] : undefined;
  const labels: JSONObject = {};
  // The controller reads the template's labels as a map of strings (unstructured's GetLabels):
  // one value of another type (enabled: true, null) and it reads none, so only its own remain.
  if (templateLabelsKept(labelsValue)) for (const key of Object.keys(labelsValue)) setOwn(labels, key, labelsValue[key]);
  for (const [key, value] of Object.entries(options.labels)) setOwn(labels, key, value);

  const out: JSONObject = {};
  for (const key of Object.keys(meta)) {
    if (key === 'namespace' || key === 'labels' || key === 'ownerReferences') continue;
    setOwn(out, key, meta[key]);
    if (key === 'name' || key === 'generateName') placeNamespaceAndLabels();
  }
  placeNamespaceAndLabels();
  if (options.ownerReference) out['ownerReferences'] = [{ ...options.ownerReference }];

  const object: JSONObject = {};
  let placedMeta = false;
  for (const key of Object.keys(stamped)) {
    if (key === 'metadata') {
      object['metadata'] = out;
      placedMeta = true;
    } else {
      setOwn(object, key, stamped[key]);
      // An object without metadata gets it after kind, where every manifest has it.
      if (!placedMeta && !hasOwn(stamped, 'metadata') && key === 'kind') {
        object['metadata'] = out;
        placedMeta = true;
      }
    }
  }
  if (!placedMeta) object['metadata'] = out;
  return { ok: true, object };

  function placeNamespaceAndLabels(): void {
    if (hasOwn(out, 'namespace')) return;
    out['namespace'] = namespace;
    out['labels'] = labels;
  }
}

/** The template's labels survive the stamper only as a map whose every value is a string. */
export function templateLabelsKept(labels: unknown): labels is Record<string, string> {
  return isObject(labels) && Object.values(labels).every((v) => typeof v === 'string');
}
