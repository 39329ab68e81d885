// A small description language for Go types, enough to say what shape a Kubernetes object has
// once encoding/json has decoded it into its Go struct (which fields exist, which are pointers,
// which are Quantities). Descriptors double as the GoTypeInfo the JSONPath evaluator reads, so a
// decoded value carries the type knowledge client-go's reflection would have.

import type { GoTypeInfo } from '../jsonpath/value.js';

export interface StringType extends GoTypeInfo {
  readonly kind: 'string';
}
export interface BoolType extends GoTypeInfo {
  readonly kind: 'bool';
}
export interface IntType extends GoTypeInfo {
  readonly kind: 'int';
}
export interface FloatType extends GoTypeInfo {
  readonly kind: 'float';
}
/** A struct with its own JSON form that client-go cannot usefully look inside. */
export interface LeafType extends GoTypeInfo {
  readonly kind: 'opaque';
  readonly leaf: 'quantity' | 'time' | 'json';
}
/** interface{}: whatever JSON was there, kept as a traversable map/array. */
export interface AnyType extends GoTypeInfo {
  readonly kind: 'interface';
}
export interface PtrType extends GoTypeInfo {
  readonly kind: 'pointer';
  readonly elem: GoType;
}
export interface SliceType extends GoTypeInfo {
  readonly kind: 'slice';
  readonly elem: GoType;
}
export interface MapType extends GoTypeInfo {
  readonly kind: 'map';
  readonly elem: GoType;
}
export interface FieldType {
  /** JSON tag name. */
  readonly name: string;
  /** Go field name (client-go's fallback lookup, and what json.Unmarshal also matches). */
  readonly goName: string;
  readonly type: GoType;
  readonly omitEmpty: boolean;
}
export interface StructType extends GoTypeInfo {
  readonly kind: 'struct';
  readonly fields: readonly FieldType[];
}

export type GoType =
  | StringType
  | BoolType
  | IntType
  | FloatType
  | LeafType
  | AnyType
  | PtrType
  | SliceType
  | MapType
  | StructType;

const STRING: StringType = { kind: 'string', name: 'string' };
const BOOL: BoolType = { kind: 'bool', name: 'bool' };
const INT64: IntType = { kind: 'int', name: 'int64' };
const FLOAT64: FloatType = { kind: 'float', name: 'float64' };
const QUANTITY: LeafType = { kind: 'opaque', name: 'resource.Quantity', leaf: 'quantity' };
const TIME: LeafType = { kind: 'opaque', name: 'v1.Time', leaf: 'time' };
const JSON_TYPE: LeafType = { kind: 'opaque', name: 'v1.JSON', leaf: 'json' };
const ANY: AnyType = { kind: 'interface', name: 'interface {}' };

export interface FieldOptions {
  readonly omitEmpty?: boolean;
  /** Defaults to the JSON name with its first letter upper-cased. */
  readonly goName?: string;
}

/** A struct field: `field('serviceAccountName', t.string(), { omitEmpty: true })`. */
export function field(name: string, type: GoType, options?: FieldOptions): FieldType {
  const goName = options?.goName ?? (name.length > 0 ? name[0]!.toUpperCase() + name.slice(1) : name);
  return { name, goName, type, omitEmpty: options?.omitEmpty === true };
}

export const t = {
  string: (): StringType => STRING,
  bool: (): BoolType => BOOL,
  /** An integer field; `name` only shows in error messages (int64, int32, ...). */
  int: (name = 'int64'): IntType => (name === 'int64' ? INT64 : { kind: 'int', name }),
  float: (): FloatType => FLOAT64,
  /** resource.Quantity: decoded to its canonical string. */
  quantity: (): LeafType => QUANTITY,
  /** metav1.Time: an RFC 3339 string in UTC, or null for the zero time. */
  time: (): LeafType => TIME,
  /** apiextensionsv1.JSON: decoded to a GoOpaque, returned whole but never indexable. */
  json: (): LeafType => JSON_TYPE,
  /** interface{}: the JSON kept as traversable maps and arrays. */
  any: (): AnyType => ANY,
  ptr: (elem: GoType): PtrType => ({ kind: 'pointer', name: `*${elem.name}`, elem }),
  slice: (elem: GoType): SliceType => ({ kind: 'slice', name: `[]${elem.name}`, elem }),
  map: (elem: GoType): MapType => ({ kind: 'map', name: `map[string]${elem.name}`, elem }),
  /** A struct type; `name` is the Go type as reflect prints it (`v1alpha1.WorkloadSpec`). Build once, reuse. */
  struct: (name: string, fields: readonly FieldType[]): StructType => ({ kind: 'struct', name, fields }),
};
