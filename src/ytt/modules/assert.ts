// @ytt:assert — fail, try_to, equals, and the assertion constructors (min, max,
// min_len, max_len, not_null, one_of, one_not_null) whose `check` function fails
// with ytt's messages.
import { Builtin, List, StarError, StarObject, Tuple, equals, fail, length, str, typeName } from '../starlark/eval/values.js';
import type { Value } from '../starlark/eval/values.js';
import { callValue, EvalError } from '../starlark/eval/interp.js';
import { StarFunction } from '../starlark/eval/values.js';
import { Dict } from '../starlark/eval/values.js';
import { Struct } from '../template/values.js';
import { yamlEncode } from './yaml.js';
import { module } from './util.js';

/** An assertion: a struct with a `check` function (type "@ytt:assert.assertion"). */
class Assertion extends Struct {
  constructor(check: Builtin) {
    super(new Map<string, Value>([['check', check]]));
  }
  override typeName(): string {
    return '@ytt:assert.assertion';
  }
}

function assertion(check: (v: Value) => void): Assertion {
  return new Assertion(new Builtin('lambda', (_t, args) => {
    if (args.length !== 1) fail(`function lambda accepts 1 positional argument (${args.length} given)`);
    check(args[0]!);
    return true;
  }));
}

function one(args: Value[]): Value {
  if (args.length !== 1) fail('expected exactly one argument');
  return args[0]!;
}

function isNumber(v: Value): boolean {
  return typeName(v) === 'int' || typeName(v) === 'float';
}

/** Orders values the way ytt's assert.min/max do: compared after a YAML round trip. */
function cmp(a: Value, b: Value): number {
  const x = a;
  const y = b;
  if (isNumber(x) && isNumber(y)) {
    const nx = typeof x === 'object' ? (x as { v: number }).v : Number(x);
    const ny = typeof y === 'object' ? (y as { v: number }).v : Number(y);
    return nx < ny ? -1 : nx > ny ? 1 : 0;
  }
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  fail(`${typeName(x)} < ${typeName(y)} not implemented`);
}

export const assertModule = module('assert', {
  fail: (_t, args) => {
    const v = one(args);
    if (typeof v !== 'string') fail(`expected argument to be a string, but was ${typeName(v)}`);
    fail(`fail: ${v}`);
  },
  try_to: (thread, args) => {
    const fn = one(args);
    if (!(fn instanceof StarFunction || fn instanceof Builtin)) fail(`expected argument to be a function, but was ${typeName(fn)}`);
    const depth = thread.stack.length;
    try {
      return new Tuple([callValue(thread, fn, [], []), null]);
    } catch (e) {
      thread.stack.length = depth;
      if (e instanceof EvalError) return new Tuple([null, e.msg]);
      if (e instanceof StarError) return new Tuple([null, e.message]);
      throw e;
    }
  },
  equals: (_t, args) => {
    if (args.length !== 2) fail('expected two arguments');
    const [a, b] = args as [Value, Value];
    for (const v of [a, b]) {
      if (v instanceof StarFunction || v instanceof Builtin) fail(`expected argument not to be a function, but was ${typeName(v)}`);
    }
    const sa = yamlEncode(a);
    const sb = yamlEncode(b);
    if (sa !== sb) fail(`Not equal:\n(expected type: ${typeName(a)})\n${sa}\n\n(was type: ${typeName(b)})\n${sb}`);
    return null;
  },
  min: (_t, args) => {
    const m = one(args);
    return assertion((v) => {
      if (cmp(v, m) < 0) fail(`fail: ${str(v)} is less than ${str(m)}`);
    });
  },
  max: (_t, args) => {
    const m = one(args);
    return assertion((v) => {
      if (cmp(v, m) > 0) fail(`fail: ${str(v)} is more than ${str(m)}`);
    });
  },
  min_len: (_t, args) => {
    const m = one(args);
    if (!isNumber(m)) fail(`expected value to be an number, but was ${typeName(m)}`);
    return assertion((v) => {
      const n = length(v);
      if (n === undefined) fail(`len: value of type ${typeName(v)} has no len`);
      if (!(n >= Number(typeof m === 'object' ? (m as { v: number }).v : m))) fail(`fail: length of ${n} is less than ${str(m)}`);
    });
  },
  max_len: (_t, args) => {
    const m = one(args);
    if (!isNumber(m)) fail(`expected value to be an number, but was ${typeName(m)}`);
    return assertion((v) => {
      const n = length(v);
      if (n === undefined) fail(`len: value of type ${typeName(v)} has no len`);
      if (!(n <= Number(typeof m === 'object' ? (m as { v: number }).v : m))) fail(`fail: length of ${n} is more than ${str(m)}`);
    });
  },
  not_null: (thread, args) => {
    if (args.length > 1) fail('expected no more than one argument');
    const a = assertion((v) => {
      if (v === null) fail('fail: value is null');
    });
    if (args.length === 0) return a;
    return callValue(thread, a.fields.get('check')!, args, []);
  },
  one_of: (_t, args) => {
    if (args.length === 0) fail('expected at least one argument');
    const opts = args.length === 1 && (args[0] instanceof List || args[0] instanceof Tuple) ? (args[0] as List).items : args;
    return assertion((v) => {
      if (!opts.some((o) => equals(o, v))) fail(`fail: ${str(v)} is not one of ${opts.map((o) => str(o)).join(', ')}`);
    });
  },
  one_not_null: (_t, args) => {
    const keys = args.length === 1 && (args[0] instanceof List || args[0] instanceof Tuple) ? (args[0] as List).items : args;
    return assertion((v) => {
      const get = (k: Value): Value | undefined =>
        v instanceof Dict ? v.get(k) : v instanceof StarObject && v.getKey ? v.getKey(k) : undefined;
      const present = keys.filter((k) => {
        const x = get(k);
        return x !== undefined && x !== null;
      });
      if (present.length === 0) fail(`fail: all values are null`);
      if (present.length > 1) fail(`fail: multiple values are not null ${present.map((k) => str(k)).join(', ')}`);
    });
  },
});
