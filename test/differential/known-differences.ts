// THE list of known differences between carto and the controller (refharness), each with a name,
// the reason, and the predicate the comparison applies — so a difference is either accounted
// for here, by rule, or it is a failure. `deliberate` ones are carto's choices (the README's
// "Fidelity notes" says why); a `reference-limit` is where refharness, run offline without an API
// server, is not the controller on a cluster; a `known-bug` is carto being wrong, waiting for its
// fix (its regression fixture under test/fixtures/differential/ is marked with its name, and the
// entry goes once the fix merges).
import type { StampedObject } from '../../src/index.js';
import { stampedMetaProblems } from '../../src/stamp/meta-check.js';
import type { CartoOwner, CartoSide, CartoStatusOwner } from './carto.js';
import type { JsonObject, Reference, ReferenceOwner } from './refharness.js';

/** What the comparison lets pass for one owner. */
export interface Allowance {
  /** Compare the objects of resources up to and including this one (by blueprint order); what
   *  comes after follows from a value only one side has. */
  compareThrough?: string;
  /** Compare the objects of resources before this one only (the controller may or may not have
   *  sent this one before it failed). */
  compareBefore?: string;
  /** Compare no objects of this owner. */
  objects?: false;
  /** Do not require carto to fail exactly when the controller does. */
  failureParity?: false;
  /** Do not compare the owner's status. */
  status?: false;
  /** Errors of carto's that the controller does not have (carto reports them on purpose). */
  extraCartoError?: (code: string) => boolean;
}

export interface OwnerPair {
  ref?: ReferenceOwner;
  carto?: CartoOwner;
  /** Which of carto's realizations `carto` is: render's (mocks allowed) or carto status's (none). */
  realization: 'render' | 'status';
  /** The objects refharness submitted for the owners it realized before this one, in its order
   *  (one fake cluster holds them all). */
  submittedBefore?: readonly JsonObject[];
}

export interface KnownDifference {
  name: string;
  status: 'deliberate' | 'reference-limit' | 'known-bug';
  reason: string;
  /** For an owner: what the comparison lets pass, or undefined when this difference is not at play. */
  owner?: (pair: OwnerPair) => Allowance | undefined;
  /** `owner` applies to carto status's realization (no mocks) too, not only to render's. */
  withoutMocks?: true;
  /** The controller's status of an owner, as carto status writes it where they knowingly differ. */
  referenceStatus?: (status: JsonObject, carto: CartoStatusOwner) => JsonObject;
  /** An object carto stamps that the controller never prints. */
  cartoOnlyObject?: (object: StampedObject) => boolean;
  /** The CLI prints nothing for this render, though the library returns objects. */
  cliPrintsNothing?: (carto: CartoSide) => boolean;
  /** The validating run's objects are not compared (only the webhook verdicts are). */
  verdictsOnly?: (validated: Reference) => boolean;
  /** Nothing refharness printed about owners is an answer (only the webhook verdicts are compared). */
  ownersIncomparable?: (reference: Reference, validated: Reference) => boolean;
  /** A webhook verdict of carto's that refharness does not give, for an object (`Kind/name`). */
  cartoOnlyVerdict?: (object: string, messages: readonly string[], carto: CartoSide) => boolean;
}

/** The first resource (in blueprint order) for which `test` holds, with its template. */
function firstResource(carto: CartoOwner | undefined, test: (r: CartoOwner['report']['resources'][number]) => boolean): string | undefined {
  return carto?.report.resources.find(test)?.resource.name;
}

/** The template `Kind/name` among the inputs has no spec.lifecycle. */
function lifecycleUnset(carto: CartoSide, object: string): boolean {
  const doc = carto.documents.find((d) => `${String(d.value['kind'])}/${String((d.value['metadata'] as Record<string, unknown> | undefined)?.['name'])}` === object);
  const spec = doc?.value['spec'];
  return typeof spec === 'object' && spec !== null && (spec as Record<string, unknown>)['lifecycle'] === undefined;
}

