// Names and label values the objects a template stamps would carry, checked as the API server
// checks them (the same checks render runs on what it stamps, src/stamp/meta-check.ts): a
// template's literal metadata.name (`app-$SESSION_NAMESPACE` is no placeholder) and literal label
// values, and the names Cartographer copies into carto.run/* labels — owner, blueprint, resource
// and template names, which may be valid names but not valid label values (over 63 characters,
// a space). A name with placeholders is checked for the characters no value could make valid.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import type { Catalog } from '../model/index.js';
import { labelValueProblem, objectNameProblem } from '../select/index.js';
import { labelTypeProblem, nameTextFault } from '../stamp/meta-check.js';
import { isObject } from '../util/objects.js';
import { lintDiagnostic, refOf } from './report.js';

export function checkStampedNames(catalog: Catalog): Diagnostic[] {
  const out: Diagnostic[] = [];
  const label = (doc: SourceDocument, object: ReturnType<typeof refOf>, path: (string | number)[], value: string, labelKey: string) => {
    const problem = labelValueProblem(value);
    if (!problem) return;
    out.push(lintDiagnostic('stamped-label-invalid', `${labelKey} would be ${JSON.stringify(value)} on every object stamped through it, and the API server refuses that label value`, { doc, object, path }, {
      controllerMessage: `metadata.labels: Invalid value: ${JSON.stringify(value)}: ${problem}`,
      hint: `Cartographer copies this name into the ${labelKey} label, and a label value is at most 63 characters of letters, digits, -, _ and .: shorten or rename it`,
    }));
  };
  for (const owner of catalog.owners) {
    label(owner.doc, refOf(owner.kind, owner.name, owner.namespace), ['metadata', 'name'], owner.name, owner.kind === 'Workload' ? 'carto.run/workload-name' : 'carto.run/deliverable-name');
  }
  for (const b of catalog.blueprints) {
    const object = refOf(b.kind, b.name);
    label(b.doc, object, ['metadata', 'name'], b.name, b.kind === 'ClusterDelivery' ? 'carto.run/delivery-name' : 'carto.run/supply-chain-name');
    for (const r of b.resources) label(b.doc, object, [...r.path, 'name'], r.name, 'carto.run/resource-name');
  }
  for (const t of catalog.templates.values()) {
    const object = refOf(t.kind, t.name);
    label(t.doc, object, ['metadata', 'name'], t.name, 'carto.run/cluster-template-name');
    if (t.template) out.push(...literalMeta(t.doc, object, t.template));
  }
  for (const t of catalog.runTemplates.values()) {
    const object = refOf('ClusterRunTemplate', t.name);
    label(t.doc, object, ['metadata', 'name'], t.name, 'carto.run/run-template-name');
    if (t.template) out.push(...literalMeta(t.doc, object, t.template));
  }
  for (const r of catalog.runnables) label(r.doc, refOf('Runnable', r.name, r.namespace), ['metadata', 'name'], r.name, 'carto.run/runnable-name');
  return out;
}

/** spec.template's own metadata.name and label values, where written literally. */
function literalMeta(doc: SourceDocument, object: ReturnType<typeof refOf>, template: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const metadata = template['metadata'];
  if (!isObject(metadata)) return out;
  const kind = typeof template['kind'] === 'string' ? template['kind'] : '';
  const name = metadata['name'];
  if (typeof name === 'string' && name !== '') {
    const literal = !name.includes('$(');
    // (the same test render's name groups make: src/stamp/meta-check.ts nameTextFault)
    const fault = literal ? undefined : nameTextFault(name);
    const problem = literal ? objectNameProblem(kind, name) : fault !== undefined && objectNameProblem(kind, 'x') === undefined
      ? `the text around its placeholders has characters no name may have (${JSON.stringify(fault)})`
      : undefined;
    if (problem) {
      out.push(lintDiagnostic('stamped-name-invalid', `the ${kind || 'object'} this template stamps would be named ${JSON.stringify(name)}, which the API server refuses`, { doc, object, path: ['spec', 'template', 'metadata', 'name'] }, {
        controllerMessage: `metadata.name: Invalid value: ${JSON.stringify(name)}: ${problem}`,
        hint: literal && name.includes('$')
          ? 'only $(…)$ is a placeholder: $VAR and ${VAR} stay as written; use $(workload.metadata.name)$ or a param, $(params.NAME)$'
          : 'a name is lowercase letters, digits, - and .; a placeholder such as $(workload.metadata.name)$ gives each owner its own',
      }));
    }
  }
  const labels = metadata['labels'];
  if (isObject(labels)) {
    for (const [key, value] of Object.entries(labels)) {
      if (labelTypeProblem(value) !== undefined || value === null) {
        // The controller reads the labels as a map of strings: with one that is not, it reads none.
        out.push(lintDiagnostic('stamped-label-invalid', `label ${key} of the ${kind || 'object'} this template stamps is ${JSON.stringify(value)}, not a string, so the controller drops every label the template writes`, { doc, object, path: ['spec', 'template', 'metadata', 'labels', key] }, {
          hint: `quote it: ${key}: "${String(value)}"`,
        }));
        continue;
      }
      if (typeof value !== 'string' || value.includes('$(')) continue;
      const problem = labelValueProblem(value);
      if (problem) {
        out.push(lintDiagnostic('stamped-label-invalid', `label ${key} of the ${kind || 'object'} this template stamps would be ${JSON.stringify(value)}, which the API server refuses`, { doc, object, path: ['spec', 'template', 'metadata', 'labels', key] }, {
          controllerMessage: `metadata.labels: Invalid value: ${JSON.stringify(value)}: ${problem}`,
        }));
      }
    }
  }
  return out;
}

