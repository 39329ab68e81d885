// Reads Workloads, Deliverables and Runnables (the objects whose stamping carto renders). A missing namespace is filled in the way kubectl would
// apply the file (the current namespace, `default` unless told otherwise), because the real
// owner always has one and templates read it.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { FieldReader } from './fields.js';
import { isDeferredDocument } from '../load/index.js';
import { own } from '../util/objects.js';
import { checkOwnerFields } from './owner-schema.js';
import type { JSONObject, Owner, OwnerKind, Runnable } from './types.js';

export function readOwner(
  doc: SourceDocument,
  kind: OwnerKind,
  name: string,
  defaultNamespace: string,
  diagnostics: Diagnostic[],
): Owner {
  const r = new FieldReader(doc, { kind, name, namespace: namespaceOf(own(doc.value, 'metadata')) ?? defaultNamespace }, diagnostics);
  const metadata = r.object(doc.value, 'metadata', []) ?? {};
  const namespace = r.string(metadata, 'namespace', ['metadata']) || defaultNamespace;
  const labels = r.stringMap(metadata, 'labels', ['metadata']);
  const uid = r.string(metadata, 'uid', ['metadata']);
  checkOwnerFields(r, kind, doc.value);
  const owner = {
    kind,
    apiVersion: typeof doc.value['apiVersion'] === 'string' ? doc.value['apiVersion'] : 'carto.run/v1alpha1',
    name,
    namespace,
    labels,
    ...(uid ? { uid } : {}),
    doc,
  };
  // A document kept as text (a large estate): the owner's object is made from it when read, so
  // that the catalog does not hold every owner's parsed object until the render ends.
  if (isDeferredDocument(doc)) return Object.defineProperty(owner, 'object', OWNER_OBJECT) as Owner;
  return { ...owner, object: withNamespace(doc.value, metadata, namespace) };
}

/** The owner's object with its namespace filled in (its metadata, if not an object, read as {}). */
function withNamespace(value: Record<string, unknown>, metadata: Record<string, unknown>, namespace: string): Record<string, unknown> {
  return { ...value, metadata: { ...metadata, namespace } };
}

// One descriptor for all deferred owners (their hidden class stays shared).
const OWNER_OBJECT: PropertyDescriptor = {
  get(this: Owner): Record<string, unknown> {
    const value = this.doc.value;
    const m = own(value, 'metadata');
    return withNamespace(value, typeof m === 'object' && m !== null && !Array.isArray(m) ? (m as Record<string, unknown>) : {}, this.namespace);
  },
  enumerable: true,
  configurable: true,
};

/**
 * Reads a Runnable from the inputs, or (with `stampedBy`) one a supply chain stamped; the
 * controller forces its runTemplateRef kind to ClusterRunTemplate.
 */
export function readRunnable(
  doc: SourceDocument,
  name: string,
  defaultNamespace: string,
  diagnostics: Diagnostic[],
  object: JSONObject = doc.value,
  stampedBy?: Runnable['stampedBy'],
): Runnable {
  // (A Runnable a supply chain stamps is named by its template: no namespace of its own yet.)
  const r = new FieldReader(doc, stampedBy ? { kind: 'Runnable', name } : { kind: 'Runnable', name, namespace: namespaceOf(own(object, 'metadata')) ?? defaultNamespace }, diagnostics);
  const at = stampedBy ? ['spec', 'template'] : [];
  const metadata = r.object(object, 'metadata', at) ?? {};
  const namespace = r.string(metadata, 'namespace', [...at, 'metadata']) || defaultNamespace;
  const spec = r.object(object, 'spec', at) ?? {};
  const ref = r.object(spec, 'runTemplateRef', [...at, 'spec']) ?? {};
  const selector = r.object(spec, 'selector', [...at, 'spec']);
  const resource = selector ? r.object(selector, 'resource', [...at, 'spec', 'selector']) ?? {} : undefined;
  const uid = r.string(metadata, 'uid', [...at, 'metadata']);
  return {
    kind: 'Runnable',
    apiVersion: typeof object['apiVersion'] === 'string' ? object['apiVersion'] : 'carto.run/v1alpha1',
    name,
    namespace,
    labels: r.stringMap(metadata, 'labels', [...at, 'metadata']),
    ...(uid ? { uid } : {}),
    doc,
    object: { ...object, metadata: { ...metadata, namespace } },
    runTemplateName: r.string(ref, 'name', [...at, 'spec', 'runTemplateRef']) ?? '',
    ...(selector && resource
      ? {
          selector: {
            apiVersion: r.string(resource, 'apiVersion', [...at, 'spec', 'selector', 'resource']) ?? '',
            kind: r.string(resource, 'kind', [...at, 'spec', 'selector', 'resource']) ?? '',
            matchingLabels: r.stringMap(selector, 'matchingLabels', [...at, 'spec', 'selector']),
          },
        }
      : {}),
    ...(stampedBy ? { stampedBy } : {}),
  };
}

/** An object's metadata.namespace, when it is a non-empty string (owners without one take the default). */
export function namespaceOf(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const ns = own(metadata as Record<string, unknown>, 'namespace');
  return typeof ns === 'string' && ns !== '' ? ns : undefined;
}
