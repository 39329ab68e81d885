// Recursive-descent parser for Starlark (ytt block dialect).
import { BlockScanner, Scanner, SyntaxError } from './scanner.js';
import type { Pos, Tok, Token } from './scanner.js';
import type { Arg, Clause, DictEntry, Expr, File, FuncDef, Param, Stmt, Ident } from './ast.js';

export function parseFile(name: string, src: string): File {
  const p = new Parser(src);
  const stmts = p.parseFile();
  return { name, stmts };
}

/** Parses a standalone expression (used for tests / helpers). */
export function parseExpr(src: string): Expr {
  const p = new Parser(src);
  return p.parseStandaloneExpr();
}

const TOK_DESC: Partial<Record<Tok, string>> = {
  EOF: 'end of file',
  NEWLINE: 'newline',
  INDENT: 'indent',
  OUTDENT: 'outdent',
  IDENT: 'identifier',
  INT: 'int literal',
  FLOAT: 'float literal',
  STRING: 'string literal',
  BYTES: 'bytes literal',
};

function tokDesc(t: Token): string {
  return tokName(t.tok);
}

/** Token names as starlark-go prints them in parse errors: punctuation quoted, keywords bare. */
function tokName(t: Tok): string {
  const d = TOK_DESC[t];
  if (d) return d;
  if (/^[a-z]/.test(t)) return t; // keywords
  return `'${t}'`;
}

// binary operator precedence (higher binds tighter)
const PREC: Partial<Record<Tok, number>> = {
  or: 1,
  and: 2,
  // not: 3 (unary)
  '==': 4, '!=': 4, '<': 4, '>': 4, '<=': 4, '>=': 4, in: 4, 'not in': 4,
  '|': 5,
  '^': 6,
  '&': 7,
  '<<': 8, '>>': 8,
  '-': 9, '+': 9,
  '*': 10, '%': 10, '/': 10, '//': 10,
};

class Parser {
  private sc: BlockScanner;
  private tok!: Token;

  constructor(src: string) {
    this.sc = new BlockScanner(new Scanner(src));
    this.nextToken();
  }

  private nextToken(): Pos {
    const old = this.tok ? this.tok.pos : { line: 1, col: 1 };
    this.tok = this.sc.next();
    return old;
  }

  private cur(): Tok {
    return this.tok.tok;
  }

  private err(msg: string): never {
    throw new SyntaxError(this.sc.pos(), msg);
  }

  private expect(t: Tok): Pos {
    if (this.cur() !== t) this.err(`got ${tokDesc(this.tok)}, want ${tokName(t)}`);
    return this.nextToken();
  }

  parseFile(): Stmt[] {
    const stmts: Stmt[] = [];
    while (this.cur() !== 'EOF') {
      if (this.cur() === 'NEWLINE') {
        this.nextToken();
        continue;
      }
      this.parseStmt(stmts);
    }
    return stmts;
  }

  parseStandaloneExpr(): Expr {
    const x = this.parseExpr(false);
    while (this.cur() === 'NEWLINE') this.nextToken();
    if (this.cur() !== 'EOF') this.err(`got ${tokDesc(this.tok)} after expression, want EOF`);
    return x;
  }

  private parseStmt(stmts: Stmt[]): void {
    switch (this.cur()) {
      case 'def': stmts.push(this.parseDefStmt()); return;
      case 'if': stmts.push(this.parseIfStmt()); return;
      case 'for': stmts.push(this.parseForStmt()); return;
      case 'while': stmts.push(this.parseWhileStmt()); return;
      default: this.parseSimpleStmt(stmts, true);
    }
  }

  private parseDefStmt(): Stmt {
    const pos = this.nextToken();
    const id = this.parseIdent();
    this.expect('(');
    const params = this.parseParams();
    this.expect(')');
    this.expect(':');
    const body = this.parseSuite();
    const fn: FuncDef = { name: id.name, pos, params, body };
    return { type: 'DefStmt', pos, name: id, fn };
  }

