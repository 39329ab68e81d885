// The Starlark parser's shortcuts give the trees its general path gives: a template instruction
// (`name(N)` alone on its line) read in one step, and binary operators read by precedence
// climbing. The general path is forced by a trailing space (the shortcut wants the line to end
// at `)`), or checked against the trees written out.
import { describe, expect, it } from 'vitest';
import { parseExpr, parseFile } from '../../src/ytt/starlark/syntax/parser.js';

const tree = (src: string): string => {
  try {
    return JSON.stringify(parseFile('t.star', src), (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
  } catch (e) {
    const err = e as { msg?: string; message: string; pos?: unknown };
    return `error: ${err.msg ?? err.message} at ${JSON.stringify(err.pos)}`;
  }
};

describe('template instructions', () => {
  const programs = [
    '__ytt_tpl2_start_node(12)\n',
    'f(0)\n',
    'f(123456789012345)\n',
    'f(12)', // at the end of the text
    'if x:\nf(1)\nelse:\nf(2)\nend\n',
    'def g():\nf(3)\nreturn 1\nend\n',
    'for a in b:\n  f(4)\nend\n',
    'x = 1; f(5)\n',
  ];
  it.each(programs.map((p) => [JSON.stringify(p), p]))('%s: the general path\'s tree', (_name, p) => {
    const general = p.replace(/\)(\n|$)/g, ') $1');
    expect(tree(p)).toBe(tree(general));
    expect(tree(p)).not.toMatch(/^error/);
  });
  it('leaves what is not an instruction to the general path, errors included', () => {
    for (const p of ['f(012)\n', 'f(00)\n', 'f(1234567890123456)\n', 'f(12)(3)\n', 'f(12).a\n', 'f(12) + 1\n', 'f(12)#c\n', 'pass(1)\n', 'f(1)=2\n']) {
      expect(tree(p), p).toBe(tree(p.replace(/\n$/, ' \n')));
    }
    expect(tree('f(012)\n')).toMatch(/^error: obsolete form of octal literal/);
  });
});

describe('binary operators', () => {
  const shape = (src: string): string => {
    const show = (e: unknown): string => {
      const x = e as { type: string; op?: string; x?: unknown; y?: unknown; name?: string; value?: unknown };
      if (x.type === 'BinaryExpr') return `(${show(x.x)} ${x.op} ${show(x.y)})`;
      if (x.type === 'UnaryExpr') return `(${x.op} ${show(x.x)})`;
      if (x.type === 'Ident') return x.name!;
      if (x.type === 'Literal') return String(x.value);
      return x.type;
    };
    return show(parseExpr(src));
  };
  it.each([
    ['a + b * c - d', '((a + (b * c)) - d)'],
    ['a - b - c', '((a - b) - c)'],
    ['a or b and not c == d', '(a or (b and (not (c == d))))'],
    ['a | b ^ c & d << 1 + 2', '(a | (b ^ (c & (d << (1 + 2)))))'],
    ['a not in b or c in d', '((a not in b) or (c in d))'],
    ['-a * b // c % d', '((((- a) * b) // c) % d)'],
    ['a < b + 1', '(a < (b + 1))'],
  ])('%s', (src, expected) => {
    expect(shape(src)).toBe(expected);
  });
  it('refuses chained comparisons and a `not` without `in`', () => {
    expect(() => parseExpr('a < b < c')).toThrow(/< does not associate with < \(use parens\)/);
    expect(() => parseExpr('a == b not in c')).toThrow(/== does not associate with not in/);
    expect(() => parseExpr('a not b')).toThrow(/got identifier, want in/);
  });
});
