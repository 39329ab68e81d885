// Where the fields of objects stamped by `spec.ytt` templates were written. The built-in engine
// can return a source map of each run (runYtt's `positions`); the render's ytt runner hands every
// run's first document and map to record(), and lookup() finds the map of a stamped object again
// by its content (the stamper adds the namespace, labels and ownerReference, so those are left out
// of the comparison). Only renders that validate pay for it.
import type { YttSourceMap } from '../ytt/index.js';
import { toPlain } from '../stamp/ytt.js';
import { isObject } from '../util/objects.js';

export class YttSources {
  private readonly maps = new Map<string, YttSourceMap>();

  /** A run's output documents and their source maps; only the first document is stamped. */
  record(documents: readonly unknown[], sources: readonly YttSourceMap[]): void {
    const first = sources[0];
    if (documents.length === 0 || !first) return;
    try {
      const key = identity(toPlain(documents[0]));
      if (key !== undefined && !this.maps.has(key)) this.maps.set(key, first);
    } catch {
      // An output JSON cannot hold is refused by the stamper: nothing to look up later.
    }
  }

  lookup(object: Record<string, unknown>): YttSourceMap | undefined {
    const key = identity(object);
    return key === undefined ? undefined : this.maps.get(key);
  }
}

/** The object without what the stamper adds to its metadata. */
function identity(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const metadata = isObject(value['metadata']) ? value['metadata'] : {};
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata)) if (k !== 'namespace' && k !== 'labels' && k !== 'ownerReferences') kept[k] = v;
  // top-level keys sorted: the stamper may place metadata elsewhere than the template did
  const top: Record<string, unknown> = {};
  for (const k of [...new Set([...Object.keys(value), 'metadata'])].sort()) top[k] = k === 'metadata' ? kept : value[k];
  return JSON.stringify(top);
}
