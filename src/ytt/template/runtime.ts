// Evaluation contexts for compiled YAML templates: the builtins behind the
// instructions the compiler emits (start_node, set_node, ...), building the
// resulting YAML node tree, plus the AST pass that turns defs with YAML nodes
// in their bodies into fragment-returning functions.
import { Builtin, StarError, Tuple, fail, typeName } from '../starlark/eval/values.js';
import type { Kwargs, Value } from '../starlark/eval/values.js';
import type { Expr, File, FuncDef, Stmt } from '../starlark/syntax/ast.js';
import type { Pos } from '../starlark/syntax/scanner.js';
import { INS } from './compile.js';
import type { NodeProto } from './compile.js';
import { YArray, YArrayItem, YDoc, YDocSet, YMap, YMapItem, YNode } from './nodes.js';
import type { NodeAnnotation, NodeSource, NodeValue, Scalar } from './nodes.js';
import { Fragment, Noop, goTypeName, starlarkToNode } from './values.js';
import { goKeyString, sameKey } from './go-keys.js';

class EvalCtx {
  rootInit = false;
  root: YNode | null = null;
  parents: YNode[] = [];
  parentTags: number[] = [];
  // made when first needed: most contexts (every def of YAML nodes is one) have neither
  pendingAnnotations: Map<number, NodeAnnotation[]> | null = null;
  pendingKeys: Map<number, Scalar> | null = null;
}

function newNode(p: NodeProto, file: string | null): YNode {
  let n: YNode;
  switch (p.kind) {
    case 'docset': n = new YDocSet(); break;
    case 'doc': n = new YDoc(null); break;
    case 'map': n = new YMap(); break;
    case 'mapitem': n = new YMapItem(p.key, null); break;
    case 'array': n = new YArray(); break;
    case 'arrayitem': n = new YArrayItem(null); break;
  }
  n.line = p.line;
  n.file = file;
  return n;
}

function setValue(n: YNode, v: NodeValue): void {
  if (n instanceof YMapItem || n instanceof YArrayItem || n instanceof YDoc) {
    if (v instanceof YDocSet) {
      // a library's eval() or a def of documents: ytt refuses a document set as a value
      const what = n instanceof YMapItem ? 'map items can only contain arrays, maps' : n instanceof YArrayItem ? 'array items can only contain maps, arrays' : 'documents can only contain arrays, maps';
      fail(`${what}, or scalars; this is a document set`);
    }
    n.value = v;
    return;
  }
  fail(`cannot set value on a ${n.kind}`);
}

function addValue(n: YNode, v: NodeValue | YNode): void {
  if (n instanceof YMap) {
    if (!(v instanceof YMapItem)) fail(`Expected map item, but was ${describe(v)}`);
    n.items.push(v);
    return;
  }
  if (n instanceof YArray) {
    if (!(v instanceof YArrayItem)) fail(`Expected array item, but was ${describe(v)}`);
    n.items.push(v);
    return;
  }
  if (n instanceof YDocSet) {
    if (!(v instanceof YDoc)) fail(`Expected document, but was ${describe(v)}`);
    n.docs.push(v);
    return;
  }
  setValue(n, v as NodeValue);
}

function describe(v: unknown): string {
  if (v instanceof YNode) return v.kind;
  return typeof v;
}

function hasOverride(n: YNode): boolean {
  return n.annotations.some((a) => a.name === 'yaml/map-key-override');
}


/** Applies ytt's map-key override rule before adding `item` to `map`. */
export function mapItemOverride(map: YMap, item: YMapItem, strict: boolean): void {
  const items = map.items;
  let idx = -1;
  for (let i = 0; i < items.length; i++) {
    if (sameKey(items[i]!.key, item.key)) {
      idx = i;
      break;
    }
  }
  if (idx < 0) return;
  if (strict && !hasOverride(item)) {
    fail(`expected key '${goKeyString(item.key)}' to not be specified again (unless 'yaml/map-key-override' annotation is added)`);
  }
  map.items.splice(idx, 1);
}

export class TemplateRuntime {
  private ctxs: EvalCtx[] = [];
  rootCtx: EvalCtx | null = null;
  private texts: string[] = [];
  /** Each template node's source (positions only), made once and shared by the nodes built from it. */
  private sources: (NodeSource | null)[] | undefined;

  /**
   * `fileName`: the file every node built was written in (YNode.file). `file`: when given, every
   * node built also gets its source for positions (the file and the template node's line).
   */
  constructor(
    private readonly protos: NodeProto[],
    private readonly fileName: string | null = null,
    private readonly file?: { name: string; index: number | undefined },
  ) {}

