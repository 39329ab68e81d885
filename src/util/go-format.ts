// Go's fmt `%v` of values decoded from JSON (nil, string, bool, float64, []interface{},
// map[string]interface{}), as the controller's messages print them.
import type { JSONValue } from '../jsonpath/index.js';
import { goFloatV } from './go-float.js';

/** Go's `%v` of a decoded JSON value: `map[a:1 b:[x y]]` (keys sorted), `<nil>`, floats as %g. */
export function goValueText(value: JSONValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return goFloatV(value);
  if (Array.isArray(value)) return `[${value.map(goValueText).join(' ')}]`;
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[${keys.map((k) => `${k}:${goValueText(value[k] as JSONValue)}`).join(' ')}]`;
}
