// What is wrong with a blueprint whatever the owner: two resources with one name (the webhook
// refuses the blueprint), the templates it names that are not in the inputs, and inputs that come
// from a later resource. Worked out once per blueprint (not for each
// of its thousand owners) and read by render's walk and by lint alike.
import { forwardReferences } from '../chain/index.js';
import { closest } from '../util/suggest.js';
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

/** Per catalog (the templates that exist), per blueprint. */
const cache = new WeakMap<Catalog, WeakMap<Blueprint, BlueprintProblems>>();

export function blueprintProblems(blueprint: Blueprint, catalog: Catalog): BlueprintProblems {
  let perBlueprint = cache.get(catalog);
  if (!perBlueprint) cache.set(catalog, (perBlueprint = new WeakMap()));
  let problems = perBlueprint.get(blueprint);
  if (!problems) perBlueprint.set(blueprint, (problems = { duplicates: duplicateResources(blueprint), missing: missingTemplates(blueprint, catalog), forward: forwardReferences(blueprint) }));
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

/**
 * The templates the controller looks for before it calls a blueprint Ready: templateRef.name when
 * there is one — even beside options (which the webhook refuses; the walk then stamps with the
 * options, and their templates are not looked for) — else each option's.
 */
function readinessRefs(resource: Resource): ReturnType<typeof referencedTemplates> {
  const name = resource.templateRef.name;
  return name ? [{ name, ref: 'name', path: [...resource.path, 'templateRef', 'name'] }] : referencedTemplates(resource);
}

function missingTemplates(blueprint: Blueprint, catalog: Catalog): MissingRef[] {
  const missing: MissingRef[] = [];
  for (const resource of blueprint.resources) {
    const kind = resource.templateRef.kind;
    const refs = readinessRefs(resource);
    // The controller looks a nameless templateRef up by the empty name, and does not find it.
    if (refs.length === 0 && !resource.templateRef.options?.length) {
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

/** A missing template, judged: what render and lint make of it. */
export interface MissingVerdict extends MissingRef {
  /** Taken as installed by the platform (--missing-templates mock): its outputs are mocked. */
  mocked: boolean;
  /** The kind of a template of the same name the inputs do have: a wrong kind, not a platform template. */
  otherKind?: string;
  /** A template of this kind whose name is one slip away: "did you mean". */
  closest?: string;
  /** The controller's condition message, naming every resource whose template is missing. */
  controllerMessage: string;
}

/**
 * Each missing template on its own: with --missing-templates mock, a template the platform
 * installs is mocked, but a name that exists under another kind (a wrong kind) and a templateRef
 * without a name (a typo) stay errors.
 */
export function judgeMissingTemplates(missing: readonly MissingRef[], catalog: Catalog, format: Blueprint['format'], mode: 'error' | 'mock'): MissingVerdict[] {
  if (missing.length === 0) return [];
  const names = missing.map((m) => m.resource.name);
  const controllerMessage = format === '0.0.6'
    ? `Did not find the template of the component(s) ${names.map((n) => `'${n}'`).join(', ')}`
    : `did not find the template of the resource(s) [${names.join(', ')}]`;
  return missing.map((m) => {
    const otherKind = m.ref === 'nameless' ? undefined : [...catalog.templates.values()].find((t) => t.name === m.name && t.kind !== m.kind)?.kind;
    // A name one slip away from a template of that kind is more likely a typo than a platform template.
    const near = m.ref === 'nameless' ? undefined : closest(m.name, [...catalog.templates.values()].filter((t) => t.kind === m.kind).map((t) => t.name));
    return { ...m, mocked: mode === 'mock' && otherKind === undefined && m.ref !== 'nameless', controllerMessage, ...(otherKind ? { otherKind } : {}), ...(near !== undefined ? { closest: near } : {}) };
  });
}
