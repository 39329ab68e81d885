// Unit tests of the fast YAML reader (src/yaml/parse.ts): each construct of the subset gives the
// value we expect (written out here, not taken from the yaml package) AND the value the yaml
// package gives; each construct outside the subset, and each syntax error, falls back (null).
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { kubeYamlOptions } from '../../src/yaml/index.js';
import { explainFallback, parseYamlStream } from '../../src/yaml/parse.js';
import { compare, reference } from './fastparse-oracle.js';

/** The single document's value, checked against the yaml package too. */
function one(text: string): unknown {
  const o = compare(text);
  if (o.kind !== 'match') throw new Error(`${o.kind}: ${'message' in o ? o.message : explainFallback(text)?.reason}`);
  expect(o.fast.documents).toHaveLength(1);
  return o.fast.documents[0]!.value;
}

/** Valid YAML the fast parser declines (the yaml package reads it without errors). */
function declines(text: string, reason: string | RegExp): void {
  expect(reference(text).errors).toBe(false);
  expect(parseYamlStream(text)).toBeNull();
  expect(explainFallback(text)?.reason).toMatch(reason);
}

/** Invalid YAML: the yaml package reports errors, so the fast parser must return null. */
function rejects(text: string): void {
  expect(reference(text).errors).toBe(true);
  expect(parseYamlStream(text)).toBeNull();
}

describe('block collections', () => {
  it('mappings, nested by indentation', () => {
    expect(one('a: 1\nb:\n  c: x\n  d:\n    e: w\nf: z\n')).toStrictEqual({ a: 1, b: { c: 'x', d: { e: 'w' } }, f: 'z' });
  });
  it('any consistent indentation, and a top-level mapping that is indented', () => {
    expect(one('a:\n    b: 1\n    c:\n     d: 2\n')).toStrictEqual({ a: { b: 1, c: { d: 2 } } });
    expect(one('  a: 1\n  b: 2\n')).toStrictEqual({ a: 1, b: 2 });
  });
  it('sequences, indented under their key or not', () => {
    expect(one('a:\n  - x\n  - y\nb:\n- z\n-\n- w\nc: 1\n')).toStrictEqual({ a: ['x', true], b: ['z', null, 'w'], c: 1 });
  });
  it('compact nesting: `- key: value`, `- - x`, wider gaps after the dash', () => {
    expect(one('- a: 1\n  b: [2]\n- - x\n  - - w\n-   c: 3\n    d: 4\n')).toStrictEqual([
      { a: 1, b: [2] },
      ['x', ['w']],
      { c: 3, d: 4 },
    ]);
  });
  it('values on the next line', () => {
    expect(one('k:\n  plain text\nl:\n  "quoted"\nm:\n  [1, 2]\nlit:\n  |\n   lit\n')).toStrictEqual({
      k: 'plain text',
      l: 'quoted',
      m: [1, 2],
      lit: 'lit\n',
    });
    expect(one('-\n  a: 1\n-\n  - b\n')).toStrictEqual([{ a: 1 }, ['b']]);
  });
  it('empty values are null', () => {
    expect(one('a:\nb:   \nc: # comment\nd: ~\n- x\n'.replace('- x\n', ''))).toStrictEqual({ a: null, b: null, c: null, d: null });
    expect(one('- \n-\n- ~\n')).toStrictEqual([null, null, null]);
  });
  it('a repeated key keeps its first position and its last value', () => {
    expect(Object.entries(one('a: 1\nb: 2\na: 3\n') as object)).toStrictEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });
  it('`__proto__` and other Object.prototype names become own properties', () => {
    const v = one('__proto__: {polluted: 1}\nconstructor: c\ntoString: t\n') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(v)).toStrictEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toStrictEqual({ polluted: 1 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const f = one('{"__proto__": [1]}') as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(f, '__proto__')?.value).toStrictEqual([1]);
  });
});

