// Suite discovery (src/testing/discover.ts), on suites held in memory: which directories are
// cases, how each case's files are resolved and inherited, and cartotest's quirks — explicit
// paths joined and used even when missing, supply chain paths relative to the working
// directory, a parent's supply chain never inherited, the shared compareOptions object, the
// inherited ytt values file.
import { describe, expect, it } from 'vitest';
import { discoverCases, type CartotestCase, type TestCase } from '../../src/testing/index.js';
import { memoryFs } from './helpers.js';

const cases = (files: Record<string, string>, root = 'suite'): TestCase[] => discoverCases(root, memoryFs(files));
const byPath = (list: TestCase[]) => Object.fromEntries(list.map((c) => [c.path, c])) as Record<string, CartotestCase>;

describe('which directories are cases', () => {
  it('only leaf directories, named by the joined path; a leaf root by the path as given', () => {
    const found = cases({
      'suite/workload.yaml': 'x',
      'suite/a/template.yaml': 'x',
      'suite/b/c/template.yaml': 'x',
      'suite/b/d/info.yaml': '',
    });
    expect(found.map((c) => c.path)).toEqual(['suite/a', 'suite/b/c', 'suite/b/d']);
    expect(discoverCases('./suite/a/', memoryFs({ 'suite/a/template.yaml': 'x' })).map((c) => c.path)).toEqual(['./suite/a/']);
  });

  it('a leaf with nothing of its own or inherited (and no info.yaml) is not a case; with info.yaml it is', () => {
    const found = cases({ 'suite/outputs/outputs.yaml': 'x', 'suite/notes/info.yaml': 'metadata: {name: n}' });
    expect(found.map((c) => c.path)).toEqual(['suite/notes']);
    // Something inherited makes it a case (cartotest would run it, and it would fail).
    expect(cases({ 'suite/workload.yaml': 'x', 'suite/outputs/outputs.yaml': 'x' }).map((c) => c.path)).toEqual(['suite/outputs']);
  });

  it('a directory with carto-test.yaml is a whole-chain test and is not walked into', () => {
    const found = cases({
      'suite/golden/carto-test.yaml': 'name: g\nfocus: true\n',
      'suite/golden/expected/ns/workload-a/x.yaml': 'x',
      'suite/golden/sub/template.yaml': 'x',
    });
    expect(found).toEqual([{ type: 'whole-chain', path: 'suite/golden', focus: true, metadata: { name: 'g' }, config: expect.objectContaining({ name: 'g', focus: true }) }]);
  });
});

describe('file resolution', () => {
  it('default names only when the file exists; info.yaml paths joined with the directory, used even when missing', () => {
    const found = byPath(cases({
      'suite/defaults/template.yaml': 'x',
      'suite/defaults/workload.yaml': 'x',
      'suite/defaults/expected.yaml': 'x',
      'suite/defaults/template-ytt-values.yaml': 'x',
      'suite/named/info.yaml': 'given:\n  template: {path: ../t.yaml, yttPath: v.yaml}\n  workload: missing.yaml\nexpected: e.yaml\n',
    }));
    expect(found['suite/defaults']).toMatchObject({
      template: { path: 'suite/defaults/template.yaml', yttFiles: ['suite/defaults/template-ytt-values.yaml'] },
      workload: 'suite/defaults/workload.yaml',
      expected: 'suite/defaults/expected.yaml',
    });
    expect(found['suite/named']).toMatchObject({
      template: { path: 'suite/t.yaml', yttFiles: ['suite/named/v.yaml'] },
      workload: 'suite/named/missing.yaml',
      expected: 'suite/named/e.yaml',
    });
  });

  it('children inherit template, workload, expected and focus, and override each with their own', () => {
    const found = byPath(cases({
      'suite/info.yaml': 'focus: true\nexpected: common.yaml\n',
      'suite/template.yaml': 'x',
      'suite/workload.yaml': 'x',
      'suite/a/.keep': '',
      'suite/b/workload.yaml': 'x',
      'suite/b/info.yaml': 'focus: false\n',
    }));
    expect(found['suite/a']).toMatchObject({ template: { path: 'suite/template.yaml' }, workload: 'suite/workload.yaml', expected: 'suite/common.yaml', focus: true });
    expect(found['suite/b']).toMatchObject({ template: { path: 'suite/template.yaml' }, workload: 'suite/b/workload.yaml', focus: false });
  });

  it('a ytt values file is kept by a child that names a template of its own', () => {
    const found = byPath(cases({
      'suite/info.yaml': 'given: {template: {path: t.yaml, yttPath: values.yaml}}\n',
      'suite/child/template.yaml': 'x',
    }));
    expect(found['suite/child']?.template).toEqual({ path: 'suite/child/template.yaml', yttFiles: ['suite/values.yaml'] });
  });

  it("metadata comes from the leaf's own info.yaml only", () => {
    const found = byPath(cases({
      'suite/info.yaml': 'metadata: {name: parent, description: parent}\n',
      'suite/template.yaml': 'x',
      'suite/a/.keep': '',
      'suite/b/info.yaml': 'metadata: {name: b}\n',
    }));
    expect(found['suite/a']?.metadata).toEqual({});
    expect(found['suite/b']?.metadata).toEqual({ name: 'b' });
  });
});

