// Public API of the client-go JSONPath dialect and the Go value model it walks. Nothing here
// knows about Cartographer; the pipeline builds on these pieces.

export type { JSONValue, GoValue, GoMap, GoField, GoKind, GoTypeInfo } from './value.js';
export { GoStruct, GoOpaque, compareGoStrings, hasOwn } from './value.js';
export { JsonPathError } from './errors.js';
export type { JsonPathTemplate, Node, ListNode } from './nodes.js';
export { parse } from './parse.js';
export { compile } from './compile.js';
export { findResults } from './evaluate.js';
export type { FindOptions } from './evaluate.js';
export { toJSON, marshal, formatNumber, quoteString } from './gojson.js';
export { goValueText } from './kinds.js';
