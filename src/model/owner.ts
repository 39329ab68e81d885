// Reads Workloads and Deliverables. A missing namespace is filled in the way kubectl would
// apply the file (the current namespace, `default` unless told otherwise), because the real
// owner always has one and templates read it.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { FieldReader } from './fields.js';
import type { Owner, OwnerKind } from './types.js';

export function readOwner(
  doc: SourceDocument,
  kind: OwnerKind,
  name: string,
  defaultNamespace: string,
  diagnostics: Diagnostic[],
): Owner {
  const r = new FieldReader(doc, { kind, name }, diagnostics);
  const metadata = r.object(doc.value, 'metadata', []) ?? {};
  const namespace = r.string(metadata, 'namespace', ['metadata']) || defaultNamespace;
  const labels = r.stringMap(metadata, 'labels', ['metadata']);
  const uid = r.string(metadata, 'uid', ['metadata']);
  const object = { ...doc.value, metadata: { ...metadata, namespace } };
  return {
    kind,
    apiVersion: typeof doc.value['apiVersion'] === 'string' ? doc.value['apiVersion'] : 'carto.run/v1alpha1',
    name,
    namespace,
    labels,
    ...(uid ? { uid } : {}),
    doc,
    object,
  };
}
