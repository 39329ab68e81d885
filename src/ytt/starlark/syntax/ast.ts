// Starlark abstract syntax tree.
import type { Pos } from './scanner.js';

export type Expr =
  | Ident
  | Literal
  | ListExpr
  | TupleExpr
  | DictExpr
  | Comprehension
  | CondExpr
  | IndexExpr
  | SliceExpr
  | DotExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | LambdaExpr
  | ParenExpr;

/** How an identifier was resolved (filled in by the resolver). */
export type Binding =
  | { kind: 'local'; depth: number; index: number; name: string } // depth = number of function scopes to walk up
  | { kind: 'global'; index: number; name: string }
  | { kind: 'predeclared'; name: string }
  | { kind: 'universal'; name: string; /** the builtin, kept when first looked up (the universe never changes) */ value?: unknown };

export interface Ident { type: 'Ident'; pos: Pos; name: string; binding?: Binding }
export interface Literal { type: 'Literal'; pos: Pos; value: string | number | bigint; kind: 'string' | 'int' | 'float' | 'bytes' }
export interface ListExpr { type: 'ListExpr'; pos: Pos; list: Expr[] }
export interface TupleExpr { type: 'TupleExpr'; pos: Pos; list: Expr[] }
export interface DictEntry { key: Expr; value: Expr; pos: Pos }
export interface DictExpr { type: 'DictExpr'; pos: Pos; list: DictEntry[] }
export type Clause = { type: 'for'; pos: Pos; vars: Expr; x: Expr } | { type: 'if'; pos: Pos; cond: Expr };
export interface Comprehension {
  type: 'Comprehension';
  pos: Pos;
  curly: boolean;
  body: Expr | DictEntry;
  clauses: Clause[];
  scope?: Scope;
}
export interface CondExpr { type: 'CondExpr'; pos: Pos; cond: Expr; t: Expr; f: Expr }
export interface IndexExpr { type: 'IndexExpr'; pos: Pos; x: Expr; y: Expr }
export interface SliceExpr { type: 'SliceExpr'; pos: Pos; x: Expr; lo?: Expr; hi?: Expr; step?: Expr }
export interface DotExpr { type: 'DotExpr'; pos: Pos; x: Expr; name: string; namePos: Pos }
export type Arg =
  | { kind: 'pos'; x: Expr }
  | { kind: 'named'; name: string; x: Expr }
  | { kind: 'star'; x: Expr }
  | { kind: 'starstar'; x: Expr };
export interface CallExpr { type: 'CallExpr'; pos: Pos; lparen: Pos; fn: Expr; args: Arg[]; /** set when first evaluated: all arguments positional */ positional?: boolean }
export interface UnaryExpr { type: 'UnaryExpr'; pos: Pos; op: 'not' | '-' | '+' | '~'; x: Expr }
export interface BinaryExpr { type: 'BinaryExpr'; pos: Pos; opPos: Pos; op: string; x: Expr; y: Expr }
export interface LambdaExpr { type: 'LambdaExpr'; pos: Pos; fn: FuncDef }
export interface ParenExpr { type: 'ParenExpr'; pos: Pos; x: Expr }

export interface Param {
  kind: 'plain' | 'default' | 'star' | 'starstar' | 'bare-star';
  name: string; // '' for bare star
  pos: Pos;
  dflt?: Expr;
}

/** Scope info for a function or comprehension block, filled by the resolver. */
export interface Scope {
  nlocals: number;
  localNames: string[];
}

export interface FuncDef {
  name: string;
  pos: Pos;
  params: Param[];
  body: Stmt[];
  scope?: Scope;
  // derived by the resolver
  numPlain?: number; // count of params before * / *args
  numKwOnly?: number;
  hasVarargs?: boolean;
  hasKwargs?: boolean;
}

/** Steps a statement costs (set by the interpreter the first time it runs it). */
export interface StmtCost { cost?: number }

export type Stmt = ExprStmt | AssignStmt | DefStmt | IfStmt | ForStmt | WhileStmt | ReturnStmt | BranchStmt | LoadStmt;

export interface ExprStmt extends StmtCost { type: 'ExprStmt'; pos: Pos; x: Expr }
export interface AssignStmt extends StmtCost { type: 'AssignStmt'; pos: Pos; op: string; lhs: Expr; rhs: Expr }
export interface DefStmt extends StmtCost { type: 'DefStmt'; pos: Pos; name: Ident; fn: FuncDef }
export interface IfStmt extends StmtCost { type: 'IfStmt'; pos: Pos; cond: Expr; t: Stmt[]; f: Stmt[] }
export interface ForStmt extends StmtCost { type: 'ForStmt'; pos: Pos; vars: Expr; x: Expr; body: Stmt[] }
export interface WhileStmt extends StmtCost { type: 'WhileStmt'; pos: Pos; cond: Expr; body: Stmt[] }
export interface ReturnStmt extends StmtCost { type: 'ReturnStmt'; pos: Pos; result?: Expr }
export interface BranchStmt extends StmtCost { type: 'BranchStmt'; pos: Pos; tok: 'break' | 'continue' }
export interface LoadStmt extends StmtCost { type: 'LoadStmt'; pos: Pos; module: string; from: string[]; to: Ident[] }

export interface File {
  name: string;
  stmts: Stmt[];
  scope?: Scope; // toplevel locals (none in Starlark) — globals tracked separately
  globals?: string[];
}
