// Go encoding/json as Cartographer applies it to JSONPath results: toJSON is what
// `json.Marshal` followed by `json.Unmarshal` into interface{} leaves (struct tags and omitempty
// applied, opaque values replaced by their JSON, every object a Go map), and marshal is Go's
// compact encoding of such a value (sorted keys, HTML-safe escaping, Go float formatting).
// Embedded placeholders print exactly this text, so it has to match byte for byte.

import { JsonPathError } from './errors.js';
import { goFloatV, goJsonFloat } from '../util/go-float.js';
import { GoOpaque, GoStruct, compareGoStrings, isGoMap, setOwn, sortedKeys } from './value.js';
import type { GoField, GoValue, JSONValue } from './value.js';

/** Whether omitempty drops this field. Structs (including opaque ones) are never empty in Go. */
function isEmptyField(f: GoField): boolean {
  const v = f.value;
  const kind = f.type?.kind;
  if (kind === 'struct' || kind === 'opaque') return false;
  if (f.pointer || kind === 'pointer' || kind === 'interface') return v === null;
  if (v === null || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof GoStruct || v instanceof GoOpaque) return false;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

function sortedObject(entries: [string, JSONValue][]): { [key: string]: JSONValue } {
  if (entries.length > SORT_IN_PLACE) entries.sort(byKey);
  else {
    // A struct's few fields, a small map: an insertion sort (stable, as Array.sort is) without its setup.
    for (let i = 1; i < entries.length; i++) {
      const entry = entries[i] as [string, JSONValue];
      let j = i - 1;
      for (; j >= 0 && compareGoStrings((entries[j] as [string, JSONValue])[0], entry[0]) > 0; j--) entries[j + 1] = entries[j] as [string, JSONValue];
      entries[j + 1] = entry;
    }
  }
  const out: { [key: string]: JSONValue } = {};
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as [string, JSONValue];
    setOwn(out, entry[0], entry[1]);
  }
  return out;
}

const SORT_IN_PLACE = 16;
const byKey = (a: [string, JSONValue], b: [string, JSONValue]): number => compareGoStrings(a[0], b[0]);

function checkNumber(n: number): number {
  if (!Number.isFinite(n)) throw new JsonPathError(`json: unsupported value: ${formatNumber(n)}`);
  return n;
}

function copyJSON(v: JSONValue): JSONValue {
  if (v === null || typeof v !== 'object') return typeof v === 'number' ? checkNumber(v) : v;
  if (Array.isArray(v)) return v.map(copyJSON);
  const entries: [string, JSONValue][] = [];
  for (const k of Object.keys(v)) entries.push([k, copyJSON(v[k]!)]);
  return sortedObject(entries);
}

/**
 * The value Go code sees after `json.Marshal` and `json.Unmarshal` into interface{}: structs become
 * maps by JSON tag with omitempty applied, opaque values become their JSON, keys are in Go's
 * (sorted) order at every level, and nothing is shared with the input.
 * Caveat: JS always lists integer-like keys ("1", "10") first; marshal() sorts again, so text
 * output is exact.
 */
export function toJSON(value: GoValue): JSONValue {
  if (value === null) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return checkNumber(value);
  }
  if (Array.isArray(value)) return value.map(toJSON);
  if (value instanceof GoOpaque) return copyJSON(value.json);
  if (value instanceof GoStruct) {
    const entries: [string, JSONValue][] = [];
    for (const f of value.fields) {
      if (f.name === '-') continue;
      if (f.omitEmpty && isEmptyField(f)) continue;
      entries.push([f.name, toJSON(f.value)]);
    }
    return sortedObject(entries);
  }
  const entries: [string, JSONValue][] = [];
  for (const k of Object.keys(value)) entries.push([k, toJSON(value[k]!)]);
  return sortedObject(entries);
}

/**
 * Go's float64 encoding (`1e-7`, `1e+21`, `-0`); NaN and ±Inf, which encoding/json refuses, as
 * its error names them (`NaN`, `+Inf`).
 */
export function formatNumber(n: number): string {
  return Number.isFinite(n) ? goJsonFloat(n) : goFloatV(n);
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/;
const HEX = '0123456789abcdef';

/** A Go JSON string literal with HTML-safe escaping; unpaired surrogates become U+FFFD. */
export function quoteString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20) {
      switch (c) {
        case 0x0a:
          rep = '\\n';
          break;
        case 0x0d:
          rep = '\\r';
          break;
        case 0x09:
          rep = '\\t';
          break;
        default:
          // Go before 1.22 also writes \b and \f this way
          rep = `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
      }
    } else if (c === 0x22) {
      rep = '\\"';
    } else if (c === 0x5c) {
      rep = '\\\\';
    } else if (c === 0x3c) {
      rep = '\\u003c';
    } else if (c === 0x3e) {
      rep = '\\u003e';
    } else if (c === 0x26) {
      rep = '\\u0026';
    } else if (c === 0x2028) {
      rep = '\\u2028';
    } else if (c === 0x2029) {
      rep = '\\u2029';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      rep = '\\ufffd';
    }
    if (rep !== undefined) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return out + s.slice(from) + '"';
}

function encode(v: JSONValue, parts: string[]): void {
  if (v === null) {
    parts.push('null');
    return;
  }
  switch (typeof v) {
    case 'boolean':
      parts.push(v ? 'true' : 'false');
      return;
    case 'number':
      parts.push(formatNumber(checkNumber(v)));
      return;
    case 'string':
      parts.push(quoteString(v));
      return;
  }
  if (Array.isArray(v)) {
    parts.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) parts.push(',');
      encode(v[i]!, parts);
    }
    parts.push(']');
    return;
  }
  if (!isGoMap(v)) throw new JsonPathError('json: unsupported type');
  parts.push('{');
  const keys = sortedKeys(v);
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) parts.push(',');
    parts.push(quoteString(keys[i]!), ':');
    encode(v[keys[i]!]!, parts);
  }
  parts.push('}');
}

/** Go `json.Marshal` of a JSON value: compact, keys sorted, `<`, `>`, `&` escaped. */
export function marshal(value: JSONValue): string {
  const parts: string[] = [];
  encode(value, parts);
  return parts.join('');
}
