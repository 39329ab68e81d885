// Checks each carto.run object against its JSON Schema (schemas/*.json, compiled at build time
// into generated/validators.js) and words the failures as the API server would: the CRD schema
// is what `kubectl apply` is refused for. One-of rules are left to the webhook checks, which
// report them with the controller's own messages. Unknown fields are warnings: the API server
// drops them rather than refusing the object.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { formatPath, OWNER_KINDS, paramValueHint, unknownFieldHint, type Path } from '../model/index.js';
import { labelKeyProblem, labelValueProblem } from '../select/index.js';
import { isObject, own, ownAt } from '../util/objects.js';
import * as validators from './generated/validators.js';
import { pruneNulls } from './prune-nulls.js';
import { lintDiagnostic, refOf } from './report.js';
import type { RuleCode } from './rules.js';
import type { SchemaError, Validator } from './schema-types.js';

const BY_KIND: Record<string, Validator> = {
  Workload: validators.workload,
  Deliverable: validators.deliverable,
  ClusterSupplyChain: validators.clustersupplychain,
  ClusterDelivery: validators.clusterdelivery,
  ClusterSourceTemplate: validators.clustersourcetemplate,
  ClusterImageTemplate: validators.clusterimagetemplate,
  ClusterConfigTemplate: validators.clusterconfigtemplate,
  ClusterTemplate: validators.clustertemplate,
  ClusterDeploymentTemplate: validators.clusterdeploymenttemplate,
  ClusterRunTemplate: validators.clusterruntemplate,
  Runnable: validators.runnable,
};

/** The schema for a kind; a supply chain written with spec.components gets the 0.0.6 one. */
function validatorFor(kind: string, legacy: boolean): Validator | undefined {
  if (kind === 'ClusterSupplyChain' && legacy) return validators.clustersupplychain_v0_0_6;
  return BY_KIND[kind];
}

export function checkSchema(doc: SourceDocument, kind: string, name: string, legacy: boolean): Diagnostic[] {
  const validate = validatorFor(kind, legacy);
  if (!validate) return [];
  const object = refOf(kind, name, namespaceOf(doc.value));
  const out: Diagnostic[] = [];
  for (const error of schemaErrors(validate, kind, doc.value)) {
    const d = describe(error, doc.value, kind);
    if (d) out.push(lintDiagnostic(d.code, d.message, { doc, object, path: d.path, key: d.key }, d.hint ? { hint: d.hint } : {}));
  }
  out.push(...checkName(doc, object));
  out.push(...checkLabels(doc, object));
  return out;
}

/** ObjectMeta validation: a name, or a generateName for the API server to complete (the schema's
 *  anyOf says so for editors; its failure is worded here as the API server words it). */
function checkName(doc: SourceDocument, object: ReturnType<typeof refOf>): Diagnostic[] {
  const metadata = own(doc.value, 'metadata');
  if (!isObject(metadata)) return [];
  const given = (key: string) => {
    const v = own(metadata, key);
    return v !== undefined && v !== null && v !== '';
  };
  if (given('name') || given('generateName')) return [];
  const hasName = own(metadata, 'name') !== undefined && own(metadata, 'name') !== null;
  return [lintDiagnostic('schema-required', 'metadata.name: Required value', { doc, object, path: hasName ? ['metadata', 'name'] : ['metadata'], key: !hasName })];
}

/** Kinds whose CRD has a status subresource: the API server drops `status` on create. */
const STATUS_SUBRESOURCE = new Set(['Workload', 'Deliverable', 'ClusterSupplyChain', 'ClusterDelivery', 'Runnable']);

/** The schema's complaints about the object as the API server validates it: nulls pruned, and
 *  status dropped where it is a subresource. A field the CRD does not define stays worth a warning
 *  even when it is null (a misspelt key left empty): the pruned copy no longer has it. */
function schemaErrors(validate: Validator, kind: string, value: Record<string, unknown>): SchemaError[] {
  const { value: pruned, pruned: hadNulls } = pruneNulls(value);
  let checked = pruned;
  if (STATUS_SUBRESOURCE.has(kind) && own(checked, 'status') !== undefined) {
    checked = { ...checked };
    delete checked['status'];
  }
  const errors = validate(checked) ? [] : [...(validate.errors ?? [])];
  if (!hadNulls || validate(value)) return errors;
  const unknownNulls = (validate.errors ?? []).filter((e) => e.keyword === 'additionalProperties' && ownAt(value, [...toPath(e.instancePath, value), String(e.params['additionalProperty'])]) === null);
  return [...errors, ...unknownNulls];
}

