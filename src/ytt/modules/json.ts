// @ytt:json — encode like Go's encoding/json (HTML-safe escaping, keys sorted), decode into
// floats and key-sorted dicts as Go's json.Unmarshal into interface{} does.
import { Dict, Float, List, fail, typeName } from '../starlark/eval/values.js';
import type { Value } from '../starlark/eval/values.js';
import { unpackArgs } from '../starlark/eval/builtins.js';
import { YDocSet, toPlain } from '../template/nodes.js';
import { starlarkToNodeToRead } from '../template/values.js';
import { module } from './util.js';
import { goFloatV, goJsonFloat } from '../../util/go-float.js';

export function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c < 0x20) {
      if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else out += '\\u00' + c.toString(16).padStart(2, '0');
    } else if (ch === '<') out += '\\u003c';
    else if (ch === '>') out += '\\u003e';
    else if (ch === '&') out += '\\u0026';
    else if (c === 0x2028) out += '\\u2028';
    else if (c === 0x2029) out += '\\u2029';
    else out += ch;
  }
  return out + '"';
}

/** encoding/json's text for a float64; NaN and ±Inf are its UnsupportedValueError. */
function goFloat(f: number): string {
  if (!Number.isFinite(f)) fail(`json: unsupported value: ${goFloatV(f)}`);
  return goJsonFloat(f);
}

function encodePlain(v: unknown, indent: string, depth: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  // ints are numbers too (bigints beyond 2^53): encoding/json prints an integral float64 the same way
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'string') return goJsonString(v);
  const nl = indent ? '\n' + indent.repeat(depth + 1) : '';
  const end = indent ? '\n' + indent.repeat(depth) : '';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + v.map((x) => nl + encodePlain(x, indent, depth + 1)).join(',') + end + ']';
  }
  if (v instanceof Map) {
    if (v.size === 0) return '{}';
    // ytt converts maps to Go maps before marshaling, so keys come out sorted
    const entries = Array.from(v.entries(), ([k, x]) => [typeof k === 'string' ? k : k === null ? 'null' : String(k), x] as [string, unknown]);
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const parts: string[] = [];
    for (const [key, x] of entries) {
      parts.push(nl + goJsonString(key) + (indent ? ': ' : ':') + encodePlain(x, indent, depth + 1));
    }
    return '{' + parts.join(',') + end + '}';
  }
  fail(`json.encode: unsupported value`);
}

/**
 * ytt decodes with Go's encoding/json into interface{}: every number is a float64 and maps
 * are re-ordered by sorted key.
 */
function fromJson(v: unknown): Value {
  if (v === null) return null;
  if (typeof v === 'number') return new Float(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return new List(v.map(fromJson));
  const d = new Dict();
  const keys = Object.keys(v as object).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const k of keys) d.set(k, fromJson((v as Record<string, unknown>)[k]));
  return d;
}

export function jsonEncode(v: Value, indent = 0): string {
  const node = starlarkToNodeToRead(v);
  if (node instanceof YDocSet) fail('json.encode: cannot encode a document set');
  return encodePlain(toPlain(node), indent > 0 ? ' '.repeat(indent) : '', 0);
}

export const jsonModule = module('json', {
  encode: (_t, args, kw) => {
    const [v, ind] = unpackArgs('json.encode', args, kw, ['value', 'indent?']);
    let indent = 0;
    if (ind !== undefined && ind !== null) {
      if (typeof ind !== 'number') fail(`json.encode: expected indent to be int, but was ${typeName(ind)}`);
      indent = ind;
    }
    return jsonEncode(v!, indent);
  },
  decode: (_t, args, kw) => {
    const [s] = unpackArgs('json.decode', args, kw, ['value']);
    if (typeof s !== 'string') fail(`expected string, but was ${typeName(s!)}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch (e) {
      const msg = (e as Error).message;
      fail(msg.charAt(0).toLowerCase() + msg.slice(1));
    }
    return fromJson(parsed);
  },
});

