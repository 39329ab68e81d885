// Tree-walking evaluator for resolved Starlark ASTs.
import type { Clause, DictEntry, Expr, File, FuncDef, Stmt } from '../syntax/ast.js';
import type { Pos } from '../syntax/scanner.js';
import {
  Builtin, Dict, Float, List, StarError, StarFunction, StarObject, Thread, Tuple,
  chargeItems, chargeSteps, compare, equals, fail, hashKey, isInt, iterate, normInt, repr, str, truth, typeName,
} from './values.js';
import type { Env, FrameInfo, Kwargs, ModuleState, Value } from './values.js';
import { nearest } from './spell.js';
import { RangeValue } from './types.js';
import { byteAt, byteLength, byteSlice, bytesAt } from './strbytes.js';
import { formatFloat as goFormatFloat } from '../../../util/go-float.js';
import { isStackOverflow } from '../../../util/stack-overflow.js';

export interface ErrorFrame { name: string; file: string; pos: Pos | null }

/** A Starlark evaluation error with its call stack (outermost frame first). */
export class EvalError extends Error {
  constructor(
    public readonly msg: string,
    public readonly frames: ErrorFrame[],
  ) {
    super(msg);
  }
}

// ---------------------------------------------------------------------------
// hooks

/** Universe (builtins) lookup, installed by builtins.ts. */
export const universe = new Map<string, Value>();
/** Attribute lookup for built-in types (methods), installed by builtins.ts. */
export let builtinAttr: (v: Value, name: string) => Value | undefined = () => undefined;
export let builtinAttrNames: (v: Value) => string[] = () => [];
export function setBuiltinAttr(f: typeof builtinAttr, names: typeof builtinAttrNames): void {
  builtinAttr = f;
  builtinAttrNames = names;
}

const BREAK = 1;
const CONTINUE = 2;
const RETURN = 3;

interface Frame {
  info: FrameInfo;
  env: Env | null;
  module: ModuleState;
  ret: Value;
}

function toEvalError(thread: Thread, e: unknown, pos: Pos | null): unknown {
  if (e instanceof EvalError) return e;
  if (e instanceof StarError) {
    const top = thread.stack[thread.stack.length - 1];
    if (top && pos) top.pos = pos;
    return new EvalError(e.message, thread.stack.map((f) => ({ name: f.name, file: f.file, pos: f.pos })));
  }
  if (e instanceof RangeError && !isStackOverflow(e)) {
    // JavaScript's own limit on a string's or array's length: a value grew too large
    return new EvalError(
      `value too large: a string or list grew beyond what the engine can hold (${e.message})`,
      thread.stack.map((f) => ({ name: f.name, file: f.file, pos: f.pos })),
    );
  }
  if (isStackOverflow(e)) {
    // the JS stack ran out (deep recursion below maxDepth): report it as a Starlark error once
    // enough stack is free again to build one
    try {
      return new EvalError(
        `Starlark stack overflow (recursion too deep at depth ${thread.depth})`,
        thread.stack.map((f) => ({ name: f.name, file: f.file, pos: f.pos })),
      );
    } catch {
      return e;
    }
  }
  return e;
}

// ---------------------------------------------------------------------------
// module execution

export function execFile(thread: Thread, file: File, module: ModuleState): void {
  const info: FrameInfo = { name: '<toplevel>', file: module.name, pos: null };
  const frame: Frame = { info, env: null, module, ret: null };
  thread.stack.push(info);
  try {
    execStmts(thread, frame, file.stmts);
  } catch (e) {
    throw toEvalError(thread, e, null);
  } finally {
    thread.stack.pop();
  }
}


/**
 * Charges `n` steps of the budget. Statements (by the expressions they evaluate, conditional
 * expressions included), loop iterations, comprehension items and calls (Starlark or built-in)
 * are all charged, so no construct runs unmetered (`[f(n-1), f(n-1)] if n > 0 else 1`).
 */
function charge(thread: Thread, n: number): void {
  if ((thread.steps += n) > thread.maxSteps) {
    fail(`Starlark computation cancelled: too many steps (limit ${thread.maxSteps})`);
  }
}

/**
 * Steps a call of a Starlark function costs on top of its statements: a call (frame, scope,
 * argument binding) takes as long as evaluating a few dozen expression nodes. Calls of built-in
 * functions cost one step (plus what they charge for the work they do on large values).
 */
const CALL_STEPS = 40;
/** Steps a call of a built-in function or method costs, plus one for every 8 characters of the strings it is given or returns. */
const BUILTIN_CALL_STEPS = 12;

function builtinCallCost(fn: Builtin, args: Value[]): number {
  let n = BUILTIN_CALL_STEPS;
  if (typeof fn.recv === 'string') n += fn.recv.length >> 3;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a === 'string') n += a.length >> 3;
  }
  return n;
}

// The cost of a statement is the number of expression nodes it evaluates (not counting the
// bodies of nested blocks, functions and comprehensions, which charge for themselves), so a
// step is a bounded amount of work however long a line is: `n = n+1+1+…+1` with ten thousand
// terms costs ten thousand steps, not one. Computed once per statement and cached on it.

function stmtCost(s: Stmt): number {
  switch (s.type) {
    case 'ExprStmt': return 1 + exprCost(s.x);
    case 'AssignStmt': return 1 + exprCost(s.lhs) + exprCost(s.rhs);
    case 'DefStmt': return 1 + paramsCost(s.fn);
    case 'IfStmt': return 1 + exprCost(s.cond);
    case 'ForStmt': return 1 + exprCost(s.x);
    case 'WhileStmt': return 1 + exprCost(s.cond);
    case 'ReturnStmt': return 1 + (s.result ? exprCost(s.result) : 0);
    case 'BranchStmt': return 1;
    case 'LoadStmt': return 1 + s.from.length;
  }
}

