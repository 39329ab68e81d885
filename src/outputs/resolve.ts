// Decides each output of a stamped resource, in the order the CLI contract fixes:
// supplied > read from the stamped object > read from an observed live object > mock.
// Reading uses the template's path exactly as the controller would read the live object.
import type { ResourceOutput } from '../chain/index.js';
import type { JSONValue } from '../jsonpath/index.js';
import type { SourceDocument } from '../load/index.js';
import type { Format, JSONObject, Template } from '../model/index.js';
import { outputFieldsOf, type OutputField } from './fields.js';
import { mockOutput } from './mock.js';
import { findObserved } from './observed.js';
import { readPath } from './read.js';
import type { SuppliedOutputs } from './supplied.js';

export type Provenance = 'supplied' | 'stamped' | 'observed' | 'mock';

export interface OutputValue {
  /** The resource that produced the value (a passThrough hands on its upstream's values). */
  resource: string;
  field: OutputField;
  value: JSONValue;
  provenance: Provenance;
  /** The template's path for this output (absent for supplied values of path-less fields). */
  path?: string;
  /** Where a supplied or observed value came from (`file:line`, `--set-output`). */
  origin?: string;
}

export interface OutputSources {
  supplied?: SuppliedOutputs;
  observed?: readonly SourceDocument[];
}

/**
 * `computedStatus`: status the stamped object would get from another carto-rendered controller
 * (a Runnable's `status.outputs`, computed with --expand-runnables); read before observed objects.
 */
export function resolveOutputs(
  template: Template,
  stamped: JSONObject,
  owner: { namespace: string; name: string },
  resource: string,
  sources: OutputSources,
  semantics: Format,
  computedStatus?: { status: JSONObject; origin: string },
): { output: ResourceOutput; values: OutputValue[] } {
  const values: OutputValue[] = [];
  let observed: SourceDocument | null | undefined; // looked up once, on first need
  for (const { field, path } of outputFieldsOf(template)) {
    const supplied = sources.supplied?.lookup(owner, resource, field);
    if (supplied) {
      values.push({ resource, field, value: supplied.value, provenance: 'supplied', ...(path ? { path } : {}), origin: supplied.origin });
      continue;
    }
    if (path) {
      if (observed === undefined) observed = sources.observed?.length ? findObserved(stamped, sources.observed) ?? null : null;
      const read = readPath(path, computedStatus ? { ...stamped, status: computedStatus.status } : stamped, observed ?? undefined, semantics);
      if (read.found) {
        const fromComputed = read.from === 'stamped' && computedStatus !== undefined && !readPath(path, stamped, undefined, semantics).found;
        values.push({
          resource,
          field,
          value: read.value,
          provenance: read.from,
          path,
          ...(fromComputed ? { origin: computedStatus.origin } : read.origin ? { origin: read.origin } : {}),
        });
        continue;
      }
    }
    values.push({ resource, field, value: mockOutput(owner, resource, field), provenance: 'mock', ...(path ? { path } : {}) });
  }
  return { output: toOutput(template, values), values };
}

function toOutput(template: Template, values: readonly OutputValue[]): ResourceOutput {
  const get = (field: OutputField) => values.find((v) => v.field === field)?.value ?? null;
  switch (template.kind) {
    case 'ClusterSourceTemplate':
      return { source: { url: get('url'), revision: get('revision') } };
    case 'ClusterImageTemplate':
      return { image: get('image') };
    case 'ClusterConfigTemplate':
      return { config: get('config') };
    default:
      return {};
  }
}