  private parseParams(): Param[] {
    const params: Param[] = [];
    while (this.cur() !== ')' && this.cur() !== ':' && this.cur() !== 'EOF') {
      if (params.length > 0) this.expect(',');
      if (this.cur() === ')' || this.cur() === ':') break;
      const pos = this.tok.pos;
      if (this.cur() === '*' || this.cur() === '**') {
        const star = this.cur();
        this.nextToken();
        if (star === '*' && this.cur() !== 'IDENT') {
          params.push({ kind: 'bare-star', name: '', pos });
          continue;
        }
        const id = this.parseIdent();
        params.push({ kind: star === '*' ? 'star' : 'starstar', name: id.name, pos });
        continue;
      }
      const id = this.parseIdent();
      if (this.cur() === '=') {
        this.nextToken();
        const dflt = this.parseTest();
        params.push({ kind: 'default', name: id.name, pos, dflt });
      } else {
        params.push({ kind: 'plain', name: id.name, pos });
      }
    }
    return params;
  }

  private parseIfStmt(): Stmt {
    const pos = this.nextToken();
    const cond = this.parseTest();
    this.expect(':');
    const t = this.parseSuite();
    const root: Stmt = { type: 'IfStmt', pos, cond, t, f: [] };
    let tail = root as Extract<Stmt, { type: 'IfStmt' }>;
    while (this.cur() === 'elif') {
      const epos = this.nextToken();
      const c = this.parseTest();
      this.expect(':');
      const body = this.parseSuite();
      const elif: Extract<Stmt, { type: 'IfStmt' }> = { type: 'IfStmt', pos: epos, cond: c, t: body, f: [] };
      tail.f = [elif];
      tail = elif;
    }
    if (this.cur() === 'else') {
      this.nextToken();
      this.expect(':');
      tail.f = this.parseSuite();
    }
    return root;
  }

  private parseForStmt(): Stmt {
    const pos = this.nextToken();
    const vars = this.parseForLoopVars();
    this.expect('in');
    const x = this.parseExpr(false);
    this.expect(':');
    const body = this.parseSuite();
    return { type: 'ForStmt', pos, vars, x, body };
  }

  private parseWhileStmt(): Stmt {
    const pos = this.nextToken();
    const cond = this.parseTest();
    this.expect(':');
    const body = this.parseSuite();
    return { type: 'WhileStmt', pos, cond, body };
  }

  // loop variables: primary expressions separated by commas
  private parseForLoopVars(): Expr {
    const pos = this.tok.pos;
    const v = this.parsePrimaryWithSuffix();
    if (this.cur() !== ',') return v;
    const list = [v];
    while (this.cur() === ',') {
      this.nextToken();
      if (this.cur() === 'in') break;
      list.push(this.parsePrimaryWithSuffix());
    }
    return { type: 'TupleExpr', pos, list };
  }

  private parseSuite(): Stmt[] {
    if (this.cur() === 'NEWLINE') {
      this.nextToken();
      this.expect('INDENT');
      const stmts: Stmt[] = [];
      while (this.cur() !== 'OUTDENT' && this.cur() !== 'EOF') {
        if (this.cur() === 'NEWLINE') {
          this.nextToken();
          continue;
        }
        this.parseStmt(stmts);
      }
      this.expect('OUTDENT');
      return stmts;
    }
    const stmts: Stmt[] = [];
    this.parseSimpleStmt(stmts, false);
    return stmts;
  }

  private parseSimpleStmt(stmts: Stmt[], consumeNL: boolean): void {
    for (;;) {
      stmts.push(this.parseSmallStmt());
      if (this.cur() !== ';') break;
      this.nextToken();
      if (this.cur() === 'NEWLINE' || this.cur() === 'EOF') break;
    }
    if (consumeNL || this.cur() === 'NEWLINE') {
      if (this.cur() === 'EOF') return;
      this.expect('NEWLINE');
    }
  }

  private parseSmallStmt(): Stmt {
    const pos = this.tok.pos;
    switch (this.cur()) {
      case 'return': {
        this.nextToken();
        let result: Expr | undefined;
        if (this.cur() !== 'EOF' && this.cur() !== 'NEWLINE' && this.cur() !== ';') result = this.parseExpr(false);
        return { type: 'ReturnStmt', pos, result };
      }
      case 'break':
      case 'continue': {
        const tok = this.cur() as 'break' | 'continue';
        this.nextToken();
        return { type: 'BranchStmt', pos, tok };
      }
      case 'load':
        return this.parseLoadStmt();
      case 'IDENT': {
        // A template's instructions, `name(N)` alone on their lines, are most of its program:
        // they are read in one step (the tree the general path below makes).
        const t = this.tok;
        const call = this.sc.intCallRest(t);
        if (call) {
          this.nextToken();
          const fn: Expr = { type: 'Ident', pos: t.pos, name: t.raw };
          const arg: Expr = { type: 'Literal', pos: call.arg, value: call.num, kind: 'int' };
          return { type: 'ExprStmt', pos, x: { type: 'CallExpr', pos: fn.pos, lparen: call.lparen, fn, args: [{ kind: 'pos', x: arg }] } };
        }
        break;
      }
      default:
        break;
    }
    const x = this.parseExpr(false);
    const t = this.cur();
    if (t === '=' || t === '+=' || t === '-=' || t === '*=' || t === '/=' || t === '//=' || t === '%=' || t === '&=' || t === '|=' || t === '^=' || t === '<<=' || t === '>>=') {
      const opPos = this.tok.pos;
      this.nextToken();
      const rhs = this.parseExpr(false);
      return { type: 'AssignStmt', pos: opPos, op: t, lhs: x, rhs };
    }
    return { type: 'ExprStmt', pos, x };
  }

