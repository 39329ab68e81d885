// Turns a failed placeholder or spec.ytt lookup into advice: which param, input or owner field is
// missing, and how to provide it. The controller's (or ytt's) own message is always kept alongside.
import type { ResourceInputs } from '../chain/index.js';
import { closest } from '../util/suggest.js';
import type { Format, Owner, Resource } from '../model/index.js';
import type { InterpolationError } from '../stamp/interpolate.js';
import type { ParamValue } from '../stamp/params.js';
import { contextPath, type YttFailure } from './ytt-access.js';

export interface HintContext {
  owner: Owner;
  resource: Resource;
  params: ReadonlyMap<string, ParamValue>;
  inputs: ResourceInputs;
  semantics: Format;
  blueprintKind: string;
}

/** How a template writes a path of its context: `$(sources.src.url)$`, or `data.values.sources.src.url` in spec.ytt. */
type Syntax = (path: readonly string[]) => string;
const placeholder: Syntax = (path) => `$(${path.join('.')})$`;
const dataValues: Syntax = (path) => `data.values${path.map((p) => (/^[A-Za-z_]\w*$/.test(p) ? `.${p}` : `["${p}"]`)).join('')}`;

type InputType = 'source' | 'image' | 'config';
type Plural = 'sources' | 'images' | 'configs';
const PLURAL: Record<InputType, Plural> = { source: 'sources', image: 'images', config: 'configs' };
/** The fields of an entry of sources/images/configs (spec §3.2). */
const ENTRY_FIELDS: Record<Plural, readonly string[]> = { sources: ['name', 'url', 'revision'], images: ['name', 'image'], configs: ['name', 'config'] };

export function stampHint(error: InterpolationError, ctx: HintContext): string | undefined {
  if (error.code === 'nil-in-text') {
    return `the value is null, and a placeholder inside a longer string cannot print null; set it on the ${ctx.owner.kind}, or make the whole string the placeholder to get null`;
  }
  if (error.code === 'placeholder-loop') return 'a value substitutes itself again; remove the cycle';
  if (!error.missing) {
    if (error.code === 'jsonpath-syntax' && error.reason !== 'empty jsonpath not allowed') {
      return `check the placeholder syntax: bracket keys take single quotes (['key']), and dots inside them must be escaped (['carto\\.run/name'])`;
    }
    return undefined;
  }
  const expr = error.expression.replace(/^\{?\.?/, '');
  const path = contextPath(expr.replace(/\}$/, ''));
  const [head, second] = path;
  switch (head) {
    case 'params': {
      if (second && ctx.params.has(second)) {
        return `params are opaque in spec.template: $(params.${second})$ gives the whole value, but nothing inside it can be selected; use a ytt template to index into a param`;
      }
      return paramHint(second, ctx);
    }
    case 'sources':
    case 'images':
    case 'configs':
      if (second !== undefined && has(ctx.inputs[head], second)) return entryHint(head, second, path.slice(2), placeholder);
      return inputHint(head, second, ctx);
    case 'source':
    case 'image':
    case 'config':
      if (Object.keys(ctx.inputs[PLURAL[head]]).length === 1) return `the ${head} input ${Object.keys(ctx.inputs[PLURAL[head]])[0]} has no such field`;
      return singularHint(head, path.slice(1), ctx, placeholder);
    case 'deployment':
      return deploymentHint(ctx);
    case 'workload':
    case 'deliverable':
      return `the ${ctx.owner.kind} ${ctx.owner.namespace}/${ctx.owner.name} has no ${expr.slice(head.length + 1)}`;
    case 'labels':
      return ctx.semantics === '0.0.6' ? 'labels are not in the templating context of Cartographer 0.0.6' : `write label keys as labels['carto\\.run/workload-name'] (dots escaped)`;
    default:
      return noSuchKey(head ?? expr);
  }
}

/**
 * The hint for a spec.ytt template whose lookup of `data.values…` failed: the singular input that
 * is not set, the shape of an input entry, the owner field or param that is not there, or the
 * failed resource an input comes from. Nothing when the lookup failed inside a value (a mock, a
 * supplied output, a param) whose shape carto cannot know.
 */
