// Decodes untrusted JSON-shaped input (parsed YAML) into the Go value model, showing what
// `json.Unmarshal` into the described Go type followed by reflection would show: unknown fields
// vanish, absent value-type fields hold their zero value, absent pointers/slices/maps are nil,
// quantities are canonical and a JSON type mismatch leaves the zero value plus an error.

import { formatNumber } from '../jsonpath/gojson.js';
import { GoOpaque, GoStruct, hasOwn, setOwn } from '../jsonpath/value.js';
import type { GoField, GoMap, GoValue, JSONValue } from '../jsonpath/value.js';
import { QuantityError, canonicalQuantity } from './quantity.js';
import type { FieldType, GoType, LeafType, StructType } from './types.js';

export interface DecodeError {
  /** Where the bad value is, dotted with `[i]` for indexes: `spec.env[0].value`. */
  readonly path: string;
  readonly message: string;
}

export interface DecodeResult {
  readonly value: GoValue;
  readonly errors: DecodeError[];
  /**
   * The error json.Unmarshal returns (its first), as encoding/json prints it: a type mismatch
   * names the innermost struct and the JSON field path from the top
   * (`json: cannot unmarshal number into Go struct field Given.given.workload of type string`).
   */
  readonly goError?: string;
}

export interface DecodeOptions {
  /**
   * encoding/json matches object keys to struct fields case-insensitively when no exact match
   * exists (`ServiceAccountName` sets `serviceAccountName`); the API server does not. Default true.
   */
  readonly caseInsensitiveKeys?: boolean;
}

interface StructIndex {
  readonly exact: Map<string, number>;
  readonly folded: Map<string, number>;
}

const structIndexes = new WeakMap<StructType, StructIndex>();
const zeroStructs = new WeakMap<StructType, GoStruct>();

function structIndex(type: StructType): StructIndex {
  let index = structIndexes.get(type);
  if (index === undefined) {
    const exact = new Map<string, number>();
    const folded = new Map<string, number>();
    type.fields.forEach((f, i) => {
      if (!exact.has(f.name)) exact.set(f.name, i);
      const key = f.name.toLowerCase();
      if (!folded.has(key)) folded.set(key, i);
    });
    index = { exact, folded };
    structIndexes.set(type, index);
  }
  return index;
}

/** The JSON kind word Go uses in "cannot unmarshal X into ...". */
function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function makeField(ft: FieldType, value: GoValue): GoField {
  const kind = ft.type.kind;
  return {
    name: ft.name,
    goName: ft.goName,
    value,
    // omitempty never drops a struct, and Quantity/Time/JSON are structs
    omitEmpty: ft.omitEmpty && kind !== 'struct' && kind !== 'opaque',
    pointer: kind === 'pointer',
    type: ft.type,
  };
}

/** The zero value of a Go type as reflection shows it. */
export function zeroValue(type: GoType): GoValue {
  switch (type.kind) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
    case 'float':
      return 0;
    case 'opaque':
      return type.leaf === 'quantity' ? '0' : type.leaf === 'json' ? new GoOpaque(null) : null;
    case 'struct': {
      let z = zeroStructs.get(type);
      if (z === undefined) {
        z = new GoStruct(
          type.fields.map((f) => makeField(f, zeroValue(f.type))),
          type.name,
        );
        zeroStructs.set(type, z);
      }
      return z;
    }
    default:
      return null;
  }
}

/** Plain JSON copy of arbitrary parsed input, safe against `__proto__` keys. */
function toPlainJSON(v: unknown): JSONValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'bigint':
      return Number(v);
    case 'object':
      if (Array.isArray(v)) return v.map(toPlainJSON);
      if (v instanceof Date) return v.toISOString();
      {
        const out: { [key: string]: JSONValue } = {};
        for (const k of Object.keys(v)) setOwn(out, k, toPlainJSON((v as Record<string, unknown>)[k]));
        return out;
      }
    default:
      return null;
  }
}

// Go's time.Parse takes a fraction after the seconds with a comma as well as a dot.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([.,]\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** metav1.Time: parse RFC 3339, print it again in UTC to the second; the zero time prints as null. */
function normalizeTime(s: string): string | null | undefined {
  const m = RFC3339.exec(s);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const base = new Date(0);
  base.setUTCFullYear(year, month - 1, day);
  if (base.getUTCDate() !== day) return undefined;
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    offsetMinutes = (Number(m[10]) * 60 + Number(m[11])) * (m[9] === '-' ? -1 : 1);
  }
  const ms = base.getTime() + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) return undefined;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const text = `${pad(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())}Z`;
  return text === '0001-01-01T00:00:00Z' ? null : text;
}

class Decoder {
  readonly errors: DecodeError[] = [];
  /** The first error as encoding/json prints it. */
  goError: string | undefined;
  /** encoding/json's error context: the struct whose field is being decoded, and the field names (and map keys) down to it. */
  private struct = '';
  private readonly fields: string[] = [];

  constructor(private readonly caseInsensitive: boolean) {}

  private mismatch(input: unknown, type: GoType, path: string): GoValue {
    this.typeError(jsonKind(input), type, path);
    return zeroValue(type);
  }

