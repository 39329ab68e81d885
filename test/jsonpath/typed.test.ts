// Typed owner traversal: the spec's traps (§4.4, §13.1, §13.2) checked against a Workload decoded
// through the Go type model, in both allowMissingKeys modes.
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/gotypes/index.js';
import { GoOpaque, compile, findResults, marshal, toJSON } from '../../src/jsonpath/index.js';
import type { GoValue } from '../../src/jsonpath/index.js';
import { Workload } from './workload-fixture.js';

function workload(input: unknown): GoValue {
  const { value, errors } = decode(Workload, input);
  expect(errors).toEqual([]);
  return value;
}

const minimal = workload({
  apiVersion: 'carto.run/v1alpha1',
  kind: 'Workload',
  metadata: { name: 'petclinic', namespace: 'dev' },
  spec: { somethingUnknown: 'dropped' },
});

const full = workload({
  apiVersion: 'carto.run/v1alpha1',
  kind: 'Workload',
  metadata: { name: 'petclinic', namespace: 'dev', labels: { 'app.kubernetes.io/part-of': 'petclinic', 'carto.run/x': 'y' }, generation: 3 },
  spec: {
    params: [
      { name: 'ports', value: [{ port: 8080 }] },
      { name: 'x', value: { deep: { key: 'v' } } },
    ],
    source: { git: { url: 'https://github.com/x/y', ref: { branch: 'main' } } },
    env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'mysql' }],
    resources: { requests: { cpu: 0.5, memory: '1024Mi' }, limits: { cpu: '1000m' } },
  },
});

/** What Cartographer's EvaluateJsonPath does with results: JSON round trip of each. */
function evaluate(expr: string, data: GoValue, allowMissingKeys = true): unknown[] {
  return findResults(compile(`{.${expr}}`), data, { allowMissingKeys })[0]!.map(toJSON);
}

