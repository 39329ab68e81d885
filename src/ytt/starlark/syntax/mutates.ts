// Whether a program may change a list it did not make: what decides if runs can share data values
// (SharedDataValue). Lists change through their methods, index assignment and `+=` (in place in
// Starlark), also as a `for` target (`for l[0] in ...`, in a loop or a comprehension); a program
// with none of these, read conservatively (any such name or form anywhere, getattr with a name
// that is not a literal, and getattr named other than as the callee: `g = getattr`), cannot.
import type { File } from './ast.js';

const LIST_METHODS = new Set(['append', 'clear', 'extend', 'insert', 'pop', 'remove']);
const known = new WeakMap<File, boolean>();

export function mayChangeLists(file: File): boolean {
  let result = known.get(file);
  if (result === undefined) {
    result = visit(file, new Set());
    known.set(file, result);
  }
  return result;
}

/** A walk over every node of the tree (its shape does not matter: any object with a `type`). */
function visit(node: unknown, seen: Set<object>): boolean {
  if (node === null || typeof node !== 'object' || seen.has(node)) return false;
  seen.add(node);
  if (Array.isArray(node)) return node.some((n) => visit(n, seen));
  const n = node as { type?: string; name?: unknown; op?: string; lhs?: { type: string }; vars?: unknown; fn?: { type: string; name?: string }; args?: { x?: { type: string; kind?: string; value?: unknown } }[] };
  if (n.type === 'DotExpr' && typeof n.name === 'string' && LIST_METHODS.has(n.name)) return true;
  if (n.type === 'AssignStmt' && (n.op !== '=' || assignsIndex(n.lhs))) return true;
  if ((n.type === 'ForStmt' || n.type === 'for') && assignsIndex(n.vars)) return true;
  if (n.type === 'Ident' && n.name === 'getattr') return true; // not as the callee of a safe call (below)
  const safeGetattr = n.type === 'CallExpr' && n.fn?.type === 'Ident' && n.fn.name === 'getattr';
  if (safeGetattr) {
    const name = n.args?.[1]?.x;
    if (!(name?.type === 'Literal' && typeof name.value === 'string' && !LIST_METHODS.has(name.value))) return true;
  }
  for (const key of Object.keys(node)) {
    if (key === 'binding' || key === 'scope' || key === 'pos' || (safeGetattr && key === 'fn')) continue;
    if (visit((node as Record<string, unknown>)[key], seen)) return true;
  }
  return false;
}

function assignsIndex(lhs: unknown): boolean {
  const l = lhs as { type?: string; x?: unknown; list?: unknown[] } | undefined;
  if (!l) return false;
  if (l.type === 'IndexExpr') return true;
  if (l.type === 'ParenExpr') return assignsIndex(l.x);
  if (l.type === 'TupleExpr' || l.type === 'ListExpr') return (l.list ?? []).some(assignsIndex);
  return false;
}
