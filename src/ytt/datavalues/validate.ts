// Validations of the final data values (ytt 0.45): rules from `@schema/validation` on the
// schema and `@assert/validate` on data values documents, run once on the merged values, with
// ytt's rule order, conditions (`when=`, nulls skipped unless `not_null=True`) and report.
import { Builtin, List, StarError, StarFunction, StarObject, Tuple, repr, typeName } from '../starlark/eval/values.js';
import type { Thread, Value } from '../starlark/eval/values.js';
import { EvalError, callValue } from '../starlark/eval/interp.js';
import { YArray, YArrayItem, YDoc, YDocSet, YMap, YMapItem, YNode } from '../template/nodes.js';
import type { NodeAnnotation } from '../template/nodes.js';
import { Struct, nodeToStarlark } from '../template/values.js';
import { assertions } from '../modules/assert.js';
import { goKeyString } from '../modules/overlay.js';
import { compactPos, DataValuesError } from './errors.js';
import type { SourcePos } from './errors.js';
import { assignedType } from './typecheck.js';
import type { SourceTable } from './sources.js';

interface Rule {
  msg: string;
  check: Value;
  /** Rules run highest first; a failing critical rule stops the others (not_null). */
  priority: number;
  critical: boolean;
}

export interface NodeValidation {
  rules: Rule[];
  when: Value | null;
  notNull: boolean;
  pos: SourcePos;
}

/** Reads a validation annotation; throws DataValuesError("Invalid @<name> annotation - …"). */
export function newValidation(ann: NodeAnnotation, pos: SourcePos, name: string): NodeValidation {
  try {
    return readValidation(ann, pos);
  } catch (e) {
    if (e instanceof StarError) throw new DataValuesError(`Invalid @${name} annotation - ${e.message}`);
    throw e;
  }
}

function readValidation(ann: NodeAnnotation, pos: SourcePos): NodeValidation {
  const at = compactPos(pos);
  if (ann.args.length === 0 && ann.kwargs.length === 0) bad(`expected annotation to have 2-tuple as argument(s), but found no arguments (by ${at})`);
  const rules: Rule[] = [];
  for (const arg of ann.args as Value[]) {
    if (!(arg instanceof Tuple)) bad(`expected annotation to have 2-tuple as argument(s), but found: ${repr(arg)} (by ${at})`);
    if (arg.items.length !== 2) bad(`expected 2-tuple, but found tuple with length ${arg.items.length} (by ${at})`);
    const [msg, fn] = arg.items as [Value, Value];
    if (typeof msg !== 'string') bad(`expected first item in the 2-tuple to be a string describing a valid value, but was ${typeName(msg)} (at ${at})`);
    rules.push({ msg, check: checkFunction(fn, at), priority: 0, critical: false });
  }
  const v: NodeValidation = { rules, when: null, notNull: false, pos };
  rules.push(...kwargRules(ann.kwargs as [string, Value][], v, at));
  return v;
}

function bad(msg: string): never {
  throw new StarError(msg);
}

function isCallable(v: Value): boolean {
  return v instanceof StarFunction || v instanceof Builtin;
}

function checkFunction(fn: Value, at: string): Value {
  if (isCallable(fn)) return fn;
  if (!(fn instanceof StarObject) || !fn.attr) bad(`expected second item in the 2-tuple to be an assertion function, but was ${typeName(fn)} (at ${at})`);
  const check = fn.attr('check');
  if (check === undefined) bad(`expected second item in tuple to be an assertion function or assertion object, but was a ${typeName(fn)} (at ${at})`);
  if (!isCallable(check)) bad(`expected struct with attribute check(), but was ${typeName(check)} (at ${at})`);
  return check;
}

function toInt(v: Value, name: string, at: string): number {
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v);
  if (typeName(v) === 'float') return Math.trunc((v as { v: number }).v);
  bad(`expected keyword argument "${name}" to be a number, but was ${typeName(v)} (at ${at})`);
}