function paramsCost(fn: FuncDef): number {
  let n = 0;
  for (const p of fn.params) if (p.dflt) n += exprCost(p.dflt);
  return n;
}

function exprCost(e: Expr): number {
  switch (e.type) {
    case 'Ident': case 'Literal': return 1;
    case 'ParenExpr': return exprCost(e.x);
    case 'ListExpr': case 'TupleExpr': {
      let n = 1;
      for (const x of e.list) n += exprCost(x);
      return n;
    }
    case 'DictExpr': {
      let n = 1;
      for (const ent of e.list) n += exprCost(ent.key) + exprCost(ent.value);
      return n;
    }
    case 'CondExpr': return 1 + exprCost(e.cond) + exprCost(e.t) + exprCost(e.f);
    case 'IndexExpr': return 1 + exprCost(e.x) + exprCost(e.y);
    case 'SliceExpr': return 1 + exprCost(e.x) + (e.lo ? exprCost(e.lo) : 0) + (e.hi ? exprCost(e.hi) : 0) + (e.step ? exprCost(e.step) : 0);
    case 'DotExpr': return 1 + exprCost(e.x);
    case 'CallExpr': {
      let n = 1 + exprCost(e.fn);
      for (const a of e.args) n += exprCost(a.x);
      return n;
    }
    case 'UnaryExpr': return 1 + exprCost(e.x);
    case 'BinaryExpr': return 1 + exprCost(e.x) + exprCost(e.y);
    case 'LambdaExpr': return 1 + paramsCost(e.fn);
    case 'Comprehension': {
      const first = e.clauses[0];
      return 1 + (first && first.type === 'for' ? exprCost(first.x) : 0);
    }
  }
}

/** What one item of a comprehension costs: its body, its conditions and inner loops' operands. */
function comprehensionItemCost(clauses: Clause[], body: Expr | DictEntry): number {
  let n = 1 + ('type' in body ? exprCost(body) : exprCost(body.key) + exprCost(body.value));
  for (let i = 1; i < clauses.length; i++) {
    const c = clauses[i]!;
    n += c.type === 'if' ? exprCost(c.cond) : exprCost(c.x);
  }
  return n;
}

function execStmts(thread: Thread, fr: Frame, stmts: Stmt[]): number {
  for (let i = 0; i < stmts.length; i++) {
    const r = execStmt(thread, fr, stmts[i]!);
    if (r !== 0) return r;
  }
  return 0;
}

function execStmt(thread: Thread, fr: Frame, s: Stmt): number {
  fr.info.pos = s.pos;
  charge(thread, s.cost ??= stmtCost(s));
  switch (s.type) {
    case 'ExprStmt':
      evalExpr(thread, fr, s.x);
      return 0;
    case 'AssignStmt':
      if (s.op === '=') {
        assign(thread, fr, s.lhs, evalExpr(thread, fr, s.rhs));
      } else {
        const op = s.op.slice(0, -1);
        // augmented assignment: evaluate the target's operands once
        if (s.lhs.type === 'IndexExpr') {
          const x = evalExpr(thread, fr, s.lhs.x);
          const y = evalExpr(thread, fr, s.lhs.y);
          const old = withPos(thread, s.lhs.pos, () => getIndex(x, y));
          const rhs = evalExpr(thread, fr, s.rhs);
          const nv = withPos(thread, s.pos, () => binaryInplace(thread, op, old, rhs));
          withPos(thread, s.lhs.pos, () => setIndex(x, y, nv));
        } else if (s.lhs.type === 'DotExpr') {
          const x = evalExpr(thread, fr, s.lhs.x);
          const old = withPos(thread, s.lhs.namePos, () => getAttr(x, s.lhs.type === 'DotExpr' ? s.lhs.name : ''));
          const rhs = evalExpr(thread, fr, s.rhs);
          const nv = withPos(thread, s.pos, () => binaryInplace(thread, op, old, rhs));
          withPos(thread, s.lhs.namePos, () => setAttr(x, (s.lhs as { name: string }).name, nv));
        } else {
          const old = evalExpr(thread, fr, s.lhs);
          const rhs = evalExpr(thread, fr, s.rhs);
          const nv = withPos(thread, s.pos, () => binaryInplace(thread, op, old, rhs));
          assign(thread, fr, s.lhs, nv);
        }
      }
      return 0;
    case 'IfStmt':
      if (truth(evalExpr(thread, fr, s.cond))) return execStmts(thread, fr, s.t);
      return execStmts(thread, fr, s.f);
    case 'ForStmt': {
      const x = evalExpr(thread, fr, s.x);
      if (x instanceof RangeValue) {
        // iterate lazily: the step budget, not memory, bounds huge ranges
        for (let i = 0; i < x.count; i++) {
          assign(thread, fr, s.vars, x.start + i * x.step);
          const r = execStmts(thread, fr, s.body);
          if (r === BREAK) break;
          if (r === RETURN) return r;
        }
        return 0;
      }
      const seq = withPos(thread, s.pos, () => forIterable(x));
      const mut = x instanceof List || x instanceof Dict ? x : null;
      if (mut) mut.iterating++;
      try {
        for (let i = 0; i < seq.length; i++) {
          assign(thread, fr, s.vars, seq[i]!);
          const r = execStmts(thread, fr, s.body);
          if (r === BREAK) break;
          if (r === RETURN) return r;
        }
      } finally {
        if (mut) mut.iterating--;
      }
      return 0;
    }
    case 'WhileStmt':
      while (truth(evalExpr(thread, fr, s.cond))) {
        charge(thread, s.cost!);
        const r = execStmts(thread, fr, s.body);
        if (r === BREAK) break;
        if (r === RETURN) return r;
      }
      return 0;
    case 'ReturnStmt':
      fr.ret = s.result ? evalExpr(thread, fr, s.result) : null;
      return RETURN;
    case 'BranchStmt':
      return s.tok === 'break' ? BREAK : CONTINUE;
    case 'DefStmt': {
      const fn = makeFunction(thread, fr, s.fn);
      assign(thread, fr, s.name, fn);
      return 0;
    }
    case 'LoadStmt': {
      const members = withPos(thread, s.pos, () => thread.load(s.module, fr.info));
      for (let i = 0; i < s.from.length; i++) {
        const name = s.from[i]!;
        const v = members.get(name);
        if (v === undefined) {
          withPos(thread, s.to[i]!.pos, () => fail(`load: name ${name} not found in module ${s.module}`));
        }
        assign(thread, fr, s.to[i]!, v!);
      }
      return 0;
    }
  }
}

