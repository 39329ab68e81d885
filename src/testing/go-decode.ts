// Decodes a YAML value into a Go-shaped struct the way cartotest reads info.yaml: through
// sigs.k8s.io/yaml, i.e. YAML → JSON → encoding/json. That means: struct fields are found by
// their JSON name, and failing that case-insensitively (`Given`, `GIVEN`); unknown keys are
// ignored; null leaves a field unset; a value of the wrong JSON type is an error
// (`json: cannot unmarshal string into Go struct field …`) — decoding goes on and the first
// such error is reported, as encoding/json does. Pure.

export type Shape =
  | { readonly t: 'string' }
  | { readonly t: 'bool' }
  /** interface{} / apiextensionsv1.JSON: any value, kept as it is. */
  | { readonly t: 'any' }
  | { readonly t: 'slice'; readonly of: Shape }
  | { readonly t: 'map'; readonly of: Shape }
  | { readonly t: 'struct'; readonly name: string; readonly fields: readonly FieldShape[] };

export interface FieldShape {
  /** The JSON name the decoded object uses (the tag, or the Go field name lower-camel-cased). */
  readonly key: string;
  readonly shape: Shape;
}

export type Decoded = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

export const str: Shape = { t: 'string' };
export const bool: Shape = { t: 'bool' };
export const any: Shape = { t: 'any' };
export const slice = (of: Shape): Shape => ({ t: 'slice', of });
export const map = (of: Shape): Shape => ({ t: 'map', of });
export const struct = (name: string, fields: Record<string, Shape>): Shape => ({
  t: 'struct',
  name,
  fields: Object.entries(fields).map(([key, shape]) => ({ key, shape })),
});

/**
 * Decodes `value` (a YAML document's data) into `shape`, which must be a struct. Absent and
 * null fields are left out of the result (a nil pointer, slice or map in Go).
 */
export function decodeGo(value: unknown, shape: Shape): Decoded {
  const state: { error?: string } = {};
  if (value === null || value === undefined) return { ok: true, value: {} };
  const out = decode(value, shape, [], shape.t === 'struct' ? shape.name : '', state);
  if (state.error !== undefined) return { ok: false, message: state.error };
  return { ok: true, value: (out ?? {}) as Record<string, unknown> };
}

function decode(value: unknown, shape: Shape, path: string[], struct: string, state: { error?: string }): unknown {
  if (value === null || value === undefined) return undefined;
  const mismatch = () => {
    state.error ??= `json: cannot unmarshal ${jsonKind(value)} into Go ${path.length > 0 ? `struct field ${struct}.${path.join('.')}` : 'value'} of type ${goType(shape)}`;
    return undefined;
  };
  switch (shape.t) {
    case 'any':
      return value;
    case 'string':
      return typeof value === 'string' ? value : mismatch();
    case 'bool':
      return typeof value === 'boolean' ? value : mismatch();
    case 'slice': {
      if (!Array.isArray(value)) return mismatch();
      return value.map((item) => decode(item, shape.of, path, struct, state) ?? zero(shape.of));
    }
    case 'map': {
      if (!isPlainObject(value)) return mismatch();
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) define(out, key, decode(value[key], shape.of, [...path, key], struct, state) ?? null);
      return out;
    }
    case 'struct': {
      if (!isPlainObject(value)) return mismatch();
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const field = shape.fields.find((f) => f.key === key) ?? shape.fields.find((f) => f.key.toLowerCase() === key.toLowerCase());
        if (!field) continue; // encoding/json ignores unknown keys
        const decoded = decode(value[key], field.shape, [...path, field.key], shape.name, state);
        if (decoded === undefined) {
          // A later null clears what an earlier key of the same field set (Go: nil pointer).
          delete out[field.key];
          continue;
        }
        define(out, field.key, decoded);
      }
      return out;
    }
  }
}

/** The zero value of an element that was JSON null inside a list. */
function zero(shape: Shape): unknown {
  switch (shape.t) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'struct':
      return {};
    default:
      return null;
  }
}

function jsonKind(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number' || typeof value === 'bigint') return `number ${String(value)}`;
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

function goType(shape: Shape): string {
  switch (shape.t) {
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'any':
      return 'interface {}';
    case 'slice':
      return `[]${goType(shape.of)}`;
    case 'map':
      return `map[string]${goType(shape.of)}`;
    case 'struct':
      return shape.name;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