/** The rules the keyword arguments add, in ytt's order (min_len, max_len, min, max, not_null, one_not_null, one_of). */
function kwargRules(kwargs: [string, Value][], v: NodeValidation, at: string): Rule[] {
  const k = new Map<string, Value>();
  for (const [name, value] of kwargs) {
    switch (name) {
      case 'when':
        if (!isCallable(value)) bad(`expected keyword argument "when" to be a function, but was ${typeName(value)} (at ${at})`);
        v.when = value;
        break;
      case 'min_len': case 'max_len': k.set(name, toInt(value, name, at)); break;
      case 'min': case 'max': k.set(name, value); break;
      case 'not_null':
        if (typeof value !== 'boolean') bad(`expected keyword argument "not_null" to be a boolean, but was ${typeName(value)} (at ${at})`);
        v.notNull = value;
        break;
      case 'one_not_null':
        if (value === false) bad('one_not_null= cannot be False');
        if (value !== true && !(value instanceof List || value instanceof Tuple)) bad(`expected True or a sequence of keys, but was a '${typeName(value)}'`);
        k.set(name, value);
        break;
      case 'one_of':
        if (!(value instanceof List || value instanceof Tuple)) bad(`expected keyword argument one_of to be a sequence, but was ${typeName(value)}`);
        k.set(name, value);
        break;
      default: bad(`unknown keyword argument "${name}" (at ${at})`);
    }
  }
  const rules: Rule[] = [];
  const add = (msg: string, check: Value, priority = 0, critical = false): void => void rules.push({ msg, check, priority, critical });
  if (k.has('min_len')) add(`length >= ${k.get('min_len')}`, assertions.minLen(k.get('min_len')!).check);
  if (k.has('max_len')) add(`length <= ${k.get('max_len')}`, assertions.maxLen(k.get('max_len')!).check);
  if (k.has('min')) add(`a value >= ${repr(k.get('min')!)}`, assertions.min(k.get('min')!).check);
  if (k.has('max')) add(`a value <= ${repr(k.get('max')!)}`, assertions.max(k.get('max')!).check);
  if (v.notNull) add('not null', assertions.notNull().check, 100, true);
  const one = k.get('one_not_null');
  if (one !== undefined) {
    const keys = one === true ? null : (one as List).items;
    add(`exactly one of ${keys === null ? 'all children' : repr(one)} to be not null`, assertions.oneNotNull(keys).check);
  }
  if (k.has('one_of')) add(`one of ${repr(k.get('one_of')!)}`, assertions.oneOf((k.get('one_of') as List).items).check);
  return rules;
}

// ---------------------------------------------------------------------------
// running

interface Invalidation {
  path: string;
  from: SourcePos;
  violations: { rule: Rule; by: SourcePos; found: string }[];
}

/**
 * Runs the validations of the final data values document: each node's schema rules, then the
 * `@assert/validate` annotations written on it. Throws DataValuesError ("Validating final data
 * values:" and ytt's report) when a value is invalid or a rule cannot run.
 */
export function validateDataValues(doc: YDoc, thread: Thread, src: SourceTable): void {
  const invalid: Invalidation[] = [];
  try {
    const asserted = assertValidations(doc, src);
    const visit = (node: YNode, parent: YNode | null, path: string): void => {
      const t = assignedType(node);
      const vs = [...(t && 'validations' in t ? t.validations : []), ...(asserted.get(node) ?? [])];
      for (const v of vs) {
        const inv = run(v, node, parent, doc, path, thread, src);
        if (inv) invalid.push(inv);
      }
      node.values().forEach((c, i) => {
        if (c instanceof YNode) visit(c, node, childPath(path, c, i));
      });
    };
    visit(doc, null, '');
  } catch (e) {
    if (e instanceof DataValuesError) throw e.wrap('Validating final data values:\n');
    throw e;
  }
  if (invalid.length === 0) return;
  let msg = '';
  for (const inv of invalid) {
    msg += `  ${inv.path}\n    from: ${compactPos(inv.from)}\n`;
    for (const v of inv.violations) {
      msg += `    - must be: ${v.rule.msg} (by: ${compactPos(v.by)})\n`;
      if (v.found) msg += `      found: ${v.found}\n`;
    }
    msg += '\n';
  }
  const positions = invalid.map((i) => ({ context: null, file: i.from.file, line: i.from.line, source: i.from.source }));
  throw new DataValuesError(`Validating final data values:\n${msg}`, positions);
}

