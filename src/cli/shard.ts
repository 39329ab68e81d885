// `--shard I/N` as render, lint and test take it: read once, a usage error when it is not I/N.
import { UsageError } from '../diagnostics/diagnostic.js';
import { parseShard, type Shard } from '../util/shard.js';

export function shardOption(options: Record<string, unknown>): Shard | undefined {
  const text = options['shard'];
  if (typeof text !== 'string') return undefined;
  const shard = parseShard(text);
  if (typeof shard === 'string') throw new UsageError(shard);
  return shard;
}