function forIterable(x: Value): Value[] {
  if (typeof x === 'string') fail('string value is not iterable');
  if (x instanceof List || x instanceof Tuple) return x.items.slice();
  return iterate(x);
}

function withPos<T>(thread: Thread, pos: Pos, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw toEvalError(thread, e, pos);
  }
}

function makeFunction(thread: Thread, fr: Frame, def: FuncDef): StarFunction {
  const defaults: (Value | undefined)[] = [];
  for (const p of def.params) {
    if (p.kind === 'default') defaults.push(evalExpr(thread, fr, p.dflt!));
    else if (p.kind === 'plain') defaults.push(undefined);
  }
  return new StarFunction(def, fr.env, defaults, fr.module);
}

function assign(thread: Thread, fr: Frame, lhs: Expr, v: Value): void {
  switch (lhs.type) {
    case 'Ident': {
      const b = lhs.binding!;
      if (b.kind === 'local') {
        let env = fr.env!;
        for (let d = b.depth; d > 0; d--) env = env.parent!;
        env.slots[b.index] = v;
      } else if (b.kind === 'global') {
        fr.module.globals[b.index] = v;
      } else {
        withPos(thread, lhs.pos, () => fail(`cannot reassign ${b.kind === 'predeclared' ? 'predeclared' : 'builtin'} ${lhs.name}`));
      }
      return;
    }
    case 'ParenExpr':
      assign(thread, fr, lhs.x, v);
      return;
    case 'TupleExpr':
    case 'ListExpr': {
      const items = withPos(thread, lhs.pos, () => unpack(v, lhs.list.length));
      for (let i = 0; i < lhs.list.length; i++) assign(thread, fr, lhs.list[i]!, items[i]!);
      return;
    }
    case 'IndexExpr': {
      const x = evalExpr(thread, fr, lhs.x);
      const y = evalExpr(thread, fr, lhs.y);
      withPos(thread, lhs.pos, () => setIndex(x, y, v));
      return;
    }
    case 'DotExpr': {
      const x = evalExpr(thread, fr, lhs.x);
      withPos(thread, lhs.namePos, () => setAttr(x, lhs.name, v));
      return;
    }
    default:
      fail(`cannot assign to ${lhs.type}`);
  }
}

function unpack(v: Value, n: number): Value[] {
  let items: Value[];
  if (v instanceof List || v instanceof Tuple) items = v.items;
  else if (typeof v === 'string') fail(`got string in sequence assignment`);
  else if (v instanceof Dict || (v instanceof StarObject && v.iterate)) items = iterate(v);
  else fail(`got ${typeName(v)} in sequence assignment`);
  if (items.length > n) fail(`too many values to unpack (got ${items.length}, want ${n})`);
  if (items.length < n) fail(`too few values to unpack (got ${items.length}, want ${n})`);
  return items;
}

// ---------------------------------------------------------------------------
// expressions

