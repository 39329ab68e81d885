// Public API for decoding JSON into Go types (what a typed Kubernetes object looks like to
// client-go) and for Kubernetes resource.Quantity canonicalisation.

export { t, field } from './types.js';
export type { GoType, FieldType, FieldOptions, StructType, LeafType } from './types.js';
export { decode, zeroValue } from './decode.js';
export type { DecodeError, DecodeResult, DecodeOptions } from './decode.js';
export { unknownFields, type UnknownField } from './unknown.js';
export { parseQuantity, formatQuantity, canonicalQuantity, QuantityError } from './quantity.js';
export type { Quantity } from './quantity.js';
