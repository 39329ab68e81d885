// Decides each output of a stamped resource, in the order the CLI contract fixes:
// supplied > read from the stamped object > read from an observed live object > mock.
// Reading uses the template's path exactly as the controller would read the live object.
// Without mocks (`carto status`), a value found nowhere is missing, as on a fresh cluster: the
// controller then has no output from the resource at all.
import type { ResourceOutput } from '../chain/index.js';
import type { JSONValue } from '../jsonpath/index.js';
import type { SourceDocument } from '../load/index.js';
import type { Format, JSONObject, Template, TemplateKind } from '../model/index.js';
import { outputFieldsOf, outputFieldsOfKind, type OutputField } from './fields.js';
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
  /** Where a supplied or observed value came from (`file:line`, `--set-output`), or how a
   *  mock was made (`copied from .spec.template of the stamped object`). */
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
  /** false: an output found nowhere is missing (the controller's MissingValueAtPath), never a
   *  mock. Default true. */
  mocks?: boolean;
}

/** The first output the controller would wait for: its value is on no object carto was given. */
export interface OutputMissing {
  field: OutputField;
  /** The template's path for it (the controller's "waiting to read value [path]"). */
  path: string;
  /** The template field holding the path, e.g. `urlPath`. */
  pathKey: string;
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
): { output: ResourceOutput; values: OutputValue[]; error?: OutputPathError; missing?: OutputMissing } {
  const values: OutputValue[] = [];
  let observed: SourceDocument | null | undefined; // looked up once, on first need
  for (const { field, path, pathKey } of outputFieldsOf(template)) {
    const supplied = sources.supplied?.lookup(owner, resource, field);
    if (supplied) {
      values.push({ resource, field, value: supplied.value, provenance: 'supplied', ...(path ? { path } : {}), origin: supplied.origin });
      continue;
    }
    if (path) {
      if (observed === undefined) observed = sources.observed?.length ? findObserved(stamped, sources.observed) ?? null : null;
      const read = readPath(path, computedStatus ? { ...stamped, status: computedStatus.status } : stamped, observed ?? undefined, semantics);
      // A path that fails on what the object does hold fails on the live object too: the
      // controller never gets this output, so neither does anything downstream.
      if (!read.found && read.error !== undefined) return { output: {}, values, error: { field, path, pathKey, message: read.error } };
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
    // The controller reads the outputs in order and stops at the first it cannot: none at all.
    if (sources.mocks === false) return { output: {}, values: [], missing: { field, path: path ?? '', pathKey } };
    const mock = mockOutput(owner, resource, field, { ...(path ? { path } : {}), ...(stamped ? { stamped } : {}) });
    values.push({ resource, field, value: mock.value, provenance: 'mock', ...(path ? { path } : {}), ...(mock.how ? { origin: mock.how } : {}) });
  }
  return { output: toOutput(template.kind, values), values };
}

/**
 * The outputs of a resource whose template is not in the inputs (--missing-templates mock): there
 * is no path and no stamped object to read, so each is supplied or a mock of its kind.
 * `absent` says why, e.g. `ClusterConfigTemplate convention-template is not in the inputs`.
 */
export function resolveAbsentOutputs(
  kind: TemplateKind,
  owner: { namespace: string; name: string },
  resource: string,
  sources: OutputSources,
  absent: string,
  /** How the resources after it read a config, when that says its shape (see mockOutput). */
  shape?: 'pod-template',
): { output: ResourceOutput; values: OutputValue[] } {
  const values = outputFieldsOfKind(kind).map((field): OutputValue => {
    const supplied = sources.supplied?.lookup(owner, resource, field);
    if (supplied) return { resource, field, value: supplied.value, provenance: 'supplied', origin: supplied.origin };
    const mock = mockOutput(owner, resource, field, shape ? { shape } : {});
    return { resource, field, value: mock.value, provenance: 'mock', origin: mock.how ? `${absent}; ${mock.how}` : absent };
  });
  return { output: toOutput(kind, values), values };
}

function toOutput(kind: TemplateKind, values: readonly OutputValue[]): ResourceOutput {
  const get = (field: OutputField) => values.find((v) => v.field === field)?.value ?? null;
  switch (kind) {
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
