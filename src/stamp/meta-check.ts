// What the API server would refuse in a stamped object's metadata: a name that is not a DNS-1123
// subdomain (a path segment for RBAC kinds), and labels whose key or value is invalid or not a string — the
// carto.run/* labels carry owner, blueprint, template and resource names, which need not be valid
// label values (a 64-character Workload name, a resource named "build image"). The controller
// stamps such an object and the apply fails; carto says so before.
import { labelKeyProblem, labelValueProblem, objectNameProblem } from '../select/index.js';
import { isObject } from '../util/objects.js';

export interface MetaProblem {
  /** `metadata.name`, or `metadata.labels` for a label. */
  field: 'metadata.name' | 'metadata.labels';
  /** The label's key, for a label. */
  label?: string;
  /** The API server's message: `metadata.name: Invalid value: "x": …`. */
  message: string;
}

export function stampedMetaProblems(object: Record<string, unknown>): MetaProblem[] {
  const out: MetaProblem[] = [];
  const metadata = object['metadata'];
  if (!isObject(metadata)) return out;
  const name = metadata['name'];
  const kind = typeof object['kind'] === 'string' ? object['kind'] : '';
  const nameProblem = typeof name === 'string' && name !== '' ? objectNameProblem(kind, name) : undefined;
  if (nameProblem) out.push({ field: 'metadata.name', message: `metadata.name: Invalid value: ${JSON.stringify(name)}: ${nameProblem}` });
  const labels = metadata['labels'];
  if (isObject(labels)) {
    for (const key of Object.keys(labels)) {
      const value = labels[key];
      const typed = labelTypeProblem(value);
      if (typed) {
        out.push({ field: 'metadata.labels', label: key, message: typed });
        continue;
      }
      const badKey = keyProblem(key);
      const problem = badKey ?? (typeof value === 'string' ? valueProblem(value) : undefined);
      if (problem) out.push({ field: 'metadata.labels', label: key, message: `metadata.labels: Invalid value: ${JSON.stringify(badKey ? key : value)}: ${problem}` });
    }
  }
  return out;
}

// Every object of a chain carries the same label keys and, but for the owner's name, the same
// values: each is checked once (the checks were a twentieth of a large render). Once full, a memo
// takes no more (the values met first are the ones that repeat; emptying it to take each owner's
// name would keep the old generation full of them).
const keyProblems = new Map<string, string | null>();
const valueProblems = new Map<string, string | null>();

function keyProblem(key: string): string | undefined {
  return remembered(keyProblems, key, labelKeyProblem);
}

function valueProblem(value: string): string | undefined {
  return remembered(valueProblems, value, labelValueProblem);
}

/** One lookup: null is a text found valid. */
function remembered(memo: Map<string, string | null>, text: string, check: (text: string) => string | undefined): string | undefined {
  const known = memo.get(text);
  if (known !== undefined) return known ?? undefined;
  const problem = check(text);
  if (memo.size < 10_000) memo.set(text, problem ?? null);
  return problem;
}

/**
 * A label value that is not a string (`enabled: true`, `replicas: 3`): the API server cannot decode
 * the object, and says so as Go's encoding/json does.
 */
export function labelTypeProblem(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'string') return undefined;
  const goType = typeof value === 'boolean' ? 'bool' : typeof value === 'number' || typeof value === 'bigint' ? 'number' : Array.isArray(value) ? 'array' : 'object';
  return `json: cannot unmarshal ${goType} into Go struct field ObjectMeta.metadata.labels of type string`;
}

const PLACEHOLDER = /\$\([^)]*\)\$/g;
const NEVER_IN_NAME = /[^a-z0-9.-]/;

/**
 * The first character of a name's own text (placeholders left out) that no name may have, so no
 * placeholder value could make it valid (`App_$(workload.metadata.name)$`: "A"); given a value
 * without placeholders, its first such character.
 */
export function nameTextFault(text: string): string | undefined {
  return NEVER_IN_NAME.exec(text.replace(PLACEHOLDER, ''))?.[0];
}

/** A templated name's own text, its placeholders left out (`$(workload.metadata.name)$_config`: "_config"). */
export function nameOwnText(text: string): string[] {
  return text.split(PLACEHOLDER).filter((t) => t !== '');
}