export function evalExpr(thread: Thread, fr: Frame, e: Expr): Value {
  switch (e.type) {
    case 'Ident':
      return lookup(thread, fr, e);
    case 'Literal':
      if (e.kind === 'float') return new Float(e.value as number);
      return e.value;
    case 'ParenExpr':
      return evalExpr(thread, fr, e.x);
    case 'ListExpr':
      return new List(e.list.map((x) => evalExpr(thread, fr, x)));
    case 'TupleExpr':
      return new Tuple(e.list.map((x) => evalExpr(thread, fr, x)));
    case 'DictExpr': {
      const d = new Dict();
      for (const ent of e.list) {
        const k = evalExpr(thread, fr, ent.key);
        const v = evalExpr(thread, fr, ent.value);
        // (try/catch here, not withPos: no closure made for each entry)
        try {
          const h = hashKey(k);
          if (d.map.has(h)) fail(`duplicate key: ${repr(k)}`);
          d.map.set(h, [k, v]);
        } catch (err) {
          throw toEvalError(thread, err, ent.pos);
        }
      }
      return d;
    }
    case 'CondExpr':
      return truth(evalExpr(thread, fr, e.cond)) ? evalExpr(thread, fr, e.t) : evalExpr(thread, fr, e.f);
    case 'IndexExpr': {
      const x = evalExpr(thread, fr, e.x);
      const y = evalExpr(thread, fr, e.y);
      try {
        return getIndex(x, y);
      } catch (err) {
        throw toEvalError(thread, err, e.pos);
      }
    }
    case 'SliceExpr': {
      const x = evalExpr(thread, fr, e.x);
      const lo = e.lo ? evalExpr(thread, fr, e.lo) : null;
      const hi = e.hi ? evalExpr(thread, fr, e.hi) : null;
      const st = e.step ? evalExpr(thread, fr, e.step) : null;
      return withPos(thread, e.pos, () => slice(x, lo, hi, st));
    }
    case 'DotExpr': {
      const x = evalExpr(thread, fr, e.x);
      try {
        return getAttr(x, e.name);
      } catch (err) {
        throw toEvalError(thread, err, e.namePos);
      }
    }
    case 'CallExpr':
      return evalCall(thread, fr, e);
    case 'UnaryExpr': {
      const x = evalExpr(thread, fr, e.x);
      try {
        return unary(e.op, x);
      } catch (err) {
        throw toEvalError(thread, err, e.pos);
      }
    }
    case 'BinaryExpr': {
      if (e.op === 'and') {
        const x = evalExpr(thread, fr, e.x);
        return truth(x) ? evalExpr(thread, fr, e.y) : x;
      }
      if (e.op === 'or') {
        const x = evalExpr(thread, fr, e.x);
        return truth(x) ? x : evalExpr(thread, fr, e.y);
      }
      const x = evalExpr(thread, fr, e.x);
      const y = evalExpr(thread, fr, e.y);
      try {
        const r = binary(e.op, x, y);
        if (e.op === '+' || e.op === '*') chargeSize(thread, r);
        return r;
      } catch (err) {
        throw toEvalError(thread, err, e.opPos);
      }
    }
    case 'LambdaExpr':
      return makeFunction(thread, fr, e.fn);
    case 'Comprehension':
      return evalComprehension(thread, fr, e.clauses, e.body, e.curly, e.scope!.nlocals, e.pos);
  }
}

function lookup(thread: Thread, fr: Frame, id: Extract<Expr, { type: 'Ident' }>): Value {
  const b = id.binding!;
  switch (b.kind) {
    case 'local': {
      let env = fr.env!;
      for (let d = b.depth; d > 0; d--) env = env.parent!;
      const v = env.slots[b.index];
      if (v === undefined) withPos(thread, id.pos, () => fail(`local variable ${b.name} referenced before assignment`));
      return v!;
    }
    case 'global': {
      const v = fr.module.globals[b.index];
      if (v === undefined) withPos(thread, id.pos, () => fail(`global variable ${b.name} referenced before assignment`));
      return v!;
    }
    case 'predeclared':
      return fr.module.predeclared.get(b.name)!;
    case 'universal':
      return (b.value ??= universe.get(b.name)!) as Value;
  }
}

function evalComprehension(
  thread: Thread, fr: Frame, clauses: Clause[], body: Expr | DictEntry, curly: boolean, nlocals: number, _pos: Pos,
): Value {
  const env: Env = { slots: new Array(nlocals), parent: fr.env };
  const inner: Frame = { info: fr.info, env, module: fr.module, ret: null };
  const list: Value[] = [];
  const dict = curly ? new Dict() : null;
  const itemCost = comprehensionItemCost(clauses, body);
  const first = clauses[0] as Extract<Clause, { type: 'for' }>;
  const firstX = evalExpr(thread, fr, first.x);
  const loop = (i: number, xv: Value | undefined): void => {
    if (i === clauses.length) {
      if (dict) {
        const ent = body as DictEntry;
        const k = evalExpr(thread, inner, ent.key);
        const v = evalExpr(thread, inner, ent.value);
        withPos(thread, ent.pos, () => dict.set(k, v));
      } else list.push(evalExpr(thread, inner, body as Expr));
      return;
    }
    const c = clauses[i]!;
    if (c.type === 'if') {
      if (truth(evalExpr(thread, inner, c.cond))) loop(i + 1, undefined);
      return;
    }
    const x = xv !== undefined ? xv : evalExpr(thread, inner, c.x);
    const seq = withPos(thread, c.pos, () => forIterable(x));
    for (const item of seq) {
      charge(thread, itemCost);
      assign(thread, inner, c.vars, item);
      loop(i + 1, undefined);
    }
  };
  loop(0, firstX);
  return dict ?? new List(list);
}

function evalCall(thread: Thread, fr: Frame, e: Extract<Expr, { type: 'CallExpr' }>): Value {
  const fn = evalExpr(thread, fr, e.fn);
  if ((e.positional ??= e.args.every((a) => a.kind === 'pos'))) {
    // the common call (every template instruction is one): positional arguments only, evaluated
    // into an array of their number
    const n = e.args.length;
    const args = new Array<Value>(n);
    for (let i = 0; i < n; i++) args[i] = evalExpr(thread, fr, (e.args[i] as { x: Expr }).x);
    fr.info.pos = e.lparen;
    try {
      return callValue(thread, fn, args, EMPTY_KW);
    } catch (err) {
      throw toEvalError(thread, err, e.lparen);
    }
  }
  const args: Value[] = [];
  let kwargs: Kwargs | null = null;
  for (const a of e.args) {
    switch (a.kind) {
      case 'pos':
        args.push(evalExpr(thread, fr, a.x));
        break;
      case 'named':
        (kwargs ??= []).push([a.name, evalExpr(thread, fr, a.x)]);
        break;
      case 'star': {
        const v = evalExpr(thread, fr, a.x);
        withPos(thread, e.lparen, () => {
          if (!(v instanceof List || v instanceof Tuple || v instanceof Dict || (v instanceof StarObject && v.iterate))) {
            fail(`argument after * must be iterable, not ${typeName(v)}`);
          }
          for (const x of iterate(v)) args.push(x);
        });
        break;
      }
      case 'starstar': {
        const v = evalExpr(thread, fr, a.x);
        withPos(thread, e.lparen, () => {
          let entries: [Value, Value][];
          if (v instanceof Dict) entries = v.entries();
          else if (v instanceof StarObject && v.items) entries = v.items();
          else fail(`argument after ** must be a mapping, not ${typeName(v)}`);
          for (const [k, x] of entries) {
            if (typeof k !== 'string') fail(`keywords must be strings, not ${typeName(k)}`);
            (kwargs ??= []).push([k, x]);
          }
        });
        break;
      }
    }
  }
  fr.info.pos = e.lparen;
  try {
    return callValue(thread, fn, args, kwargs ?? EMPTY_KW);
  } catch (err) {
    throw toEvalError(thread, err, e.lparen);
  }
}

