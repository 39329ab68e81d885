// Starlark values.
//
// Representation:
//   None   -> null           bool  -> boolean        string -> string
//   int    -> number when it is a safe integer, bigint otherwise (always normalised)
//   float  -> Float           list  -> List           tuple  -> Tuple
//   dict   -> Dict            functions -> StarFunction / Builtin
//   anything else (struct, module, ytt fragments, ...) -> subclasses of StarObject
import type { FuncDef } from '../syntax/ast.js';
import type { Pos } from '../syntax/scanner.js';
import { formatFloat } from '../../../util/go-float.js';

export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | Float
  | List
  | Tuple
  | Dict
  | StarFunction
  | Builtin
  | StarObject;

/** An error raised while evaluating; position info is attached by the interpreter. */
export class StarError extends Error {
  constructor(msg: string) {
    super(msg);
  }
}

export function fail(msg: string): never {
  throw new StarError(msg);
}

export class Float {
  constructor(public readonly v: number) {}
}

/**
 * The thread a run's large values are charged to (see chargeItems), set by the engine for the
 * length of a run: a list or tuple of n items costs n × ITEM_STEPS steps, so the step
 * budget bounds memory as well as time (`[list(range(10**7)) for i in range(100)]`).
 */
let budgetThread: Thread | null = null;

/** Makes `thread` the one large values are charged to; returns the previous one, to restore. */
export function chargeTo(thread: Thread | null): Thread | null {
  const previous = budgetThread;
  budgetThread = thread;
  return previous;
}

/**
 * Steps an item of a list or tuple built (or 16 characters of a string) costs: building is cheap,
 * but memory must stay bounded (a budget of 100,000,000 steps allows 20,000,000 items).
 */
export const ITEM_STEPS = 5;

/** Charges ITEM_STEPS steps an item for `n` items (or 16-character units) built. */
export function chargeItems(n: number): void {
  if (n === 0 || budgetThread === null) return;
  budgetThread.steps += n * ITEM_STEPS;
  if (budgetThread.steps > budgetThread.maxSteps) fail(`Starlark computation cancelled: too many steps (limit ${budgetThread.maxSteps})`);
}

/**
 * Charges `n` steps, however few: for walks over values (str, repr, ==, `in`, conversion to YAML
 * nodes, json/yaml encoding), whose cost is the number of items visited, not the size of the value
 * in memory. A list holding the same inner list 5,000 times is small, but printing it visits
 * 25,000,000 items; the step budget, not the heap, must stop that.
 */
export function chargeSteps(n: number): void {
  if (budgetThread === null) return;
  budgetThread.steps += n;
  if (budgetThread.steps > budgetThread.maxSteps) fail(`Starlark computation cancelled: too many steps (limit ${budgetThread.maxSteps})`);
}

export class List {
  declare frozen: boolean;
  declare iterating: number;
  constructor(public items: Value[]) {
    this.frozen = false;
    this.iterating = 0;
    chargeItems(items.length);
  }
  checkMutable(verb: string): void {
    if (this.frozen) fail(`cannot ${verb} frozen list`);
    if (this.iterating > 0) fail(`cannot ${verb} list during iteration`);
  }
}

export class Tuple {
  constructor(public readonly items: Value[]) {
    chargeItems(items.length);
  }
}

export class Dict {
  declare frozen: boolean;
  declare iterating: number;
  declare readonly map: Map<string, [Value, Value]>;
  constructor() {
    this.frozen = false;
    this.iterating = 0;
    this.map = new Map();
  }
  get size(): number {
    return this.map.size;
  }
  get(k: Value): Value | undefined {
    const e = this.map.get(hashKey(k));
    return e ? e[1] : undefined;
  }
  set(k: Value, v: Value): void {
    const h = hashKey(k);
    const e = this.map.get(h);
    if (e) e[1] = v;
    else this.map.set(h, [k, v]);
  }
  checkMutable(verb: string): void {
    if (this.frozen) fail(`cannot ${verb} frozen hash table`);
    if (this.iterating > 0) fail(`cannot ${verb} hash table during iteration`);
  }
  keys(): Value[] {
    return Array.from(this.map.values(), (e) => e[0]);
  }
  entries(): [Value, Value][] {
    return Array.from(this.map.values());
  }
}

