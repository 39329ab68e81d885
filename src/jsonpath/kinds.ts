// What client-go's reflection would say about a value: its Go kind after following pointers and
// interfaces (template.Indirect), its type name for error messages, and its `%v` rendering.
// The evaluator and the filter comparisons both need these answers.

import { GoOpaque, GoStruct, sortedKeys } from './value.js';
import { goFloatV } from '../util/go-float.js';
import type { GoTypeInfo, GoValue, JSONValue } from './value.js';

/** A value in flight during evaluation, with its static type when one is known. */
export interface Item {
  readonly v: GoValue;
  readonly t: GoTypeInfo | undefined;
}

export interface KindOptions {
  /** Integral numbers without a static type are int64 (apimachinery's unstructured decoding) rather than float64. */
  readonly unstructuredNumbers: boolean;
}

export const INT: GoTypeInfo = { kind: 'int', name: 'int' };
export const INT64: GoTypeInfo = { kind: 'int', name: 'int64' };
export const FLOAT64: GoTypeInfo = { kind: 'float', name: 'float64' };
export const BOOL: GoTypeInfo = { kind: 'bool', name: 'bool' };
export const STRING: GoTypeInfo = { kind: 'string', name: 'string' };
export const UINT8: GoTypeInfo = { kind: 'uint', name: 'uint8' };
/** A struct field that is null and carries no type: most such fields are slices (env, params, ...). */
export const UNTYPED_NIL_SLICE: GoTypeInfo = { kind: 'slice', name: '[]interface {}' };
export const UNTYPED_NIL_POINTER: GoTypeInfo = { kind: 'pointer', name: '*interface {}' };

/** Marks a nil pointer or nil interface: what template.Indirect reports as isNil. */
export const NIL: GoTypeInfo = { kind: 'interface', name: '<nil>' };

export type EffectiveKind = 'nil' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'struct' | 'slice' | 'map' | 'opaque';

/** Follows pointers and interfaces; returns NIL when one of them is nil, else the pointee's static type. */
export function indirectType(v: GoValue, t: GoTypeInfo | undefined): GoTypeInfo | undefined {
  while (t !== undefined && (t.kind === 'pointer' || t.kind === 'interface')) {
    if (v === null) return NIL;
    t = t.kind === 'pointer' ? t.elem : undefined;
  }
  if (t === undefined && v === null) return NIL;
  return t;
}

/** The kind of `v` once indirected to type `dt` (the result of indirectType). */
export function effectiveKind(v: GoValue, dt: GoTypeInfo | undefined, opts: KindOptions): EffectiveKind {
  if (dt === NIL) return 'nil';
  if (v === null) {
    if (dt === undefined) return 'nil';
    switch (dt.kind) {
      case 'slice':
      case 'map':
      case 'opaque':
        return dt.kind;
      default:
        return 'nil';
    }
  }
  if (dt !== undefined && dt.kind === 'opaque') return 'opaque';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      if (dt !== undefined && (dt.kind === 'int' || dt.kind === 'uint')) return dt.kind;
      if (dt === undefined && opts.unstructuredNumbers && Number.isInteger(v)) return 'int';
      return 'float';
  }
  if (Array.isArray(v)) return 'slice';
  if (v instanceof GoStruct) return 'struct';
  if (v instanceof GoOpaque) return 'opaque';
  return 'map';
}

/** reflect's Type.String() for an indirected value. */
export function typeName(v: GoValue, dt: GoTypeInfo | undefined, opts: KindOptions): string {
  if (dt !== undefined && dt !== NIL) return dt.name;
  if (v === null) return '<nil>';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return opts.unstructuredNumbers && Number.isInteger(v) ? 'int64' : 'float64';
  }
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof GoStruct) return v.typeName;
  if (v instanceof GoOpaque) return 'v1.JSON';
  return 'map[string]interface {}';
}

/**
 * Go's `%v` rendering of a value, used by client-go's "cannot be filtered" message.
 * Best effort: Go would print a pointer inside a struct as an address, which carto cannot know.
 */
export function formatValue(v: GoValue, t: GoTypeInfo | undefined, opts: KindOptions, top = true): string {
  const dt = indirectType(v, t);
  const kind = effectiveKind(v, dt, opts);
  const pointer = t !== undefined && t.kind === 'pointer' && v !== null;
  switch (kind) {
    case 'nil':
      return '<nil>';
    case 'bool':
    case 'string':
      return String(v);
    case 'int':
    case 'uint':
      return String(v);
    case 'float':
      return goFloatV(v as number);
    case 'opaque':
      return v instanceof GoOpaque ? JSON.stringify(v.json) : String(v);
    case 'slice': {
      if (v === null) return '[]';
      const elem = dt !== undefined && dt.kind === 'slice' ? dt.elem : undefined;
      return `[${(v as GoValue[]).map((e) => formatValue(e, elem, opts, false)).join(' ')}]`;
    }
    case 'map': {
      if (v === null) return 'map[]';
      const elem = dt !== undefined && dt.kind === 'map' ? dt.elem : undefined;
      const m = v as Record<string, GoValue>;
      return `map[${sortedKeys(m)
        .map((k) => `${k}:${formatValue(m[k]!, elem, opts, false)}`)
        .join(' ')}]`;
    }
    case 'struct': {
      const s = v as GoStruct;
      const body = `{${s.fields.map((f) => formatValue(f.value, f.type, opts, false)).join(' ')}}`;
      return pointer && top ? `&${body}` : body;
    }
  }
}

/** Go's `%v` of a value decoded from JSON into interface{}: `map[a:1 b:[x y]]` (keys sorted), `<nil>`, floats as %g. */
export function goValueText(value: JSONValue): string {
  return formatValue(value, undefined, { unstructuredNumbers: false });
}
