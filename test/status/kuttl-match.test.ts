// kuttl's assert rule (test/helpers/kuttl-match.ts): maps are subsets, lists match whole and in
// order, scalars match in value and type, objects are found by identity or, unnamed, by kind.
import { describe, expect, it } from 'vitest';
import { kuttlAssert, subsetMismatch } from '../helpers/kuttl-match.js';

describe('subsetMismatch', () => {
  it('ignores keys the expected map leaves out, at any depth', () => {
    expect(subsetMismatch({ a: { b: 1 } }, { a: { b: 1, c: 2 }, d: 3 })).toBeUndefined();
  });

  it('names a key the actual map lacks', () => {
    expect(subsetMismatch({ a: { b: 1 } }, { a: { c: 1 } })).toBe('.a.b: key is missing from map');
  });

  it('wants a list of the same length, element by element in order', () => {
    const conditions = [{ type: 'A' }, { type: 'B' }];
    expect(subsetMismatch({ c: conditions }, { c: [{ type: 'A', x: 1 }, { type: 'B' }] })).toBeUndefined();
    expect(subsetMismatch({ c: conditions }, { c: [...conditions, { type: 'C' }] })).toBe('.c: slice length mismatch: 2 != 3');
    expect(subsetMismatch({ c: conditions }, { c: [{ type: 'B' }, { type: 'A' }] })).toBe('.c[0].type: value mismatch, expected: A != actual: B');
  });

  it('tells a string from a number, and a map from a list', () => {
    expect(subsetMismatch({ v: '5' }, { v: 5 })).toBe('.v: type mismatch: string != number');
    expect(subsetMismatch({ v: {} }, { v: [] })).toBe('.v: type mismatch: object != list');
    expect(subsetMismatch({ v: null }, { v: null })).toBeUndefined();
  });

  it('compares scalars by value', () => {
    expect(subsetMismatch({ s: 'True' }, { s: 'False' })).toBe('.s: value mismatch, expected: True != actual: False');
    expect(subsetMismatch(true, true)).toBeUndefined();
  });
});

describe('kuttlAssert', () => {
  const owner = (name: string, reason: string, namespace?: string) => ({
    apiVersion: 'carto.run/v1alpha1',
    kind: 'Workload',
    metadata: namespace === undefined ? { name } : { name, namespace },
    status: { conditions: [{ type: 'Ready', reason }] },
  });

  it('finds the expected object by kind and name in the default namespace', () => {
    expect(kuttlAssert([owner('a', 'Ready')], [owner('b', 'Nope'), owner('a', 'Ready', 'default')])).toEqual([]);
    expect(kuttlAssert([owner('a', 'Ready')], [owner('a', 'Ready', 'other')])).toEqual(['carto.run/v1alpha1 Workload default/a: not found']);
  });

  it('reports the first mismatch of an object that does not satisfy it', () => {
    expect(kuttlAssert([owner('a', 'Ready')], [owner('a', 'MissingValueAtPath')])).toEqual([
      'carto.run/v1alpha1 Workload default/a: .status.conditions[0].reason: value mismatch, expected: Ready != actual: MissingValueAtPath',
    ]);
  });

  it('passes an unnamed object when any object of its kind matches', () => {
    const unnamed = { apiVersion: 'v1', kind: 'ConfigMap', data: { k: 'v' } };
    const cm = (k: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: k }, data: { k } });
    expect(kuttlAssert([unnamed], [cm('x'), cm('v')])).toEqual([]);
    expect(kuttlAssert([unnamed], [cm('x')])).toHaveLength(1);
  });
});
