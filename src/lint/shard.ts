// `carto lint --shard I/N`: the owners of one shard (by NAMESPACE/NAME, as render picks them) and
// every other document. Templates and blueprints are few and cheap, so every shard checks them
// (each shard's report is complete for its owners); owners are what a large estate has many of.
import type { SourceDocument } from '../load/index.js';
import { ownerRefOf, ownerShardKey } from '../model/index.js';
import { inShard, type Shard } from '../util/shard.js';

export interface ShardDocuments {
  documents: SourceDocument[];
  /** Owners kept, and owners in all the inputs. */
  owners: number;
  total: number;
}

export function shardDocuments(documents: readonly SourceDocument[], shard: Shard, defaultNamespace: string): ShardDocuments {
  let owners = 0;
  let total = 0;
  const kept = documents.filter((doc) => {
    const owner = ownerRefOf(doc.value, defaultNamespace);
    if (owner === undefined) return true;
    total++;
    const mine = inShard(ownerShardKey(owner), shard);
    if (mine) owners++;
    return mine;
  });
  return { documents: kept, owners, total };
}
