// Live objects given with `--observed` (e.g. `kubectl get gitrepository x -o yaml`): outputs
// whose paths point into `status` can be read from them. A stamped object is matched by
// API group, kind, namespace and name; one stamped with generateName by its carto.run labels,
// taking the newest, as the controller reads the latest object of an immutable resource.
import type { SourceDocument } from '../load/index.js';
import type { JSONObject } from '../model/index.js';
import { isObject, own } from '../util/objects.js';

/** `prefer`: among several objects stamped with generateName, the newest one it accepts wins. */
export function findObserved(stamped: JSONObject, observed: readonly SourceDocument[], prefer?: (doc: SourceDocument) => boolean): SourceDocument | undefined {
  const kind = own(stamped, 'kind');
  const group = groupOf(own(stamped, 'apiVersion'));
  const meta = isObject(own(stamped, 'metadata')) ? (own(stamped, 'metadata') as JSONObject) : {};
  const name = own(meta, 'name');
  const namespace = own(meta, 'namespace');
  const candidates = observed.filter((doc) => {
    if (own(doc.value, 'kind') !== kind || groupOf(own(doc.value, 'apiVersion')) !== group) return false;
    const docMeta = own(doc.value, 'metadata');
    if (!isObject(docMeta)) return false;
    const docNamespace = own(docMeta, 'namespace');
    return docNamespace === undefined || docNamespace === namespace;
  });
  if (typeof name === 'string' && name !== '') {
    return candidates.find((doc) => own(own(doc.value, 'metadata') as JSONObject, 'name') === name);
  }
  const labels = isObject(own(meta, 'labels')) ? (own(meta, 'labels') as Record<string, unknown>) : {};
  const identifying = Object.keys(labels).filter((k) => k.startsWith('carto.run/'));
  if (identifying.length === 0) return undefined;
  const matching = candidates.filter((doc) => {
    const docLabels = own(own(doc.value, 'metadata') as JSONObject, 'labels');
    return isObject(docLabels) && identifying.every((k) => own(docLabels, k) === labels[k]);
  });
  const newestFirst = matching.sort((a, b) => created(b).localeCompare(created(a)));
  return (prefer ? newestFirst.find(prefer) : undefined) ?? newestFirst[0];
}

function groupOf(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string') return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function created(doc: SourceDocument): string {
  const ts = own(own(doc.value, 'metadata') as JSONObject, 'creationTimestamp');
  return typeof ts === 'string' ? ts : '';
}
