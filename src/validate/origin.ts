// Where a field of a stamped object was written: the template node it comes from, or the
// placeholder whose value it is, and where that value was set (a Workload's param, a template's
// default, a Workload field) — so that a schema error points at the line to fix. ytt templates
// are answered from the engine's source map of the run (YttSources), at the body's line.
import { locate, locateBodyLine, type SourceDocument } from '../load/index.js';
import type { JSONValue } from '../jsonpath/index.js';
import type { ResourceReport, StampedObject, Where } from '../realize/index.js';
import { listPlaceholders } from '../stamp/interpolate.js';
import { isObject, own } from '../util/objects.js';
import type { YttSources } from './ytt-sources.js';

type Path = readonly (string | number)[];

export interface Origin {
  where: Where;
  /** ` — from $(params.replicas)$ in ClusterTemplate app, templates.yaml:57; the Workload dev/app sets replicas: "1"` */
  from: string;
  /** The placeholder the value came from, when one did. */
  placeholder?: string;
  /** With a placeholder: the template and its line, `ClusterTemplate app, templates.yaml:57`. */
  placed?: string;
}

/** `key`: the field itself is at fault (an unknown field): point at its key rather than its value. */
export function originOf(stamped: StampedObject, path: Path, report: ResourceReport | undefined, ytt: YttSources | undefined, key = false): Origin {
  const template = stamped.via === 'blueprint' ? stamped.template : { ...stamped.runTemplate, kind: 'ClusterRunTemplate', ytt: undefined };
  const object = { kind: template.kind, name: template.name };
  const named = `${template.kind} ${template.name}`;
  if (template.ytt !== undefined) return yttOrigin(stamped, template.doc, object, named, path, ytt);
  const body = own(template.doc.value, 'spec');
  let node: unknown = isObject(body) ? own(body, 'template') : undefined;
  let depth = 0;
  while (depth < path.length && node !== null && typeof node === 'object') {
    const key = path[depth] as string | number;
    const child = Array.isArray(node) ? (typeof key === 'number' ? node[key] : undefined) : own(node as Record<string, unknown>, String(key));
    if (child === undefined) break;
    node = child;
    depth++;
  }
  const at = ['spec', 'template', ...path.slice(0, depth)];
  const where: Where = { doc: template.doc, object, path: at, ...(key && depth === path.length ? { key: true } : {}) };
  const pos = locate(template.doc, at);
  const placed = `${named}, ${pos.file}:${pos.line}`;
  // written in the template itself: the diagnostic's own place is the line (for a field at fault, its key: whatever its value)
  if (typeof node !== 'string' || !node.includes('$(') || where.key) return { where, from: ` — in ${named}` };
  const tags = listPlaceholders(node as JSONValue);
  if (tags.length === 0) return { where, from: ` — in ${named}` };
  const first = tags[0] as (typeof tags)[number];
  const text = tags.map((t) => `$(${t.expression})$`).join(', ');
  const source = tags.length === 1 && first.single ? valueSource(first.expression, stamped, report) : undefined;
  return { where, from: ` — from ${text} in ${placed}${source ? `; ${source}` : ''}`, placeholder: `$(${first.expression})$`, placed };
}

function yttOrigin(stamped: StampedObject, doc: SourceDocument, object: Where['object'], named: string, path: Path, ytt: YttSources | undefined): Origin {
  const bodyAt = ['spec', 'ytt'];
  const body = String((own(doc.value, 'spec') as Record<string, unknown>)['ytt']);
  const hit = ytt?.lookup(stamped.object)?.lookup(path) ?? null;
  if (!hit || hit.source.file !== 'stdin.yml') {
    const pos = locate(doc, bodyAt);
    return { where: { doc, object, path: bodyAt }, from: ` — from the ytt template of ${named}, ${pos.file}:${pos.line}` };
  }
  const pos = locateBodyLine(doc, bodyAt, hit.source.line, body);
  const line = (body.split('\n')[hit.source.line - 1] ?? '').trim();
  return { where: { doc, object, path: bodyAt, line: pos.line }, from: ` — from line ${hit.source.line} of the ytt template of ${named} (${pos.file}:${pos.line}: ${line})` };
}

/** Where a single placeholder's value was set, when that can be said: a param, or the owner's own field. */
function valueSource(expression: string, stamped: StampedObject, report: ResourceReport | undefined): string | undefined {
  if (stamped.via !== 'blueprint') return undefined;
  const param = /^params\.([A-Za-z0-9_-]+)$/.exec(expression) ?? /^params\[['"]?([^'"\]]+)['"]?\]$/.exec(expression);
  const owner = stamped.owner;
  // the owner is the cause, and its problem is said apart from the others' (groups.ts): name it
  const who = `${owner.kind} ${owner.namespace}/${owner.name}`;
  if (param) {
    const name = param[1] as string;
    const value = report?.params?.get(name);
    if (!value) return undefined;
    const shown = `${name}: ${JSON.stringify(value.value)}`;
    switch (value.level) {
      case 'owner': {
        const index = ownerParamIndex(owner.object, name);
        const pos = index === undefined ? undefined : locate(owner.doc, ['spec', 'params', index, 'value']);
        return `the ${who} sets ${shown}${pos ? ` (${pos.file}:${pos.line})` : ''}`;
      }
      case 'template':
        return `the template's default is ${shown}`;
      case 'resource':
        return `resource ${stamped.resource.name} of ${stamped.blueprint.kind} ${stamped.blueprint.name} sets ${shown}`;
      default:
        return `${stamped.blueprint.kind} ${stamped.blueprint.name} sets ${shown}`;
    }
  }
  const field = /^(?:workload|deliverable)\.(.+)$/.exec(expression);
  if (!field) return undefined;
  const segments = (field[1] as string).split('.');
  let value: unknown = owner.object;
  for (const s of segments) value = isObject(value) ? own(value, s) : undefined;
  if (value === undefined) return undefined;
  const pos = locate(owner.doc, segments);
  return `the ${who} sets ${segments.join('.')}: ${JSON.stringify(value)} (${pos.file}:${pos.line})`;
}

function ownerParamIndex(object: Record<string, unknown>, name: string): number | undefined {
  const spec = own(object, 'spec');
  const params = isObject(spec) ? own(spec, 'params') : undefined;
  if (!Array.isArray(params)) return undefined;
  const index = params.findIndex((p) => isObject(p) && own(p, 'name') === name);
  return index < 0 ? undefined : index;
}
