// Evaluates a parsed template against a Go value with client-go's FindResults semantics:
// one result list per top-level node, `{range}`/`{end}` expansion, and every quirk of the
// walkers (out-of-range indexes are errors, stepping through nil finds nothing, a nil slice
// is filtered to nothing but indexing it is out of range, and so on).
//
// Errors carry the value client-go would have returned alongside them, because an existence
// filter (`[?(@.a[5])]`) ignores the error but not that value.

import { compareItems } from './compare.js';
import { JsonPathError } from './errors.js';
import {
  BOOL,
  FLOAT64,
  INT,
  STRING,
  UINT8,
  UNTYPED_NIL_POINTER,
  UNTYPED_NIL_SLICE,
  effectiveKind,
  formatValue,
  indirectType,
  typeName,
} from './kinds.js';
import type { Item, KindOptions } from './kinds.js';
import type { ArrayNode, FieldNode, FilterNode, JsonPathTemplate, ListNode, Node, UnionNode } from './nodes.js';
import { GoStruct, hasOwn, sortedKeys } from './value.js';
import type { GoField, GoMap, GoTypeInfo, GoValue } from './value.js';

export interface FindOptions {
  /** client-go's AllowMissingKeys: a missing map key or struct field yields nothing instead of `<field> is not found`. */
  readonly allowMissingKeys?: boolean;
  /**
   * How to type numbers that carry no Go type: `float64` (encoding/json into interface{}, the
   * default) or `unstructured` (apimachinery's unstructured decoding: integral numbers are int64).
   * Only filter comparisons and error messages can tell the difference.
   */
  readonly untypedNumbers?: 'float64' | 'unstructured';
}

/** An evaluation error plus what client-go returned with it. */
class EvalFailure extends JsonPathError {
  constructor(
    message: string,
    readonly partial: Item[],
  ) {
    super(message);
  }
}

function fail(message: string, partial: Item[]): never {
  throw new EvalFailure(message, partial);
}

const utf8 = new TextEncoder();

function item(v: GoValue, t: GoTypeInfo | undefined): Item {
  return { v, t };
}

function fieldType(f: GoField): GoTypeInfo | undefined {
  if (f.type !== undefined) return f.type;
  if (f.value === null) return f.pointer ? UNTYPED_NIL_POINTER : UNTYPED_NIL_SLICE;
  return undefined;
}

function elemType(dt: GoTypeInfo | undefined, kind: 'slice' | 'map'): GoTypeInfo | undefined {
  return dt !== undefined && dt.kind === kind ? dt.elem : undefined;
}

/** The children client-go's wildcard and recursive descent visit, in carto's (sorted) order. */
function children(v: GoValue, dt: GoTypeInfo | undefined, kind: string): Item[] {
  const out: Item[] = [];
  if (v === null) return out;
  switch (kind) {
    case 'struct':
      for (const f of (v as GoStruct).fields) out.push(item(f.value, fieldType(f)));
      break;
    case 'map': {
      const m = v as GoMap;
      const et = elemType(dt, 'map');
      for (const k of sortedKeys(m)) out.push(item(m[k]!, et));
      break;
    }
    case 'slice': {
      const et = elemType(dt, 'slice');
      for (const e of v as GoValue[]) out.push(item(e, et));
      break;
    }
    case 'string':
      // Go indexes strings by byte
      for (const b of utf8.encode(v as string)) out.push(item(b, UINT8));
      break;
  }
  return out;
}

