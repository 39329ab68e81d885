// One entry of an owner's `status.resources`, as Cartographer v0.8.11 writes it from what its
// realizer returned for the resource: the object it stamped (stampedRef, with the guessed plural
// as `resource`), the template (templateRef), the resources its inputs come from, its outputs
// with preview and digest, and the conditions ResourceSubmitted, Healthy and Ready.
import type { JSONObject } from '../model/index.js';
import { isHeldOutput, OUTPUT_FIELDS } from '../outputs/index.js';
import { liveName, stampedIdentity, submittedCondition, type OwnerReport, type ResourceReport } from '../realize/index.js';
import { conditionObject, withTopCondition, type Condition } from './conditions.js';
import { healthyCondition } from './health.js';
import { outputStatus, type OutputStatus } from './preview.js';

export interface ObjectReference {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** The qualified resource name, e.g. `gitrepositories.source.toolkit.fluxcd.io`. */
  resource?: string;
}

export interface ResourceStatus {
  name: string;
  stampedRef?: ObjectReference;
  templateRef?: ObjectReference;
  inputs: Array<{ name: string }>;
  outputs: OutputStatus[];
  conditions: Condition[];
}

export function resourceStatus(entry: ResourceReport, report: OwnerReport): ResourceStatus {
  const outputs = outputsOf(entry);
  const submitted = submittedCondition(entry, report, false);
  const healthy = healthyCondition(entry);
  const stampedRef = entry.object ? stampedRefOf(entry, entry.object) : undefined;
  return {
    name: entry.resource.name,
    ...(stampedRef ? { stampedRef } : {}),
    ...(entry.template ? { templateRef: { apiVersion: 'carto.run/v1alpha1', kind: entry.resource.templateRef.kind, name: entry.template.name } } : {}),
    inputs: inputsOf(entry),
    outputs,
    conditions: withTopCondition('Ready', healthy ? [submitted, healthy] : [submitted]),
  };
}

/** Where its inputs come from, in the controller's order: sources, images, deployment, configs. */
function inputsOf(entry: ResourceReport): Array<{ name: string }> {
  const r = entry.resource;
  return [...r.sources, ...r.images, ...(r.deployment ? [r.deployment] : []), ...r.configs].map((ref) => ({ name: ref.resource }));
}

/**
 * The outputs the controller got: none when the resource failed (or its deployment is not
 * ready); a source's url then revision, an image, a config (not a null one); none for a
 * ClusterTemplate.
 */
function outputsOf(entry: ResourceReport): OutputStatus[] {
  if (entry.failed || entry.notReady || (!entry.template && entry.passThrough === undefined)) return [];
  const present = OUTPUT_FIELDS.flatMap((field) => entry.outputs.filter((o) => o.field === field).slice(-1)).filter(isHeldOutput);
  // A source has both (a missing revision is a null one); image and config stand alone.
  return present.map(outputStatus);
}

function stampedRefOf(entry: ResourceReport, object: JSONObject): ObjectReference {
  // An object stamped with generateName: the API server's name when its live object was given,
  // else only the prefix (the rest is random).
  const { name, namespace, resource } = stampedIdentity(object, liveName(entry));
  return { apiVersion: String(object['apiVersion'] ?? ''), kind: String(object['kind'] ?? ''), name, ...(namespace !== '' ? { namespace } : {}), resource };
}

/** The entry as the controller's YAML lists it: keys in go-yaml's order, empty lists left out. */
export function resourceStatusObject(r: ResourceStatus): Record<string, unknown> {
  return {
    conditions: r.conditions.map(conditionObject),
    ...(r.inputs.length > 0 ? { inputs: r.inputs } : {}),
    name: r.name,
    ...(r.outputs.length > 0 ? { outputs: r.outputs.map((o) => ({ digest: o.digest, name: o.name, preview: o.preview })) } : {}),
    ...(r.stampedRef ? { stampedRef: r.stampedRef } : {}),
    ...(r.templateRef ? { templateRef: r.templateRef } : {}),
  };
}