function evalError(expr: string, data: GoValue, allowMissingKeys = true): string {
  try {
    evaluate(expr, data, allowMissingKeys);
    return 'nil';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('value-type fields are always present', () => {
  it.each([
    ['spec.serviceAccountName', ''],
    ['metadata.uid', ''],
    ['metadata.generation', 0],
    ['status.observedGeneration', 0],
  ])('%s → %j', (expr, expected) => {
    expect(evaluate(expr, minimal)).toEqual([expected]);
    expect(evaluate(expr, minimal, false)).toEqual([expected]);
  });
  it('zero structs are {}', () => {
    expect(evaluate('spec.build', minimal)).toEqual([{}]);
    expect(evaluate('status.supplyChainRef', minimal)).toEqual([{}]);
  });
});

describe('nil pointers, slices and maps are present and null', () => {
  it.each(['spec.image', 'spec.env', 'spec.build.env', 'metadata.labels', 'spec.source', 'spec.params'])('%s → null', (expr) => {
    expect(evaluate(expr, minimal)).toEqual([null]);
    expect(evaluate(expr, minimal, false)).toEqual([null]);
  });
});

describe('stepping through nil is missing', () => {
  it('through a nil pointer', () => {
    expect(evaluate('spec.source.git.url', minimal)).toEqual([]);
    expect(evalError('spec.source.git.url', minimal, false)).toBe('git is not found');
  });
  it('through a nil map', () => {
    expect(evaluate("metadata.labels['carto\\.run/x']", minimal)).toEqual([]);
    expect(evalError("metadata.labels['carto\\.run/x']", minimal, false)).toBe('carto.run/x is not found');
  });
  it('unknown fields were dropped by decoding', () => {
    expect(evaluate('spec.somethingUnknown', minimal)).toEqual([]);
    expect(evalError('spec.somethingUnknown', minimal, false)).toBe('somethingUnknown is not found');
  });
});

describe('indexing a nil slice is out of range, even with allowMissingKeys', () => {
  it('spec.env[0]', () => {
    expect(evalError('spec.env[0]', minimal)).toBe('array index out of bounds: index 0, length 0');
  });
  it('out of range on a present slice', () => {
    expect(evalError('spec.env[1]', full)).toBe('array index out of bounds: index 1, length 1');
  });
  it('indexing a typed map or struct is an error', () => {
    expect(evalError('metadata.labels[0]', full)).toBe('map[string]string is not array or slice');
    expect(evalError('spec[0]', full)).toBe('v1alpha1.WorkloadSpec is not array or slice');
    expect(evalError('metadata.name[0]', full)).toBe('string is not array or slice');
  });
});

describe('filters over typed slices', () => {
  it('returns a param value whole', () => {
    const [value] = findResults(compile('{.spec.params[?(@.name=="x")].value}'), full)[0]!;
    expect(value).toBeInstanceOf(GoOpaque);
    expect(toJSON(value!)).toEqual({ deep: { key: 'v' } });
  });
  it('filtering a nil slice finds nothing', () => {
    expect(evaluate('spec.params[?(@.name=="x")].value', minimal)).toEqual([]);
    expect(evaluate('spec.params[?(@.name=="x")].value', minimal, false)).toEqual([]);
  });
  it('filters on env', () => {
    expect(evaluate('spec.env[?(@.name=="SPRING_PROFILES_ACTIVE")].value', full)).toEqual(['mysql']);
  });
  it('compares a typed int64 field with an int literal', () => {
    const list = findResults(compile('{[?(@.metadata.generation==3)].metadata.name}'), [full, minimal])[0];
    expect(list).toEqual(['petclinic']);
  });
});

describe('params are opaque JSON leaves', () => {
  it('a field step into a param value finds nothing', () => {
    expect(evaluate('spec.params[1].value.deep', full)).toEqual([]);
    expect(evalError('spec.params[1].value.deep', full, false)).toBe('deep is not found');
  });
  it('indexing a param value is client-go\'s "not array" error', () => {
    expect(evalError('spec.params[0].value[0]', full)).toBe('v1.JSON is not array or slice');
  });
  it('a map of JSON (runnable inputs) behaves the same', () => {
    const inputs = { obj: new GoOpaque({ key: 'v' }) };
    expect(findResults(compile('{.obj}'), inputs)[0]!.map(toJSON)).toEqual([{ key: 'v' }]);
    expect(findResults(compile('{.obj.key}'), inputs, { allowMissingKeys: true })[0]).toEqual([]);
  });
});

describe('whole-struct results serialise like Go', () => {
  it('source.git with omitempty', () => {
    expect(marshal(evaluate('spec.source.git', full)[0] as never)).toBe('{"ref":{"branch":"main"},"url":"https://github.com/x/y"}');
  });
  it('env', () => {
    expect(marshal(evaluate('spec.env', full)[0] as never)).toBe('[{"name":"SPRING_PROFILES_ACTIVE","value":"mysql"}]');
  });
  it('metadata keeps creationTimestamp: null', () => {
    expect(evaluate('metadata', minimal)).toEqual([{ creationTimestamp: null, name: 'petclinic', namespace: 'dev' }]);
  });
  it('the whole owner', () => {
    expect(marshal(toJSON(minimal))).toBe(
      '{"apiVersion":"carto.run/v1alpha1","kind":"Workload","metadata":{"creationTimestamp":null,"name":"petclinic","namespace":"dev"},"spec":{"build":{}},"status":{"supplyChainRef":{}}}',
    );
  });
});

describe('quantities are canonical', () => {
  it.each([
    ['spec.resources.requests.cpu', '500m'],
    ['spec.resources.requests.memory', '1Gi'],
    ['spec.resources.limits.cpu', '1'],
  ])('%s → %s', (expr, expected) => {
    expect(evaluate(expr, full)).toEqual([expected]);
  });
  it('a quantity is not a comparable string in a filter', () => {
    expect(() => findResults(compile('{[?(@.spec.resources.limits.cpu=="1")]}'), [full])).toThrow('invalid type for comparison');
  });
});

describe('Go field names are a fallback', () => {
  it('finds Spec.Source by Go name', () => {
    expect(marshal(evaluate('Spec.Source.git.url', full) as never)).toBe('["https://github.com/x/y"]');
    expect(evaluate('ObjectMeta.name', full)).toEqual(['petclinic']);
  });
});

describe('wildcard and recursive descent over structs', () => {
  it('a struct wildcard lists every field in declaration order', () => {
    expect(evaluate('spec.source.git.*', full)).toEqual(['https://github.com/x/y', { branch: 'main' }]);
  });
  it('a map wildcard iterates in sorted key order', () => {
    expect(evaluate('metadata.labels.*', full)).toEqual(['petclinic', 'y']);
  });
  it('recursive descent finds names through structs, slices and maps', () => {
    expect(evaluate('spec..name', full)).toEqual(['ports', 'x', 'SPRING_PROFILES_ACTIVE']);
  });
});
