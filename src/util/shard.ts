// `--shard I/N`: a deterministic share of the owners (or test cases), so that a very large estate
// splits across the runners of a CI matrix. An owner's shard depends on its own key only (the
// first 32 bits of the SHA-256 of NAMESPACE/NAME, modulo N), never on its position among the
// others: adding or removing one Workload moves no other, and every key is in exactly one shard.
import { sha256Hex } from './digest.js';

/** Shard `index` (1-based, as CI matrices number their jobs) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The most shards carto splits into: far more than any CI runs jobs in parallel. */
export const MAX_SHARDS = 10_000;

/** Reads `I/N`; a string saying what is wrong when it is not a shard. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return `--shard ${text}: expected I/N, the shard to run and how many there are, e.g. --shard 2/5`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) return `--shard ${text}: the number of shards must be between 1 and ${MAX_SHARDS}`;
  if (index < 1 || index > count) return `--shard ${text}: the shard must be between 1 and ${count} (shards are numbered from 1, as CI matrices number their jobs)`;
  return { index, count };
}

/** The shard (1-based) a key belongs to among `count`. */
export function shardOf(key: string, count: number): number {
  return (Number.parseInt(sha256Hex(key).slice(0, 8), 16) % count) + 1;
}

export function inShard(key: string, shard: Shard): boolean {
  return shard.count === 1 || shardOf(key, shard.count) === shard.index;
}

/** `2/5`, as the flag is written. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