export type Kwargs = [string, Value][];

export type BuiltinFn = (thread: Thread, args: Value[], kwargs: Kwargs, self: Builtin) => Value;

export class Builtin {
  constructor(
    public readonly name: string,
    public readonly fn: BuiltinFn,
    public readonly recv?: Value,
  ) {}
  bind(recv: Value): Builtin {
    return new Builtin(this.name, this.fn, recv);
  }
}

/** Closure environment: one array of slots per function/comprehension scope. */
export interface Env {
  slots: (Value | undefined)[];
  parent: Env | null;
}

export interface ModuleState {
  name: string; // file name (for error positions)
  globals: (Value | undefined)[];
  globalNames: string[];
  predeclared: Map<string, Value>;
}

export class StarFunction {
  frozen = false;
  constructor(
    public readonly def: FuncDef,
    public readonly env: Env | null,
    public readonly defaults: (Value | undefined)[],
    public readonly module: ModuleState,
  ) {}
  get name(): string {
    return this.def.name;
  }
}

/** Base for host-defined value types (struct, module, fragments, ...). */
export abstract class StarObject {
  abstract typeName(): string;
  str(): string {
    return `<${this.typeName()}>`;
  }
  truth(): boolean {
    return true;
  }
  /** attribute lookup; undefined when missing */
  attr?(name: string): Value | undefined;
  attrNames?(): string[];
  /** mapping lookup: undefined when missing */
  getKey?(k: Value): Value | undefined;
  /** iteration (keys for mappings) */
  iterate?(): Value[];
  len?(): number;
  /** same as len (for subclasses that use a `len` field) */
  len_?(): number;
  /** positional indexing for sequence-like objects (index already normalised) */
  index?(i: number): Value;
  /** membership test (`x in obj`) */
  contains?(v: Value): boolean;
  /** items for mapping-like values (used by dict.update and conversions) */
  items?(): [Value, Value][];
  hashable(): boolean {
    return false;
  }
  equals?(o: Value): boolean;
}

// --- thread ---------------------------------------------------------------

export interface FrameInfo {
  name: string;
  file: string;
  pos: Pos | null; // current position inside the frame (null for builtins)
}

export class Thread {
  steps = 0;
  depth = 0;
  stack: FrameInfo[] = [];
  locals = new Map<string, unknown>();
  constructor(
    public maxSteps: number,
    public maxDepth: number,
  ) {}
  print: (msg: string) => void = () => {};
  load: (module: string, from: FrameInfo | undefined) => Map<string, Value> = (m) => fail(`cannot load ${m}`);
}

// --- basic operations -----------------------------------------------------

export function isInt(v: Value): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

export function normInt(b: bigint): number | bigint {
  if (b >= -9007199254740991n && b <= 9007199254740991n) return Number(b);
  return b;
}

export function typeName(v: Value): string {
  if (v === null) return 'NoneType';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'number': case 'bigint': return 'int';
    case 'string': return 'string';
    default: break;
  }
  if (v instanceof Float) return 'float';
  if (v instanceof List) return 'list';
  if (v instanceof Tuple) return 'tuple';
  if (v instanceof Dict) return 'dict';
  if (v instanceof StarFunction) return 'function';
  if (v instanceof Builtin) return 'builtin_function_or_method';
  return v.typeName();
}

export function truth(v: Value): boolean {
  if (v === null) return false;
  switch (typeof v) {
    case 'boolean': return v;
    case 'number': return v !== 0;
    case 'bigint': return v !== 0n;
    case 'string': return v.length > 0;
    default: break;
  }
  if (v instanceof Float) return v.v !== 0;
  if (v instanceof List || v instanceof Tuple) return v.items.length > 0;
  if (v instanceof Dict) return v.size > 0;
  if (v instanceof StarFunction || v instanceof Builtin) return true;
  return v.truth();
}

