// @ytt:struct — make, make_and_bind, encode (structs -> dicts), decode (dicts -> structs).
import { Builtin, Dict, List, StarFunction, Tuple, fail, typeName } from '../starlark/eval/values.js';
import type { Value } from '../starlark/eval/values.js';
import { callValue } from '../starlark/eval/interp.js';
import { Fragment, Struct, nodeToStarlarkPlain } from '../template/values.js';
import { module } from './util.js';

/** struct.decode: structs (and dicts) become dicts, recursively. */
export function structToDicts(v: Value): Value {
  if (v instanceof Struct) {
    const d = new Dict();
    for (const [k, x] of v.fields) d.set(k, structToDicts(x));
    return d;
  }
  if (v instanceof Dict) {
    const d = new Dict();
    for (const [k, x] of v.entries()) d.set(k, structToDicts(x));
    return d;
  }
  if (v instanceof List || v instanceof Tuple) return new List(v.items.map(structToDicts));
  if (v instanceof Fragment) return v.node ? structToDicts(nodeToStarlarkPlain(v.node, false)) : null;
  return v;
}

/** struct.encode: dicts (and fragments) become structs, recursively. */
function dictsToStructs(v: Value): Value {
  if (v instanceof Dict) {
    const f = new Map<string, Value>();
    for (const [k, x] of v.entries()) {
      if (typeof k !== 'string') fail(`expected dict key to be string, but was ${typeName(k)}`);
      f.set(k, dictsToStructs(x));
    }
    return new Struct(f);
  }
  if (v instanceof Struct) {
    const f = new Map<string, Value>();
    for (const [k, x] of v.fields) f.set(k, dictsToStructs(x));
    return new Struct(f);
  }
  if (v instanceof List || v instanceof Tuple) return new List(v.items.map(dictsToStructs));
  if (v instanceof Fragment) return v.node ? dictsToStructs(nodeToStarlarkPlain(v.node, false)) : null;
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
      if (v instanceof StarFunction || v instanceof Builtin) f.set(k, new Builtin(k, (thread, a, k2) => callValue(thread, v, [recv, ...a], k2)));
      else f.set(k, v);
    }
    return new Struct(f);
  },
  bind: (_t, args, kw) => {
    if (args.length < 1) fail('expected at least one argument');
    const fn = args[0]!;
    if (!(fn instanceof StarFunction || fn instanceof Builtin)) fail(`expected first argument to be a function, but was ${typeName(fn)}`);
    const bound = args.slice(1);
    const boundKw = kw;
    return new Builtin(fn instanceof StarFunction ? fn.name : fn.name, (thread, a, k2) => callValue(thread, fn, [...bound, ...a], [...boundKw, ...k2]));
  },
  encode: (_t, args) => {
    if (args.length !== 1) fail('expected exactly one argument');
    return dictsToStructs(args[0]!);
  },
  decode: (_t, args) => {
    if (args.length !== 1) fail('expected exactly one argument');
    return structToDicts(args[0]!);
  },
});
