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
