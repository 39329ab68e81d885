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

/** Per catalog (the templates that exist), per blueprint. */
const cache = new WeakMap<Catalog, WeakMap<Blueprint, BlueprintProblems>>();

export function blueprintProblems(blueprint: Blueprint, catalog: Catalog): BlueprintProblems {
  let perBlueprint = cache.get(catalog);
  if (!perBlueprint) cache.set(catalog, (perBlueprint = new WeakMap()));
  let problems = perBlueprint.get(blueprint);
  if (!problems) perBlueprint.set(blueprint, (problems = { missing: missingTemplates(blueprint, catalog), forward: forwardReferences(blueprint) }));
  return problems;
}

/** The templates a resource may stamp: its name, or each option's (a passThrough names none). */
export function referencedTemplates(resource: Resource): Array<{ name: string; ref: 'name' | 'option'; path: (string | number)[] }> {
  const options = resource.templateRef.options;
  if (options && options.length > 0) {
    return options.flatMap((option, i) => (option.name !== undefined ? [{ name: option.name, ref: 'option' as const, path: [...resource.path, 'templateRef', 'options', i, 'name'] }] : []));
  }
  const name = resource.templateRef.name;
  // Go cannot tell an empty name from none: both are the nameless templateRef the webhook refuses.
  return name ? [{ name, ref: 'name' as const, path: [...resource.path, 'templateRef', 'name'] }] : [];
}

function missingTemplates(blueprint: Blueprint, catalog: Catalog): MissingRef[] {
  const missing: MissingRef[] = [];
  for (const resource of blueprint.resources) {
    const kind = resource.templateRef.kind;
    const refs = referencedTemplates(resource);
    // The controller looks a nameless templateRef up by the empty name, and does not find it.
    if (refs.length === 0 && !resource.templateRef.options?.length) {
      missing.push({ resource, kind: kind || 'template', name: '(no name)', ref: 'nameless', path: [...resource.path, 'templateRef'] });
      continue;
    }
    for (const ref of refs) if (!catalog.templates.has(templateKey(kind, ref.name))) missing.push({ resource, kind, ...ref });
  }
  return missing;
}

/** A missing template, judged: what render and lint make of it. */
export interface MissingVerdict extends MissingRef {
  /** Taken as installed by the platform (--missing-templates mock): its outputs are mocked. */
  mocked: boolean;
  /** The kind of a template of the same name the inputs do have: a wrong kind, not a platform template. */
  otherKind?: string;
  /** The controller's condition message, naming every resource whose template is missing. */
  controllerMessage: string;
}

/**
 * Each missing template on its own: with --missing-templates mock, a template the platform
 * installs is mocked, but a name that exists under another kind (a wrong kind) and a templateRef
 * without a name (a typo) stay errors.
 */
export function judgeMissingTemplates(missing: readonly MissingRef[], catalog: Catalog, format: Blueprint['format'], mode: 'error' | 'mock'): MissingVerdict[] {
  const names = missing.map((m) => m.resource.name);
  const controllerMessage = format === '0.0.6'
    ? `Did not find the template of the component(s) ${names.map((n) => `'${n}'`).join(', ')}`
    : `did not find the template of the resource(s) [${names.join(', ')}]`;
  return missing.map((m) => {
    const otherKind = m.ref === 'nameless' ? undefined : [...catalog.templates.values()].find((t) => t.name === m.name && t.kind !== m.kind)?.kind;
    return { ...m, mocked: mode === 'mock' && otherKind === undefined && m.ref !== 'nameless', controllerMessage, ...(otherKind ? { otherKind } : {}) };
  });
}
