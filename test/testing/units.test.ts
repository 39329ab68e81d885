// The pure pieces of `carto test`: decoding info.yaml as encoding/json would, the comparison
// (numbers by value, null is not missing), the diff, the mock context, and a whole case run
// from memory.
import { describe, expect, it } from 'vitest';
import { compile, findResults, GoStruct, toJSON } from '../../src/jsonpath/index.js';
import { builtinYtt } from '../../src/stamp/ytt-builtin.js';
import { deepEqual, lineDiff, objectDiff } from '../../src/testing/compare.js';
import { stripIgnored } from '../../src/testing/compare-options.js';
import { mockContext, mockLabels } from '../../src/testing/mock-context.js';
import { builtinPreprocessor, discoverCases, readInfo, runCartotestCase, type CartotestCase } from '../../src/testing/index.js';
import { memoryFs } from './helpers.js';

describe('info.yaml decoding', () => {
  it('matches keys case-insensitively, prefers an exact match, ignores unknown keys and nulls', () => {
    const read = readInfo('GIVEN:\n  WorkLoad: w.yaml\nFocus: true\nfocus: null\nexpected: e.yaml\nExpected: E.yaml\nextra: 1\n', 'info.yaml');
    expect(read).toEqual({ ok: true, info: { given: { workload: 'w.yaml' }, expected: 'E.yaml' } });
  });

  it('reads YAML 1.1 as sigs.k8s.io/yaml does (yes is true)', () => {
    expect(readInfo('focus: yes\n', 'info.yaml')).toEqual({ ok: true, info: { focus: true } });
  });

  it('an empty info.yaml is an empty info', () => {
    expect(readInfo('', 'info.yaml')).toEqual({ ok: true, info: {} });
    expect(readInfo('# nothing\n', 'info.yaml')).toEqual({ ok: true, info: {} });
  });

  it('keeps any JSON value where Go has interface{} or apiextensionsv1.JSON', () => {
    const read = readInfo('given:\n  mockSupplyChain:\n    blueprintParams: [{name: p, value: {a: [1, true]}}]\n    blueprintInputs:\n      configs: {c: {config: {x: 1}, name: c}}\n', 'info.yaml');
    expect(read.ok && read.info.given?.mockSupplyChain).toEqual({ blueprintParams: [{ name: 'p', value: { a: [1, true] } }], blueprintInputs: { configs: { c: { config: { x: 1 }, name: 'c' } } } });
  });
});

describe('info.yaml decoding with gotypes', () => {
  it('null in a map stays a nil entry, null in a list is the zero value, and a type mismatch is encoding/json\'s first error', () => {
    const read = readInfo('given:\n  supplyChain:\n    paths: [a, null]\n    previousOutputs: {r: null}\n  mockSupplyChain:\n    blueprintParams: [null]\n', 'info.yaml');
    expect(read.ok && read.info.given).toEqual({ supplyChain: { paths: ['a', ''], previousOutputs: { r: null } }, mockSupplyChain: { blueprintParams: [{}] } });
    expect(readInfo('compareOptions: {ignoreMetadataFields: [x, 2]}\nfocus: x\n', 'i.yaml')).toEqual({
      ok: false,
      message: 'unmarshal failed: i.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field testInfoCompareOptions.compareOptions.ignoreMetadataFields of type string',
    });
  });
});

