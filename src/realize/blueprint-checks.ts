// What is wrong with a blueprint whatever the owner: the templates it names that are not in the
// inputs, and inputs that come from a later resource. Worked out once per blueprint (not for each
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

export interface BlueprintProblems {
  missing: MissingRef[];
  forward: ForwardRef[];
}

const cache = new WeakMap<Blueprint, BlueprintProblems>();

export function blueprintProblems(blueprint: Blueprint, catalog: Catalog): BlueprintProblems {
  let problems = cache.get(blueprint);
  if (!problems) cache.set(blueprint, (problems = { missing: missingTemplates(blueprint, catalog), forward: forwardReferences(blueprint) }));
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
