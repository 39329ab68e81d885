import { runYtt, YttError } from '../../src/ytt/index.js';
import type { YttOptions } from '../../src/ytt/index.js';
import { runStarlark, repr } from '../../src/ytt/starlark/index.js';

/** Runs a one-file template given as stdin; returns ytt's stdout. */
export function ytt(text: string, values: Record<string, unknown> = {}, opts: YttOptions = {}): string {
  const dataValues = Object.entries(values).map(([key, value]) => ({ key, value }));
  return runYtt([{ name: 'stdin.yml', text }], { dataValues, ...opts }).text;
}

/** Runs a template expected to fail; returns the YttError. */
export function yttError(text: string, values: Record<string, unknown> = {}, opts: YttOptions = {}): YttError {
  try {
    ytt(text, values, opts);
  } catch (e) {
    if (e instanceof YttError) return e;
    throw e;
  }
  throw new Error('expected the template to fail');
}

/** First message line of a YttError (what follows "- "). */
export function firstLine(e: YttError): string {
  return e.text.split('\n')[1]!.replace(/^- /, '');
}

/** Evaluates Starlark statements (block dialect) and returns repr() of global `x`. */
export function star(src: string, name = 'x'): string {
  const g = runStarlark('test.star', src);
  const v = g.get(name);
  if (v === undefined) throw new Error(`no global ${name}`);
  return repr(v);
}

/** Evaluates a Starlark expression and returns its repr(). */
export function expr(src: string): string {
  return star(`x = ${src}\n`);
}

/** Error message of a failing Starlark program. */
export function starError(src: string): string {
  try {
    runStarlark('test.star', src);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the program to fail');
}
