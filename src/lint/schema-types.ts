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
  /** The schema holding the failing keyword (the validators are built verbose): its `properties`, for one. */
  parentSchema?: { properties?: Record<string, unknown> };
}

export interface Validator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
