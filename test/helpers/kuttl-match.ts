// Test helper: kuttl's assert rule, for checking an owner (or any object) against what one of
// Cartographer's kuttl scenarios asserts. kuttl (pkg/test/utils/subset.go) reads an assert file's
// object as a subset of the live one: a map's keys not in the expected map are ignored, a list
// must have the same length and match element by element in order, and anything else must be
// equal and of the same type (the string "5" is not the number 5). An expected object is found by
// apiVersion, kind, namespace and name; one without a name passes when any object of its kind
// matches. (One difference kept on purpose: Go tells the integer 1 from the float 1.0, JSON
// numbers here do not; no scenario asserts a float.)

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Why `actual` is not a kuttl subset of `expected`, as `.a.b[1].c: message`; undefined when it is. */
export function subsetMismatch(expected: unknown, actual: unknown, path = ''): string | undefined {
  const kindOf = (v: unknown): string => (v === null || v === undefined ? 'null' : Array.isArray(v) ? 'list' : typeof v);
  if (kindOf(expected) !== kindOf(actual)) return `${path || '.'}: type mismatch: ${kindOf(expected)} != ${kindOf(actual)}`;
  if (Array.isArray(expected)) {
    const list = actual as unknown[];
    if (expected.length !== list.length) return `${path || '.'}: slice length mismatch: ${expected.length} != ${list.length}`;
    for (let i = 0; i < expected.length; i++) {
      const why = subsetMismatch(expected[i], list[i], `${path}[${i}]`);
      if (why !== undefined) return why;
    }
    return undefined;
  }
  if (typeof expected === 'object' && expected !== null) {
    const map = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) {
      if (!Object.hasOwn(map, key)) return `${path}.${key}: key is missing from map`;
      const why = subsetMismatch(value, map[key], `${path}.${key}`);
      if (why !== undefined) return why;
    }
    return undefined;
  }
  if (expected === actual || (expected == null && actual == null)) return undefined;
  return `${path || '.'}: value mismatch, expected: ${String(expected)} != actual: ${String(actual)}`;
}

type Obj = Record<string, unknown>;

function meta(o: Obj): Obj {
  return (o['metadata'] ?? {}) as Obj;
}

function identity(o: Obj, defaultNamespace: string): string {
  const m = meta(o);
  return `${String(o['apiVersion'])} ${String(o['kind'])} ${String(m['namespace'] ?? defaultNamespace)}/${String(m['name'] ?? '')}`;
}

/**
 * kuttl's verdict on each expected object against the actual ones: the problems, one line per
 * expected object that no actual object satisfies (an empty list means the assert passes).
 */
export function kuttlAssert(expected: readonly Obj[], actual: readonly Obj[], defaultNamespace = 'default'): string[] {
  const problems: string[] = [];
  for (const want of expected) {
    const named = meta(want)['name'] !== undefined;
    const candidates = actual.filter((got) =>
      named
        ? identity(got, defaultNamespace) === identity(want, defaultNamespace)
        : got['apiVersion'] === want['apiVersion'] && got['kind'] === want['kind'],
    );
    const label = identity(want, defaultNamespace);
    if (candidates.length === 0) {
      problems.push(`${label}: not found`);
      continue;
    }
    const whys = candidates.map((got) => subsetMismatch(want, got));
    if (whys.every((why) => why !== undefined)) problems.push(`${label}: ${whys[0]}`);
  }
  return problems;
}
