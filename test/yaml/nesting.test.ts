// The one scan every reader asks before parsing (src/yaml/nesting.ts), and the one stack-overflow
// detector (src/util/stack-overflow.ts).
import { describe, expect, it } from 'vitest';
import { flowDepthExceeded, nestingTooDeep } from '../../src/yaml/index.js';
import { isStackOverflow } from '../../src/util/stack-overflow.js';

describe('nestingTooDeep', () => {
  it('finds flow nesting and compact block sequences beyond 1,000 levels, at the first opening past the limit', () => {
    const flow = `a: 1\nb: ${'['.repeat(1_001)}${']'.repeat(1_001)}\n`;
    expect(nestingTooDeep(flow)).toBe(flow.indexOf('[') + 1_000);
    const compact = `a:\n  ${'- '.repeat(1_001)}x\n`;
    expect(nestingTooDeep(compact)).toBe(compact.indexOf('-') + 2_000);
    expect(nestingTooDeep(`${flow}${compact}`)).toBe(flow.indexOf('[') + 1_000);
  });
  it('counts no bracket the parser would not: in block, plain and quoted scalars and comments', () => {
    const text = `a: |\n  ${'['.repeat(1_500)}\nb: x${'{'.repeat(1_200)}\nc: "${'['.repeat(1_100)}"\n# ${'{'.repeat(1_100)}\n`;
    expect(flowDepthExceeded(text)).toBe(-1);
    expect(nestingTooDeep(text)).toBe(-1);
  });
  it('a thousand dashes that do not nest are not too deep', () => {
    expect(nestingTooDeep(`${'- x\n'.repeat(2_000)}`)).toBe(-1);
    expect(nestingTooDeep(`a: ${'-'.repeat(2_000)}\n`)).toBe(-1);
    expect(nestingTooDeep(`${'- '.repeat(1_000)}x\n${'- '.repeat(1_000)}y\n`)).toBe(-1);
  });
});

describe('isStackOverflow', () => {
  it('is true for running out of stack, thrown or recorded in a parser message, and for no other RangeError', () => {
    let overflow: unknown;
    try {
      const f = (): number => f() + 1;
      f();
    } catch (e) {
      overflow = e;
    }
    expect(isStackOverflow(overflow)).toBe(true);
    expect(isStackOverflow('Nested error: Maximum call stack size exceeded at line 3')).toBe(true);
    expect(isStackOverflow(new RangeError('Invalid string length'))).toBe(false);
    expect(isStackOverflow(new Error('something else'))).toBe(false);
  });
});
