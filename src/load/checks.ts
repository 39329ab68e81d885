// Checks on text and parsed YAML before carto works on it, so that hostile or broken input ends
// in an error naming the problem: characters go-yaml refuses, and, for documents the `yaml`
// package parsed, nesting, aliases and string length (src/util/limits.ts). The fast reader
// (src/yaml/parse.ts) declines anything near these limits, so its documents need no check.
import { Alias, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { MAX_ALIAS_NODES, MAX_DEPTH, MAX_STRING, formatCount } from '../util/limits.js';

/**
 * Characters go-yaml's reader refuses ("control characters are not allowed"): C0 controls
 * other than tab, LF and CR, DEL, C1 controls other than NEL, U+FFFE and U+FFFF.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/** The first character YAML does not allow in `text`, with its line and column, or null. */
export function findControlCharacter(text: string): { line: number; column: number; char: string } | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match.index - before.lastIndexOf('\n');
  return { line, column, char: `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` };
}

/** Why a parsed document must not be turned into data, or null when it may. */
export interface LimitProblem {
  /** `input-limit` for carto's limits; `yaml-syntax` for what go-yaml or kubectl refuse as well. */
  code: 'input-limit' | 'yaml-syntax';
  message: string;
  /** Offset in the text of the node where the problem was found. */
  offset: number;
}

interface Measure {
  /** Nodes in the subtree, aliases expanded. */
  nodes: number;
  /** Levels of maps and lists, aliases expanded (a scalar is 0). */
  height: number;
}

class Exceeded {
  constructor(readonly problem: LimitProblem) {}
}

/**
 * Walks a document the `yaml` package parsed (without errors) and returns the first limit it
 * breaks: nesting deeper than MAX_DEPTH, an alias that contains itself (go-yaml: "anchor 'x'
 * value contains itself"), aliases that expand to more than MAX_ALIAS_NODES nodes (a "billion
 * laughs"), a string longer than MAX_STRING. The walk stops at the first problem, so its
 * recursion never goes deeper than MAX_DEPTH.
 */
export function checkYamlDocument(doc: Document.Parsed, targets: ReadonlyMap<Alias, Node> = aliasTargets(doc)): LimitProblem | null {
  const memo = new Map<Node, Measure>();
  const open = new Set<Node>();
  let aliasNodes = 0;
  const fail = (message: string, node: Node | null | undefined, code: LimitProblem['code'] = 'input-limit'): never => {
    throw new Exceeded({ code, message, offset: node?.range?.[0] ?? 0 });
  };

  const measure = (node: unknown, depth: number): Measure => {
    if (isAlias(node)) {
      const target = targets.get(node);
      if (!target) return { nodes: 1, height: 0 };
      if (open.has(target)) fail(`anchor '${node.source}' value contains itself`, node, 'yaml-syntax');
      const m = memo.get(target) ?? measure(target, depth);
      aliasNodes += m.nodes;
      if (aliasNodes > MAX_ALIAS_NODES) fail(`document contains excessive aliasing: its aliases expand to more than carto's limit of ${formatCount(MAX_ALIAS_NODES)} nodes`, node);
      if (depth - 1 + m.height > MAX_DEPTH) fail(`maps and lists nest deeper than carto's limit of ${formatCount(MAX_DEPTH)} levels (aliases expanded)`, node);
      return m;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string' && v.length > MAX_STRING) {
        fail(`a string is longer than carto's limit of ${formatCount(MAX_STRING)} characters`, node);
      }
      // What sigs.k8s.io/yaml (kubectl) says of .inf, .nan or 1e999: JSON cannot hold them.
      if (typeof v === 'number' && !Number.isFinite(v)) fail(`json: unsupported value: ${v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN'} (the API server takes JSON, which has no such number)`, node, 'yaml-syntax');
      return { nodes: 1, height: 0 };
    }
    if (!isMap(node) && !isSeq(node)) return { nodes: 1, height: 0 };
    if (depth > MAX_DEPTH) fail(`maps and lists nest deeper than carto's limit of ${formatCount(MAX_DEPTH)} levels`, node);
    const anchored = node.anchor !== undefined;
    if (anchored) open.add(node);
    let nodes = 1;
    let height = 0;
    const child = (item: unknown): void => {
      if (item === null || item === undefined) return;
      const m = measure(item, depth + 1);
      nodes += m.nodes;
      if (m.height > height) height = m.height;
    };
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        const key = isAlias(item.key) ? targets.get(item.key) : item.key;
        // sigs.k8s.io/yaml turns YAML into JSON, whose keys are strings: kubectl refuses these.
        if (isMap(key) || isSeq(key)) fail('a map key is itself a list or a map (`? [a, b]`); Kubernetes objects are JSON, whose keys are strings', item.key as Node, 'yaml-syntax');
        child(item.key);
        child(item.value);
      } else {
        child(item);
      }
    }
    const result = { nodes, height: height + 1 };
    if (anchored) {
      open.delete(node);
      memo.set(node, result);
    }
    return result;
  };

  try {
    measure(doc.contents, 1);
    return null;
  } catch (err) {
    if (err instanceof Exceeded) return err.problem;
    throw err;
  }
}

/**
 * The node each alias of a document refers to, found in one pass in document order: the closest
 * anchor of that name before the alias (anchors may be redefined), as `Alias.resolve()` finds it.
 * That method walks the whole document for every alias, so a document of many aliases would take
 * quadratic time. The walk uses its own stack: any depth is fine.
 */
