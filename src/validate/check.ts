// Which schema checks a stamped object, and what it finds: the CRD's for a custom resource (with
// ObjectMeta checked against the built-in schema), the built-in kind's otherwise; nothing when no
// schema covers the kind. Also the API server's opening words for a refusal, which depend on
// whether it could not decode the object or decoded it and found it invalid.
import { validateValue, type Issue, type Schema } from '../schema/index.js';
import { isObject, own } from '../util/objects.js';
import { gvk, type ValidationSchemas } from './schemas.js';

export interface Checked {
  /** Its problems, but for a label value that is not a string: the name and label check
   *  (stamp/meta-check.ts, render's stamped-label-invalid) says that one. */
  issues: Issue[];
  /** The schema that says so, for the hint: `Kubernetes 1.34`, `CustomResourceDefinition images.kpack.io`. */
  against: string;
}

/** `Kind (apiVersion)`: how a stamped object's kind is named (in the stamped-no-schema note, among others). */
export function kindKey(object: Record<string, unknown>): string {
  return `${String(object['kind'] ?? '')} (${String(object['apiVersion'] ?? '')})`;
}

/** The problems of one object, or undefined when no schema covers its kind. */
export function check(object: Record<string, unknown>, schemas: ValidationSchemas): Checked | undefined {
  const checked = checkAll(object, schemas);
  if (checked) checked.issues = checked.issues.filter((i) => !(i.rule === 'type' && i.path[0] === 'metadata' && i.path[1] === 'labels'));
  return checked;
}

function checkAll(object: Record<string, unknown>, schemas: ValidationSchemas): Checked | undefined {
  const apiVersion = String(object['apiVersion'] ?? '');
  const kind = String(object['kind'] ?? '');
  const key = gvk(apiVersion, kind);
  const custom = schemas.custom.get(key);
  const kube = schemas.kube;
  if (custom) {
    const crd = own(custom.crd.value, 'metadata');
    const against = `CustomResourceDefinition ${String((isObject(crd) ? own(crd, 'name') : undefined) ?? kind)}`;
    // status is not created with the object when it is a subresource; metadata is every object's
    const { status: _status, metadata, ...rest } = object;
    const body = custom.statusSubresource ? rest : { ...rest, ...(_status !== undefined ? { status: _status } : {}) };
    const issues = validateValue(body, withoutMetadata(custom.schema), { dialect: 'custom' });
    if (kube && metadata !== undefined) {
      const meta = validateValue(metadata, { $ref: 'V1ObjectMeta' }, { dialect: 'builtin', definitions: kube.definitions, rootName: 'V1ObjectMeta' });
      issues.unshift(...meta.map((i) => ({ ...i, path: ['metadata', ...i.path] })));
    }
    return { issues, against };
  }
  const model = kube?.kinds[key];
  if (!kube || model === undefined) return undefined;
  return { issues: validateValue(object, { $ref: model }, { dialect: 'builtin', definitions: kube.definitions, rootName: model }), against: `Kubernetes ${kube.kubernetes}` };
}

/** A CRD's own word on metadata is ignored by the API server: ObjectMeta is checked instead. */
function withoutMetadata(schema: Schema): Schema {
  if (!schema.properties || !Object.hasOwn(schema.properties, 'metadata')) return schema;
  const { metadata: _m, ...properties } = schema.properties;
  return { ...schema, properties };
}

/** `Deployment in version "v1" cannot be handled as a Deployment: ` or `Deployment.apps "app" is invalid: `. */
export function apiServerPrefix(stage: Issue['stage'], object: Record<string, unknown>, kind: string, name: string): string {
  const apiVersion = String(object['apiVersion']);
  const slash = apiVersion.lastIndexOf('/');
  if (stage === 'decode') return `${kind} in version ${JSON.stringify(apiVersion.slice(slash + 1))} cannot be handled as a ${kind}: `;
  return `${kind}${slash > 0 ? `.${apiVersion.slice(0, slash)}` : ''} ${JSON.stringify(name)} is invalid: `;
}

