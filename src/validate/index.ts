// Validates what a render stamped as the API server would on create, with strict field
// validation: built-in kinds against the schemas of one Kubernetes version, custom resources
// against their CRDs' schemas (src/schema does the checking). Each problem becomes a diagnostic
// naming the owner, the resource, the stamped object and the field, pointing at the template line
// (or the placeholder) that produced it, with the API server's words and a hint. Kinds no schema
// covers are named in one note (an error with strictSchemas). Pure: objects in, diagnostics out.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic as makeDiagnostic, mockedOutputsUsed, mocksReadBy, ownerRef, type MockedOutput, type OwnerReport, type ResourceReport, type StampedObject } from '../realize/index.js';
import { fieldPath, validateValue, type Issue, type Schema } from '../schema/index.js';
import { listSome } from '../util/list.js';
import { isObject, own, ownAt } from '../util/objects.js';
import { ProblemGroups, type Met } from './groups.js';
import { hintFor } from './hints.js';
import { originOf } from './origin.js';
import { gvk, type ValidationSchemas } from './schemas.js';
import type { YttSources } from './ytt-sources.js';

export { customSchemas, isCrd, gvk, type CustomSchema, type KubeSchemas, type ValidationSchemas } from './schemas.js';
export { YttSources } from './ytt-sources.js';

export interface ValidateStampedOptions {
  schemas: ValidationSchemas;
  /** A kind with no schema is an error, not a note (--strict-schemas). */
  strictSchemas?: boolean;
  /** Where ytt templates wrote each field (the render's runs, recorded). */
  ytt?: YttSources;
  /** The render's owner reports: where a param's value was set. */
  owners?: readonly OwnerReport[];
}

const CODES: Record<Issue['rule'], string> = {
  'unknown-field': 'stamped-unknown-field',
  type: 'stamped-wrong-type',
  required: 'stamped-required',
  enum: 'stamped-enum',
  format: 'stamped-format',
  limit: 'stamped-limit',
  pattern: 'stamped-pattern',
};

/** The problems of the objects, each said once (a template's mistake met by many owners too: groups.ts), then the note naming the kinds no schema covered. */
export function validateStamped(objects: readonly StampedObject[], options: ValidateStampedOptions): Diagnostic[] {
  const validator = new StampedValidator(options);
  validator.add(objects, options.owners ?? []);
  return validator.finish();
}

/**
 * validateStamped() owner by owner, for a render that writes each owner out as it comes: add()
 * takes one owner's objects and report and gives their problems (so that the caller can tell
 * whether that owner fails); finish() gives every problem of the whole render, each said once —
 * a template's mistake met by many owners as one diagnostic naming them — then the note naming the
 * kinds no schema covered. The same diagnostics, in the same order, as validateStamped() of all
 * the objects.
 */
export class StampedValidator {
  private readonly unchecked = new Map<string, StampedObject>();
  private readonly problems = new ProblemGroups();

  constructor(private readonly options: ValidateStampedOptions) {}

  add(objects: readonly StampedObject[], owners: readonly OwnerReport[]): Diagnostic[] {
    const reports = new Map<unknown, ResourceReport>();
    const ownerOf = new Map<unknown, OwnerReport>();
    /** The mocked outputs each stamped object's template took as inputs. */
    const mocks = new Map<unknown, MockedOutput[]>();
    for (const owner of owners) {
      const used = mockedOutputsUsed(owner);
      for (const r of owner.resources) {
        if (!r.object) continue;
        reports.set(r.object, r);
        ownerOf.set(r.object, owner);
        const mine = used.filter((m) => m.users.includes(r.resource.name));
        if (mine.length > 0) mocks.set(r.object, mine);
      }
    }
    const out: Diagnostic[] = [];
    for (const stamped of objects) {
      const apiVersion = String(stamped.object['apiVersion'] ?? '');
      const kind = String(stamped.object['kind'] ?? '');
      const checked = check(stamped.object, apiVersion, kind, this.options.schemas);
      if (checked === undefined) {
        if (!this.unchecked.has(`${kind} (${apiVersion})`)) this.unchecked.set(`${kind} (${apiVersion})`, stamped);
        continue;
      }
      for (const issue of checked.issues) {
        // a label value that is not a string is render's and lint's stamped-label-invalid already
        if (issue.rule === 'type' && issue.path[0] === 'metadata' && issue.path[1] === 'labels') continue;
        const met = toDiagnostic(stamped, issue, checked.against, reports.get(stamped.object), mocksOf(mocks.get(stamped.object), ownerOf.get(stamped.object), reports.get(stamped.object)), this.options);
        if (this.problems.add(met)) out.push(met.diagnostic);
      }
    }
    return out;
  }

