// Which schema checks a stamped object: the built-in kinds of one Kubernetes version (the
// schemas/kubernetes/ files, read by the CLI), and the custom resources of the
// CustomResourceDefinitions found in the inputs or given with --crds (each served version's
// openAPIV3Schema, apiextensions.k8s.io/v1 and v1beta1 alike).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { diagnostic } from '../realize/index.js';
import type { Schema } from '../schema/index.js';
import { isObject, own } from '../util/objects.js';

/** The built-in kinds of one Kubernetes version (a schemas/kubernetes/v1.NN.json file). */
export interface KubeSchemas {
  /** `1.34` */
  kubernetes: string;
  /** `apps/v1/Deployment` → its definition's name. */
  kinds: Readonly<Record<string, string>>;
  definitions: Readonly<Record<string, Schema>>;
}

/** One version of a custom resource, from its CRD. */
export interface CustomSchema {
  schema: Schema;
  /** The status subresource is on: status is not part of what is created. */
  statusSubresource: boolean;
  /** The CRD, for pointing at it. */
  crd: SourceDocument;
}

export interface ValidationSchemas {
  kube?: KubeSchemas;
  /** `group/version/Kind` (`v1/Kind` for the core group) → its schema. */
  custom: ReadonlyMap<string, CustomSchema>;
}

/** `apps/v1` + `Deployment` → `apps/v1/Deployment`. */
export function gvk(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

export function isCrd(doc: SourceDocument): boolean {
  const apiVersion = own(doc.value, 'apiVersion');
  return own(doc.value, 'kind') === 'CustomResourceDefinition' && typeof apiVersion === 'string' && apiVersion.startsWith('apiextensions.k8s.io/');
}

/** The schemas of every CRD among the documents; a CRD that gives none is said once (a note). */
export function customSchemas(documents: readonly SourceDocument[]): { custom: Map<string, CustomSchema>; diagnostics: Diagnostic[] } {
  const custom = new Map<string, CustomSchema>();
  const diagnostics: Diagnostic[] = [];
  for (const doc of documents) {
    if (!isCrd(doc)) continue;
    const spec = own(doc.value, 'spec');
    const names = isObject(spec) ? own(spec, 'names') : undefined;
    const group = isObject(spec) ? own(spec, 'group') : undefined;
    const kind = isObject(names) ? own(names, 'kind') : undefined;
    if (!isObject(spec) || typeof group !== 'string' || typeof kind !== 'string') continue;
    for (const version of versionsOf(spec)) {
      if (!version.schema) {
        const name = String((own(doc.value, 'metadata') as Record<string, unknown> | undefined)?.['name'] ?? kind);
        diagnostics.push(diagnostic('note', 'crd-without-schema', `CustomResourceDefinition ${name} gives version ${version.name} no openAPIV3Schema: its objects are taken as they are`, { doc, object: { kind: 'CustomResourceDefinition', name }, path: ['spec'] }));
        continue;
      }
      custom.set(gvk(`${group}/${version.name}`, kind), { schema: version.schema, statusSubresource: version.status, crd: doc });
    }
  }
  return { custom, diagnostics };
}

interface CrdVersion {
  name: string;
  schema?: Schema;
  status: boolean;
}

/** A CRD's served versions: spec.versions (v1, and v1beta1's per-version form), or v1beta1's spec.version with spec.validation. */
function versionsOf(spec: Record<string, unknown>): CrdVersion[] {
  const shared = openapi(own(spec, 'validation'));
  const sharedStatus = hasStatus(own(spec, 'subresources'));
  const versions = own(spec, 'versions');
  if (Array.isArray(versions)) {
    return versions.filter(isObject).filter((v) => own(v, 'served') !== false && typeof own(v, 'name') === 'string').map((v) => {
      const schema = openapi(own(v, 'schema')) ?? shared;
      return { name: own(v, 'name') as string, ...(schema ? { schema } : {}), status: hasStatus(own(v, 'subresources')) || sharedStatus };
    });
  }
  const single = own(spec, 'version');
  return typeof single === 'string' ? [{ name: single, ...(shared ? { schema: shared } : {}), status: sharedStatus }] : [];
}

function openapi(holder: unknown): Schema | undefined {
  const schema = isObject(holder) ? own(holder, 'openAPIV3Schema') : undefined;
  return isObject(schema) ? (schema as Schema) : undefined;
}

function hasStatus(subresources: unknown): boolean {
  return isObject(subresources) && own(subresources, 'status') !== undefined;
}
