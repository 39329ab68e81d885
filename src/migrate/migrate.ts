// `carto migrate`: blueprints written for Cartographer 0.0.6 rewritten in the current format
// (`spec.components` → `spec.resources`, `component:` → `resource:` in each input), and, per change,
// what behaves differently under current Cartographer, found in the inputs themselves (labels, empty
// lists, params, re-interpolation, template namespaces, empty selectors) so the user knows what to
// check. Pure: documents in, edits and notes out.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type SourceDocument } from '../load/index.js';
import { listPlaceholders } from '../stamp/interpolate.js';
import type { JSONValue } from '../jsonpath/index.js';
import { isObject, own } from '../util/objects.js';
import { renameKey, type Edit } from './edits.js';

export type Behaviour = 'labels' | 'empty-lists' | 'params' | 're-interpolation' | 'template-namespace' | 'empty-selector' | 'not-migrated';

/** A difference in behaviour a change brings, where it shows (a Diagnostic with `code` = behaviour). */
export type MigrationNote = Diagnostic & { code: Behaviour };

export interface Migration {
  edits: Edit[];
  notes: MigrationNote[];
}

const TEMPLATE_KINDS = new Set(['ClusterSourceTemplate', 'ClusterImageTemplate', 'ClusterConfigTemplate', 'ClusterTemplate']);
const INPUTS = ['sources', 'images', 'configs'] as const;
/** Workload fields that are lists: an empty one a placeholder substitutes became null under 0.0.6. */
const LIST_FIELDS = ['workload.spec.env', 'workload.spec.serviceClaims', 'workload.spec.params', 'workload.spec.build.env'];
const OLD_LABELS = ['carto.run/cluster-supply-chain-name', 'carto.run/component-name'];

const isCarto = (d: SourceDocument) => String(own(d.value, 'apiVersion') ?? '').startsWith('carto.run/');
const kindOf = (d: SourceDocument) => String(own(d.value, 'kind') ?? '');
const nameOf = (d: SourceDocument) => String(own(own(d.value, 'metadata') as Record<string, unknown>, 'name') ?? '');

export function migrate(documents: readonly SourceDocument[]): Migration {
  const edits: Edit[] = [];
  const notes: MigrationNote[] = [];
  const carto = documents.filter(isCarto);
  const templates = new Map(carto.filter((d) => TEMPLATE_KINDS.has(kindOf(d))).map((d) => [`${kindOf(d)}/${nameOf(d)}`, d]));
  const workloads = carto.filter((d) => kindOf(d) === 'Workload');
  const legacy = carto.filter((d) => kindOf(d) === 'ClusterSupplyChain' && Array.isArray(own(own(d.value, 'spec') as Record<string, unknown>, 'components')));
  const used = new Set<SourceDocument>();
  for (const chain of legacy) {
    edits.push(...chainEdits(chain));
    notes.push(...chainNotes(chain, templates, used));
  }
  // What only matters once something is migrated: the templates the migrated chains use.
  for (const template of used) notes.push(...templateNotes(template, workloads));
  if (legacy.length > 0) notes.push(...oldLabelReaders(documents), ...notMigrated(carto));
  return { edits, notes };
}

function chainEdits(chain: SourceDocument): Edit[] {
  const out: Edit[] = [];
  const add = (e: Edit | undefined) => e && out.push(e);
  add(renameKey(chain, ['spec', 'components'], 'resources', 'spec.components → spec.resources'));
  const components = own(own(chain.value, 'spec') as Record<string, unknown>, 'components') as unknown[];
  components.forEach((c, i) => {
    for (const type of INPUTS) {
      const refs = isObject(c) ? own(c, type) : undefined;
      if (!Array.isArray(refs)) continue;
      refs.forEach((r, j) => {
        if (isObject(r) && own(r, 'component') !== undefined) add(renameKey(chain, ['spec', 'components', i, type, j, 'component'], 'resource', `${type}[${j}].component → resource`));
      });
    }
  });
  return out;
}

function note(code: Behaviour, doc: SourceDocument, path: readonly (string | number)[], message: string, hint: string, severity: Diagnostic['severity'] = 'note'): MigrationNote {
  const at = locate(doc, path, { key: code === 'labels' });
  return { severity, code, message, file: at.file, line: at.line, column: at.column, object: { kind: kindOf(doc), name: nameOf(doc) }, path: fieldPath(path), hint };
}

/** `spec.template.spec.containers[0].env` */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('');
}

function chainNotes(chain: SourceDocument, templates: ReadonlyMap<string, SourceDocument>, used: Set<SourceDocument>): MigrationNote[] {
  const name = `ClusterSupplyChain ${nameOf(chain)}`;
  const spec = own(chain.value, 'spec') as Record<string, unknown>;
  const out: MigrationNote[] = [
    note('labels', chain, ['spec', 'components'], `${name}: the objects it stamps carry carto.run/supply-chain-name and carto.run/resource-name in place of carto.run/cluster-supply-chain-name and carto.run/component-name, and a new carto.run/template-lifecycle label`, 'selectors, dashboards or policies that read the old labels must read the new ones'),
  ];
  const selector = own(spec, 'selector');
  if (isObject(selector) && Object.keys(selector).length === 0) {
    out.push(note('empty-selector', chain, ['spec', 'selector'], `${name}: an empty spec.selector matched every Workload with a label under 0.0.6; now it matches none`, 'give it the labels its Workloads carry', 'warning'));
  }
  const components = own(spec, 'components') as unknown[];
  components.forEach((c, i) => {
    if (!isObject(c)) return;
    const ref = own(c, 'templateRef');
    const template = isObject(ref) ? templates.get(`${String(own(ref, 'kind'))}/${String(own(ref, 'name'))}`) : undefined;
    if (template) used.add(template);
    const params = own(c, 'params');
    if (!Array.isArray(params)) return;
    params.forEach((p, j) => {
      const value = isObject(p) ? own(p, 'value') : undefined;
      if (JSON.stringify(value ?? null).includes('$(')) {
        out.push(note('re-interpolation', chain, ['spec', 'components', i, 'params', j, 'value'], `${name}, resource ${String(own(c, 'name'))}: param ${String(own(p as Record<string, unknown>, 'name'))} holds a placeholder; 0.0.6 evaluated it after substituting the value, current Cartographer passes the text on as written`, 'give the value as a Workload param instead: Workload params now reach templates (e.g. $(params.name)$)', 'warning'));
      }
    });
  });
  return out;
}

