// The differential test's own machinery, without the binary: refharness's output read back, and a
// comparison that finds a difference planted in an otherwise identical answer (a comparison that
// cannot fail would let every generated case pass) — in render's objects, carto status's and its
// statuses — with known differences applied only where their predicates hold.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { blueprintDoc, ownerDoc, stream } from '../helpers/chains.js';
import { tempTrees } from '../helpers/temp-tree.js';
import { renderWithCarto, type CartoSide } from './carto.js';
import { compareCase } from './compare.js';
import { loadFixtures } from './fixtures.js';
import { KNOWN_DIFFERENCES } from './known-differences.js';
import { readReference, type RefRun } from './refharness.js';
import { compareWith } from './run-case.js';

const tree = tempTrees('carto-diff-compare-');

const template = (urlPath = 'spec.url') => `apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: src}
spec:
  urlPath: ${urlPath}
  revisionPath: spec.revision
  template:
    apiVersion: example.com/v1
    kind: Source
    metadata: {name: $(workload.metadata.name)$-src}
    spec: {url: https://example.com/a.tar.gz, revision: main}
`;
const reader = `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: reader}
spec:
  template:
    apiVersion: example.com/v1
    kind: Reader
    metadata: {name: $(workload.metadata.name)$-reader}
    spec: {url: $(source.url)$}
`;
const chain = blueprintDoc(`  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: src}
  - name: read
    templateRef: {kind: ClusterTemplate, name: reader}
    sources: [{name: s, resource: source}]`);

async function carto(text: string): Promise<CartoSide> {
  return renderWithCarto(tree({ 'in.yaml': text }), undefined);
}

/** What refharness would print if the controller stamped exactly what carto did. */
function echo(side: CartoSide, stderr = ''): RefRun {
  const docs = [...side.owners.values()].flatMap((o) => [
    ...o.objects.map((x) => `---\n# refharness owner: ${o.key}, resource: ${x.resource}\n${stringify(x.object)}`),
    `---\n# refharness owner: ${o.key} (status as Cartographer would write it)\n${stringify({ status: side.statuses.get(o.key)?.status })}`,
  ]);
  return { status: stderr.includes('error:') ? 1 : 0, stdout: docs.join(''), stderr };
}

const compare = (side: CartoSide, run: RefRun) => compareCase({ reference: readReference(run), validated: readReference(run), carto: side });

describe('the comparison', () => {
  it('finds nothing when both answer alike, and the planted difference when one object differs', async () => {
    const side = await carto(stream(template(), reader, chain, ownerDoc()));
    const run = echo(side);
    expect(compare(side, run)).toEqual([]);
    const planted = { ...run, stdout: run.stdout.replace('url: https://example.com/a.tar.gz\n  revision', 'url: https://example.com/b.tar.gz\n  revision') };
    expect(planted.stdout).not.toBe(run.stdout);
    const at = 'resource source: carto != controller at spec.url: "https://example.com/a.tar.gz" != "https://example.com/b.tar.gz"';
    // render's object, and carto status's (without mocks).
    expect(compare(side, planted)).toEqual([{ check: 'stamped', owner: 'Workload dev/w', message: at }, { check: 'status', owner: 'Workload dev/w', message: `without mocks: ${at}` }]);
  });

  it('an owner the controller fails and carto does not is a difference', async () => {
    const side = await carto(stream(template(), reader, chain, ownerDoc()));
    const run = echo(side, 'error: Workload dev/w: resource [read]: unable to stamp object\n');
    expect(compare(side, run).map((d) => d.check)).toEqual(['failure']);
  });

  it('a webhook refusal carto does not give is a difference', async () => {
    const side = await carto(stream(template(), reader, chain, ownerDoc()));
    const run = echo(side, 'error: admission webhook denied ClusterTemplate/reader: invalid template: something\n');
    expect(compare(side, run).map((d) => d.check)).toEqual(['admission']);
  });

  it('mocked-outputs applies only where carto mocked: objects after the mock are not compared, failing is allowed', async () => {
    const side = await carto(stream(template('status.artifact.url'), reader, chain, ownerDoc()));
    const source = side.owners.get('Workload dev/w')!.objects[0]!;
    // The controller cannot read status.artifact.url on a fresh cluster: read is not stamped.
    const run: RefRun = {
      status: 1,
      stdout: `---\n# refharness owner: Workload dev/w, resource: source\n${stringify(source.object)}---\n# refharness owner: Workload dev/w (status as Cartographer would write it)\n${stringify({ status: side.statuses.get('Workload dev/w')?.status })}`,
      stderr: 'warning: Workload dev/w: resource [source]: outputs not available offline: x\nerror: Workload dev/w: resource [read]: unable to stamp object: evaluate tag $(source.url)$: jsonpath returned empty list: source.url\n',
    };
    expect(compare(side, run)).toEqual([]);
    // Without the mock (the path resolves), the same answer is a difference, and carto status writes another status.
    const plain = await carto(stream(template(), reader, chain, ownerDoc()));
    expect(compare(plain, run).map((d) => d.check)).toEqual(['stamped', 'failure', 'status', 'status']);
  });
});

