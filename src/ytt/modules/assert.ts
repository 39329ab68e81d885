// @ytt:assert — fail, try_to, equals and the validation helpers (min, max, ...).
import { Dict, List, Tuple, StarError, compare, equals, fail, length, repr, str, truth, typeName } from '../starlark/eval/values.js';
import type { Value } from '../starlark/eval/values.js';
import { callValue, EvalError } from '../starlark/eval/interp.js';
import { unpackArgs } from '../starlark/eval/builtins.js';
import { Struct } from '../template/values.js';
import { Builtin } from '../starlark/eval/values.js';
import { module } from './util.js';

function checker(name: string, f: (v: Value) => void): Builtin {
  return new Builtin(`assert.${name}`, (_t, args) => {
    if (args.length !== 1) fail(`assert.${name}: expected exactly one argument`);
    f(args[0]!);
    return true;
  });
}

function validator(name: string, check: (v: Value) => void): Builtin {
  return new Builtin(`assert.${name}`, () => {
    // returns a struct with a check() function
    return new Struct(new Map<string, Value>([['check', checker(name, check)]]));
  });
}
void validator;

export const assertModule = module('assert', {
  fail: (_t, args, kw) => {
    const [msg] = unpackArgs('assert.fail', args, kw, ['msg']);
    fail(`fail: ${str(msg!)}`);
  },
  try_to: (thread, args, kw) => {
    const [fn] = unpackArgs('assert.try_to', args, kw, ['fn']);
    const depth = thread.stack.length;
    try {
      const v = callValue(thread, fn!, [], []);
      return new Tuple([v, null]);
    } catch (e) {
      thread.stack.length = depth;
      if (e instanceof EvalError || e instanceof StarError) return new Tuple([null, e instanceof EvalError ? e.msg : e.message]);
      throw e;
    }
  },
  equals: (_t, args, kw) => {
    const [a, b] = unpackArgs('assert.equals', args, kw, ['expected', 'actual']);
    if (!equals(a!, b!)) fail(`Not equal:\n(expected type: ${typeName(a!)})\n${repr(a!)}\n\n(was type: ${typeName(b!)})\n${repr(b!)}`);
    return null;
  },
  min: (_t, args, kw) => {
    const [m] = unpackArgs('assert.min', args, kw, ['minimum']);
    return new Struct(new Map<string, Value>([['check', checker('min', (v) => {
      if (compare('<', v, m!) < 0) fail(`value must be greater than or equal to ${str(m!)}`);
    })]]));
  },
  max: (_t, args, kw) => {
    const [m] = unpackArgs('assert.max', args, kw, ['maximum']);
    return new Struct(new Map<string, Value>([['check', checker('max', (v) => {
      if (compare('>', v, m!) > 0) fail(`value must be less than or equal to ${str(m!)}`);
    })]]));
  },
  min_len: (_t, args, kw) => {
    const [m] = unpackArgs('assert.min_len', args, kw, ['length']);
    return new Struct(new Map<string, Value>([['check', checker('min_len', (v) => {
      const n = length(v);
      if (n === undefined || n < Number(m)) fail(`length must be greater than or equal to ${str(m!)}`);
    })]]));
  },
  max_len: (_t, args, kw) => {
    const [m] = unpackArgs('assert.max_len', args, kw, ['length']);
    return new Struct(new Map<string, Value>([['check', checker('max_len', (v) => {
      const n = length(v);
      if (n === undefined || n > Number(m)) fail(`length must be less than or equal to ${str(m!)}`);
    })]]));
  },
  not_null: (_t, args) => {
    if (args.length === 1) {
      if (args[0] === null) fail('value must not be null');
      return true;
    }
    return new Struct(new Map<string, Value>([['check', checker('not_null', (v) => {
      if (v === null) fail('value must not be null');
    })]]));
  },
  one_of: (_t, args) => {
    const opts = args.length === 1 && (args[0] instanceof List || args[0] instanceof Tuple) ? (args[0] as List).items : args;
    return new Struct(new Map<string, Value>([['check', checker('one_of', (v) => {
      if (!opts.some((o) => equals(o, v))) fail(`must be one of: ${opts.map((o) => repr(o)).join(', ')}`);
    })]]));
  },
  one_not_null: (_t, args) => {
    const keys = args.length === 1 && (args[0] instanceof List || args[0] instanceof Tuple) ? (args[0] as List).items : args;
    return new Struct(new Map<string, Value>([['check', checker('one_not_null', (v) => {
      const present = keys.filter((k) => {
        const x = v instanceof Dict ? v.get(k) : v instanceof Struct ? v.fields.get(String(k)) : undefined;
        return x !== undefined && x !== null;
      });
      if (present.length !== 1) fail(`exactly one of [${keys.map((k) => repr(k)).join(', ')}] must be not null`);
    })]]));
  },
});

export { truth };