const EMPTY_KW: Kwargs = [];

/** Calls any callable value. Errors raised by builtins are plain StarErrors. */
export function callValue(thread: Thread, fn: Value, args: Value[], kwargs: Kwargs): Value {
  if (fn instanceof StarFunction) {
    charge(thread, CALL_STEPS);
    return callFunction(thread, fn, args, kwargs);
  }
  if (fn instanceof Builtin) {
    charge(thread, builtinCallCost(fn, args));
    // no frame on the stack: a traceback shows only Starlark code's frames (a built-in's has no
    // file), and a StarError a built-in throws gets its position from the call (evalCall)
    const r = fn.fn(thread, args, kwargs, fn);
    if (typeof r === 'string' && r.length >= 64) charge(thread, r.length >> 3);
    return r;
  }
  if (fn instanceof StarObject && (fn as unknown as { call?: unknown }).call) {
    return (fn as unknown as { call(t: Thread, a: Value[], k: Kwargs): Value }).call(thread, args, kwargs);
  }
  fail(`invalid call of non-function (${typeName(fn)})`);
}

function callFunction(thread: Thread, fn: StarFunction, args: Value[], kwargs: Kwargs): Value {
  const def = fn.def;
  if (thread.depth >= thread.maxDepth) {
    fail(`Starlark call stack depth limit exceeded (limit ${thread.maxDepth}) calling ${fn.name}`);
  }
  const slots = new Array<Value | undefined>(def.scope!.nlocals);
  const env: Env = { slots, parent: fn.env };
  // like starlark-go, the callee's frame is already on the stack while arguments are bound
  // (so binding errors point into the callee, at its first statement)
  const info: FrameInfo = { name: fn.name, file: fn.module.name, pos: firstPos(def) };
  const fr: Frame = { info, env, module: fn.module, ret: null };
  thread.stack.push(info);
  thread.depth++;
  try {
    bindArgs(fn, slots, args, kwargs);
    const r = execStmts(thread, fr, def.body);
    return r === RETURN ? fr.ret : null;
  } catch (e) {
    throw toEvalError(thread, e, null);
  } finally {
    thread.depth--;
    thread.stack.pop();
  }
}

function firstPos(def: FuncDef): Pos {
  for (const s of def.body) if (s.pos.line > 0) return s.pos;
  return def.pos;
}

function bindArgs(fn: StarFunction, slots: (Value | undefined)[], args: Value[], kwargs: Kwargs): void {
  const def = fn.def;
  const nplain = def.numPlain!;
  const nkwonly = def.numKwOnly!;
  const nparams = nplain + nkwonly;
  const names = def.scope!.localNames;
  let varargsIdx = -1;
  let kwargsIdx = -1;
  let idx = nparams;
  if (def.hasVarargs) varargsIdx = idx++;
  if (def.hasKwargs) kwargsIdx = idx++;
  // positional
  if (args.length > nplain) {
    if (varargsIdx < 0) {
      const hasDefaults = fn.defaults.some((d) => d !== undefined);
      const atMost = hasDefaults ? 'at most ' : '';
      fail(`function ${fn.name} accepts ${atMost}${nplain} positional argument${nplain === 1 ? '' : 's'} (${args.length} given)`);
    }
    for (let i = 0; i < nplain; i++) slots[i] = args[i]!;
    slots[varargsIdx] = new Tuple(args.slice(nplain));
  } else {
    for (let i = 0; i < args.length; i++) slots[i] = args[i]!;
    if (varargsIdx >= 0) slots[varargsIdx] = new Tuple([]);
  }
  let kwdict: Dict | null = null;
  if (kwargsIdx >= 0) {
    kwdict = new Dict();
    slots[kwargsIdx] = kwdict;
  }
  for (const [k, v] of kwargs) {
    const i = names.indexOf(k);
    if (i < 0 || i >= nparams) {
      if (kwdict) {
        if (kwdict.get(k) !== undefined) fail(`function ${fn.name} got multiple values for parameter ${k}`);
        kwdict.set(k, v);
        continue;
      }
      const hint = nearest(k, names.slice(0, nparams));
      fail(`function ${fn.name} got an unexpected keyword argument ${k}${hint ? ` (did you mean ${hint}?)` : ''}`);
    }
    if (slots[i] !== undefined) fail(`function ${fn.name} got multiple values for parameter ${k}`);
    slots[i] = v;
  }
  // defaults and missing
  const defaults = fn.defaults;
  let missing: string[] | null = null;
  for (let i = 0; i < nparams; i++) {
    if (slots[i] !== undefined) continue;
    const d = i < defaults.length ? defaults[i] : undefined;
    if (d !== undefined) slots[i] = d;
    else (missing ??= []).push(names[i]!);
  }
  if (missing) {
    fail(`function ${fn.name} missing ${missing.length} argument${missing.length === 1 ? '' : 's'} (${missing.join(', ')})`);
  }
}

