// One schema problem of a stamped object as a diagnostic: the object and field, where the value
// was written (origin.ts), the API server's words wrapped in the controller's, and the hint. A
// value read from a mocked output (only a cluster has the real one) is a warning that says so.
// An unknown field has no controller error: Cartographer's apply asks for no strict field
// validation, so the API server drops the field with a warning and the apply succeeds.
import { applyMessage, diagnostic as makeDiagnostic, mocksReadBy, ownerRef, type MockedOutput, type OwnerReport, type ResourceReport, type StampedObject } from '../realize/index.js';
import { fieldPath, type Issue } from '../schema/index.js';
import { isObject, ownAt } from '../util/objects.js';
import { apiServerPrefix } from './check.js';
import type { Met } from './groups.js';
import { hintFor } from './hints.js';
import { originOf } from './origin.js';
import type { YttSources } from './ytt-sources.js';

export const CODES: Record<Issue['rule'], string> = {
  'unknown-field': 'stamped-unknown-field',
  type: 'stamped-wrong-type',
  required: 'stamped-required',
  enum: 'stamped-enum',
  format: 'stamped-format',
  limit: 'stamped-limit',
  pattern: 'stamped-pattern',
};

/** A placeholder reading one of the resource's inputs (whose value may be a mock). */
const INPUT_PLACEHOLDER = /^\$\((sources|images|configs|source|image|config|deployment)\b/;

/** The mocked outputs a placeholder of this object's template reads, if any: only those make its value unjudgeable. */
export type MocksRead = (placeholder: string) => readonly MockedOutput[] | undefined;

export function mocksOf(mocked: readonly MockedOutput[] | undefined, owner: OwnerReport | undefined, report: ResourceReport | undefined): MocksRead | undefined {
  if (!mocked || !owner || !report) return undefined;
  return (placeholder) => {
    const read = mocksReadBy(owner, report, placeholder);
    const mine = mocked.filter((m) => m.values.some((v) => read.some((r) => r.field === v.field && r.value === v.value)));
    return mine.length > 0 ? mine : undefined;
  };
}

export function toDiagnostic(stamped: StampedObject, issue: Issue, against: string, report: ResourceReport | undefined, mocked: MocksRead | undefined, ytt: YttSources | undefined): Met {
  const object = stamped.object;
  const kind = String(object['kind']);
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  const name = String(metadata['name'] ?? metadata['generateName'] ?? '');
  const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '';
  const origin = originOf(stamped, issue.path, report, ytt, issue.rule === 'unknown-field');
  const said = `${fieldPath(issue.path)}: ${issue.message}${origin.from}`;
  const apiServer = `${apiServerPrefix(issue.stage, object, kind, name)}${issue.apiServer}`;
  const controllerMessage = issue.rule === 'unknown-field' ? undefined : stamped.via === 'blueprint' ? applyMessage(stamped.resource, stamped.blueprint, object, apiServer) : apiServer;
  // A value that may be a mock (only a cluster has the real one) cannot be judged: a warning that says so.
  const mock = origin.placeholder && INPUT_PLACEHOLDER.test(origin.placeholder) ? mocked?.(origin.placeholder) : undefined;
  const hint = hintFor(issue, kind, ownAt(object, issue.path), origin.placeholder, against);
  const owner = stamped.via === 'blueprint' ? ownerRef(stamped.owner) : { kind: 'Runnable', name: stamped.runnable.name, namespace: stamped.runnable.namespace };
  const ownerDoc = stamped.via === 'blueprint' ? stamped.owner.doc : stamped.runnable.doc;
  const diagnostic = makeDiagnostic(mock ? 'warning' : 'error', mock ? 'stamped-mocked-value' : CODES[issue.rule], `${kind} ${namespace ? `${namespace}/` : ''}${name}: ${said}`, origin.where, {
    owner,
    ...(stamped.via === 'blueprint' ? { resource: stamped.resource.name } : {}),
    ...(controllerMessage !== undefined ? { controllerMessage } : {}),
    hint: mock
      ? `the template got mocked values, which only a live cluster has (${mock.map((m) => `${m.resource} ${m.values.map((v) => v.field).join(' and ')}`).join(', ')}): give the real ones with --outputs FILE, --set-output or --observed; otherwise ${hint}`
      : hint,
  });
  return { diagnostic, kind, said, owner: { ...owner, file: ownerDoc.file, line: ownerDoc.line } };
}

