// Name resolution: decides for every identifier whether it is a local (of some
// enclosing function or comprehension block), a global of the file, a predeclared
// name or a universal builtin, and reports undefined names as ytt does (at
// compile time, before anything runs).
import type { Clause, Expr, File, FuncDef, Ident, Param, Scope, Stmt, DictEntry } from '../syntax/ast.js';
import type { Pos } from '../syntax/scanner.js';

export interface ResolveErrorItem { pos: Pos; msg: string }

export class ResolveError extends Error {
  constructor(public readonly errors: ResolveErrorItem[]) {
    super(errors.map((e) => e.msg).join('\n'));
  }
}

interface Block {
  kind: 'function' | 'comprehension';
  names: Map<string, number>;
  scope: Scope;
  parent: Block | null;
}

export function resolveFile(
  file: File,
  isPredeclared: (name: string) => boolean,
  isUniversal: (name: string) => boolean,
): void {
  const r = new Resolver(isPredeclared, isUniversal);
  r.file(file);
  if (r.errors.length > 0) throw new ResolveError(r.errors);
}

class Resolver {
  errors: ResolveErrorItem[] = [];
  private globals = new Map<string, number>();
  private block: Block | null = null;
  private loops = 0;
  private inFunction = 0;

  constructor(
    private readonly isPredeclared: (name: string) => boolean,
    private readonly isUniversal: (name: string) => boolean,
  ) {}

  private err(pos: Pos, msg: string): void {
    this.errors.push({ pos, msg });
  }

  file(f: File): void {
    // all names bound at top level are globals
    for (const s of f.stmts) this.collectBindings(s, (id) => this.bindGlobal(id.name));
    this.stmts(f.stmts, true);
    f.globals = Array.from(this.globals.keys());
  }

  private bindGlobal(name: string): void {
    if (!this.globals.has(name)) this.globals.set(name, this.globals.size);
  }

  /** Calls `bind` for each identifier bound by statement `s` (not descending into nested defs). */
  private collectBindings(s: Stmt, bind: (id: Ident) => void): void {
    switch (s.type) {
      case 'AssignStmt':
        if (s.op === '=') this.lhsIdents(s.lhs, bind);
        else if (s.lhs.type === 'Ident') bind(s.lhs);
        break;
      case 'DefStmt':
        bind(s.name);
        break;
      case 'ForStmt':
        this.lhsIdents(s.vars, bind);
        for (const b of s.body) this.collectBindings(b, bind);
        break;
      case 'WhileStmt':
        for (const b of s.body) this.collectBindings(b, bind);
        break;
      case 'IfStmt':
        for (const b of s.t) this.collectBindings(b, bind);
        for (const b of s.f) this.collectBindings(b, bind);
        break;
      case 'LoadStmt':
        for (const id of s.to) bind(id);
        break;
      default:
        break;
    }
  }

  private lhsIdents(e: Expr, bind: (id: Ident) => void): void {
    switch (e.type) {
      case 'Ident': bind(e); break;
      case 'TupleExpr': case 'ListExpr': for (const x of e.list) this.lhsIdents(x, bind); break;
      case 'ParenExpr': this.lhsIdents(e.x, bind); break;
      default: break;
    }
  }

  private stmts(ss: Stmt[], toplevel: boolean): void {
    for (const s of ss) this.stmt(s, toplevel);
  }