  /** An UnmarshalTypeError: `value` is encoding/json's word for the JSON (`number`, or `number 1.5` when a number does not fit). */
  private typeError(value: string, type: GoType, path: string): void {
    const where = this.fields.length > 0 ? `Go struct field ${this.struct}.${this.fields.join('.')}` : 'Go value';
    this.errors.push({ path, message: `cannot unmarshal ${value} into Go value of type ${type.name}` });
    this.goError ??= `json: cannot unmarshal ${value} into ${where} of type ${type.name}`;
  }

  /** Decodes what a struct field or map key holds, with that field or key on the error context. */
  private within(struct: string, key: string, decode: () => GoValue): GoValue {
    const outer = this.struct;
    if (struct !== '') this.struct = struct;
    this.fields.push(key);
    try {
      return decode();
    } finally {
      this.fields.pop();
      this.struct = outer;
    }
  }

  decode(type: GoType, input: unknown, path: string): GoValue {
    if (input === undefined) return zeroValue(type);
    switch (type.kind) {
      case 'string':
        if (input === null) return '';
        return typeof input === 'string' ? input : this.mismatch(input, type, path);
      case 'bool':
        if (input === null) return false;
        return typeof input === 'boolean' ? input : this.mismatch(input, type, path);
      case 'int':
        if (input === null) return 0;
        if (typeof input === 'bigint') return Number(input);
        if (typeof input !== 'number') return this.mismatch(input, type, path);
        if (!Number.isInteger(input) || Math.abs(input) > 2 ** 63) {
          this.typeError(`number ${formatNumber(input)}`, type, path);
          return 0;
        }
        return input;
      case 'float':
        if (input === null) return 0;
        if (typeof input === 'bigint') return Number(input);
        return typeof input === 'number' ? input : this.mismatch(input, type, path);
      case 'opaque':
        return this.decodeLeaf(type, input, path);
      case 'interface':
        return toPlainJSON(input);
      case 'pointer':
        if (input === null) return null;
        return this.decode(type.elem, input, path);
      case 'slice': {
        if (input === null) return null;
        if (!Array.isArray(input)) return this.mismatch(input, type, path);
        const out: GoValue[] = new Array(input.length);
        for (let i = 0; i < input.length; i++) {
          const e: unknown = input[i];
          // a JSON null inside an array of value types is the zero value
          out[i] = e === undefined || e === null ? this.decode(type.elem, null, `${path}[${i}]`) : this.decode(type.elem, e, `${path}[${i}]`);
        }
        return out;
      }
      case 'map': {
        if (input === null) return null;
        if (!isObject(input)) return this.mismatch(input, type, path);
        const out: GoMap = {};
        for (const k of Object.keys(input)) {
          setOwn(out, k, this.within('', k, () => this.decode(type.elem, input[k] ?? null, join(path, k))));
        }
        return out;
      }
      case 'struct':
        if (input === null) return zeroValue(type);
        if (!isObject(input)) return this.mismatch(input, type, path);
        return this.decodeStruct(type, input, path);
    }
  }

  private decodeLeaf(type: LeafType, input: unknown, path: string): GoValue {
    switch (type.leaf) {
      case 'json':
        return new GoOpaque(toPlainJSON(input));
      case 'quantity': {
        if (input === null) return '0';
        let text: string;
        if (typeof input === 'string') text = input.trim();
        else if (typeof input === 'number') text = formatNumber(input);
        else text = JSON.stringify(toPlainJSON(input));
        try {
          return canonicalQuantity(text);
        } catch (e) {
          if (!(e instanceof QuantityError)) throw e;
          this.errors.push({ path, message: e.message });
          this.goError ??= e.message;
          return '0';
        }
      }
      case 'time': {
        if (input === null) return null;
        if (input instanceof Date) input = input.toISOString();
        if (typeof input !== 'string') return this.mismatch(input, type, path);
        const normalized = normalizeTime(input);
        if (normalized === undefined) {
          const message = `parsing time ${JSON.stringify(input)} as "2006-01-02T15:04:05Z07:00": not an RFC 3339 time`;
          this.errors.push({ path, message });
          this.goError ??= message;
          return null;
        }
        return normalized;
      }
    }
  }

  private decodeStruct(type: StructType, input: Record<string, unknown>, path: string): GoStruct {
    const index = structIndex(type);
    const values: (GoValue | undefined)[] = new Array(type.fields.length);
    for (const key of Object.keys(input)) {
      let i = index.exact.get(key);
      if (i === undefined && this.caseInsensitive) i = index.folded.get(key.toLowerCase());
      if (i === undefined) continue; // unknown fields are dropped
      const ft = type.fields[i]!;
      values[i] = this.within(type.name, ft.name, () => this.decode(ft.type, hasOwn(input, key) ? input[key] : undefined, join(path, ft.name)));
    }
    const fields: GoField[] = new Array(type.fields.length);
    for (let i = 0; i < type.fields.length; i++) {
      const ft = type.fields[i]!;
      const v = values[i];
      fields[i] = makeField(ft, v === undefined ? zeroValue(ft.type) : v);
    }
    return new GoStruct(fields, type.name);
  }
}

/**
 * What `json.Unmarshal` of `input` into the Go type, then reflection, would show. Type
 * mismatches are reported (with the zero value in their place) rather than thrown.
 */
export function decode(type: GoType, input: unknown, path = '', options?: DecodeOptions): DecodeResult {
  const decoder = new Decoder(options?.caseInsensitiveKeys !== false);
  const value = decoder.decode(type, input, path);
  return { value, errors: decoder.errors, ...(decoder.goError !== undefined ? { goError: decoder.goError } : {}) };
}
