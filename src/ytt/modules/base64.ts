// @ytt:base64 — encode/decode with std or URL alphabet, optional padding.
import { fail, typeName } from '../starlark/eval/values.js';
import type { Kwargs, Value } from '../starlark/eval/values.js';
import { module } from './util.js';

function opts(fname: string, args: Value[], kw: Kwargs): { s: string; url: boolean; nopad: boolean; strict: boolean } {
  if (args.length !== 1) fail(`${fname}: expected exactly one argument`);
  const s = args[0];
  if (typeof s !== 'string') fail(`${fname}: expected argument to be a string, but was ${typeName(s!)}`);
  let url = false;
  let nopad = false;
  let strict = false;
  for (const [k, v] of kw) {
    if (k === 'encoding') {
      if (v === 'URL') url = true;
      else if (v === 'STD' || v === 'std') url = false;
      else fail(`${fname}: unknown encoding ${String(v)}`);
    } else if (k === 'nopadding') nopad = v === true;
    else if (k === 'strict') strict = v === true;
    else fail(`${fname}: unexpected keyword argument ${k}`);
  }
  return { s, url, nopad, strict };
}

export const base64Module = module('base64', {
  encode: (_t, args, kw) => {
    const o = opts('base64.encode', args, kw);
    let out = Buffer.from(o.s, 'utf8').toString(o.url ? 'base64url' : 'base64');
    if (o.url && !o.nopad) while (out.length % 4 !== 0) out += '=';
    if (o.nopad) out = out.replace(/=+$/, '');
    return out;
  },
  decode: (_t, args, kw) => {
    const o = opts('base64.decode', args, kw);
    const alphabet = o.url ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
    const clean = o.s.replace(/[\r\n]/g, '');
    if (!alphabet.test(clean) || (!o.nopad && clean.length % 4 !== 0)) {
      fail(`base64.decode: illegal base64 data at input byte ${Math.max(0, clean.search(/[^A-Za-z0-9+/_=-]/))}`);
    }
    return Buffer.from(clean, o.url ? 'base64url' : 'base64').toString('utf8');
  },
});
