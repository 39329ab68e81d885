// carto lint renders the owners of its inputs and reports the stamped objects the API server would
// refuse (test/cli/validate.test.ts covers render --validate and the reports' formats): one
// problem of each kind, at the template line that produced it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carto, ROOT, withoutHints } from '../helpers/cli.js';
import { blueprintDoc, ownerDoc, stream } from '../helpers/chains.js';

const FIXTURE = join(ROOT, 'test/fixtures/validate');

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'carto-lint-stamped-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const templates = readFileSync(join(FIXTURE, 'templates.yaml'), 'utf8').replace('          containers:', '          contaners:');
const crd = readFileSync(join(FIXTURE, 'crd.yaml'), 'utf8');
const params = [['replicas', '"1"'], ['builder', 'Kpack'], ['history', '0'], ['tag', 'Registry/App'], ['created', 'yesterday']];
const workload = `${readFileSync(join(FIXTURE, 'workload.yaml'), 'utf8')}  params:\n${params.map(([n, v]) => `    - name: ${n}\n      value: ${v}\n`).join('')}`;
const lineOf = (needle: string) => templates.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('lint: stamped objects', () => {
  it('reports each problem the API server would refuse, at its template line (a misspelt required field once)', () => {
    const dir = tree({ 'templates.yaml': templates, 'crd.yaml': crd, 'workload.yaml': workload });
    const r = carto(['lint', dir]);
    expect(r.status).toBe(1);
    const lines = withoutHints(r.stdout).split('\n').filter((l) => l.includes('  stamped-')).map((l) => l.replace(/ — .*$/, ''));
    const f = `${dir}/templates.yaml`;
    expect(lines).toEqual([
      `${f}:${lineOf('replicas: $(params.replicas)$')}:17  error  stamped-wrong-type  Deployment dev/app: spec.replicas: expected integer, got string "1"`,
      `${f}:${lineOf('contaners:')}:11  error  stamped-unknown-field  Deployment dev/app: spec.template.spec.contaners: unknown field: did you mean containers?`,
      `${f}:${lineOf('tag: $(params.tag)$')}:12  error  stamped-pattern  Image dev/app: spec.tag: string "Registry/App" does not match ^[a-z0-9./:-]+$`,
      `${f}:${lineOf('kind: $(params.builder)$')}:15  error  stamped-enum  Image dev/app: spec.builder.kind: string "Kpack" is not one of "Builder", "ClusterBuilder"`,
      `${f}:${lineOf('failedBuildHistoryLimit:')}:32  error  stamped-limit  Image dev/app: spec.failedBuildHistoryLimit: integer 0 is below the minimum 1`,
      `${f}:${lineOf('created: $(params.created)$')}:16  error  stamped-format  Image dev/app: spec.created: string "yesterday" is not an RFC 3339 date-time (2006-01-02T15:04:05Z)`,
    ]);
  });

  it('a required field no misspelling explains: at the line of the map that lacks it', () => {
    const fixed = templates.replace('          contaners:', '          containers:');
    const without = fixed.replace('      selector:\n        matchLabels:\n          app: $(workload.metadata.name)$\n', '');
    expect(without).not.toBe(fixed);
    const dir = tree({ 'templates.yaml': without, 'crd.yaml': crd, 'workload.yaml': readFileSync(join(FIXTURE, 'workload.yaml'), 'utf8') });
    const r = carto(['lint', dir]);
    expect(r.status).toBe(1);
    const line = without.split('\n').findIndex((l) => l.includes('replicas: $(params.replicas)$')) + 1;
    expect(withoutHints(r.stdout).split('\n').filter((l) => l.includes('  stamped-'))).toEqual([
      `${dir}/templates.yaml:${line}:7  error  stamped-required  Deployment dev/app: spec.selector: required, and missing — in ClusterTemplate app-deploy`,
    ]);
  });

  it('names the kinds it has no schema for with --strict-schemas, and a CRD version without a schema', () => {
    const schemaless = crd.replace(/ {6}schema:\n[\s\S]*$/, '');
    const dir = tree({ 'templates.yaml': templates.replace('          contaners:', '          containers:'), 'crd.yaml': schemaless, 'workload.yaml': readFileSync(join(FIXTURE, 'workload.yaml'), 'utf8') });
    const r = carto(['lint', dir]);
    expect(r.status).toBe(0);
    expect(withoutHints(r.stdout)).toContain(`${dir}/crd.yaml:3:1  note  crd-without-schema  CustomResourceDefinition images.example.com gives version v1 no openAPIV3Schema: its objects are taken as they are\n`);
    expect(r.stdout).not.toContain('stamped-no-schema');
    const strict = carto(['lint', dir, '--strict-schemas']);
    expect(strict.status).toBe(1);
    expect(withoutHints(strict.stdout).split('\n')).toContain('error  stamped-no-schema  no schema for 1 kind of the stamped objects, so its objects were not validated: Image (example.com/v1)');
  });
});

