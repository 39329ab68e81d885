// Cross-reference checks between objects that no webhook makes: templates a blueprint names
// (options included) that are not in the inputs, inputs that come from a later resource, a
// ClusterDelivery's inputs naming unknown resources or resources that produce no such output,
// and ClusterRunTemplates named by Runnables (applied ones, and ones a template stamps).
import { forwardReferences } from '../chain/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { judgeMissingTemplates, templateKey, type Blueprint, type Catalog, type Resource, type Template } from '../model/index.js';
import { isObject, own } from '../util/objects.js';
import { lintDiagnostic, refOf } from './report.js';

export const BLUEPRINT_TEMPLATE_KINDS: Record<Blueprint['kind'], readonly string[]> = {
  ClusterSupplyChain: ['ClusterSourceTemplate', 'ClusterImageTemplate', 'ClusterTemplate', 'ClusterConfigTemplate'],
  ClusterDelivery: ['ClusterSourceTemplate', 'ClusterDeploymentTemplate', 'ClusterTemplate', 'ClusterConfigTemplate'],
};

/** The templates a resource may stamp (its name, or each option's), found or not. */
export function referencedTemplates(resource: Resource): Array<{ name: string; path: (string | number)[] }> {
  const options = resource.templateRef.options;
  if (options && options.length > 0) {
    return options.flatMap((option, i) => (option.name !== undefined ? [{ name: option.name, path: [...resource.path, 'templateRef', 'options', i, 'name'] }] : []));
  }
  const name = resource.templateRef.name;
  return name ? [{ name, path: [...resource.path, 'templateRef', 'name'] }] : [];
}

/** Resources whose kind the blueprint may reference (others are schema errors, reported there). */
export function checkableResources(blueprint: Blueprint): Resource[] {
  const kinds = BLUEPRINT_TEMPLATE_KINDS[blueprint.kind];
  return blueprint.resources.filter((r) => r.name !== '' && kinds.includes(r.templateRef.kind));
}

/**
 * `missingTemplates: 'mock'` (--missing-templates mock) takes a template the inputs lack as
 * installed by the platform: its reference is a note, as render mocks its outputs.
 */
export function checkBlueprintReferences(blueprint: Blueprint, catalog: Catalog, missingTemplates: 'error' | 'mock' = 'error'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const object = refOf(blueprint.kind, blueprint.name);
  const legacy = blueprint.format === '0.0.6';

  const missing: Array<{ resource: Resource; name: string; path: (string | number)[] }> = [];
  for (const resource of checkableResources(blueprint)) {
    for (const ref of referencedTemplates(resource)) {
      if (!catalog.templates.has(templateKey(resource.templateRef.kind, ref.name))) missing.push({ resource, ...ref });
    }
  }
  const verdicts = judgeMissingTemplates(missing.map((m) => ({ ...m, kind: m.resource.templateRef.kind })), catalog, blueprint, missingTemplates);
  for (const m of verdicts) {
    if (m.mocked) {
      out.push({
        ...lintDiagnostic('template-not-found', `${m.resource.templateRef.kind} ${m.name} is not in the inputs (resource ${m.resource.name}): taken as installed by the platform (--missing-templates mock)`, { doc: blueprint.doc, object, path: m.path }, {
          resource: m.resource.name,
          hint: `render stamps nothing for resource ${m.resource.name} and mocks its outputs; on a cluster without the template the controller stamps nothing for the whole ${blueprint.kind}`,
        }),
        severity: 'note',
      });
      continue;
    }
    out.push(lintDiagnostic('template-not-found', `${m.resource.templateRef.kind} ${m.name} is not in the inputs (resource ${m.resource.name})`, { doc: blueprint.doc, object, path: m.path }, {
      resource: m.resource.name,
      controllerMessage: m.controllerMessage,
      hint: m.hint,
    }));
  }

  for (const ref of forwardReferences(blueprint)) {
    if (ref.resource.name === '' || ref.ref.resource === '') continue;
    out.push(lintDiagnostic('forward-reference',
      `input ${ref.ref.name} of resource ${ref.resource.name} comes from resource ${ref.ref.resource}, which is not before it in spec.${legacy ? 'components' : 'resources'}`,
      { doc: blueprint.doc, object, path: [...ref.resource.path, ref.field, ...(ref.field === 'deployment' ? [] : [ref.index])] },
      {
        resource: ref.resource.name,
        hint: `Cartographer walks resources in list order and each sees only the outputs of those before it, so this input is never available: move ${ref.ref.resource} before ${ref.resource.name}`,
      }));
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
    const refs = [
      ...resource.sources.map((ref, i) => ({ ref, path: [...resource.path, 'sources', i, 'resource'], type: 'source', producers: producesSource })),
      ...resource.configs.map((ref, i) => ({ ref, path: [...resource.path, 'configs', i, 'resource'], type: 'config', producers: ['ClusterConfigTemplate'] })),
      ...(resource.deployment ? [{ ref: { name: 'deployment', resource: resource.deployment.resource }, path: [...resource.path, 'deployment', 'resource'], type: 'deployment', producers: producesSource }] : []),
    ];
    for (const { ref, path, type, producers } of refs) {
      if (ref.resource === '') continue;
      const upstream = byName.get(ref.resource);
      const label = type === 'deployment' ? 'the deployment input' : `${type} input ${ref.name}`;
      if (!upstream) {
        out.push(lintDiagnostic('input-unknown-resource', `${label} of resource ${resource.name} names resource ${ref.resource}, which is not in ${blueprint.kind} ${blueprint.name}`, { doc: blueprint.doc, object, path }, {
          resource: resource.name,
          hint: `the input is never available; name one of ${[...byName.keys()].join(', ')}`,
        }));
      } else if (!producers.includes(upstream.templateRef.kind)) {
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
    out.push(lintDiagnostic('run-template-not-found', `ClusterRunTemplate ${name} is not in the inputs (Runnable ${runnable.namespace}/${runnable.name})`, {
      doc: runnable.doc,
      object: refOf('Runnable', runnable.name, runnable.namespace),
      path: ['spec', 'runTemplateRef', 'name'],
    }, {
      controllerMessage: `unable to get runnable '${runnable.namespace}/${runnable.name}': 'clusterruntemplates.carto.run "${name}" not found'`,
      hint: 'add the ClusterRunTemplate to the inputs, or fix the name',
    }));
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