  finish(): Diagnostic[] {
    return [...this.problems.diagnostics(), ...(this.unchecked.size > 0 ? [uncheckedKinds(this.unchecked, this.options)] : [])];
  }
}

interface Checked {
  issues: Issue[];
  /** The schema that says so, for the hint: `Kubernetes 1.34`, `CustomResourceDefinition images.kpack.io`. */
  against: string;
}

/** The problems of one object, or undefined when no schema covers its kind. */
function check(object: Record<string, unknown>, apiVersion: string, kind: string, schemas: ValidationSchemas): Checked | undefined {
  const key = gvk(apiVersion, kind);
  const custom = schemas.custom.get(key);
  const kube = schemas.kube;
  if (custom) {
    const crd = own(custom.crd.value, 'metadata');
    const against = `CustomResourceDefinition ${String((isObject(crd) ? own(crd, 'name') : undefined) ?? kind)}`;
    // status is not created with the object when it is a subresource; metadata is every object's
    const { status: _status, metadata, ...rest } = object;
    const body = custom.statusSubresource ? rest : { ...rest, ...(_status !== undefined ? { status: _status } : {}) };
    const issues = validateValue(body, withoutMetadata(custom.schema), { dialect: 'custom' });
    if (kube && metadata !== undefined) {
      const meta = validateValue(metadata, { $ref: 'V1ObjectMeta' }, { dialect: 'builtin', definitions: kube.definitions, rootName: 'V1ObjectMeta' });
      issues.unshift(...meta.map((i) => ({ ...i, path: ['metadata', ...i.path] })));
    }
    return { issues, against };
  }
  const model = kube?.kinds[key];
  if (!kube || model === undefined) return undefined;
  return { issues: validateValue(object, { $ref: model }, { dialect: 'builtin', definitions: kube.definitions, rootName: model }), against: `Kubernetes ${kube.kubernetes}` };
}

/** A CRD's own word on metadata is ignored by the API server: ObjectMeta is checked instead. */
function withoutMetadata(schema: Schema): Schema {
  if (!schema.properties || !Object.hasOwn(schema.properties, 'metadata')) return schema;
  const { metadata: _m, ...properties } = schema.properties;
  return { ...schema, properties };
}

