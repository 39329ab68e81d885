// load: text → documents that know their file and line; fields located again on demand.
import { describe, expect, it } from 'vitest';
import { locate, parseText, parseValue } from '../../src/load/index.js';

describe('parseText', () => {
  it('splits multi-document files and remembers the line each object starts on', () => {
    const { documents, diagnostics } = parseText('a: 1\n---\n# comment\nkind: B\n---\n---\nkind: C\n', 'f.yaml');
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => [d.value, d.line])).toEqual([
      [{ a: 1 }, 1],
      [{ kind: 'B' }, 4],
      [{ kind: 'C' }, 7],
    ]);
  });

  it('flattens kind: List into its items, each with its own line', () => {
    const { documents } = parseText('apiVersion: v1\nkind: List\nitems:\n- kind: A\n  metadata: {name: a}\n- kind: B\n', 'list.yaml');
    expect(documents.map((d) => [d.value['kind'], d.line])).toEqual([
      ['A', 4],
      ['B', 6],
    ]);
    expect(locate(documents[1]!, ['kind'])).toEqual({ file: 'list.yaml', line: 6, column: 9 });
  });

  it('reads JSON and ignores a byte-order mark', () => {
    const { documents } = parseText('\ufeff{"kind": "A", "spec": {"x": [1, 2]}}', 'a.json');
    expect(documents[0]!.value).toEqual({ kind: 'A', spec: { x: [1, 2] } });
  });

  it('reads scalars as kubectl does (YAML 1.1 booleans, octal; times stay strings)', () => {
    const { documents } = parseText('a: yes\nb: on\nc: 0777\nd: 1:20\ne: "yes"\nf: 2001-12-14\n', 'f.yaml');
    expect(documents[0]!.value).toEqual({ a: true, b: true, c: 511, d: '1:20', e: 'yes', f: '2001-12-14' });
  });

  it('keeps __proto__ as a plain key', () => {
    const { documents } = parseText('__proto__: {polluted: true}\nkind: A\n', 'f.yaml');
    expect(Object.prototype.hasOwnProperty.call(documents[0]!.value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports syntax errors with file, line and column, and documents that are not objects', () => {
    const bad = parseText('a: [1, 2\n', 'bad.yaml');
    // The parser notices the unclosed list at the end of the text.
    expect(bad.diagnostics[0]).toMatchObject({ severity: 'error', code: 'yaml-syntax', file: 'bad.yaml', line: 2, column: 1 });
    const scalar = parseText('just a string\n', 's.yaml');
    expect(scalar.diagnostics[0]).toMatchObject({ code: 'not-an-object', file: 's.yaml', line: 1 });
  });
});

describe('locate', () => {
  const text = 'kind: T\nspec:\n  template:\n    metadata:\n      name: $(x)$\n    list:\n    - a\n    - b: c\n  empty:\n';
  const doc = parseText(text, 't.yaml').documents[0]!;

  it('finds values by path, keys on request, and list items', () => {
    expect(locate(doc, ['spec', 'template', 'metadata', 'name'])).toEqual({ file: 't.yaml', line: 5, column: 13 });
    expect(locate(doc, ['spec', 'template', 'metadata', 'name'], { key: true })).toEqual({ file: 't.yaml', line: 5, column: 7 });
    expect(locate(doc, ['spec', 'template', 'list', 1, 'b'])).toEqual({ file: 't.yaml', line: 8, column: 10 });
  });

  it('falls back to the nearest existing field', () => {
    expect(locate(doc, ['spec', 'template', 'metadata', 'namespace'])).toEqual({ file: 't.yaml', line: 5, column: 7 });
    expect(locate(doc, ['spec', 'empty', 'deeper'])).toEqual({ file: 't.yaml', line: 9, column: 3 });
  });
});

describe('parseValue', () => {
  it('reads a command-line value as YAML', () => {
    expect(parseValue('{a: b, count: 1}')).toEqual({ a: 'b', count: 1 });
    // As for kubectl (go-yaml v2), `n` and `y` are YAML 1.1 booleans, keys included.
    expect(parseValue('{n: 1, y: 2}')).toEqual({ false: 1, true: 2 });
    expect(parseValue('plain # not a comment? it is')).toBe('plain');
    // Text that is not YAML is refused (issue 15): it used to become the string nobody meant.
    expect(() => parseValue('[unclosed')).toThrow(/^not valid YAML: /);
  });
});
