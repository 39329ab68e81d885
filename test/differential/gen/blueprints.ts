// ClusterSupplyChains and ClusterDeliveries: selectors of all three kinds, params at blueprint and
// resource level (value or default), resources of every template kind wired by sources, images,
// configs and a deployment to the resources before them (and, as slips, to later, unknown or
// wrong-kind ones), templateRefs by name or by options with selectors and a passThrough. Each
// resource carries the context its template can read, and which templates the blueprint needs.
import { chance, count, pick, times, weighted, type Draw } from './draw.js';
import type { ResourceContext } from './placeholders.js';
import type { TemplateKind } from './templates.js';
import { CONFIG_INPUTS, IMAGE_INPUTS, jsonValue, LABEL_KEYS, LABEL_VALUES, labels, PARAM_NAMES, SOURCE_INPUTS, type Json } from './values.js';

export interface NeededTemplate {
  kind: TemplateKind;
  name: string;
  resource: string;
  ctx: ResourceContext;
}

export interface GeneratedBlueprint {
  doc: Record<string, Json>;
  templates: NeededTemplate[];
  /** Resources whose outputs an outputs file may supply (no passThrough, not a deployment). */
  supplyable: Array<{ resource: string; kind: TemplateKind; templates: string[] }>;
}

const SHORT: Record<TemplateKind, string> = {
  ClusterSourceTemplate: 'src', ClusterImageTemplate: 'img', ClusterConfigTemplate: 'cfg', ClusterTemplate: 'tpl', ClusterDeploymentTemplate: 'dep',
};

/** Paths the webhooks allow a field requirement to look at (slips.ts has one they refuse). */
const FIELD_KEYS = ['spec.source.git.url', 'metadata.name', 'spec.serviceAccountName', 'metadata.labels.tier', 'spec.image', 'spec.params[?(@.name=="mode")].value', 'spec.source.image'];

/** A label requirement on a key of `keys` (the blueprint's selector keys are left out, so the two rarely contradict each other). */
function matchExpression(draw: Draw, keys: readonly string[] = LABEL_KEYS): Json {
  const operator = pick(draw, ['In', 'Exists', 'NotIn', 'DoesNotExist']);
  const key = keys.length > 0 ? pick(draw, keys) : pick(draw, LABEL_KEYS);
  return { key, operator, ...(operator === 'In' || operator === 'NotIn' ? { values: [pick(draw, LABEL_VALUES), ...(chance(draw, 0.3) ? [pick(draw, LABEL_VALUES)] : [])] } : {}) };
}

function matchField(draw: Draw): Json {
  const operator = weighted(draw, [[6, 'Exists'], [4, 'In'], [4, 'NotIn'], [4, 'DoesNotExist'], [1, 'Equals']] as const);
  const out: Record<string, Json> = { key: pick(draw, FIELD_KEYS), operator };
  if (operator === 'In' || operator === 'NotIn') out['values'] = [pick(draw, ['https://example.com/app.git', 'w0', 'web', 'default', 'fast', 'registry.example.com/app:1'])];
  return out;
}

/** A blueprint's selector fields; with none at all only now and then (the webhook refuses it). */
function blueprintSelector(draw: Draw): Record<string, Json> {
  const out: Record<string, Json> = {};
  const selector = labels(draw);
  if (Object.keys(selector).length > 0) out['selector'] = selector;
  const free = LABEL_KEYS.filter((k) => !(k in selector));
  if (free.length > 0 && chance(draw, 0.25)) out['selectorMatchExpressions'] = times(count(draw, 1, Math.min(2, free.length)), (i) => matchExpression(draw, free.slice(i, i + 1)));
  if (chance(draw, 0.08)) out['selectorMatchFields'] = times(count(draw, 1, 2), () => matchField(draw));
  if (Object.keys(out).length === 0 && !chance(draw, 0.05)) out['selector'] = { app: pick(draw, LABEL_VALUES) };
  return out;
}

/** An option's selector: one label (mostly), an expression, a field requirement; empty only as a slip. */
function optionSelector(draw: Draw, j: number): Json {
  const out: Record<string, Json> = {};
  // Option j selects on its own label key: two options rarely have the same selector (the webhook refuses that).
  if (!chance(draw, 0.3)) out['matchLabels'] = { [LABEL_KEYS[j % LABEL_KEYS.length]!]: pick(draw, LABEL_VALUES) };
  if (chance(draw, 0.25)) out['matchExpressions'] = [matchExpression(draw)];
  if (chance(draw, 0.25)) out['matchFields'] = [matchField(draw)];
  if (Object.keys(out).length === 0 && !chance(draw, 0.05)) out['matchFields'] = [{ key: 'spec.source.git.url', operator: 'Exists' }];
  return out;
}

function params(draw: Draw): Json[] {
  return times(count(draw, 1, 2), () => {
    const both = chance(draw, 0.01);
    const value = jsonValue(draw);
    const key = chance(draw, 0.5) ? 'value' : 'default';
    return { name: pick(draw, PARAM_NAMES), [key]: value, ...(both ? { [key === 'value' ? 'default' : 'value']: 'both' } : {}) };
  });
}

function kindFor(draw: Draw, delivery: boolean, earlier: readonly Earlier[]): TemplateKind {
  // A ClusterDeploymentTemplate needs a source before it for its deployment (without one, a slip the webhook refuses).
  const deployable = earlier.some((e) => e.kind === 'ClusterSourceTemplate') ? 3 : 0;
  return delivery
    ? weighted<TemplateKind>(draw, [[3, 'ClusterSourceTemplate'], [deployable, 'ClusterDeploymentTemplate'], [2, 'ClusterTemplate'], [1, 'ClusterConfigTemplate']])
    : weighted<TemplateKind>(draw, [[3, 'ClusterSourceTemplate'], [2, 'ClusterImageTemplate'], [2, 'ClusterConfigTemplate'], [2, 'ClusterTemplate']]);
}

