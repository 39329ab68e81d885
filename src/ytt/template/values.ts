// ytt's Starlark value types (struct, module, yamlfragment) and the conversions
// between Starlark values, YAML nodes and plain JS values.
import {
  Builtin, Dict, Float, List, StarFunction, StarObject, Tuple, chargeItems, chargeSteps, equals, fail, repr, typeName,
} from '../starlark/eval/values.js';
import type { Value } from '../starlark/eval/values.js';
import { YArray, YArrayItem, YDoc, YDocSet, YMap, YMapItem, YNode, chargeCopy, deepCopy } from './nodes.js';
import type { NodeValue, Scalar } from './nodes.js';
import { YamlFloat } from '../../yaml/index.js';
import { NODE_STEPS } from './nodes.js';

/** ytt struct: ordered string-keyed fields; attribute and index access. */
export class Struct extends StarObject {
  constructor(public readonly fields: Map<string, Value>) {
    super();
  }
  typeName(): string {
    return 'struct';
  }
  override str(): string {
    return 'struct(...)';
  }
  override truth(): boolean {
    return this.fields.size > 0;
  }
  override attr(name: string): Value | undefined {
    return this.fields.get(name);
  }
  override attrNames(): string[] {
    return Array.from(this.fields.keys());
  }
  override getKey(k: Value): Value | undefined {
    if (typeof k !== 'string') fail(`expected string, but was ${typeName(k)}`);
    return this.fields.get(k);
  }
  override iterate(): Value[] {
    return Array.from(this.fields.keys());
  }
  override len(): number {
    return this.fields.size;
  }
  override items(): [Value, Value][] {
    return Array.from(this.fields.entries());
  }
}

/** A loaded module (e.g. `@ytt:yaml`). */
export class Module extends StarObject {
  constructor(
    public readonly name: string,
    public readonly members: Map<string, Value>,
  ) {
    super();
  }
  typeName(): string {
    return 'module';
  }
  override str(): string {
    return `<module "${this.name}">`;
  }
  override attr(name: string): Value | undefined {
    return this.members.get(name);
  }
  override attrNames(): string[] {
    return Array.from(this.members.keys());
  }
}

/** Returned by template.replace(); setting it as a node value is a no-op. */
export class Noop extends StarObject {
  typeName(): string {
    return 'NoneType';
  }
  override str(): string {
    return 'None';
  }
  override truth(): boolean {
    return false;
  }
}

/** A YAML fragment (what a def with YAML nodes in its body returns). */
export class Fragment extends StarObject {
  constructor(public readonly node: YMap | YArray | YDocSet | null) {
    super();
  }
  typeName(): string {
    return 'yamlfragment';
  }
  override str(): string {
    // Go's %T of the node, as ytt prints it
    const n = this.node;
    return `yamlfragment(${n instanceof YMap ? '*yamlmeta.Map' : n instanceof YArray ? '*yamlmeta.Array' : n instanceof YDocSet ? '*yamlmeta.DocumentSet' : '<nil>'})`;
  }
  override truth(): boolean {
    return this.node !== null;
  }
  override getKey(k: Value): Value | undefined {
    const n = this.node;
    if (n instanceof YMap) {
      for (const it of n.items) if (equals(it.key, k)) return nodeToStarlark(it.value);
      return undefined;
    }
    if (n instanceof YArray || n instanceof YDocSet) {
      // arrays and document sets are looked up by index (so `i in fragment` tests the index)
      if (typeof k !== 'number') return undefined;
      const arr = n instanceof YArray ? n.items : n.docs;
      let i = k;
      if (i < 0) i += arr.length;
      if (i < 0 || i >= arr.length) return undefined;
      return nodeToStarlark(arr[i]!.value);
    }
    return undefined;
  }
  override iterate(): Value[] {
    const n = this.node;
    if (n instanceof YMap) return n.items.map((it) => it.key as Value);
    if (n instanceof YArray) return n.items.map((it) => nodeToStarlark(it.value));
    if (n instanceof YDocSet) return n.docs.map((d) => nodeToStarlark(d.value));
    return [];
  }
  override len(): number {
    const n = this.node;
    if (n instanceof YMap) return n.items.length;
    if (n instanceof YArray) return n.items.length;
    if (n instanceof YDocSet) return n.docs.length;
    return 0;
  }
  override items(): [Value, Value][] {
    const n = this.node;
    if (n instanceof YMap) return n.items.map((it) => [it.key as Value, nodeToStarlark(it.value)]);
    if (n === null) return [];
    fail(`yamlfragment of ${n.kind} has no items`);
  }
}