export function aliasTargets(doc: Document.Parsed): Map<Alias, Node> {
  const targets = new Map<Alias, Node>();
  const latest = new Map<string, Node>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const target = latest.get(node.source);
      if (target) targets.set(node, target);
    } else if (isScalar(node)) {
      if (node.anchor) latest.set(node.anchor, node);
    } else if (isMap(node) || isSeq(node)) {
      if (node.anchor) latest.set(node.anchor, node);
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (isPair(item)) stack.push(item.value, item.key);
        else stack.push(item);
      }
    }
  }
  return targets;
}

/**
 * `doc.toJS(options)`, with each alias resolved to its entry in `targets` (aliasTargets) instead
 * of by `Alias.resolve()`'s scan of every anchor and alias before it, which is quadratic in the
 * number of aliases. The yaml package's own bookkeeping (shared values, anchors converted once)
 * is kept: its resolve() runs as before, on a list of just the target and the alias.
 */
export function documentToJS(doc: Document.Parsed, targets: ReadonlyMap<Alias, Node>, options: Parameters<Document.Parsed['toJS']>[0]): unknown {
  if (targets.size === 0) return doc.toJS(options);
  // (read here, not when the module loads: most runs never load the yaml package)
  const resolveAlias = Alias.prototype.resolve;
  type Ctx = { aliasResolveCache?: unknown[] };
  for (const [alias, target] of targets) {
    Object.defineProperty(alias, 'resolve', {
      configurable: true,
      writable: true,
      value(this: Alias, d: Document, ctx?: Ctx) {
        if (!ctx) return resolveAlias.call(this, d, ctx as never);
        const saved = ctx.aliasResolveCache;
        ctx.aliasResolveCache = [target, this];
        try {
          return resolveAlias.call(this, d, ctx as never);
        } finally {
          ctx.aliasResolveCache = saved;
        }
      },
    });
  }
  try {
    return doc.toJS(options);
  } finally {
    for (const alias of targets.keys()) delete (alias as { resolve?: unknown }).resolve;
  }
}

/** For a document the yaml package itself could not read for its depth (its own limit may come first). */
export const DEPTH_MESSAGE = `maps and lists nest too deep to read (carto's limit is ${formatCount(MAX_DEPTH)} levels)`;

/** The scan before parsing (src/yaml/nesting.ts); kept under this name for the loader's callers. */
export { flowDepthExceeded } from '../yaml/nesting.js';

/** A key a mapping gives twice: both key nodes, the key as the object's property, and where the mapping is. */
export interface RepeatedKey {
  /** The property both keys become (`1` and `"1"` are one property, as in the object read). */
  key: string;
  /** True when the key is a string in YAML (kubectl's words quote it then). */
  quoted: boolean;
  /** Both keys are the same value to go-yaml (`yes` and `on`, both true), not only the same JSON key (`"true"` and `yes`). */
  sameType: boolean;
  first: Node;
  again: Node;
  /** Path of the mapping from the document's root. */
  path: (string | number)[];
}

/**
 * The keys a mapping of the document gives more than once, in document order. kubectl reads such
 * a document with its last value (sigs.k8s.io/yaml, not strict); kustomize, ytt templates and the
 * API server's strict YAML decoding refuse it. Merge keys (`<<`) are not keys of their mapping;
 * an alias key is its anchor's scalar. Aliases are not followed (their anchor is walked where it
 * is written). Run after checkYamlDocument, which bounds the depth; the walk has its own stack.
 */
export function repeatedKeys(doc: Document.Parsed, targets: ReadonlyMap<Alias, Node>): RepeatedKey[] {
  // Each node's place is a link to its parent's (no path is built unless a key repeats).
  type Place = { up: Place | null; step: string | number } | null;
  const pathOf = (place: Place): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let p = place; p; p = p.up) path.push(p.step);
    return path.reverse();
  };
  const found: RepeatedKey[] = [];
  const stack: { node: unknown; place: Place }[] = [{ node: doc.contents, place: null }];
  while (stack.length > 0) {
    const { node, place } = stack.pop()!;
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], place: { up: place, step: i } });
      continue;
    }
    if (!isMap(node)) continue;
    const seen = new Map<string, { node: Node; type: string }>();
    const children: { node: unknown; place: Place }[] = [];
    for (const pair of node.items) {
      const keyNode = isAlias(pair.key) ? targets.get(pair.key) : (pair.key as Node | null);
      if (!isScalar(keyNode) || typeof keyNode.value === 'symbol') continue; // a merge key, or a collection (refused before)
      const v = keyNode.value;
      const key = v === null || v === undefined ? '' : String(v);
      // Each repeat is told against the nearest key before it (`"true"`, `yes`, `on`: on repeats yes).
      const first = seen.get(key);
      if (first) found.push({ key, quoted: typeof v === 'string', sameType: first.type === typeof v, first: first.node, again: pair.key as Node, path: pathOf(place) });
      seen.set(key, { node: pair.key as Node, type: typeof v });
      if (isMap(pair.value) || isSeq(pair.value)) children.push({ node: pair.value, place: { up: place, step: key } });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found.sort((a, b) => (a.again.range?.[0] ?? 0) - (b.again.range?.[0] ?? 0));
}