describe('lint: a mocked value', () => {
  it('where the API server wants another type is a warning naming the mock, not an error', () => {
    const chain = stream(
      'apiVersion: carto.run/v1alpha1\nkind: ClusterConfigTemplate\nmetadata: {name: settings}\nspec:\n  configPath: .status.result\n  template: {apiVersion: example.com/v1, kind: Settings, metadata: {name: s}}',
      'apiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata: {name: cm}\nspec:\n  template:\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: $(workload.metadata.name)$}\n    data: $(config)$',
      blueprintDoc('  - name: settings\n    templateRef: {kind: ClusterConfigTemplate, name: settings}\n  - name: cm\n    templateRef: {kind: ClusterTemplate, name: cm}\n    configs: [{resource: settings, name: settings}]'),
      ownerDoc('Workload', '{name: app, namespace: dev, labels: {app: web}}'),
    );
    const dir = tree({ 'chain.yaml': chain });
    const line = chain.split('\n').findIndex((l) => l.includes('data: $(config)$')) + 1;
    const r = carto(['lint', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${dir}/chain.yaml:${line}:11  warning  stamped-mocked-value  ConfigMap dev/app: data: expected a map, got string "mock-config-settings" — from $(config)$ in ClusterTemplate cm`);
    expect(r.stdout).toContain('    hint: the template got mocked values, which only a live cluster has (settings config): give the real ones with --outputs FILE, --set-output or --observed');
  });

  it('is a warning only for the field whose placeholder reads the mock: a real value beside it stays an error', () => {
    // The config is read from the stamped ConfigMap itself (no mock); the image is mocked.
    const chain = stream(
      'apiVersion: carto.run/v1alpha1\nkind: ClusterImageTemplate\nmetadata: {name: builder}\nspec:\n  imagePath: .status.latestImage\n  template: {apiVersion: example.com/v1, kind: Build, metadata: {name: b}}',
      'apiVersion: carto.run/v1alpha1\nkind: ClusterConfigTemplate\nmetadata: {name: settings}\nspec:\n  configPath: .data\n  params: [{name: port, default: "8080"}]\n  template:\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: $(workload.metadata.name)$-settings}\n    data: {PORT: $(params.port)$}',
      'apiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata: {name: deploy}\nspec:\n  template:\n    apiVersion: v1\n    kind: Pod\n    metadata: {name: $(workload.metadata.name)$}\n    spec:\n      containers:\n      - name: app\n        image: $(images.built.image)$\n        ports:\n        - containerPort: $(configs.settings.config.PORT)$',
      blueprintDoc('  - name: image\n    templateRef: {kind: ClusterImageTemplate, name: builder}\n  - name: settings\n    templateRef: {kind: ClusterConfigTemplate, name: settings}\n  - name: deploy\n    templateRef: {kind: ClusterTemplate, name: deploy}\n    images: [{resource: image, name: built}]\n    configs: [{resource: settings, name: settings}]'),
      ownerDoc('Workload', '{name: app, namespace: dev, labels: {app: web}}', '{params: [{name: port, value: "9090"}]}'),
    );
    const dir = tree({ 'chain.yaml': chain });
    const r = carto(['lint', dir]);
    expect(r.status, r.stdout).toBe(1);
    expect(withoutHints(r.stdout)).toMatch(/error {2}stamped-wrong-type {2}Pod dev\/app: spec\.containers\[0\]\.ports\[0\]\.containerPort: expected integer, got string "9090"/);
    expect(r.stdout).not.toContain('stamped-mocked-value');
    const render = carto(['render', '--validate', dir]);
    expect(render.status).toBe(1);
    expect(render.stdout).toBe('');
  });
});
