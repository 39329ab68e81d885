// Checks the `$(…)$` placeholders of spec.template bodies. On their own: JSONPath syntax, the
// context key each one starts with, params and Runnable inputs indexed (never resolvable in
// spec.template), and `$(workload…` left unclosed. For each blueprint resource that stamps the
// template: inputs it reads but the resource does not declare, a singular `$(source)$` among
// several sources, and params that nothing provides. ytt templates are not placeholder-based
// and are not checked here.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JSONValue } from '../jsonpath/index.js';
import type { Blueprint, Format, Owner, Resource, RunTemplate, Template } from '../model/index.js';
import { ownerParams } from '../stamp/params.js';
import { listPlaceholders, type Placeholder } from '../stamp/interpolate.js';
import { fieldAt, parseSteps, SYNTAX_HINT } from './jsonpath-steps.js';
import { lintDiagnostic, refOf, type Place } from './report.js';
import { guess } from '../util/suggest.js';

const CURRENT_KEYS = ['workload', 'deliverable', 'params', 'sources', 'images', 'configs', 'deployment', 'labels', 'source', 'image', 'config'];
const LEGACY_KEYS = ['workload', 'params', 'sources', 'images', 'configs', 'source', 'image', 'config'];
const RUNNABLE_KEYS = ['runnable', 'selected'];
/** Heads that only mean something to Cartographer: `$(workload.x)` without `)$` is surely a typo. */
const UNCLOSED_HEADS = /^(workload|deliverable|sources|source|images|image|configs|config|deployment|labels|runnable|selected)[.[)]/;

/**
 * Whether the context has `head`. A blueprint's context is a Go map, found by exact key only
 * (`$(Workload.metadata.name)$` finds nothing); a Runnable's is a Go struct, which also answers to
 * its field names (`$(Runnable.spec)$`).
 */
function knows(keys: readonly string[], head: string, context: 'blueprint' | 'runnable'): boolean {
  return keys.some((k) => k === head || (context === 'runnable' && k.charAt(0).toUpperCase() + k.slice(1) === head));
}

interface Source {
  kind: string;
  name: string;
  doc: Template['doc'];
  template: Record<string, unknown>;
}

/** A template's placeholders, parsed once and shared by the template and usage checks. */
export interface ParsedPlaceholder extends Placeholder {
  parsed: ReturnType<typeof parseSteps>;
}

export function parsePlaceholders(template: Record<string, unknown>): ParsedPlaceholder[] {
  return listPlaceholders(template as JSONValue, ['spec', 'template']).map((p) => ({ ...p, parsed: parseSteps(p.expression) }));
}

/** Checks that need only the template: syntax, context keys, indexing, unclosed tags. */
export function checkTemplatePlaceholders(source: Source, placeholders: readonly ParsedPlaceholder[], context: 'blueprint' | 'runnable', semantics: Format): Diagnostic[] {
  const out: Diagnostic[] = [];
  const object = refOf(source.kind, source.name);
  const keys = context === 'runnable' ? RUNNABLE_KEYS : semantics === '0.0.6' ? LEGACY_KEYS : CURRENT_KEYS;
  for (const p of placeholders) {
    const place: Place = { doc: source.doc, object, path: p.path };
    if (!p.parsed.ok) {
      out.push(lintDiagnostic('jsonpath-syntax', p.parsed.reason, place, { hint: SYNTAX_HINT, controllerMessage: `${p.single ? `evaluate tag $(${p.expression})$` : 'interpolate tag: evaluate jsonpath'}: ${p.parsed.reason}` }));
      continue;
    }
    const steps = p.parsed.steps;
    const head = fieldAt(steps, 0);
    if (head === undefined) continue;
    if (!knows(keys, head, context)) {
      out.push(lintDiagnostic('unknown-context-key', `$(${p.expression})$ reads ${head}, which the templating context does not have`, place, {
        hint: `the context of ${context === 'runnable' ? 'a ClusterRunTemplate' : semantics === '0.0.6' ? 'a Cartographer 0.0.6 template' : 'a template'} holds ${keys.join(', ')}${context === 'blueprint' ? ' (source, image and config only when exactly one such input is available)' : ''}`,
      }));
      continue;
    }
    if (head === 'params' && fieldAt(steps, 1) !== undefined && steps.length > 2) {
      out.push(lintDiagnostic('param-indexed', `$(${p.expression})$ indexes into param ${fieldAt(steps, 1)}, and params cannot be indexed in spec.template: it never resolves`, place, {
        hint: `$(params.${fieldAt(steps, 1)})$ gives the whole value; to read inside it, use a ytt template (data.values.params…), or split it into several params`,
        controllerMessage: `jsonpath returned empty list: ${p.expression}`,
      }));
    }
    if (/^runnable$/i.test(head) && fieldAt(steps, 1) === 'spec' && fieldAt(steps, 2) === 'inputs' && fieldAt(steps, 3) !== undefined && steps.length > 4) {
      out.push(lintDiagnostic('runnable-input-indexed', `$(${p.expression})$ indexes into Runnable input ${fieldAt(steps, 3)}, and Runnable inputs cannot be indexed: it never resolves`, place, {
        hint: `$(runnable.spec.inputs.${fieldAt(steps, 3)})$ gives the whole value; pass the part you need as an input of its own`,
        controllerMessage: `jsonpath returned empty list: ${p.expression}`,
      }));
    }
  }
  out.push(...unclosed(source, object));
  return out;
}

