// @ytt:overlay — matchers (subset, all, map_key, index, and_op, or_op, not_op) and a
// basic overlay.apply for maps, arrays and document sets: merge (default),
// replace, remove, insert/append, with match/missing_ok/expects and
// match-child-defaults handling. A failure names the overlay nodes it happened under, as ytt
// does ("Document on line f:2: Map item (key 'k') on line f:3: …").
import { Builtin, List, StarError, StarFunction, equals, fail, truth, typeName } from '../starlark/eval/values.js';
import type { Thread, Value } from '../starlark/eval/values.js';
import { callValue } from '../starlark/eval/interp.js';
import { YArray, YArrayItem, YDoc, YDocSet, YMap, YMapItem, YNode, deepCopy } from '../template/nodes.js';
import type { NodeAnnotation, NodeValue } from '../template/nodes.js';
import { Fragment, goTypeName, nodeToStarlark, nodeToStarlarkPlain, starlarkToNode } from '../template/values.js';
import { module } from './util.js';
import { goKeyString } from '../template/go-keys.js';

export { goKeyString };

type Matcher = (thread: Thread, idx: number, left: NodeValue, right: NodeValue) => boolean;

const matcherOf = new WeakMap<Builtin, Matcher>();

function mkMatcher(name: string, m: Matcher): Builtin {
  const b = new Builtin(name, (thread, args) => {
    const [idx, left, right] = args;
    return m(thread, Number(idx), starlarkToNode(left ?? null), starlarkToNode(right ?? null));
  });
  matcherOf.set(b, m);
  return b;
}

function subsetMatch(expected: NodeValue, actual: NodeValue): boolean {
  if (expected instanceof YMap) {
    if (!(actual instanceof YMap)) return false;
    return expected.items.every((e) => {
      const a = actual.items.find((x) => equals(x.key as Value, e.key as Value));
      return a !== undefined && subsetMatch(e.value, a.value);
    });
  }
  if (expected instanceof YArray) {
    // positional: every expected item must match the actual item at the same index
    if (!(actual instanceof YArray) || actual.items.length < expected.items.length) return false;
    return expected.items.every((e, i) => subsetMatch(e.value, actual.items[i]!.value));
  }
  if (expected instanceof YNode || actual instanceof YNode) return false;
  return equals(expected as Value, actual as Value);
}

function mapKeyMatcher(key: string): Matcher {
  return (_th, _i, left, right) => {
    const get = (n: NodeValue): Value | undefined => {
      if (!(n instanceof YMap)) return undefined;
      const it = n.items.find((x) => x.key === key);
      return it ? (it.value as Value) : undefined;
    };
    const r = get(right);
    if (r === undefined) fail(`Expected new item to have key '${key}'`);
    const l = get(left);
    return l !== undefined && equals(l, r);
  };
}

function toMatcher(v: Value): Matcher {
  if (typeof v === 'string') return mapKeyMatcher(v);
  if (v instanceof Builtin && matcherOf.has(v)) return matcherOf.get(v)!;
  if (v instanceof StarFunction || v instanceof Builtin) {
    return (thread, idx, left, right) => truth(callValue(thread, v, [idx, nodeToStarlark(left), nodeToStarlark(right)], []));
  }
  fail(`overlay: expected 'by' to be a function, but was ${typeName(v)}`);
}

interface Opts {
  action: 'merge' | 'replace' | 'remove' | 'insert' | 'append' | 'assert';
  by: Matcher | null;
  hasMatch: boolean; // an overlay/match annotation is present
  matchKwargs: number;
  insertAfter: boolean;
  missingOk: Value | null; // null: not given (here or by a parent's match-child-defaults)
  orAdd: boolean; // overlay/replace or_add=True: a replace that matches nothing adds the item
  expects: Value | null;
  childDefaults: { missingOk?: Value | null; expects?: Value | null };
  replaceVia: Value | null;
}