/** The resource of `names` that comes first in the owner's blueprint. */
function earliest(carto: CartoOwner | undefined, names: readonly string[]): string | undefined {
  const order = carto?.report.blueprint?.resources.map((r) => r.name) ?? [];
  return [...names].sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
}

/** `apiVersion kind namespace/name` of a named object (generateName's are never the same twice). */
function identity(object: JsonObject): string | undefined {
  const metadata = object['metadata'] as JsonObject | undefined;
  const name = metadata?.['name'];
  return typeof name === 'string' && name !== '' ? `${String(object['apiVersion'])} ${String(object['kind'])} ${String(metadata?.['namespace'] ?? '')}/${name}` : undefined;
}

/** The versions of the object of `resource` refharness submitted before it in the run (it patched the object from them). */
function earlierVersions(ref: ReferenceOwner, resource: string, submittedBefore: readonly JsonObject[]): JsonObject[] {
  const at = ref.objects.findIndex((o) => o.resource === resource);
  const id = at < 0 ? undefined : identity(ref.objects[at]!.object);
  return id === undefined ? [] : [...submittedBefore, ...ref.objects.slice(0, at).map((o) => o.object)].filter((o) => identity(o) === id);
}

/** A null outside lists: a merge patch to this object deletes that field (unless the stored
 *  version kept the same null, which a core kind's typed storage does not). */
function hasNullField(value: unknown): boolean {
  if (value === null) return true;
  return typeof value === 'object' && !Array.isArray(value) && Object.values(value).some(hasNullField);
}

