// Property-based tests of the ytt engine's expression evaluation (fast-check): integer arithmetic
// (arbitrary precision, Python's floor division and modulo), string building and slicing, and
// comparisons agree with a reference written in JavaScript; and any text at all as a `#@`
// expression ends in a value or a YttError — never a JavaScript exception, never a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runYtt, YttError } from '../../src/ytt/index.js';
import { fuzz, fuzzTimeout } from '../helpers/fuzz.js';

type Ref = bigint | string | boolean | 'error';

/** Evaluates `v: #@ <expr>` with the built-in engine: the value of v, or 'error'. */
function ytt(expr: string): unknown {
  try {
    const { documents } = runYtt([{ name: 'expr.yml', text: `v: #@ ${expr}\n` }], { maxSteps: 100_000 });
    return (documents[0] as Map<string, unknown>).get('v');
  } catch (err) {
    if (err instanceof YttError) return 'error';
    throw err;
  }
}

// ---- integers ----

interface IntExpr {
  text: string;
  value: bigint | 'error';
}

const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
};
const floorMod = (a: bigint, b: bigint): bigint => {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
};

function binaryInt(op: string, x: IntExpr, y: IntExpr): IntExpr {
  const text = `(${x.text} ${op} ${y.text})`;
  if (x.value === 'error' || y.value === 'error') return { text, value: 'error' };
  const a = x.value;
  const b = y.value;
  switch (op) {
    case '+':
      return { text, value: a + b };
    case '-':
      return { text, value: a - b };
    case '*':
      return { text, value: a * b };
    case '//':
      return { text, value: b === 0n ? 'error' : floorDiv(a, b) };
    default:
      return { text, value: b === 0n ? 'error' : floorMod(a, b) };
  }
}

const { int } = fc.letrec<{ int: IntExpr }>((tie) => ({
  int: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    fc.integer({ min: -40, max: 40 }).map((n) => ({ text: n < 0 ? `(${n})` : String(n), value: BigInt(n) })),
    fc.constantFrom('9007199254740993', '-4611686018427387904').map((n) => ({ text: `(${n})`, value: BigInt(n) })),
    fc.tuple(fc.constantFrom('+', '-', '*', '//', '%'), tie('int'), tie('int')).map(([op, x, y]) => binaryInt(op, x, y)),
    tie('int').map((x): IntExpr => ({ text: `(-${x.text})`, value: x.value === 'error' ? 'error' : -x.value })),
  ),
}));

// ---- strings ----

interface StrExpr {
  text: string;
  value: string;
}

/** Python's s[a:b] for ASCII strings. */
function slice(s: string, a: number, b: number): string {
  const norm = (i: number) => Math.min(Math.max(i < 0 ? s.length + i : i, 0), s.length);
  return s.slice(norm(a), norm(b));
}

const ascii = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', ' ', '-', '_', '0'), maxLength: 5 });
const { str } = fc.letrec<{ str: StrExpr }>((tie) => ({
  str: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    ascii.map((s) => ({ text: JSON.stringify(s), value: s })),
    fc.tuple(tie('str'), tie('str')).map(([x, y]) => ({ text: `(${x.text} + ${y.text})`, value: x.value + y.value })),
    fc.tuple(tie('str'), fc.integer({ min: -1, max: 3 })).map(([x, n]) => ({ text: `(${x.text} * ${n})`, value: n > 0 ? x.value.repeat(n) : '' })),
    fc.tuple(tie('str'), fc.integer({ min: -6, max: 6 }), fc.integer({ min: -6, max: 6 })).map(([x, a, b]) => ({ text: `${x.text}[${a}:${b}]`, value: slice(x.value, a, b) })),
    tie('str').map((x) => ({ text: `${x.text}.upper()`, value: x.value.toUpperCase() })),
  ),
}));

describe('the ytt engine evaluates expressions as Starlark does', () => {
  it('integer arithmetic: arbitrary precision, floor division and modulo, division by zero an error', () => {
    fc.assert(
      fc.property(int, (e) => {
        const got = ytt(e.text);
        if (e.value === 'error') expect(got).toBe('error');
        else expect(BigInt(got as number | bigint)).toBe(e.value);
      }),
      fuzz(300),
    );
  }, fuzzTimeout(20_000));

  it('strings: concatenation, repetition, slicing, upper()', () => {
    fc.assert(
      fc.property(str, (e) => {
        expect(ytt(e.text)).toBe(e.value);
        expect(ytt(`len(${e.text})`)).toBe(e.value.length);
      }),
      fuzz(300),
    );
  }, fuzzTimeout(20_000));

  it('comparisons and boolean operators', () => {
    fc.assert(
      fc.property(int, int, fc.constantFrom('<', '<=', '==', '!=', '>', '>='), fc.boolean(), (x, y, op, negate) => {
        fc.pre(x.value !== 'error' && y.value !== 'error');
        const a = x.value as bigint;
        const b = y.value as bigint;
        const cmp = { '<': a < b, '<=': a <= b, '==': a === b, '!=': a !== b, '>': a > b, '>=': a >= b }[op];
        const expected: Ref = negate ? !cmp : cmp;
        expect(ytt(`${negate ? 'not ' : ''}(${x.text} ${op} ${y.text})`)).toBe(expected);
      }),
      fuzz(200),
    );
  }, fuzzTimeout(20_000));

  it('any text as an expression gives a value or a YttError: never an exception, never a hang', () => {
    const token = fc.constantFrom(
      '(', ')', '[', ']', '{', '}', ',', ':', '.', '+', '-', '*', '**', '/', '//', '%', '==', 'not', 'and', 'or', 'if', 'else',
      'for', 'in', 'lambda', 'x', 'len', 'range', 'str', 'getattr', '"s"', "'t'", '1', '0', '-1', '9999999999999999999',
      'None', 'True', 'data', 'struct', 'json', 'yaml', 'def', 'return', '"constructor"', '"__proto__"', '\\', '#', ';',
    );
    const exprText = fc.oneof(fc.string({ maxLength: 30 }), fc.array(token, { maxLength: 14 }).map((t) => t.join(' ')));
    fc.assert(
      fc.property(exprText, (expr) => {
        const text = expr.replace(/\n/g, ' ');
        const started = Date.now();
        const got = ytt(text);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(typeof got).not.toBe('function');
      }),
      fuzz(400),
    );
  }, fuzzTimeout(20_000));
});
