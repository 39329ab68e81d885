// Which mocked outputs reached a stamped object in one owner's render, and through which
// resources: the note (or, with --strict, the error) render() gives, and `carto explain`'s list.
import type { OutputValue } from '../outputs/index.js';
import type { Resource } from '../model/index.js';
import type { OwnerReport } from './report.js';

export interface MockedOutput {
  /** The resource whose output was mocked (through any passThrough, the one that produced it). */
  resource: string;
  /** Its mocked values, one per field. */
  values: OutputValue[];
  /** The resources whose stamped objects took them as inputs, in blueprint order. */
  users: string[];
}

export function mockedOutputsUsed(report: OwnerReport): MockedOutput[] {
  const byName = new Map(report.resources.map((r) => [r.resource.name, r]));
  // Mocked values (keyed by the resource that produced them, through any passThrough) → users.
  const used = new Map<string, MockedOutput>();
  for (const entry of report.resources) {
    if (!entry.object) continue;
    for (const ref of inputRefs(entry.resource)) {
      for (const value of byName.get(ref.upstream)?.outputs ?? []) {
        if (value.provenance !== 'mock' || !ref.fields.includes(value.field)) continue;
        const slot = used.get(value.resource) ?? { resource: value.resource, values: [], users: [] };
        if (!slot.values.some((v) => v.field === value.field)) slot.values.push(value);
        if (!slot.users.includes(entry.resource.name)) slot.users.push(entry.resource.name);
        used.set(value.resource, slot);
      }
    }
  }
  return [...used.values()];
}

type InputRef = { upstream: string; fields: readonly string[] };
const refsOf = new WeakMap<Resource, InputRef[]>();

/** A resource's inputs as (upstream resource, output fields) pairs: the same for every owner. */
function inputRefs(resource: Resource): InputRef[] {
  let refs = refsOf.get(resource);
  if (!refs) {
    refs = [
      ...resource.sources.map((r) => ({ upstream: r.resource, fields: SOURCE_FIELDS })),
      ...resource.images.map((r) => ({ upstream: r.resource, fields: IMAGE_FIELDS })),
      ...resource.configs.map((r) => ({ upstream: r.resource, fields: CONFIG_FIELDS })),
      ...(resource.deployment ? [{ upstream: resource.deployment.resource, fields: SOURCE_FIELDS }] : []),
    ];
    refsOf.set(resource, refs);
  }
  return refs;
}

const SOURCE_FIELDS = ['url', 'revision'] as const;
const IMAGE_FIELDS = ['image'] as const;
const CONFIG_FIELDS = ['config'] as const;