  rootNode(): YNode | null {
    return this.rootCtx ? this.rootCtx.root : null;
  }

  private cur(): EvalCtx {
    const c = this.ctxs[this.ctxs.length - 1];
    if (!c) fail('internal error: no template evaluation context');
    return c;
  }

  private ancestors(tag: number): number[] {
    // kept on the template's node (compiled once, evaluated for every run)
    const proto = this.protos[tag]!;
    let a = proto.ancestors;
    if (!a) {
      a = [];
      for (let t: number | null = tag; t !== null; t = this.protos[t]!.parent) a.push(t);
      a.reverse(); // root first
      proto.ancestors = a;
    }
    return a;
  }

  /** Deepest node shared by the chain of `a` (inclusive) and the chain of `b`'s parent (inclusive). */
  private commonParent(a: number, b: number): number {
    const pb = this.protos[b]!.parent;
    if (pb === null) return a;
    const x = this.ancestors(a);
    const y = this.ancestors(pb);
    let common = x[0]!;
    for (let i = 0; i < x.length && i < y.length; i++) {
      if (x[i] !== y[i]) break;
      common = x[i]!;
    }
    return common;
  }

  private startNode(tag: number): void {
    const ctx = this.cur();
    const proto = this.protos[tag];
    if (!proto) fail(`expected to find node ${tag}`);
    const node = newNode(proto, this.fileName);
    if (this.file !== undefined) this.setSource(node, tag, proto);
    const anns = ctx.pendingAnnotations?.get(tag);
    if (anns) {
      ctx.pendingAnnotations!.delete(tag);
      node.annotations = anns;
    }
    if (ctx.pendingKeys?.has(tag)) {
      (node as YMapItem).key = ctx.pendingKeys.get(tag)!;
      ctx.pendingKeys.delete(tag);
    }
    if (!ctx.rootInit) {
      if (node instanceof YDoc || node instanceof YMapItem || node instanceof YArrayItem) {
        this.startNode(proto.parent!);
      } else {
        ctx.rootInit = true;
        ctx.root = node;
      }
    }
    if (ctx.parents.length > 0) {
      const common = this.commonParent(ctx.parentTags[ctx.parentTags.length - 1]!, tag);
      const i = ctx.parentTags.lastIndexOf(common);
      if (i < 0) fail(`expected to find node ${common} when unwinding`);
      // (pop, not `length = i + 1`: setting an array's length is a slow call into V8's runtime)
      while (ctx.parents.length > i + 1) {
        ctx.parents.pop();
        ctx.parentTags.pop();
      }
      const parent = ctx.parents[i]!;
      if (parent instanceof YMap && node instanceof YMapItem) mapItemOverride(parent, node, true);
      addValue(parent, node);
    }
    ctx.parents.push(node);
    ctx.parentTags.push(tag);
  }

  private setSource(node: YNode, tag: number, proto: NodeProto): void {
    this.sources ??= [];
    let src = this.sources[tag];
    if (src === undefined) {
      src = proto.line === null ? null : { file: this.file!.name, index: this.file!.index, line: proto.line };
      this.sources[tag] = src;
    }
    if (src !== null) node.src = src;
  }

