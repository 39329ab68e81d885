// Cartographer's own kuttl scenarios that assert a Workload's or Deliverable's status, as fixtures
// (test/fixtures/kuttl/<scenario>/inputs/ and expected.yaml, the owners as the scenario's assert
// file asserts them; README there says where each came from). For each fixture:
//  - refharness (Cartographer v0.8.11's own realizer, offline) satisfies expected.yaml under
//    kuttl's rule: this checks the fixture, so the other checks measure carto against the truth;
//  - `carto status -o yaml` satisfies expected.yaml too, and writes the very statuses refharness
//    writes (aside from what only time or the API server decide: lastTransitionTime, and
//    observedGeneration where the input gives no metadata.generation);
//  - carto's render stamps the objects refharness prints, resource by resource (ownerReferences
//    aside: the controller sets an owner uid only the API server knows). Render goes on past a
//    missing output with a mock where the controller waits: what a mock reached is left out.
//    Through the library, which says which resource stamped what and what took a mock.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { carto, ROOT } from '../helpers/cli.js';
import { kuttlAssert } from '../helpers/kuttl-match.js';
import { readInputs, render } from '../../src/index.js';
import { mockedOutputsUsed, type OwnerReport } from '../../src/render/index.js';
import { declaredInputs } from '../../src/chain/index.js';

type Obj = Record<string, unknown>;

const FIXTURES = join(ROOT, 'test/fixtures/kuttl');
const REFHARNESS = process.env['CARTO_REFHARNESS'] ?? join(ROOT, '../shared/tools/refharness/refharness');
const hasRefharness = existsSync(REFHARNESS);
const NO_REFHARNESS = `(skipped: no refharness at ${REFHARNESS}; set CARTO_REFHARNESS)`;

/**
 * Fixtures where the controller's own messages vary from run to run, and why: their statuses are
 * compared with refharness's without the messages (expected.yaml asserts none of them).
 */
const UNSTABLE_MESSAGES: Record<string, string> = {
  'values-cannot-be-interpolated':
    "the broken-tag template has two failing placeholders; the controller names whichever Go's random map order reaches first",
};

const fixtures = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(FIXTURES, e.name, 'expected.yaml')))
  .map((e) => e.name)
  .sort();

function documents(text: string): { comment: string; object: Obj }[] {
  return parseAllDocuments(text).flatMap((doc) => {
    const object = doc.toJS() as unknown;
    const comment = `${doc.commentBefore ?? ''}${doc.contents?.commentBefore ?? ''}`;
    return object !== null && typeof object === 'object' ? [{ comment, object: object as Obj }] : [];
  });
}

const OWNER_KINDS = new Set(['Workload', 'Deliverable']);
const isOwner = (o: Obj) => o['apiVersion'] === 'carto.run/v1alpha1' && OWNER_KINDS.has(String(o['kind']));

interface Reference {
  owners: Obj[];
  /** The submitted objects by owner (`Kind ns/name`), then by resource. */
  objects: Record<string, Record<string, Obj>>;
}

const referenceCache = new Map<string, Reference>();

/** What refharness prints for the fixture: the owners with their status, and the submitted objects. */
function reference(name: string): Reference {
  const cached = referenceCache.get(name);
  if (cached) return cached;
  const run = spawnSync(REFHARNESS, ['render', '--owner-status', '--no-validate', join(FIXTURES, name, 'inputs')], { encoding: 'utf8', timeout: 30_000 });
  // exit 1 is Cartographer reporting a failing resource: the statuses are printed all the same
  if (run.status !== 0 && run.status !== 1) throw new Error(`refharness exited ${run.status}: ${run.stderr}`);
  const docs = documents(run.stdout);
  const statusDoc = (d: { comment: string }) => d.comment.includes('(status as Cartographer would write it)');
  const objects: Reference['objects'] = {};
  for (const { comment, object } of docs.filter((d) => !statusDoc(d))) {
    const [, owner, resource] = /owner: (\S+ \S+), resource: (\S+)/.exec(comment) ?? [];
    if (owner === undefined || resource === undefined) throw new Error(`refharness printed an object without its owner and resource: ${comment}`);
    (objects[owner] ??= {})[resource] = object;
  }
  const result = { owners: docs.filter(statusDoc).map((d) => d.object), objects };
  referenceCache.set(name, result);
  return result;
}

function expected(name: string): Obj[] {
  return documents(readFileSync(join(FIXTURES, name, 'expected.yaml'), 'utf8')).map((d) => d.object);
}

/** A copy of `value` without the keys named, at any depth. */
function without(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => without(v, keys));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.has(k)).map(([k, v]) => [k, without(v, keys)]));
}

