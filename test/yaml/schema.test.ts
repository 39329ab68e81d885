// kubeYamlOptions: the `yaml` package reading YAML as sigs.k8s.io/yaml (kubectl) does.
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, parseDocument } from 'yaml';
import { kubeYamlOptions } from '../../src/yaml/index.js';

function value(text: string): unknown {
  return (parse(`v: ${text}\n`, kubeYamlOptions) as Record<string, unknown>)['v'];
}

describe('plain scalars resolve like go-yaml v2', () => {
  it.each([
    ['yes', true],
    ['Yes', true],
    ['on', true],
    ['ON', true],
    ['y', true],
    ['n', false],
    ['no', false],
    ['off', false],
    ['True', true],
    ['0777', 511],
    ['0x1F', 31],
    ['0o17', 15],
    ['0b101', 5],
    ['1_000', 1000],
    ['+1', 1],
    ['-1', -1],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1.5e+3', 1500],
    ['08', 8],
    ['~', null],
    ['null', null],
    ['', null],
    ['1:20', '1:20'], // no sexagesimal numbers
    ['190:20:30', '190:20:30'],
    ['2001-12-14', '2001-12-14'], // timestamps stay strings
    ['2001-12-14T21:59:43.10-05:00', '2001-12-14T21:59:43.10-05:00'],
    ['0x', '0x'],
    ['yes please', 'yes please'],
    ['Infinity', 'Infinity'],
    ['<<', '<<'],
  ])('v: %s', (text, expected) => {
    expect(value(text)).toStrictEqual(expected);
  });

  it('special floats', () => {
    expect(value('.inf')).toBe(Infinity);
    expect(value('-.Inf')).toBe(-Infinity);
    expect(Number.isNaN(value('.NaN'))).toBe(true);
  });

  it('integers beyond 2^53 are exact bigints; huge prefixed ints too (sigs.k8s.io/yaml big.Int)', () => {
    expect(value('12345678901234567890')).toBe(12345678901234567890n);
    expect(value('0x10000000000000000')).toBe(18446744073709551616n);
    expect(value('123456789012345678901234')).toBe(1.2345678901234568e23); // decimal: float spelling wins
  });
});

describe('non-plain scalars stay strings', () => {
  it('quoted and block scalars are never resolved', () => {
    const doc = parse(
      "a: 'yes'\nb: \"on\"\nc: |-\n  0777\nd: >-\n  true\ne: '~'\nf: \"\"\ng: '2001-12-14'\n",
      kubeYamlOptions,
    );
    expect(doc).toStrictEqual({ a: 'yes', b: 'on', c: '0777', d: 'true', e: '~', f: '', g: '2001-12-14' });
  });

  it('explicit tags follow go-yaml: !!str keeps text, !!int/!!float resolve quoted text, ints are accepted as floats', () => {
    const doc = parse("a: !!str 123\nb: !!int '12'\nc: !!float 1\nd: !!float '1.1'\ne: !!null ''\nf: !!bool 'yes'\n", kubeYamlOptions);
    expect(doc).toStrictEqual({ a: '123', b: 12, c: 1, d: 1.1, e: null, f: true });
  });

  it('a mismatching explicit tag is an error, as in go-yaml', () => {
    const doc = parseDocument('a: !!int abc\n', kubeYamlOptions);
    expect(doc.errors.length).toBeGreaterThan(0);
    expect(doc.errors[0]!.message).toContain('cannot decode !!str `abc` as a !!int');
  });
});

describe('mappings', () => {
  it('keeps key order, including integer-like keys when read as a Map', () => {
    const m = parseDocument('b: 1\na: 2\n"10": 3\n"2": 4\n', kubeYamlOptions).toJS({ mapAsMap: true }) as Map<unknown, unknown>;
    expect([...m.keys()]).toStrictEqual(['b', 'a', '10', '2']);
  });

  it('resolves keys too, and keeps their types in a Map', () => {
    const m = parseDocument('1: a\ntrue: b\n~: c\non: d\n"on": e\n1.5: f\n', kubeYamlOptions).toJS({
      mapAsMap: true,
    }) as Map<unknown, unknown>;
    // `on` is the bool true again: its value replaces b but the key keeps its first position.
    expect([...m.entries()]).toStrictEqual([
      [1, 'a'],
      [true, 'd'],
      [null, 'c'],
      ['on', 'e'],
      [1.5, 'f'],
    ]);
  });

  it('a repeated key keeps the last value instead of failing (go-yaml v2 non-strict)', () => {
    const doc = parseDocument('a: 1\nb: 2\na: 3\n', kubeYamlOptions);
    expect(doc.errors).toHaveLength(0);
    expect(doc.toJS()).toStrictEqual({ a: 3, b: 2 });
  });

  it('honours << merge keys (plain only)', () => {
    const doc = parse('base: &b\n  p: 1\n  q: 2\nd:\n  <<: *b\n  q: 3\ne:\n  "<<": 5\n', kubeYamlOptions) as Record<
      string,
      unknown
    >;
    expect(doc['d']).toStrictEqual({ p: 1, q: 3 });
    expect(doc['e']).toStrictEqual({ '<<': 5 });
  });

  it('keys are YAML 1.1 too: a plain `y` or `no` key is a boolean', () => {
    const m = parseDocument('y: 1\nno: 2\n', kubeYamlOptions).toJS({ mapAsMap: true }) as Map<unknown, unknown>;
    expect([...m.keys()]).toStrictEqual([true, false]);
  });
});

describe('multi-document streams', () => {
  it('reads every document with the same rules', () => {
    const docs = parseAllDocuments('a: yes\n---\n- 0777\n- "0777"\n---\nnull\n', kubeYamlOptions);
    expect(docs.map((d) => d.toJS())).toStrictEqual([{ a: true }, [511, '0777'], null]);
  });
});
