// The fields that differ between two JSON values, by path (`.spec.containers[0].image`): what a
// reviewer and a machine read first. Maps compare by key (their order is not a change), lists by
// position (their order is); a number compares by value.

export interface FieldChange {
  /** `.spec.x`, `.metadata.labels['carto.run/workload-name']`, `[2]`; "" for the values themselves. */
  path: string;
  /** Absent when the field was added. */
  old?: unknown;
  /** Absent when the field was removed. */
  new?: unknown;
}

export function fieldChanges(a: unknown, b: unknown, path = ''): FieldChange[] {
  if (same(a, b)) return [];
  if (isMap(a) && isMap(b)) {
    const out: FieldChange[] = [];
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.prototype.hasOwnProperty.call(a, k))];
    for (const key of keys) {
      const at = `${path}${segment(key)}`;
      const inA = Object.prototype.hasOwnProperty.call(a, key);
      const inB = Object.prototype.hasOwnProperty.call(b, key);
      if (inA && inB) out.push(...fieldChanges(a[key], b[key], at));
      else if (inA) out.push({ path: at, old: a[key] });
      else out.push({ path: at, new: b[key] });
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const at = `${path}[${i}]`;
      if (i >= b.length) out.push({ path: at, old: a[i] });
      else if (i >= a.length) out.push({ path: at, new: b[i] });
      else out.push(...fieldChanges(a[i], b[i], at));
    }
    return out;
  }
  return [{ path, old: a, new: b }];
}

/** Equal as JSON data: key order aside, numbers by value. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) return Number(a) === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k]));
  }
  return false;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `.name` for a plain key, `['carto.run/x']` for anything else (the JSONPath bracket form). */
function segment(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `.${key}` : `['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** `value` with every map's keys sorted: two objects written in different orders line up. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    Object.defineProperty(out, key, { value: sortKeys((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
