// Names and values generated supply chains are made of. The vocabularies are small on purpose:
// owners, blueprints and options drawn from the same few labels select each other often, and
// placeholders drawn from the same few param and input names find their values often — a
// generated chain mostly stamps, and sometimes fails on a name nobody provides.
import fc from 'fast-check';
import { chance, pick, weighted, type Draw } from './draw.js';

export const LABEL_KEYS = ['app', 'tier', 'apps.tanzu.vmware.com/workload-type'] as const;
export const LABEL_VALUES = ['web', 'api', 'worker'] as const;
export const PARAM_NAMES = ['port', 'registry', 'flags', 'mode'] as const;
export const SOURCE_INPUTS = ['source', 'tests'] as const;
export const IMAGE_INPUTS = ['image', 'base'] as const;
export const CONFIG_INPUTS = ['config', 'extra'] as const;
export const NAMESPACES = ['dev', 'prod'] as const;
export const ENV_NAMES = ['MODE', 'PORT'] as const;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Strings that mean something to one of the readers on the way: YAML, Go's JSON, the interpolator. */
const STRINGS = [
  'main', '', 'hello world', 'a<b>&c', '8080', 'true', 'yes', 'null', '0.5', '1e3', 'x: y', '#not a comment',
  'line one\nline two\n', '$(params.port)$', '$(params.port)', 'ünïcödé', ' padded ', '~', '0x1F', '-', 'a"b\'c',
] as const;

/** A scalar of any JSON type, with the numbers Go prints in its own way. */
export function scalar(draw: Draw): Json {
  return weighted<() => Json>(draw, [
    [5, () => pick(draw, STRINGS)],
    [3, () => draw(fc.integer({ min: -3, max: 100_000 }))],
    [2, () => pick(draw, [0.5, 1.25, 3, 1e21, 1.5e-7, 123456789012, -2.5])],
    [2, () => draw(fc.boolean())],
  ])();
}

/** A JSON value: scalars, small maps and lists, nested at most `depth` levels. */
export function jsonValue(draw: Draw, depth = 2): Json {
  if (depth <= 0 || !chance(draw, 0.3)) return scalar(draw);
  if (chance(draw, 0.5)) return [scalar(draw), ...(chance(draw, 0.5) ? [jsonValue(draw, depth - 1)] : [])];
  const out: Record<string, Json> = { [pick(draw, ['a', 'key', 'server'])]: jsonValue(draw, depth - 1) };
  if (chance(draw, 0.4)) out[pick(draw, ['b', 'nested', 'z'])] = jsonValue(draw, depth - 1);
  return out;
}

/** A label set drawn from the shared vocabulary (maybe empty). */
export function labels(draw: Draw, max = 2): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of LABEL_KEYS) {
    if (Object.keys(out).length < max && chance(draw, 0.45)) out[key] = pick(draw, LABEL_VALUES);
  }
  return out;
}
