// @ytt:struct — make, make_and_bind, encode (structs -> dicts), decode (dicts -> structs).
import { Builtin, Dict, List, StarFunction, Tuple, fail, typeName } from '../starlark/eval/values.js';
import type { Value } from '../starlark/eval/values.js';
import { callValue } from '../starlark/eval/interp.js';
import { Fragment, Struct, nodeToStarlarkPlain } from '../template/values.js';
import { module } from './util.js';

export function structEncode(v: Value): Value {
  if (v instanceof Struct) {
    const d = new Dict();
    for (const [k, x] of v.fields) d.set(k, structEncode(x));
    return d;
  }
  if (v instanceof Dict) {
    const d = new Dict();
    for (const [k, x] of v.entries()) d.set(k, structEncode(x));
    return d;
  }
  if (v instanceof List || v instanceof Tuple) return new List(v.items.map(structEncode));
  if (v instanceof Fragment) return v.node ? structEncode(nodeToStarlarkPlain(v.node, false)) : null;
  return v;
}

function structDecode(v: Value): Value {
  if (v instanceof Dict) {
    const f = new Map<string, Value>();
    for (const [k, x] of v.entries()) {
      if (typeof k !== 'string') fail(`struct.decode: expected dict key to be string, but was ${typeName(k)}`);
      f.set(k, structDecode(x));
    }
    return new Struct(f);
  }
  if (v instanceof List || v instanceof Tuple) return new List(v.items.map(structDecode));
  return v;
}

export const structModule = module('struct', {
  make: (_t, args, kw) => {
    if (args.length > 0) fail('struct.make: expected no positional arguments');
    return new Struct(new Map(kw));
  },
  make_and_bind: (_t, args, kw) => {
    if (args.length !== 1) fail('struct.make_and_bind: expected exactly one positional argument');
    const recv = args[0]!;
    const f = new Map<string, Value>();
    for (const [k, v] of kw) {
      if (!(v instanceof StarFunction || v instanceof Builtin)) fail(`struct.make_and_bind: expected ${k} to be a function, but was ${typeName(v)}`);
      f.set(k, new Builtin(k, (thread, a, k2) => callValue(thread, v, [recv, ...a], k2)));
    }
    return new Struct(f);
  },
  encode: (_t, args) => {
    if (args.length !== 1) fail('struct.encode: expected exactly one argument');
    return structEncode(args[0]!);
  },
  decode: (_t, args) => {
    if (args.length !== 1) fail('struct.decode: expected exactly one argument');
    return structDecode(args[0]!);
  },
});
