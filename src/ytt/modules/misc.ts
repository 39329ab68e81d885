// Small @ytt: modules: sha256, md5, url, version, math.
import { Dict, Float, List, Tuple, fail, isInt, typeName } from '../starlark/eval/values.js';
import type { Value } from '../starlark/eval/values.js';
import { unpackArgs } from '../starlark/eval/builtins.js';
import { module } from './util.js';
import { md5Hex, sha256Hex } from '../../util/digest.js';

export const YTT_VERSION = '0.45.0';

export const md5Module = module('md5', {
  sum: (_t, args, kw) => {
    const [s] = unpackArgs('md5.sum', args, kw, ['value']);
    if (typeof s !== 'string') fail(`expected argument to be a string, but was ${typeName(s!)}`);
    return md5Hex(s);
  },
});

export const sha256Module = module('sha256', {
  sum: (_t, args, kw) => {
    const [s] = unpackArgs('sha256.sum', args, kw, ['value']);
    if (typeof s !== 'string') fail(`sha256.sum: expected argument to be a string, but was ${typeName(s!)}`);
    return sha256Hex(s);
  },
});

// Go's url.PathEscape / QueryEscape
function goEscape(s: string, mode: 'path' | 'query'): string {
  const bytes = Buffer.from(s, 'utf8');
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (mode === 'path' && /[$&+,/:;=@]/.test(c) && c !== '/') out += c;
    else if (mode === 'query' && c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function goUnescape(s: string, mode: 'path' | 'query'): string {
  const t = mode === 'query' ? s.replace(/\+/g, ' ') : s;
  if (/%(?![0-9a-fA-F]{2})/.test(t)) fail(`invalid URL escape ${JSON.stringify(t.slice(t.search(/%(?![0-9a-fA-F]{2})/), t.search(/%(?![0-9a-fA-F]{2})/) + 3))}`);
  return Buffer.from(t.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

function strArg(name: string, v: Value | undefined): string {
  if (typeof v !== 'string') fail(`${name}: expected string, but was ${typeName(v ?? null)}`);
  return v;
}

export const urlModule = module('url', {
  path_segment_encode: (_t, a, k) => goEscape(strArg('url.path_segment_encode', unpackArgs('url.path_segment_encode', a, k, ['value'])[0]), 'path'),
  path_segment_decode: (_t, a, k) => goUnescape(strArg('url.path_segment_decode', unpackArgs('url.path_segment_decode', a, k, ['value'])[0]), 'path'),
  query_param_value_encode: (_t, a, k) => goEscape(strArg('url.query_param_value_encode', unpackArgs('url.query_param_value_encode', a, k, ['value'])[0]), 'query'),
  query_param_value_decode: (_t, a, k) => goUnescape(strArg('url.query_param_value_decode', unpackArgs('url.query_param_value_decode', a, k, ['value'])[0]), 'query'),
  query_params_encode: (_t, a, k) => {
    const [d] = unpackArgs('url.query_params_encode', a, k, ['value']);
    if (!(d instanceof Dict)) fail(`url.query_params_encode: expected dict, but was ${typeName(d!)}`);
    const keys = d.keys().map((x) => strArg('url.query_params_encode', x)).sort();
    const parts: string[] = [];
    for (const key of keys) {
      const vs = d.get(key)!;
      if (!(vs instanceof List || vs instanceof Tuple)) fail('url.query_params_encode: expected dict values to be lists');
      for (const v of vs.items) parts.push(goEscape(key, 'query') + '=' + goEscape(strArg('url.query_params_encode', v), 'query'));
    }
    return parts.join('&');
  },
  query_params_decode: (_t, a, k) => {
    const s = strArg('url.query_params_decode', unpackArgs('url.query_params_decode', a, k, ['value'])[0]);
    const d = new Dict();
    for (const part of s.split(/[&;]/)) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const key = goUnescape(eq < 0 ? part : part.slice(0, eq), 'query');
      const val = eq < 0 ? '' : goUnescape(part.slice(eq + 1), 'query');
      const cur = d.get(key);
      if (cur instanceof List) cur.items.push(val);
      else d.set(key, new List([val]));
    }
    return d;
  },
});

function parseVersion(s: string): number[] | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(s.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export const versionModule = module('version', {
  require_at_least: (_t, a, k) => {
    const [v] = unpackArgs('version.require_at_least', a, k, ['version']);
    const s = strArg('version.require_at_least', v);
    const want = parseVersion(s);
    if (!want) fail(`version.require_at_least: Invalid version '${s}'`);
    const have = parseVersion(YTT_VERSION)!;
    for (let i = 0; i < 3; i++) {
      if (have[i]! > want[i]!) return null;
      if (have[i]! < want[i]!) fail(`ytt version '${YTT_VERSION}' does not meet the minimum required version '${s}'`);
    }
    return null;
  },
});

function num(name: string, v: Value | undefined): number {
  if (isInt(v ?? null)) return Number(v);
  if (v instanceof Float) return v.v;
  fail(`${name}: expected number, but was ${typeName(v ?? null)}`);
}

export const mathModule = module('math', {
  ceil: (_t, a, k) => Math.ceil(num('math.ceil', unpackArgs('math.ceil', a, k, ['x'])[0])),
  floor: (_t, a, k) => Math.floor(num('math.floor', unpackArgs('math.floor', a, k, ['x'])[0])),
  round: (_t, a, k) => new Float(Math.round(num('math.round', unpackArgs('math.round', a, k, ['x'])[0]))),
  sqrt: (_t, a, k) => new Float(Math.sqrt(num('math.sqrt', unpackArgs('math.sqrt', a, k, ['x'])[0]))),
  pow: (_t, a, k) => {
    const [x, y] = unpackArgs('math.pow', a, k, ['x', 'y']);
    return new Float(Math.pow(num('math.pow', x), num('math.pow', y)));
  },
  abs: (_t, a, k) => new Float(Math.abs(num('math.abs', unpackArgs('math.abs', a, k, ['x'])[0]))),
  pi: new Float(Math.PI),
  e: new Float(Math.E),
});