/** YAML node value -> Starlark value (maps/arrays stay fragments). */
export function nodeToStarlark(v: NodeValue): Value {
  if (v instanceof YMap || v instanceof YArray || v instanceof YDocSet) return new Fragment(v);
  return v as Scalar;
}

/** Go type names used in some ytt messages. */
export function goTypeName(v: Value): string {
  if (v === null) return '<nil>';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'int64';
  if (typeof v === 'string') return 'string';
  if (v instanceof Float) return 'float64';
  if (v instanceof Dict || v instanceof Struct) return '*orderedmap.Map';
  if (v instanceof List || v instanceof Tuple) return '[]interface {}';
  if (v instanceof Fragment) {
    const n = v.node;
    if (n instanceof YMap) return '*yamlmeta.Map';
    if (n instanceof YArray) return '*yamlmeta.Array';
    if (n instanceof YDocSet) return '*yamlmeta.DocumentSet';
    return '<nil>';
  }
  return typeName(v);
}

/** Starlark value -> YAML node value (ytt's AsGoValue). Charged NODE_STEPS steps for each map or array item made. */
export function starlarkToNode(v: Value): NodeValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string') return v;
  if (v instanceof Float) return v;
  if (v instanceof Fragment) return v.node ? deepCopy(v.node) : null;
  if (v instanceof Dict) {
    chargeSteps(NODE_STEPS * (v.size + 1));
    const m = new YMap();
    for (const [k, x] of v.entries()) m.items.push(new YMapItem(keyToScalar(k), starlarkToNode(x)));
    return m;
  }
  if (v instanceof Struct) {
    chargeSteps(NODE_STEPS * (v.fields.size + 1));
    const m = new YMap();
    for (const [k, x] of v.fields) m.items.push(new YMapItem(k, starlarkToNode(x)));
    return m;
  }
  if (v instanceof List || v instanceof Tuple) {
    chargeSteps(NODE_STEPS * (v.items.length + 1));
    const a = new YArray();
    for (const x of v.items) a.items.push(new YArrayItem(starlarkToNode(x)));
    return a;
  }
  if (v instanceof Noop) return null;
  if (v instanceof StarFunction || v instanceof Builtin) {
    fail(`Unable to convert value: ${typeName(v)} does not encode (did you mean to call ${v.name}()?)`);
  }
  fail(`Unable to convert value: ${repr(v)} (${typeName(v)})`);
}

/**
 * starlarkToNode for callers that only read the result (encoders): a fragment's own nodes, not a
 * copy, charged the same steps as the copy.
 */
export function starlarkToNodeToRead(v: Value): NodeValue {
  if (!(v instanceof Fragment)) return starlarkToNode(v);
  if (v.node) chargeCopy(v.node);
  return v.node;
}

function keyToScalar(k: Value): Scalar {
  if (k === null || typeof k === 'boolean' || typeof k === 'number' || typeof k === 'bigint' || typeof k === 'string' || k instanceof Float) return k;
  if (k instanceof Tuple) fail('Unable to convert tuple key to a YAML map key');
  fail(`Unable to convert value: ${repr(k)}`);
}

const NOT_SCALAR = Symbol('not a scalar');

/**
 * A plain JS scalar as a Starlark/YAML scalar, or NOT_SCALAR. Plain values reach ytt as compact
 * JSON read as YAML: a whole number is an int when it fits an int64, and a float beyond (YAML
 * reads 100000000000000000000 as a float; from 1e21 on Go even prints it 1e+21).
 */
function plainScalar(v: unknown): Scalar | typeof NOT_SCALAR {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean': case 'string': case 'bigint':
      return v;
    case 'number':
      if (Number.isInteger(v) && v >= -(2 ** 63) && v < 2 ** 63) return Number.isSafeInteger(v) ? v : BigInt(v);
      return new Float(v);
    default:
      break;
  }
  if (v instanceof Float) return v;
  if (v instanceof YamlFloat) return new Float(v.value);
  return NOT_SCALAR;
}