  /** The builtins bound to the instruction names. */
  builtins(): Map<string, Value> {
    const m = new Map<string, Value>();
    // instruction errors read "<instruction>: <error>" as in ytt (text values go through set_node there)
    const def = (name: string, fn: (args: Value[], kwargs: Kwargs) => Value): void => {
      const shown = name === INS.textAddValue ? INS.setNode : name;
      m.set(name, new Builtin(name, (_t, args, kwargs) => {
        try {
          return fn(args, kwargs);
        } catch (e) {
          if (e instanceof StarError) throw new StarError(`${shown}: ${e.message}`);
          throw e;
        }
      }));
    };
    def(INS.setCtxType, () => null);
    def(INS.startCtx, () => {
      const c = new EvalCtx();
      this.ctxs.push(c);
      if (this.ctxs.length === 1 && this.rootCtx === null) this.rootCtx = c;
      return null;
    });
    def(INS.endCtx, (args) => {
      const c = this.ctxs.pop();
      if (!c) fail('unexpected ctx end');
      if (args.length === 1) return args[0]!;
      const root = c.root;
      if (root === null) return new Fragment(null);
      if (root instanceof YMap || root instanceof YArray || root instanceof YDocSet) return new Fragment(root);
      return new Fragment(null);
    });
    def(INS.collectNodeAnnotation, (args, kwargs) => {
      const items: Value[] = [new Tuple(args)];
      for (const [k, v] of kwargs) items.push(new Tuple([k, v]));
      return new Tuple(items);
    });
    def(INS.startNodeAnnotation, (args) => {
      const [tag, name, collected] = args as [number, string, Tuple];
      const ctx = this.cur();
      const list = ctx.pendingAnnotations?.get(tag) ?? [];
      const argsT = collected.items[0] as Tuple;
      const kw: [string, unknown][] = collected.items.slice(1).map((t) => [(t as Tuple).items[0] as string, (t as Tuple).items[1]]);
      const existing = list.findIndex((a) => a.name === name);
      const proto = this.protos[tag];
      const at = proto ? proto.annotationNames.indexOf(name) : -1;
      const ann: NodeAnnotation = { name, args: argsT.items, kwargs: kw, line: at >= 0 ? proto!.annotationLines[at]! : proto?.line ?? null };
      if (existing >= 0) list[existing] = ann;
      else list.push(ann);
      (ctx.pendingAnnotations ??= new Map()).set(tag, list);
      return null;
    });
    def(INS.startNode, (args) => {
      this.startNode(args[0] as number);
      return null;
    });
    def(INS.setNode, (args) => {
      const ctx = this.cur();
      const parent = ctx.parents[ctx.parents.length - 1];
      if (!parent) fail('internal error: set_node without a node');
      if (args.length > 1) {
        const v = args[1]!;
        if (v instanceof Noop) return null;
        setValue(parent, starlarkToNode(v));
        return null;
      }
      const proto = this.protos[args[0] as number]!;
      for (const s of proto.scalars) addValue(parent, s);
      return null;
    });
    def(INS.setMapItemKey, (args) => {
      const ctx = this.cur();
      const v = starlarkToNode(args[1]!);
      if (v instanceof YNode) fail('Expected map key to be a scalar');
      (ctx.pendingKeys ??= new Map()).set(args[0] as number, v);
      return null;
    });
    def(INS.startText, () => {
      this.texts.push('');
      return null;
    });
    def(INS.textAdd, (args) => {
      this.texts[this.texts.length - 1] += args[0] as string;
      return null;
    });
    def(INS.textAddValue, (args) => {
      const v = args[0]!;
      if (typeof v !== 'string') {
        fail(`cannot set non-string value (${goTypeName(v)}), consider using str(...) to convert to string`);
      }
      this.texts[this.texts.length - 1] += v;
      return null;
    });
    def(INS.endText, () => {
      const s = this.texts.pop();
      if (s === undefined) fail('internal error: unbalanced text template');
      return s;
    });
    def(INS.endTextWith, (args) => {
      if (this.texts.pop() === undefined) fail('internal error: unbalanced text template');
      return args[0] ?? null;
    });
    return m;
  }

  /** template.replace(value): replaces the current node in its parent with the given items. */
  replace(v: Value): Value {
    const ctx = this.cur();
    const nodes = [ctx.root, ...ctx.parents].filter((n): n is YNode => n !== null);
    const cur = nodes[nodes.length - 1];
    const parent = nodes[nodes.length - 2];
    if (!cur || !parent) fail('expected to find parent node for replacement');
    const val = starlarkToNode(v);
    if (cur instanceof YMapItem && parent instanceof YMap) {
      let items: YMapItem[];
      let carry = false;
      if (val instanceof YMap) {
        items = val.items;
        carry = v instanceof Fragment;
      } else fail(`expected value to be map, but was ${typeName(v)}`);
      for (const it of items) mapItemOverride(parent, it, carry);
      const i = parent.items.indexOf(cur);
      if (i < 0) fail('expected to find placeholder map item in map');
      parent.items.splice(i, 1, ...items);
    } else if (cur instanceof YArrayItem && parent instanceof YArray) {
      if (!(val instanceof YArray)) fail(`expected value to be array, but was ${typeName(v)}`);
      const i = parent.items.indexOf(cur);
      parent.items.splice(i, 1, ...val.items);
    } else if (cur instanceof YDoc && parent instanceof YDocSet) {
      let docs: YDoc[];
      if (val instanceof YArray) docs = val.items.map((it) => new YDoc(it.value));
      else if (val instanceof YDocSet) docs = val.docs;
      else fail(`expected value to be docset, but was ${typeName(v)}`);
      const i = parent.docs.indexOf(cur);
      parent.docs.splice(i, 1, ...docs);
    } else {
      fail(`expected to replace document value, map item or array item, but found ${cur.kind}`);
    }
    return new Noop();
  }
}

