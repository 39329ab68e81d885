// Sorts loaded documents into the Catalog: templates by kind/name, blueprints, owners, run
// templates, and everything else kept aside (Runnable selectors may pick those).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { readBlueprint } from './blueprint.js';
import { own } from '../util/objects.js';
import { readOwner, readRunnable } from './owner.js';
import { isTemplateKind, readRunTemplate, readTemplate } from './template.js';
import { templateKey, type Blueprint, type Catalog, type Owner, type Runnable, type RunTemplate, type Template } from './types.js';
import { OWNER_KINDS } from './inputs.js';

export interface CatalogOptions {
  /** Namespace for owners whose file has none (kubectl's current namespace). */
  defaultNamespace?: string;
}

const CARTO_GROUP = 'carto.run/';

export function buildCatalog(documents: readonly SourceDocument[], options: CatalogOptions = {}): { catalog: Catalog; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const templates = new Map<string, Template>();
  const runTemplates = new Map<string, RunTemplate>();
  const blueprints: Blueprint[] = [];
  const owners: Owner[] = [];
  const runnables: Runnable[] = [];
  const others: SourceDocument[] = [];
  const seen = new Map<string, SourceDocument>();
  const defaultNamespace = options.defaultNamespace ?? 'default';

  for (const doc of documents) {
    const apiVersion = doc.value['apiVersion'];
    const kind = doc.value['kind'];
    if (typeof apiVersion !== 'string' || !apiVersion.startsWith(CARTO_GROUP) || typeof kind !== 'string') {
      others.push(doc);
      continue;
    }
    const metadata = own(doc.value, 'metadata');
    const name = typeof metadata === 'object' && metadata !== null ? own(metadata as Record<string, unknown>, 'name') : undefined;
    if (typeof name !== 'string' || name === '') {
      diagnostics.push({
        severity: 'error',
        code: 'missing-name',
        message: `${kind} has no metadata.name`,
        file: doc.file,
        line: doc.line,
        object: { kind, name: '' },
        path: 'metadata.name',
        hint: 'every object needs a metadata.name',
      });
      continue;
    }
    const namespaced = OWNER_KINDS.has(kind);
    const namespace = namespaced ? namespaceOf(metadata) ?? defaultNamespace : undefined;
    const identity = namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
    const earlier = seen.get(identity);
    if (earlier) {
      diagnostics.push({
        severity: 'error',
        code: 'duplicate-object',
        message: `${kind} ${namespace ? `${namespace}/` : ''}${name} is defined twice (also at ${earlier.file}:${earlier.line})`,
        file: doc.file,
        line: doc.line,
        object: { kind, name, ...(namespace ? { namespace } : {}) },
        hint: 'remove one of them; on a cluster the second would silently replace the first',
      });
      continue;
    }
    seen.set(identity, doc);

    if (isTemplateKind(kind)) {
      templates.set(templateKey(kind, name), readTemplate(doc, kind, name, diagnostics));
    } else if (kind === 'ClusterSupplyChain' || kind === 'ClusterDelivery') {
      blueprints.push(readBlueprint(doc, kind, name, diagnostics));
    } else if (kind === 'Workload' || kind === 'Deliverable') {
      owners.push(readOwner(doc, kind, name, defaultNamespace, diagnostics));
    } else if (kind === 'ClusterRunTemplate') {
      runTemplates.set(name, readRunTemplate(doc, name, diagnostics));
    } else if (kind === 'Runnable') {
      runnables.push(readRunnable(doc, name, defaultNamespace, diagnostics));
    } else {
      others.push(doc);
    }
  }
  return { catalog: { templates, blueprints, owners, runTemplates, runnables, others, documents }, diagnostics };
}

function namespaceOf(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const ns = own(metadata as Record<string, unknown>, 'namespace');
  return typeof ns === 'string' && ns !== '' ? ns : undefined;
}

/**
 * The hint for a missing template whose name exists under another kind: a templateRef whose
 * template is missing but whose name exists under another kind is a mistake in the kind, not a
 * template the platform installs.
 */
function otherKindHint(catalog: Catalog, name: string, kind: string): string | undefined {
  for (const t of catalog.templates.values()) {
    if (t.name === name && t.kind !== kind) return `the inputs have a ${t.kind} named ${name}: is templateRef.kind right?`;
  }
  return undefined;
}

/**
 * The hint for a template the inputs lack: a template to add, or one the platform installs (a
 * distribution's out-of-the-box templates), which --missing-templates mock takes as installed.
 */
function missingTemplateHint(kind: string, blueprintKind: string): string {
  return `add the ${kind} to the inputs (-f), or fix the name; ${PLATFORM_HINT} (a distribution's out-of-the-box templates), pass --missing-templates mock to take it as installed, with its outputs mocked; the controller stamps nothing for a ${blueprintKind} until every template it references exists, options included`;
}

const PLATFORM_HINT = 'if the platform installs it';

/** Whether a hint is the one for a template the platform may install (not a wrong kind, a typo…). */
export function isMissingTemplateHint(hint: string): boolean {
  return /^add the \S+ to the inputs \(-f\), or fix the name; /.test(hint) && hint.includes(PLATFORM_HINT);
}

/** A template a blueprint references that the inputs lack, and what to make of it. */
export interface MissingTemplateVerdict {
  /** Taken as installed by the platform (--missing-templates mock): its outputs are mocked. */
  mocked: boolean;
  /** The controller's condition message, naming every resource whose template is missing. */
  controllerMessage: string;
  hint: string;
}

/**
 * What render and lint say of each missing template, one template at a time: with
 * --missing-templates mock, a template the platform installs is mocked, but a name that exists
 * under another kind stays an error (a wrong kind, not a platform template).
 */
export function judgeMissingTemplates<M extends { kind: string; name: string; resource: { name: string } }>(
  missing: readonly M[],
  catalog: Catalog,
  blueprint: { kind: string; format: string },
  mode: 'error' | 'mock',
): Array<M & MissingTemplateVerdict> {
  const names = missing.map((m) => m.resource.name);
  const controllerMessage = blueprint.format === '0.0.6'
    ? `Did not find the template of the component(s) ${names.map((n) => `'${n}'`).join(', ')}`
    : `did not find the template of the resource(s) [${names.join(', ')}]`;
  return missing.map((m) => {
    const wrongKind = otherKindHint(catalog, m.name, m.kind);
    return { ...m, mocked: mode === 'mock' && wrongKind === undefined, controllerMessage, hint: wrongKind ?? missingTemplateHint(m.kind, blueprint.kind) };
  });
}
