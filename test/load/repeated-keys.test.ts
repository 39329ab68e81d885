// A mapping that gives a key twice (src/load/repeated-keys.ts): kubectl would keep the last value
// without a word; carto reports an input error naming the file, both lines and the key, on every
// path a document is read by — the fast reader, the yaml package (anchors), a deferred owner in a
// file of 8 MB or more, a JSON file, a values file, a value given on the command line.
import { describe, expect, it } from 'vitest';
import { parseText, parseValue } from '../../src/load/index.js';
import { DEFER_FROM_BYTES } from '../../src/load/deferred.js';
import { repeatedKeysOfText } from '../../src/load/repeated-keys.js';
import { isDeferrableOwner } from '../../src/model/index.js';
import { parseYamlStream } from '../../src/yaml/index.js';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: "1"\n  b: "2"\n  a: "3"\n';

describe('the fast reader marks a document that repeats a key, and reads it as before', () => {
  it('the offset of the first repeated key; the value keeps the last one', () => {
    const fast = parseYamlStream('x: 1\n---\n' + CONFIG_MAP);
    expect(fast?.documents[0]?.repeatedKeyAt).toBeUndefined();
    const doc = fast?.documents[1];
    expect(doc?.value).toStrictEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: '3', b: '2' } });
    expect(doc?.repeatedKeyAt).toBe(('x: 1\n---\n' + CONFIG_MAP).lastIndexOf('a: "3"'));
  });
  it('names of Object.prototype and __proto__ are keys like any other: repeated only when given twice', () => {
    expect(parseYamlStream('toString: 1\nconstructor: 2\n__proto__: 3\n')?.documents[0]?.repeatedKeyAt).toBeUndefined();
    expect(parseYamlStream('__proto__: 1\n__proto__: 2\n')?.documents[0]?.repeatedKeyAt).toBe(13);
    expect(parseYamlStream('{"a": 1, "b": {"c": 2, "c": 3}}')?.documents[0]?.repeatedKeyAt).toBe(23);
  });
});