const key = (o: Obj) => {
  const m = (o['metadata'] ?? {}) as Obj;
  return `${String(o['kind'])} ${String(m['namespace'] ?? 'default')}/${String(m['name'] ?? m['generateName'])}`;
};

/**
 * Each owner's status by owner, without what only the API server and time decide: the time of
 * each transition, and observedGeneration for an owner whose input has no metadata.generation
 * (refharness's fake API server gives every owner generation 1; carto writes none it is not given).
 * Without the messages too when `messages` is false.
 */
function statuses(owners: Obj[], generated: ReadonlySet<string>, messages: boolean): Record<string, unknown> {
  const left = new Set(messages ? ['lastTransitionTime'] : ['lastTransitionTime', 'message']);
  return Object.fromEntries(owners.map((o) => {
    const status = without(o['status'], left) as Obj;
    if (!generated.has(key(o))) delete status['observedGeneration'];
    return [key(o), status];
  }));
}

/** The owners whose input gives metadata.generation. */
function withGeneration(name: string): Set<string> {
  const inputs = join(FIXTURES, name, 'inputs');
  const docs = readdirSync(inputs).flatMap((file) => documents(readFileSync(join(inputs, file), 'utf8')).map((d) => d.object));
  return new Set(docs.filter((o) => isOwner(o) && ((o['metadata'] ?? {}) as Obj)['generation'] !== undefined).map(key));
}

const NO_OWNER_REFERENCES = new Set(['ownerReferences']);

/** Resources whose template took a mocked value, directly or through what such a resource stamped. */
function mockReached(report: OwnerReport): Set<string> {
  const reached = new Set(mockedOutputsUsed(report).flatMap((m) => m.users));
  for (const { resource } of report.resources) {
    if (declaredInputs(resource).some((input) => reached.has(input.resource))) reached.add(resource.name);
  }
  return reached;
}

/** What carto's render stamps for the fixture, by owner and resource, leaving out what a mock reached. */
async function cartoObjects(name: string): Promise<Record<string, Record<string, unknown>>> {
  const read = await readInputs([join(FIXTURES, name, 'inputs')]);
  const result = render(read.documents);
  const byOwner: Record<string, Record<string, unknown>> = {};
  for (const report of result.owners) {
    const mocked = mockReached(report);
    const owner = `${report.owner.kind} ${report.owner.namespace}/${report.owner.name}`;
    for (const stamped of result.objects) {
      if (stamped.via !== 'blueprint' || stamped.owner !== report.owner || mocked.has(stamped.resource.name)) continue;
      (byOwner[owner] ??= {})[stamped.resource.name] = without(stamped.object, NO_OWNER_REFERENCES);
    }
  }
  return byOwner;
}

function referenceObjects(name: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(reference(name).objects).map(([owner, byResource]) =>
    [owner, Object.fromEntries(Object.entries(byResource).map(([resource, o]) => [resource, without(o, NO_OWNER_REFERENCES)]))]));
}

describe('the kuttl fixtures', () => {
  it('are there, about thirty of them', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it('are each credited in the README, which names no other', () => {
    const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| ([\w, -]+?) \| (?:supplychain|delivery)\//gm)].flatMap((m) => m[1]!.split(', '));
    expect(rows.sort()).toEqual(fixtures);
  });
});

describe.each(fixtures)('kuttl scenario %s', (name) => {
  it.skipIf(!hasRefharness)(`refharness satisfies expected.yaml ${hasRefharness ? '' : NO_REFHARNESS}`, () => {
    expect(kuttlAssert(expected(name), reference(name).owners)).toEqual([]);
  });

  it('carto status -o yaml satisfies expected.yaml', () => {
    const run = carto(['status', '-o', 'yaml', join(FIXTURES, name, 'inputs')]);
    // exit 0 whenever the statuses could be computed, whatever they say
    expect(run.status, run.stderr).toBe(0);
    const owners = documents(run.stdout).map((d) => d.object).filter(isOwner);
    expect(kuttlAssert(expected(name), owners)).toEqual([]);
    const [generated, messages] = [withGeneration(name), UNSTABLE_MESSAGES[name] === undefined];
    if (hasRefharness) expect(statuses(owners, generated, messages)).toEqual(statuses(reference(name).owners, generated, messages));
  });

  it.skipIf(!hasRefharness)(`carto's render stamps what refharness stamps ${hasRefharness ? '' : NO_REFHARNESS}`, async () => {
    expect(await cartoObjects(name)).toEqual(referenceObjects(name));
  });
});
