// What the API server would refuse in a stamped object: no kind; in its metadata, a name that is not a DNS-1123
// subdomain (a path segment for RBAC kinds), or not a string (no name at all is the realization's
// own warning),
// labels whose key or value is invalid or not a string — the carto.run/* labels carry owner,
// blueprint, template and resource names, which need not be valid label values (a 64-character
// Workload name, a resource named "build image") — and annotations that are not strings; and, for
// the core kinds whose fields are strings, a ConfigMap's or Secret's data that are not (`port:
// 8080`). The controller stamps such an object and the apply fails; carto says so before.
import { labelKeyProblem, labelValueProblem, objectNameProblem } from '../select/index.js';
import { isObject } from '../util/objects.js';

export interface MetaProblem {
  /** `metadata.name`, `metadata.labels` for a label, or the map a value of the wrong type is in. */
  field: 'kind' | 'metadata.name' | 'metadata.labels' | 'metadata.annotations' | 'data' | 'binaryData' | 'stringData';
  /** The label's key, for a label. */
  label?: string;
  /** The key of the value of the wrong type (an annotation, a data entry); absent when the whole map is. */
  key?: string;
  /** The API server's message: `metadata.name: Invalid value: "x": …`. */
  message: string;
}

export function stampedMetaProblems(object: Record<string, unknown>): MetaProblem[] {
  const out: MetaProblem[] = [];
  // No kind: the object cannot even be sent (the webhook refuses such a spec.template; ytt can make one).
  if (typeof object['kind'] !== 'string' || object['kind'] === '') out.push({ field: 'kind', message: "Object 'Kind' is missing in the stamped object" });
  const metadata = object['metadata'];
  if (!isObject(metadata)) return out;
  const name = metadata['name'];
  const kind = typeof object['kind'] === 'string' ? object['kind'] : '';
  const nameProblem = typeof name === 'string' && name !== '' ? objectNameProblem(kind, name) : undefined;
  if (nameProblem) out.push({ field: 'metadata.name', message: `metadata.name: Invalid value: ${JSON.stringify(name)}: ${nameProblem}` });
  // A name a placeholder made a map or a number (the controller reads it as no name at all).
  for (const key of ['name', 'generateName'] as const) {
    const value = metadata[key];
    if (value !== undefined && value !== null && typeof value !== 'string') out.push({ field: 'metadata.name', message: `json: cannot unmarshal ${jsonTypeOf(value)} into Go struct field ObjectMeta.metadata.${key} of type string` });
  }
  out.push(...stringMapProblems(metadata['annotations'], 'metadata.annotations', 'ObjectMeta.metadata.annotations'));
  const typed = STRING_MAPS[`${String(object['apiVersion'])}/${kind}`] ?? [];
  for (const [field, goField, goType] of typed) out.push(...stringMapProblems(object[field], field, goField, goType));
  const labels = metadata['labels'];
  if (isObject(labels)) {
    for (const [key, value] of Object.entries(labels)) {
      const typed = labelTypeProblem(value);
      if (typed) {
        out.push({ field: 'metadata.labels', label: key, message: typed });
        continue;
      }
      const problem = labelKeyProblem(key) ?? (typeof value === 'string' ? labelValueProblem(value) : undefined);
      if (problem) out.push({ field: 'metadata.labels', label: key, message: `metadata.labels: Invalid value: ${JSON.stringify(labelKeyProblem(key) ? key : value)}: ${problem}` });
    }
  }
  return out;
}

/**
 * A label value that is not a string (`enabled: true`, `replicas: 3`): the API server cannot decode
 * the object, and says so as Go's encoding/json does.
 */
export function labelTypeProblem(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'string') return undefined;
  return `json: cannot unmarshal ${jsonTypeOf(value)} into Go struct field ObjectMeta.metadata.labels of type string`;
}

/** Core kinds with maps of strings (base64 for []byte) the API server decodes: field, Go field, Go type. */
const STRING_MAPS: Record<string, ReadonlyArray<readonly [MetaProblem['field'], string, string]>> = {
  'v1/ConfigMap': [['data', 'ConfigMap.data', 'string'], ['binaryData', 'ConfigMap.binaryData', '[]uint8']],
  'v1/Secret': [['data', 'Secret.data', '[]uint8'], ['stringData', 'Secret.stringData', 'string']],
};

/** A map whose values Go decodes as strings: the value (or the map) of another JSON type, in encoding/json's words. */
function stringMapProblems(map: unknown, field: MetaProblem['field'], goField: string, goType = 'string'): MetaProblem[] {
  if (map === undefined || map === null) return [];
  if (!isObject(map)) return [{ field, message: `json: cannot unmarshal ${jsonTypeOf(map)} into Go struct field ${goField} of type map[string]${goType}` }];
  return Object.entries(map).flatMap(([key, value]) =>
    value === null || typeof value === 'string' ? [] : [{ field, key, message: `json: cannot unmarshal ${jsonTypeOf(value)} into Go struct field ${goField} of type ${goType}` }]);
}

/** The JSON type of a value, as encoding/json names it in its errors. */
function jsonTypeOf(value: unknown): string {
  return typeof value === 'boolean' ? 'bool' : typeof value === 'number' || typeof value === 'bigint' ? 'number' : typeof value === 'string' ? 'string' : Array.isArray(value) ? 'array' : 'object';
}
