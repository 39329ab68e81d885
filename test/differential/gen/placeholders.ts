// `$(…)$` placeholders drawn from the whole templating context a resource has: the owner as its Go
// type (typed fields, value-type structs, nil slices, quantities, Go field names, unknown fields),
// params from any level, sources/images/configs by name and singular, the deployment, the
// carto.run labels — each path written in one of the JSONPath forms, single-tag (typed) or
// embedded in text, and now and then a placeholder that cannot work (a name nobody provides, an
// index out of range, an expression that does not parse, a Tekton `$(x)` left alone).
import { chance, pick, weighted, type Draw } from './draw.js';
import { fields, listStep, writePath, type Step } from './jsonpath.js';
import { CONFIG_INPUTS, ENV_NAMES, IMAGE_INPUTS, LABEL_KEYS, PARAM_NAMES, SOURCE_INPUTS } from './values.js';

/** What one resource's template can read: the params something provides, its declared inputs. */
export interface ResourceContext {
  delivery: boolean;
  params: readonly string[];
  sources: readonly string[];
  images: readonly string[];
  configs: readonly string[];
  deployment: boolean;
}

type Path = (draw: Draw) => Step[];
const at = (path: string): Path => () => fields(path);

/** Fields of a Workload (most also of a Deliverable), as the Go type has them or not. */
const OWNER_PATHS: ReadonlyArray<readonly [number, Path]> = [
  [4, at('metadata.name')],
  [2, at('metadata.namespace')],
  [1, at('metadata.labels')],
  [2, (d) => [...fields('metadata.labels'), { field: pick(d, LABEL_KEYS) }]],
  [1, at('metadata.annotations')],
  [1, (d) => [...fields('metadata.annotations'), { field: pick(d, ['note', 'missing']) }]],
  [1, at('metadata.uid')],
  [1, at('metadata.generation')],
  [1, at('metadata.creationTimestamp')],
  [1, at('kind')],
  [1, at('apiVersion')],
  [2, at('spec.source')],
  [1, at('spec.source.git')],
  [3, at('spec.source.git.url')],
  [1, at('spec.source.git.ref')],
  [1, at('spec.source.git.ref.branch')],
  [1, at('spec.source.image')],
  [1, at('spec.source.subPath')],
  [2, at('spec.image')],
  [1, at('spec.env')],
  [2, (d) => [...fields('spec.env'), listStep(d, ENV_NAMES), { field: pick(d, ['value', 'name']) }]],
  [1, at('spec.build')],
  [1, at('spec.build.env')],
  [1, at('spec.serviceAccountName')],
  [1, at('spec.resources')],
  [1, at('spec.resources.requests.cpu')],
  [1, at('spec.resources.limits.memory')],
  [1, at('spec.params')],
  [2, (d) => [...fields('spec.params'), listStep(d, PARAM_NAMES), { field: pick(d, ['value', 'name']) }]],
  [1, (d) => [...fields('spec.serviceClaims'), listStep(d, ['db', 'cache']), ...fields(pick(d, ['ref.name', 'ref', 'name']))]],
  [1, at('status.supplyChainRef')],
  [1, at('spec.nope')],
  [1, at('Spec.ServiceAccountName')],
];

/** The head a template names its owner by: mostly the blueprint's own, both always work. */
function ownerExpression(draw: Draw, ctx: ResourceContext): Step[] {
  const own = ctx.delivery ? 'deliverable' : 'workload';
  const head = chance(draw, 0.2) ? (ctx.delivery ? 'workload' : 'deliverable') : own;
  return [{ field: head }, ...weighted(draw, OWNER_PATHS)(draw)];
}

/** A name the resource has (mostly) or one from the vocabulary (maybe not provided). */
function known(draw: Draw, have: readonly string[], all: readonly string[]): string {
  return have.length > 0 && !chance(draw, 0.15) ? pick(draw, have) : pick(draw, all);
}

