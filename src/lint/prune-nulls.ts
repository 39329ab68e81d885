// The nulls the API server drops before it validates a custom resource: under a structural
// schema, a field that is null and neither `nullable: true` nor defaulted is pruned, not
// refused (none of Cartographer's CRDs marks a field nullable or gives a default). So
// `metadata.labels:`, `params:` or `configs:` left empty are as good as absent, and a required
// field left empty is reported as missing. Nulls that are list items are kept: the API server
// validates those.
import { isObject, setOwn } from '../util/objects.js';

export interface Pruned {
  /** A copy without the pruned nulls (the input itself when it has none). */
  readonly value: Record<string, unknown>;
  /** Whether any null was dropped. */
  readonly pruned: boolean;
}

export function pruneNulls(value: Record<string, unknown>): Pruned {
  let pruned = false;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      if (child === null) pruned = true;
      else setOwn(out, key, walk(child));
    }
    return out;
  };
  const copy = walk(value) as Record<string, unknown>;
  return { value: pruned ? copy : value, pruned };
}