function kw(a: NodeAnnotation, name: string): unknown {
  const e = a.kwargs.find(([k]) => k === name);
  return e ? e[1] : undefined;
}

function opts(node: YNode, inherited: Opts['childDefaults']): Opts {
  const o: Opts = { action: 'merge', by: null, hasMatch: false, matchKwargs: 0, insertAfter: false, missingOk: inherited.missingOk ?? null, orAdd: false, expects: inherited.expects ?? null, childDefaults: { ...inherited }, replaceVia: null };
  for (const a of node.annotations) {
    switch (a.name) {
      case 'overlay/merge': o.action = 'merge'; break;
      case 'overlay/replace':
        o.action = 'replace';
        o.replaceVia = (kw(a, 'via') as Value) ?? null;
        o.orAdd = kw(a, 'or_add') !== undefined && truth(kw(a, 'or_add') as Value);
        break;
      case 'overlay/remove': o.action = 'remove'; break;
      case 'overlay/insert':
        o.action = 'insert';
        o.insertAfter = kw(a, 'after') !== undefined && truth(kw(a, 'after') as Value);
        break;
      case 'overlay/append': o.action = 'append'; break;
      case 'overlay/assert': o.action = 'assert'; break;
      case 'overlay/match': {
        o.hasMatch = true;
        o.matchKwargs = a.kwargs.length;
        const by = kw(a, 'by');
        if (by !== undefined) o.by = toMatcher(by as Value);
        const mo = kw(a, 'missing_ok');
        if (mo !== undefined) o.missingOk = mo as Value;
        const ex = kw(a, 'expects');
        if (ex !== undefined) o.expects = ex as Value;
        break;
      }
      case 'overlay/match-child-defaults': {
        const mo = kw(a, 'missing_ok');
        if (mo !== undefined) o.childDefaults.missingOk = mo as Value;
        const ex = kw(a, 'expects');
        if (ex !== undefined) o.childDefaults.expects = ex as Value;
        break;
      }
      default: break;
    }
  }
  return o;
}

/**
 * ytt's check of the number of nodes an overlay node matched (missing_ok, expects: an int, "N+", a
 * list of those, or a function), naming the matched nodes' lines when the number is wrong.
 */
function checkExpects(thread: Thread, o: Opts, matched: YNode[]): void {
  if (o.missingOk !== null && o.expects !== null) fail("Expected only one of keyword arguments ('missing_ok', 'expects') specified");
  const lines = (): string => (matched.length === 0 ? '' : ` (lines: ${matched.map((n) => where(thread, n)).join(', ')})`);
  const check = (want: Value, kwarg: string): string | null => {
    if (typeof want === 'number' || typeof want === 'bigint') {
      return BigInt(want) === BigInt(matched.length) ? null : `Expected number of matched nodes to be ${want}, but was ${matched.length}${lines()}`;
    }
    if (typeof want === 'string') {
      const m = /^(.*)\+$/.exec(want);
      if (!m || !/^[+-]?\d+$/.test(m[1]!)) fail(`Expected '${want}' to be in format 'i+' where i is an integer`);
      const min = Number(m[1]);
      return matched.length >= min ? null : `Expected number of matched nodes to be >= ${min}, but was ${matched.length}${lines()}`;
    }
    if (want instanceof List) {
      let last: string | null = null;
      for (const v of want.items) {
        last = check(v, kwarg);
        if (last === null) return null;
      }
      return last;
    }
    if (want instanceof StarFunction || want instanceof Builtin) {
      const r = callValue(thread, want, [matched.length], []);
      if (typeof r !== 'boolean') fail(`Expected keyword argument '${kwarg}' to have a function that returns a boolean`);
      return r ? null : 'Expectation of number of matched nodes failed';
    }
    fail(`Expected 'overlay/match' annotation keyword argument '${kwarg}' to be either int, string or function, but was ${goTypeName(want)}`);
  };
  let problem: string | null;
  if (o.missingOk !== null) {
    if (typeof o.missingOk !== 'boolean') fail("Expected keyword argument 'missing_ok' to be a boolean");
    problem = check(o.missingOk ? new List([0, 1]) : 1, 'missing_ok');
  } else if (o.expects !== null) {
    problem = check(o.expects, 'expects');
  } else {
    problem = check(1, '');
  }
  if (problem !== null) fail(problem);
}

