// Turns a failed placeholder into advice: which param, input or owner field is missing, and
// how to provide it. The controller's own message is always kept alongside.
import type { ResourceInputs } from '../chain/index.js';
import type { Format, Owner, Resource } from '../model/index.js';
import type { InterpolationError } from '../stamp/interpolate.js';
import type { ParamValue } from '../stamp/params.js';

export interface HintContext {
  owner: Owner;
  resource: Resource;
  params: ReadonlyMap<string, ParamValue>;
  inputs: ResourceInputs;
  semantics: Format;
  blueprintKind: string;
}

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
  const [head, second] = splitHead(expr);
  switch (head) {
    case 'params': {
      if (second && ctx.params.has(second)) {
        return `params are opaque in spec.template: $(params.${second})$ gives the whole value, but nothing inside it can be selected; use a ytt template to index into a param`;
      }
      if (ctx.semantics === '0.0.6') {
        return `no param named ${second ?? '?'}: Cartographer 0.0.6 knows only the params the template declares (spec.params, with a default), which a component's params can override`;
      }
      return `no param named ${second ?? '?'} is set: give it a default in the template's spec.params, or set it on the ${ctx.blueprintKind}, the resource, or the ${ctx.owner.kind}'s spec.params`;
    }
    case 'sources':
    case 'images':
    case 'configs':
      return inputHint(head, second, ctx);
    case 'source':
    case 'image':
    case 'config': {
      const plural = `${head === 'source' ? 'sources' : head === 'image' ? 'images' : 'configs'}` as const;
      const available = Object.keys(ctx.inputs[plural]);
      const absent = ctx.inputs.absent.filter((a) => a.type === head);
      if (available.length > 1) return `$(${head})$ needs exactly one available ${head} input; this resource has ${available.length} (${available.join(', ')}): use $(${plural}.<name>…)$`;
      if (available.length === 1) return `the ${head} input ${available[0]} has no such field`;
      if (absent.length > 0) return describeAbsent(absent[0] as ResourceInputs['absent'][number]);
      return `resource ${ctx.resource.name} declares no ${plural}; add one to the resource in the ${ctx.blueprintKind}`;
    }
    case 'deployment':
      return `resource ${ctx.resource.name} receives no deployment input`;
    case 'workload':
    case 'deliverable': {
      const field = expr.slice(head.length + 1);
      return `the ${ctx.owner.kind} ${ctx.owner.namespace}/${ctx.owner.name} has no ${field}`;
    }
    case 'labels':
      return ctx.semantics === '0.0.6' ? 'labels are not in the templating context of Cartographer 0.0.6' : `write label keys as labels['carto\\.run/workload-name'] (dots escaped)`;
    default:
      return `the templating context has no ${head}; it has workload, deliverable, params, sources, images, configs, deployment, labels, and source/image/config when exactly one input of that type is available`;
  }
}

function inputHint(plural: 'sources' | 'images' | 'configs', name: string | undefined, ctx: HintContext): string {
  const singular = plural === 'sources' ? 'source' : plural === 'images' ? 'image' : 'config';
  if (name && Object.prototype.hasOwnProperty.call(ctx.inputs[plural], name)) {
    return `the ${singular} input ${name} has no such field`;
  }
  const absent = ctx.inputs.absent.find((a) => a.type === singular && a.name === name);
  if (absent) return describeAbsent(absent);
  const declared = ctx.resource[plural].map((r) => r.name);
  return `resource ${ctx.resource.name} declares no ${singular} input named ${name ?? '?'}${declared.length ? ` (it declares ${declared.join(', ')})` : ''}`;
}

function describeAbsent(absent: ResourceInputs['absent'][number]): string {
  switch (absent.reason) {
    case 'failed':
      return `input ${absent.name} comes from resource ${absent.resource}, which failed (see the error above)`;
    case 'later-resource':
      return `input ${absent.name} comes from resource ${absent.resource}, which comes later in the list; resources only see outputs of resources before them`;
    case 'unknown-resource':
      return `input ${absent.name} names resource ${absent.resource}, which is not in the blueprint`;
    case 'not-ready':
      return `input ${absent.name} comes from resource ${absent.resource}, whose deployment is not ready yet (see the warning above)`;
    case 'no-output':
      return `resource ${absent.resource} produced no ${absent.type} output (an image or config output of null counts as none)`;
  }
}

function splitHead(expr: string): [string, string | undefined] {
  const match = /^([^.[]+)(?:\.([^.[]+)|\['([^']+)'\])?/.exec(expr);
  if (!match) return [expr, undefined];
  return [match[1] as string, match[2] ?? match[3]];
}