function childPath(path: string, child: YNode, i: number): string {
  if (child instanceof YMapItem) return path === '' ? goKeyString(child.key) : `${path}.${goKeyString(child.key)}`;
  if (child instanceof YArrayItem) return `${path}[${i}]`;
  return path;
}

/** The `@assert/validate` annotations of the data values, by node. */
function assertValidations(doc: YDoc, src: SourceTable): Map<YNode, NodeValidation[]> {
  const out = new Map<YNode, NodeValidation[]>();
  const visit = (n: YNode): void => {
    const ann = n.annotations.find((a) => a.name === 'assert/validate');
    if (ann) {
      if (n instanceof YMap || n instanceof YArray || n instanceof YDocSet) {
        throw new DataValuesError(`Invalid @assert/validate annotation - not supported on ${n instanceof YMap ? 'map' : n instanceof YArray ? 'array' : 'document set'} at ${compactPos(src.pos(n))}`);
      }
      out.set(n, [newValidation(ann, src.annotationPos(n, ann), 'assert/validate')]);
    }
    for (const c of n.values()) if (c instanceof YNode) visit(c);
  };
  visit(doc);
  return out;
}

function starlarkValue(n: YNode | null): Value {
  if (n === null) return null;
  if (n instanceof YMap || n instanceof YArray || n instanceof YDocSet) return nodeToStarlark(n);
  return nodeToStarlark((n as YDoc).value);
}

function run(v: NodeValidation, node: YNode, parent: YNode | null, root: YDoc, path: string, thread: Thread, src: SourceTable): Invalidation | null {
  const value = starlarkValue(node);
  if (!shouldValidate(v, value, parent, root, path, thread)) return null;
  const kind = node instanceof YDoc ? 'document' : node instanceof YMapItem ? 'map item' : node instanceof YArrayItem ? 'array item' : node instanceof YMap ? 'map' : 'array';
  const inv: Invalidation = { path: path || `(${kind})`, from: src.pos(node), violations: [] };
  const rules = [...v.rules].sort((a, b) => b.priority - a.priority);
  for (const rule of rules) {
    let found: string;
    try {
      if (call(thread, rule.check, [value]) === true) continue;
      found = '';
    } catch (e) {
      found = errorText(e).replace(/^fail: /, '').replace(/^check: /, '');
    }
    inv.violations.push({ rule, by: v.pos, found });
    if (rule.critical) break;
  }
  return inv.violations.length > 0 ? inv : null;
}

function shouldValidate(v: NodeValidation, value: Value, parent: YNode | null, root: YDoc, path: string, thread: Thread): boolean {
  if (value === null && !v.notNull) return false;
  if (v.when === null) return true;
  const fn = v.when;
  const params = fn instanceof StarFunction ? fn.def.params.length : 1;
  if (params !== 1 && params !== 2) throw new DataValuesError(`Validating ${path}: Failed to evaluate when=: function must accept 1 or 2 arguments (${params} given)`);
  const args: Value[] = [value];
  if (params === 2) args.push(new Struct(new Map<string, Value>([['parent', starlarkValue(parent)], ['root', starlarkValue(root)]])));
  let result: Value;
  try {
    result = call(thread, fn, args);
  } catch (e) {
    throw new DataValuesError(`Validating ${path}: Failure evaluating when=: ${errorText(e)}`);
  }
  if (typeof result !== 'boolean') throw new DataValuesError(`Validating ${path}: want when= to be bool, got ${typeName(result)}`);
  return result;
}

/** Calls Starlark code, leaving the thread's stack as it was when the code fails. */
function call(thread: Thread, fn: Value, args: Value[]): Value {
  const depth = thread.stack.length;
  try {
    return callValue(thread, fn, args, []);
  } catch (e) {
    thread.stack.length = depth;
    throw e;
  }
}

/** The message of an error raised by Starlark code; anything else (carto's step budget included) propagates. */
function errorText(e: unknown): string {
  const msg = e instanceof EvalError ? e.msg : e instanceof StarError ? e.message : null;
  if (msg === null || msg.startsWith('Starlark computation cancelled')) throw e;
  return msg;
}
