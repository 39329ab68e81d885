// What is wrong with a blueprint whatever the owner: two resources with one name (the webhook
// refuses the blueprint), the templates it names that are not in the inputs, and inputs that come
// from a later resource. Worked out once per blueprint (not for each
// of its thousand owners) and read by render's walk and by lint alike.
import { forwardReferences } from '../chain/index.js';
import { templateKey, type Blueprint, type Catalog, type Resource } from '../model/index.js';

export interface MissingRef {
  resource: Resource;
  kind: string;
  name: string;
  /** `name`: templateRef.name; `option`: an option's name; `nameless`: a templateRef with neither. */
  ref: 'name' | 'option' | 'nameless';
  /** The field that names the template (templateRef itself when nameless). */
  path: (string | number)[];
}

export type ForwardRef = ReturnType<typeof forwardReferences>[number];

/** A resource whose name an earlier resource of the blueprint already has. */
export interface DuplicateResource {
  resource: Resource;
  index: number;
}

export interface BlueprintProblems {
  duplicates: DuplicateResource[];
  missing: MissingRef[];
  forward: ForwardRef[];
}

const cache = new WeakMap<Blueprint, BlueprintProblems>();

export function blueprintProblems(blueprint: Blueprint, catalog: Catalog): BlueprintProblems {
  let problems = cache.get(blueprint);
  if (!problems) cache.set(blueprint, (problems = { duplicates: duplicateResources(blueprint), missing: missingTemplates(blueprint, catalog), forward: forwardReferences(blueprint) }));
  return problems;
}

/** The templates a resource may stamp: its name, or each option's (a passThrough names none). */
export function referencedTemplates(resource: Resource): Array<{ name: string; ref: 'name' | 'option'; path: (string | number)[] }> {
  const options = resource.templateRef.options;
  if (options && options.length > 0) {
    return options.flatMap((option, i) => (option.name !== undefined ? [{ name: option.name, ref: 'option' as const, path: [...resource.path, 'templateRef', 'options', i, 'name'] }] : []));
  }
  const name = resource.templateRef.name;
  return name !== undefined ? [{ name, ref: 'name' as const, path: [...resource.path, 'templateRef', 'name'] }] : [];
}

function missingTemplates(blueprint: Blueprint, catalog: Catalog): MissingRef[] {
  const missing: MissingRef[] = [];
  for (const resource of blueprint.resources) {
    const kind = resource.templateRef.kind;
    const refs = referencedTemplates(resource);
    // The controller looks a nameless templateRef up by the empty name, and does not find it.
    if (refs.length === 0 && !(resource.templateRef.options?.length)) {
      missing.push({ resource, kind: kind || 'template', name: '(no name)', ref: 'nameless', path: [...resource.path, 'templateRef'] });
      continue;
    }
    for (const ref of refs) if (!catalog.templates.has(templateKey(kind, ref.name))) missing.push({ resource, kind, ...ref });
  }
  return missing;
}

function duplicateResources(blueprint: Blueprint): DuplicateResource[] {
  const seen = new Set<string>();
  return blueprint.resources.flatMap((resource, index) => {
    if (!seen.has(resource.name)) {
      seen.add(resource.name);
      return [];
    }
    return [{ resource, index }];
  });
}

/** The webhook's message for a resource named twice, in the blueprint's format and kind. */
export function duplicateResourceMessage(blueprint: { kind: string; name: string; format: string }, resourceName: string, index: number): string {
  if (blueprint.format === '0.0.6') return `duplicate component name '${resourceName}' found in clustersupplychain '${blueprint.name}'`;
  const message = blueprint.kind === 'ClusterDelivery' ? `spec.resources[${index}].name "${resourceName}" cannot appear twice` : `duplicate resource name [${resourceName}] found`;
  return `error validating ${blueprint.kind.toLowerCase()} [${blueprint.name}]: ${message}`;
}
