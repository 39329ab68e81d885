// Helpers shared by the @ytt: modules.
import { Builtin } from '../starlark/eval/values.js';
import type { Kwargs, Thread, Value } from '../starlark/eval/values.js';
import { Module } from '../template/values.js';

export type Fn = (thread: Thread, args: Value[], kwargs: Kwargs) => Value;

export function module(name: string, fns: Record<string, Fn | Value>): Module {
  const m = new Map<string, Value>();
  for (const [k, f] of Object.entries(fns)) {
    m.set(k, typeof f === 'function' ? new Builtin(`${name}.${k}`, f as Fn) : (f as Value));
  }
  return new Module(name, m);
}
