// The shape of the validation functions scripts/build-validators.mjs generates from schemas/
// (ajv standalone code), so that schema-check.ts can be type-checked against them.

export interface SchemaError {
  /** JSON pointer of the failing value, e.g. `/spec/resources/0/name`. */
  instancePath: string;
  /** Where in the schema the failing keyword is. */
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface Validator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
