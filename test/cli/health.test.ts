// Health rules and lifecycles through the real binary: an immutable or tekton resource hands on
// outputs only from a healthy object, by each form of health rule; with no live object, Unknown
// is taken as healthy (a note says so); --observed changes the verdict; a mutable resource's
// outputs never depend on it. And Cartographer's `immutables` scenario, which stops at
// final-configmap with revision main and stamps it with revision dev.
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { blueprintDoc, configMapTemplate, ownerDoc, stream } from '../helpers/chains.js';
import { carto } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';

type Doc = { kind: string; metadata: { name?: string; generateName?: string }; data?: Record<string, string>; spec?: Record<string, unknown> };
const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Doc);
const tree = tempTrees('carto-health-');

/**
 * A supply chain: `checked` (the template under test, a ClusterSourceTemplate stamping a Run
 * whose url and revision are in its spec) feeds `consumer`, a ConfigMap of its outputs.
 * `spec` holds the template's lifecycle and healthRule lines (indented two spaces).
 */
function chain(spec: string, run = ''): string {
  const checked = `apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: checked}
spec:
${spec}
  urlPath: .spec.url
  revisionPath: .spec.revision
  template:
    apiVersion: example.com/v1
    kind: Run
    metadata: {generateName: w-run-}
    spec: {url: https://example.com/src.tgz, revision: r1}
${run}`;
  return stream(
    checked,
    configMapTemplate('consumer', '{url: $(source.url)$}'),
    blueprintDoc(`  - {name: checked, templateRef: {kind: ClusterSourceTemplate, name: checked}}
  - {name: consumer, templateRef: {kind: ClusterTemplate, name: consumer}, sources: [{resource: checked, name: src}]}`),
    ownerDoc(),
  );
}

/** A live Run of resource `checked`, as `kubectl get runs -o yaml` shows it. */
function liveRun(name: string, created: string, conditions: string, lifecycle = 'immutable'): string {
  return `apiVersion: example.com/v1
kind: Run
metadata:
  name: ${name}
  namespace: dev
  creationTimestamp: "${created}"
  labels:
    carto.run/workload-name: w
    carto.run/workload-namespace: dev
    carto.run/supply-chain-name: sc
    carto.run/resource-name: checked
    carto.run/template-kind: ClusterSourceTemplate
    carto.run/cluster-template-name: checked
    carto.run/template-lifecycle: ${lifecycle}
spec: {url: https://example.com/src.tgz, revision: r1}
status:
  conditions: ${conditions}
`;
}

function render(spec: string, observed?: string, run = '') {
  const dir = tree({ 'chain.yaml': chain(spec, run), ...(observed !== undefined ? { 'live/runs.yaml': observed } : {}) });
  return carto(['render', '-f', `${dir}/chain.yaml`, '--no-owner-references', ...(observed !== undefined ? ['--observed', `${dir}/live`] : [])]);
}

const consumerStamped = (stdout: string) => docs(stdout).find((d) => d.metadata.name === 'consumer')?.data?.['url'];