export function hashKey(v: Value): string {
  if (v === null) return 'n';
  switch (typeof v) {
    case 'string': return 's' + v;
    case 'number': return 'i' + v;
    case 'bigint': return 'i' + v.toString();
    case 'boolean': return v ? 'b1' : 'b0';
    default: break;
  }
  if (v instanceof Float) {
    if (Number.isInteger(v.v)) return 'i' + BigInt(v.v).toString();
    return 'f' + v.v;
  }
  if (v instanceof Tuple) {
    chargeSteps(v.items.length);
    return 't' + v.items.length + '(' + v.items.map((x) => { const h = hashKey(x); return h.length + ':' + h; }).join('') + ')';
  }
  if (v instanceof StarFunction) return 'F' + fnId(v);
  if (v instanceof Builtin) return 'B' + fnId(v);
  if (v instanceof StarObject && v.hashable()) return 'O' + fnId(v);
  fail(`unhashable type: ${typeName(v)}`);
}

const ids = new WeakMap<object, number>();
let nextId = 1;
function fnId(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}

// --- string conversion ----------------------------------------------------

export function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\v': out += '\\v'; continue;
      default: break;
    }
    if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/**
 * str() of a float. ytt's starlark-go fork predates upstream's float formatting overhaul and
 * prints floats as Go's strconv.FormatFloat(f, 'g', 6, 64): 1.0 -> "1", 1e6 -> "1e+06".
 */
export function floatStr(f: number): string {
  return formatFloat(f, 'g', 6);
}

export function str(v: Value): string {
  if (typeof v === 'string') return v;
  return repr(v);
}

export function repr(v: Value, seen: Set<unknown> = new Set()): string {
  if (v === null) return 'None';
  switch (typeof v) {
    case 'boolean': return v ? 'True' : 'False';
    case 'number': return String(v);
    case 'bigint': return v.toString();
    case 'string': return quote(v);
    default: break;
  }
  if (v instanceof Float) return floatStr(v.v);
  if (v instanceof List) {
    if (seen.has(v)) return '[...]';
    chargeSteps(v.items.length + 1);
    seen.add(v);
    const s = '[' + v.items.map((x) => repr(x, seen)).join(', ') + ']';
    seen.delete(v);
    return s;
  }
  if (v instanceof Tuple) {
    chargeSteps(v.items.length + 1);
    if (v.items.length === 1) return '(' + repr(v.items[0]!, seen) + ',)';
    return '(' + v.items.map((x) => repr(x, seen)).join(', ') + ')';
  }
  if (v instanceof Dict) {
    if (seen.has(v)) return '{...}';
    chargeSteps(v.size + 1);
    seen.add(v);
    const s = '{' + v.entries().map(([k, x]) => repr(k, seen) + ': ' + repr(x, seen)).join(', ') + '}';
    seen.delete(v);
    return s;
  }
  if (v instanceof StarFunction) return `<function ${v.name}>`;
  if (v instanceof Builtin) {
    if (v.recv !== undefined) return `<built-in method ${v.name} of ${typeName(v.recv)} value>`;
    return `<built-in function ${v.name}>`;
  }
  return v.str();
}

// --- equality and ordering -----------------------------------------------