export function yttHint(failure: YttFailure, ctx: HintContext): string | undefined {
  if (!failure.ran) return undefined;
  const access = failure.access;
  if (!access) return cascadeHint(failure, ctx);
  const { base, name } = access;
  const [head, second] = base;
  if (head === 'deployment' && base.length === 1 && failure.missing?.on === 'NoneType') return deploymentHint(ctx);
  // A lookup inside a value (a config, a param, a mock) failed on that value's shape, not the context's.
  if (failure.missing?.on !== 'struct') return undefined;
  const after = failure.paths.find((p) => p.length > base.length && p[base.length] === name && base.every((b, i) => p[i] === b))?.slice(base.length + 1) ?? [];
  if (base.length === 0) {
    if (name === 'source' || name === 'image' || name === 'config') return singularHint(name, after, ctx, dataValues);
    return noSuchKey(name);
  }
  switch (head) {
    case 'sources':
    case 'images':
    case 'configs':
      if (base.length === 1) return inputHint(head, name, ctx);
      return base.length === 2 && second !== undefined ? entryHint(head, second, [name, ...after], dataValues) : undefined;
    case 'source':
      return base.length === 1 ? entryHint('sources', Object.keys(ctx.inputs.sources)[0] ?? '?', [name, ...after], dataValues, ['source']) : undefined;
    case 'params':
      return base.length === 1 ? paramHint(name, ctx) : undefined;
    case 'workload':
    case 'deliverable':
      return `the ${ctx.owner.kind} ${ctx.owner.namespace}/${ctx.owner.name} has no ${[...base.slice(1), name].join('.')}`;
    default:
      return undefined;
  }
}

/** A ytt error whose lookup the quoted lines do not show: the failed resources its inputs come from, if any. */
function cascadeHint(failure: YttFailure, ctx: HintContext): string | undefined {
  const failed = ctx.inputs.absent.filter((a) => a.reason === 'failed' && a.type !== 'deployment');
  const read = failed.filter((a) => failure.paths.length === 0 || failure.paths.some((p) => p[0] === a.type || (p[0] === PLURAL[a.type as InputType] && (p[1] === undefined || p[1] === a.name))));
  return read.length > 0 ? read.map(describeAbsent).join('; ') : undefined;
}

/** No deployment input: why it is absent (a misspelt resource, one that failed), or that none is declared. */
function deploymentHint(ctx: HintContext): string {
  const absent = ctx.inputs.absent.find((a) => a.type === 'deployment');
  return absent ? describeAbsent(absent) : `resource ${ctx.resource.name} receives no deployment input`;
}

function paramHint(name: string | undefined, ctx: HintContext): string {
  // A param the template does have under a slightly different name (`clusterbuilder`, `clusterBuilder`).
  const near = name === undefined ? undefined : closest(name, ctx.params.keys());
  if (near !== undefined) return `did you mean ${near}? no param named ${name} is set, but ${near} is`;
  if (ctx.semantics === '0.0.6') {
    return `no param named ${name ?? '?'}: Cartographer 0.0.6 knows only the params the template declares (spec.params, with a default), which a component's params can override`;
  }
  return `no param named ${name ?? '?'} is set: give it a default in the template's spec.params, or set it on the ${ctx.blueprintKind}, the resource, or the ${ctx.owner.kind}'s spec.params`;
}

function noSuchKey(name: string): string {
  return `the templating context has no ${name}; it has workload, deliverable, params, sources, images, configs, deployment, labels, and source/image/config when exactly one input of that type is available`;
}

/**
 * `source`/`image`/`config` is set only when exactly one input of its type is available (the
 * controller's rule, spec §3.2): say how many there are, and how to read one by name.
 */
