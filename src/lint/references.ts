// Cross-reference checks between objects that no webhook makes: templates a blueprint names
// (options included) that are not in the inputs, inputs that come from a later resource, a
// ClusterDelivery's inputs naming unknown resources or resources that produce no such output,
// and ClusterRunTemplates named by Runnables (applied ones, and ones a template stamps).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isTemplateKind, type Blueprint, type Catalog, type Resource, type Template } from '../model/index.js';
import { blueprintProblems, forwardReferenceFinding, judgeMissingTemplates, missingTemplateFinding, runTemplateNotFoundFinding } from '../realize/index.js';
import { declaredInputs } from '../chain/index.js';
import { isObject, own } from '../util/objects.js';
import { guess } from '../util/suggest.js';
import { lintDiagnostic, lintFinding, refOf } from './report.js';

export const BLUEPRINT_TEMPLATE_KINDS: Record<Blueprint['kind'], readonly string[]> = {
  ClusterSupplyChain: ['ClusterSourceTemplate', 'ClusterImageTemplate', 'ClusterTemplate', 'ClusterConfigTemplate'],
  ClusterDelivery: ['ClusterSourceTemplate', 'ClusterDeploymentTemplate', 'ClusterTemplate', 'ClusterConfigTemplate'],
};

/** Resources whose kind the blueprint may reference (others are schema errors, reported there). */
export function checkableResources(blueprint: Blueprint): Resource[] {
  const kinds = BLUEPRINT_TEMPLATE_KINDS[blueprint.kind];
  return blueprint.resources.filter((r) => r.name !== '' && kinds.includes(r.templateRef.kind));
}

/**
 * The core's blueprint problems (src/realize blueprint-checks.ts), as render meets them. A
 * templateRef without a name is the webhook rule's to report, not also a missing template.
 * `missingTemplates: 'mock'` (--missing-templates mock) takes a template the inputs lack as
 * installed by the platform: its reference is a note, as render mocks its outputs.
 */
export function checkBlueprintReferences(blueprint: Blueprint, catalog: Catalog, missingTemplates: 'error' | 'mock' = 'error'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const problems = blueprintProblems(blueprint, catalog);
  const checkable = new Set(checkableResources(blueprint));
  const missing = problems.missing.filter((m) => m.ref !== 'nameless' && m.name !== '' && checkable.has(m.resource));
  for (const m of judgeMissingTemplates(missing, catalog, blueprint.format, missingTemplates)) {
    const finding = missingTemplateFinding(blueprint, m);
    if (!m.mocked) {
      out.push(lintFinding(finding, {}, { resource: m.resource.name }));
      continue;
    }
    out.push({
      ...lintFinding({ code: finding.code, at: finding.at, message: `${finding.message}: taken as installed by the platform (--missing-templates mock)` }, {}, {
        resource: m.resource.name,
        hint: `render stamps nothing for resource ${m.resource.name} and mocks its outputs; on a cluster without the template the controller stamps nothing for the whole ${blueprint.kind}`,
      }),
      severity: 'note',
    });
  }
  for (const ref of problems.forward) {
    if (ref.resource.name === '' || ref.ref.resource === '') continue;
    out.push(lintFinding(forwardReferenceFinding(blueprint, ref), {}, { resource: ref.resource.name }));
  }
  if (blueprint.kind === 'ClusterDelivery') out.push(...deliveryInputs(blueprint));
  return out;
}

/** A delivery's inputs, which its webhook does not check: the resource must exist and have that output. */
function deliveryInputs(blueprint: Blueprint): Diagnostic[] {
  const out: Diagnostic[] = [];
  const object = refOf(blueprint.kind, blueprint.name);
  const byName = new Map(blueprint.resources.map((r) => [r.name, r]));
  const producesSource = ['ClusterSourceTemplate', 'ClusterDeploymentTemplate'];
  for (const resource of blueprint.resources) {
    for (const ref of declaredInputs(resource)) {
      if (ref.type === 'image') continue;
      const type = ref.type;
      const producers = type === 'config' ? ['ClusterConfigTemplate'] : producesSource;
      const path = [...resource.path, ref.field, ...(ref.type === 'deployment' ? [] : [ref.index]), 'resource'];
      if (ref.resource === '') continue;
      const upstream = byName.get(ref.resource);
      const label = type === 'deployment' ? 'the deployment input' : `${type} input ${ref.name}`;
      if (!upstream) {
        out.push(lintDiagnostic('input-unknown-resource', `${label} of resource ${resource.name} names resource ${ref.resource}, which is not in ${blueprint.kind} ${blueprint.name}`, { doc: blueprint.doc, object, path }, {
          resource: resource.name,
          hint: `the input is never available; ${guess(ref.resource, byName.keys())}name one of ${[...byName.keys()].join(', ')}`,
        }));
      } else if (!producers.includes(upstream.templateRef.kind) && isTemplateKind(upstream.templateRef.kind)) {
        out.push(lintDiagnostic('input-wrong-kind', `${label} of resource ${resource.name} comes from resource ${ref.resource}, a ${upstream.templateRef.kind || 'resource without a kind'}, which has no ${type === 'config' ? 'config' : 'source'} output`, { doc: blueprint.doc, object, path }, {
          resource: resource.name,
          hint: `only a ${producers.join(' or ')} produces it, so the input is never available`,
        }));
      }
    }
  }
  return out;
}

/** Runnables in the inputs, and Runnables a template stamps with a literal run template name. */
export function checkRunTemplateReferences(catalog: Catalog): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const runnable of catalog.runnables) {
    const name = runnable.runTemplateName;
    if (name === '' || catalog.runTemplates.has(name)) continue;
    const at = { doc: runnable.doc, object: refOf('Runnable', runnable.name, runnable.namespace), path: ['spec', 'runTemplateRef', 'name'] };
    out.push(lintFinding(runTemplateNotFoundFinding(runnable, at)));
  }
  for (const template of catalog.templates.values()) out.push(...stampedRunnable(template, catalog));
  return out;
}

function stampedRunnable(template: Template, catalog: Catalog): Diagnostic[] {
  const body = template.template;
  if (!body || own(body, 'kind') !== 'Runnable' || typeof own(body, 'apiVersion') !== 'string' || !String(own(body, 'apiVersion')).startsWith('carto.run/')) return [];
  const spec = own(body, 'spec');
  const ref = isObject(spec) ? own(spec, 'runTemplateRef') : undefined;
  const name = isObject(ref) ? own(ref, 'name') : undefined;
  if (typeof name !== 'string' || name === '' || name.includes('$(') || catalog.runTemplates.has(name)) return [];
  return [lintDiagnostic('run-template-not-found', `ClusterRunTemplate ${name} is not in the inputs (the Runnable ${template.kind} ${template.name} stamps)`, {
    doc: template.doc,
    object: refOf(template.kind, template.name),
    path: ['spec', 'template', 'spec', 'runTemplateRef', 'name'],
  }, { hint: 'add the ClusterRunTemplate to the inputs, or fix the name; the stamped Runnable stamps nothing without it' })];
}
