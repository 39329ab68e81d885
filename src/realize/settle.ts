// A resource's outputs once its template is chosen and (maybe) stamped: read from the stamped
// object (or a live one, supplied values, mocks); a deployment's passed through once ready; a
// passThrough option's taken from its own input; an absent template's supplied or mocked.
import type { ResourceInputs, ResourceOutput } from '../chain/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isTemplateKind, type Format, type JSONObject, type Owner, type Resource, type Template } from '../model/index.js';
import { deploymentReadiness, findObserved, resolveAbsentOutputs, type NotReadyKind, type OutputSources, type OutputValue } from '../outputs/index.js';

export type Settled = { output: ResourceOutput; values: OutputValue[] } | { error: string };

export interface DeploymentNote {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  controllerMessage?: string;
}

/** A deployment that is not ready: the controller's kind of error and its words. */
export interface NotReady {
  kind: NotReadyKind;
  reason: string;
  expression?: string;
}

/**
 * A ClusterDeploymentTemplate's output is its deployment input, passed through once the stamped
 * object is ready (observedMatches / observedCompletion); until then it has none. Without mocks,
 * what only the live object could say is not assumed: the deployment is not ready yet.
 */
export function deploymentOutputs(
  template: Template,
  object: JSONObject,
  resource: Resource,
  inputs: ResourceInputs,
  outputValues: ReadonlyMap<string, OutputValue[]>,
  sources: OutputSources,
  semantics: Format,
): Settled & { note?: DeploymentNote; notReady?: NotReady } {
  const observed = sources.observed?.length ? findObserved(object, sources.observed) : undefined;
  const readiness = deploymentReadiness(template, object, observed, semantics, sources.mocks !== false);
  if (!readiness.ready) {
    const { kind, reason, expression } = readiness;
    return {
      notReady: { kind, reason, ...(expression !== undefined ? { expression } : {}) },
      output: { waiting: readiness.reason },
      values: [],
      note: {
        severity: 'warning',
        code: 'deployment-not-ready',
        message: `the deployment of resource ${resource.name} is not ready on the observed object, so it has no output: ${readiness.reason}`,
        controllerMessage: `resource [${resource.name}] condition not met: ${readiness.reason}`,
      },
    };
  }
  const passed = passDeployment(resource, inputs, outputValues);
  if ('error' in passed || !readiness.assumed) return passed;
  return { ...passed, note: { severity: 'note', code: 'deployment-assumed-ready', message: `the deployment of resource ${resource.name} is taken as complete: ${readiness.assumed} (give it with --observed to check)` } };
}

/** A deployment's output: its deployment input, passed through with the values' provenance. */
function passDeployment(resource: Resource, inputs: ResourceInputs, outputValues: ReadonlyMap<string, OutputValue[]>): Settled {
  if (!inputs.deployment) return { error: 'deployment not found in upstream template' };
  const values = (outputValues.get(resource.deployment?.resource ?? '') ?? []).filter((v) => v.field === 'url' || v.field === 'revision');
  return { output: { source: { url: inputs.deployment.url, revision: inputs.deployment.revision } }, values };
}

/**
 * A resource whose template is not in the inputs (--missing-templates mock) stamps nothing; its
 * outputs are supplied or mocks of its kind. A ClusterDeploymentTemplate's output never came from
 * its object: its deployment input passes through, as once the deployment completes.
 */
export function absentTemplateOutputs(
  owner: Owner,
  resource: Resource,
  name: string,
  inputs: ResourceInputs,
  outputValues: ReadonlyMap<string, OutputValue[]>,
  sources: OutputSources,
  shape: 'pod-template' | undefined,
): Settled {
  const kind = resource.templateRef.kind;
  if (kind === 'ClusterDeploymentTemplate') return passDeployment(resource, inputs, outputValues);
  return resolveAbsentOutputs(isTemplateKind(kind) ? kind : 'ClusterTemplate', owner, resource.name, sources, `${kind} ${name} is not in the inputs`, shape);
}

/** A passThrough option stamps nothing: the resource's output is its own input of that name. */
export function passThroughOutputs(resource: Resource, input: string, inputs: ResourceInputs, outputValues: ReadonlyMap<string, OutputValue[]>): Settled {
  const upstreamValues = (type: 'sources' | 'images' | 'configs') => {
    // The input is the last of that name whose resource had an output (later ones overwrite, as
    // in a Go map, and one without an output overwrites nothing): its values are handed on.
    const absent = (r: { name: string; resource: string }) => inputs.absent.some((a) => `${a.type}s` === type && a.name === r.name && a.resource === r.resource);
    const ref = resource[type].filter((r) => r.name === input && !absent(r)).at(-1);
    return ref ? outputValues.get(ref.resource) ?? [] : [];
  };
  const own = <T>(map: Record<string, T>): T | undefined => (Object.prototype.hasOwnProperty.call(map, input) ? map[input] : undefined);
  switch (resource.templateRef.kind) {
    case 'ClusterSourceTemplate': {
      const source = own(inputs.sources);
      if (!source) return { error: `input [${input}] not found in sources` };
      return { output: { source: { url: source.url, revision: source.revision } }, values: upstreamValues('sources') };
    }
    case 'ClusterImageTemplate': {
      const image = own(inputs.images);
      if (!image) return { error: `input [${input}] not found in images` };
      return { output: { image: image.image }, values: upstreamValues('images') };
    }
    case 'ClusterConfigTemplate': {
      const config = own(inputs.configs);
      if (!config) return { error: `input [${input}] not found in configs` };
      return { output: { config: config.config }, values: upstreamValues('configs') };
    }
    case 'ClusterDeploymentTemplate':
      return passDeployment(resource, inputs, outputValues);
    default:
      return { output: {}, values: [] };
  }
}
