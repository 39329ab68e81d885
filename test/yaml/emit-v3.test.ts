// go-yaml v3's layout (emitYaml goYaml: 'v3') and go-yaml's map key order, on values whose text
// gopkg.in/yaml.v3 v3.0.0 was seen to write (Cartographer's output previews, through refharness):
// the expected strings are its bytes.
import { describe, expect, it } from 'vitest';
import { emitYaml, goYamlKeyOrder, inGoYamlKeyOrder, YamlFloat } from '../../src/yaml/index.js';

const v3 = (value: unknown) => emitYaml(inGoYamlKeyOrder(value), { goYaml: 'v3' });

describe("go-yaml v3's layout", () => {
  it('indents by 4, sequences under their key too; a node in a sequence item 2 past the dash', () => {
    expect(v3({ list: [{ a: 1, b: [1, 2, { c: 'd' }] }, 'x', ['y', 'z']], m: { k: { deep: true } } })).toBe(
      'list:\n    - a: 1\n      b:\n        - 1\n        - 2\n        - c: d\n    - x\n    - - "y"\n      - z\nm:\n    k:\n        deep: true\n',
    );
    expect(v3([{ name: 'a', value: 'b' }, { name: 'c', sub: { q: 1 } }])).toBe('- name: a\n  value: b\n- name: c\n  sub:\n    q: 1\n');
  });

  it('literal blocks: indented by 4 (2 in a sequence item), hint 4, and no empty first line of their own', () => {
    expect(v3('first line\nsecond line\n')).toBe('|\n    first line\n    second line\n');
    expect(v3('  indented first\nnext')).toBe('|4-\n      indented first\n    next\n');
    expect(v3(['a\nb', { k: 'l1\nl2\n' }])).toBe('- |-\n  a\n  b\n- k: |\n    l1\n    l2\n');
    // v3.0.0 drops a leading line break (go-yaml issue 755): "\n" becomes an empty kept block.
    expect(v3(['\n', 'x\n\n'])).toBe('- |4+\n- |+\n  x\n\n');
  });

  it('lets a tab into a literal block (v2 would double-quote it), but not into a plain or single-quoted scalar', () => {
    expect(v3('a\tb\nc')).toBe('|-\n    a\tb\n    c\n');
    expect(emitYaml('a\tb\nc')).toBe('"a\\tb\\nc"\n');
    expect(v3('tab\there')).toBe('"tab\\there"\n');
  });

  it('never folds a long line', () => {
    const long = `${'word '.repeat(30)}end`;
    expect(v3(long)).toBe(`${long}\n`);
    expect(emitYaml(inGoYamlKeyOrder(long), { goYaml: 'v3', lineWidth: 80 })).toBe(`${long}\n`);
  });

  it('float64s as strconv formats them, ints as ints', () => {
    expect(v3([1.5, 1e21, 0.000001, 1234567, -0, 100000].map((n) => new YamlFloat(n)))).toBe('- 1.5\n- 1e+21\n- 1e-06\n- 1.234567e+06\n- -0\n- 100000\n');
    expect(v3([1234567, 42])).toBe('- 1234567\n- 42\n');
  });
});

describe("go-yaml's map key order", () => {
  it('runs of digits compare as numbers; a non-letter before a letter; upper before lower case', () => {
    expect(goYamlKeyOrder(['a10', 'a9', 'a09', 'B', 'a', '_x', '-y', '1', '10', '9', 'Z', 'b1', 'ä'])).toEqual(['-y', '_x', '1', '9', '10', 'B', 'Z', 'a', 'a9', 'a09', 'a10', 'b1', 'ä']);
    expect(goYamlKeyOrder(['LOG_LEVEL', 'application.properties', 'PORT'])).toEqual(['LOG_LEVEL', 'PORT', 'application.properties']);
  });

  it('inGoYamlKeyOrder keeps integer-like keys where go-yaml puts them (a JavaScript object would not)', () => {
    expect(v3({ b: 1, 10: 2, a: 3, 9: 4, _: 5 })).toBe('_: 5\n"9": 4\n"10": 2\na: 3\nb: 1\n');
  });
});
