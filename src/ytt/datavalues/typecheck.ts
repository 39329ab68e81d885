// Type checking of data values against a schema, as ytt does it after each data values
// document is merged: the schema's types are assigned to the nodes (maps gain the defaults of
// keys they lack), then every typed node is checked; the violations are ytt's.
import { nearest } from '../starlark/eval/spell.js';
import { Float } from '../starlark/eval/values.js';
import { YArray, YArrayItem, YDoc, YDocSet, YMap, YMapItem, YNode } from '../template/nodes.js';
import type { Scalar } from '../template/nodes.js';
import { yamlTypeName } from '../modules/overlay.js';
import { goKeyString, goKeyValue, sameKey } from '../template/go-keys.js';
import { compactPos } from './errors.js';
import type { Violation } from './errors.js';
import { defaultItem, typeString } from './schema.js';
import type { MapType, SType } from './schema.js';
import type { SourceTable } from './sources.js';

/** The type assigned to each data values node by the last assignType (nodes of `any` values have none). */
const typeOf = new WeakMap<YNode, SType>();

export function assignedType(n: YNode): SType | undefined {
  return typeOf.get(n);
}

/** Assigns `t` to `node` and its children (adding defaults for missing map keys); returns structural mismatches. */
export function assignType(t: SType, node: YNode, src: SourceTable): Violation[] {
  switch (t.kind) {
    case 'doc':
      if (!(node instanceof YDoc)) return [mismatch(node, t, src)];
      typeOf.set(node, t);
      return node.value instanceof YNode ? assignType(t.value, node.value, src) : [];
    case 'map': {
      if (!(node instanceof YMap)) return [mismatch(node, t, src)];
      typeOf.set(node, t);
      const out: Violation[] = [];
      const found = new Set<unknown>();
      for (const item of node.items) {
        const it = t.items.find((x) => sameKey(x.key, item.key));
        if (!it) continue;
        found.add(it);
        out.push(...assignType(it, item, src));
      }
      for (const it of t.items) {
        if (found.has(it)) continue;
        const added = defaultItem(it);
        assignType(it, added, src); // as ytt: a default's own violations are not reported
        node.items.push(added);
      }
      return out;
    }
    case 'mapitem': case 'arrayitem':
      if (!(node instanceof (t.kind === 'mapitem' ? YMapItem : YArrayItem))) return [mismatch(node, t, src)];
      typeOf.set(node, t);
      return (node as YMapItem).value instanceof YNode ? assignType(t.value, (node as YMapItem).value as YNode, src) : [];
    case 'array': {
      if (!(node instanceof YArray)) return [mismatch(node, t, src)];
      typeOf.set(node, t);
      return node.items.flatMap((it) => assignType(t.item, it, src));
    }
    case 'scalar': return [mismatch(node, t, src)];
    case 'any': return [];
    case 'null': return assignType(t.value, node, src);
  }
}

/** Checks every typed node under `root` (depth first, as ytt walks). */
export function checkNode(root: YNode, src: SourceTable): Violation[] {
  const out: Violation[] = [];
  const walk = (n: YNode): void => {
    const t = typeOf.get(n);
    if (t) out.push(...checkType(t, n, src));
    for (const c of n.values()) if (c instanceof YNode) walk(c);
  };
  walk(root);
  return out;
}

/** Checks one node against `t` (scalars held by items and documents included). */
export function checkType(t: SType, node: YNode, src: SourceTable): Violation[] {
  switch (t.kind) {
    case 'doc': case 'mapitem': case 'arrayitem': {
      const cls = t.kind === 'doc' ? YDoc : t.kind === 'mapitem' ? YMapItem : YArrayItem;
      if (!(node instanceof cls)) return [mismatch(node, t, src)];
      const v = (node as YDoc).value;
      return v instanceof YNode ? [] : checkType(t.value, node, src);
    }
    case 'map':
      if (!(node instanceof YMap)) return [mismatch(node, t, src)];
      return node.items.filter((it) => !t.items.some((x) => sameKey(x.key, it.key))).map((it) => unexpectedKey(it, t, src));
    case 'array':
      return node instanceof YArray ? [] : [mismatch(node, t, src)];
    case 'scalar': {
      const v = node.values()[0];
      const ok = typeof v === 'string' ? t.name === 'string'
        : v instanceof Float ? t.name === 'float'
          : typeof v === 'number' || typeof v === 'bigint' ? t.name === 'integer' || t.name === 'float'
            : typeof v === 'boolean' ? t.name === 'boolean' : false;
      return ok ? [] : [mismatch(node, t, src)];
    }
    case 'any': return [];
    case 'null': {
      const vs = node.values();
      return vs.length === 1 && vs[0] === null ? [] : checkType(t.value, node, src);
    }
  }
}

function mismatch(node: YNode, t: SType, src: SourceTable): Violation {
  const expected = t.kind === 'mapitem' || t.kind === 'arrayitem' ? typeString(t.value) : typeString(t);
  return { pos: src.pos(node), expected: `${expected} (by ${compactPos(t.pos)})`, found: foundType(node) };
}

function foundType(node: YNode): string {
  if (node instanceof YMap || node instanceof YArray || node instanceof YDocSet) return yamlTypeName(node);
  const v = node.values()[0];
  return v instanceof YNode ? yamlTypeName(v as YMap) : yamlTypeName(v as Scalar);
}

function unexpectedKey(item: YMapItem, t: MapType, src: SourceTable): Violation {
  const key = goKeyValue(item.key);
  const keys = t.items.map((x) => goKeyString(x.key)).sort();
  const from = compactPos(t.pos);
  const expected = keys.length === 1 ? `a map item with the key named "${keys[0]}" (from ${from})`
    : keys.length > 1 && keys.length <= 9 ? `one of { ${keys.join(', ')} } (from ${from})`
      : `a key declared in map (from ${from})`;
  const similar = nearest(key, keys);
  return {
    pos: src.pos(item), description: 'Given data value is not declared in schema', found: key, expected,
    ...(similar ? { hints: [`did you mean "${similar}"?`] } : {}),
  };
}

