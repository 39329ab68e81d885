// Units of carto diff's report that the CLI tests reach only through whole renders: the field a
// hunk header names (sequences are not indented under their key), and the renaming of a renamed
// resource's mocked outputs (whole mock names only).
import { describe, expect, it } from 'vitest';
import { objectPatch } from '../../src/emit/review.js';
import { renameMocks } from '../../src/outputs/index.js';
import type { ObjectChange } from '../../src/review/index.js';

const change = (old: unknown, now: unknown): ObjectChange => ({
  owner: { kind: 'Workload', namespace: 'dev', name: 'w' },
  resource: 'r',
  template: { kind: 'ClusterTemplate', name: 't' },
  object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'dev', name: 'w' },
  change: 'modified',
  fields: [],
  old: old as Record<string, unknown>,
  new: now as Record<string, unknown>,
});

describe('objectPatch hunk headers', () => {
  const deployment = (env: unknown[], name = 'app') => ({ spec: { template: { spec: { containers: [{ name, env, image: 'x' }] } } } });

  it('name the keys above a change inside a sequence that is not indented under its key', () => {
    const patch = objectPatch(change(deployment([{ name: 'A', value: '1' }]), deployment([{ name: 'A', value: '1' }, { name: 'B', value: '2' }])), 0);
    expect(patch.split('\n')[0]).toMatch(/^@@ .* @@ spec\.template\.spec\.containers\.env$/);
  });

  it('name the sequence for a change of an item that sits at its key\'s indent', () => {
    const patch = objectPatch(change(deployment([], 'app'), deployment([], 'web')), 0);
    expect(patch.split('\n')[0]).toMatch(/^@@ .* @@ spec\.template\.spec\.containers$/);
  });
});

describe('renameMocks', () => {
  const owner = { namespace: 'dev', name: 'w' };

  it('writes the mocks of one resource as those of another, wherever they sit in a string', () => {
    expect(renameMocks({ url: 'https://mock.invalid/dev/w/source.tar.gz', rev: 'at mock-revision-source', list: ['mock.invalid/dev/w/source:mock'] }, owner, 'source', 'fetch')).toEqual({
      url: 'https://mock.invalid/dev/w/fetch.tar.gz',
      rev: 'at mock-revision-fetch',
      list: ['mock.invalid/dev/w/fetch:mock'],
    });
  });

  it('leaves the mocks of another resource whose name starts the same, and of another owner', () => {
    const value = { rev: 'mock-revision-source-provider', config: 'mock-config-source2', other: 'https://mock.invalid/dev/v/source.tar.gz' };
    expect(renameMocks(value, owner, 'source', 'fetch')).toEqual(value);
  });
});

describe('stand-in values', () => {
  it('a mock is found inside a string only by its marked text', async () => {
    const { holds } = await import('../../src/review/stand-ins.js');
    // a mocked image or url embedded in a longer value
    expect(holds('repo: mock.invalid/dev/w/image-builder:mock', 'mock.invalid/dev/w/image-builder:mock')).toBe(true);
    expect(holds({ env: [{ value: 'rev mock-revision-source' }] }, 'mock-revision-source')).toBe(true);
    // a config mock copied from the stamped object's spec can be any short text: equal, not inside
    expect(holds('1', '1')).toBe(true);
    expect(holds('v1.2.1', '1')).toBe(false);
    expect(holds({ a: 'trueish' }, 'true')).toBe(false);
    expect(holds({ a: { b: 2 } }, { b: 2 })).toBe(true);
  });
});
