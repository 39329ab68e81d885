// Where a stamped object's invalid name or label is written (src/stamp/meta-check.ts finds it):
// the template, or — for a carto.run/* label — the owner, blueprint, resource or template name
// the controller copies into it. Render's warnings and status's admission point at the same place.
import { ownerRef, type StampedObject, type Where } from '../realize/index.js';
import type { MetaProblem } from '../stamp/meta-check.js';

/** Where the bad value is written: the template, or the name a carto.run label copies. */
export function metaOrigin(stamped: StampedObject, problem: MetaProblem): Where {
  if (stamped.via === 'runnable') {
    const t = stamped.runTemplate;
    const r = stamped.runnable;
    if (problem.label === 'carto.run/runnable-name') return { doc: r.doc, object: { kind: 'Runnable', name: r.name, namespace: r.namespace }, path: ['metadata', 'name'] };
    if (problem.label === 'carto.run/run-template-name') return { doc: t.doc, object: { kind: 'ClusterRunTemplate', name: t.name }, path: ['metadata', 'name'] };
    return { doc: t.doc, object: { kind: 'ClusterRunTemplate', name: t.name }, path: ['spec', 'template', 'metadata', ...(problem.field === 'metadata.name' ? ['name'] : ['labels', problem.label ?? ''])] };
  }
  const { owner, blueprint, resource, template } = stamped;
  const templateWhere = (path: (string | number)[]): Where => ({ doc: template.doc, object: { kind: template.kind, name: template.name }, path });
  const source = template.ytt !== undefined ? ['spec', 'ytt'] : ['spec', 'template', 'metadata'];
  if (problem.field === 'metadata.name') return templateWhere(template.ytt !== undefined ? source : [...source, 'name']);
  switch (problem.label) {
    case 'carto.run/workload-name':
    case 'carto.run/deliverable-name':
      return { doc: owner.doc, object: ownerRef(owner), path: ['metadata', 'name'] };
    case 'carto.run/supply-chain-name':
    case 'carto.run/cluster-supply-chain-name':
    case 'carto.run/delivery-name':
      return { doc: blueprint.doc, object: { kind: blueprint.kind, name: blueprint.name }, path: ['metadata', 'name'] };
    case 'carto.run/resource-name':
    case 'carto.run/component-name':
      return { doc: blueprint.doc, object: { kind: blueprint.kind, name: blueprint.name }, path: [...resource.path, 'name'] };
    case 'carto.run/cluster-template-name':
      return templateWhere(['metadata', 'name']);
    default:
      return templateWhere(template.ytt !== undefined ? source : [...source, 'labels', problem.label ?? '']);
  }
}