/**
 * Thread local through which a caller whose nodes know their source in its own terms (data values:
 * files and command-line flags) tells overlays how to place a node, as `(node) => "FILE:N"`.
 */
export const OVERLAY_POSITION = 'ytt.overlay.position';

/** A node's position as ytt writes it in overlay errors: `FILE:N` (`?` when it has no line). */
function where(thread: Thread, n: YNode): string {
  const at = thread.locals.get(OVERLAY_POSITION) as ((n: YNode) => string) | undefined;
  if (at) return at(n);
  // a file's first document needs no `---`: ytt places it on line 1
  const line = n.line ?? (n instanceof YDoc && n.file !== null ? 1 : null);
  if (line === null) return '?';
  return n.file ? `${n.file}:${line}` : `${line}`;
}

/** Runs `f` with `prefix` before its error, as ytt names the overlay node that failed. */
function naming<T>(prefix: () => string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof StarError) throw new StarError(`${prefix()}: ${e.message}`);
    throw e;
  }
}

/** ytt's name for the type of a node value, as in "Expected map, but was integer". */
export function yamlTypeName(v: NodeValue): string {
  if (v instanceof YMap) return 'map';
  if (v instanceof YArray) return 'array';
  if (v instanceof YDocSet) return 'document set';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'boolean';
    case 'number': case 'bigint': return 'integer';
    default: return 'float';
  }
}

function applyValue(thread: Thread, left: NodeValue, right: NodeValue, parentDefaults: Opts['childDefaults']): NodeValue {
  // as ytt: a null on the left is replaced; a map or array on the right needs one on the left
  if (right instanceof YMap && left !== null) {
    if (!(left instanceof YMap)) fail(`Expected map, but was ${yamlTypeName(left)}`);
    applyMap(thread, left, right, parentDefaults);
    return left;
  }
  if (right instanceof YArray && left !== null) {
    if (!(left instanceof YArray)) fail(`Expected array, but was ${yamlTypeName(left)}`);
    applyArray(thread, left, right, parentDefaults);
    return left;
  }
  if (right instanceof YDocSet && left instanceof YDocSet) {
    applyDocSet(thread, [left], right);
    return left;
  }
  return deepCopy(right);
}

function applyMap(thread: Thread, left: YMap, right: YMap, defaults: Opts['childDefaults']): void {
  for (const ri of right.items) {
    naming(() => `Map item (key '${goKeyString(ri.key)}') on line ${where(thread, ri)}`, () => {
      const o = opts(ri, defaults);
      const matches = left.items.filter((li, i) =>
        o.by ? o.by(thread, i, new YMap([li]), new YMap([ri])) : equals(li.key as Value, ri.key as Value));
      if (o.action === 'insert' || o.action === 'append') {
        left.items.push(deepCopy(ri));
        return;
      }
      checkExpects(thread, o, matches);
      if (matches.length === 0) {
        if (o.action === 'merge' || (o.action === 'replace' && o.orAdd)) left.items.push(deepCopy(ri));
        return;
      }
      for (const li of matches) {
        if (o.action === 'remove') left.items.splice(left.items.indexOf(li), 1);
        else if (o.action === 'replace') left.items[left.items.indexOf(li)] = replacedItem(thread, o, li, ri);
        else if (o.action === 'merge') mergeInto(thread, li, ri, o);
      }
    });
  }
}

