// --shard's arithmetic: I/N read strictly; a key's shard is the first 32 bits of the SHA-256 of
// the key modulo N, plus one — pinned here, since changing it would move owners between the
// shards of every user's CI; the shards of many keys are about even.
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../src/util/shard.js';
import { sha256Hex } from '../../src/util/digest.js';

describe('parseShard', () => {
  it('reads I/N with 1 <= I <= N', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('3/8')).toEqual({ index: 3, count: 8 });
    expect(parseShard(' 2 / 5 ')).toEqual({ index: 2, count: 5 });
  });
  it('says what is wrong with anything else', () => {
    expect(parseShard('0/3')).toMatch(/^--shard 0\/3: the shard must be between 1 and 3/);
    expect(parseShard('4/3')).toMatch(/^--shard 4\/3: the shard must be between 1 and 3/);
    expect(parseShard('1/0')).toMatch(/^--shard 1\/0: the number of shards must be between 1 and 10000/);
    expect(parseShard('1/10001')).toMatch(/the number of shards must be between 1 and 10000/);
    for (const bad of ['', '1', '1/', '/3', 'a/b', '1/3/5', '-1/3', '1.5/3', '1-3']) expect(parseShard(bad), bad).toMatch(/expected I\/N/);
  });
});

describe('shardOf', () => {
  it('is the first 32 bits of SHA-256(key) modulo N, plus one', () => {
    expect(shardOf('default/hello-golang', 5)).toBe((Number.parseInt(sha256Hex('default/hello-golang').slice(0, 8), 16) % 5) + 1);
    // pinned (checked with coreutils: printf %s KEY | sha256sum): users' CI matrices depend on these never moving
    expect(['default/hello-golang', 'default/hello-nodejs', 'dev/app', 'team/app-0'].map((k) => shardOf(k, 4))).toEqual([1, 1, 3, 1]);
  });
  it('puts each key in exactly one shard, about evenly', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => `ns-${i % 7}/app-${i}`);
    const counts = [0, 0, 0, 0];
    for (const k of keys) {
      const mine = [1, 2, 3, 4].filter((i) => inShard(k, { index: i, count: 4 }));
      expect(mine).toEqual([shardOf(k, 4)]);
      counts[shardOf(k, 4) - 1]!++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(900);
  });
});