interface Earlier {
  name: string;
  kind: TemplateKind;
}

/** Inputs of one resource from the resources before it, with the occasional slip. */
function inputsFor(draw: Draw, earlier: readonly Earlier[], delivery: boolean, last: string): Record<string, Array<{ name: string; resource: string }>> {
  const out: Record<string, Array<{ name: string; resource: string }>> = { sources: [], images: [], configs: [] };
  const wiring = [['ClusterSourceTemplate', 'sources', SOURCE_INPUTS], ['ClusterImageTemplate', 'images', IMAGE_INPUTS], ['ClusterConfigTemplate', 'configs', CONFIG_INPUTS]] as const;
  for (const e of earlier) {
    for (const [kind, key, names] of wiring) {
      if (e.kind === kind && !(delivery && key === 'images') && chance(draw, 0.65)) out[key]!.push({ name: pick(draw, names), resource: e.name });
    }
  }
  const slip = weighted<string | undefined>(draw, [[96, undefined], [2, 'later'], [1, 'unknown'], [1, 'wrong-kind']]);
  if (slip === 'later') out['sources']!.push({ name: 'source', resource: last });
  if (slip === 'unknown') out['configs']!.push({ name: 'config', resource: 'nowhere' });
  if (slip === 'wrong-kind' && earlier.length > 0) out[delivery ? 'configs' : 'images']!.push({ name: 'image', resource: pick(draw, earlier).name });
  return out;
}

/** A blueprint (index `b`) and the templates its resources need, with each one's context (the
 *  params its owners usually set, `ownerParams`, among what a template may read). */
export function generateBlueprint(draw: Draw, b: number, delivery: boolean, ownerParams: readonly string[]): GeneratedBlueprint {
  const kind = delivery ? 'ClusterDelivery' : 'ClusterSupplyChain';
  const spec: Record<string, Json> = blueprintSelector(draw);
  const blueprintParams = chance(draw, 0.25) ? params(draw) : [];
  if (blueprintParams.length > 0) spec['params'] = blueprintParams;
  const total = count(draw, 1, 4);
  const earlier: Earlier[] = [];
  const resources: Json[] = [];
  const templates: NeededTemplate[] = [];
  const supplyable: GeneratedBlueprint['supplyable'] = [];
  for (let i = 0; i < total; i++) {
    const resourceKind = kindFor(draw, delivery, earlier);
    // Resource names differ between blueprints, so that an outputs file key names one resource.
    const named = (n: number) => `r${b}${n}`;
    const name = chance(draw, 0.02) && i > 0 ? named(0) : named(i);
    const inputs = inputsFor(draw, earlier, delivery, named(total - 1));
    const resourceParams = chance(draw, 0.2) ? params(draw) : [];
    const deployment = resourceKind === 'ClusterDeploymentTemplate' ? earlier.find((e) => e.kind === 'ClusterSourceTemplate') : undefined;
    const ctx: ResourceContext = {
      delivery,
      params: [...new Set([...[...blueprintParams, ...resourceParams].map((p) => (p as { name: string }).name), ...ownerParams])],
      sources: inputs['sources']!.map((s) => s.name),
      images: inputs['images']!.map((s) => s.name),
      configs: inputs['configs']!.map((s) => s.name),
      deployment: deployment !== undefined,
    };
    const resource: Record<string, Json> = { name };
    const passThroughFrom = { ClusterSourceTemplate: ctx.sources, ClusterImageTemplate: ctx.images, ClusterConfigTemplate: ctx.configs }[resourceKind as string] as readonly string[] | undefined;
    let passThrough = false;
    if (chance(draw, 0.15)) {
      const options = times(count(draw, 2, 3), (j) => ({ name: `${SHORT[resourceKind]}-opt${j}`, selector: optionSelector(draw, j) })) as Array<Record<string, Json>>;
      if (passThroughFrom && (passThroughFrom.length > 0 || chance(draw, 0.05)) && chance(draw, 0.4)) {
        passThrough = true;
        options.push({ passThrough: passThroughFrom.length > 0 && !chance(draw, 0.05) ? pick(draw, passThroughFrom) : 'nothing', selector: optionSelector(draw, options.length) });
      }
      resource['templateRef'] = { kind: resourceKind, options };
      for (const o of options) if (typeof o['name'] === 'string') templates.push({ kind: resourceKind, name: o['name'], resource: name, ctx });
    } else {
      const templateName = `${SHORT[resourceKind]}-${pick(draw, ['a', 'b'])}`;
      resource['templateRef'] = { kind: resourceKind, name: templateName };
      templates.push({ kind: resourceKind, name: templateName, resource: name, ctx });
    }
    for (const key of ['sources', 'images', 'configs'] as const) if (inputs[key]!.length > 0) resource[key] = inputs[key]!;
    if (deployment) resource['deployment'] = { resource: deployment.name };
    if (resourceParams.length > 0) resource['params'] = resourceParams;
    resources.push(resource);
    if (!passThrough && resourceKind !== 'ClusterDeploymentTemplate' && resourceKind !== 'ClusterTemplate') {
      supplyable.push({ resource: name, kind: resourceKind, templates: templates.filter((t) => t.resource === name).map((t) => t.name) });
    }
    earlier.push({ name, kind: resourceKind });
  }
  spec['resources'] = resources;
  return { doc: { apiVersion: 'carto.run/v1alpha1', kind, metadata: { name: `${delivery ? 'delivery' : 'chain'}-${b}` }, spec }, templates, supplyable };
}