  private stmt(s: Stmt, toplevel: boolean): void {
    switch (s.type) {
      case 'ExprStmt':
        this.expr(s.x);
        break;
      case 'AssignStmt':
        this.expr(s.rhs);
        if (s.op !== '=') {
          // augmented: lhs is both read and written
          this.expr(s.lhs);
        } else this.assignTarget(s.lhs);
        break;
      case 'DefStmt':
        this.bindUse(s.name);
        this.func(s.fn);
        break;
      case 'IfStmt':
        this.expr(s.cond);
        this.stmts(s.t, false);
        this.stmts(s.f, false);
        break;
      case 'ForStmt':
        this.expr(s.x);
        this.assignTarget(s.vars);
        this.loops++;
        this.stmts(s.body, false);
        this.loops--;
        break;
      case 'WhileStmt':
        this.expr(s.cond);
        this.loops++;
        this.stmts(s.body, false);
        this.loops--;
        break;
      case 'ReturnStmt':
        if (this.inFunction === 0) this.err(s.pos, 'return statement not within a function');
        if (s.result) this.expr(s.result);
        break;
      case 'BranchStmt':
        if (this.loops === 0) this.err(s.pos, `${s.tok} not in a loop`);
        break;
      case 'LoadStmt':
        if (this.inFunction > 0) this.err(s.pos, 'load statement within a function');
        else if (!toplevel) this.err(s.pos, 'load statement within a conditional');
        for (let i = 0; i < s.to.length; i++) {
          const from = s.from[i]!;
          if (from.startsWith('_')) this.err(s.to[i]!.pos, `load: names with leading underscores are not exported: ${from}`);
          this.bindUse(s.to[i]!);
        }
        break;
    }
  }

  private assignTarget(e: Expr): void {
    switch (e.type) {
      case 'Ident': this.bindUse(e); break;
      case 'TupleExpr': case 'ListExpr': for (const x of e.list) this.assignTarget(x); break;
      case 'ParenExpr': this.assignTarget(e.x); break;
      case 'IndexExpr': this.expr(e.x); this.expr(e.y); break;
      case 'DotExpr': this.expr(e.x); break;
      default: this.err(e.pos, `can't assign to ${describe(e)}`);
    }
  }

  /** Resolves an identifier in binding position (it is known to be bound in the current block). */
  private bindUse(id: Ident): void {
    this.use(id);
  }

  private use(id: Ident): void {
    let depth = 0;
    for (let b = this.block; b; b = b.parent) {
      const idx = b.names.get(id.name);
      if (idx !== undefined) {
        id.binding = { kind: 'local', depth, index: idx, name: id.name };
        return;
      }
      depth++;
    }
    const g = this.globals.get(id.name);
    if (g !== undefined) {
      id.binding = { kind: 'global', index: g, name: id.name };
      return;
    }
    if (this.isPredeclared(id.name)) {
      id.binding = { kind: 'predeclared', name: id.name };
      return;
    }
    if (this.isUniversal(id.name)) {
      id.binding = { kind: 'universal', name: id.name };
      return;
    }
    this.err(id.pos, `undefined: ${id.name}`);
  }

  private func(fn: FuncDef): void {
    // defaults are evaluated in the enclosing scope
    const seen = new Set<string>();
    let numPlain = 0;
    let numKwOnly = 0;
    let starSeen = false;
    let hasVarargs = false;
    let hasKwargs = false;
    let seenDefault = false;
    for (const p of fn.params) {
      if (p.dflt) this.expr(p.dflt);
      if (p.name && seen.has(p.name)) this.err(p.pos, `duplicate parameter: ${p.name}`);
      if (p.name) seen.add(p.name);
      switch (p.kind) {
        case 'plain':
          if (starSeen) numKwOnly++;
          else {
            if (seenDefault) this.err(p.pos, 'required parameter may not follow optional');
            numPlain++;
          }
          break;
        case 'default':
          seenDefault = true;
          if (starSeen) numKwOnly++;
          else numPlain++;
          break;
        case 'star':
          hasVarargs = true;
          starSeen = true;
          break;
        case 'bare-star':
          starSeen = true;
          break;
        case 'starstar':
          hasKwargs = true;
          break;
      }
    }
    fn.numPlain = numPlain;
    fn.numKwOnly = numKwOnly;
    fn.hasVarargs = hasVarargs;
    fn.hasKwargs = hasKwargs;

    const scope: Scope = { nlocals: 0, localNames: [] };
    const block: Block = { kind: 'function', names: new Map(), scope, parent: this.block };
    const add = (name: string): void => {
      if (!block.names.has(name)) {
        block.names.set(name, scope.localNames.length);
        scope.localNames.push(name);
      }
    };
    // parameters first, in order: plain/default, kw-only, *args, **kwargs (the interpreter relies on this layout)
    const ordered: Param[] = [
      ...fn.params.filter((p) => p.kind === 'plain' || p.kind === 'default'),
    ];
    const star = fn.params.find((p) => p.kind === 'star');
    const starstar = fn.params.find((p) => p.kind === 'starstar');
    for (const p of ordered) add(p.name);
    if (star) add(star.name);
    if (starstar) add(starstar.name);
    for (const s of fn.body) this.collectBindings(s, (id) => add(id.name));
    fn.scope = scope;

    const savedBlock = this.block;
    const savedLoops = this.loops;
    this.block = block;
    this.loops = 0;
    this.inFunction++;
    this.stmts(fn.body, false);
    this.inFunction--;
    this.loops = savedLoops;
    this.block = savedBlock;
    scope.nlocals = scope.localNames.length;
  }