function templateNotes(template: SourceDocument, workloads: readonly SourceDocument[]): MigrationNote[] {
  const out: MigrationNote[] = [];
  const name = `${kindOf(template)} ${nameOf(template)}`;
  const spec = own(template.value, 'spec') as Record<string, unknown>;
  const body = own(spec, 'template');
  if (isObject(body)) {
    for (const p of listPlaceholders(body as JSONValue)) {
      const field = LIST_FIELDS.find((f) => p.expression === f);
      if (!p.single || !field) continue;
      const emptyIn = workloads.filter((w) => isEmptyList(w.value, field.split('.').slice(1)));
      out.push(note('empty-lists', template, ['spec', 'template', ...p.path], `${name}: $(${p.expression})$ at ${fieldPath(['spec', 'template', ...p.path])} became null under 0.0.6 when the list was empty; now it stays []${emptyIn.length ? ` (empty in ${emptyIn.map((w) => `Workload ${workloadName(w)}`).join(', ')})` : ''}`, 'check what reads the field accepts an empty list'));
    }
    for (const path of emptyLists(body, [])) {
      out.push(note('empty-lists', template, ['spec', 'template', ...path], `${name}: the empty list at ${fieldPath(['spec', 'template', ...path])} became null under 0.0.6; now it stays []`, 'check what reads the field accepts an empty list'));
    }
    const meta = own(body, 'metadata');
    if (isObject(meta) && own(meta, 'namespace') !== undefined) {
      out.push(note('template-namespace', template, ['spec', 'template', 'metadata', 'namespace'], `${name}: spec.template sets metadata.namespace, which 0.0.6 kept; current Cartographer's admission webhook refuses such a template (the owner's namespace is always used)`, 'remove metadata.namespace from spec.template', 'warning'));
    }
  }
  const params = own(spec, 'params');
  if (Array.isArray(params) && params.length > 0) {
    const names = params.map((p) => (isObject(p) ? String(own(p, 'name')) : '')).filter((n) => n !== '');
    const setters = workloads.filter((w) => workloadParams(w).some((n) => names.includes(n)));
    out.push(note('params', template, ['spec', 'params'], `${name}: under 0.0.6 it saw only the params it declares (${names.join(', ')}), never a Workload's; now every blueprint, resource and Workload param reaches it, and a Workload param of the same name overrides its default${setters.length ? ` (set by ${setters.map((w) => `Workload ${workloadName(w)}`).join(', ')})` : ''}`, 'give the resource the param with value: to keep it from Workloads'));
  }
  return out;
}

function oldLabelReaders(documents: readonly SourceDocument[]): MigrationNote[] {
  const out: MigrationNote[] = [];
  for (const doc of documents) {
    // Also as a placeholder writes it, with the dot escaped (`carto\\.run/component-name`).
    const found = /carto(?:\\\\)*\.run\/(cluster-supply-chain-name|component-name)/.exec(JSON.stringify(doc.value));
    const label = found ? `carto.run/${found[1]}` : undefined;
    if (label) out.push(note('labels', doc, [], `${kindOf(doc)} ${nameOf(doc)} reads ${label}, a label objects no longer carry`, `read ${label === OLD_LABELS[0] ? 'carto.run/supply-chain-name' : 'carto.run/resource-name'} instead`, 'warning'));
  }
  return out;
}

function notMigrated(carto: readonly SourceDocument[]): MigrationNote[] {
  return carto
    .filter((d) => kindOf(d) === 'Pipeline' || kindOf(d) === 'RunTemplate')
    .map((d) => note('not-migrated', d, [], `${kindOf(d)} ${nameOf(d)} is a 0.0.6 kind that current Cartographer does not have; carto migrate does not rewrite it`, kindOf(d) === 'Pipeline' ? 'write it as a Runnable (spec.runTemplateRef, spec.inputs)' : 'write it as a ClusterRunTemplate (cluster-scoped, spec.template, spec.outputs)', 'warning'));
}

function isEmptyList(value: unknown, path: readonly string[]): boolean {
  let node: unknown = value;
  for (const key of path) node = isObject(node) ? own(node, key) : undefined;
  return Array.isArray(node) && node.length === 0;
}

function emptyLists(node: unknown, path: (string | number)[]): (string | number)[][] {
  if (Array.isArray(node)) return node.length === 0 ? [path] : node.flatMap((v, i) => emptyLists(v, [...path, i]));
  if (isObject(node)) return Object.keys(node).flatMap((k) => emptyLists(own(node, k), [...path, k]));
  return [];
}

function workloadParams(w: SourceDocument): string[] {
  const params = own(own(w.value, 'spec') as Record<string, unknown>, 'params');
  return Array.isArray(params) ? params.map((p) => (isObject(p) ? String(own(p, 'name')) : '')) : [];
}

function workloadName(w: SourceDocument): string {
  const meta = own(w.value, 'metadata') as Record<string, unknown>;
  return `${String(own(meta, 'namespace') ?? 'default')}/${String(own(meta, 'name'))}`;
}