/** Strings where a `$(` followed by a context name never finds its `)$` (the controller leaves it as text). */
function unclosed(source: Source, object: ReturnType<typeof refOf>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      let rest = value;
      for (;;) {
        const start = rest.indexOf('$(');
        if (start < 0) return;
        rest = rest.slice(start + 2);
        const end = rest.indexOf(')$');
        if (end < 0) {
          if (UNCLOSED_HEADS.test(rest)) {
            const shown = rest.length > 40 ? `${rest.slice(0, 40)}…` : rest;
            out.push(lintDiagnostic('placeholder-unclosed', `$(${shown} has no closing )$, so the controller leaves it as text`, { doc: source.doc, object, path }, {
              hint: 'Cartographer placeholders end with )$, e.g. $(workload.metadata.name)$',
            }));
          }
          return;
        }
        rest = rest.slice(end + 2);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) visit((value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  visit(source.template, ['spec', 'template']);
  return out;
}

export interface Usage {
  blueprint: Blueprint;
  resource: Resource;
  template: Template;
  /** Owners in the inputs that this blueprint selects. */
  owners: readonly Owner[];
}

const SINGULAR: Record<string, 'sources' | 'images' | 'configs'> = { source: 'sources', image: 'images', config: 'configs' };

/** Checks that need the resource stamping the template: inputs and params. */
export function checkUsage(usage: Usage, placeholders: readonly ParsedPlaceholder[]): Diagnostic[] {
  const { blueprint, resource, template } = usage;
  const out: Diagnostic[] = [];
  const object = refOf(template.kind, template.name);
  const who = `resource ${resource.name} of ${blueprint.kind} ${blueprint.name}`;
  const reported = new Set<string>();
  for (const p of placeholders) {
    if (!p.parsed.ok) continue;
    const steps = p.parsed.steps;
    const head = fieldAt(steps, 0);
    const second = fieldAt(steps, 1);
    if (head === undefined) continue;
    const place: Place = { doc: template.doc, object, path: p.path };
    const once = (key: string) => {
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    if ((head === 'sources' || head === 'images' || head === 'configs') && second !== undefined) {
      const declared = resource[head].map((r) => r.name);
      if (!declared.includes(second) && once(`${head}.${second}`)) {
        const singular = head.slice(0, -1);
        out.push(lintDiagnostic('input-not-declared', `$(${p.expression})$ reads the ${singular} input ${second}, which ${who} does not declare`, place, {
          resource: resource.name,
          hint: declared.length > 0
            ? `it declares ${declared.join(', ')}; rename the input or the placeholder`
            : `declare it in the resource: ${head}: [{name: ${second}, resource: <an earlier resource>}]`,
        }));
      }
    } else if (head in SINGULAR) {
      const plural = SINGULAR[head] as 'sources' | 'images' | 'configs';
      const names = [...new Set(resource[plural].map((r) => r.name))];
      if (names.length === 0 && once(head)) {
        out.push(lintDiagnostic('input-not-declared', `$(${p.expression})$ reads the ${head} input, but ${who} declares no ${plural}`, place, {
          resource: resource.name,
          hint: `declare one: ${plural}: [{name: …, resource: <an earlier resource>}]`,
        }));
      } else if (names.length > 1 && once(head)) {
        out.push(lintDiagnostic('singular-input-ambiguous', `$(${p.expression})$ needs exactly one ${head} input, but ${who} declares ${names.length} (${names.join(', ')}), so $(${head})$ is not set`, place, {
          resource: resource.name,
          hint: `name the one you mean: $(${plural}.${names[0]}…)$`,
        }));
      }
    } else if (head === 'deployment' && !resource.deployment && once(head)) {
      out.push(lintDiagnostic('input-not-declared', `$(${p.expression})$ reads the deployment input, but ${who} receives no deployment`, place, {
        resource: resource.name,
        hint: 'only a ClusterDeploymentTemplate resource of a ClusterDelivery receives a deployment (deployment: {resource: …})',
      }));
    } else if (head === 'params' && second !== undefined && once(`params.${second}`)) {
      const problem = paramProblem(second, usage);
      // a slip of a param the template or blueprint declares is likelier than a missing one
      const known = [...usage.template.params, ...usage.blueprint.params, ...resource.params].map((q) => q.name);
      if (problem) out.push(lintDiagnostic('param-not-provided', `$(${p.expression})$: ${problem.message}`, place, { resource: resource.name, hint: `${guess(second, known)}${problem.hint}` }));
    }
  }
  return out;
}

/** Why no value for param `name` reaches the template through this resource, if none does. */
function paramProblem(name: string, usage: Usage): { message: string; hint: string } | undefined {
  const { blueprint, resource, template, owners } = usage;
  if (template.params.some((p) => p.name === name)) return undefined;
  if (blueprint.format === '0.0.6') {
    return {
      message: `param ${name} is not declared by ${template.kind} ${template.name}, and Cartographer 0.0.6 passes a template only the params it declares`,
      hint: `declare it in the template's spec.params with a default (a component's params can then set it)`,
    };
  }
  if (blueprint.params.some((p) => p.name === name) || resource.params.some((p) => p.name === name)) return undefined;
  const lacking = owners.filter((o) => !ownerParams(o).some((p) => p.name === name));
  if (owners.length > 0 && lacking.length === 0) return undefined;
  const hint = `declare it in the template's spec.params with a default, or set it in the ${blueprint.kind} (spec.params or the resource's params)`;
  if (owners.length === 0) {
    return {
      message: `param ${name} is provided nowhere: ${template.kind} ${template.name} does not declare it, and neither ${blueprint.kind} ${blueprint.name}, its resource ${resource.name}, nor any ${ownerKind(blueprint)} it selects in the inputs sets it`,
      hint,
    };
  }
  return {
    message: `param ${name} is not set for ${lacking.map((o) => `${o.kind} ${o.namespace}/${o.name}`).join(', ')}: ${template.kind} ${template.name} does not declare it, and neither ${blueprint.kind} ${blueprint.name} nor its resource ${resource.name} sets it`,
    hint: `${hint}; or set it in the spec.params of every ${ownerKind(blueprint)}`,
  };
}

function ownerKind(blueprint: Blueprint): string {
  return blueprint.kind === 'ClusterDelivery' ? 'Deliverable' : 'Workload';
}

/** The run template's source for checkTemplatePlaceholders. */
export function runTemplateSource(runTemplate: RunTemplate): Source | undefined {
  return runTemplate.template ? { kind: 'ClusterRunTemplate', name: runTemplate.name, doc: runTemplate.doc, template: runTemplate.template } : undefined;
}

export function templateSource(template: Template): Source | undefined {
  return template.template ? { kind: template.kind, name: template.name, doc: template.doc, template: template.template } : undefined;
}