/** A placeholder reading one of the resource's inputs (whose value may be a mock). */
const INPUT_PLACEHOLDER = /^\$\((sources|images|configs|source|image|config|deployment)\b/;

/** The mocked outputs a placeholder of this object's template reads, if any: only those make its value unjudgeable. */
type MocksRead = (placeholder: string) => readonly MockedOutput[] | undefined;

function mocksOf(mocked: readonly MockedOutput[] | undefined, owner: OwnerReport | undefined, report: ResourceReport | undefined): MocksRead | undefined {
  if (!mocked || !owner || !report) return undefined;
  return (placeholder) => {
    const read = mocksReadBy(owner, report, placeholder);
    const mine = mocked.filter((m) => m.values.some((v) => read.some((r) => r.field === v.field && r.value === v.value)));
    return mine.length > 0 ? mine : undefined;
  };
}

function toDiagnostic(stamped: StampedObject, issue: Issue, against: string, report: ResourceReport | undefined, mocked: MocksRead | undefined, options: ValidateStampedOptions): Met {
  const object = stamped.object;
  const kind = String(object['kind']);
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  const name = String(metadata['name'] ?? metadata['generateName'] ?? '');
  const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '';
  const origin = originOf(stamped, issue.path, report, options.ytt, issue.rule === 'unknown-field');
  const said = `${fieldPath(issue.path)}: ${issue.message}${origin.from}`;
  const apiServer = `${apiServerPrefix(issue, object, kind, name)}${issue.apiServer}`;
  const controllerMessage = stamped.via === 'blueprint'
    ? `unable to apply object [${namespace}/${name}] for resource [${stamped.resource.name}] in ${stamped.blueprint.kind === 'ClusterDelivery' ? 'delivery' : 'supply chain'} [${stamped.blueprint.name}]: ${apiServer}`
    : apiServer;
  // A value that may be a mock (only a cluster has the real one) cannot be judged: a warning that says so.
  const mock = origin.placeholder && INPUT_PLACEHOLDER.test(origin.placeholder) ? mocked?.(origin.placeholder) : undefined;
  const hint = hintFor(issue, kind, ownAt(object, issue.path), origin.placeholder, against);
  const owner = stamped.via === 'blueprint' ? ownerRef(stamped.owner) : { kind: 'Runnable', name: stamped.runnable.name, namespace: stamped.runnable.namespace };
  const ownerDoc = stamped.via === 'blueprint' ? stamped.owner.doc : stamped.runnable.doc;
  const diagnostic = makeDiagnostic(mock ? 'warning' : 'error', mock ? 'stamped-mocked-value' : CODES[issue.rule], `${kind} ${namespace ? `${namespace}/` : ''}${name}: ${said}`, origin.where, {
    owner,
    ...(stamped.via === 'blueprint' ? { resource: stamped.resource.name } : {}),
    controllerMessage,
    hint: mock
      ? `the template got mocked values, which only a live cluster has (${mock.map((m) => `${m.resource} ${m.values.map((v) => v.field).join(' and ')}`).join(', ')}): give the real ones with --outputs FILE, --set-output or --observed; otherwise ${hint}`
      : hint,
  });
  return { diagnostic, kind, said, owner: { ...owner, file: ownerDoc.file, line: ownerDoc.line } };
}

/** `Deployment in version "v1" cannot be handled as a Deployment: ` or `Deployment.apps "app" is invalid: `. */
function apiServerPrefix(issue: Issue, object: Record<string, unknown>, kind: string, name: string): string {
  const apiVersion = String(object['apiVersion']);
  const slash = apiVersion.lastIndexOf('/');
  if (issue.stage === 'decode') return `${kind} in version ${JSON.stringify(apiVersion.slice(slash + 1))} cannot be handled as a ${kind}: `;
  return `${kind}${slash > 0 ? `.${apiVersion.slice(0, slash)}` : ''} ${JSON.stringify(name)} is invalid: `;
}

/** One note (an error with strictSchemas) naming the kinds that were not validated. */
function uncheckedKinds(unchecked: ReadonlyMap<string, StampedObject>, options: ValidateStampedOptions): Diagnostic {
  const names = [...unchecked.keys()].sort();
  const count = `${names.length} kind${names.length === 1 ? '' : 's'}`;
  const severity = options.strictSchemas ? 'error' : 'note';
  return {
    severity,
    code: 'stamped-no-schema',
    message: `no schema for ${count} of the stamped objects, so ${names.length === 1 ? 'its objects were' : 'their objects were'} not validated: ${listSome(names, 10)}`,
    hint: `give their CustomResourceDefinitions with --crds PATH (kubectl get crd NAME -o yaml > crds.yaml) or among the inputs${options.strictSchemas ? '' : '; --strict-schemas makes this an error'}`,
  };
}