interface Described {
  code: RuleCode;
  message: string;
  path: Path;
  key: boolean;
  hint?: string;
}

function describe(error: SchemaError, root: unknown, kind: string): Described | undefined {
  // Exactly-one-of rules (template/ytt, name/options…) are webhook rules, reported there in the
  // controller's words; apiVersion and kind chose this schema, so they already match.
  if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'const') return undefined;
  if (/\/(oneOf|anyOf)\//.test(error.schemaPath)) return undefined;
  const path = toPath(error.instancePath, root);
  const at = formatPath(path);
  const value = ownAt(root, path);
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params['missingProperty']);
      // A required field left empty (null, pruned) is pointed at itself, not at its parent.
      const leftEmpty = isObject(value) && own(value, missing) === null;
      // An owner's param (spec.params[i].value) gets the hint render gives (src/model owner-schema.ts).
      const param = missing === 'value' && path.length === 3 && path[0] === 'spec' && path[1] === 'params' && OWNER_KINDS.has(kind);
      return { code: 'schema-required', message: `${join(at, missing)}: Required value`, path: leftEmpty ? [...path, missing] : path, key: true, ...(param ? { hint: paramValueHint(kind) } : {}) };
    }
    case 'type': {
      const actual = jsonType(value);
      const expected = String(error.params['type']).split(',').join(' or ');
      return { code: 'schema-type', message: `${at}: Invalid value: "${actual}": ${at} in body must be of type ${expected}: "${actual}"`, path, key: false };
    }
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { code: 'schema-enum', message: `${at}: Unsupported value: ${JSON.stringify(value)}: supported values: ${allowed}`, path, key: false };
    }
    case 'minItems':
      return { code: 'schema-limit', message: `${at}: Invalid value: ${Array.isArray(value) ? value.length : 0}: ${at} in body should have at least ${String(error.params['limit'])} items`, path, key: false };
    case 'minLength':
      return { code: 'schema-limit', message: `${at}: Invalid value: ${JSON.stringify(value)}: ${at} in body should be at least ${String(error.params['limit'])} chars long`, path, key: false };
    case 'minimum':
      return { code: 'schema-limit', message: `${at}: Invalid value: ${JSON.stringify(value)}: ${at} in body should be greater than or equal to ${String(error.params['limit'])}`, path, key: false };
    case 'pattern':
      return { code: 'schema-pattern', message: `${at}: Invalid value: ${JSON.stringify(value)}: ${at} in body should match '${String(error.params['pattern'])}'`, path, key: false };
    case 'additionalProperties': {
      const field = String(error.params['additionalProperty']);
      return {
        code: 'unknown-field',
        message: `unknown field "${join(at, field)}"`,
        path: [...path, field],
        key: true,
        hint: unknownFieldHint(join(at, field), Object.keys(error.parentSchema?.properties ?? {})),
      };
    }
    default:
      return { code: 'schema-type', message: `${at}: ${error.message ?? error.keyword}`, path, key: false };
  }
}

/** metadata.labels as ObjectMeta validation checks them (keys are qualified names, values labels). */
function checkLabels(doc: SourceDocument, object: ReturnType<typeof refOf>): Diagnostic[] {
  const metadata = own(doc.value, 'metadata');
  const labels = isObject(metadata) ? own(metadata, 'labels') : undefined;
  if (!isObject(labels)) return [];
  const out: Diagnostic[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) {
      out.push(lintDiagnostic('invalid-label', `metadata.labels: Invalid value: ${JSON.stringify(key)}: ${keyProblem}`, { doc, object, path: ['metadata', 'labels', key], key: true }));
    }
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
    if (valueProblem) {
      out.push(lintDiagnostic('invalid-label', `metadata.labels: Invalid value: ${JSON.stringify(value)}: ${valueProblem}`, { doc, object, path: ['metadata', 'labels', key] }));
    }
  }
  return out;
}

function join(at: string, field: string): string {
  return at === '' ? field : `${at}.${field}`;
}

/** `/spec/resources/0/name` → ['spec', 'resources', 0, 'name'] (indexes where the value is a list). */
function toPath(pointer: string, root: unknown): Path {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(part)) {
      out.push(Number(part));
      current = current[Number(part)];
    } else {
      out.push(part);
      current = isObject(current) ? own(current, part) : undefined;
    }
  }
  return out;
}

/** How the API server names a JSON value's type in its messages. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function namespaceOf(value: Record<string, unknown>): string | undefined {
  const metadata = own(value, 'metadata');
  const ns = isObject(metadata) ? own(metadata, 'namespace') : undefined;
  return typeof ns === 'string' && ns !== '' ? ns : undefined;
}
