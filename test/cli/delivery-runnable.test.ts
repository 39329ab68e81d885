// Deliveries (Deliverable → ClusterDelivery, ClusterDeploymentTemplate readiness) and Runnables
// (standalone, and stamped by a supply chain with --expand-runnables), through the real CLI.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { carto, ROOT } from '../helpers/cli.js';

const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Record<string, any>);
let dir: string;

function copyExample(name: string): string {
  const target = join(dir, name);
  cpSync(join(ROOT, 'examples', name), target, { recursive: true });
  return target;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carto-delivery-'));
});

describe('Deliverable → ClusterDelivery', () => {
  it('stamps every resource with the deliverable labels, deliverable placeholders and Deliverable params', () => {
    const r = carto(['render', '-f', 'examples/delivery/']);
    expect(r.status).toBe(0);
    const [repo, app, job] = docs(r.stdout);
    expect(repo!.metadata.labels).toEqual({
      'carto.run/deliverable-name': 'petclinic',
      'carto.run/deliverable-namespace': 'apps',
      'carto.run/delivery-name': 'delivery-basic',
      'carto.run/resource-name': 'source-provider',
      'carto.run/template-kind': 'ClusterSourceTemplate',
      'carto.run/cluster-template-name': 'delivery-source',
      'carto.run/template-lifecycle': 'mutable',
    });
    expect(repo!.spec.url).toBe('https://github.com/example/gitops-petclinic');
    expect(app!.kind).toBe('App');
    expect(app!.metadata.labels['carto.run/template-kind']).toBe('ClusterDeploymentTemplate');
    // $(deployment.url)$ is the source-provider's url; the Deliverable's param beats the default.
    expect(app!.spec.fetch[0].http.url).toBe('https://mock.invalid/apps/petclinic/source-provider.tar.gz');
    expect(app!.spec.serviceAccountName).toBe('petclinic-deployer');
    // The deployment's output is its deployment input, passed through to the smoke test.
    expect(job!.metadata.generateName).toBe('petclinic-smoke-test-');
    expect(job!.spec.template.spec.containers[0].env[0].value).toBe('mock-revision-source-provider');
    expect(r.stderr).toMatch(/note: .*the deployment of resource deployer is taken as complete: metadata\.generation, status\.observedGeneration, status\.conditions\[\?\(@\.type=="ReconcileSucceeded"\)\]\.status exist only on the live object/);
  });

  it('passes the deployment through once the observed App has reconciled', () => {
    const r = carto(['render', '-f', 'examples/delivery/', '--observed', 'examples/delivery/observed/', '--strict']);
    expect(r.status).toBe(0);
    const job = docs(r.stdout)[2]!;
    expect(job.spec.template.spec.containers[0].env[0].value).toBe('main@sha1:6b3d1a2e9f0c4d5b8a7e6f1c2d3b4a5e6f7a8b9c');
    expect(r.stderr).not.toMatch(/taken as complete/);
  });

  it('gives a deployment that is not ready no output, so what consumes it fails as the controller would', () => {
    const observed = join(dir, 'live.yaml');
    writeFileSync(observed, readFileSync(join(ROOT, 'examples/delivery/observed/live.yaml'), 'utf8').replace('status: "True"', 'status: "False"'));
    const r = carto(['render', '-f', 'examples/delivery/', '--observed', observed]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'controller: resource [deployer] condition not met: deployment success condition [status.conditions[?(@.type=="ReconcileSucceeded")].status] was: False, expected: True',
    );
    expect(r.stderr).toMatch(/error: .*templates\.yaml:\d+:\d+: .*: \$\(sources\.deployed\.revision\)\$ in \S+ finds no value\n/);
    expect(r.stderr).toMatch(/controller: .*: jsonpath returned empty list: sources\.deployed\.revision\n/);
    expect(r.stderr).toContain("hint: input deployed comes from resource deployer, whose deployment is not ready yet");
  });

  it('checks observedGeneration before the conditions, with the controller wording', () => {
    const observed = join(dir, 'live.yaml');
    writeFileSync(observed, readFileSync(join(ROOT, 'examples/delivery/observed/live.yaml'), 'utf8').replace('observedGeneration: 3', 'observedGeneration: 2'));
    const r = carto(['render', '-f', 'examples/delivery/', '--observed', observed]);
    expect(r.stderr).toContain('controller: resource [deployer] condition not met: status.observedGeneration does not equal metadata.generation: %!s(float64=2) != %!s(float64=3)');
  });

  it('evaluates observedMatches on the stamped object and the observed one', () => {
    const example = copyExample('delivery');
    const templates = join(example, 'templates.yaml');
    writeFileSync(
      templates,
      readFileSync(templates, 'utf8').replace(
        /  observedCompletion:\n(    .*\n)+/,
        '  observedMatches:\n  - input: spec.fetch[0].http.url\n    output: status.fetch.url\n',
      ),
    );
    const live = (url: string) => `apiVersion: kappctrl.k14s.io/v1alpha1\nkind: App\nmetadata:\n  name: petclinic\n  namespace: apps\nstatus:\n  fetch:\n    url: ${url}\n`;
    writeFileSync(join(dir, 'same.yaml'), live('https://mock.invalid/apps/petclinic/source-provider.tar.gz'));
    writeFileSync(join(dir, 'other.yaml'), live('https://example.com/older.tar.gz'));
    expect(carto(['render', '-f', example, '--observed', join(dir, 'same.yaml')]).status).toBe(0);
    const mismatch = carto(['render', '-f', example, '--observed', join(dir, 'other.yaml')]);
    expect(mismatch.status).toBe(1);
    expect(mismatch.stderr).toContain(
      'controller: resource [deployer] condition not met: input [spec.fetch[0].http.url] and output [status.fetch.url] do not match: https://mock.invalid/apps/petclinic/source-provider.tar.gz != https://example.com/older.tar.gz',
    );
  });

  it('observedMatches on two lists: not ready, with the panic the controller meets there (found by the differential test)', () => {
    const example = copyExample('delivery');
    const templates = join(example, 'templates.yaml');
    writeFileSync(templates, readFileSync(templates, 'utf8').replace(/  observedCompletion:\n(    .*\n)+/, '  observedMatches:\n  - input: spec.fetch\n    output: spec.fetch\n'));
    const r = carto(['render', '-f', example]);
    expect(r.stderr).toContain('controller: resource [deployer] condition not met: runtime error: comparing uncomparable type []interface {} (Go\'s == cannot compare two of them: the controller panics here)');
  });

  it('a deployment template without a deployment input has no output: "deployment not found in upstream template"', () => {
    const example = copyExample('delivery');
    const delivery = join(example, 'delivery.yaml');
    writeFileSync(delivery, readFileSync(delivery, 'utf8').replace('    deployment:\n      resource: source-provider\n', ''));
    writeFileSync(join(example, 'templates.yaml'), readFileSync(join(example, 'templates.yaml'), 'utf8').replace('$(deployment.url)$', 'https://example.com/fixed.tgz'));
    const r = carto(['render', '-f', example]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: .*delivery\.yaml:\d+:\d+: resource deployer of ClusterDelivery \S+ has no deployment input to pass on\n/);
    expect(r.stderr).toMatch(/^ {4}controller: deployment not found in upstream template$/m);
  });

  it('no delivery found, a tie, and a Deliverable without labels, in delivery words', () => {
    const example = copyExample('delivery');
    const deliverable = join(example, 'deliverable.yaml');
    const original = readFileSync(deliverable, 'utf8');

    writeFileSync(deliverable, original.replace('deliverable-type: web', 'deliverable-type: worker'));
    let r = carto(['render', '-f', example]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no ClusterDelivery selects Deliverable apps\/petclinic/);
    expect(r.stderr).toContain('controller: no delivery found where full selector is satisfied by labels: map[app.tanzu.vmware.com/deliverable-type:worker]');

    writeFileSync(deliverable, original);
    writeFileSync(join(example, 'twin.yaml'), readFileSync(join(example, 'delivery.yaml'), 'utf8').replace('name: delivery-basic', 'name: delivery-twin'));
    r = carto(['render', '-f', example]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Deliverable apps\/petclinic is selected equally by ClusterDelivery delivery-basic and ClusterDelivery delivery-twin/);
    expect(r.stderr).toContain("controller: deliverable may only match a single delivery's selector");

    writeFileSync(join(example, 'twin.yaml'), '');
    writeFileSync(deliverable, original.replace(/  labels:\n    .*\n/, ''));
    r = carto(['render', '-f', example]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('controller: deliverable has no labels to match to delivery');
  });

  it('renders Workloads and Deliverables from one call, owners in namespace/name order', () => {
    const r = carto(['render', '-f', 'examples/web-app/', '-f', 'examples/delivery/']);
    expect(r.status).toBe(0);
    const sources = r.stdout.split('\n').filter((l) => l.startsWith('# Source: ')).map((l) => l.split(',')[0]);
    expect([...new Set(sources)]).toEqual(['# Source: Workload apps/catalog', '# Source: Deliverable apps/petclinic', '# Source: Workload apps/petclinic']);
  });
});

describe('Runnables', () => {
  it('a Runnable from the inputs stamps its ClusterRunTemplate with $(runnable)$ and $(selected)$', () => {
    const r = carto(['render', '-f', 'examples/testing/', '--workload', 'greeter-nightly']);
    expect(r.status).toBe(0);
    const [run] = docs(r.stdout);
    expect(run).toEqual({
      apiVersion: 'tekton.dev/v1',
      kind: 'PipelineRun',
      metadata: {
        generateName: 'greeter-nightly-',
        namespace: 'apps',
        labels: { 'carto.run/runnable-name': 'greeter-nightly', 'carto.run/run-template-name': 'tekton-source-pipelinerun' },
      },
      spec: {
        pipelineRef: { name: 'developer-defined-tests' },
        params: [
          { name: 'source-url', value: 'https://github.com/example/greeter/archive/refs/heads/main.tar.gz' },
          { name: 'source-revision', value: 'main' },
        ],
      },
    });
    expect(r.stdout).toContain('# Source: Runnable apps/greeter-nightly, ClusterRunTemplate tekton-source-pipelinerun\n');
  });

  it('gets an ownerReference of kind Runnable when the Runnable has a uid', () => {
    const example = copyExample('testing');
    const file = join(example, 'developer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  name: greeter-nightly\n', '  name: greeter-nightly\n  uid: 6d9c3b2a-0000-4000-8000-000000000001\n'));
    const [run] = docs(carto(['render', '-f', example, '--workload', 'greeter-nightly']).stdout);
    expect(run!.metadata.ownerReferences).toEqual([
      { apiVersion: 'carto.run/v1alpha1', kind: 'Runnable', name: 'greeter-nightly', uid: '6d9c3b2a-0000-4000-8000-000000000001', controller: true, blockOwnerDeletion: true },
    ]);
  });

  it('a selector that matches nothing, or several objects, is an error with the controller wording', () => {
    const example = copyExample('testing');
    const file = join(example, 'developer.yaml');
    const original = readFileSync(file, 'utf8');

    writeFileSync(file, original.replace('    apps.tanzu.vmware.com/pipeline: test\nspec:\n  params:', '    apps.tanzu.vmware.com/pipeline: lint\nspec:\n  params:'));
    let r = carto(['render', '-f', example, '--workload', 'greeter-nightly']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error: .*developer\.yaml:\d+:\d+: the selector of Runnable apps\/greeter-nightly did not match any objects/);
    expect(r.stderr).toContain("controller: unable to resolve selector '(apiVersion:tekton.dev/v1 kind:Pipeline labels:map[apps.tanzu.vmware.com/pipeline:test])': 'selector did not match any objects'");

    writeFileSync(join(example, 'second.yaml'), 'apiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata:\n  name: more-tests\n  namespace: apps\n  labels:\n    apps.tanzu.vmware.com/pipeline: test\n');
    writeFileSync(file, original);
    r = carto(['render', '-f', example, '--workload', 'greeter-nightly']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("'selector matched multiple objects'");
    expect(r.stderr).toMatch(/hint: it matches .*developer\.yaml:\d+, .*second\.yaml:1/);
  });

  it('falls back to objects in other namespaces when none is in the Runnable\'s own', () => {
    const example = copyExample('testing');
    const file = join(example, 'developer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  name: developer-defined-tests\n  namespace: apps\n', '  name: developer-defined-tests\n  namespace: shared\n'));
    const r = carto(['render', '-f', example, '--workload', 'greeter-nightly']);
    expect(r.status).toBe(0);
    expect(docs(r.stdout)[0]!.spec.pipelineRef.name).toBe('developer-defined-tests');
  });

  it('a missing ClusterRunTemplate is an error that names it', () => {
    const example = copyExample('testing');
    const file = join(example, 'developer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    name: tekton-source-pipelinerun\n  selector:\n    resource:\n      apiVersion: tekton.dev/v1\n      kind: Pipeline\n    matchingLabels:\n      apps.tanzu.vmware.com/pipeline: test\n  inputs:\n    source-url: https://github', '    name: nightly-run\n  selector:\n    resource:\n      apiVersion: tekton.dev/v1\n      kind: Pipeline\n    matchingLabels:\n      apps.tanzu.vmware.com/pipeline: test\n  inputs:\n    source-url: https://github'));
    const r = carto(['render', '-f', example, '--workload', 'greeter-nightly']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ClusterRunTemplate nightly-run is not in the inputs \(Runnable apps\/greeter-nightly\)/);
  });

  it('a supply chain stamps a Runnable as an ordinary object; --expand-runnables adds what it would stamp', () => {
    const plain = docs(carto(['render', '-f', 'examples/testing/', '--workload', 'greeter']).stdout);
    expect(plain.map((o) => o.kind)).toEqual(['GitRepository', 'Runnable', 'Image']);
    const expanded = carto(['render', '-f', 'examples/testing/', '--workload', 'greeter', '--expand-runnables']);
    expect(docs(expanded.stdout).map((o) => o.kind)).toEqual(['GitRepository', 'Runnable', 'PipelineRun', 'Image']);
    expect(expanded.stderr).toMatch(/note: the output holds the Runnables the supply chains stamp and, after each, what that Runnable would stamp\n\s+hint: apply only one of the two/);
  });

  it('Runnable outputs are read from an observed successful run and become the Runnable status the supply chain reads', () => {
    const example = copyExample('testing');
    const templates = join(example, 'templates.yaml');
    writeFileSync(
      templates,
      readFileSync(templates, 'utf8').replace(
        '    url: spec.params[?(@.name=="source-url")].value',
        '    url: status.results[?(@.name=="tested-url")].value',
      ),
    );
    const run = (name: string, created: string, succeeded: string, url: string) =>
      `- apiVersion: tekton.dev/v1\n  kind: PipelineRun\n  metadata:\n    name: ${name}\n    namespace: apps\n    creationTimestamp: "${created}"\n    labels:\n      carto.run/runnable-name: greeter\n      carto.run/run-template-name: tekton-source-pipelinerun\n  status:\n    conditions:\n    - type: Succeeded\n      status: "${succeeded}"\n    results:\n    - name: tested-url\n      value: ${url}\n`;
    writeFileSync(
      join(dir, 'runs.yaml'),
      `apiVersion: v1\nkind: List\nitems:\n${run('greeter-abc12', '2024-05-01T10:00:00Z', 'True', 'https://example.com/tested-a.tgz')}${run('greeter-def34', '2024-05-02T10:00:00Z', 'False', 'https://example.com/broken.tgz')}`,
    );
    const r = carto(['render', '-f', example, '--workload', 'greeter', '--expand-runnables', '--observed', join(dir, 'runs.yaml')]);
    expect(r.status).toBe(0);
    const image = docs(r.stdout).find((o) => o.kind === 'Image')!;
    // The newest run failed, so the outputs come from the newest successful one.
    expect(image.spec.source.blob.url).toBe('https://example.com/tested-a.tgz');
    // Without a successful run on record, the output is a mock like any other.
    const mocked = carto(['render', '-f', example, '--workload', 'greeter', '--expand-runnables']);
    expect(docs(mocked.stdout).find((o) => o.kind === 'Image')!.spec.source.blob.url).toBe('https://mock.invalid/apps/greeter/source-tester.tar.gz');
  });
});
