// How the API server words what the engine finds: field errors for custom resources (the words
// of the CRD schema validation: `spec.replicas: Invalid value: "string": spec.replicas in body
// must be of type integer: "string"`), and for built-in kinds the Go decoder's words
// (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`)
// or the validation's (`spec.selector: Required value`). Also the plain words carto puts first.
import type { Schema } from './types.js';

/** `spec.containers[0].image`, as field errors name a field. */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

/** `spec.containers.image`: the Go decoder's path (no indexes). */
export function decoderPath(path: readonly (string | number)[]): string {
  return path.filter((p) => typeof p === 'string').join('.');
}

/** The JSON type of a value as carto says it: `string "1"`, `number 1.5`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `${Number.isInteger(value) ? 'integer' : 'number'} ${value}`;
  return `boolean ${String(value)}`;
}

/** The Go type name the API server's schema validation says a value has (`string`, `integer`…). */
export function openapiTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** What a schema expects, as carto says it: `integer`, `integer or string`, `a list`. */
export function describeSchema(schema: Schema): string {
  if (schema['x-kubernetes-int-or-string']) return 'integer or string';
  if (schema.format === 'quantity') return 'a quantity (string or number)';
  switch (schema.type) {
    case 'object': return 'a map';
    case 'array': return 'a list';
    case undefined: return 'any value';
    default: return schema.type;
  }
}

/** The Go decoder's word for a JSON value's kind (`string`, `number 1.5`, `bool`). */
function jsonKind(value: unknown, expected: string): string {
  if (Array.isArray(value)) return 'array';
  if (value !== null && typeof value === 'object') return 'object';
  if (typeof value === 'number') return /int/.test(expected) && !Number.isInteger(value) ? `number ${value}` : 'number';
  if (typeof value === 'boolean') return 'bool';
  return 'string';
}

/** The Go type a schema decodes into: `int32`, `[]v1.Container`, `map[string]string`, `v1.LabelSelector`. */
export function goType(schema: Schema, definitionName?: (ref: string) => string): string {
  if (schema.$ref) return definitionName ? definitionName(schema.$ref) : schema.$ref;
  if (schema['x-kubernetes-int-or-string']) return 'intstr.IntOrString';
  if (schema.format === 'quantity') return 'resource.Quantity';
  switch (schema.type) {
    case 'integer': return schema.format === 'int32' ? 'int32' : 'int64';
    case 'number': return 'float64';
    case 'boolean': return 'bool';
    case 'string': return 'string';
    case 'array': return `[]${schema.items ? goType(schema.items, definitionName) : 'interface {}'}`;
    case 'object': return typeof schema.additionalProperties === 'object' ? `map[string]${goType(schema.additionalProperties, definitionName)}` : 'map[string]interface {}';
    default: return 'interface {}';
  }
}

/** The Go decoder's error for a value of the wrong type in a field of a built-in kind. */
export function decodeTypeError(value: unknown, schema: Schema, struct: string, path: readonly (string | number)[], definitionName: (ref: string) => string): string {
  const type = goType(schema, definitionName);
  return `json: cannot unmarshal ${jsonKind(value, type)} into Go struct field ${struct}.${decoderPath(path)} of type ${type}`;
}

/** The schema validation's error for a value of the wrong type (custom resources). */
export function fieldTypeError(value: unknown, expected: string, path: readonly (string | number)[]): string {
  const p = fieldPath(path);
  const got = openapiTypeOf(value);
  return `${p}: Invalid value: ${JSON.stringify(got)}: ${p} in body must be of type ${expected}: ${JSON.stringify(got)}`;
}

/** `spec.x: Invalid value: "v": spec.x in body should …`, the form of the schema's value checks. */
export function fieldValueError(value: unknown, path: readonly (string | number)[], should: string): string {
  const p = fieldPath(path);
  return `${p}: Invalid value: ${JSON.stringify(value)}: ${p} in body ${should}`;
}
