// The `# Source:` line that names where a stamped object came from, helm-style.
import type { StampedObject } from '../render/index.js';

export function sourceOf(stamped: StampedObject): string {
  if (stamped.via === 'runnable') {
    const { runnable, runTemplate } = stamped;
    const by = runnable.stampedBy;
    const prefix = by ? `${by.owner.kind} ${by.owner.namespace}/${by.owner.name}, resource ${by.resource}, ` : '';
    return `${prefix}Runnable ${runnable.namespace}/${runnable.name}, ClusterRunTemplate ${runTemplate.name}`;
  }
  const { owner, blueprint, resource, template } = stamped;
  return `${owner.kind} ${owner.namespace}/${owner.name}, ${blueprint.kind} ${blueprint.name}, resource ${resource.name}, ${template.kind} ${template.name}`;
}

/** The owner directory and file name an object gets under --output-dir (before making them safe). */
export function placeOf(stamped: StampedObject): { namespace: string; owner: string; base: string } {
  if (stamped.via === 'runnable') {
    const by = stamped.runnable.stampedBy;
    if (by) return { namespace: by.owner.namespace, owner: `${by.owner.kind.toLowerCase()}-${by.owner.name}`, base: `${by.resource}-run` };
    return { namespace: stamped.runnable.namespace, owner: `runnable-${stamped.runnable.name}`, base: stamped.runTemplate.name };
  }
  return { namespace: stamped.owner.namespace, owner: `${stamped.owner.kind.toLowerCase()}-${stamped.owner.name}`, base: stamped.resource.name };
}
