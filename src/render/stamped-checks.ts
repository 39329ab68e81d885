// Stamped objects the API server would refuse for their metadata (src/stamp/meta-check.ts): a
// warning naming the object and pointing at where the bad value comes from — the template's
// name, or the owner, blueprint, resource or template name a carto.run label carries — and an
// error with --strict. Said once per place and problem, not once per owner. An owner's name that
// is no valid label value and that several labels carry (carto.run/workload-name, and the
// carto.run/runnable-name of a Runnable named after it, or a template's app.kubernetes.io/part-of)
// is one problem: one warning for the owner, naming every label that carries it. Also the template
// labels the controller drops (dropped-labels.ts).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Owner } from '../model/index.js';
import { diagnostic, ownerRef, type StampedObject, type Where } from '../realize/index.js';
import { labelValueProblem } from '../select/index.js';
import { stampedMetaProblems, type MetaProblem } from '../stamp/meta-check.js';
import { isObject } from '../util/objects.js';
import { metaOrigin } from '../validate/index.js';
import { droppedLabels } from './dropped-labels.js';
import { templateNameAtFault, type NameGroups } from './name-groups.js';

/** `invalid`: an object of these has such a problem, said now or for an earlier owner (a failure with --strict). */
export function invalidStampedObjects(objects: readonly StampedObject[], strict: boolean, said: Set<string>, nameGroups: NameGroups): { diagnostics: Diagnostic[]; invalid: boolean } {
  const out: Diagnostic[] = [];
  let invalid = false;
  const problems = objects.map((stamped) => stampedMetaProblems(stamped.object));
  const carriers = ownerNameCarriers(objects, problems);
  for (let i = 0; i < objects.length; i++) {
    const stamped = objects[i] as StampedObject;
    const dropped = droppedLabels(stamped, said);
    if (dropped) out.push(dropped);
    for (const problem of problems[i] as MetaProblem[]) {
      invalid = true;
      const owner = carriedOwner(stamped, problem);
      const labels = owner ? carriers.get(owner) : undefined;
      if (owner && labels && labels.length > 1) {
        const key = `owner\u0000${owner.kind}\u0000${owner.namespace}\u0000${owner.name}`;
        if (!said.has(key)) out.push(ownerNameDiagnostic(owner, labels, problem, strict));
        said.add(key);
        continue;
      }
      const where = metaOrigin(stamped, problem);
      const kind = String(stamped.object['kind'] ?? 'object');
      const metadata = stamped.object['metadata'] as Record<string, unknown>;
      const by = stamped.via === 'blueprint'
        ? `resource ${stamped.resource.name} of ${stamped.blueprint.kind} ${stamped.blueprint.name} stamps`
        : `Runnable ${stamped.runnable.namespace}/${stamped.runnable.name} stamps`;
      const spot = `${where.doc.file}\u0000${where.path?.join('.')}`;
      const fault = templateNameAtFault(stamped, problem);
      const group = fault !== undefined ? nameGroups : undefined;
      if (group?.meet(`${spot}\u0000${kind}\u0000${by}`, stamped, String(metadata['name'] ?? ''))) continue;
      const key = `${spot}\u0000${problem.message}`;
      if (said.has(key)) continue;
      said.add(key);
      const d = diagnostic(strict ? 'error' : 'warning', problem.field === 'metadata.name' ? 'stamped-name-invalid' : 'stamped-label-invalid', `the API server would refuse the ${kind} ${String(metadata['name'] ?? '')} that ${by}: ${problem.field === 'metadata.name' ? 'its name' : `its label ${problem.label}`} is invalid`, where, {
        ...(stamped.via === 'blueprint' ? { owner: ownerRef(stamped.owner), resource: stamped.resource.name } : {}),
        controllerMessage: problem.message,
        hint: fault === undefined ? hintFor(problem) : `the template's own text around its placeholders has ${JSON.stringify(fault)}, which no name may have, whatever each owner gives: a name is lowercase letters, digits, - and .`,
      });
      group?.start(`${spot}\u0000${kind}\u0000${by}`, d, stamped, String(metadata['name'] ?? ''), kind, by);
      out.push(d);
    }
  }
  return { diagnostics: out, invalid };
}

/** The owner whose name stamped.object carries in its label at fault, if that name is what makes it invalid. */
function carriedOwner(stamped: StampedObject, problem: MetaProblem): Owner | undefined {
  const owner = stamped.via === 'blueprint' ? stamped.owner : stamped.runnable.stampedBy?.owner;
  if (!owner || problem.field !== 'metadata.labels' || problem.label === undefined) return undefined;
  const metadata = stamped.object['metadata'];
  const labels = isObject(metadata) ? metadata['labels'] : undefined;
  const value = isObject(labels) ? labels[problem.label] : undefined;
  return value === owner.name && labelValueProblem(owner.name) !== undefined ? owner : undefined;
}

/** For each owner, the labels (in the order met) whose invalid value is its name, over all the objects stamped for it. */
function ownerNameCarriers(objects: readonly StampedObject[], problems: readonly MetaProblem[][]): Map<Owner, string[]> {
  const out = new Map<Owner, string[]>();
  for (let i = 0; i < objects.length; i++) {
    const stamped = objects[i] as StampedObject;
    for (const problem of problems[i] as MetaProblem[]) {
      const owner = carriedOwner(stamped, problem);
      if (!owner || problem.label === undefined) continue;
      const labels = out.get(owner) ?? [];
      if (!labels.includes(problem.label)) labels.push(problem.label);
      out.set(owner, labels);
    }
  }
  return out;
}

/** One owner name, several labels carrying it: said once, at the name. */
function ownerNameDiagnostic(owner: Owner, labels: readonly string[], problem: MetaProblem, strict: boolean): Diagnostic {
  const named = `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] as string}`;
  const where: Where = { doc: owner.doc, object: ownerRef(owner), path: ['metadata', 'name'] };
  return diagnostic(strict ? 'error' : 'warning', 'stamped-label-invalid', `the API server would refuse the objects stamped for ${owner.kind} ${owner.namespace}/${owner.name}: their labels ${named} carry its name, which is not a valid label value`, where, {
    owner: ownerRef(owner),
    controllerMessage: problem.message,
    hint: `the ${owner.kind}'s name is copied into the labels ${named} of the objects stamped for it, and a label value is at most 63 characters of letters, digits, -, _ and .: shorten or rename the ${owner.kind}`,
  });
}

function hintFor(problem: MetaProblem): string {
  if (problem.field === 'metadata.name') return 'kubectl apply (and the controller) would be refused; a name is lowercase letters, digits, - and . (a placeholder such as $(workload.metadata.name)$ gives each owner its own)';
  if (problem.label?.startsWith('carto.run/')) return `Cartographer copies this name into the ${problem.label} label of every object it stamps, and a label value is at most 63 characters of letters, digits, -, _ and .: shorten or rename it`;
  return 'fix the label in the template: the API server would refuse the object';
}