describe('scalar resolution is go-yaml v2 / kubernetes', () => {
  it.each([
    ['yes', true],
    ['Off', false],
    ['y', true],
    ['0777', 511],
    ['0x1F', 31],
    ['0o17', 15],
    ['1_000', 1000],
    ['1e3', 1000],
    ['.5', 0.5],
    ['08', 8],
    ['-0', 0],
    ['~', null],
    ['NULL', null],
    ['1:20', '1:20'],
    ['2001-12-14', '2001-12-14'],
    ['12345678901234567890', 12345678901234567890n],
    ['0x10000000000000000', 18446744073709551616n],
    ['123456789012345678901234', 1.2345678901234568e23],
    ['<<', '<<'],
    ['yes please', 'yes please'],
  ])('plain %s', (text, expected) => {
    expect(one(`v: ${text}\n`)).toStrictEqual({ v: expected });
    expect(one(`[${text}]`)).toStrictEqual([expected]);
  });
  it('-0.0 is negative zero', () => {
    expect(Object.is((one('v: -0.0') as { v: number }).v, -0)).toBe(true);
  });
  it('.inf and .nan are left to the yaml package (JSON cannot hold them: the loader refuses them, as kubectl does)', () => {
    for (const text of ['.inf', '-.Inf', '.NaN']) {
      expect(explainFallback(`v: ${text}\n`)?.reason).toBe('infinite or NaN number');
      expect(explainFallback(`[${text}]`)?.reason).toBe('infinite or NaN number');
    }
  });
  it('quoted and block scalars are always strings', () => {
    expect(one(`a: "yes"\nb: '0777'\nc: |-\n  1e3\nd: ""\ne: ''\n`)).toStrictEqual({ a: 'yes', b: '0777', c: '1e3', d: '', e: '' });
  });
  it('keys become property names: String(value), null → ""', () => {
    // (integer-like property names come first in any JS object)
    expect(Object.keys(one('yes: 1\n1.0: 2\n0x10: 3\n~: 4\n"~": 5\n1e3: 6\n.inf: 7\n12345678901234567890: 8\n') as object)).toStrictEqual(
      ['1', '16', '1000', 'true', '', '~', 'Infinity', '12345678901234567890'],
    );
  });
});

describe('plain scalars', () => {
  it('keep `:` and `#` that are not indicators, and drop trailing white space', () => {
    expect(one('a: http://x:8080/p#frag   \nb: a#b \t\nc: -1\nd: ?x\ne: :x\nf: a , b\n')).toStrictEqual({
      a: 'http://x:8080/p#frag',
      b: 'a#b',
      c: -1,
      d: '?x',
      e: ':x',
      f: 'a , b',
    });
  });
  it('fold over lines: one break is a space, blank lines are newlines', () => {
    expect(one('a: one\n  two\n\n  three\n\n\n  four\nb: x\n')).toStrictEqual({ a: 'one two\nthree\n\nfour', b: 'x' });
    expect(one('- one\n  - two\n  [3]\n')).toStrictEqual(['one - two [3]']);
  });
  it('end at a comment', () => {
    expect(one('a: one\n  two # c\nb: x # c\n')).toStrictEqual({ a: 'one two', b: 'x' });
  });
  it('fold at the top level, up to a document marker', () => {
    const r = parseYamlStream('one\ntwo\n---\nthree\n')!;
    expect(r.documents.map((d) => d.value)).toStrictEqual(['one two', 'three']);
  });
  it('in flow collections stop at flow indicators and fold too', () => {
    expect(one('[a b, c\n  d, e:f, {g: h i}]')).toStrictEqual(['a b', 'c d', 'e:f', { g: 'h i' }]);
  });
  it('unicode and long lines', () => {
    const long = 'x'.repeat(5000);
    expect(one(`a: café ⚡ 日本語 😀\nb: ${long}\n`)).toStrictEqual({ a: 'café ⚡ 日本語 😀', b: long });
  });
});

