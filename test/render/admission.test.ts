// What the admission webhooks would refuse, in render: a template or blueprint kubectl apply could
// not create never reaches the controller, yet render's job is to show what it would stamp. So
// render stamps it as written (as the controller does without its webhooks: Cartographer's own
// kuttl tests run that way) and warns with lint's diagnostic — the same code, words, place and
// webhook message — and --strict makes it an error. Found by the differential test against
// refharness, which refuses such objects unless --no-validate.
import { describe, expect, it } from 'vitest';
import { carto } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';
import { blueprintDoc, ownerDoc, stream } from '../helpers/chains.js';

const tree = tempTrees('carto-admission-');

/** A ClusterDeploymentTemplate without observedMatches or observedCompletion (the webhook refuses it). */
const DEPLOYMENT = `apiVersion: carto.run/v1alpha1
kind: ClusterDeploymentTemplate
metadata: {name: deploy}
spec:
  template:
    apiVersion: example.com/v1
    kind: App
    metadata: {name: $(deliverable.metadata.name)$}
    spec: {url: $(deployment.url)$}
`;
const SOURCE = `apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: source}
spec:
  urlPath: spec.url
  revisionPath: spec.revision
  template:
    apiVersion: example.com/v1
    kind: Source
    metadata: {name: $(deliverable.metadata.name)$}
    spec: {url: https://example.com/app.tar.gz, revision: main}
`;
const DELIVERY = blueprintDoc(`  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: source}
  - name: deploy
    templateRef: {kind: ClusterDeploymentTemplate, name: deploy}
    deployment: {resource: source}`, { kind: 'ClusterDelivery', name: 'd' });
const inputs = () => tree({ 'in.yaml': stream(SOURCE, DEPLOYMENT, DELIVERY, ownerDoc('Deliverable')) });

describe('render and the admission webhooks', () => {
  it('stamps what the webhook would refuse, and warns with lint\'s diagnostic', () => {
    const dir = inputs();
    const r = carto(['render', dir, '-o', 'json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { items: Array<{ kind: string }> }).items.map((o) => o.kind)).toEqual(['Source', 'App']);
    const lint = JSON.parse(carto(['lint', '--format', 'json', dir]).stdout).diagnostics as Array<{ code: string; message: string; line: number; severity: string }>;
    const verdict = lint.find((d) => d.code === 'deployment-observed')!;
    expect(verdict.severity).toBe('error');
    expect(r.stderr).toContain(`warning: ${dir}/in.yaml:${verdict.line}:1: ${verdict.message}\n`);
    expect(r.stderr).toContain('controller: invalid spec: must set exactly one of spec.ObservedMatches and spec.ObservedCompletion\n');
  });

  it('--strict refuses it: an error, and nothing on stdout', () => {
    const r = carto(['render', inputs(), '--strict']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*in\.yaml:\d+:\d+: ClusterDeploymentTemplate deploy: sets neither spec\.observedMatches nor spec\.observedCompletion$/m);
  });

  it('says nothing more where render already fails at the same place (two resources of one name)', () => {
    const chain = blueprintDoc('  - name: r\n    templateRef: {kind: ClusterSourceTemplate, name: source}\n  - name: r\n    templateRef: {kind: ClusterSourceTemplate, name: source}');
    const r = carto(['render', tree({ 'in.yaml': stream(SOURCE.replaceAll('deliverable', 'workload'), chain, ownerDoc()) })]);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter((l) => /^(warning|error): /.test(l)).map((l) => l.replace(/^(\w+): \S+ /, '$1: '))).toEqual([
      'error: ClusterSupplyChain sc: spec.resources[1].name repeats the name r, which another resource already has',
    ]);
  });
});

describe('a templateRef with both a name and options (found by the differential test)', () => {
  const option = (name: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: ${name}}
spec:
  template: {apiVersion: example.com/v1, kind: Note, metadata: {name: $(workload.metadata.name)$}, spec: {from: ${name}}}
`;
  const chain = blueprintDoc(`  - name: r
    templateRef:
      kind: ClusterTemplate
      name: named
      options:
      - {name: opt-a, selector: {matchLabels: {app: web}}}
      - {name: opt-b, selector: {matchLabels: {app: api}}}`);

  it('the controller looks only for the named template before it calls the blueprint Ready: without it, nothing is stamped', () => {
    const r = carto(['render', tree({ 'in.yaml': stream(option('opt-a'), option('opt-b'), chain, ownerDoc()) })]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*ClusterTemplate named is not in the inputs/m);
  });

  it('with the named template there, it stamps with the options', () => {
    const r = carto(['render', tree({ 'in.yaml': stream(option('named'), option('opt-a'), chain, ownerDoc()) }), '-o', 'json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { items: Array<{ spec: { from: string } }> }).items.map((o) => o.spec.from)).toEqual(['opt-a']);
  });
});
