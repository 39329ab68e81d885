// Templates of the five kinds a blueprint stamps: an object (spec.template, or a ytt body built
// from idioms) whose values are literals and placeholders from the resource's context, output
// paths that resolve on the stamped object or only on a live one (status: supplied, or missing),
// lifecycles with and without health rules, template params, and a ClusterDeploymentTemplate's
// readiness rule. What the template makes available downstream is recorded beside it, so the
// case can decide which outputs to supply.
import { chance, count, pick, times, weighted, type Draw } from './draw.js';
import { simplePath } from './jsonpath.js';
import { placeholderString, type ResourceContext } from './placeholders.js';
import { jsonValue, PARAM_NAMES, scalar, type Json } from './values.js';
import { yttBody } from './ytt.js';

export type TemplateKind = 'ClusterSourceTemplate' | 'ClusterImageTemplate' | 'ClusterConfigTemplate' | 'ClusterTemplate' | 'ClusterDeploymentTemplate';

export interface GeneratedTemplate {
  doc: Record<string, Json>;
  /** Some output path reads what only a live object has (status), or nothing at all. */
  liveOutputs: boolean;
}

/** The fields of a kind's outputs, and the path each is read with. */
export const OUTPUT_PATHS: Record<TemplateKind, readonly string[]> = {
  ClusterSourceTemplate: ['urlPath', 'revisionPath'],
  ClusterImageTemplate: ['imagePath'],
  ClusterConfigTemplate: ['configPath'],
  ClusterTemplate: [],
  ClusterDeploymentTemplate: [],
};

/** What the stamped object looks like: its apiVersion, kind, and the map its values go in. */
const SHAPES = [
  { apiVersion: 'example.com/v1', kind: 'Widget', top: 'spec' },
  { apiVersion: 'v1', kind: 'ConfigMap', top: 'data' },
  { apiVersion: 'tekton.dev/v1beta1', kind: 'TaskRun', top: 'spec' },
] as const;

type Shape = (typeof SHAPES)[number];

/** A ConfigMap's data value: text (mostly), now and then something the API server refuses. */
function dataValue(draw: Draw, ctx: ResourceContext): Json {
  return chance(draw, 0.9) ? `${pick(draw, ['', 'v='])}${placeholderString(draw, ctx)}` : templateValue(draw, ctx, 0);
}

/** A value in the template: a placeholder string, a literal, or a small structure holding them. */
function templateValue(draw: Draw, ctx: ResourceContext, depth = 1): Json {
  return weighted<() => Json>(draw, [
    [6, () => placeholderString(draw, ctx)],
    [3, () => jsonValue(draw)],
    [1, () => null],
    [depth > 0 ? 1 : 0, () => ({ a: templateValue(draw, ctx, depth - 1), list: [templateValue(draw, ctx, depth - 1), scalar(draw)] })],
    [depth > 0 ? 1 : 0, () => []],
  ])();
}

function metadata(draw: Draw, ctx: ResourceContext, immutable: boolean, resource: string): Record<string, Json> {
  const owner = ctx.delivery ? 'deliverable' : 'workload';
  const name = weighted<() => string>(draw, [
    [6, () => `$(${owner}.metadata.name)$-${resource}`],
    [2, () => `${resource}-object`],
    [1, () => placeholderString(draw, ctx)],
  ])();
  const out: Record<string, Json> = chance(draw, immutable ? 0.85 : 0.1) ? { generateName: `${resource}-` } : { name };
  if (chance(draw, 0.3)) out['labels'] = { 'example.com/from': chance(draw, 0.5) ? placeholderString(draw, ctx) : 'template', ...(chance(draw, 0.2) ? { 'carto.run/workload-name': 'overridden' } : {}) };
  if (chance(draw, 0.15)) out['annotations'] = { 'example.com/note': templateValue(draw, ctx, 0) };
  return out;
}

/** The object a spec.template stamps, and the keys of its top map (where output paths point). */
function stampedObject(draw: Draw, ctx: ResourceContext, shape: Shape, immutable: boolean, resource: string): { object: Record<string, Json>; keys: string[] } {
  const keys = times(count(draw, 1, 3), (i) => `k${i}`);
  const top: Record<string, Json> = {};
  for (const key of keys) top[key] = shape.top === 'data' ? dataValue(draw, ctx) : templateValue(draw, ctx);
  return { object: { apiVersion: shape.apiVersion, kind: shape.kind, metadata: metadata(draw, ctx, immutable, resource), [shape.top]: top }, keys };
}