describe('quoted scalars', () => {
  it('double-quoted escapes', () => {
    expect(one(String.raw`v: "\0\a\b\e\f\n\r\t\v\N\_\L\P\ \"\/\\\x41\u00e9\U0001F600"`)).toStrictEqual({
      v: '\0\x07\b\x1b\f\n\r\t\v\u0085\u00a0\u2028\u2029 "/\\Aé😀',
    });
  });
  it('double-quoted folding, escaped line breaks and trailing white space', () => {
    expect(one('v: "a  \n   b\n\n  c\\\n    d\\\n  \\ e"\n')).toStrictEqual({ v: 'a b\ncd e' });
  });
  it("single-quoted: '' is a quote, lines fold", () => {
    expect(one("v: 'it''s'\nw: 'a\n  b\n\n  c  '\n")).toStrictEqual({ v: "it's", w: 'a b\nc  ' });
  });
  it('keys may be quoted and contain `: ` and `#`', () => {
    expect(one(`"a: b": 1\n'c #d': 2\n"": 3\n"yes": 4\n`)).toStrictEqual({ 'a: b': 1, 'c #d': 2, '': 3, yes: 4 });
  });
});

describe('block scalars', () => {
  it('literal and folded, with chomping', () => {
    const v = one('a: |\n  x\n   y\n\nb: |-\n  x\n\nc: |+\n  x\n\nd: >\n  x\n  y\n\n  z\n   more\n  w\ne: >-\n  x\nf: >+\n  x\n\n') as Record<string, string>;
    expect(v).toStrictEqual({ a: 'x\n y\n', b: 'x', c: 'x\n\n', d: 'x y\nz\n more\nw\n', e: 'x', f: 'x\n\n' });
  });
  it('indentation indicators, in either order with chomping', () => {
    expect(one('a: |2\n    x\n  y\nb: >1-\n  x\nc: |-3\n     x\n')).toStrictEqual({ a: '  x\ny\n', b: ' x', c: '  x' });
    expect(one('- |1\n  x\n- a: |2\n     y\n')).toStrictEqual([' x\n', { a: ' y\n' }]);
  });
  it('header comments, comment-like content, and less indented comments after', () => {
    expect(one('a: | # header comment\n  # not a comment\n# a comment\nb: 1\n')).toStrictEqual({ a: '# not a comment\n', b: 1 });
  });
  it('empty block scalars', () => {
    expect(one('a: |\nb: >+\n\nc: |-\n')).toStrictEqual({ a: '', b: '\n', c: '' });
  });
  it('at the top level', () => {
    expect(one('|\n  text\n')).toBe('text\n');
    expect(one('>-\nflush left\ntext\n')).toBe('flush left text');
  });
});

describe('flow collections', () => {
  it('nested, with trailing commas, empty collections and keys without values', () => {
    expect(one('{a: [1, {b: c}, [], {}], d: , e, f: [x,],}')).toStrictEqual({ a: [1, { b: 'c' }, [], {}], d: null, e: null, f: ['x'] });
  });
  it('JSON', () => {
    const json = { a: [1, 2.5, -3e2, true, false, null, 'yes', '0777'], b: { 'c d': { e: [] } }, f: 'é\n"' };
    expect(one(JSON.stringify(json))).toStrictEqual({ ...json, a: [1, 2.5, -300, true, false, null, 'yes', '0777'] });
    expect(one(JSON.stringify(json, null, 2))).toStrictEqual(one(JSON.stringify(json)));
    expect(one('{"a":"b","c":{"d":1}}')).toStrictEqual({ a: 'b', c: { d: 1 } });
  });
  it('over several lines inside a block collection, comments included', () => {
    expect(one('a: [1,  # one\n  2,\n  # between\n  3]\nb: {\n  c: d\n}\n')).toStrictEqual({ a: [1, 2, 3], b: { c: 'd' } });
  });
});