function singularHint(type: InputType, rest: readonly string[], ctx: HintContext, syntax: Syntax): string {
  const plural = PLURAL[type];
  const available = Object.keys(ctx.inputs[plural]);
  const absent = ctx.inputs.absent.filter((a) => a.type === type);
  if (available.length === 0 && absent.length > 0) return absent.map(describeAbsent).join('; ');
  const exists = `${syntax([type])} exists only when exactly one ${type} input is available`;
  if (available.length === 0) {
    const declared = (['sources', 'images', 'configs'] as const).flatMap((p) => ctx.resource[p].map((r) => `${syntax([p, r.name])}`));
    return `${exists}; resource ${ctx.resource.name} declares no ${plural}: add one to the resource in the ${ctx.blueprintKind}${declared.length > 0 ? `, or read the inputs it has (${declared.join(', ')})` : ''}`;
  }
  const first = available[0] as string;
  return `${exists}; resource ${ctx.resource.name} has ${available.length} (${available.join(', ')}): use ${syntax(entryPath(plural, first, rest))}`;
}

/** `sources.NAME.url`, `images.NAME.image`, `configs.NAME.config.spec`: the by-name path of a singular's `rest`. */
function entryPath(plural: Plural, name: string, rest: readonly string[]): string[] {
  return plural === 'sources' ? [plural, name, ...(rest.length > 0 ? rest : ['url'])] : [plural, name, plural === 'images' ? 'image' : 'config', ...rest];
}

/**
 * A lookup into an input entry: a field of the entry that does not exist (`configs.NAME.url`: the
 * entry is {name, config}, the url is in its config), or a field of its value.
 */
function entryHint(plural: Plural, name: string, rest: readonly string[], syntax: Syntax, written: readonly string[] = [plural, name]): string | undefined {
  const [field] = rest;
  const singular = plural.slice(0, -1);
  if (field === undefined || ENTRY_FIELDS[plural].includes(field)) return `the ${singular} input ${name} has no such field`;
  const shape = `each entry of ${syntax([plural])} is {${ENTRY_FIELDS[plural].join(', ')}}`;
  const intro = written.length === 1 ? `${syntax(written)} is the one entry of ${syntax([plural])}, {${ENTRY_FIELDS[plural].join(', ')}}` : shape;
  if (plural === 'sources') return `${intro}: it has no ${field}; read ${syntax([...written, 'url'])} or ${syntax([...written, 'revision'])}`;
  return `${intro}: did you mean ${syntax([...written, plural === 'images' ? 'image' : 'config', ...(plural === 'configs' ? rest : [])])}?`;
}

function inputHint(plural: Plural, name: string | undefined, ctx: HintContext): string {
  const singular = plural.slice(0, -1);
  const absent = ctx.inputs.absent.find((a) => a.type === singular && a.name === name);
  if (absent) return describeAbsent(absent);
  const declared = ctx.resource[plural].map((r) => r.name);
  return `resource ${ctx.resource.name} declares no ${singular} input named ${name ?? '?'}${declared.length ? ` (it declares ${declared.join(', ')})` : ''}`;
}

/** Why an input is absent, in a sentence (render's hints and `carto status`'s report say it alike). */
export function describeAbsent(absent: ResourceInputs['absent'][number]): string {
  switch (absent.reason) {
    case 'failed':
      return `input ${absent.name} comes from resource ${absent.resource}, which failed (see the error above)`;
    case 'later-resource':
      return `input ${absent.name} comes from resource ${absent.resource}, which comes later in the list; resources only see outputs of resources before them`;
    case 'unknown-resource':
      return `input ${absent.name} names resource ${absent.resource}, which is not in the blueprint${absent.closest !== undefined ? `: did you mean ${absent.closest}?` : ''}`;
    case 'not-ready':
      return `input ${absent.name} comes from resource ${absent.resource}, whose deployment is not ready yet (see its warning)`;
    case 'unhealthy':
      return `input ${absent.name} comes from resource ${absent.resource}, whose object is not healthy, so it hands on no outputs (see its warning)`;
    case 'no-output':
      return `resource ${absent.resource} produced no ${absent.type} output (an image or config output of null counts as none)`;
  }
}

function has(map: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}