// Defaults for kw-only params: resolver keeps them in `defaults` in parameter order
// (plain and default params only); kw-only parameters are handled the same way.

// ---------------------------------------------------------------------------
// attribute, index, slice

export function getAttr(x: Value, name: string): Value {
  if (x instanceof StarObject) {
    if (x.attr) {
      const v = x.attr(name);
      if (v !== undefined) return v;
      let msg = `${x.typeName()} has no .${name} field or method`;
      const n = nearest(name, x.attrNames ? x.attrNames() : []);
      if (n) msg += ` (did you mean .${n}?)`;
      fail(msg);
    }
    fail(`${x.typeName()} has no .${name} field or method`);
  }
  const m = builtinAttr(x, name);
  if (m !== undefined) return m;
  let msg = `${typeName(x)} has no .${name} field or method`;
  const n = nearest(name, builtinAttrNames(x));
  if (n) msg += ` (did you mean .${n}?)`;
  fail(msg);
}

function setAttr(x: Value, name: string, v: Value): void {
  if (x instanceof StarObject && (x as unknown as { setAttr?: unknown }).setAttr) {
    (x as unknown as { setAttr(n: string, v: Value): void }).setAttr(name, v);
    return;
  }
  fail(`can't assign to .${name} field of ${typeName(x)}`);
}

export function getIndex(x: Value, y: Value): Value {
  if (x instanceof List || x instanceof Tuple) {
    const n = x.items.length;
    const i = indexOf(y, n, typeName(x));
    return x.items[i]!;
  }
  if (typeof x === 'string') {
    const i = indexOf(y, byteLength(x), 'string');
    return byteAt(x, i);
  }
  if (x instanceof Dict) {
    const v = x.get(y);
    if (v === undefined) fail(`key ${repr(y)} not in dict`);
    return v;
  }
  if (x instanceof StarObject && x.getKey) {
    const v = x.getKey(y);
    if (v === undefined) fail(`key ${repr(y)} not in ${x.typeName()}`);
    return v;
  }
  if (x instanceof StarObject && x.index && x.len_) {
    const i = indexOf(y, x.len_(), x.typeName());
    return x.index(i);
  }
  fail(`unhandled index operation ${typeName(x)}[${typeName(y)}]`);
}

function indexOf(y: Value, n: number, tn: string): number {
  if (!isInt(y)) fail(`${tn} index: got ${typeName(y)}, want int`);
  let i = Number(y);
  const orig = i;
  if (i < 0) i += n;
  if (i < 0 || i >= n) fail(`${tn} index ${orig} out of range [${-n}:${n - 1}]`);
  return i;
}

function setIndex(x: Value, y: Value, v: Value): void {
  if (x instanceof List) {
    x.checkMutable('assign to element of');
    const i = indexOf(y, x.items.length, 'list');
    x.items[i] = v;
    return;
  }
  if (x instanceof Dict) {
    x.checkMutable('insert into');
    x.set(y, v);
    return;
  }
  if (x instanceof StarObject && (x as unknown as { setKey?: unknown }).setKey) {
    (x as unknown as { setKey(k: Value, v: Value): void }).setKey(y, v);
    return;
  }
  fail(`${typeName(x)} value does not support item assignment`);
}

function sliceIndices(n: number, lo: Value, hi: Value, st: Value): [number, number, number] {
  let step = 1;
  if (st !== null) {
    if (!isInt(st)) fail(`got ${typeName(st)} for slice step, want int`);
    step = Number(st);
    if (step === 0) fail('zero is not a valid slice step');
  }
  const clamp = (v: Value, dflt: number, what: string): number => {
    if (v === null) return dflt;
    if (!isInt(v)) fail(`invalid start index: got ${typeName(v)}, want int`.replace('start', what));
    let i = Number(v);
    if (i < 0) i += n;
    if (step > 0) return Math.min(Math.max(i, 0), n);
    return Math.min(Math.max(i, -1), n - 1);
  };
  if (step > 0) return [clamp(lo, 0, 'start'), clamp(hi, n, 'end'), step];
  return [clamp(lo, n - 1, 'start'), clamp(hi, -1, 'end'), step];
}

export function slice(x: Value, lo: Value, hi: Value, st: Value): Value {
  let items: Value[] | string;
  if (typeof x === 'string') items = x;
  else if (x instanceof List || x instanceof Tuple) items = x.items;
  else fail(`invalid slice operand ${typeName(x)}`);
  const [a, b, s] = sliceIndices(typeof items === 'string' ? byteLength(items) : items.length, lo, hi, st);
  if (typeof items === 'string') {
    if (s === 1) return byteSlice(items, a, Math.max(a, b));
    const idx: number[] = [];
    if (s > 0) for (let i = a; i < b; i += s) idx.push(i);
    else for (let i = a; i > b; i += s) idx.push(i);
    return bytesAt(items, idx);
  }
  let out: Value[];
  if (s === 1) out = items.slice(a, Math.max(a, b));
  else {
    out = [];
    if (s > 0) for (let i = a; i < b; i += s) out.push(items[i]!);
    else for (let i = a; i > b; i += s) out.push(items[i]!);
  }
  return x instanceof List ? new List(out) : new Tuple(out);
}

// ---------------------------------------------------------------------------
// operators

function unary(op: string, x: Value): Value {
  switch (op) {
    case 'not':
      return !truth(x);
    case '-':
      if (typeof x === 'number') return x === 0 ? 0 : -x;
      if (typeof x === 'bigint') return normInt(-x);
      if (x instanceof Float) return new Float(-x.v);
      break;
    case '+':
      if (isInt(x) || x instanceof Float) return x;
      break;
    case '~':
      if (isInt(x)) return normInt(~BigInt(x));
      break;
  }
  fail(`unknown unary op: ${op}${typeName(x)}`);
}

