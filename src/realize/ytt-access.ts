// What a failing spec.ytt template was reading, from the error ytt prints: the attribute or key it
// did not find, on what type of value, and which `data.values…` path that lookup was part of (read
// from the code lines ytt quotes). Hints and mocks use it to name the real cause, not a guess.
import { summarizeYttError } from '../stamp/ytt.js';

export interface YttFailure {
  /** ytt quoted a frame (`in <toplevel>`): the template ran, so it read values (a parse error reads none). */
  ran: boolean;
  /** The attribute or key a lookup did not find, and the type of the value it looked in (`struct`, `string`). */
  missing?: { name: string; on: string };
  /**
   * The failing lookup as a context path: `base` is the value looked into (after `data.values`),
   * `name` what it lacked. Known only when the innermost quoted line reads it from data.values.
   */
  access?: { base: string[]; name: string };
  /** Every `data.values…` path the quoted lines read (after `data.values`), innermost line first. */
  paths: string[][];
}

export function readYttFailure(text: string): YttFailure {
  const lines = [...text.matchAll(/^\s+stdin\.yml:\d+ \| ?(.*)$/gm)].map((m) => m[1] as string);
  const ran = lines.length > 0 && /^\s+in \S/m.test(text);
  const missing = missingName(summarizeYttError(text).detail);
  const perLine = lines.map(dataValuesPaths);
  const failure: YttFailure = { ran, paths: perLine.flat(), ...(missing ? { missing } : {}) };
  if (ran && missing) {
    for (const path of perLine[0] ?? []) {
      const at = path.indexOf(missing.name);
      if (at >= 0) return { ...failure, access: { base: path.slice(0, at), name: missing.name } };
    }
  }
  return failure;
}

/** `struct has no .url field or method`, `key "url" not in struct`: the name and the type it was looked up on. */
function missingName(message: string): { name: string; on: string } | undefined {
  const attr = /^(\w+) has no \.(\w+) field or method/.exec(message);
  if (attr) return { name: attr[2] as string, on: attr[1] as string };
  const key = /^key "([^"]*)" not in (\w+)/.exec(message);
  if (key) return { name: key[1] as string, on: key[2] as string };
  return undefined;
}

/** `data.values.sources["src"].url` → [['sources', 'src', 'url']], each path a line of code reads. */
function dataValuesPaths(code: string): string[][] {
  return [...code.matchAll(/\bdata\.values((?:\.\w+|\[\s*(?:"[^"]*"|'[^']*')\s*\])+)/g)].map((m) => contextPath(m[1] as string));
}

/** `.sources["src"].url`, `sources['src'].url`, `sources.src.url` → ['sources', 'src', 'url']. */
export function contextPath(path: string): string[] {
  return [...path.matchAll(/([^.[\]'"\s]+)|\[\s*['"]([^'"]*)['"]\s*\]/g)].map((m) => (m[1] ?? m[2]) as string);
}
