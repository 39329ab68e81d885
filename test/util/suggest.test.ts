// The "did you mean" helper: close names are suggested, far ones are not, and ties are stable.
import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/util/suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('ClusterSuplyChain', 'ClusterSupplyChain')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('source-provdier', 'source-provider')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('stops past the limit', () => {
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});

describe('closest', () => {
  const kinds = ['ClusterSupplyChain', 'ClusterDelivery', 'Workload', 'Deliverable'];
  it('answers a slip with the name meant', () => {
    expect(closest('ClusterSuplyChain', kinds)).toBe('ClusterSupplyChain');
    expect(closest('workload', kinds)).toBe('Workload');
    expect(closest('WORKLOAD', kinds)).toBe('Workload');
  });
  it('does not guess at names far from any', () => {
    expect(closest('Pipeline', kinds)).toBeUndefined();
    expect(closest('ab', ['xy'])).toBeUndefined();
  });
  it('says nothing for a known name, and words the suggestion', () => {
    expect(closest('Workload', kinds)).toBeUndefined();
    expect(didYouMean('Workloda', kinds)).toBe('did you mean Workload?');
    expect(didYouMean('Pipeline', kinds)).toBe('');
  });
});