function binaryInplace(thread: Thread, op: string, x: Value, y: Value): Value {
  if (op === '+' && x instanceof List) {
    x.checkMutable('apply += to');
    if (!(y instanceof List || y instanceof Tuple || y instanceof Dict || (y instanceof StarObject && y.iterate))) {
      fail(`unknown binary op: list + ${typeName(y)}`);
    }
    const before = x.items.length;
    for (const v of iterate(y)) x.items.push(v);
    chargeItems(x.items.length - before);
    return x;
  }
  const r = binary(op, x, y);
  if (op === '+' || op === '*') chargeSize(thread, r);
  return r;
}

/**
 * Building a large string costs steps in proportion to its length (16 characters a step; lists
 * are charged when they are made, see chargeItems), so that the step budget also bounds memory:
 * `s = s + s` in a loop runs out of steps long before it runs out of memory.
 */
export function chargeSize(_thread: Thread, v: Value): void {
  if (typeof v === 'string') chargeItems(v.length >> 4);
}

function toFloat(v: Value): number {
  if (v instanceof Float) return v.v;
  return Number(v as number | bigint);
}

export function binary(op: string, x: Value, y: Value): Value {
  switch (op) {
    case '+':
      if (typeof x === 'string' && typeof y === 'string') return x + y;
      if (typeof x === 'number' && typeof y === 'number') {
        const r = x + y;
        return Number.isSafeInteger(r) ? r : normInt(BigInt(x) + BigInt(y));
      }
      if (isInt(x) && isInt(y)) return normInt(BigInt(x) + BigInt(y));
      if ((x instanceof Float || isInt(x)) && (y instanceof Float || isInt(y))) return new Float(toFloat(x) + toFloat(y));
      if (x instanceof List && y instanceof List) return new List(x.items.concat(y.items));
      if (x instanceof Tuple && y instanceof Tuple) return new Tuple(x.items.concat(y.items));
      break;
    case '-':
      if (typeof x === 'number' && typeof y === 'number') {
        const r = x - y;
        return Number.isSafeInteger(r) ? r : normInt(BigInt(x) - BigInt(y));
      }
      if (isInt(x) && isInt(y)) return normInt(BigInt(x) - BigInt(y));
      if ((x instanceof Float || isInt(x)) && (y instanceof Float || isInt(y))) return new Float(toFloat(x) - toFloat(y));
      break;
    case '*':
      if (typeof x === 'number' && typeof y === 'number') {
        const r = x * y;
        return Number.isSafeInteger(r) ? (r === 0 ? 0 : r) : normInt(BigInt(x) * BigInt(y));
      }
      if (isInt(x) && isInt(y)) return normInt(BigInt(x) * BigInt(y));
      if ((x instanceof Float || isInt(x)) && (y instanceof Float || isInt(y))) return new Float(toFloat(x) * toFloat(y));
      if (typeof x === 'string' && isInt(y)) return repeatStr(x, Number(y));
      if (isInt(x) && typeof y === 'string') return repeatStr(y, Number(x));
      if ((x instanceof List || x instanceof Tuple) && isInt(y)) return repeatSeq(x, Number(y));
      if (isInt(x) && (y instanceof List || y instanceof Tuple)) return repeatSeq(y, Number(x));
      break;
    case '/':
      if ((x instanceof Float || isInt(x)) && (y instanceof Float || isInt(y))) {
        const d = toFloat(y);
        if (d === 0) fail('real division by zero'); // the wording of ytt's Starlark
        return new Float(toFloat(x) / d);
      }
      break;
    case '//':
      if (isInt(x) && isInt(y)) {
        if (y === 0 || y === 0n) fail('floored division by zero');
        if (typeof x === 'number' && typeof y === 'number') return Math.floor(x / y);
        const a = BigInt(x);
        const b = BigInt(y);
        let q = a / b;
        if ((a % b !== 0n) && ((a < 0n) !== (b < 0n))) q -= 1n;
        return normInt(q);
      }
      if ((x instanceof Float || isInt(x)) && (y instanceof Float || isInt(y))) {
        const d = toFloat(y);
        if (d === 0) fail('floored division by zero');
        return new Float(Math.floor(toFloat(x) / d));
      }
      break;
    case '%':
      if (isInt(x) && isInt(y)) {
        if (y === 0 || y === 0n) fail('integer modulo by zero');
        const a = BigInt(x);
        const b = BigInt(y);
        let r = a % b;
        if (r !== 0n && (r < 0n) !== (b < 0n)) r += b;
        return normInt(r);
      }
      if ((x instanceof Float || isInt(x)) && (y instanceof Float || isInt(y))) {
        const b = toFloat(y);
        if (b === 0) fail('floating-point modulo by zero');
        let r = toFloat(x) % b;
        if (r !== 0 && (r < 0) !== (b < 0)) r += b;
        return new Float(r);
      }
      if (typeof x === 'string') return percentFormat(x, y);
      break;
    case '==':
      return equals(x, y);
    case '!=':
      return !equals(x, y);
    case '<':
      return compare(op, x, y) < 0;
    case '>':
      return compare(op, x, y) > 0;
    case '<=':
      return compare(op, x, y) <= 0;
    case '>=':
      return compare(op, x, y) >= 0;
    case 'in':
      return contains(y, x);
    case 'not in':
      return !contains(y, x);
    case '|':
      if (isInt(x) && isInt(y)) return normInt(BigInt(x) | BigInt(y));
      if (x instanceof Dict && y instanceof Dict) {
        const d = new Dict();
        for (const [k, v] of x.entries()) d.set(k, v);
        for (const [k, v] of y.entries()) d.set(k, v);
        return d;
      }
      break;
    case '&':
      if (isInt(x) && isInt(y)) return normInt(BigInt(x) & BigInt(y));
      break;
    case '^':
      if (isInt(x) && isInt(y)) return normInt(BigInt(x) ^ BigInt(y));
      break;
    case '<<':
      if (isInt(x) && isInt(y)) {
        if (BigInt(y) < 0n) fail('negative shift count: ' + String(y));
        if (BigInt(y) >= 512n) fail('shift count too large: ' + String(y));
        return normInt(BigInt(x) << BigInt(y));
      }
      break;
    case '>>':
      if (isInt(x) && isInt(y)) {
        if (BigInt(y) < 0n) fail('negative shift count: ' + String(y));
        return normInt(BigInt(x) >> BigInt(y));
      }
      break;
  }
  fail(`unknown binary op: ${typeName(x)} ${op} ${typeName(y)}`);
}