  private expr(e: Expr): void {
    switch (e.type) {
      case 'Ident': this.use(e); break;
      case 'Literal': break;
      case 'ListExpr': case 'TupleExpr': for (const x of e.list) this.expr(x); break;
      case 'DictExpr': for (const d of e.list) { this.expr(d.key); this.expr(d.value); } break;
      case 'CondExpr': this.expr(e.cond); this.expr(e.t); this.expr(e.f); break;
      case 'IndexExpr': this.expr(e.x); this.expr(e.y); break;
      case 'SliceExpr':
        this.expr(e.x);
        if (e.lo) this.expr(e.lo);
        if (e.hi) this.expr(e.hi);
        if (e.step) this.expr(e.step);
        break;
      case 'DotExpr': this.expr(e.x); break;
      case 'CallExpr':
        this.expr(e.fn);
        for (const a of e.args) this.expr(a.x);
        break;
      case 'UnaryExpr': this.expr(e.x); break;
      case 'BinaryExpr': this.expr(e.x); this.expr(e.y); break;
      case 'ParenExpr': this.expr(e.x); break;
      case 'LambdaExpr': this.func(e.fn); break;
      case 'Comprehension': this.comprehension(e.clauses, e.body, e); break;
    }
  }

  private comprehension(clauses: Clause[], body: Expr | DictEntry, node: { scope?: Scope }): void {
    // the first iterable is resolved in the enclosing block
    const first = clauses[0] as Extract<Clause, { type: 'for' }>;
    this.expr(first.x);
    const scope: Scope = { nlocals: 0, localNames: [] };
    const block: Block = { kind: 'comprehension', names: new Map(), scope, parent: this.block };
    for (const c of clauses) {
      if (c.type === 'for') {
        this.lhsIdents(c.vars, (id) => {
          if (!block.names.has(id.name)) {
            block.names.set(id.name, scope.localNames.length);
            scope.localNames.push(id.name);
          }
        });
      }
    }
    const saved = this.block;
    this.block = block;
    this.assignTarget(first.vars);
    for (let i = 1; i < clauses.length; i++) {
      const c = clauses[i]!;
      if (c.type === 'for') {
        this.expr(c.x);
        this.assignTarget(c.vars);
      } else this.expr(c.cond);
    }
    if ('key' in body && 'value' in body && !('type' in body)) {
      this.expr(body.key);
      this.expr(body.value);
    } else this.expr(body as Expr);
    this.block = saved;
    scope.nlocals = scope.localNames.length;
    node.scope = scope;
  }
}

function describe(e: Expr): string {
  switch (e.type) {
    case 'Literal': return 'literal';
    case 'CallExpr': return 'function call';
    case 'BinaryExpr': return 'binary expression';
    case 'UnaryExpr': return 'unary expression';
    case 'CondExpr': return 'conditional expression';
    case 'Comprehension': return 'comprehension';
    case 'DictExpr': return 'dict expression';
    case 'LambdaExpr': return 'lambda expression';
    case 'SliceExpr': return 'slice expression';
    default: return 'expression';
  }
}
