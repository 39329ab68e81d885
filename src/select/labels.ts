// Kubernetes label selectors (matchLabels + matchExpressions), as the API machinery validates
// and evaluates them: NotIn and DoesNotExist match an absent key; invalid selectors are errors.
import type { LabelSelectorRequirement } from '../model/index.js';

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS_SUBDOMAIN_FMT = `${DNS_LABEL_FMT}(\\.${DNS_LABEL_FMT})*`;
const DNS_SUBDOMAIN = new RegExp(`^${DNS_SUBDOMAIN_FMT}$`);
const DNS_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

// The messages below are apimachinery's (util/validation, labels.NewRequirement, field.Error),
// because the controller reports them verbatim.

/** validation.RegexError: `msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')`. */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e, i) => `${i > 0 ? ' or ' : ''}'${e}', `).join('')}regex used for validation is '${fmt}')`;
}

/** validation.IsQualifiedName. */
function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0] as string;
  } else if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) {
      errs.push('prefix part must be non-empty');
    } else {
      if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
      if (!DNS_SUBDOMAIN.test(prefix)) errs.push(`prefix part ${regexError(DNS_SUBDOMAIN_MSG, DNS_SUBDOMAIN_FMT, 'example.com')}`);
    }
  } else {
    return [`a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** validation.IsValidLabelValue. */
function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** Why `key` is not a valid label key (apimachinery's words), or undefined when it is. */
export function labelKeyProblem(key: string): string | undefined {
  const errs = qualifiedNameErrors(key);
  return errs.length > 0 ? errs.join('; ') : undefined;
}

/** Why `value` is not a valid label value (apimachinery's words), or undefined when it is. */
export function labelValueProblem(value: string): string | undefined {
  const errs = labelValueErrors(value);
  return errs.length > 0 ? errs.join('; ') : undefined;
}

/** Go's %q of a string. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go's %#v of a []string as NewRequirement received it (nil when empty). */
function goStringSlice(values: readonly string[]): string {
  return values.length === 0 ? '[]string(nil)' : `[]string{${values.map(goQuote).join(', ')}}`;
}

/** labels.NewRequirement's validation, as its aggregated error text (undefined when valid). */
function requirementError(key: string, operator: 'equals' | string, values: readonly string[]): string | undefined {
  const errs: string[] = [];
  const keyProblem = labelKeyProblem(key);
  if (keyProblem) errs.push(`key: Invalid value: ${goQuote(key)}: ${keyProblem}`);
  if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
    errs.push(`values: Invalid value: ${goStringSlice(values)}: for 'in', 'notin' operators, values set can't be empty`);
  }
  if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length !== 0) {
    errs.push(`values: Invalid value: ${goStringSlice(values)}: values set must be empty for exists and does not exist`);
  }
  values.forEach((v, i) => {
    const problem = labelValueProblem(v);
    if (problem) errs.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${problem}`);
  });
  const unique = [...new Set(errs)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** Where in a selector its first invalid term is: the part (`matchLabels`, `matchExpressions`,
 *  `matchFields`), then the path inside it (a label's key, or a requirement's index and field), and
 *  whether the key itself is at fault rather than its value. Render and lint point there. */
export interface SelectorSpot {
  readonly part: 'matchLabels' | 'matchExpressions' | 'matchFields';
  readonly path: readonly (string | number)[];
  readonly key?: boolean;
}

/** The field of a requirement requirementError complains about first: its key, its values, or
 *  the first value that is not a label value. */
function requirementSpot(req: LabelSelectorRequirement): (string | number)[] {
  if (labelKeyProblem(req.key) !== undefined) return ['key'];
  const values = req.values ?? [];
  const bad = values.findIndex((v) => labelValueProblem(v) !== undefined);
  const countWrong = (['In', 'NotIn'].includes(req.operator) && values.length === 0) || (['Exists', 'DoesNotExist'].includes(req.operator) && values.length !== 0);
  if (countWrong || bad < 0) return values.length === 0 ? ['operator'] : ['values'];
  return ['values', bad];
}

/** Valid selectors give `matches` and, when false, the first term that failed. */
export type LabelMatch = { ok: true; matches: boolean; reason?: string } | { ok: false; message: string; at: SelectorSpot };

/** Validates and evaluates matchLabels + matchExpressions against a label set. */
export function matchLabelSelector(
  matchLabels: Readonly<Record<string, string>>,
  matchExpressions: readonly LabelSelectorRequirement[],
  labels: Readonly<Record<string, string>>,
): LabelMatch {
  // metav1.LabelSelectorAsSelector: matchLabels first, then matchExpressions; the first
  // invalid requirement is the error.
  for (const [key, value] of Object.entries(matchLabels)) {
    const problem = requirementError(key, 'equals', [value]);
    if (problem) return { ok: false, message: problem, at: { part: 'matchLabels', path: [key], key: labelKeyProblem(key) !== undefined } };
  }
  for (const [index, req] of matchExpressions.entries()) {
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(req.operator)) {
      return { ok: false, message: `${goQuote(req.operator)} is not a valid label selector operator`, at: { part: 'matchExpressions', path: [index, 'operator'] } };
    }
    const problem = requirementError(req.key, req.operator, req.values ?? []);
    if (problem) return { ok: false, message: problem, at: { part: 'matchExpressions', path: [index, ...requirementSpot(req)] } };
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
