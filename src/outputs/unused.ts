// Supplied outputs (--outputs, --set-output) whose key matches nothing: no resource of the
// blueprints walked, or no owner of the inputs. A misspelt key would otherwise be ignored in
// silence; render and `carto status` warn alike, with these words.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Owner } from '../model/index.js';
import { listSome } from '../util/list.js';
import { guess } from '../util/suggest.js';
import type { SuppliedOutputs } from './supplied.js';

/**
 * A warning per key of `supplied` that names a resource not among `resources` (the resource names
 * of the blueprints walked), or an owner not among `all` (any owner of the inputs, not only those
 * walked: one outputs file may serve several --workload runs). Nothing when no blueprint was walked.
 */
export function unusedSupplied(supplied: SuppliedOutputs, resources: ReadonlySet<string>, all: readonly Owner[]): Diagnostic[] {
  if (resources.size === 0) return [];
  const names = new Set(all.map((o) => o.name));
  const qualified = new Set(all.map((o) => `${o.namespace}/${o.name}`));
  return supplied.keys().flatMap((k) => {
    const slash = k.lastIndexOf('/');
    const resource = k.slice(slash + 1);
    const owner = slash < 0 ? undefined : k.slice(0, slash);
    if (!resources.has(resource)) {
      return [unused(`supplied outputs for ${k} match no resource of any rendered blueprint`, `${guess(resource, resources)}keys are RESOURCE, OWNER/RESOURCE or NAMESPACE/OWNER/RESOURCE, with the resource named as in the blueprint`)];
    }
    if (owner !== undefined && !(owner.includes('/') ? qualified.has(owner) : names.has(owner))) {
      const known = owner.includes('/') ? qualified : names;
      return [unused(`supplied outputs for ${k} match no owner: the inputs hold no Workload or Deliverable ${owner}`, `${guess(owner, known)}the inputs hold ${listSome([...known].sort(), 10)}; keys are RESOURCE, OWNER/RESOURCE or NAMESPACE/OWNER/RESOURCE`)];
    }
    return [];
  });
}

function unused(message: string, hint: string): Diagnostic {
  return { severity: 'warning', code: 'unused-output', message, hint };
}
