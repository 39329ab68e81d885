// The `# Source:` line that names where a stamped object came from, helm-style.
import type { StampedObject } from '../render/index.js';

export function sourceOf(stamped: StampedObject): string {
  const { owner, blueprint, resource, template } = stamped;
  return `${owner.kind} ${owner.namespace}/${owner.name}, ${blueprint.kind} ${blueprint.name}, resource ${resource.name}, ${template.kind} ${template.name}`;
}
