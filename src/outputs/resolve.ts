// Decides each output of a stamped resource, in the order the CLI contract fixes:
// supplied > read from the stamped object > read from an observed live object > mock.
// Reading uses the template's path exactly as the controller would read the live object.
import type { ResourceOutput } from '../chain/index.js';
import { evaluateJsonPath } from '../eval/index.js';
import type { GoValue, JSONValue } from '../jsonpath/index.js';
import type { SourceDocument } from '../load/index.js';
import type { Format, JSONObject, Owner, Template } from '../model/index.js';
import { outputFieldsOf, type OutputField } from './fields.js';
import { mockOutput } from './mock.js';
import { findObserved } from './observed.js';
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

/** An output path that cannot be evaluated against the stamped object. */
export interface OutputPathError {
  field: OutputField;
  path: string;
  /** The template field holding the path, e.g. `imagePath`. */
  pathKey: string;
  message: string;
}

export interface OutputSources {
  supplied?: SuppliedOutputs;
  observed?: readonly SourceDocument[];
}

export function resolveOutputs(
  template: Template,
  stamped: JSONObject,
  owner: Owner,
  resource: string,
  sources: OutputSources,
  semantics: Format,
): { output: ResourceOutput; values: OutputValue[]; error?: OutputPathError } {
  const values: OutputValue[] = [];
  let observed: SourceDocument | null | undefined; // looked up once, on first need
  for (const { field, path, pathKey } of outputFieldsOf(template)) {
    const supplied = sources.supplied?.lookup(owner, resource, field);
    if (supplied) {
      values.push({ resource, field, value: supplied.value, provenance: 'supplied', ...(path ? { path } : {}), origin: supplied.origin });
      continue;
    }
    if (path) {
      // Missing keys are allowed here whatever the semantics: the stamped object stands in for
      // the live one, and what it lacks (status) is looked for elsewhere, not an error.
      const own = evaluateJsonPath(path, stamped as GoValue, 'current');
      if (own.ok) {
        values.push({ resource, field, value: own.value, provenance: 'stamped', path });
        continue;
      }
      // A path that does not parse (or fails on what the object does hold) fails on the live
      // object too: the controller never gets this output, so neither does anything downstream.
      if (!own.missing) return { output: {}, values, error: { field, path, pathKey, message: own.message } };
      if (observed === undefined) observed = sources.observed?.length ? findObserved(stamped, sources.observed) ?? null : null;
      if (observed) {
        const live = evaluateJsonPath(path, observed.value as GoValue, semantics);
        if (live.ok) {
          values.push({ resource, field, value: live.value, provenance: 'observed', path, origin: `${observed.file}:${observed.line}` });
          continue;
        }
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
