// Filter comparisons, with the semantics of the text/template comparison functions that
// client-go forks (eq, lt, ...): only basic kinds compare, int and float64 do NOT compare with
// each other ("incompatible types for comparison"), and nil, pointers, maps, slices and
// structs are "invalid type for comparison". A filter literal `5` is an int while a number
// decoded from JSON is a float64, which is why `[?(@.x==5)]` fails on generic JSON.

import { JsonPathError } from './errors.js';
import { compareGoStrings } from './value.js';
import type { Item, KindOptions } from './kinds.js';

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string';

const INVALID_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

/** The kind of `reflect.ValueOf(value.Interface())`: interfaces unwrap, pointers do not. */
function basicKind(item: Item, opts: KindOptions): BasicKind {
  let t = item.t;
  const v = item.v;
  if (t !== undefined && t.kind === 'interface') t = undefined;
  if (v === null || t !== undefined && t.kind !== 'bool' && t.kind !== 'int' && t.kind !== 'uint' && t.kind !== 'float' && t.kind !== 'string') {
    throw new JsonPathError(INVALID_TYPE);
  }
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      if (t !== undefined && (t.kind === 'int' || t.kind === 'uint')) return t.kind;
      if (t === undefined && opts.unstructuredNumbers && Number.isInteger(v)) return 'int';
      return 'float';
  }
  throw new JsonPathError(INVALID_TYPE);
}

function equal(a: Item, b: Item, opts: KindOptions): boolean {
  const k1 = basicKind(a, opts);
  const k2 = basicKind(b, opts);
  if (k1 !== k2) {
    // signed and unsigned integers still compare by value
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return a.v === b.v;
    throw new JsonPathError(INCOMPATIBLE);
  }
  return a.v === b.v;
}

function less(a: Item, b: Item, opts: KindOptions): boolean {
  const k1 = basicKind(a, opts);
  const k2 = basicKind(b, opts);
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return (a.v as number) < (b.v as number);
    throw new JsonPathError(INCOMPATIBLE);
  }
  switch (k1) {
    case 'bool':
      throw new JsonPathError(INVALID_TYPE);
    case 'string':
      return compareGoStrings(a.v as string, b.v as string) < 0;
    default:
      return (a.v as number) < (b.v as number);
  }
}

/** Applies a filter operator. Throws JsonPathError with client-go's message on failure. */
export function compareItems(op: string, left: Item, right: Item, opts: KindOptions): boolean {
  switch (op) {
    case '<':
      return less(left, right, opts);
    case '>':
      return !(less(left, right, opts) || equal(left, right, opts));
    case '==':
      return equal(left, right, opts);
    case '!=':
      return !equal(left, right, opts);
    case '<=':
      return less(left, right, opts) || equal(left, right, opts);
    case '>=':
      return !less(left, right, opts);
    default:
      throw new JsonPathError(`unrecognized filter operator ${op}`);
  }
}
