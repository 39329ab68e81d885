// The comparison of one case: carto's render (library, and the binary for a sample) against
// refharness's, owner by owner — the objects stamped (ownerReferences aside), whether the owner
// fails, the admission webhooks' verdicts — and carto status's realization (no mocks) object for
// object with the very status the controller writes, with the known differences applied by their
// predicates, never by skipping a case.
import type { CliResult } from '../helpers/cli.js';
import type { CartoOwner, CartoSide, CartoStatusOwner } from './carto.js';
import { ownerKey } from './carto.js';
import { KNOWN_DIFFERENCES, type Allowance, type KnownDifference } from './known-differences.js';
import type { JsonObject, Reference, ReferenceOwner } from './refharness.js';

export interface Difference {
  check: 'reference' | 'global' | 'owners' | 'stamped' | 'failure' | 'objects' | 'admission' | 'cli' | 'status';
  owner?: string;
  message: string;
}

export interface CaseRuns {
  /** refharness without validation (the objects a controller without webhooks stamps). */
  reference: Reference;
  /** refharness with validation (the webhooks' verdicts); the same run as `reference` when it refuses nothing. */
  validated: Reference;
  carto: CartoSide;
  /** The binary on the same case, for a sample. */
  cli?: CliResult;
}

/** An object as compared: ownerReferences aside (carto leaves them out for owners without a uid). */
export function normalized(object: JsonObject): JsonObject {
  const copy = structuredClone(object);
  const metadata = copy['metadata'];
  if (typeof metadata === 'object' && metadata !== null) delete (metadata as JsonObject)['ownerReferences'];
  return copy;
}

/** Where two JSON values first differ (`spec.k0: "a" != "b"`), or undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v));
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) return `${path || '.'}: ${show(a)} != ${show(b)}`;
  if (typeof a !== 'object' || a === null) return Object.is(a, b) || a === b ? undefined : `${path || '.'}: ${show(a)} != ${show(b)}`;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return `${path || '.'}: ${a.length} items != ${(b as unknown[]).length} items`;
  for (const key of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    const d = firstDifference(ao[key], bo[key], Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (d) return d;
  }
  return undefined;
}

/** The objects of an owner up to the cut (a resource name), by the blueprint's order. */
function upTo(objects: ReadonlyArray<{ resource: string; object: JsonObject }>, order: readonly string[], cut: number): Array<{ resource: string; object: JsonObject }> {
  return objects.filter((o) => {
    const i = order.indexOf(o.resource);
    return i < 0 || i <= cut;
  });
}

function compareObjects(key: string, ref: ReferenceOwner, carto: CartoOwner, allowances: readonly Allowance[]): Difference[] {
  if (allowances.some((a) => a.objects === false)) return [];
  const order = carto.report.blueprint?.resources.map((r) => r.name) ?? ref.objects.map((o) => o.resource);
  const cuts = allowances.flatMap((a) => [
    ...(a.compareThrough === undefined ? [] : [order.indexOf(a.compareThrough)]),
    ...(a.compareBefore === undefined || !order.includes(a.compareBefore) ? [] : [order.indexOf(a.compareBefore) - 1]),
  ]).filter((i) => i >= -1);
  const cut = cuts.length > 0 ? Math.min(...cuts) : Infinity;
  const mine = upTo(carto.objects, order, cut);
  const theirs = upTo(ref.objects, order, cut);
  const names = (list: typeof mine) => list.map((o) => o.resource).join(', ') || 'nothing';
  if (names(mine) !== names(theirs)) return [{ check: 'stamped', owner: key, message: `carto stamps ${names(mine)}; the controller stamps ${names(theirs)}` }];
  return mine.flatMap((o, i) => {
    const d = firstDifference(normalized(o.object), normalized(theirs[i]!.object));
    return d ? [{ check: 'stamped' as const, owner: key, message: `resource ${o.resource}: carto != controller at ${d}` }] : [];
  });
}

/** The owner's Ready condition in a status refharness printed. */
export function readyCondition(status: JsonObject | undefined): JsonObject | undefined {
  const conditions = status?.['conditions'];
  return Array.isArray(conditions) ? (conditions as JsonObject[]).find((c) => c['type'] === 'Ready') : undefined;
}

function compareFailure(key: string, ref: ReferenceOwner, carto: CartoOwner, allowances: readonly Allowance[]): Difference[] {
  if (allowances.some((a) => a.failureParity === false)) return [];
  const errors = carto.errors.filter((d) => !allowances.some((a) => a.extraCartoError?.(d.code)));
  const refErrors = [...(ref.ownerError ? [ref.ownerError] : []), ...[...ref.errors].map(([r, m]) => `resource [${r}]: ${m}`)];
  // An output the controller cannot read is only a warning on refharness's stderr, but some such
  // failures (a passThrough of an input that is not there) make the owner's Ready False.
  const ready = readyCondition(ref.status);
  if (refErrors.length === 0 && ready?.['status'] === 'False') refErrors.push(`Ready False: ${String(ready['reason'])}: ${String(ready['message'])}`);
  if ((errors.length > 0) === (refErrors.length > 0)) return [];
  return [{
    check: 'failure',
    owner: key,
    message: errors.length > 0
      ? `carto fails (${errors.map((d) => `${d.code}: ${d.message}`).join('; ')}); the controller reports no error`
      : `the controller fails (${refErrors.join('; ')}); carto reports no error`,
  }];
}

