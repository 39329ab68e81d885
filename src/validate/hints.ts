// The hint of a stamped object's problem: how to fix it where it was written. An unknown field
// names the map that lacks it and the field meant (and that this is why a required field is
// missing); a value of the wrong type shows the value as it should be written (`replicas: 2, not
// "2"`); a value outside its set names the allowed value it differs from only by case.
import { fieldPath, type Issue } from '../schema/index.js';

export function hintFor(issue: Issue, kind: string, value: unknown, placeholder: string | undefined, against: string): string {
  const last = String(issue.path[issue.path.length - 1] ?? '');
  const a = `a${/^[AEIOU]/.test(kind) ? 'n' : ''}`;
  switch (issue.rule) {
    case 'unknown-field': {
      const parent = fieldPath(issue.path.slice(0, -1));
      const holder = parent === '' ? `${a} ${kind}` : `${a} ${kind}'s ${parent}`;
      // the field meant is required and missing: this is why, and no second error says so
      if (issue.suggestion && issue.suggestionMissing) return `did you mean ${issue.suggestion}? ${holder} has no field ${last}, and needs ${issue.suggestion}, which it lacks (${against}): rename ${last} to ${issue.suggestion} in the template`;
      return `${issue.suggestion ? `did you mean ${issue.suggestion}? ` : ''}${holder} has no field ${last} (${against}): fix its name or remove it from the template; kubectl apply --validate=strict refuses the object, and without strict validation the API server drops the field with a warning — as for the controller, whose apply asks for none: the object on the cluster lacks the field`;
    }
    case 'type':
      return typeHint(issue, last, value, placeholder);
    case 'required':
      return `the API server refuses ${a} ${kind} without ${fieldPath(issue.path)}: add it to the template`;
    case 'enum': {
      const meant = typeof value === 'string' ? (issue.allowed ?? []).find((e) => typeof e === 'string' && e.toLowerCase() === value.toLowerCase()) : undefined;
      const prefix = meant === undefined ? '' : `did you mean ${JSON.stringify(meant)}? the values are case-sensitive: `;
      return `${prefix}${placeholder ? `fix the value ${placeholder} gives, where it is set` : 'fix the value in the template'}`;
    }
    default:
      return placeholder ? `fix the value ${placeholder} gives, where it is set` : 'fix the value in the template';
  }
}

function typeHint(issue: Issue, last: string, value: unknown, placeholder: string | undefined): string {
  const wanted = issue.message.replace(/^expected ([^,]*),.*$/, '$1');
  // "an integer", "a string"; "a map" and "a list" have theirs; "string or null" keeps its first word's article
  const article = /^an? /.test(wanted) ? '' : /^[aeiou]/i.test(wanted) ? 'an ' : 'a ';
  return placeholder
    ? `a placeholder that is the whole value keeps the value's type: make the value ${article}${wanted} where it is set${example(wanted, last, value)}`
    : `write ${article}${wanted} there in the template${example(wanted, last, value)}`;
}

/** ` (replicas: 2, not "2")`: a number or boolean written as text, as it should be written. */
function example(wanted: string, last: string, value: unknown): string {
  if (typeof value !== 'string') return '';
  if (/^(integer|number)/.test(wanted)) return /^-?\d+(\.\d+)?$/.test(value.trim()) && (wanted !== 'integer' || /^-?\d+$/.test(value.trim())) ? ` (${last}: ${value.trim()}, not ${JSON.stringify(value)})` : ` (${last}: 1, not "1")`;
  if (wanted === 'boolean' && /^(true|false)$/.test(value)) return ` (${last}: ${value}, not ${JSON.stringify(value)})`;
  return '';
}