// ---------------------------------------------------------------------------
// program transformation (defs with YAML nodes return fragments)

function ident(name: string): Expr {
  return { type: 'Ident', pos: { line: 0, col: 0 }, name };
}

function call(name: string, args: Expr[], at?: Pos): Expr {
  const pos = at ?? args[0]?.pos ?? { line: 0, col: 0 };
  return { type: 'CallExpr', pos, lparen: pos, fn: ident(name), args: args.map((x) => ({ kind: 'pos' as const, x })) };
}

export function insertTemplateContexts(file: File): void {
  // per enclosing def: 0 = plain, 1 = builds YAML nodes, 2 = builds text (text-templated strings)
  const uses: number[] = [];

  const stmts = (ss: Stmt[]): void => {
    for (const s of ss) stmt(s);
  };
  const stmt = (s: Stmt): void => {
    switch (s.type) {
      case 'ExprStmt': expr(s.x); break;
      case 'BranchStmt': case 'LoadStmt': break;
      case 'IfStmt': expr(s.cond); stmts(s.t); stmts(s.f); break;
      case 'AssignStmt': expr(s.rhs); break;
      case 'DefStmt': fn(s.fn); break;
      case 'ForStmt': expr(s.x); stmts(s.body); break;
      case 'WhileStmt': expr(s.cond); stmts(s.body); break;
      case 'ReturnStmt':
        if (uses.length > 0) {
          const u = uses[uses.length - 1];
          if (u === 1) s.result = call(INS.endCtx, s.result ? [s.result] : [], s.pos);
          else if (u === 2) s.result = call(INS.endTextWith, [s.result ?? { type: 'Ident', pos: s.pos, name: 'None' }], s.pos);
        } else if (s.result) expr(s.result);
        break;
    }
  };
  const expr = (e: Expr): void => {
    switch (e.type) {
      case 'Ident':
        if (uses.length > 0) {
          if (e.name === INS.startNode || e.name === INS.setNode) uses[uses.length - 1] = 1;
          else if ((e.name === INS.textAdd || e.name === INS.textAddValue) && uses[uses.length - 1] === 0) uses[uses.length - 1] = 2;
        }
        break;
      case 'Literal': break;
      case 'ListExpr': case 'TupleExpr': e.list.forEach(expr); break;
      case 'CondExpr': expr(e.cond); expr(e.t); expr(e.f); break;
      case 'IndexExpr': expr(e.x); expr(e.y); break;
      case 'DictExpr': for (const d of e.list) { expr(d.key); expr(d.value); } break;
      case 'SliceExpr': expr(e.x); if (e.lo) expr(e.lo); if (e.hi) expr(e.hi); if (e.step) expr(e.step); break;
      case 'Comprehension': {
        for (const c of e.clauses) {
          if (c.type === 'for') expr(c.x);
          else expr(c.cond);
        }
        const b = e.body;
        if ('type' in b) expr(b);
        else { expr(b.key); expr(b.value); }
        break;
      }
      case 'UnaryExpr': expr(e.x); break;
      case 'BinaryExpr': expr(e.x); expr(e.y); break;
      case 'DotExpr': expr(e.x); break;
      case 'CallExpr': expr(e.fn); for (const a of e.args) expr(a.x); break;
      case 'LambdaExpr': break;
      case 'ParenExpr': expr(e.x); break;
    }
  };
  const fn = (f: FuncDef): void => {
    uses.push(0);
    for (const p of f.params) if (p.dflt) expr(p.dflt);
    stmts(f.body);
    const u = uses[uses.length - 1];
    const pos = f.pos;
    // the inserted statements have no position (line 0), like the ones ytt synthesises
    const none = { line: 0, col: 0 };
    if (u === 1) {
      const start: Stmt = { type: 'ExprStmt', pos: none, x: call(INS.startCtx, [{ type: 'Literal', pos: none, value: 'yaml', kind: 'string' }], none) };
      const end: Stmt = { type: 'ReturnStmt', pos, result: call(INS.endCtx, [], pos) };
      f.body = [start, ...f.body, end];
    } else if (u === 2) {
      const start: Stmt = { type: 'ExprStmt', pos: none, x: call(INS.startText, [], none) };
      const end: Stmt = { type: 'ReturnStmt', pos, result: call(INS.endText, [], pos) };
      f.body = [start, ...f.body, end];
    }
    uses.pop();
  };
  stmts(file.stmts);
}