function compareOwners(runs: CaseRuns, known: readonly KnownDifference[]): Difference[] {
  const out: Difference[] = [];
  const { reference: ref, carto } = runs;
  // What refharness submitted for the owners it realized before this one (in its order), on the one fake cluster.
  const submittedBefore: JsonObject[] = [];
  for (const key of new Set([...ref.owners.keys(), ...carto.owners.keys()])) {
    const theirs = ref.owners.get(key);
    const mine = carto.owners.get(key);
    if (!theirs || !mine) {
      out.push({ check: 'owners', owner: key, message: theirs ? 'carto does not render this owner' : 'the controller does not realize this owner' });
      continue;
    }
    const before = [...submittedBefore];
    submittedBefore.push(...theirs.objects.map((o) => o.object));
    const allowances = known.flatMap((k) => k.owner?.({ ref: theirs, carto: mine, realization: 'render', submittedBefore: before }) ?? []);
    out.push(...compareObjects(key, theirs, mine, allowances), ...compareFailure(key, theirs, mine, allowances));
    out.push(...compareWithoutMocks(key, theirs, carto.statuses.get(key), known, before));
  }
  // Every object carto stamps belongs to an owner refharness realizes, or is one it never prints.
  for (const stamped of carto.result.objects) {
    if (known.some((k) => k.cartoOnlyObject?.(stamped))) continue;
    if (stamped.via !== 'blueprint' || !ref.owners.has(ownerKey(stamped.owner))) out.push({ check: 'objects', message: `carto stamps a ${String(stamped.object['kind'])} the controller never would` });
  }
  return out;
}

/** The webhooks' verdicts: the objects refused, and the words (the webhook stops at its first rule; carto lists every rule). */
function compareAdmission(validated: Reference, carto: CartoSide, known: readonly KnownDifference[]): Difference[] {
  const out: Difference[] = [];
  for (const [object, message] of validated.admission) {
    const mine = carto.admission.get(object);
    if (!mine) out.push({ check: 'admission', message: `the webhook refuses ${object} (${message}); carto finds nothing wrong` });
    else if (!mine.includes(message)) out.push({ check: 'admission', message: `the webhook refuses ${object} with "${message}"; carto says ${mine.map((m) => `"${m}"`).join(', ')}` });
  }
  for (const [object, mine] of carto.admission) {
    if (!validated.admission.has(object) && !known.some((k) => k.cartoOnlyVerdict?.(object, mine, carto))) out.push({ check: 'admission', message: `carto says the webhook refuses ${object} (${mine.join('; ')}); the webhook accepts it` });
  }
  return out;
}

function compareCli(cli: CliResult, carto: CartoSide, known: readonly KnownDifference[]): Difference[] {
  if (known.some((k) => k.cliPrintsNothing?.(carto))) {
    return cli.status === 1 && cli.stdout === '' ? [] : [{ check: 'cli', message: `carto render should exit 1 and print nothing (the render has errors); it exits ${cli.status} with ${cli.stdout.length} characters on stdout` }];
  }
  if (cli.status !== 0) return [{ check: 'cli', message: `carto render exits ${cli.status} where the library renders without error: ${cli.stderr.slice(0, 500)}` }];
  const items = (JSON.parse(cli.stdout) as { items: JsonObject[] }).items;
  const d = firstDifference(items.map(normalized), carto.result.objects.map((o) => normalized(o.object)));
  return d ? [{ check: 'cli', message: `carto render's objects differ from the library's at ${d}` }] : [];
}

/**
 * The owner as `carto status` realizes it — without mocks, as the controller on a fresh cluster —
 * against the controller: the same objects (ownerReferences aside), and the very status it writes
 * (lastTransitionTime aside). Only the known differences marked `withoutMocks` apply here.
 */
function compareWithoutMocks(key: string, ref: ReferenceOwner, mine: CartoStatusOwner | undefined, known: readonly KnownDifference[], submittedBefore: readonly JsonObject[]): Difference[] {
  if (!mine) return [{ check: 'status', owner: key, message: 'carto status does not realize this owner' }];
  const allowances = known.filter((k) => k.withoutMocks).flatMap((k) => k.owner?.({ ref, carto: mine, realization: 'status', submittedBefore }) ?? []);
  const objects = compareObjects(key, ref, mine, allowances).map((d) => ({ ...d, check: 'status' as const, message: `without mocks: ${d.message}` }));
  if (allowances.some((a) => a.status === false) || !ref.status) return objects;
  const theirs = known.reduce((status, k) => k.referenceStatus?.(status, mine) ?? status, ref.status);
  const d = firstDifference(withoutTimes(mine.status), withoutTimes(theirs));
  return d ? [...objects, { check: 'status', owner: key, message: `status: carto != controller at ${d}` }] : objects;
}

/** A status without the time of each transition (only the API server's clock decides it). */
function withoutTimes(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutTimes);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'lastTransitionTime').map(([k, x]) => [k, withoutTimes(x)]));
}

/** Every difference between carto and the controller on one case that no known difference accounts for. */
export function compareCase(runs: CaseRuns, known: readonly KnownDifference[] = KNOWN_DIFFERENCES): Difference[] {
  const out: Difference[] = [];
  for (const other of [...runs.reference.other, ...runs.validated.other]) out.push({ check: 'reference', message: `refharness: ${other}` });
  for (const d of runs.carto.globalErrors) out.push({ check: 'global', message: `carto fails the whole render: ${d.code}: ${d.message}` });
  if (runs.reference.panic && !known.some((k) => k.ownersIncomparable?.(runs.reference, runs.validated))) out.push({ check: 'reference', message: `refharness panics: ${runs.reference.panic}` });
  if (!known.some((k) => k.ownersIncomparable?.(runs.reference, runs.validated))) out.push(...compareOwners(runs, known));
  out.push(...compareAdmission(runs.validated, runs.carto, known));
  if (runs.cli) out.push(...compareCli(runs.cli, runs.carto, known));
  return out;
}
