// The object a Runnable's `spec.selector` picks for `$(selected)$`: objects of the given
// apiVersion/kind carrying every matching label, first in the Runnable's namespace and, when
// none is there, in any namespace (the controller falls back to a cluster-wide list). Exactly
// one must match.
import type { SourceDocument } from '../load/index.js';
import type { Runnable } from '../model/index.js';
import { isObject, own } from '../util/objects.js';

export type Selected = { ok: true; object: Record<string, unknown> | null; from?: SourceDocument } | { ok: false; message: string; matches: SourceDocument[] };

export function resolveSelected(runnable: Runnable, candidates: readonly SourceDocument[]): Selected {
  const selector = runnable.selector;
  if (!selector) return { ok: true, object: null };
  const matching = candidates.filter((doc) => {
    if (own(doc.value, 'apiVersion') !== selector.apiVersion || own(doc.value, 'kind') !== selector.kind) return false;
    const meta = own(doc.value, 'metadata');
    const labels = isObject(meta) ? own(meta, 'labels') : undefined;
    return Object.entries(selector.matchingLabels).every(([k, v]) => isObject(labels) && own(labels, k) === v);
  });
  const inNamespace = matching.filter((doc) => namespaceOf(doc) === runnable.namespace);
  const pool = inNamespace.length > 0 ? inNamespace : matching;
  if (pool.length === 0) return { ok: false, message: 'selector did not match any objects', matches: [] };
  if (pool.length > 1) return { ok: false, message: 'selector matched multiple objects', matches: pool };
  const only = pool[0] as SourceDocument;
  return { ok: true, object: only.value, from: only };
}

function namespaceOf(doc: SourceDocument): string | undefined {
  const meta = own(doc.value, 'metadata');
  const ns = isObject(meta) ? own(meta, 'namespace') : undefined;
  return typeof ns === 'string' ? ns : undefined;
}