/** Plain JS value (as given for data values) -> Starlark, maps becoming structs or dicts. */
export function plainToStarlark(v: unknown, mapsAsStructs: boolean): Value {
  const scalar = plainScalar(v);
  if (scalar !== NOT_SCALAR) return scalar;
  if (Array.isArray(v)) return new List(v.map((x) => plainToStarlark(x, mapsAsStructs)));
  if (v instanceof YNode) return plainToStarlark(nodeToPlainish(v), mapsAsStructs);
  const entries: [unknown, unknown][] = v instanceof Map ? Array.from(v.entries()) : Object.entries(v as object);
  if (mapsAsStructs) {
    const f = new Map<string, Value>();
    for (const [k, x] of entries) f.set(String(k), plainToStarlark(x, true));
    return new Struct(f);
  }
  const d = new Dict();
  for (const [k, x] of entries) d.set(plainToStarlark(k, false), plainToStarlark(x, false));
  return d;
}

/**
 * A data value converted once for many runs (one owner's values, given to each of its templates).
 * Maps are structs, which no template can change; lists can change (`data.values.x.append(1)`
 * works in ytt), so a run shares the converted value only when its code cannot change a list
 * (mayChangeLists), and converts the plain value for itself otherwise. Either way the run gets
 * the values, and is charged the steps, that plainToStarlark(plain, true) gives it.
 */
export class SharedDataValue {
  private value: Value | undefined;
  /** The items of all its lists: what building them costs a run (List charges them). */
  private items = 0;
  constructor(readonly plain: unknown) {}
  forRun(shareable: boolean): Value {
    if (!shareable) return plainToStarlark(this.plain, true);
    if (this.value === undefined) {
      const value = plainToStarlark(this.plain, true);
      this.items = listItems(value);
      this.value = value;
      return value;
    }
    chargeItems(this.items);
    return this.value;
  }
}

function listItems(v: Value): number {
  if (v instanceof List) {
    let n = v.items.length;
    for (const x of v.items) n += listItems(x);
    return n;
  }
  if (v instanceof Struct) {
    let n = 0;
    for (const x of v.fields.values()) n += listItems(x);
    return n;
  }
  return 0;
}

/** YAML node value -> Starlark with maps as dicts (or structs), arrays as lists (yaml.decode / data values). */
export function nodeToStarlarkPlain(v: NodeValue | YNode, mapsAsStructs: boolean): Value {
  if (v instanceof YMap) {
    chargeSteps(v.items.length + 1);
    if (mapsAsStructs) {
      const f = new Map<string, Value>();
      for (const it of v.items) f.set(String(it.key), nodeToStarlarkPlain(it.value, true));
      return new Struct(f);
    }
    const d = new Dict();
    for (const it of v.items) d.set(it.key as Value, nodeToStarlarkPlain(it.value, false));
    return d;
  }
  if (v instanceof YArray) {
    chargeSteps(v.items.length + 1);
    return new List(v.items.map((it) => nodeToStarlarkPlain(it.value, mapsAsStructs)));
  }
  if (v instanceof YDocSet) return new List(v.docs.map((d) => nodeToStarlarkPlain(d.value, mapsAsStructs)));
  if (v instanceof YDoc || v instanceof YMapItem || v instanceof YArrayItem) return nodeToStarlarkPlain(v.value, mapsAsStructs);
  return v as Scalar;
}

function nodeToPlainish(v: YNode): unknown {
  if (v instanceof YMap) return new Map(v.items.map((it) => [it.key, it.value instanceof YNode ? nodeToPlainish(it.value) : it.value]));
  if (v instanceof YArray) return v.items.map((it) => (it.value instanceof YNode ? nodeToPlainish(it.value) : it.value));
  return null;
}

/** Plain JS -> YAML node value. */
export function plainToNode(v: unknown): NodeValue {
  const scalar = plainScalar(v);
  if (scalar !== NOT_SCALAR) return scalar;
  if (v instanceof YNode) return v as YMap;
  if (Array.isArray(v)) return new YArray(v.map((x) => new YArrayItem(plainToNode(x))));
  const entries: [unknown, unknown][] = v instanceof Map ? Array.from(v.entries()) : Object.entries(v as object);
  return new YMap(entries.map(([k, x]) => new YMapItem(plainToNode(k) as Scalar, plainToNode(x))));
}