describe('lifecycle tekton, no health rule: the Succeeded condition', () => {
  const spec = '  lifecycle: tekton';

  it('without a live object the run is taken as healthy, with a note naming the condition it lacks', () => {
    const r = render(spec);
    expect(r.status).toBe(0);
    expect(consumerStamped(r.stdout)).toBe('https://example.com/src.tgz');
    expect(r.stderr).toContain('note: ');
    expect(r.stderr).toContain('the object of resource checked is taken as healthy: lifecycle tekton of ClusterSourceTemplate checked (no health rule: the Succeeded condition) cannot tell yet, as the stamped object has no Succeeded condition (give the live object with --observed to check)');
    expect(r.stderr).toContain('controller: condition with type [Succeeded] not found on resource status');
  });

  it('a live run that failed leaves it without outputs, so the consumer is not stamped', () => {
    const r = render(spec, liveRun('w-run-abc', '2024-05-01T10:00:00Z', '[{type: Succeeded, status: "False", message: "task build failed"}]', 'tekton'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/warning: .*chain\.yaml:\d+:\d+: lifecycle tekton of ClusterSourceTemplate checked \(no health rule: the Succeeded condition\) finds the object of resource checked unhealthy, so it has no outputs: the live object \(.*runs\.yaml:1\) has condition Succeeded False \(task build failed\)\n/);
    expect(r.stderr).toMatch(/^ {4}owner Workload dev\/w, resource checked, ClusterSourceTemplate checked, field spec\.lifecycle$/m);
    expect(r.stderr).toMatch(/^ {4}controller: task build failed$/m);
    expect(r.stderr).toMatch(/error: .*ClusterTemplate consumer: \$\(source\.url\)\$ in spec\.template\.data\.url finds no value\n/);
    expect(r.stderr).toContain('hint: input src comes from resource checked, whose object is not healthy, so it hands on no outputs (see its warning)');
  });

  it('a live run that succeeded hands on its outputs, without a note', () => {
    const r = render(spec, liveRun('w-run-abc', '2024-05-01T10:00:00Z', '[{type: Succeeded, status: "True"}]', 'tekton'));
    expect(r.status).toBe(0);
    expect(consumerStamped(r.stdout)).toBe('https://example.com/src.tgz');
    expect(r.stderr).not.toMatch(/healthy/);
  });

  it('a run still going (Unknown on the live object) is not healthy either', () => {
    const r = render(spec, liveRun('w-run-abc', '2024-05-01T10:00:00Z', '[{type: Succeeded, status: "Unknown", message: "Running"}]', 'tekton'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('finds the object of resource checked not healthy (Unknown), so it has no outputs: the live object');
    expect(r.stderr).toContain('has condition Succeeded Unknown (Running)');
  });
});

describe('lifecycle immutable', () => {
  it('without a health rule every object is healthy: no note, outputs read', () => {
    const r = render('  lifecycle: immutable');
    expect(r.status).toBe(0);
    expect(consumerStamped(r.stdout)).toBe('https://example.com/src.tgz');
    expect(r.stderr).not.toMatch(/healthy/);
  });

  it('alwaysHealthy: no note, even with a failed live object', () => {
    const r = render('  lifecycle: immutable\n  healthRule: {alwaysHealthy: {}}', liveRun('w-run-abc', '2024-05-01T10:00:00Z', '[{type: Ready, status: "False"}]'));
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/healthy/);
  });

  it('singleConditionType: the newest live object the rule finds healthy is the one read, as the controller reads the latest healthy object', () => {
    const runs = [
      liveRun('w-run-old', '2024-05-01T10:00:00Z', '[{type: Ready, status: "True"}]'),
      liveRun('w-run-new', '2024-05-02T10:00:00Z', '[{type: Ready, status: "False", message: "boom"}]'),
    ].join('---\n');
    const r = render('  lifecycle: immutable\n  healthRule: {singleConditionType: Ready}', runs);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/healthy/);
    const failed = render('  lifecycle: immutable\n  healthRule: {singleConditionType: Ready}', runs.split('---\n')[1]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('the health rule of ClusterSourceTemplate checked finds the object of resource checked unhealthy, so it has no outputs: the live object');
    expect(failed.stderr).toContain('has condition Ready False (boom)');
    expect(failed.stderr).toMatch(/field spec\.healthRule\.singleConditionType\n/);
  });

  it('multiMatch on conditions: the unhealthy condition that matches is named, and the hint says how to go on', () => {
    const spec = `  lifecycle: immutable
  healthRule:
    multiMatch:
      healthy: {matchConditions: [{type: Ready, status: "True"}]}
      unhealthy: {matchConditions: [{type: Ready, status: "False"}]}`;
    const r = render(spec, liveRun('w-run-abc', '2024-05-01T10:00:00Z', '[{type: Ready, status: "False", message: "no quota"}]'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('has condition Ready False (no quota), which multiMatch.unhealthy.matchConditions[0] (Ready False) matches');
    expect(r.stderr).toMatch(/field spec\.healthRule\.multiMatch\.unhealthy\.matchConditions\[0\]\n/);
    expect(r.stderr).toMatch(/^ {4}controller: condition status: False, message: no quota$/m);
    expect(r.stderr).toContain('hint: an immutable template hands on outputs only from a healthy object (the newest one); give a live object the rule finds healthy with --observed to render what follows checked');
    // Without the live object the rule cannot tell: taken as healthy, with the healthy requirement it waits for.
    const assumed = render(spec);
    expect(assumed.status).toBe(0);
    expect(assumed.stderr).toContain('the object of resource checked is taken as healthy: the health rule of ClusterSourceTemplate checked cannot tell yet, as no unhealthy requirement matches, and the stamped object has no Ready condition, which multiMatch.healthy.matchConditions[0] (Ready True) does not match (give the live object with --observed to check)');
  });

  it('multiMatch on fields of the stamped object: a verdict every cluster reaches, without --observed', () => {
    const spec = `  lifecycle: immutable
  healthRule:
    multiMatch:
      healthy: {matchFields: [{key: spec.revision, operator: In, values: [r2]}]}
      unhealthy: {matchFields: [{key: spec.revision, operator: NotIn, values: [r2], messagePath: spec.url}]}`;
    const r = render(spec);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the health rule of ClusterSourceTemplate checked finds the object of resource checked unhealthy, so it has no outputs: spec.revision is r1 on the stamped object, which multiMatch.unhealthy.matchFields[0] (NotIn [r2]) matches');
    expect(r.stderr).toMatch(/^ {4}controller: field value: r1, message: https:\/\/example\.com\/src\.tgz$/m);
    expect(r.stderr).toContain('hint: an immutable template hands on outputs only from a healthy object, and this verdict comes from what the template stamps, so a cluster reaches it too');
  });
});

describe('Cartographer 0.0.6', () => {
  it('had neither lifecycles nor health rules: a failed live run does not stop the outputs', () => {
    const dir = tree({ 'chain.yaml': chain('  lifecycle: tekton'), 'live/runs.yaml': liveRun('w-run-abc', '2024-05-01T10:00:00Z', '[{type: Succeeded, status: "False"}]', 'tekton') });
    const r = carto(['render', '-f', `${dir}/chain.yaml`, '--no-owner-references', '--observed', `${dir}/live`, '--cartographer', '0.0.6']);
    expect(r.status).toBe(0);
    expect(consumerStamped(r.stdout)).toBe('https://example.com/src.tgz');
    expect(r.stderr).not.toMatch(/healthy/);
  });
});

describe('lifecycle mutable', () => {
  it('outputs are read whatever the health rule says', () => {
    const r = render('  healthRule: {singleConditionType: Ready}', undefined, '    status: {conditions: [{type: Ready, status: "False"}]}\n');
    expect(r.status).toBe(0);
    expect(consumerStamped(r.stdout)).toBe('https://example.com/src.tgz');
    expect(r.stderr).not.toMatch(/healthy/);
  });
});

describe("Cartographer's immutables scenario", () => {
  const dir = 'test/fixtures/health/immutables';

  it('revision main: the immutable object is unhealthy, so final-configmap is not stamped (the controller: TemplateStampFailure)', () => {
    const r = carto(['render', '-f', `${dir}/templates.yaml`, '-f', `${dir}/main`]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('warning: test/fixtures/health/immutables/templates.yaml:37:11: the health rule of ClusterSourceTemplate source-immutable---immutables finds the object of resource immutable-provider unhealthy, so it has no outputs: spec.value.revision is main on the stamped object, which multiMatch.unhealthy.matchFields[0] (NotIn [dev]) matches\n');
    expect(r.stderr).toMatch(/^ {4}controller: field value: main, message: unknown, error retrieving message path \[\]$/m);
    expect(r.stderr).toContain('controller: unable to stamp object for resource [another-provider] for template [ClusterTemplate/final---immutables] in supply chain [supply-chain---immutables]: failed to recursively evaluate template: failed to interpolate template at path [data.rev]: evaluate tag $(source.revision)$: jsonpath returned empty list: source.revision');
    expect(r.stderr).toContain('hint: input immutable-provider comes from resource immutable-provider, whose object is not healthy, so it hands on no outputs (see its warning)');
  });

  it('explain says why final-configmap gets no input: the object of immutable-provider is not healthy', () => {
    const files = ['-f', `${dir}/templates.yaml`, '-f', `${dir}/main`, '--workload', 'petclinic'];
    expect(carto(['explain', ...files]).stdout).toContain('immutable-provider (source) ← immutable-provider: missing, the object of\n         immutable-provider is not healthy\n');
    const json = JSON.parse(carto(['explain', ...files, '--format', 'json']).stdout) as { resources: Array<{ name: string; inputs: Array<{ reason: string | null }> }> };
    expect(json.resources.find((r) => r.name === 'another-provider')?.inputs.map((i) => i.reason)).toEqual(['unhealthy']);
  });

  it('revision dev: healthy, so final-configmap is stamped from its outputs', () => {
    const r = carto(['render', '-f', `${dir}/templates.yaml`, '-f', `${dir}/dev`]);
    expect(r.status).toBe(0);
    const objects = docs(r.stdout);
    expect(objects.map((o) => o.metadata.name ?? o.metadata.generateName)).toEqual(['example-first-configmap', 'my-stamped-resource-inputs-', 'final-configmap']);
    expect(objects[2]!.data).toEqual({ url: 'https://github.com/immutable-template-will-create-a-new-object/while-regular-template-will-modify-an-object.git', rev: 'dev' });
    expect(r.stderr).not.toMatch(/healthy/);
  });
});