describe('supply chains', () => {
  it('info.yaml paths are not joined (relative to the working directory); discovered supply-chain*.yaml files are', () => {
    const found = byPath(cases({
      'suite/workload.yaml': 'x',
      'suite/named/info.yaml': 'given:\n  supplyChain:\n    paths: [config/chains/web.yaml]\n    targetResourceName: deploy\n',
      'suite/found/supply-chain.yaml': 'x',
      'suite/found/supply-chain-ytt-values.yaml': 'x',
      'suite/found/chain.yaml': 'not a supply-chain* name',
    }));
    expect(found['suite/named']?.supplyChain).toEqual({ kind: 'files', paths: ['config/chains/web.yaml'], yttFiles: [], targetResourceName: 'deploy' });
    // The values file's default name also matches supply-chain*.yaml.
    expect(found['suite/found']?.supplyChain).toEqual({
      kind: 'files',
      paths: ['suite/found/supply-chain-ytt-values.yaml', 'suite/found/supply-chain.yaml'],
      yttFiles: ['suite/found/supply-chain-ytt-values.yaml'],
      targetResourceName: '',
    });
  });

  it("a parent's supply chain, real or mock, is never inherited: each directory starts from an empty mock", () => {
    const found = byPath(cases({
      'suite/workload.yaml': 'x',
      'suite/real/supply-chain.yaml': 'x',
      'suite/real/info.yaml': 'given: {supplyChain: {targetResourceName: deploy, previousOutputs: {a: {image: i}}}}\n',
      'suite/real/child/.keep': '',
      'suite/mock/info.yaml': 'given: {mockSupplyChain: {blueprintParams: [{name: p, value: v}]}}\n',
      'suite/mock/child/.keep': '',
    }));
    expect(found['suite/real/child']?.supplyChain).toEqual({ kind: 'mock' });
    expect(found['suite/mock/child']?.supplyChain).toEqual({ kind: 'mock' });
  });

  it('mock and real supply chain in one directory: every case under it fails with cartotest\'s message, others still run', () => {
    const found = cases({
      'suite/workload.yaml': 'x',
      'suite/both/info.yaml': 'given:\n  mockSupplyChain: {blueprintParams: []}\n  supplyChain: {paths: [chain.yaml]}\n',
      'suite/both/x/.keep': '',
      'suite/both/y/.keep': '',
      'suite/both/golden/carto-test.yaml': '',
      'suite/fine/.keep': '',
    });
    const message = 'build test cases: populate testCase supplychain: only one of mock supply chain and real supply chain may be specified';
    expect(found.map((c) => [c.path, c.error])).toEqual([
      ['suite/both/golden', undefined],
      ['suite/both/x', message],
      ['suite/both/y', message],
      ['suite/fine', undefined],
    ]);
  });

  it('a mock with only targetResourceName or previousOutputs (no supply chain file) is not an error: the file set replaces the mock', () => {
    const found = byPath(cases({
      'suite/workload.yaml': 'x',
      'suite/a/info.yaml': 'given:\n  mockSupplyChain: {blueprintParams: [{name: p, value: v}]}\n  supplyChain: {targetResourceName: deploy}\n',
    }));
    expect(found['suite/a']).toMatchObject({ supplyChain: { kind: 'files', paths: [], targetResourceName: 'deploy' } });
    expect(found['suite/a']?.error).toBeUndefined();
  });
});

describe('compareOptions, one shared object', () => {
  const files = {
    'suite/workload.yaml': 'x',
    'suite/shared/info.yaml': 'compareOptions: {ignoreLabels: true}\n',
    'suite/shared/a/info.yaml': 'compareOptions: {ignoreOwnerRefs: true, ignoreMetadataFields: [namespace]}\n',
    'suite/shared/b/.keep': '',
    'suite/fresh/a/info.yaml': 'compareOptions: {ignoreMetadata: true}\n',
    'suite/fresh/b/.keep': '',
  };

  it("a child's compareOptions changes the object its parent and siblings share", () => {
    const found = byPath(cases(files));
    const a = found['suite/shared/a']?.compareOptions;
    expect(a).toBe(found['suite/shared/b']?.compareOptions);
    expect(a).toEqual({ ignoreMetadata: false, ignoreOwnerRefs: true, ignoreLabels: true, ignoreMetadataFields: ['namespace'], namedCMPOptionFuncs: [] });
  });

  it('when the parent has none, a child that sets compareOptions gets its own', () => {
    const found = byPath(cases(files));
    expect(found['suite/fresh/a']?.compareOptions).toMatchObject({ ignoreMetadata: true });
    expect(found['suite/fresh/b']?.compareOptions).toBeUndefined();
  });
});

describe('info.yaml problems', () => {
  it('an info.yaml that is not valid fails the cases under it, with the decoder\'s message', () => {
    const found = cases({ 'suite/workload.yaml': 'x', 'suite/a/info.yaml': 'given: [1]\n', 'suite/b/info.yaml': 'given: {workload: 3}\n', 'suite/c/info.yaml': '- a list\n' });
    expect(found.map((c) => (c as CartotestCase).error)).toEqual([
      'build test cases: populate info: unmarshal failed: suite/a/info.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field testInfo.given of type testInfoGiven',
      'build test cases: populate info: unmarshal failed: suite/b/info.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field testInfoGiven.given.workload of type string',
      'build test cases: populate info: unmarshal failed: suite/c/info.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type testing.testInfo',
    ]);
  });

  it('a whole-chain test whose carto-test.yaml cannot be read is a failing case', () => {
    expect(cases({ 'suite/carto-test.yaml': 'inputs: {a: b}\n' })).toEqual([
      { type: 'whole-chain', path: 'suite', focus: false, metadata: {}, error: 'suite/carto-test.yaml: inputs must be a list of strings' },
    ]);
  });
});
