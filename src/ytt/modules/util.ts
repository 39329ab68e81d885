// Helpers shared by the @ytt: modules.
import { Builtin, StarError } from '../starlark/eval/values.js';
import type { Kwargs, Thread, Value } from '../starlark/eval/values.js';
import { Module } from '../template/values.js';

export type Fn = (thread: Thread, args: Value[], kwargs: Kwargs) => Value;

/**
 * ytt wraps the functions of its modules so that their errors read "<name>: <error>"
 * (e.g. "assert.fail: fail: msg"); errors already carrying the prefix are left alone.
 */
export function wrapErrors(name: string, f: Fn): Fn {
  return (thread, args, kwargs) => {
    try {
      return f(thread, args, kwargs);
    } catch (e) {
      if (e instanceof StarError && !e.message.startsWith(name + ': ')) throw new StarError(`${name}: ${e.message}`);
      throw e;
    }
  };
}

/** A builtin named `name` whose errors are prefixed with its name, as ytt's module functions are. */
export function yttBuiltin(name: string, f: Fn): Builtin {
  return new Builtin(name, wrapErrors(name, f));
}

export function module(name: string, fns: Record<string, Fn | Value>): Module {
  const m = new Map<string, Value>();
  for (const [k, f] of Object.entries(fns)) {
    m.set(k, typeof f === 'function' ? yttBuiltin(`${name}.${k}`, f as Fn) : (f as Value));
  }
  return new Module(name, m);
}