export function equals(a: Value, b: Value, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 1000) fail('comparison exceeded maximum recursion depth');
  if (a === null || b === null) return false;
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === 'number' || ta === 'bigint') && (tb === 'number' || tb === 'bigint')) {
    if (ta === 'number' && tb === 'number') return false; // a !== b; ints are normalised
    return BigInt(a as number | bigint) === BigInt(b as number | bigint);
  }
  if (a instanceof Float || b instanceof Float) {
    const x = numVal(a);
    const y = numVal(b);
    if (x === undefined || y === undefined) return false;
    return x === y;
  }
  if (ta !== 'object' || tb !== 'object') return false;
  if (a instanceof List && b instanceof List) return seqEq(a.items, b.items, depth);
  if (a instanceof Tuple && b instanceof Tuple) return seqEq(a.items, b.items, depth);
  if (a instanceof Dict && b instanceof Dict) {
    if (a.size !== b.size) return false;
    chargeSteps(a.size);
    for (const [h, [, v]] of a.map) {
      const e = b.map.get(h);
      if (!e || !equals(v, e[1], depth + 1)) return false;
    }
    return true;
  }
  if (a instanceof StarObject && a.equals) return a.equals(b);
  return false;
}

function seqEq(x: Value[], y: Value[], depth: number): boolean {
  if (x.length !== y.length) return false;
  chargeSteps(x.length);
  for (let i = 0; i < x.length; i++) if (!equals(x[i]!, y[i]!, depth + 1)) return false;
  return true;
}

function numVal(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Float) return v.v;
  return undefined;
}

/** Three-way comparison for ordered types; throws for unordered combinations. */
export function compare(op: string, a: Value, b: Value, depth = 0): number {
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === 'number' || ta === 'bigint') && (tb === 'number' || tb === 'bigint')) {
    if (ta === 'number' && tb === 'number') return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    const x = BigInt(a as number | bigint);
    const y = BigInt(b as number | bigint);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if ((a instanceof Float || ta === 'number' || ta === 'bigint') && (b instanceof Float || tb === 'number' || tb === 'bigint')) {
    const x = numVal(a)!;
    const y = numVal(b)!;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (ta === 'string' && tb === 'string') return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  if (ta === 'boolean' && tb === 'boolean') return Number(a) - Number(b);
  if ((a instanceof List && b instanceof List) || (a instanceof Tuple && b instanceof Tuple)) {
    const x = a.items;
    const y = (b as List | Tuple).items;
    chargeSteps(Math.min(x.length, y.length));
    for (let i = 0; i < x.length && i < y.length; i++) {
      if (!equals(x[i]!, y[i]!, depth + 1)) return compare(op, x[i]!, y[i]!, depth + 1);
    }
    return x.length - y.length;
  }
  if (a === null && b === null) fail(`${typeName(a)} ${op} ${typeName(b)} not implemented`);
  fail(`${typeName(a)} ${op} ${typeName(b)} not implemented`);
}

// --- iteration and length ------------------------------------------------

export function iterate(v: Value): Value[] {
  if (v instanceof List) return v.items;
  if (v instanceof Tuple) return v.items;
  if (v instanceof Dict) return v.keys();
  if (v instanceof StarObject && v.iterate) return v.iterate();
  fail(`${typeName(v)} value is not iterable`);
}

export function isIterable(v: Value): boolean {
  return v instanceof List || v instanceof Tuple || v instanceof Dict || (v instanceof StarObject && v.iterate !== undefined);
}

export function length(v: Value): number | undefined {
  if (typeof v === 'string') return utf8Len(v);
  if (v instanceof List || v instanceof Tuple) return v.items.length;
  if (v instanceof Dict) return v.size;
  if (v instanceof StarObject) {
    if (v.len_) return v.len_();
    if (typeof v.len === 'function') return v.len();
  }
  return undefined;
}

export function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function freeze(v: Value): void {
  if (v instanceof List) {
    if (v.frozen) return;
    v.frozen = true;
    for (const x of v.items) freeze(x);
  } else if (v instanceof Dict) {
    if (v.frozen) return;
    v.frozen = true;
    for (const [k, x] of v.map.values()) {
      freeze(k);
      freeze(x);
    }
  } else if (v instanceof Tuple) {
    for (const x of v.items) freeze(x);
  } else if (v instanceof StarFunction) {
    v.frozen = true;
  }
}