/** Merges `right`'s value into `left`'s; a value replaced outright takes its position from `right` (as ytt). */
function mergeInto(thread: Thread, left: YMapItem | YArrayItem, right: YMapItem | YArrayItem, o: Opts): void {
  const v = applyValue(thread, left.value, right.value, o.childDefaults);
  if (v === left.value) return;
  left.value = suppliedBy(left, right, v);
  left.line = right.line;
  left.file = right.file;
}

/** A replaced item is the right-hand item (its annotations and position) holding the new value, as in ytt. */
function replacedItem<T extends YMapItem | YArrayItem>(thread: Thread, o: Opts, left: T, right: T): T {
  const value = replaced(thread, o, left.value, right.value);
  const item = (right instanceof YMapItem ? new YMapItem(right.key, value) : new YArrayItem(value)) as T;
  item.line = right.line;
  item.file = right.file;
  item.annotations = right.annotations;
  return suppliedBy(item, right, item);
}

/** A value the overlay supplied is located where the overlay wrote it (positions, see NodeSource). */
function suppliedBy<T>(left: YNode, right: YNode, value: T): T {
  if (right.src !== undefined) left.src = right.src;
  return value;
}

/** A merge supplied the value unless it went into the left collection itself. */
function mergedInto(left: YMapItem | YArrayItem | YDoc, right: YNode, value: NodeValue): NodeValue {
  return value === left.value ? value : suppliedBy(left, right, value);
}

function replaced(thread: Thread, o: Opts, left: NodeValue, right: NodeValue): NodeValue {
  if (o.replaceVia) return starlarkToNode(callValue(thread, o.replaceVia, [nodeToStarlark(left), nodeToStarlark(right)], []));
  return deepCopy(right);
}

function requireMatch(o: Opts, what: string): Matcher {
  if (!o.hasMatch) fail(`Expected ${what} to have 'overlay/match' annotation`);
  if (o.matchKwargs === 0) fail("Expected 'overlay/match' annotation to have at least one keyword argument (by=..., expects=...)");
  if (!o.by) fail("Expected 'overlay/match' annotation keyword argument 'by' to be specified");
  return o.by;
}

function applyArray(thread: Thread, left: YArray, right: YArray, defaults: Opts['childDefaults']): void {
  for (const ri of right.items) {
    naming(() => `Array item on line ${where(thread, ri)}`, () => {
      const o = opts(ri, defaults);
      if (o.action === 'append') {
        left.items.push(deepCopy(ri));
        return;
      }
      // an array item without overlay/match expects no match (so a merge appends it)
      let matches: YArrayItem[] = [];
      if (o.hasMatch) {
        const by = requireMatch(o, 'array item');
        matches = left.items.filter((li, i) => by(thread, i, li.value, ri.value));
        checkExpects(thread, o, matches);
      }
      if (matches.length === 0 && o.action === 'merge') {
        left.items.push(deepCopy(ri));
        return;
      }
      for (const li of matches) {
        if (o.action === 'remove') left.items.splice(left.items.indexOf(li), 1);
        else if (o.action === 'replace') left.items[left.items.indexOf(li)] = replacedItem(thread, o, li, ri);
        else if (o.action === 'merge') mergeInto(thread, li, ri, o);
        else if (o.action === 'insert') left.items.splice(left.items.indexOf(li) + (o.insertAfter ? 1 : 0), 0, deepCopy(ri));
      }
    });
  }
}

/**
 * Applies the documents of `right` to documents spread over several document sets (one per file, as
 * ytt keeps them when it overlays a whole run): matches count across all of them, inserted
 * documents go next to the one they were matched with, appended ones to the end of the last set.
 */
