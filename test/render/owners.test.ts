// renderOwners(): the render owner by owner. It yields each owner with its objects before the
// next is rendered (so that the CLI holds one owner's objects at a time), render() collects
// exactly what it yields, and each owner says whether it failed (what --keep-going leaves out).
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/load/index.js';
import { render, renderOwners, type RenderedOwner, type RenderOptions, type RenderSummary } from '../../src/render/index.js';
import { blueprintDoc, configMapTemplate, ownerDoc, stream } from '../helpers/chains.js';

const CHAIN = stream(
  configMapTemplate('cm', '{owner: $(workload.metadata.name)$, url: $(workload.spec.source.git.url)$}'),
  blueprintDoc('  - name: config\n    templateRef: {kind: ClusterTemplate, name: cm}'),
);
const workload = (name: string, url = 'https://example.com/x.git') =>
  ownerDoc('Workload', `{name: ${name}, namespace: dev, labels: {app: web}}`, `{source: {git: {url: "${url}", ref: {branch: main}}}}`);
const noUrl = (name: string) => ownerDoc('Workload', `{name: ${name}, namespace: dev, labels: {app: web}}`);
const documents = (...owners: string[]) => parseText(stream(CHAIN, ...owners), 'inputs.yaml').documents;

function drain(run: Generator<RenderedOwner, RenderSummary, void>): { owners: RenderedOwner[]; summary: RenderSummary } {
  const owners: RenderedOwner[] = [];
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return { owners, summary: step.value };
    owners.push(step.value);
  }
}

describe('renderOwners', () => {
  it('yields one owner at a time, in output order, before rendering the next', () => {
    const run = renderOwners(documents(workload('b'), workload('a'), workload('c')));
    const first = run.next();
    expect(first.done).toBe(false);
    const owner = first.value as RenderedOwner;
    expect(owner.owner.name).toBe('a');
    expect(owner.objects.map((o) => (o.object['data'] as Record<string, string>)['owner'])).toEqual(['a']);
    expect(drain(run).owners.map((o) => o.owner.name)).toEqual(['b', 'c']);
  });

  it('render() collects exactly what it yields: the same objects, reports and diagnostics', () => {
    const docs = documents(workload('a'), noUrl('b'), workload('c'));
    for (const options of [{}, { strict: true }, { ownerReferences: false }] as RenderOptions[]) {
      const whole = render(docs, options);
      const { owners, summary } = drain(renderOwners(docs, options));
      expect(owners.flatMap((o) => o.objects)).toEqual(whole.objects);
      expect(owners.flatMap((o) => (o.kind === 'owner' ? [o.report] : []))).toEqual(whole.owners);
      expect(summary.diagnostics).toEqual(whole.diagnostics);
      expect(summary.ok).toBe(whole.ok);
    }
  });

  it('says which owners failed: their own errors, and with --strict their mocks', () => {
    const { owners, summary } = drain(renderOwners(documents(workload('a'), noUrl('b'))));
    expect(owners.map((o) => [o.owner.name, o.failed])).toEqual([['a', false], ['b', true]]);
    expect(owners[1]?.diagnostics.map((d) => d.code)).toEqual(['jsonpath-no-result']);
    expect(summary.ok).toBe(false);
    const mocked = stream(
      `apiVersion: carto.run/v1alpha1\nkind: ClusterSourceTemplate\nmetadata: {name: src}\nspec:\n  urlPath: .status.url\n  revisionPath: .status.rev\n  template: {apiVersion: v1, kind: Source, metadata: {name: $(workload.metadata.name)$}}`,
      configMapTemplate('cm', '{url: $(sources.src.url)$}'),
      blueprintDoc('  - name: src\n    templateRef: {kind: ClusterSourceTemplate, name: src}\n  - name: config\n    templateRef: {kind: ClusterTemplate, name: cm}\n    sources: [{resource: src, name: src}]'),
      workload('a'),
    );
    const docs = parseText(mocked, 'inputs.yaml').documents;
    expect(drain(renderOwners(docs)).owners.map((o) => o.failed)).toEqual([false]);
    expect(drain(renderOwners(docs, { strict: true })).owners.map((o) => o.failed)).toEqual([true]);
  });

  it('an invalid stamped name fails every owner stamping it with --strict, though it is said once', () => {
    const chain = stream(configMapTemplate('Bad_Name', '{a: b}'), blueprintDoc('  - name: config\n    templateRef: {kind: ClusterTemplate, name: Bad_Name}'));
    const docs = parseText(stream(chain, workload('a'), workload('b')), 'inputs.yaml').documents;
    const strict = drain(renderOwners(docs, { strict: true }));
    expect(strict.owners.map((o) => o.failed)).toEqual([true, true]);
    expect(strict.summary.diagnostics.filter((d) => d.code === 'stamped-name-invalid')).toHaveLength(1);
    expect(drain(renderOwners(docs)).owners.map((o) => o.failed)).toEqual([false, false]);
  });
});
