// A YAML map key as ytt's Go code sees it: an interface{} holding a string, int, float64, bool or
// nil. How fmt prints one in ytt's messages, and when two are the same key.
import { Float } from '../starlark/eval/values.js';
import type { Scalar } from './nodes.js';
import { goFloatV } from '../../util/go-float.js';

/** A map key as Go's %s prints it (ytt formats keys that way): `a`, `%!s(int=1)`, `%!s(float64=1e-05)`. */
export function goKeyString(k: unknown): string {
  if (typeof k === 'string') return k;
  if (k === null) return '%!s(<nil>)';
  if (typeof k === 'boolean') return `%!s(bool=${k})`;
  if (typeof k === 'number' || typeof k === 'bigint') return `%!s(int=${k})`;
  // a float key: fmt prints the operand of a wrong verb with %v
  return `%!s(float64=${goFloatV(k instanceof Float ? k.v : Number(k))})`;
}

/** A map key as Go's %v prints it: `a`, `1`, `1e-05`, `<nil>`. */
export function goKeyValue(k: Scalar): string {
  if (k === null) return '<nil>';
  if (k instanceof Float) return goFloatV(k.v);
  return String(k);
}

/** Keys compare as Go compares interface values: same type and value (an int 1 is not a float 1.0). */
export function sameKey(a: Scalar, b: Scalar): boolean {
  if (typeof a === 'string') return a === b; // the common key
  if (a instanceof Float && b instanceof Float) return a.v === b.v;
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) return BigInt(a) === BigInt(b);
  return a === b;
}
