// @ytt:assert — fail, try_to, equals, and the assertion constructors (min, max,
// min_len, max_len, not_null, one_of, one_not_null) whose `check` function fails
// with ytt 0.45's messages (also used by data values validations).
import { Builtin, Float, List, StarError, StarObject, Tuple, compare, equals, fail, length, repr, str, typeName } from '../starlark/eval/values.js';
import type { Value } from '../starlark/eval/values.js';
import { callValue, EvalError } from '../starlark/eval/interp.js';
import { StarFunction } from '../starlark/eval/values.js';
import { Dict } from '../starlark/eval/values.js';
import { Fragment, Struct, nodeToStarlarkPlain, starlarkToNode } from '../template/values.js';
import { YMap } from '../template/nodes.js';
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
  get check(): Builtin {
    return this.fields.get('check') as Builtin;
  }
}

/**
 * An assertion whose check fails as ytt 0.45's do: most are Starlark lambdas calling fail()
 * ("fail: value < 3"); one_not_null's is a Go builtin named check ("check: all values are null").
 */
function assertion(kind: 'fail' | 'check', test: (v: Value) => string | null): Assertion {
  return new Assertion(new Builtin(kind === 'fail' ? 'lambda' : 'check', (_t, args) => {
    if (args.length !== 1) fail(`function lambda accepts 1 positional argument (${args.length} given)`);
    const problem = test(args[0]!);
    if (problem !== null) fail(`${kind}: ${problem}`);
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

/** A number as the int ytt's length assertions compare with (starlark.NumberToInt truncates). */
function toInt(v: Value): number {
  return Math.trunc(v instanceof Float ? v.v : Number(v));
}

/** ytt compares after a YAML round trip: structs and fragments become dicts, tuples lists. */
function comparable(v: Value): Value {
  if (v === null || typeof v !== 'object' || v instanceof Float) return v;
  return nodeToStarlarkPlain(starlarkToNode(v), false);
}

function lengthOf(v: Value): number {
  const n = length(v);
  if (n === undefined) fail(`len: value of type ${typeName(v)} has no len`);
  return n;
}

/** The assertions behind assert.min(…) and friends, shared with data values validations. */
export const assertions = {
  minLen: (min: Value): Assertion => assertion('fail', (v) => { const n = lengthOf(v); return n >= toInt(min) ? null : `length = ${n}`; }),
  maxLen: (max: Value): Assertion => assertion('fail', (v) => { const n = lengthOf(v); return n <= toInt(max) ? null : `length = ${n}`; }),
  min: (min: Value): Assertion => assertion('fail', (v) => (compare('>=', comparable(v), comparable(min)) >= 0 ? null : `value < ${str(min)}`)),
  max: (max: Value): Assertion => assertion('fail', (v) => (compare('<=', comparable(v), comparable(max)) <= 0 ? null : `value > ${str(max)}`)),
  notNull: (): Assertion => assertion('fail', (v) => (v === null ? 'value is null' : null)),
  oneOf: (allowed: Value[]): Assertion => assertion('fail', (v) => (allowed.some((o) => equals(o, v)) ? null : 'not one of allowed values')),
  /** `keys` null: all of the value's keys. */
  oneNotNull: (keys: Value[] | null): Assertion => assertion('check', (v) => {
    const get = (k: Value): Value | undefined => (v instanceof Dict ? v.get(k) : v instanceof StarObject && v.getKey ? v.getKey(k) : undefined);
    const isMap = v instanceof Dict || v instanceof Struct || (v instanceof Fragment && v.node instanceof YMap);
    if (!isMap) return `value must be a map or dict, but was '${typeName(v)}'`;
    const all = keys ?? (v instanceof StarObject ? v.iterate?.() ?? [] : (v as Dict).keys());
    const present = all.filter((k) => {
      const x = get(k);
      return x !== undefined && x !== null;
    });
    if (present.length === 0) return 'all values are null';
    if (present.length > 1) return `${repr(new List(present))} are not null`;
    return null;
  }),
};

/** The items of a sequence argument, or undefined when it is not one. */
function sequence(v: Value): Value[] | undefined {
  if (v instanceof List || v instanceof Tuple) return v.items;
  return undefined;
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
  min: (_t, args) => assertions.min(one(args)),
  max: (_t, args) => assertions.max(one(args)),
  min_len: (_t, args) => {
    const m = one(args);
    if (!isNumber(m)) fail(`expected value to be an number, but was ${typeName(m)}`);
    return assertions.minLen(m);
  },
  max_len: (_t, args) => {
    const m = one(args);
    if (!isNumber(m)) fail(`expected value to be an number, but was ${typeName(m)}`);
    return assertions.maxLen(m);
  },
  not_null: (thread, args) => {
    if (args.length > 1) fail('expected no more than one argument');
    const a = assertions.notNull();
    if (args.length === 0) return a;
    return callValue(thread, a.check, args, []);
  },
  one_of: (_t, args) => {
    if (args.length === 0) fail('got 0 arguments, want at least 1');
    if (args.length > 1) return assertions.oneOf(args);
    const items = sequence(args[0]!);
    if (!items) fail(`expected a sequence, but was a '${typeName(args[0]!)}'`);
    return assertions.oneOf(items);
  },
  one_not_null: (_t, args) => {
    if (args.length === 0 || args[0] === true) return assertions.oneNotNull(null);
    if (args[0] === false) fail('one_not_null() cannot be False');
    const keys = sequence(args[0]!);
    if (!keys) fail(`expected a sequence of keys, but was a '${typeName(args[0]!)}'`);
    return assertions.oneNotNull(keys);
  },
});