describe('parseText reports a repeated key as an error naming both lines', () => {
  it('a block mapping (fast reader): the object is kept as kubectl reads it', () => {
    const parsed = parseText(CONFIG_MAP, 'cm.yaml');
    expect(parsed.documents.map((d) => d.value['data'])).toStrictEqual([{ a: '3', b: '2' }]);
    expect(parsed.diagnostics).toMatchObject([
      {
        severity: 'error',
        code: 'duplicate-key',
        message: 'data.a of ConfigMap cm is given twice in the same mapping, at line 6 and line 8: only the value at line 8 would be read',
        file: 'cm.yaml',
        line: 8,
        column: 3,
        object: { kind: 'ConfigMap', name: 'cm' },
        path: 'data.a',
        detail: 'sigs.k8s.io/yaml, strict (the API server given YAML under strict field validation): yaml: unmarshal errors:\n  line 8: key "a" already set in map',
      },
    ]);
    expect(parsed.diagnostics[0]?.hint).toContain('kubectl apply would silently keep the value at line 8');
  });
  it('lines count from the start of the file, in a later document', () => {
    const parsed = parseText(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\n${CONFIG_MAP}`, 'two.yaml');
    expect(parsed.diagnostics.map((d) => [d.line, d.message])).toStrictEqual([[12, 'data.a of ConfigMap cm is given twice in the same mapping, at line 10 and line 12: only the value at line 12 would be read']]);
  });
  it('a document the yaml package reads (an anchor), and a non-string key', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: &d\n  x: "1"\nother: *d\ndata:\n  1: a\n  "1": b\n';
    expect(parseYamlStream(text)).toBeNull();
    const parsed = parseText(text, 'anchor.yaml');
    expect(parsed.documents).toHaveLength(1);
    expect(parsed.diagnostics.map((d) => [d.line, d.message, d.detail?.split('\n')[1]])).toStrictEqual([
      [7, 'data of ConfigMap cm is given twice in the same mapping, at line 4 and line 7: only the value at line 7 would be read', '  line 7: key "data" already set in map'],
      // 1 and "1" are two keys to go-yaml (an int and a string): no strict error to quote; they meet as JSON's "1".
      [9, 'data.1 of ConfigMap cm is given twice in the same mapping, at line 8 and line 9: only the value at line 9 would be read', undefined],
    ]);
  });
  it('merge keys are not repeats; a key a merge also brings is not one either', () => {
    const parsed = parseText('base: &b {p: 1}\nd:\n  <<: *b\n  <<: *b\n  p: 2\n', 'merge.yaml');
    expect(parsed.diagnostics).toStrictEqual([]);
  });
  it('JSON on one line: the two spots by column', () => {
    const parsed = parseText('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "name": "b"}}\n', 'cm.json');
    expect(parsed.diagnostics.map((d) => [d.line, d.column, d.message])).toStrictEqual([[1, 69, 'metadata.name of ConfigMap b is given twice in the same mapping, at 1:56 and 1:69: only the value at 1:69 would be read']]);
  });
  it('two objects joined without `---`: one error saying where to put it, not one per key', () => {
    const a = 'apiVersion: carto.run/v1alpha1\nkind: ClusterSupplyChain\nmetadata:\n  name: sc\nspec:\n  selector: {app: web}\n';
    const b = 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: w\nspec: {}\n';
    const parsed = parseText(a + b + b.replace('name: w', 'name: v'), 'joined.yaml');
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({
      code: 'duplicate-key',
      line: 7,
      message: '3 objects are written as one document, from line 1: apiVersion, kind, metadata and spec are given again from line 7, and each object\'s values overwrite those of the one before',
      hint: 'put a line `---` before lines 7 and 12, where each next object starts (kubectl apply would silently apply one object mixing them)',
    });
  });
  it('a deferred owner in a file of 8 MB or more is reported too', () => {
    const workload = (i: number) => `apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: w-${i}\nspec:\n  params:\n  - {name: a, value: "${'x'.repeat(200)}"}\n`;
    const parts: string[] = [];
    for (let i = 0, length = 0; length < DEFER_FROM_BYTES; i++) {
      parts.push(workload(i));
      length += parts[i]!.length + 4;
    }
    const bad = parts.length - 2;
    parts[bad] = parts[bad]!.replace('spec:\n', 'spec:\n  serviceAccountName: one\n  serviceAccountName: two\n');
    const text = parts.join('---\n');
    const parsed = parseText(text, 'big.yaml', { deferred: isDeferrableOwner });
    const line = text.slice(0, text.indexOf('serviceAccountName: two')).split('\n').length;
    expect(parsed.diagnostics.map((d) => [d.code, d.line, d.message])).toStrictEqual([
      ['duplicate-key', line, `spec.serviceAccountName is given twice in the same mapping, at line ${line - 1} and line ${line}: only the value at line ${line} would be read`],
    ]);
    expect(parsed.documents[bad]?.value['spec']).toMatchObject({ serviceAccountName: 'two' });
  });
});

describe('values read outside the manifests', () => {
  it('a data values file: ytt keeps the last value, or stops with a panic', () => {
    const found = repeatedKeysOfText('git:\n  interval: 1m\n  interval: 5m\n', 'values.yaml', 'ytt-values');
    expect(found.map((d) => [d.file, d.line, d.message, d.detail])).toStrictEqual([
      ['values.yaml', 3, 'git.interval is given twice in the same mapping, at line 2 and line 3: only the value at line 3 would be read', undefined],
    ]);
    expect(found[0]?.hint).toContain('ytt would keep the value at line 3, or stop with a panic when the key is new to the data values');
    // read by the yaml package (an anchor), and a text with a syntax error: left to its reader
    expect(repeatedKeysOfText('a: &x 1\na: *x\n', 'v.yaml', 'ytt-values').map((d) => d.line)).toStrictEqual([2]);
    expect(repeatedKeysOfText('a: [\n', 'v.yaml', 'ytt-values')).toStrictEqual([]);
  });
  it('a YAML value on the command line is a usage error', () => {
    expect(() => parseValue('{a: 1, a: 2}')).toThrow('not valid YAML: the key "a" is given twice in one mapping (give it once)');
    expect(parseValue('{a: 1, b: 2}')).toStrictEqual({ a: 1, b: 2 });
  });
});