function applyDocSet(thread: Thread, lefts: YDocSet[], right: YDocSet): void {
  for (const rd of right.docs) {
    if (rd.value === null && rd.annotations.length === 0) continue;
    naming(() => `Document on line ${where(thread, rd)}`, () => {
      const o = opts(rd, {});
      if (o.action === 'append') {
        lefts[lefts.length - 1]?.docs.push(deepCopy(rd));
        return;
      }
      if (o.matchKwargs === 0) fail("Expected 'overlay/match' annotation to have at least one keyword argument (by=..., expects=...)");
      const by = o.by;
      if (!by) fail("Expected 'overlay/match' annotation keyword argument 'by'  to be specified");
      const matches: [YDocSet, YDoc][] = [];
      let index = 0;
      for (const left of lefts) for (const ld of left.docs) if (by(thread, index++, ld.value, rd.value)) matches.push([left, ld]);
      checkExpects(thread, o, matches.map(([, ld]) => ld));
      for (const [left, ld] of matches) {
        const at = left.docs.indexOf(ld);
        if (o.action === 'remove') left.docs.splice(at, 1);
        else if (o.action === 'replace') ld.value = suppliedBy(ld, rd, replaced(thread, o, ld.value, rd.value));
        else if (o.action === 'merge') ld.value = mergedInto(ld, rd, applyValue(thread, ld.value, rd.value, o.childDefaults));
        else if (o.action === 'insert') left.docs.splice(at + (o.insertAfter ? 1 : 0), 0, deepCopy(rd));
      }
    });
  }
}

export const overlayModule = module('overlay', {
  apply: (thread, args) => {
    if (args.length < 1) fail('overlay.apply: expected at least one argument');
    let left = starlarkToNode(args[0]!);
    for (const r of args.slice(1)) {
      const right = starlarkToNode(r);
      left = applyValue(thread, left, right, {});
    }
    if (left instanceof YMap || left instanceof YArray || left instanceof YDocSet) return new Fragment(left);
    return nodeToStarlarkPlain(left, false);
  },
  subset: (_t, args) => {
    if (args.length !== 1) fail('overlay.subset: expected exactly one argument');
    const expected = starlarkToNode(args[0]!);
    return mkMatcher('overlay.subset_matcher', (_th, _i, left) => subsetMatch(expected, left));
  },
  all: mkMatcher('overlay.all', () => true),
  map_key: (_t, args) => {
    if (args.length !== 1 || typeof args[0] !== 'string') fail('expected exactly one string argument');
    return mkMatcher('overlay.map_key_matcher', mapKeyMatcher(args[0]));
  },
  index: (_t, args) => {
    const want = args[0];
    return mkMatcher('overlay.index_matcher', (_th, i) => i === want);
  },
  and_op: (_t, args) => {
    const ms = args.map(toMatcher);
    return mkMatcher('overlay.and_op', (th, i, l, r) => ms.every((m) => m(th, i, l, r)));
  },
  or_op: (_t, args) => {
    const ms = args.map(toMatcher);
    return mkMatcher('overlay.or_op', (th, i, l, r) => ms.some((m) => m(th, i, l, r)));
  },
  not_op: (_t, args) => {
    const m = toMatcher(args[0]!);
    return mkMatcher('overlay.not_op', (th, i, l, r) => !m(th, i, l, r));
  },
});


/** Applies overlay documents (those annotated `overlay/match`) to the document sets of a run's files, in place. */
export function applyOverlayDocs(thread: Thread, bases: YDocSet[], overlays: YDoc[]): void {
  applyDocSet(thread, bases, new YDocSet(overlays));
}

/**
 * Overlays one document onto another as ytt merges data values (and schema) documents: the
 * right document always matches the left one, and its annotations on items decide the rest.
 * Throws StarError naming the nodes, as ytt (see OVERLAY_POSITION for their positions).
 */
export function overlayDocument(thread: Thread, left: YDoc, right: YDoc): void {
  naming(() => `Document on line ${where(thread, right)}`, () => {
    const replace = left.value === null || right.annotations.some((a) => a.name === 'overlay/replace');
    left.value = replace ? deepCopy(right.value) : applyValue(thread, left.value, right.value, {});
  });
}
