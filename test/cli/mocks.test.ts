// Mocks of what only a cluster has and templates the platform installs, through the real binary:
// the stand-in uid, the config shaped like the PodIntent's spec.template, errors that name the
// mock (first with --strict) with the built-in engine and with the real ytt binary, and
// --missing-templates on render, explain and graph.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { carto, ROOT } from '../helpers/cli.js';
import { mockUid } from '../../src/outputs/index.js';

const FIXTURES = 'test/fixtures/mocks';
const fixture = (name: string) => join(FIXTURES, name);
const ALL = ['-f', fixture('own-templates.yaml'), '-f', fixture('platform-templates.yaml'), '-f', fixture('supply-chain.yaml'), '-f', fixture('workload.yaml')];
const OWN = ['-f', fixture('own-templates.yaml'), '-f', fixture('supply-chain.yaml'), '-f', fixture('workload.yaml')];
const YTT = join(ROOT, '../shared/tools/ytt-0.45.9/ytt');
const hasYtt = existsSync(YTT);
const UID = mockUid({ kind: 'Workload', namespace: 'dev', name: 'tanzu-java-web-app' });

const dir = mkdtempSync(join(tmpdir(), 'carto-mocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** own-templates.yaml with config-template reading a field the mocked PodTemplateSpec lacks. */
const failing = join(dir, 'own-templates.yaml');
writeFileSync(failing, readFileSync(fixture('own-templates.yaml'), 'utf8').replace('data.values.config.metadata.labels', 'data.values.config.metadata.annotations'));
const FAILING = ['-f', failing, '-f', fixture('platform-templates.yaml'), '-f', fixture('supply-chain.yaml'), '-f', fixture('workload.yaml')];

type Doc = { kind: string; metadata: { name: string; annotations?: Record<string, string>; ownerReferences?: unknown }; data?: Record<string, string> };
const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Doc);

describe('the stand-in uid is used only when it is in what a template stamped', () => {
  it('a template that names uid in a comment does not fail --strict', () => {
    const chain = join(dir, 'uid-comment.yaml');
    writeFileSync(chain, `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  resources:
  - name: config
    templateRef: {kind: ClusterTemplate, name: t}
---
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
  ytt: |
    #@ load("@ytt:data", "data")
    #! this template sets no uid
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: #@ data.values.workload.metadata.name
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: dev, labels: {app: web}}
spec: {}
`);
    const r = carto(['render', chain, '--strict', '--no-owner-references']);
    expect(r.stderr).not.toContain('metadata.uid');
    expect(r.status).toBe(0);
    writeFileSync(chain, readFileSync(chain, 'utf8').replace('      name: #@ data.values.workload.metadata.name', '      name: #@ data.values.workload.metadata.name\n      annotations:\n        uid: #@ data.values.workload.metadata.uid'));
    const used = carto(['render', chain, '--strict', '--no-owner-references']);
    expect(used.status).toBe(1);
    expect(used.stderr).toContain('metadata.uid');
  });
});

describe('render with mocks of the right shape', () => {
  it('a PodIntent\'s .status.template is its spec.template, read as a PodTemplateSpec; the Workload\'s uid is a stand-in', () => {
    const r = carto(['render', ...ALL]);
    expect(r.status).toBe(0);
    const byName = new Map(docs(r.stdout).map((d) => [`${d.kind}/${d.metadata.name}`, d]));
    const appConfig = byName.get('ConfigMap/tanzu-java-web-app');
    expect(appConfig?.data?.['delivery.yml']).toContain(`example.com/workload-uid: ${UID}\n`);
    expect(appConfig?.data?.['delivery.yml']).toContain('matchLabels:\n      app.kubernetes.io/component: run\n      carto.run/workload-name: tanzu-java-web-app\n');
    expect(byName.get('ConfigMap/tanzu-java-web-app-bundle')?.metadata.annotations).toEqual({
      'example.com/owner-uid': UID,
      'example.com/image': 'mock.invalid/dev/tanzu-java-web-app/image-provider:mock',
    });
    // The stand-in never becomes an ownerReference.
    expect(docs(r.stdout).every((d) => d.metadata.ownerReferences === undefined)).toBe(true);
    expect(r.stderr).toContain('note: Workload dev/tanzu-java-web-app: mocked outputs: source-provider url and revision (.status.artifact.url, .status.artifact.revision), used by image-provider; image-provider image (.status.latestImage), used by config-provider; config-provider config (.status.template: copied from .spec.template of the stamped object), used by app-config, config-writer; mocked metadata.uid, used by app-config, config-writer\n');
    expect(r.stderr).toContain('note: ownerReferences left out');
  });

  it('the same uid on every run', () => {
    const first = carto(['render', ...ALL]);
    expect(first.stdout).toContain(`example.com/owner-uid: ${UID}\n`);
    expect(carto(['render', ...ALL]).stdout).toBe(first.stdout);
  });

  it('an error on a mocked value names it and how to supply it', () => {
    const r = carto(['render', ...FAILING]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*own-templates\.yaml:47: the ytt template \(spec\.ytt\) of \S+ \S+ fails: struct has no \.annotations field or method\n/);
    expect(r.stderr).toContain('    hint: the template got mocked values, which only a live cluster has: config-provider config (a mock of .status.template, copied from .spec.template of the stamped object) reaches it as config input config; give the real ones with --set-output config-provider.config=…, --outputs FILE, or the live objects with --observed FILE\n');
  });

  it('with --strict the first error names the mock', () => {
    const r = carto(['render', ...FAILING, '--strict']);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^error: Workload dev\/tanzu-java-web-app: mocked outputs: .*config-provider config \(\.status\.template: copied from \.spec\.template of the stamped object\), used by app-config/);
    expect(r.stderr.indexOf('struct has no .annotations field')).toBeGreaterThan(0);
  });

  it('a supplied config replaces the mock, and the error is gone', () => {
    const config = JSON.stringify({ metadata: { labels: { app: 'x' }, annotations: { 'a.example.com/b': 'c' } }, spec: { containers: [{ name: 'workload', image: 'registry.example.com/app@sha256:0123' }] } });
    const r = carto(['render', ...FAILING, '--set-output', `config-provider.config=${config}`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('a.example.com/b: c');
  });
});

describe.skipIf(!hasYtt)(`render --ytt with the real ytt 0.45.9 ${hasYtt ? '' : `(skipped: no ytt at ${YTT})`}`, () => {
  it('reads the same stand-in uid and shaped config', () => {
    const builtin = carto(['render', ...ALL]);
    const real = carto(['render', ...ALL, '--ytt', YTT]);
    expect(real.status).toBe(0);
    expect(real.stdout).toBe(builtin.stdout);
  });

  it('an error on a mocked value names it; with --strict the mock comes first', () => {
    const r = carto(['render', ...FAILING, '--ytt', YTT]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('hint: the template got mocked values, which only a live cluster has: config-provider config (a mock of .status.template, copied from .spec.template of the stamped object) reaches it as config input config');
    const strict = carto(['render', ...FAILING, '--ytt', YTT, '--strict']);
    expect(strict.stderr.split('\n')[0]).toMatch(/^error: Workload dev\/tanzu-java-web-app: mocked outputs: /);
  });
});

describe('--missing-templates', () => {
  it('error (the default) stamps nothing, as the controller', () => {
    const r = carto(['render', ...OWN]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    // Two missing templates: one error naming both, each at its place in the supply chain.
    expect(r.stderr).toMatch(/^error: 2 templates are not in the inputs, needed by the owner: Workload \S+\n/);
    expect(r.stderr).toMatch(/^ {4}.*supply-chain\.yaml:12:13: ClusterSourceTemplate source-template is not in the inputs \(resource source-provider\), ClusterSupplyChain source-to-url$/m);
  });

  it('mock renders everything else, with one note naming each missing template', () => {
    const r = carto(['render', ...OWN, '--missing-templates', 'mock']);
    expect(r.status).toBe(0);
    expect(docs(r.stdout).map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['PodIntent/tanzu-java-web-app', 'ConfigMap/tanzu-java-web-app', 'ConfigMap/tanzu-java-web-app-bundle']);
    expect(r.stderr.match(/template-|taken as installed by the platform/g)).toEqual(['taken as installed by the platform']);
    expect(r.stderr).toContain('note: 2 templates are not in the inputs and taken as installed by the platform (--missing-templates mock): ClusterSourceTemplate source-template (resource source-provider of ClusterSupplyChain source-to-url), ClusterImageTemplate image-provider-template (resource image-provider of ClusterSupplyChain source-to-url)');
    expect(r.stderr).toContain('kubectl get clustersourcetemplates,clusterimagetemplates,clusterconfigtemplates,clustertemplates -o yaml > platform-templates.yaml');
  });

  it('explain and graph take the flag too', () => {
    const explained = carto(['explain', ...OWN, '--missing-templates', 'mock', '--workload', 'tanzu-java-web-app']);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toContain('1. source-provider: ClusterSourceTemplate\n   stamps nothing: its template is not in the inputs (--missing-templates mock)\n');
    expect(explained.stdout).toContain('mock: nothing supplied, and ClusterSourceTemplate source-template is\n             not in the inputs');
    const json = JSON.parse(carto(['explain', ...OWN, '--missing-templates', 'mock', '--workload', 'tanzu-java-web-app', '--format', 'json']).stdout) as { resources: Array<{ status: string }> };
    expect(json.resources.map((r) => r.status)).toEqual(['template-missing', 'template-missing', 'stamped', 'stamped', 'stamped']);
    const graph = carto(['graph', ...OWN, '--missing-templates', 'mock', '--workload', 'tanzu-java-web-app', '--format', 'text']);
    expect(graph.status).toBe(0);
    expect(graph.stdout).toContain('├── image-provider  ClusterImageTemplate\n│   ├── input source (source) ← source-provider (mock)\n│   ├── stamps nothing: template image-provider-template is missing\n│   └── outputs image: mock\n');
  });

  it('a mode it does not know is a usage error', () => {
    const r = carto(['render', ...OWN, '--missing-templates', 'ignore']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--missing-templates/);
  });
});
