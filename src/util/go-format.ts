// Go's fmt `%v` of values decoded from JSON (nil, string, bool, float64, []interface{},
// map[string]interface{}), as the controller's messages print them.
import type { JSONValue } from '../jsonpath/index.js';

/** Go's `%v` of a decoded JSON value: `map[a:1 b:[x y]]` (keys sorted), `<nil>`, floats as %g. */
export function goValueText(value: JSONValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return goFloatText(value);
  if (Array.isArray(value)) return `[${value.map(goValueText).join(' ')}]`;
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[${keys.map((k) => `${k}:${goValueText(value[k] as JSONValue)}`).join(' ')}]`;
}

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form below 1e-4 or from 1e6. */
export function goFloatText(n: number): string {
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
  const exp = Number(exponent);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}