  private parseLoadStmt(): Stmt {
    const pos = this.nextToken();
    this.expect('(');
    if (this.cur() !== 'STRING') this.err(`first operand of load statement must be a string literal`);
    const module = this.tok.str!;
    this.nextToken();
    const from: string[] = [];
    const to: Ident[] = [];
    while (this.cur() !== ')') {
      this.expect(',');
      if (this.cur() === ')') break;
      if (this.cur() === 'STRING') {
        const s = this.tok.str!;
        to.push({ type: 'Ident', pos: this.tok.pos, name: s });
        from.push(s);
        this.nextToken();
      } else if (this.cur() === 'IDENT') {
        const id = this.parseIdent();
        this.expect('=');
        if (this.cur() !== 'STRING') this.err(`load operand must be "%[1]s" or %[1]s="originalname" (want '=' after %[1]s)`.replace(/%\[1\]s/g, id.name));
        from.push(this.tok.str!);
        to.push(id);
        this.nextToken();
      } else {
        this.err(`load operand must be "name" or localname="name" (got ${tokDesc(this.tok)})`);
      }
    }
    this.expect(')');
    if (from.length === 0) this.err('load statement must import at least 1 symbol');
    return { type: 'LoadStmt', pos, module, from, to };
  }

  private keywordErr(): never {
    this.err(`use of reserved keyword '${this.tok.raw}' is not allowed (expected identifier)`);
  }

  private isKeyword(): boolean {
    return /^[a-z]+$/.test(this.tok.raw) && this.cur() !== 'IDENT' && this.cur() === (this.tok.raw as Tok);
  }

  private parseIdent(): Ident {
    if (this.cur() !== 'IDENT') {
      if (this.isKeyword()) this.keywordErr();
      this.err(`not an identifier`);
    }
    const id: Ident = { type: 'Ident', pos: this.tok.pos, name: this.tok.raw };
    this.nextToken();
    return id;
  }

  // Expression = Test {',' Test} ; a trailing comma makes a tuple.
  parseExpr(inParens: boolean): Expr {
    const x = this.parseTest();
    if (this.cur() !== ',') return x;
    const list = [x];
    while (this.cur() === ',') {
      const commaPos = this.tok.pos;
      this.nextToken();
      if (this.terminatesExprList(this.cur())) {
        if (!inParens) throw new SyntaxError(commaPos, 'unparenthesized tuple with trailing comma');
        break;
      }
      list.push(this.parseTest());
    }
    return { type: 'TupleExpr', pos: x.pos, list };
  }

  private terminatesExprList(t: Tok): boolean {
    switch (t) {
      case 'EOF': case 'NEWLINE': case '=': case '+=': case '-=': case '*=': case '/=': case '//=': case '%=':
      case '&=': case '|=': case '^=': case '<<=': case '>>=': case ')': case ']': case '}': case ';': case ':': case 'in':
        return true;
      default:
        return false;
    }
  }

  parseTest(): Expr {
    if (this.cur() === 'lambda') return this.parseLambda(true);
    const x = this.parseTestPrec(0);
    if (this.cur() === 'if') {
      this.nextToken();
      const cond = this.parseTestPrec(0);
      if (this.cur() !== 'else') this.err(`conditional expression without else clause`);
      this.nextToken();
      const f = this.parseTest();
      return { type: 'CondExpr', pos: x.pos, cond, t: x, f };
    }
    return x;
  }

  // test without conditional (used in comprehension 'if' clauses)
  private parseTestNoCond(): Expr {
    if (this.cur() === 'lambda') return this.parseLambda(false);
    return this.parseTestPrec(0);
  }