describe('comparison', () => {
  it('numbers compare by value (an int 3 equals a float 3.0), strings and numbers do not', () => {
    expect(deepEqual({ replicas: 3 }, { replicas: 3.0 })).toBe(true);
    expect(deepEqual({ replicas: 3 }, { replicas: BigInt(3) })).toBe(true);
    expect(deepEqual({ replicas: '3' }, { replicas: 3 })).toBe(false);
  });

  it('a key set to null is not a missing key; list order matters; key order does not', () => {
    expect(deepEqual({ a: null }, {})).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
  });

  it('status is never compared; the options drop labels, metadata, ownerReferences and named metadata fields', () => {
    const make = () => ({ kind: 'K', status: { x: 1 }, metadata: { name: 'n', labels: { a: 'b' }, ownerReferences: [], annotations: {}, namespace: 'ns' } });
    const [a, b] = [make(), make()];
    stripIgnored(a, b, undefined);
    expect(a).toEqual({ kind: 'K', metadata: { name: 'n', labels: { a: 'b' }, ownerReferences: [], annotations: {}, namespace: 'ns' } });
    const [c, d] = [make(), make()];
    stripIgnored(c, d, { ignoreMetadata: false, ignoreLabels: true, ignoreOwnerRefs: true, ignoreMetadataFields: ['annotations', 'nope'], namedCMPOptionFuncs: [] });
    expect(c).toEqual({ kind: 'K', metadata: { name: 'n', namespace: 'ns' } });
    const [e, f] = [make(), make()];
    stripIgnored(e, f, { ignoreMetadata: true, ignoreLabels: false, ignoreOwnerRefs: true, ignoreMetadataFields: [], namedCMPOptionFuncs: [] });
    expect(e).toEqual({ kind: 'K' });
  });

  it('the diff shows both sides as YAML with sorted keys, - expected, + actual', () => {
    expect(objectDiff({ kind: 'K', b: 1, a: [1, 2] }, { a: [1, 3], kind: 'K', b: 1 })).toBe('  a:\n  - 1\n- - 2\n+ - 3\n  b: 1\n  kind: K\n');
  });

  it('long runs of equal lines are left out, with …', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line${i}`);
    const b = [...a];
    b[10] = 'changed';
    expect(lineDiff(a, b)).toBe('  …\n  line7\n  line8\n  line9\n- line10\n+ changed\n  line11\n  line12\n  line13\n  …\n');
  });
});

describe("cartotest's mock context", () => {
  const params = new Map([['p', { value: { x: 1 }, level: 'blueprint' as const, protected: true }]]);

  it('has only workload, params, sources, images and configs; nil maps when no input is given', () => {
    const context = mockContext({ kind: 'Workload' }, params, undefined);
    expect(context.fields.map((f) => f.name)).toEqual(['workload', 'params', 'sources', 'images', 'configs']);
    expect(toJSON(context)).toEqual({ configs: null, images: null, params: { p: { x: 1 } }, sources: null, workload: { kind: 'Workload' } });
  });

  it('is a Go map: its keys are exact ($(Workload.…)$ finds nothing), the Workload inside a struct', () => {
    const context = mockContext({ metadata: { name: 'w' } }, params, undefined);
    const find = (path: string) => findResults(compile(`{.${path}}`), context, { allowMissingKeys: true })[0];
    expect(find('workload.metadata.name')).toEqual(['w']);
    expect(find('Workload.metadata.name')).toEqual([]);
    expect(find('Params.p')).toEqual([]);
  });

  it('adds source (the input), image and config (the bare values) when exactly one of a kind is given', () => {
    const context = mockContext({}, new Map(), {
      sources: { s: { url: 'u' } },
      images: { i: { image: 'img', name: 'i' }, j: { image: 'other' } },
      configs: { c: { config: { k: 'v' }, name: 'c' } },
    });
    expect(context).toBeInstanceOf(GoStruct);
    const json = toJSON(context) as Record<string, unknown>;
    expect(json['source']).toEqual({ name: '', revision: null, url: 'u' });
    expect(json['image']).toBeUndefined();
    expect(json['config']).toEqual({ k: 'v' });
  });

  it('labels are the 4 of cartotest: workload name and namespace, template kind and name', () => {
    expect(mockLabels({ name: 'w', namespace: 'ns' }, { kind: 'ClusterTemplate', name: 't' })).toEqual({
      'carto.run/workload-name': 'w',
      'carto.run/workload-namespace': 'ns',
      'carto.run/template-kind': 'ClusterTemplate',
      'carto.run/cluster-template-name': 't',
    });
  });
});

describe('a case run from memory', () => {
  const files = {
    'suite/workload.yaml': 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: w, namespace: ns}\n',
    'suite/a/template.yaml': '#@ load("@ytt:data", "data")\napiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata:\n  name: #@ data.values.name\nspec:\n  template:\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: $(workload.metadata.name)$}\n',
    'suite/a/template-ytt-values.yaml': '#@data/values\n---\nname: from-values\n',
    'suite/a/expected.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\n  namespace: ns\n  labels: {carto.run/workload-name: w, carto.run/workload-namespace: ns, carto.run/template-kind: ClusterTemplate, carto.run/cluster-template-name: from-values}\n  ownerReferences: [{apiVersion: carto.run/v1alpha1, kind: Workload, name: w, uid: "", controller: true, blockOwnerDeletion: true}]\n',
  };

  it('preprocesses, stamps with the mock, and compares — no disk, no ytt binary', () => {
    const fs = memoryFs(files);
    const [c] = discoverCases('suite', fs);
    expect(runCartotestCase(c as CartotestCase, { fs, preprocess: builtinPreprocessor(fs), ytt: builtinYtt })).toEqual({ ok: true });
  });
});
