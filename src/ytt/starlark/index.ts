// Starlark entry points: compile (parse + resolve) and execute a file.
import { parseFile } from './syntax/parser.js';
import type { File } from './syntax/ast.js';
import { resolveFile } from './resolve/resolve.js';
import './eval/builtins.js';
import { execFile, universe } from './eval/interp.js';
import { Thread, freeze } from './eval/values.js';
import type { ModuleState, Value } from './eval/values.js';

export { EvalError } from './eval/interp.js';
export { ResolveError } from './resolve/resolve.js';
export { SyntaxError as StarlarkSyntaxError } from './syntax/scanner.js';
export * from './eval/values.js';
export { callValue, getAttr, getIndex } from './eval/interp.js';
export { unpackArgs } from './eval/builtins.js';

/** Parses and resolves a Starlark file; `predeclared` names are available as globals. */
export function compile(name: string, src: string, predeclared: Iterable<string>): File {
  const file = parseFile(name, src);
  const pre = new Set(predeclared);
  resolveFile(file, (n) => pre.has(n), (n) => universe.has(n));
  return file;
}

/** Executes a compiled file, returning its globals (in definition order). */
export function execCompiled(thread: Thread, file: File, predeclared: Map<string, Value>, freezeGlobals = true): Map<string, Value> {
  const names = file.globals ?? [];
  const module: ModuleState = { name: file.name, globals: new Array(names.length), globalNames: names, predeclared };
  execFile(thread, file, module);
  const out = new Map<string, Value>();
  names.forEach((n, i) => {
    const v = module.globals[i];
    if (v !== undefined) {
      if (freezeGlobals) freeze(v);
      out.set(n, v);
    }
  });
  return out;
}

export interface RunOptions { predeclared?: Map<string, Value>; maxSteps?: number; maxDepth?: number; print?: (s: string) => void }

/** Convenience: compile and run a Starlark source string. */
export function runStarlark(name: string, src: string, opts: RunOptions = {}): Map<string, Value> {
  const pre = opts.predeclared ?? new Map<string, Value>();
  const file = compile(name, src, pre.keys());
  const thread = new Thread(opts.maxSteps ?? 10_000_000, opts.maxDepth ?? 1000);
  if (opts.print) thread.print = opts.print;
  return execCompiled(thread, file, pre);
}
