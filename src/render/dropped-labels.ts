// The labels a template writes that never reach the stamped object: the controller reads a
// template's labels as a map of strings, and when one value is not (enabled: true, a single
// placeholder giving a number) it reads none, so the object carries only the carto.run/* labels
// (src/stamp/finish.ts). Nothing fails on the cluster, so render says it: a warning at the
// template's labels, once per template.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, ownerRef, type StampedObject } from '../realize/index.js';
import { isObject } from '../util/objects.js';

/** A template's own labels (not carto.run/*), by template: the same for each object it stamps. */
const ownLabels = new WeakMap<object, readonly string[]>();

export function droppedLabels(stamped: StampedObject, said: Set<string>): Diagnostic | undefined {
  const template = stamped.via === 'blueprint' ? stamped.template.template : stamped.runTemplate.template;
  if (!isObject(template)) return undefined;
  let own = ownLabels.get(template);
  if (own === undefined) {
    const labels = isObject(template['metadata']) ? template['metadata']['labels'] : undefined;
    own = isObject(labels) ? Object.keys(labels).filter((k) => !k.startsWith('carto.run/')) : [];
    ownLabels.set(template, own);
  }
  if (own.length === 0) return undefined;
  const written = (template['metadata'] as Record<string, unknown>)['labels'] as Record<string, unknown>;
  const doc = stamped.via === 'blueprint' ? stamped.template.doc : stamped.runTemplate.doc;
  const metadata = stamped.object['metadata'];
  const labels = isObject(metadata) && isObject(metadata['labels']) ? metadata['labels'] : {};
  if (own.some((k) => k in labels)) return undefined;
  const bad = Object.keys(written).find((k) => typeof written[k] !== 'string');
  const object = stamped.via === 'blueprint' ? { kind: stamped.template.kind, name: stamped.template.name } : { kind: 'ClusterRunTemplate', name: stamped.runTemplate.name };
  const key = `${doc.file}\u0000${object.kind}/${object.name}\u0000dropped-labels`;
  if (said.has(key)) return undefined;
  said.add(key);
  const why = bad === undefined
    ? 'a placeholder gives one of them a value that is not a string'
    : `label ${bad} is ${JSON.stringify(written[bad])}, not a string`;
  return diagnostic('warning', 'stamped-label-invalid', `${object.kind} ${object.name} writes labels that the objects it stamps do not carry: ${why}, and the controller then keeps none of the template's labels, only its carto.run/* ones`, {
    doc, object, path: ['spec', 'template', 'metadata', 'labels', ...(bad === undefined ? [] : [bad])], key: bad === undefined,
  }, {
    ...(stamped.via === 'blueprint' ? { owner: ownerRef(stamped.owner), resource: stamped.resource.name } : {}),
    hint: bad === undefined ? 'a placeholder alone in a value keeps its value\'s type: write it inside text, or make it give a string' : `quote it: ${bad}: "${String(written[bad])}"`,
  });
}
