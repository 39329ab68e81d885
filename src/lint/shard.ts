// `carto lint --shard I/N`: the owners of one shard (by NAMESPACE/NAME, as render picks them) and
// every other document. Templates and blueprints are few and cheap, so every shard checks them
// (each shard's report is complete for its owners); owners are what a large estate has many of.
import type { SourceDocument } from '../load/index.js';
import { OWNER_KINDS, namespaceOf } from '../model/index.js';
import { isObject, own } from '../util/objects.js';
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
    const key = ownerKey(doc, defaultNamespace);
    if (key === undefined) return true;
    total++;
    const mine = inShard(key, shard);
    if (mine) owners++;
    return mine;
  });
  return { documents: kept, owners, total };
}

/** NAMESPACE/NAME of a carto.run Workload, Deliverable or Runnable; undefined for any other document. */
function ownerKey(doc: SourceDocument, defaultNamespace: string): string | undefined {
  const apiVersion = own(doc.value, 'apiVersion');
  const kind = own(doc.value, 'kind');
  if (typeof apiVersion !== 'string' || !apiVersion.startsWith('carto.run/') || typeof kind !== 'string' || !OWNER_KINDS.has(kind)) return undefined;
  const metadata = own(doc.value, 'metadata');
  const name = isObject(metadata) ? own(metadata, 'name') : undefined;
  return `${namespaceOf(metadata) ?? defaultNamespace}/${typeof name === 'string' ? name : ''}`;
}
