// carto's health verdicts and lifecycles against Cartographer v0.8.11's own realizer
// (../shared/tools/refharness/refharness, offline): the Healthy condition of every resource of the
// forms fixture (one per form of health rule, and the cases without one), and the immutables
// scenario — what is stamped, the exit code, the error the controller meets at final-configmap,
// and each resource's Healthy condition. Skipped, saying so, where the binary is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseText, render, type ResourceReport } from '../../src/index.js';
import { carto, ROOT } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';

const HARNESS = join(ROOT, '../shared/tools/refharness/refharness');
const have = existsSync(HARNESS);
const FIXTURES = join(ROOT, 'test/fixtures/health');
const tree = tempTrees('carto-refharness-');

type Condition = { type: string; status: string; reason: string; message?: string };
type Doc = { kind: string; metadata: { name?: string; generateName?: string }; data?: unknown; spec?: unknown; status?: { resources?: Array<{ name: string; conditions: Condition[] }> } };

/** refharness on a directory holding `files`: its exit code, the stamped objects, the owners' status, its stderr. */
function harness(files: readonly string[]) {
  const dir = tree(Object.fromEntries(files.map((f) => [basename(f), readFileSync(f, 'utf8')])));
  const run = spawnSync(HARNESS, ['render', '--owner-status', '--no-validate', dir], { encoding: 'utf8', timeout: 60_000 });
  const docs = parseAllDocuments(run.stdout).map((d) => d.toJS() as Doc);
  const isOwner = (d: Doc) => d.kind === 'Workload' || d.kind === 'Deliverable';
  return { status: run.status, stderr: run.stderr, objects: docs.filter((d) => !isOwner(d)), owners: docs.filter(isOwner) };
}

function cartoReport(files: readonly string[]) {
  const documents = files.flatMap((f) => parseText(readFileSync(f, 'utf8'), f).documents);
  return render(documents, { ownerReferences: false });
}

/** Each resource's Healthy condition as the controller writes it (refharness) and as carto reports it. */
function healthyConditions(owner: Doc | undefined): Record<string, { status: string; reason: string; message: string }> {
  return Object.fromEntries((owner?.status?.resources ?? []).map((r) => {
    const c = r.conditions.find((x) => x.type === 'Healthy') as Condition;
    return [r.name, { status: c.status, reason: c.reason, message: c.message ?? '' }];
  }));
}
const reported = (resources: readonly ResourceReport[]) => Object.fromEntries(resources.filter((r) => r.health).map((r) => [r.resource.name, r.health]));
const identity = (d: { kind: string; metadata: { name?: string; generateName?: string } }) => `${d.kind} ${d.metadata.name ?? `${d.metadata.generateName}*`}`;

describe.skipIf(!have)(`against Cartographer's realizer ${have ? '' : `(skipped: no refharness at ${HARNESS})`}`, () => {
  it('the Healthy condition of every form of health rule, and of every case without one', () => {
    const files = [join(FIXTURES, 'forms.yaml')];
    const expected = healthyConditions(harness(files).owners[0]);
    expect(Object.keys(expected)).toHaveLength(20);
    expect(reported(cartoReport(files).owners[0]!.resources)).toEqual(expected);
  });

  for (const step of ['main', 'dev']) {
    it(`the immutables scenario, revision ${step}: the same objects, exit code, error and Healthy conditions`, () => {
      const files = [join(FIXTURES, 'immutables/templates.yaml'), join(FIXTURES, `immutables/${step}/workload.yaml`)];
      const ref = harness(files);
      const cli = carto(['render', ...files.flatMap((f) => ['-f', f])]);
      expect(cli.status).toBe(ref.status);
      const result = cartoReport(files);
      const objects = result.objects.map((o) => o.object as Doc);
      expect(objects.map(identity)).toEqual(ref.objects.map(identity));
      expect(objects.map((o) => o.data ?? o.spec)).toEqual(ref.objects.map((o) => o.data ?? o.spec));
      expect(reported(result.owners[0]!.resources)).toEqual(healthyConditions(ref.owners[0]));
      // The controller's error where the walk stops (one placeholder of the two, at random).
      for (const line of ref.stderr.split('\n').filter((l) => l.startsWith('error: '))) {
        expect(cli.stderr).toContain(`controller: ${line.replace(/^error: Workload default\/petclinic: resource \[[^\]]+\]: /, '')}`);
      }
      expect(ref.objects.some((o) => o.metadata.name === 'final-configmap')).toBe(step === 'dev');
    });
  }
});
