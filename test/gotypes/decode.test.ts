// json.Unmarshal into a Go type, as the value model shows it.
import { describe, expect, it } from 'vitest';
import { decode, field, t, zeroValue } from '../../src/gotypes/index.js';
import { GoOpaque, GoStruct, toJSON } from '../../src/jsonpath/index.js';

const Env = t.struct('v1.EnvVar', [field('name', t.string()), field('value', t.string(), { omitEmpty: true })]);
const Spec = t.struct('example.Spec', [
  field('image', t.ptr(t.string()), { omitEmpty: true }),
  field('sa', t.string(), { omitEmpty: true }),
  field('replicas', t.int()),
  field('ratio', t.float()),
  field('enabled', t.bool()),
  field('env', t.slice(Env), { omitEmpty: true }),
  field('labels', t.map(t.string()), { omitEmpty: true }),
  field('cpu', t.quantity()),
  field('limits', t.map(t.quantity()), { omitEmpty: true }),
  field('since', t.time(), { omitEmpty: true }),
  field('until', t.ptr(t.time()), { omitEmpty: true }),
  field('param', t.json()),
  field('free', t.any(), { omitEmpty: true }),
  field('inner', t.struct('example.Inner', [field('x', t.string())])),
]);

function fieldOf(v: unknown, name: string): unknown {
  return (v as GoStruct).field(name)?.value;
}

describe('decode', () => {
  it('fills absent value-type fields with zero values and leaves pointers/slices/maps nil', () => {
    const { value, errors } = decode(Spec, {});
    expect(errors).toEqual([]);
    expect(value).toBeInstanceOf(GoStruct);
    expect(fieldOf(value, 'image')).toBeNull();
    expect(fieldOf(value, 'sa')).toBe('');
    expect(fieldOf(value, 'replicas')).toBe(0);
    expect(fieldOf(value, 'enabled')).toBe(false);
    expect(fieldOf(value, 'env')).toBeNull();
    expect(fieldOf(value, 'labels')).toBeNull();
    expect(fieldOf(value, 'cpu')).toBe('0');
    expect(fieldOf(value, 'since')).toBeNull();
    expect(fieldOf(value, 'param')).toEqual(new GoOpaque(null));
    expect(toJSON(fieldOf(value, 'inner') as GoStruct)).toEqual({ x: '' });
    expect(toJSON(value)).toEqual({ replicas: 0, ratio: 0, enabled: false, cpu: '0', since: null, param: null, inner: { x: '' } });
  });

  it('decodes present values, dropping unknown fields', () => {
    const { value, errors } = decode(Spec, {
      image: 'nginx',
      replicas: 3,
      env: [{ name: 'A', value: 'b', extra: 1 }, null],
      labels: { 'app.kubernetes.io/name': 'x' },
      cpu: '0.5',
      limits: { memory: '1024Mi', cpu: 2 },
      since: '2021-09-22T10:00:00+02:00',
      until: '2021-09-22T10:00:00.123Z',
      param: { nested: [1, 2] },
      free: { k: [true] },
      unknown: 'gone',
    });
    expect(errors).toEqual([]);
    expect(toJSON(value)).toEqual({
      image: 'nginx',
      replicas: 3,
      ratio: 0,
      enabled: false,
      env: [{ name: 'A', value: 'b' }, { name: '' }],
      labels: { 'app.kubernetes.io/name': 'x' },
      cpu: '500m',
      limits: { memory: '1Gi', cpu: '2' },
      since: '2021-09-22T08:00:00Z',
      until: '2021-09-22T10:00:00Z',
      param: { nested: [1, 2] },
      free: { k: [true] },
      inner: { x: '' },
    });
    expect((value as GoStruct).field('unknown')).toBeUndefined();
  });

  it('matches keys case-insensitively like encoding/json, unless told not to', () => {
    expect(fieldOf(decode(Spec, { SA: 'x' }).value, 'sa')).toBe('x');
    expect(fieldOf(decode(Spec, { SA: 'x' }, '', { caseInsensitiveKeys: false }).value, 'sa')).toBe('');
  });

  it('reports type mismatches with paths and keeps the zero value', () => {
    const { value, errors } = decode(
      Spec,
      { sa: 5, replicas: 1.5, env: [{ name: 'A', value: 7 }], labels: [], cpu: 'lots', since: 'yesterday', inner: 'x' },
      'spec',
    );
    expect(errors).toEqual([
      { path: 'spec.sa', message: 'cannot unmarshal number into Go value of type string' },
      { path: 'spec.replicas', message: 'cannot unmarshal number 1.5 into Go value of type int64' },
      { path: 'spec.env[0].value', message: 'cannot unmarshal number into Go value of type string' },
      { path: 'spec.labels', message: 'cannot unmarshal array into Go value of type map[string]string' },
      { path: 'spec.cpu', message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" },
      { path: 'spec.since', message: 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": not an RFC 3339 time' },
      { path: 'spec.inner', message: 'cannot unmarshal string into Go value of type example.Inner' },
    ]);
    expect(fieldOf(value, 'sa')).toBe('');
    expect(fieldOf(value, 'cpu')).toBe('0');
  });

  it('gives the error json.Unmarshal returns: the first one, naming the innermost struct and the field path from the top', () => {
    expect(decode(Spec, { env: [{ value: 7 }], sa: 5 }).goError).toBe('json: cannot unmarshal number into Go struct field v1.EnvVar.env.value of type string');
    // a number that does not fit an int carries its text; a number where a string belongs does not (encoding/json literalStore)
    expect(decode(Spec, { replicas: 1.5 }).goError).toBe('json: cannot unmarshal number 1.5 into Go struct field example.Spec.replicas of type int64');
    expect(decode(Spec, { labels: { a: true } }).goError).toBe('json: cannot unmarshal bool into Go struct field example.Spec.labels.a of type string');
    expect(decode(Spec, { inner: { x: [] } }).goError).toBe('json: cannot unmarshal array into Go struct field example.Inner.inner.x of type string');
    expect(decode(Spec, 'x').goError).toBe('json: cannot unmarshal string into Go value of type example.Spec');
    expect(decode(Spec, { sa: 'ok' }).goError).toBeUndefined();
  });

  it('treats JSON null like absent for value types, and as nil for pointers', () => {
    const { value } = decode(Spec, { sa: null, image: null, cpu: null, since: null, inner: null });
    expect(fieldOf(value, 'sa')).toBe('');
    expect(fieldOf(value, 'image')).toBeNull();
    expect(fieldOf(value, 'cpu')).toBe('0');
    expect(fieldOf(value, 'since')).toBeNull();
  });

  it('the zero time is null', () => {
    expect(fieldOf(decode(Spec, { since: '0001-01-01T00:00:00Z' }).value, 'since')).toBeNull();
  });

  it('records field types for the evaluator', () => {
    const f = (decode(Spec, {}).value as GoStruct).field('replicas')!;
    expect(f.type?.kind).toBe('int');
    expect((decode(Spec, {}).value as GoStruct).field('image')!.pointer).toBe(true);
    expect((decode(Spec, {}).value as GoStruct).typeName).toBe('example.Spec');
  });

  it('is safe against __proto__ keys in maps and free-form values', () => {
    const input = JSON.parse('{"labels": {"__proto__": "x"}, "free": {"__proto__": {"polluted": 1}}}');
    const { value } = decode(Spec, input);
    expect(Object.keys(fieldOf(value, 'labels') as object)).toEqual(['__proto__']);
    expect(Object.keys(fieldOf(value, 'free') as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('zero structs are built once per type', () => {
    expect(zeroValue(Spec)).toBe(zeroValue(Spec));
  });
});