function repeatStr(s: string, n: number): string {
  if (n <= 0) return '';
  if (s.length * n > 100_000_000) fail(`excessive repeat (${s.length} * ${n} elements)`);
  return s.repeat(n);
}

function repeatSeq(x: List | Tuple, n: number): Value {
  if (x.items.length * n > 10_000_000) fail(`excessive repeat (${x.items.length} * ${n} elements)`);
  const out: Value[] = [];
  for (let i = 0; i < n; i++) out.push(...x.items);
  return x instanceof List ? new List(out) : new Tuple(out);
}

function contains(container: Value, x: Value): boolean {
  if (typeof container === 'string') {
    if (typeof x !== 'string') fail(`'in <string>' requires string as left operand, not ${typeName(x)}`);
    return container.includes(x);
  }
  if (container instanceof List || container instanceof Tuple) {
    chargeSteps(container.items.length);
    for (const v of container.items) if (equals(v, x)) return true;
    return false;
  }
  if (container instanceof Dict) return container.get(x) !== undefined;
  if (container instanceof StarObject) {
    if (container.contains) return container.contains(x);
    if (container.getKey) return container.getKey(x) !== undefined;
    if (container.iterate) return container.iterate().some((v) => equals(v, x));
  }
  fail(`unknown binary op: ${typeName(x)} in ${typeName(container)}`);
}

// ---------------------------------------------------------------------------
// string % formatting

export function percentFormat(format: string, y: Value): string {
  let args: Value[];
  let argIdx = 0;
  let mapping: Value = null;
  if (y instanceof Tuple) args = y.items;
  else {
    args = [y];
    if (y instanceof Dict || (y instanceof StarObject && y.getKey)) mapping = y;
  }
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    i++;
    if (i >= format.length) fail('incomplete format');
    let key: string | null = null;
    if (format[i] === '(') {
      const j = format.indexOf(')', i);
      if (j < 0) fail('incomplete format key');
      key = format.slice(i + 1, j);
      i = j + 1;
    }
    const conv = format[i];
    if (conv === '%') {
      out += '%';
      continue;
    }
    let arg: Value;
    if (key !== null) {
      if (mapping === null) fail('format requires a mapping');
      arg = getIndex(mapping, key);
    } else {
      if (argIdx >= args.length) fail('not enough arguments for format string');
      arg = args[argIdx++]!;
    }
    switch (conv) {
      case 's': out += str(arg); break;
      case 'r': out += repr(arg); break;
      case 'd': case 'i':
        if (isInt(arg)) out += String(arg);
        else if (arg instanceof Float) out += floatAsInt(arg.v, conv);
        else fail(`%${conv} format requires integer: ${typeName(arg)}`);
        break;
      case 'o': case 'x': case 'X': {
        if (!isInt(arg)) fail(`%${conv} format requires integer: ${typeName(arg)}`);
        const b = BigInt(arg);
        let s = (b < 0n ? -b : b).toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') s = s.toUpperCase();
        out += (b < 0n ? '-' : '') + s;
        break;
      }
      case 'e': case 'f': case 'g': case 'E': case 'F': case 'G': {
        if (!(isInt(arg) || arg instanceof Float)) fail(`%${conv} format requires float: ${typeName(arg)}`);
        const f = toFloat(arg);
        out += formatFloat(f, conv);
        break;
      }
      case 'c':
        if (isInt(arg)) out += String.fromCodePoint(Number(arg));
        else if (typeof arg === 'string' && [...arg].length === 1) out += arg;
        else fail(`%c format requires a single-character string`);
        break;
      default:
        fail(`unknown conversion %${conv}`);
    }
  }
  if (mapping === null && argIdx < args.length) fail('too many arguments for format string');
  return out;
}

/** %d of a float: its integer part, every digit of it (1e21 is 1000000000000000000000, not 1e+21). */
function floatAsInt(f: number, conv: string): string {
  if (!Number.isFinite(f)) fail(`%${conv} format requires integer: cannot convert float ${f !== f ? 'NaN' : 'infinity'} to integer`);
  return BigInt(Math.trunc(f)).toString();
}

/** starlark-go's %e %f %g (and upper case): Go's FormatFloat with 6 digits, the shortest for %g (as ytt prints them). */
function formatFloat(f: number, conv: string): string {
  switch (conv) {
    case 'f': case 'F': return goFormatFloat(f, 'f', 6);
    case 'e': case 'E': return goFormatFloat(f, conv, 6);
    default: return goFormatFloat(f, conv === 'G' ? 'G' : 'g', -1);
  }
}