class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;
  private readonly kindOpts: KindOptions;

  constructor(
    private readonly nodes: readonly Node[],
    private readonly allowMissingKeys: boolean,
    unstructuredNumbers: boolean,
  ) {
    this.kindOpts = { unstructuredNumbers };
  }

  findResults(offset: number, data: Item): Item[][] {
    const nodes = this.nodes;
    const cur = [data];
    const full: Item[][] = [];
    for (let i = offset; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]!);

      // an `{end}` closes the innermost range body
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) full.push(...this.findResults(i + 1, value));
        } else {
          // still walk the body so that its `{end}` is found
          this.findResults(i + 1, item(null, undefined));
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Item[], node: Node): Item[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [item(node.text, STRING)];
      case 'field':
        return this.evalField(input, node);
      case 'array':
        return this.evalArray(input, node);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => item(node.value, INT));
      case 'float':
        return input.map(() => item(node.value, FLOAT64));
      case 'bool':
        return input.map(() => item(node.value, BOOL));
      case 'wildcard':
        return this.evalWildcard(input);
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return this.evalUnion(input, node);
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Item[], node: ListNode): Item[] {
    let cur = input;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Item[], name: string): Item[] {
    switch (name) {
      case 'range':
        this.beginRange++;
        return input;
      case 'end':
        if (this.inRange > 0) {
          this.endRange++;
          return [];
        }
        return fail('not in range, nothing to end', []);
      default:
        return fail(`unrecognized identifier ${name}`, input);
    }
  }

  private evalField(input: Item[], node: FieldNode): Item[] {
    const results: Item[] = [];
    if (input.length === 0) return results;
    const name = node.name;
    for (const it of input) {
      const dt = indirectType(it.v, it.t);
      const kind = effectiveKind(it.v, dt, this.kindOpts);
      if (kind === 'struct') {
        const f = (it.v as GoStruct).field(name);
        if (f !== undefined) results.push(item(f.value, fieldType(f)));
      } else if (kind === 'map' && it.v !== null) {
        const m = it.v as GoMap;
        if (hasOwn(m, name)) results.push(item(m[name]!, elemType(dt, 'map')));
      }
    }
    if (results.length === 0 && !this.allowMissingKeys) fail(`${name} is not found`, results);
    return results;
  }

  private evalArray(input: Item[], node: ArrayNode): Item[] {
    const result: Item[] = [];
    for (const it of input) {
      const dt = indirectType(it.v, it.t);
      const kind = effectiveKind(it.v, dt, this.kindOpts);
      if (kind === 'nil') continue;
      if (kind !== 'slice') fail(`${typeName(it.v, dt, this.kindOpts)} is not array or slice`, input);
      const arr = (it.v ?? []) as GoValue[];
      const len = arr.length;
      const [p0, p1, p2] = node.params;
      let start = p0.known ? p0.value : 0;
      if (start < 0) start += len;
      let end = p1.known ? p1.value : len;
      if (end < 0 || (end === 0 && p1.derived)) end += len;
      if (end === start) return result; // an empty selection ends the whole step, as in client-go
      if (start >= len || start < 0) fail(`array index out of bounds: index ${start}, length ${len}`, input);
      if (end > len || end < 0) fail(`array index out of bounds: index ${end - 1}, length ${len}`, input);
      if (start > end) fail(`starting index ${start} is greater than ending index ${end}`, input);
      let step = 1;
      if (p2.known) {
        if (p2.value <= 0) fail('step must be > 0', input);
        step = p2.value;
      }
      const et = elemType(dt, 'slice');
      for (let i = start; i < end; i += step) result.push(item(arr[i]!, et));
    }
    return result;
  }

  private evalUnion(input: Item[], node: UnionNode): Item[] {
    const result: Item[] = [];
    for (const list of node.lists) {
      try {
        result.push(...this.evalList(input, list));
      } catch (e) {
        if (e instanceof EvalFailure) fail(e.message, input);
        throw e;
      }
    }
    return result;
  }

  private evalWildcard(input: Item[]): Item[] {
    const results: Item[] = [];
    for (const it of input) {
      const dt = indirectType(it.v, it.t);
      const kind = effectiveKind(it.v, dt, this.kindOpts);
      if (kind === 'nil') continue;
      results.push(...children(it.v, dt, kind));
    }
    return results;
  }

  private evalRecursive(input: Item[]): Item[] {
    const result: Item[] = [];
    for (const it of input) {
      const dt = indirectType(it.v, it.t);
      const kind = effectiveKind(it.v, dt, this.kindOpts);
      if (kind === 'nil') continue;
      // client-go counts a struct's fields even when it cannot look inside, so an opaque value
      // is listed itself; carto does not descend into its internals.
      if (kind === 'opaque') {
        result.push(item(it.v, dt));
        continue;
      }
      const kids = children(it.v, dt, kind);
      if (kids.length !== 0) {
        result.push(item(it.v, dt));
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(input: Item[], node: FilterNode): Item[] {
    const results: Item[] = [];
    for (const it of input) {
      const dt = indirectType(it.v, it.t);
      const kind = effectiveKind(it.v, dt, this.kindOpts);
      if (kind !== 'slice') {
        fail(`${formatValue(it.v, it.t, this.kindOpts)} is not array or slice and cannot be filtered`, input);
      }
      const arr = (it.v ?? []) as GoValue[];
      const et = elemType(dt, 'slice');
      for (const e of arr) {
        const element = item(e, et);
        const temp = [element];
        let lefts: Item[];
        let leftError: EvalFailure | undefined;
        try {
          lefts = this.evalList(temp, node.left);
        } catch (err) {
          if (!(err instanceof EvalFailure)) throw err;
          lefts = err.partial;
          leftError = err;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(element);
          continue;
        }
        if (leftError !== undefined) fail(leftError.message, input);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) fail('can only compare one element at a time', input);

        let rights: Item[];
        try {
          rights = this.evalList(temp, node.right);
        } catch (err) {
          if (err instanceof EvalFailure) fail(err.message, input);
          throw err;
        }
        if (rights.length === 0) continue;
        if (rights.length > 1) fail('can only compare one element at a time', input);

        let pass: boolean;
        try {
          pass = compareItems(node.operator, lefts[0]!, rights[0]!, this.kindOpts);
        } catch (err) {
          if (err instanceof JsonPathError) fail(err.message, results);
          throw err;
        }
        if (pass) results.push(element);
      }
    }
    return results;
  }
}

/**
 * client-go's FindResults: one list of values per top-level node of the template (text nodes
 * included), with `{range}` bodies expanded. Throws JsonPathError with client-go's message.
 */
export function findResults(template: JsonPathTemplate, data: GoValue, options?: FindOptions): GoValue[][] {
  const followed = followFields(template, data, options?.untypedNumbers === 'unstructured');
  if (followed === MISSED) {
    // A missing field finds nothing, and so does every field after it, unless that is an error.
    if (options?.allowMissingKeys === true) return [[]];
  } else if (followed !== UNFOLLOWED) {
    return [[followed]];
  }
  const evaluator = new Evaluator(
    template.root.nodes,
    options?.allowMissingKeys === true,
    options?.untypedNumbers === 'unstructured',
  );
  let found: Item[][];
  try {
    found = evaluator.findResults(0, item(data, undefined));
  } catch (e) {
    if (e instanceof EvalFailure) throw new JsonPathError(e.message);
    throw e;
  }
  const out: GoValue[][] = new Array(found.length);
  for (let i = 0; i < found.length; i++) {
    const list = found[i]!;
    const values: GoValue[] = new Array(list.length);
    for (let j = 0; j < list.length; j++) values[j] = list[j]!.v;
    out[i] = values;
  }
  return out;
}

const fieldChains = new WeakMap<JsonPathTemplate, readonly string[] | null>();

/** `{.a.b.c}`'s field names: a template that is one list of fields only (most placeholders and output paths); else null. */
function fieldChain(template: JsonPathTemplate): readonly string[] | null {
  let chain = fieldChains.get(template);
  if (chain === undefined) {
    const [only, ...rest] = template.root.nodes;
    chain = only?.type === 'list' && rest.length === 0 && only.nodes.every((n) => n.type === 'field') ? only.nodes.map((n) => (n as FieldNode).name) : null;
    fieldChains.set(template, chain);
  }
  return chain;
}

const UNFOLLOWED = Symbol('unfollowed');
const MISSED = Symbol('missed');
const UNSTRUCTURED: KindOptions = { unstructuredNumbers: true };
const FLOAT64_NUMBERS: KindOptions = { unstructuredNumbers: false };

/**
 * The one value a field chain finds, by the steps evalField takes for one item, without its
 * lists; UNFOLLOWED when the template is not a chain, MISSED when a field is not there.
 */
function followFields(template: JsonPathTemplate, data: GoValue, unstructuredNumbers: boolean): GoValue | typeof UNFOLLOWED | typeof MISSED {
  const chain = fieldChain(template);
  if (chain === null) return UNFOLLOWED;
  const kindOpts = unstructuredNumbers ? UNSTRUCTURED : FLOAT64_NUMBERS;
  let v = data;
  let t: GoTypeInfo | undefined;
  for (const name of chain) {
    const dt = indirectType(v, t);
    const kind = effectiveKind(v, dt, kindOpts);
    if (kind === 'struct') {
      const f = (v as GoStruct).field(name);
      if (f === undefined) return MISSED;
      v = f.value;
      t = fieldType(f);
    } else if (kind === 'map' && v !== null) {
      const m = v as GoMap;
      if (!hasOwn(m, name)) return MISSED;
      v = m[name]!;
      t = elemType(dt, 'map');
    } else {
      return MISSED;
    }
  }
  return v;
}
