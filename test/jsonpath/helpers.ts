// Test helpers: client-go's Execute/PrintResults output, so cases from client-go's own test
// tables can be checked against the same expected strings.

import { findResults, compile, GoOpaque, GoStruct } from '../../src/jsonpath/index.js';
import type { FindOptions, GoValue } from '../../src/jsonpath/index.js';
import { goFloatV } from '../../src/util/go-float.js';
import { formatNumber, quoteString } from '../../src/jsonpath/gojson.js';

/** json.Marshal as client-go's PrintResults calls it: struct fields in declaration order, map keys sorted. */
export function goMarshal(v: GoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return quoteString(v);
  if (Array.isArray(v)) return `[${v.map(goMarshal).join(',')}]`;
  if (v instanceof GoOpaque) return JSON.stringify(v.json);
  if (v instanceof GoStruct) return `{${v.fields.map((f) => `${quoteString(f.name)}:${goMarshal(f.value)}`).join(',')}}`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${quoteString(k)}:${goMarshal(v[k]!)}`).join(',')}}`;
}

/** fmt.Fprint of a scalar, as PrintResults prints non-composite results. */
function goText(v: GoValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloatV(v);
  if (typeof v === 'object') return goMarshal(v);
  return String(v);
}

/** client-go's Execute: every result list printed, values separated by spaces. */
export function execute(template: string, data: GoValue, allowMissingKeys = false, options?: FindOptions): string {
  const results = findResults(compile(template), data, { ...options, allowMissingKeys });
  let out = '';
  for (const list of results) {
    out += list.map((v) => (v !== null && typeof v === 'object' ? goMarshal(v) : goText(v))).join(' ');
  }
  return out;
}

/** The error message client-go would report, or 'nil'. */
export function executeError(template: string, data: GoValue, allowMissingKeys = false, options?: FindOptions): string {
  try {
    execute(template, data, allowMissingKeys, options);
    return 'nil';
  } catch (e) {
    return (e as Error).message;
  }
}

export function parseError(template: string): string {
  try {
    compile(template);
    return 'nil';
  } catch (e) {
    return (e as Error).message;
  }
}