  private parseLambda(allowCond: boolean): Expr {
    const pos = this.nextToken();
    const params = this.cur() === ':' ? [] : this.parseParams();
    this.expect(':');
    const body = allowCond ? this.parseTest() : this.parseTestNoCond();
    const fn: FuncDef = { name: 'lambda', pos, params, body: [{ type: 'ReturnStmt', pos: body.pos, result: body }] };
    return { type: 'LambdaExpr', pos, fn };
  }

  private parseTestPrec(prec: number): Expr {
    if (prec > 10) return this.parseUnary();
    if (prec >= 4) return this.parseBinary(this.parseUnary(), prec);
    if (prec === 3) {
      if (this.cur() === 'not') {
        const pos = this.nextToken();
        const x = this.parseTestPrec(3);
        return { type: 'UnaryExpr', pos, op: 'not', x };
      }
      return this.parseTestPrec(4);
    }
    // `or` (1) and `and` (2)
    let x = this.parseTestPrec(prec + 1);
    while (PREC[this.cur()] === prec) {
      const op: string = this.cur();
      const opPos = this.tok.pos;
      this.nextToken();
      const y = this.parseTestPrec(prec + 1);
      x = { type: 'BinaryExpr', pos: x.pos, opPos, op, x, y };
    }
    return x;
  }

  /**
   * The binary operators of precedence `min` (4, comparisons, or more) and above after `x`, by
   * precedence climbing: the tree one parseTestPrec level per precedence would build (operators
   * of one level associate to the left; comparisons do not associate), without descending through
   * every level for each operand.
   */
  private parseBinary(x: Expr, min: number): Expr {
    for (;;) {
      let op: string = this.cur();
      const opPos = this.tok.pos;
      let prec: number;
      if (op === 'not') {
        if (min > 4) return x;
        prec = 4;
        this.nextToken();
        if (this.cur() !== 'in') this.err(`got ${tokDesc(this.tok)}, want in`);
        op = 'not in';
      } else {
        const p = PREC[op as Tok];
        if (p === undefined || p < min) return x;
        prec = p;
      }
      this.nextToken();
      const y = this.parseTestPrec(prec + 1);
      x = { type: 'BinaryExpr', pos: x.pos, opPos, op, x, y };
      if (prec === 4) {
        const nt = this.cur();
        if (PREC[nt] === 4 || nt === 'not') this.err(`${op} does not associate with ${nt === 'not' ? 'not in' : nt} (use parens)`);
      }
    }
  }

  private parseUnary(): Expr {
    const t = this.cur();
    if (t === '-' || t === '+' || t === '~') {
      const pos = this.nextToken();
      const x = this.parseUnary();
      return { type: 'UnaryExpr', pos, op: t, x };
    }
    return this.parsePrimaryWithSuffix();
  }

  private parsePrimaryWithSuffix(): Expr {
    let x = this.parsePrimary();
    for (;;) {
      switch (this.cur()) {
        case '.': {
          this.nextToken();
          if (this.cur() !== 'IDENT') {
            if (this.isKeyword()) this.keywordErr();
            this.err(`got ${tokDesc(this.tok)}, want identifier`);
          }
          const namePos = this.tok.pos;
          const name = this.tok.raw;
          this.nextToken();
          x = { type: 'DotExpr', pos: x.pos, x, name, namePos };
          break;
        }
        case '[':
          x = this.parseSliceSuffix(x);
          break;
        case '(':
          x = this.parseCallSuffix(x);
          break;
        default:
          return x;
      }
    }
  }

  private parseSliceSuffix(x: Expr): Expr {
    const lbrack = this.nextToken();
    let lo: Expr | undefined;
    let hi: Expr | undefined;
    let step: Expr | undefined;
    if (this.cur() !== ':') {
      const y = this.parseExpr(false);
      if (this.cur() === ']') {
        this.nextToken();
        return { type: 'IndexExpr', pos: lbrack, x, y };
      }
      lo = y;
    }
    // slice
    if (this.cur() !== ':') this.err(`got ${tokDesc(this.tok)}, want ':'`);
    this.nextToken();
    if (this.cur() !== ':' && this.cur() !== ']') hi = this.parseTest();
    if (this.cur() === ':') {
      this.nextToken();
      if (this.cur() !== ']') step = this.parseTest();
    }
    this.expect(']');
    return { type: 'SliceExpr', pos: lbrack, x, lo, hi, step };
  }

