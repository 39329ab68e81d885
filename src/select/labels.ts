// Kubernetes label selectors (matchLabels + matchExpressions), as the API machinery validates
// and evaluates them: NotIn and DoesNotExist match an absent key; invalid selectors are errors.
import type { LabelSelectorRequirement } from '../model/index.js';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` is not a valid label key, or undefined when it is. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix.length === 0) return `key "${key}": prefix part must be non-empty`;
    if (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) return `key "${key}": prefix part must be a lowercase DNS subdomain`;
  }
  if (name.length === 0) return `key "${key}": name part must be non-empty`;
  if (name.length > 63) return `key "${key}": name part must be no more than 63 characters`;
  if (!NAME.test(name)) {
    return `key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
  }
  return undefined;
}

/** Why `value` is not a valid label value, or undefined when it is. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `value "${value}": must be no more than 63 characters`;
  if (!NAME.test(value)) {
    return `value "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
  }
  return undefined;
}

/** Valid selectors give `matches` and, when false, the first term that failed. */
export type LabelMatch = { ok: true; matches: boolean; reason?: string } | { ok: false; message: string };

/** Validates and evaluates matchLabels + matchExpressions against a label set. */
export function matchLabelSelector(
  matchLabels: Readonly<Record<string, string>>,
  matchExpressions: readonly LabelSelectorRequirement[],
  labels: Readonly<Record<string, string>>,
): LabelMatch {
  for (const [key, value] of Object.entries(matchLabels)) {
    const problem = labelKeyProblem(key) ?? labelValueProblem(value);
    if (problem) return { ok: false, message: problem };
  }
  for (const req of matchExpressions) {
    const problem = requirementProblem(req);
    if (problem) return { ok: false, message: problem };
  }
  for (const [key, value] of Object.entries(matchLabels)) {
    if (!has(labels, key)) return { ok: true, matches: false, reason: `label ${key} is missing (wanted ${value})` };
    if (labels[key] !== value) return { ok: true, matches: false, reason: `label ${key} is ${labels[key]}, not ${value}` };
  }
  for (const req of matchExpressions) {
    if (!requirementMatches(req, labels)) {
      const values = req.values?.length ? ` [${req.values.join(', ')}]` : '';
      return { ok: true, matches: false, reason: `label expression ${req.key} ${req.operator}${values} is not satisfied` };
    }
  }
  return { ok: true, matches: true };
}

function requirementProblem(req: LabelSelectorRequirement): string | undefined {
  const keyProblem = labelKeyProblem(req.key);
  if (keyProblem) return keyProblem;
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) return `values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`;
      for (const v of values) {
        const p = labelValueProblem(v);
        if (p) return p;
      }
      return undefined;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) return `values: Invalid value: ${JSON.stringify(values)}: values set must be empty for exists and does not exist`;
      return undefined;
    default:
      return `"${req.operator}" is not a valid label selector operator`;
  }
}

function requirementMatches(req: LabelSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const present = has(labels, req.key);
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return present && values.includes(labels[req.key] as string);
    case 'NotIn':
      return !present || !values.includes(labels[req.key] as string);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}

function has(labels: Readonly<Record<string, string>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}
