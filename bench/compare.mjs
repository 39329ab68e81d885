// Checks that two YAML streams (carto's and helm's output) hold the same objects: same count, and
// for every kind/namespace/name the same content (map key order and comments ignored).
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';

export function objectsOf(stream) {
  return parseAllDocuments(stream)
    .map((d) => d.toJS())
    .filter((o) => o && typeof o === 'object');
}

const keyOf = (o) => `${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/** → { left, right, mismatches: [text] } where left/right are the object counts. */
export function compareStreams(leftStream, rightStream) {
  const left = objectsOf(leftStream);
  const right = objectsOf(rightStream);
  const mismatches = [];
  const byKey = new Map(right.map((o) => [keyOf(o), o]));
  if (byKey.size !== right.length) mismatches.push('duplicate kind/namespace/name in the second stream');
  for (const o of left) {
    const other = byKey.get(keyOf(o));
    if (!other) mismatches.push(`${keyOf(o)}: missing`);
    else if (!isDeepStrictEqual(o, other)) mismatches.push(`${keyOf(o)}: differs\n${JSON.stringify(o)}\n${JSON.stringify(other)}`);
    byKey.delete(keyOf(o));
  }
  for (const k of byKey.keys()) mismatches.push(`${k}: extra`);
  return { left: left.length, right: right.length, mismatches };
}
