// Reading and writing keys of objects built from untrusted input. A key such as `__proto__`
// must stay a plain key: never look one up through the prototype chain, never assign it.

export function own(parent: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(parent, key) ? parent[key] : undefined;
}

export function hasOwn(parent: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(parent, key);
}

/** Sets `key` as an own, enumerable property, whatever its name. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` (keys and list indexes) in untrusted data, through own keys only. */
export function ownAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const part of path) {
    if (typeof part === 'number') current = Array.isArray(current) ? current[part] : undefined;
    else current = isObject(current) ? own(current, part) : undefined;
  }
  return current;
}
