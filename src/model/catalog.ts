// Sorts loaded documents into the Catalog: templates by kind/name, blueprints, owners, run
// templates, and everything else kept aside (Runnable selectors may pick those).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { readBlueprint } from './blueprint.js';
import { own } from '../util/objects.js';
import { namespaceOf, readOwner, readRunnable } from './owner.js';
import { isTemplateKind, readRunTemplate, readTemplate } from './template.js';
import { templateKey, type Blueprint, type Catalog, type Owner, type Runnable, type RunTemplate, type Template } from './types.js';
import { OWNER_KINDS } from './inputs.js';
import { cartoKindProblem } from './kinds.js';
import { FieldReader } from './fields.js';

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
    // The API server would refuse it: carto does not read it, and says so rather than drop it silently.
    const problem = cartoKindProblem(apiVersion, kind);
    if (problem) {
      // An owner's ref carries its namespace, as the owners read below do: --shard sorts by it.
      const owner = ownerRefOf(doc.value, defaultNamespace);
      const reader = new FieldReader(doc, owner ?? { kind, name: typeof name === 'string' ? name : '' }, diagnostics);
      reader.report('error', problem.code, problem.path, problem.message, problem.hint);
      const reported = diagnostics[diagnostics.length - 1] as Diagnostic;
      reported.controllerMessage = problem.controllerMessage;
      others.push(doc);
      continue;
    }
    if (typeof name !== 'string' || name === '') {
      diagnostics.push({
        severity: 'error',
        code: 'missing-name',
        message: `${kind} has no metadata.name`,
        file: doc.file,
        line: doc.line,
        // An owner's ref carries its namespace: --shard says it in the owner's shard (lint's too), not in every one.
        object: ownerRefOf(doc.value, defaultNamespace) ?? { kind, name: '' },
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

/**
 * Kind, namespace and name of a carto.run Workload, Deliverable or Runnable document (the default
 * namespace when it has none; a name that is not a string is ''), or undefined for any other
 * document: the one rule the catalog, render's --shard and lint's --shard name an owner by.
 */
export function ownerRefOf(value: Readonly<Record<string, unknown>>, defaultNamespace: string): { kind: string; namespace: string; name: string } | undefined {
  const apiVersion = own(value, 'apiVersion');
  const kind = own(value, 'kind');
  if (typeof apiVersion !== 'string' || !apiVersion.startsWith(CARTO_GROUP) || typeof kind !== 'string' || !OWNER_KINDS.has(kind)) return undefined;
  const metadata = own(value, 'metadata');
  const name = typeof metadata === 'object' && metadata !== null ? own(metadata as Record<string, unknown>, 'name') : undefined;
  return { kind, namespace: namespaceOf(metadata) ?? defaultNamespace, name: typeof name === 'string' ? name : '' };
}

/** NAMESPACE/NAME: what an owner's shard is a hash of (util/shard.ts). */
export function ownerShardKey(owner: { readonly namespace: string; readonly name: string }): string {
  return `${owner.namespace}/${owner.name}`;
}