function inputExpression(draw: Draw, ctx: ResourceContext): Step[] {
  // Mostly an input the resource declares; one it does not (nothing to read) now and then.
  const kind = weighted<'source' | 'image' | 'config' | 'deployment'>(draw, [
    [ctx.sources.length > 0 ? 12 : 1, 'source'],
    [ctx.images.length > 0 ? 12 : ctx.delivery ? 0 : 1, 'image'],
    [ctx.configs.length > 0 ? 12 : 1, 'config'],
    [ctx.deployment ? 12 : ctx.delivery ? 1 : 0, 'deployment'],
  ]);
  switch (kind) {
    case 'source': {
      const field = pick(draw, ['url', 'revision', undefined]);
      const named = chance(draw, 0.6) ? [{ field: 'sources' }, { field: known(draw, ctx.sources, SOURCE_INPUTS) }] : [{ field: 'source' }];
      return field ? [...named, { field }] : named;
    }
    case 'image':
      return chance(draw, 0.6) ? [{ field: 'images' }, { field: known(draw, ctx.images, IMAGE_INPUTS) }, ...(chance(draw, 0.8) ? [{ field: 'image' }] : [])] : [{ field: 'image' }];
    case 'config': {
      const inner = chance(draw, 0.3) ? [{ field: pick(draw, ['a', 'key', 'k0', 'missing']) }] : [];
      return chance(draw, 0.6) ? [{ field: 'configs' }, { field: known(draw, ctx.configs, CONFIG_INPUTS) }, { field: 'config' }, ...inner] : [{ field: 'config' }, ...inner];
    }
    case 'deployment':
      return [{ field: 'deployment' }, ...(chance(draw, 0.8) ? [{ field: pick(draw, ['url', 'revision']) }] : [])];
  }
}

function paramExpression(draw: Draw, ctx: ResourceContext): Step[] {
  const steps: Step[] = [{ field: 'params' }, { field: known(draw, ctx.params, PARAM_NAMES) }];
  // Params are opaque JSON in spec.template: indexing into one never finds anything.
  if (chance(draw, 0.08)) steps.push({ field: 'server' });
  return steps;
}

function labelExpression(draw: Draw, ctx: ResourceContext): Step[] {
  const owner = ctx.delivery ? 'deliverable' : 'workload';
  const key = pick(draw, [`carto.run/${owner}-name`, 'carto.run/resource-name', 'carto.run/template-kind', 'carto.run/template-lifecycle', ctx.delivery ? 'carto.run/delivery-name' : 'carto.run/supply-chain-name']);
  return chance(draw, 0.15) ? [{ field: 'labels' }] : [{ field: 'labels' }, { field: key }];
}

/** An expression (the text between `$(` and `)$`). */
export function expression(draw: Draw, ctx: ResourceContext): string {
  const broken = weighted<string | undefined>(draw, [[297, undefined], [1, ''], [1, ','], [1, 'workload.spec[']]);
  if (broken !== undefined) return broken;
  const hasInputs = ctx.sources.length + ctx.images.length + ctx.configs.length > 0 || ctx.deployment;
  const steps = weighted<(d: Draw, c: ResourceContext) => Step[]>(draw, [
    [5, ownerExpression],
    [4, paramExpression],
    [hasInputs ? 5 : 1, inputExpression],
    [1, labelExpression],
  ])(draw, ctx);
  return writePath(draw, steps);
}

/** A template's string value holding placeholders: single-tag, embedded, several, or Tekton's. */
export function placeholderString(draw: Draw, ctx: ResourceContext): string {
  return weighted<() => string>(draw, [
    [6, () => `$(${expression(draw, ctx)})$`],
    [3, () => `${pick(draw, ['x-', '', 'v'])}$(${expression(draw, ctx)})$${pick(draw, ['', '-y', '/'])}`],
    [1, () => `$(${expression(draw, ctx)})$-$(${expression(draw, ctx)})$`],
    [1, () => `run $(params.${pick(draw, PARAM_NAMES)})`],
    [1, () => `value: $(${expression(draw, ctx)})$\n`],
  ])();
}