/** An output path: on the stamped object (mostly), in status (live only), or nowhere. */
function outputPath(draw: Draw, top: string, keys: readonly string[], whole: boolean): { path: string; live: boolean } {
  return weighted<() => { path: string; live: boolean }>(draw, [
    [6, () => ({ path: simplePath(draw, `${top}.${pick(draw, keys)}`), live: false })],
    [whole ? 2 : 0, () => ({ path: simplePath(draw, top), live: false })],
    [3, () => ({ path: simplePath(draw, `status.${pick(draw, ['artifact.url', 'latestImage', 'config', 'ready'])}`), live: true })],
    [1, () => ({ path: 'metadata.name', live: false })],
    [1, () => ({ path: `${top}.nope`, live: true })],
  ])();
}

function healthRule(draw: Draw, keys: readonly string[], top: string): Json {
  return weighted<() => Json>(draw, [
    [2, () => ({ alwaysHealthy: {} })],
    [2, () => ({ singleConditionType: pick(draw, ['Ready', 'Succeeded']) })],
    [2, () => ({
      multiMatch: {
        healthy: { matchFields: [{ key: `${top}.${pick(draw, keys)}`, operator: pick(draw, ['Exists', 'In']), ...(chance(draw, 0.5) ? { values: ['main', 'true'] } : {}), messagePath: `${top}.${pick(draw, keys)}` }] },
        unhealthy: { matchConditions: [{ type: 'Failed', status: 'True' }] },
      },
    })],
  ])();
}

function deploymentRule(draw: Draw, keys: readonly string[], top: string): Record<string, Json> {
  return weighted<() => Record<string, Json>>(draw, [
    [3, () => ({ observedMatches: [{ input: `${top}.${pick(draw, keys)}`, output: `${top}.${pick(draw, keys)}` }] })],
    [2, () => ({ observedCompletion: { succeeded: { key: 'status.conditions[?(@.type=="Succeeded")].status', value: 'True' } } })],
    [1, () => ({ observedMatches: [{ input: `${top}.${pick(draw, keys)}`, output: 'status.observed' }] })],
  ])();
}

/** A template named `name` of `kind`, written for the resource `resource` with context `ctx`. */
export function generateTemplate(draw: Draw, kind: TemplateKind, name: string, ctx: ResourceContext, resource: string): GeneratedTemplate {
  const lifecycle = weighted<string | undefined>(draw, [[6, undefined], [1, 'mutable'], [2, 'immutable'], [1, 'tekton']]);
  const immutable = lifecycle === 'immutable' || lifecycle === 'tekton';
  const shape = pick(draw, SHAPES);
  const spec: Record<string, Json> = {};
  let keys: string[];
  if (chance(draw, 0.2)) {
    const ytt = yttBody(draw, ctx, shape, immutable, resource);
    spec['ytt'] = ytt.body;
    keys = ytt.keys;
  } else {
    const stamped = stampedObject(draw, ctx, shape, immutable, resource);
    spec['template'] = stamped.object;
    keys = stamped.keys;
  }
  let liveOutputs = false;
  for (const field of OUTPUT_PATHS[kind]) {
    const out = outputPath(draw, shape.top, keys, field === 'configPath');
    spec[field] = out.path;
    liveOutputs ||= out.live;
  }
  if (kind === 'ClusterDeploymentTemplate') Object.assign(spec, deploymentRule(draw, keys, shape.top));
  if (lifecycle !== undefined) spec['lifecycle'] = lifecycle;
  if (chance(draw, 0.2)) spec['healthRule'] = healthRule(draw, keys, shape.top);
  if (immutable && chance(draw, 0.15)) spec['retentionPolicy'] = { maxFailedRuns: 2, maxSuccessfulRuns: 3 };
  if (chance(draw, 0.3)) spec['params'] = times(count(draw, 1, 2), (i) => ({ name: PARAM_NAMES[(i + count(draw, 0, 3)) % PARAM_NAMES.length]!, default: jsonValue(draw) }));
  return { doc: { apiVersion: 'carto.run/v1alpha1', kind, metadata: { name }, spec }, liveOutputs };
}
