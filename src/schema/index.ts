// The schema engine: a JSON value against an OpenAPI v3 structural schema, with the rules the
// Kubernetes API server applies on create (strict field validation). No Cartographer knowledge.
export { validateValue } from './validate.js';
export { fieldPath } from './words.js';
export { isQuantity } from './formats.js';
export type { Dialect, Issue, Rule, Schema, SchemaType, ValidateOptions } from './types.js';