const through = (resource: string | undefined): Allowance | undefined => (resource === undefined ? undefined : { compareThrough: resource, failureParity: false });

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    name: 'all-or-nothing',
    status: 'deliberate',
    reason: 'carto render prints nothing and exits 1 when any owner has an error (stdout is meant for kubectl apply); the controller goes on after a failing resource and owner, so refharness prints what did stamp. The library render() returns what carto would stamp, and that is compared; carto must fail exactly for the owners the controller reports an error for. (A --keep-going flag is issue 18.)',
    cliPrintsNothing: (carto) => !carto.result.ok,
  },
  {
    name: 'admission-webhooks',
    status: 'deliberate',
    reason: 'refharness refuses a template or blueprint the admission webhook would deny, and then stamps without it; carto render stamps it as written and warns with the webhook\'s words (an error with --strict). The validating run is compared verdict for verdict; the objects are compared on the run without validation.',
    verdictsOnly: (validated) => validated.admission.size > 0,
  },
  {
    name: 'runnables',
    status: 'deliberate',
    reason: 'refharness drives Workloads and Deliverables only; carto also renders the Runnables in the inputs (what their ClusterRunTemplates stamp).',
    cartoOnlyObject: (object) => object.via === 'runnable',
  },
  {
    name: 'duplicate-resource-names',
    status: 'deliberate',
    reason: 'a blueprint with two resources of one name is refused by the webhook, so on a cluster nothing is realized through it; carto reports it as an error and realizes nothing through it (render does not warn and go on, as for the other webhook rules: which resource would be which is anyone\'s guess). The controller without its webhook realizes it.',
    owner: ({ carto }) => (carto?.errors.some((d) => d.code === 'duplicate-resource-name') ? { objects: false, failureParity: false, status: false } : undefined),
    withoutMocks: true,
  },
  {
    name: 'webhook-refused-blueprints-in-status',
    status: 'deliberate',
    reason: 'carto status takes a blueprint the webhook refuses for its structure (a resource named twice, an input naming a resource it does not have) as not on the cluster: an owner it would select is reported without it (SupplyChainNotFound, or another blueprint), as the controller with its webhooks reports it (test/status/refharness.test.ts compares such fixtures with refharness run with its webhooks). The reference here runs without webhooks and realizes the blueprint (and when its selector is invalid, fails every owner\'s selection on it), so neither the objects nor the status of such an owner are compared for carto status.',
    owner: ({ carto, realization }) => (realization === 'status' && (carto as CartoStatusOwner | undefined)?.refused ? { objects: false, failureParity: false, status: false } : undefined),
    withoutMocks: true,
  },
  {
    name: 'template-both-sources',
    status: 'deliberate',
    reason: 'a template with both spec.template and spec.ytt is refused by the webhook; without it the controller stamps spec.template and ignores the ytt. carto reports it as an error for the resource that uses it and stamps nothing for it (it will not pick one body in silence). That object and those after it are not compared, nor the status.',
    owner: ({ carto }) => {
      const r = carto?.errors.find((d) => d.code === 'template-source')?.resource;
      return r ? { compareBefore: r, failureParity: false, status: false } : undefined;
    },
    withoutMocks: true,
  },
  {
    name: 'forward-reference',
    status: 'deliberate',
    reason: 'an input naming a later resource is never satisfied: the controller realizes the resource without it, carto also reports it as an error (README, Fidelity notes).',
    owner: ({ carto }) => (carto?.errors.some((d) => d.code === 'forward-reference') ? { extraCartoError: (code) => code === 'forward-reference' } : undefined),
  },
  {
    name: 'mocked-outputs',
    status: 'deliberate',
    reason: 'an output only a live object has (a status nobody supplied) is missing for the controller, so what reads it is not stamped; carto stamps it with a mock and a note (render\'s job is to show the objects). Objects after the first mocked output are not compared. To be replaced by the no-mocks realization of `carto status` once it merges.',
    owner: ({ carto }) => through(firstResource(carto, (r) => r.outputs.some((o) => o.provenance === 'mock'))),
  },
  {
    name: 'api-server-refusals',
    status: 'deliberate',
    reason: 'an object the API server would refuse is stamped by carto: with a warning when its name or a label value is invalid, or it has no name (an error with --strict); the rest of the object is judged against its schema only with --validate (a ConfigMap\'s data that are not strings, no kind). On a cluster the apply fails, the resource has no outputs, and what reads them is not stamped (refharness\'s fake API server refuses some of these: core kinds that do not decode, no name, no kind — "unable to apply object"). That object and those after it are not compared.',
    owner: ({ ref, carto }) => {
      const refusedByController = [...(ref?.errors ?? [])].filter(([, message]) => message.startsWith('unable to apply object')).map(([resource]) => resource);
      const warnedByCarto = (carto?.objects ?? []).filter((o) => stampedMetaProblems(o.object).length > 0 || carto!.notices.some((d) => d.code === 'no-name' && d.resource === o.resource)).map((o) => o.resource);
      const first = earliest(carto, [...refusedByController, ...warnedByCarto]);
      return first === undefined ? undefined : { compareBefore: first, failureParity: false, status: false };
    },
    withoutMocks: true,
  },
  {
    name: 'deployment-assumed-ready',
    status: 'deliberate',
    reason: 'a ClusterDeploymentTemplate whose observedMatches/observedCompletion read what only the live object has is taken as complete by carto (with a note); the controller, on a fresh cluster, finds its condition not met (README, Fidelity notes).',
    owner: ({ carto }) => through(carto?.notices.find((d) => d.code === 'deployment-assumed-ready')?.resource),
  },
  {
    name: 'controller-panic',
    status: 'reference-limit',
    reason: 'Cartographer v0.8.11\'s realizer panics on two inputs, and then nothing it did is an answer: a ClusterDelivery with two resources of one name (statuses.resourceStatuses.Add: slice bounds out of range; its webhook refuses such a delivery, and carto reports the duplicate name as an error), and observedMatches whose input and output are both lists or both maps (Go\'s == on them; carto says the deployment is not ready, with the panic\'s words). Only the webhook verdicts are compared.',
    ownersIncomparable: (reference, validated) => reference.panic !== undefined && (validated.admission.size > 0 || reference.panic.includes('comparing uncomparable type')),
  },
  {
    name: 'crd-defaults',
    status: 'reference-limit',
    reason: 'refharness has no API server to apply the CRD\'s defaults before the webhook: a template with a retentionPolicy and no lifecycle is mutable on a cluster (lifecycle defaults to mutable), and the webhook refuses it; refharness sees an empty lifecycle and lets it in. carto follows the cluster.',
    cartoOnlyVerdict: (object, messages, carto) =>
      messages.every((m) => m === 'invalid template: if lifecycle is mutable, no retention policy may be set') && lifecycleUnset(carto, object),
  },
  {
    name: 'health-assumed',
    status: 'deliberate',
    reason: 'an immutable or tekton template gives outputs only from a healthy object; on a fresh cluster the controller cannot tell yet (no status), so it has none and what reads them is not stamped. render takes such an object as healthy, with a note (health-assumed), and reads its outputs (README, Health rules and lifecycles); carto status does not. Objects after it are not compared.',
    owner: ({ carto }) => through(carto?.notices.find((d) => d.code === 'health-assumed')?.resource),
  },
  {
    name: 'generated-names',
    status: 'deliberate',
    reason: 'an object stamped with generateName gets the rest of its name from the API server, at random: carto status names it by its prefix (README, Status), the controller\'s status by the name it got; an output read from its metadata (its name) is the API server\'s to give, so carto status waits for it where the controller has it (objects after it are not compared without mocks, nor the status).',
    owner: ({ carto, realization }) => {
      if (realization !== 'status') return undefined;
      const r = carto?.report.resources.find((x) => {
        const metadata = x.object?.['metadata'] as JsonObject | undefined;
        const paths = [x.template?.urlPath, x.template?.revisionPath, x.template?.imagePath, x.template?.configPath];
        return metadata?.['generateName'] !== undefined && metadata['name'] === undefined && paths.some((p) => p !== undefined && /^[{.]*metadata/.test(p));
      });
      return r ? { compareThrough: r.resource.name, status: false } : undefined;
    },
    withoutMocks: true,
    referenceStatus: (status, carto) => {
      const prefixes = carto.objects.flatMap((o) => {
        const generated = (o.object['metadata'] as JsonObject | undefined)?.['generateName'];
        return typeof generated === 'string' && generated !== '' ? [generated] : [];
      });
      let text = JSON.stringify(status);
      for (const prefix of prefixes) text = text.split(prefix).map((part, i) => (i === 0 ? part : part.replace(/^[bcdfghjklmnpqrstvwxz2456789]{5}/, ''))).join(prefix);
      return JSON.parse(text) as JsonObject;
    },
  },
  {
    name: 'existing-status',
    status: 'deliberate',
    reason: 'carto status computes one reconcile on a fresh cluster: a status in the input is replaced, not continued; the controller keeps what it does not rewrite (a ref\'s other fields, conditions of earlier reconciles) (README, Status).',
    owner: ({ carto }) => (carto?.report.owner.object['status'] !== undefined ? { status: false } : undefined),
    withoutMocks: true,
  },
  {
    name: 'supplied-outputs',
    status: 'reference-limit',
    reason: 'refharness takes an output from the outputs file wherever Cartographer could not read it, even where the controller would read none however the live object looked (an immutable or tekton object not known healthy, a deployment whose condition is not met, a passThrough of an input that is not there, a ClusterDeploymentTemplate, whose output is its deployment input and never read from an object; the outputs key may name another blueprint\'s resource of that name); carto status keeps waiting there (render uses the supplied value too). Objects after it are not compared without mocks, nor the status.',
    owner: ({ ref, carto }) => {
      const r = carto?.report.resources.find((x) => ref?.supplied.has(x.resource.name) && (x.outputs.length === 0 || x.failed || x.notReady !== undefined || x.passThrough !== undefined || x.resource.templateRef.kind === 'ClusterDeploymentTemplate'));
      return r ? { compareThrough: r.resource.name, failureParity: false, status: false } : undefined;
    },
    withoutMocks: true,
  },
  {
    name: 'random-placeholder',
    status: 'deliberate',
    reason: 'when several placeholders of one template fail, the controller names one of them, at random (Go\'s map order); carto reports them all (render) and names one in its status (README, Fidelity notes and Status). The controller\'s message must be one of the failures carto found.',
    referenceStatus: (status, carto) => {
      let text = JSON.stringify(status);
      const mine = JSON.stringify(carto.status ?? {});
      const byResource = new Map<string, string[]>();
      for (const d of carto.errors) if (d.resource && d.controllerMessage) byResource.set(d.resource, [...(byResource.get(d.resource) ?? []), JSON.stringify(d.controllerMessage).slice(1, -1)]);
      for (const messages of byResource.values()) {
        const chosen = messages.find((m) => mine.includes(m));
        if (messages.length < 2 || chosen === undefined) continue;
        for (const m of messages) if (m !== chosen) text = text.split(m).join(chosen);
      }
      return JSON.parse(text) as JsonObject;
    },
  },
  {
    name: 'patched-generation',
    status: 'reference-limit',
    reason: 'refharness\'s fake API server (controller-runtime\'s fake client) applies Cartographer\'s merge patch as written: an object stamped a second time in one run (same apiVersion, kind, namespace and name, by another resource or owner) is patched from its first version, which the API server had given metadata.generation and creationTimestamp, so the patch removes them, and Cartographer reads the patched object back. A mutable ClusterDeploymentTemplate\'s observedCompletion then waits for metadata.generation (MissingValueAtPath). A real API server keeps both (a request cannot change them), as carto status does: it judges the object with its generation (1 on a fresh cluster) and writes TemplateStampFailure "cannot satisfy observedCompletion without observedGeneration". That object and those after it are not compared without mocks, nor the status; fixtures test/fixtures/differential/patched-generation-widget and patched-generation-configmap.',
    owner: ({ ref, carto, realization, submittedBefore }) => {
      if (realization !== 'status' || !ref) return undefined;
      const r = carto?.report.resources.find((x) => x.notReady?.kind === 'no-observed-generation' && earlierVersions(ref, x.resource.name, submittedBefore ?? []).length > 0);
      return r ? { compareThrough: r.resource.name, status: false } : undefined;
    },
    withoutMocks: true,
  },
  {
    name: 'restamped-object',
    status: 'deliberate',
    reason: 'an object stamped a second time in one run (same apiVersion, kind, namespace and name: by another resource, or by another owner on the one cluster refharness realizes them all on) is patched from the version before, with a JSON merge patch, and Cartographer reads back what the patch left: a field the new version writes as null is deleted (where the stored version had a value, or had dropped the null, as a core kind\'s typed storage does), so a path to it finds nothing. carto status realizes each owner on a fresh cluster where its objects are as stamped (README, Status), and reads the null. That object and those after it are not compared, nor the status (fixtures test/fixtures/differential/restamped-null-output and restamped-null-first-error).',
    owner: ({ ref, carto, submittedBefore }) => {
      if (!ref) return undefined;
      const r = carto?.report.resources.find((x) => x.object !== undefined && hasNullField(x.object) && earlierVersions(ref, x.resource.name, submittedBefore ?? []).length > 0);
      return r ? { compareThrough: r.resource.name, failureParity: false, status: false } : undefined;
    },
    withoutMocks: true,
  },
  {
    name: 'typed-storage',
    status: 'deliberate',
    reason: 'an immutable or tekton template\'s outputs are read from the object as the API server stored it (the controller lists the objects to find the newest healthy one), and a core kind (apiVersion v1) is stored in its typed fields: a ConfigMap\'s data value written as null comes back as "". carto reads the object as stamped (null): it does not model how each kind decodes. That object and those after it are not compared, nor the status (fixture test/fixtures/differential/typed-storage-null-data).',
    owner: ({ carto }) => {
      const r = carto?.report.resources.find((x) => (x.template?.lifecycle === 'immutable' || x.template?.lifecycle === 'tekton') && x.object?.['apiVersion'] === 'v1' && hasNullField(x.object));
      return r ? { compareThrough: r.resource.name, failureParity: false, status: false } : undefined;
    },
    withoutMocks: true,
  },
];
