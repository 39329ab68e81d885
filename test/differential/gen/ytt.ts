// spec.ytt bodies built from the idioms real templates use: data values read by attribute and by
// key, getattr/hasattr guards, `if` on a node, `for` over the Workload's params and the sources,
// struct.decode, json/base64 encoding, a `def` fragment, text-templated strings, numbers computed
// in Starlark, a second document (ignored) — and, rarely, one without a kind. The controller runs
// the real ytt on them (through refharness); carto runs its built-in engine.
import { chance, count, pick, times, weighted, type Draw } from './draw.js';
import type { ResourceContext } from './placeholders.js';
import { CONFIG_INPUTS, IMAGE_INPUTS, LABEL_KEYS, PARAM_NAMES, SOURCE_INPUTS } from './values.js';

interface Shape {
  readonly apiVersion: string;
  readonly kind: string;
  readonly top: string;
}

const str = (s: string) => JSON.stringify(s);

/** A Starlark expression reading the context the way ytt templates do. */
function yttExpression(draw: Draw, ctx: ResourceContext): string {
  const owner = `data.values.${ctx.delivery ? 'deliverable' : 'workload'}`;
  const param = () => (ctx.params.length > 0 && !chance(draw, 0.15) ? pick(draw, ctx.params) : pick(draw, PARAM_NAMES));
  const source = () => (ctx.sources.length > 0 ? pick(draw, ctx.sources) : pick(draw, SOURCE_INPUTS));
  return weighted<() => string>(draw, [
    [3, () => `${owner}.metadata.name`],
    [1, () => `${owner}.metadata.namespace + "/" + ${owner}.metadata.name`],
    [1, () => `${owner}.metadata.labels[${str(pick(draw, LABEL_KEYS))}]`],
    [1, () => `getattr(${owner}.metadata, "annotations", {})`],
    [2, () => `${owner}.spec.source.git.url`],
    [1, () => `${owner}.spec.build`],
    [1, () => `getattr(${owner}.spec, "image", "none")`],
    [1, () => `[p.name for p in getattr(${owner}.spec, "params", [])]`],
    [1, () => `${owner}.spec.resources.requests.cpu`],
    [1, () => `${owner}.status`],
    [3, () => `data.values.params.${param()}`],
    [1, () => `getattr(data.values.params, ${str(param())}, "unset")`],
    [1, () => `str(data.values.params.${param()}) + "-x"`],
    [2, () => `data.values.sources.${source()}.url`],
    [1, () => `data.values.source.revision if hasattr(data.values, "source") else "no single source"`],
    [1, () => `sorted(struct.decode(data.values.sources).keys())`],
    [1, () => `data.values.image`],
    [1, () => `data.values.images.${ctx.images.length > 0 ? pick(draw, ctx.images) : pick(draw, IMAGE_INPUTS)}.image`],
    [1, () => `data.values.config`],
    [1, () => `data.values.configs.${ctx.configs.length > 0 ? pick(draw, ctx.configs) : pick(draw, CONFIG_INPUTS)}.config`],
    [ctx.delivery ? 2 : 0, () => `data.values.deployment.url`],
    [1, () => `data.values.labels["carto.run/resource-name"]`],
    [1, () => `json.encode(data.values.params)`],
    [1, () => `base64.encode(${owner}.metadata.name)`],
    [1, () => `len(data.values.configs) * 2 + 0.5`],
  ])();
}

/** `key: value` lines of the object's top map, with guards and loops around some of them. */
function topLines(draw: Draw, ctx: ResourceContext, keys: readonly string[]): string[] {
  const lines: string[] = [];
  for (const key of keys) {
    const expr = yttExpression(draw, ctx);
    weighted<() => void>(draw, [
      [6, () => lines.push(`  ${key}: #@ ${expr}`)],
      [1, () => lines.push(`  ${key}: ${pick(draw, ['literal', '42', 'true', '"quoted"'])}`)],
      [1, () => lines.push(`  #@ if hasattr(data.values, "source"):`, `  ${key}: #@ ${expr}`, `  #@ else:`, `  ${key}: none`, `  #@ end`)],
      [1, () => lines.push(`  ${key}:`, `  #@ for p in getattr(data.values.${ctx.delivery ? 'deliverable' : 'workload'}.spec, "params", []):`, `  - #@ p.name`, `  #@ end`)],
      [1, () => lines.push(`  ${key}: #@ fragment()`)],
      [1, () => lines.push(`  ${key}: '(@= str(${expr}) @)-text'`)],
    ])();
  }
  return lines;
}

/** A ytt body stamping `shape`, and the keys of its top map. */
export function yttBody(draw: Draw, ctx: ResourceContext, shape: Shape, immutable: boolean, resource: string): { body: string; keys: string[] } {
  const keys = times(count(draw, 1, 3), (i) => `k${i}`);
  const owner = `data.values.${ctx.delivery ? 'deliverable' : 'workload'}`;
  const top = topLines(draw, ctx, keys);
  const texty = top.some((l) => l.includes('(@='));
  const name = chance(draw, immutable ? 0.85 : 0.1) ? `  generateName: ${resource}-` : `  name: #@ ${owner}.metadata.name + "-${resource}"`;
  const lines = [
    '#@ load("@ytt:data", "data")',
    '#@ load("@ytt:json", "json")',
    '#@ load("@ytt:base64", "base64")',
    '#@ load("@ytt:struct", "struct")',
    '#@ def fragment():',
    `note: #@ ${owner}.metadata.name`,
    'count: #@ len(data.values.sources)',
    '#@ end',
    ...(texty ? ['#@yaml/text-templated-strings'] : []),
    '---',
    `apiVersion: ${shape.apiVersion}`,
    ...(chance(draw, 0.03) ? [] : [`kind: ${shape.kind}`]),
    'metadata:',
    name,
    ...(chance(draw, 0.2) ? ['  labels:', `    example.com/from: #@ ${owner}.metadata.name`] : []),
    `${shape.top}:`,
    ...top,
    ...(chance(draw, 0.1) ? ['---', 'apiVersion: v1', 'kind: Ignored', 'metadata:', '  name: second'] : []),
  ];
  return { body: `${lines.join('\n')}\n`, keys };
}
