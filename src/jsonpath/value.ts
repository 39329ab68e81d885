// The Go value model the JSONPath engine walks: what client-go's reflection sees when it is
// handed typed Kubernetes objects (structs with JSON tags, typed maps and slices, nil pointers)
// or the generic `map[string]interface{}` that encoding/json produces.
//
// JavaScript has one number type and one null, but client-go's behaviour depends on the Go
// kind behind a value (int vs float64 in filter comparisons; nil slice vs nil map vs nil
// pointer when indexing or filtering). That knowledge travels as optional GoTypeInfo on struct
// fields; anything without it is treated the way encoding/json decodes into interface{}.

export type JSONValue = null | boolean | number | string | JSONValue[] | { [key: string]: JSONValue };

/**
 * The Go kind of a value as far as the evaluator cares.
 * `opaque` is a struct with custom JSON marshalling whose fields client-go could reach by
 * reflection but carto does not model (resource.Quantity, metav1.Time, apiextensionsv1.JSON).
 */
export type GoKind =
  | 'bool'
  | 'int'
  | 'uint'
  | 'float'
  | 'string'
  | 'struct'
  | 'slice'
  | 'map'
  | 'pointer'
  | 'interface'
  | 'opaque';

/** Static Go type of a struct field, as far as client-go's behaviour depends on it. */
export interface GoTypeInfo {
  readonly kind: GoKind;
  /** The type as reflect prints it, e.g. `v1alpha1.WorkloadSpec`, `map[string]string`, `*string`. */
  readonly name: string;
  /** Element type of a pointer, slice or map. */
  readonly elem?: GoTypeInfo;
}

export interface GoField {
  /** The JSON tag name (what `{.name}` finds first). */
  readonly name: string;
  /** The Go field name (client-go's fallback lookup). */
  readonly goName: string;
  readonly value: GoValue;
  readonly omitEmpty: boolean;
  /** A `*T` field: for omitempty only nil counts as empty. */
  readonly pointer: boolean;
  /** The field's static type. Without it, null means a nil slice (or nil pointer when `pointer`). */
  readonly type?: GoTypeInfo;
}

/** A Go struct as reflection sees it: fields in declaration order, found by JSON tag name or Go field name. */
export class GoStruct {
  /** The struct's Go type name, used only in client-go's error messages. */
  readonly typeName: string;

  constructor(
    readonly fields: readonly GoField[],
    typeName?: string,
  ) {
    this.typeName = typeName ?? 'struct';
  }

  /** JSON tag name first, then the Go field name, as client-go's findFieldInValue does. */
  field(name: string): GoField | undefined {
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) {
      if (fields[i]!.name === name) return fields[i];
    }
    for (let i = 0; i < fields.length; i++) {
      if (fields[i]!.goName === name) return fields[i];
    }
    return undefined;
  }
}

/**
 * A value client-go cannot look inside (apiextensionsv1.JSON: its only field is Raw []byte `json:"-"`).
 * It is returned whole, but any field/index step into it finds nothing.
 */
export class GoOpaque {
  constructor(readonly json: JSONValue) {}
}

export type GoValue = null | boolean | number | string | GoValue[] | GoMap | GoStruct | GoOpaque;
export interface GoMap {
  [key: string]: GoValue;
}

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** Own-property check: keys come from untrusted YAML, so `__proto__` must never reach the prototype. */
export function hasOwn(obj: object, key: string): boolean {
  return hasOwnProperty.call(obj, key);
}

/** A plain JS object standing for a Go map. */
export function isGoMap(v: unknown): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoStruct) && !(v instanceof GoOpaque);
}

/** Defines a key without ever invoking the `__proto__` setter. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/**
 * Go compares strings byte-wise over UTF-8, which is code point order. JS `<` compares UTF-16
 * units, which disagrees only between astral characters and U+E000..U+FFFF, so those units are
 * shifted into code point order before comparing.
 */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length < 0 ? -1 : a.length === b.length ? 0 : 1;
}

/** A map's keys in the order carto iterates them (sorted; Go's own order is random). */
export function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  if (keys.length > 1) keys.sort(compareGoStrings);
  return keys;
}