describe('comments, markers, BOM, CRLF, lines, ranges', () => {
  it('comments everywhere they are legal', () => {
    expect(
      one('# head\na: 1 # after\n# between\nb: # after key\n  # before value\n  - x # after item\n  # end\n# tail\n'),
    ).toStrictEqual({ a: 1, b: ['x'] });
  });
  it('documents: markers, empty documents, `...`, lines and ranges', () => {
    const text = '# c\na: 1\n---\nb: 2\n--- # empty\n...\n---\n\n\n- c\n...\nd: 3\n---\n';
    const o = compare(text);
    expect(o.kind).toBe('match');
    if (o.kind !== 'match') return;
    expect(o.fast.documents.map((d) => d.value)).toStrictEqual([{ a: 1 }, { b: 2 }, null, ['c'], { d: 3 }, null]);
    expect(o.fast.documents.map((d) => d.line)).toStrictEqual([2, 4, 5, 10, 12, 13]);
    expect(o.fast.documents.map((d) => d.range)).toStrictEqual([
      [0, 9],
      [9, 18],
      [18, 34],
      [34, 48], // through its `...` line
      [48, 53],
      [53, 57],
    ]);
  });
  it('no documents in an empty or comment-only stream; `...` alone is an empty document', () => {
    expect(parseYamlStream('')).toStrictEqual({ documents: [] });
    expect(parseYamlStream('# only\n\n')).toStrictEqual({ documents: [] });
    expect(parseYamlStream('...\n')).toStrictEqual({ documents: [{ value: null, line: 1, range: [0, 4] }] });
    expect(compare('...\n').kind).toBe('match');
  });
  it('a BOM and CRLF line endings', () => {
    expect(one('\ufeffa: 1\r\nb: |\r\n  x\r\n  y\r\nc: "p\r\n  q"\r\n')).toStrictEqual({ a: 1, b: 'x\ny\n', c: 'p q' });
  });
  it('the line of a document is the line of its first node', () => {
    const r = parseYamlStream('\n\n# c\n  "k": v\n---\n\n[1]\n')!;
    expect(r.documents.map((d) => d.line)).toStrictEqual([4, 7]);
  });
});

describe('falls back on valid YAML outside the subset', () => {
  it.each([
    ['a: &x 1\nb: 2\n', 'anchor'],
    ['- &a x\n- *a\n', 'anchor'],
    ['a: !!str 1\n', 'tag'],
    ['%YAML 1.2\n---\na: 1\n', 'directive'],
    ['? a\n: b\n', 'complex key'],
    ['<<: {a: 1}\nb: 2\n', 'merge key'],
    ['"<<": 1\n', 'quoted << key'],
    ['[a, b]: c\n', 'as a key'],
    ['a:\tb\n', 'tab after an indicator'],
    ['--- a\n', 'document marker line'],
    ['a: "x\u0001"\n', 'control character'],
    ['[a: b]\n', 'flow sequence'],
    ['\ufeff  a: 1\n', 'BOM'],
  ])('%j', (text, reason) => {
    declines(text, new RegExp(reason));
  });
  it('very deep nesting', () => {
    const deep = '['.repeat(20000) + ']'.repeat(20000);
    expect(parseYamlStream(deep)).toBeNull();
  });
});

describe('returns null on syntax errors', () => {
  it.each([
    'a: b: c\n',
    'a: 1\n  b: 2\n',
    'a:\n  b: 1\n c: 2\n',
    '- a\nb: 1\n',
    'a: 1\n- b\n',
    'key\nother: 1\n',
    'a:\n\t- b\n',
    '- *a\n',
    '\ufeff- a\n',
    'a: "unterminated\n',
    "a: 'unterminated\n",
    'a: [1, 2\n',
    'a: {b: 1\n',
    '[1, 2]]\n',
    '[1,,2]\n',
    '{a: 1 b: 2}\n',
    'a: "x"y\n',
    'a: "x"#c\n',
    'a: "\\q"\n',
    'a: "\\u12"\n',
    'a: |0\n  x\n',
    'a: |#c\n  x\n',
    'a: |\n    x\n  y\n',
    'a: |\n\n    \n  x\n',
    'a: "multi\nline": b\n',
    'a: [1,\n2]\n',
    'a: "x\ny"\n',
    '"a\nb": 1\n',
    'a: 1\n ---\nb\n',
    '@a: 1\n',
    'a: `b\n',
    'a: %b\n',
    'a: ,b\n',
    'x'.repeat(1100) + ': 1\n',
  ])('%j', (text) => {
    rejects(text);
  });
});

describe('the yaml package agrees with what these tests expect of it', () => {
  it('kubeYamlOptions reads `y` as true and keeps big ints exact', () => {
    const [doc] = parseAllDocuments('a: y\nb: 12345678901234567890\n', kubeYamlOptions) as unknown as [{ toJS(): unknown }];
    expect(doc.toJS()).toStrictEqual({ a: true, b: 12345678901234567890n });
  });
});
