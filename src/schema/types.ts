// The shapes of the schema engine: an OpenAPI v3 schema as Kubernetes uses it (a structural
// schema: the CRDs' openAPIV3Schema, or the built-in kinds' definitions), and what a value breaks.

export type SchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

export interface Schema {
  type?: SchemaType;
  format?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  required?: string[];
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  pattern?: string;
  /** Value validations only, in a structural schema (they declare no types of their own). */
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  /** A definition of the schema set, by name (the built-in kinds' schemas only). */
  $ref?: string;
}

/**
 * How the API server reads the object, which decides what a null is and how a problem is worded:
 * - `custom`: a custom resource, checked against its CRD's schema: a null where the schema does
 *   not say `nullable` is pruned (as if absent), and problems are field errors
 *   (`spec.replicas: Invalid value: …`);
 * - `builtin`: a built-in kind, decoded into its Go type: a null is the zero value, a value of
 *   the wrong type is a decoding error (`json: cannot unmarshal string into Go struct field …`).
 */
export type Dialect = 'custom' | 'builtin';

export type Rule = 'unknown-field' | 'type' | 'required' | 'enum' | 'format' | 'limit' | 'pattern';

export interface Issue {
  rule: Rule;
  /** Where in the value: `['spec', 'containers', 0, 'image']`. */
  path: (string | number)[];
  /** One plain sentence after the path: `expected integer, got string "1"`. */
  message: string;
  /** The API server's own words for it. */
  apiServer: string;
  /** `decode`: the API server cannot even read the object (a wrong type, an unknown field, a
   *  malformed value); `validate`: it reads it and refuses it (required, enum, limits). */
  stage: 'decode' | 'validate';
  /** For an unknown field, the declared field it most likely meant. */
  suggestion?: string;
  /** That field is required and missing: this issue says so, and no `required` issue is given for it. */
  suggestionMissing?: boolean;
  /** For a value outside its `enum`, the values allowed. */
  allowed?: unknown[];
}

export interface ValidateOptions {
  dialect: Dialect;
  /** Definitions `$ref` names (the built-in kinds' schema set). */
  definitions?: Readonly<Record<string, Schema>>;
  /** The definition the root schema is (its Go type, for `builtin` words): `V1Deployment`. */
  rootName?: string;
}
