// Stamped objects the API server would refuse (src/stamp/meta-check.ts): their metadata, or a
// ConfigMap's or Secret's data of the wrong type. A warning naming the object and pointing at where
// the bad value comes from — the template, or the owner, blueprint, resource or template name a
// carto.run label carries — and an error with --strict. Said once per place and problem, not once
// per owner. Also the template labels the controller drops (dropped-labels.ts).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, ownerRef, type StampedObject, type Where } from '../realize/index.js';
import { stampedMetaProblems, type MetaProblem } from '../stamp/meta-check.js';
import { droppedLabels } from './dropped-labels.js';

export function invalidStampedObjects(objects: readonly StampedObject[], strict: boolean, said: Set<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const stamped of objects) {
    const dropped = droppedLabels(stamped, said);
    if (dropped) out.push(dropped);
    for (const problem of stampedMetaProblems(stamped.object)) {
      // A spec.template written without a kind is the webhook's verdict already (template-parse).
      if (problem.field === 'kind' && !kindByPlaceholder(stamped)) continue;
      const where = origin(stamped, problem);
      const key = `${where.doc.file}\u0000${where.path?.join('.')}\u0000${problem.message}`;
      if (said.has(key)) continue;
      said.add(key);
      const kind = typeof stamped.object['kind'] === 'string' && stamped.object['kind'] !== '' ? stamped.object['kind'] : 'object';
      const metadata = stamped.object['metadata'] as Record<string, unknown>;
      const by = stamped.via === 'blueprint'
        ? `resource ${stamped.resource.name} of ${stamped.blueprint.kind} ${stamped.blueprint.name} stamps`
        : `Runnable ${stamped.runnable.namespace}/${stamped.runnable.name} stamps`;
      const name = [metadata['name'], metadata['generateName']].find((n): n is string => typeof n === 'string') ?? '';
      out.push(diagnostic(strict ? 'error' : 'warning', codeFor(problem), `the API server would refuse the ${kind}${name ? ` ${name}` : ''} that ${by}: ${whatIsWrong(problem)}`, where, {
        ...(stamped.via === 'blueprint' ? { owner: ownerRef(stamped.owner), resource: stamped.resource.name } : {}),
        controllerMessage: problem.message,
        hint: hintFor(problem),
      }));
    }
  }
  return out;
}

/** Where the bad value is written: the template, or the name a carto.run label copies. */
function origin(stamped: StampedObject, problem: MetaProblem): Where {
  if (stamped.via === 'runnable') {
    const t = stamped.runTemplate;
    const r = stamped.runnable;
    if (problem.label === 'carto.run/runnable-name') return { doc: r.doc, object: { kind: 'Runnable', name: r.name, namespace: r.namespace }, path: ['metadata', 'name'] };
    if (problem.label === 'carto.run/run-template-name') return { doc: t.doc, object: { kind: 'ClusterRunTemplate', name: t.name }, path: ['metadata', 'name'] };
    if (problem.field === 'kind') return { doc: t.doc, object: { kind: 'ClusterRunTemplate', name: t.name }, path: ['spec', 'template', 'kind'] };
    return { doc: t.doc, object: { kind: 'ClusterRunTemplate', name: t.name }, path: ['spec', 'template', 'metadata', ...(problem.field === 'metadata.name' ? ['name'] : ['labels', problem.label ?? ''])] };
  }
  const { owner, blueprint, resource, template } = stamped;
  const templateWhere = (path: (string | number)[]): Where => ({ doc: template.doc, object: { kind: template.kind, name: template.name }, path });
  const source = template.ytt !== undefined ? ['spec', 'ytt'] : ['spec', 'template', 'metadata'];
  if (problem.field === 'metadata.name') return templateWhere(template.ytt !== undefined ? source : [...source, 'name']);
  if (problem.field === 'kind') return templateWhere(template.ytt !== undefined ? source : ['spec', 'template', 'kind']);
  if (problem.field !== 'metadata.labels') {
    return templateWhere(template.ytt !== undefined ? source : ['spec', 'template', ...problem.field.split('.'), ...(problem.key === undefined ? [] : [problem.key])]);
  }
  switch (problem.label) {
    case 'carto.run/workload-name':
    case 'carto.run/deliverable-name':
      return { doc: owner.doc, object: ownerRef(owner), path: ['metadata', 'name'] };
    case 'carto.run/supply-chain-name':
    case 'carto.run/cluster-supply-chain-name':
    case 'carto.run/delivery-name':
      return { doc: blueprint.doc, object: { kind: blueprint.kind, name: blueprint.name }, path: ['metadata', 'name'] };
    case 'carto.run/resource-name':
    case 'carto.run/component-name':
      return { doc: blueprint.doc, object: { kind: blueprint.kind, name: blueprint.name }, path: [...resource.path, 'name'] };
    case 'carto.run/cluster-template-name':
      return templateWhere(['metadata', 'name']);
    default:
      return templateWhere(template.ytt !== undefined ? source : [...source, 'labels', problem.label ?? '']);
  }
}

/** The template's own kind is a placeholder, which gave no kind. */
function kindByPlaceholder(stamped: StampedObject): boolean {
  const template = stamped.via === 'blueprint' ? stamped.template.template : stamped.runTemplate.template;
  const kind = template?.['kind'];
  return typeof kind === 'string' && kind.includes('$(');
}

function codeFor(problem: MetaProblem): string {
  if (problem.field === 'kind') return 'stamped-kind-missing';
  return problem.field === 'metadata.name' ? 'stamped-name-invalid' : problem.field === 'metadata.labels' ? 'stamped-label-invalid' : 'stamped-value-invalid';
}

function whatIsWrong(problem: MetaProblem): string {
  if (problem.field === 'kind') return 'it has no kind';
  if (problem.field === 'metadata.name') return problem.message.startsWith('json: ') ? `its ${problem.message.includes('generateName') ? 'generateName' : 'name'} is not a string` : 'its name is invalid';
  if (problem.field === 'metadata.labels') return `its label ${problem.label} is invalid`;
  if (problem.field === 'metadata.annotations') return `its annotation ${problem.key} is not a string`;
  return problem.key === undefined ? `its ${problem.field} is not a map of strings` : `its ${problem.field}.${problem.key} is not a string`;
}

function hintFor(problem: MetaProblem): string {
  if (problem.field === 'kind') return 'give the stamped object a kind (and an apiVersion)';
  if (problem.field !== 'metadata.name' && problem.field !== 'metadata.labels') return 'the API server reads these values as strings: quote a literal (port: "8080"); a placeholder alone in a value keeps its value\'s type, while one inside text gives text';
  if (problem.field === 'metadata.name') return 'kubectl apply (and the controller) would be refused; a name is lowercase letters, digits, - and . (a placeholder such as $(workload.metadata.name)$ gives each owner its own)';
  if (problem.label?.startsWith('carto.run/')) return `Cartographer copies this name into the ${problem.label} label of every object it stamps, and a label value is at most 63 characters of letters, digits, -, _ and .: shorten or rename it`;
  return 'fix the label in the template: the API server would refuse the object';
}