describe('patched-generation (a reference limit: refharness\'s fake client drops metadata.generation on a patch)', () => {
  it('applies to the second stamping of one object in the run only, and is needed there', async () => {
    const f = loadFixtures().find((x) => x.name === 'patched-generation-configmap')!;
    const outcome = await compareWith(f.recorded, f.inputs, f.outputs, { cli: false });
    expect(outcome.differences).toEqual([]);
    const entry = KNOWN_DIFFERENCES.find((k) => k.name === 'patched-generation')!;
    const without = compareCase(outcome.runs, KNOWN_DIFFERENCES.filter((k) => k !== entry));
    expect(without.map((d) => `${d.check} ${d.owner}`)).toEqual(['status Deliverable default/d0', 'status Deliverable prod/d1']);
    // d2 stamps its ConfigMap d2-r11 for the first time (carto and the controller agree): no allowance there.
    const before = [...outcome.runs.reference.owners.values()].slice(0, 2).flatMap((o) => o.objects.map((x) => x.object));
    const d2 = { ref: outcome.runs.reference.owners.get('Deliverable default/d2')!, carto: outcome.runs.carto.statuses.get('Deliverable default/d2')!, realization: 'status' as const, submittedBefore: before };
    expect(d2.carto.report.resources.some((r) => r.notReady?.kind === 'no-observed-generation')).toBe(true);
    expect(entry.owner?.(d2)).toBeUndefined();
    // d1's r22 stamps d1-r11 first, its r23 again: the allowance starts there.
    const d1 = { ref: outcome.runs.reference.owners.get('Deliverable prod/d1')!, carto: outcome.runs.carto.statuses.get('Deliverable prod/d1')!, realization: 'status' as const, submittedBefore: outcome.runs.reference.owners.get('Deliverable default/d0')!.objects.map((x) => x.object) };
    expect(entry.owner?.(d1)).toEqual({ compareThrough: 'r23', status: false });
  });
});

describe("refharness's output, read back", () => {
  it('objects and statuses per owner; errors, warnings, admission refusals and ytt\'s lines that continue an error', () => {
    const ref = readReference({
      status: 1,
      stdout: '---\n# refharness owner: Workload dev/w, resource: r\nkind: A\n---\n# refharness owner: Workload dev/w (status as Cartographer would write it)\nstatus: {observedGeneration: 1}\n',
      stderr: [
        'error: admission webhook denied ClusterTemplate/t: invalid template: must specify one of template or ytt, found both',
        'error: Workload dev/w: resource [y]: unable to apply ytt template: ytt: Error: ',
        '- struct has no .x field or method',
        '    in <toplevel>',
        'warning: Workload dev/w: resource [r]: outputs not available offline: no',
        'error: Deliverable prod/d: no delivery [prod/d] found',
        'note: Workload dev/w: resource [r]: outputs taken from the outputs file',
        '',
      ].join('\n'),
    });
    const w = ref.owners.get('Workload dev/w')!;
    expect(w.objects).toEqual([{ resource: 'r', object: { kind: 'A' } }]);
    expect(w.status).toEqual({ observedGeneration: 1 });
    expect(w.errors.get('y')).toBe('unable to apply ytt template: ytt: Error: \n- struct has no .x field or method\n    in <toplevel>');
    expect([...w.unavailable.keys()]).toEqual(['r']);
    expect(ref.owners.get('Deliverable prod/d')!.ownerError).toBe('no delivery [prod/d] found');
    expect([...ref.admission]).toEqual([['ClusterTemplate/t', 'invalid template: must specify one of template or ytt, found both']]);
    expect(ref.other).toEqual([]);
  });

  it('a panic of the controller\'s code is kept as such', () => {
    const ref = readReference({ status: 2, stdout: '', stderr: 'panic: runtime error: slice bounds out of range [3:2]\n\ngoroutine 1 [running]:\n' });
    expect(ref.panic).toBe('panic: runtime error: slice bounds out of range [3:2]');
  });
});
