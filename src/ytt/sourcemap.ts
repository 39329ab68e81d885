// Source maps of ytt's output documents (runYtt's `positions`): for a path into an output
// document, the template node that produced the value there, as a file and a line, so that a
// diagnostic about a value can name the line of the template where it was written rather than a
// line of ytt's output. Built once per output document from the nodes' sources (NodeSource);
// only the parts of the tree that hold a source are kept.
import { Float } from './starlark/eval/values.js';
import { YArray, YMap, YNode } from './template/nodes.js';
import type { NodeSource, NodeValue, Scalar, YDoc } from './template/nodes.js';
import type { YttSourceHit, YttSourceMap } from './types.js';

interface Entry {
  src: NodeSource | undefined;
  /** Map items by key, as the key reads once the output is parsed again (always a string). */
  keys?: Map<string, Entry>;
  /** Array items by index (holes where an item has no source anywhere below it). */
  items?: (Entry | undefined)[];
}

class DocumentSourceMap implements YttSourceMap {
  constructor(
    private readonly root: Entry,
    readonly outputLine: number,
  ) {}

  lookup(path: readonly (string | number)[]): YttSourceHit | null {
    let entry: Entry | undefined = this.root;
    let hit: YttSourceHit | null = entry.src ? { source: entry.src, depth: 0 } : null;
    for (let i = 0; i < path.length && entry !== undefined; i++) {
      const key = path[i]!;
      entry = typeof key === 'number' ? entry.items?.[key] : entry.keys?.get(key);
      if (entry?.src !== undefined) hit = { source: entry.src, depth: i + 1 };
    }
    return hit;
  }
}

/** The source map of one output document, which starts at line `outputLine` of ytt's output. */
export function documentSourceMap(doc: YDoc, outputLine: number): YttSourceMap {
  const root = entryOf(doc.src, doc.value) ?? { src: undefined };
  return new DocumentSourceMap(root, outputLine);
}

function entryOf(src: NodeSource | undefined, value: NodeValue): Entry | undefined {
  let keys: Map<string, Entry> | undefined;
  let items: (Entry | undefined)[] | undefined;
  if (value instanceof YMap) {
    for (const item of value.items) {
      const child = entryOf(item.src, item.value);
      if (child) (keys ??= new Map()).set(keyText(item.key), child);
    }
  } else if (value instanceof YArray) {
    value.items.forEach((item, i) => {
      const child = entryOf(item.src, item.value);
      if (child) (items ??= [])[i] = child;
    });
  }
  if (src === undefined && keys === undefined && items === undefined) return undefined;
  return { src, ...(keys ? { keys } : {}), ...(items ? { items } : {}) };
}

/**
 * A map key as it reads in the parsed output (where every key is a string): the loader's text for
 * a number key (JavaScript's, `0.00001`), not Go's (`1e-05`), so that lookups by path find it.
 */
function keyText(key: Scalar): string {
  if (key === null) return 'null';
  if (key instanceof Float) return String(key.v);
  return String(key);
}

/** Gives the nodes of a plain YAML file (no template runtime builds them) their own lines as sources. */
export function markSources(node: YNode, file: { name: string; index: number | undefined }): void {
  if (node.line !== null) node.src = { file: file.name, index: file.index, line: node.line };
  for (const child of node.values()) if (child instanceof YNode) markSources(child, file);
}