  private parseCallSuffix(fn: Expr): Expr {
    const lparen = this.nextToken();
    const args: Arg[] = [];
    while (this.cur() !== ')') {
      if (args.length > 0) {
        this.expect(',');
        if (this.cur() === ')') break;
      }
      if (this.cur() === '*' || this.cur() === '**') {
        const k = this.cur();
        this.nextToken();
        const x = this.parseTest();
        args.push({ kind: k === '*' ? 'star' : 'starstar', x });
        continue;
      }
      const x = this.parseTest();
      if (this.cur() === '=') {
        if (x.type !== 'Ident') this.err(`keyword argument must have form name=expr`);
        this.nextToken();
        const v = this.parseTest();
        args.push({ kind: 'named', name: x.name, x: v });
        continue;
      }
      args.push({ kind: 'pos', x });
    }
    this.expect(')');
    return { type: 'CallExpr', pos: fn.pos, lparen, fn, args };
  }

  private parsePrimary(): Expr {
    const t = this.tok;
    switch (t.tok) {
      case 'IDENT': {
        this.nextToken();
        return { type: 'Ident', pos: t.pos, name: t.raw };
      }
      case 'INT':
        this.nextToken();
        return { type: 'Literal', pos: t.pos, value: t.num!, kind: 'int' };
      case 'FLOAT':
        this.nextToken();
        return { type: 'Literal', pos: t.pos, value: t.flt!, kind: 'float' };
      case 'STRING':
      case 'BYTES':
        this.nextToken();
        return { type: 'Literal', pos: t.pos, value: t.str!, kind: t.tok === 'STRING' ? 'string' : 'bytes' };
      case '[': {
        const pos = this.nextToken();
        if (this.cur() === ']') {
          this.nextToken();
          return { type: 'ListExpr', pos, list: [] };
        }
        const x = this.parseTest();
        if (this.cur() === 'for') return this.parseComprehensionSuffix(pos, x, false, ']');
        const list = [x];
        while (this.cur() === ',') {
          this.nextToken();
          if (this.cur() === ']') break;
          list.push(this.parseTest());
        }
        this.expect(']');
        return { type: 'ListExpr', pos, list };
      }
      case '{': {
        const pos = this.nextToken();
        if (this.cur() === '}') {
          this.nextToken();
          return { type: 'DictExpr', pos, list: [] };
        }
        const e = this.parseDictEntry();
        if (this.cur() === 'for') return this.parseComprehensionSuffix(pos, e, true, '}');
        const list = [e];
        while (this.cur() === ',') {
          this.nextToken();
          if (this.cur() === '}') break;
          list.push(this.parseDictEntry());
        }
        this.expect('}');
        return { type: 'DictExpr', pos, list };
      }
      case '(': {
        const pos = this.nextToken();
        if (this.cur() === ')') {
          this.nextToken();
          return { type: 'TupleExpr', pos, list: [] };
        }
        const x = this.parseExpr(true);
        this.expect(')');
        return { type: 'ParenExpr', pos, x };
      }
      case '-': case '+': case '~': {
        const pos = this.nextToken();
        const x = this.parsePrimaryWithSuffix();
        return { type: 'UnaryExpr', pos, op: t.tok, x };
      }
      default:
        this.err(`got ${tokDesc(t)}, want primary expression`);
    }
  }

  private parseDictEntry(): DictEntry {
    const key = this.parseTest();
    const pos = this.tok.pos;
    this.expect(':');
    const value = this.parseTest();
    return { key, value, pos };
  }

  private parseComprehensionSuffix(pos: Pos, body: Expr | DictEntry, curly: boolean, close: Tok): Expr {
    const clauses: Clause[] = [];
    while (this.cur() !== close) {
      if (this.cur() === 'for') {
        const cpos = this.nextToken();
        const vars = this.parseForLoopVars();
        this.expect('in');
        const x = this.parseTestPrec(0);
        clauses.push({ type: 'for', pos: cpos, vars, x });
      } else if (this.cur() === 'if') {
        const cpos = this.nextToken();
        const cond = this.parseTestNoCond();
        clauses.push({ type: 'if', pos: cpos, cond });
      } else {
        this.err(`got ${tokDesc(this.tok)}, want '${close}', for, or if`);
      }
    }
    this.nextToken();
    return { type: 'Comprehension', pos, curly, body, clauses };
  }
}
