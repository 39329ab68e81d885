// The bundled examples render to their reviewed golden files, byte for byte, every time.
// Regenerate a golden only after reading the diff: CARTO_UPDATE_GOLDEN=1 npx vitest run test/examples.test.ts (refused in CI)
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { carto, ROOT } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';

const cases = [
  { golden: 'source-to-url.yaml', args: ['render', '-f', 'examples/source-to-url/'] },
  { golden: 'source-to-url.with-outputs.yaml', args: ['render', '-f', 'examples/source-to-url/', '--outputs', 'examples/source-to-url/outputs/outputs.yaml'] },
  { golden: 'web-app.yaml', args: ['render', '-f', 'examples/web-app/'] },
  { golden: 'web-app.with-outputs.yaml', args: ['render', '-f', 'examples/web-app/', '--outputs', 'examples/web-app/outputs/outputs.yaml'] },
  { golden: 'delivery.yaml', args: ['render', '-f', 'examples/delivery/'] },
  { golden: 'delivery.observed.yaml', args: ['render', '-f', 'examples/delivery/', '--observed', 'examples/delivery/observed/'] },
  { golden: 'testing.yaml', args: ['render', '-f', 'examples/testing/'] },
  { golden: 'testing.expanded.yaml', args: ['render', '-f', 'examples/testing/', '--expand-runnables'] },
  { golden: 'ytt.yaml', args: ['render', '-f', 'examples/ytt/'] },
  { golden: 'validate.yaml', args: ['render', '-f', 'examples/validate/', '--validate'] },
  { golden: 'ytt-package.yaml', args: ['render', '-f', 'examples/ytt-package/config/', '-f', 'examples/ytt-package/hello.yaml', '--data-values-file', 'examples/ytt-package/values.yaml'] },
];

describe('examples render to their golden files', () => {
  for (const c of cases) {
    it(`${c.args.slice(1).join(' ')} → test/golden/${c.golden}`, () => {
      const result = carto(c.args);
      expect(result.stderr).not.toMatch(/^error:/m);
      expect(result.status).toBe(0);
      expectGolden(c.golden, result.stdout);
      // Same input, same bytes.
      expect(carto(c.args).stdout).toBe(result.stdout);
    });
  }
});

describe("the blog's source-to-url supply chain", () => {
  const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Record<string, any>);

  it('stamps the 20 objects the blog cluster showed: GitRepository, Image, Deployment, Service, Ingress per app', () => {
    const objects = docs(carto(['render', '-f', 'examples/source-to-url/']).stdout);
    expect(objects).toHaveLength(20);
    const apps = ['hello-golang', 'hello-nodejs', 'hello-ruby', 'hello-tanzu'];
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(
      apps.flatMap((app) => [`GitRepository/${app}`, `Image/${app}`, `Deployment/${app}`, `Service/${app}`, `Ingress/${app}`]),
    );
    for (const o of objects) {
      expect(o.metadata.namespace).toBe('default');
      expect(Object.keys(o.metadata.labels).filter((k) => k.startsWith('carto.run/'))).toEqual([
        'carto.run/workload-name',
        'carto.run/workload-namespace',
        'carto.run/cluster-supply-chain-name',
        'carto.run/component-name',
        'carto.run/template-kind',
        'carto.run/cluster-template-name',
      ]);
      expect(o.metadata.ownerReferences).toBeUndefined();
    }
  });

  it('uses the supplied blob url and images with the outputs file, and mocks them without it', () => {
    const supplied = docs(carto(['render', '-f', 'examples/source-to-url/', '--outputs', 'examples/source-to-url/outputs/outputs.yaml']).stdout);
    const image = supplied.find((o) => o.kind === 'Image' && o.metadata.name === 'hello-golang')!;
    expect(image.spec.source.blob.url).toBe(
      'http://source-controller.gitops-toolkit.svc.cluster.local./gitrepository/default/hello-golang/1f8f29d92011f329b695223a35bf3f480c05f8a2.tar.gz',
    );
    const deployment = supplied.find((o) => o.kind === 'Deployment' && o.metadata.name === 'hello-ruby')!;
    expect(deployment.spec.template.spec.containers[0].image).toBe(
      'ghcr.io/making/hello-ruby@sha256:5c2bcd9182a62c9fcb191f2f1d9639f0eb86836943093a553d9b00d363223cfe',
    );

    const mocked = carto(['render', '-f', 'examples/source-to-url/']);
    const mockedDocs = docs(mocked.stdout);
    for (const o of mockedDocs.filter((d) => d.kind === 'Deployment')) {
      expect(o.spec.template.spec.containers[0].image).toMatch(/^mock\.invalid\//);
    }
    // One note for the four Workloads, which have the same mocked outputs.
    expect(mocked.stderr).toMatch(/note: 4 owners \(Workload default\/hello-golang, Workload default\/hello-nodejs, Workload default\/hello-ruby, Workload default\/hello-tanzu\): mocked outputs: source-provider url and revision/);
  });

  it('--strict exits 1 with nothing on stdout when outputs are mocked', () => {
    const result = carto(['render', '-f', 'examples/source-to-url/', '--strict']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/error: .*mocked outputs/);
  });

  it('--strict passes once every used output is supplied', () => {
    const result = carto(['render', '-f', 'examples/source-to-url/', '--outputs', 'examples/source-to-url/outputs/outputs.yaml', '--strict']);
    expect(result.status).toBe(0);
    expect(docs(result.stdout)).toHaveLength(20);
  });

  it('renders the Workload fields as the 0.0.6 controller saw them', () => {
    const objects = docs(carto(['render', '-f', 'examples/source-to-url/']).stdout);
    const container = (app: string) => objects.find((o) => o.kind === 'Deployment' && o.metadata.name === app)!.spec.template.spec.containers[0];
    expect(container('hello-golang').env).toEqual([{ name: 'TARGET', value: 'World' }]);
    expect(container('hello-golang').resources).toEqual({});
    // `env: []` went through 0.0.6's re-interpolation, which turns an empty list into null.
    expect(container('hello-tanzu').env).toBeNull();
    // No env and no resources: nil slice and nil pointer are null.
    expect(container('hello-nodejs').env).toBeNull();
    expect(container('hello-nodejs').resources).toBeNull();
    expect(container('hello-ruby').env).toEqual([{ name: 'PORT', value: '8080' }]);
    const repo = objects.find((o) => o.kind === 'GitRepository' && o.metadata.name === 'hello-tanzu')!;
    expect(repo.spec.ref).toEqual({ branch: 'main' });
  });
});

// The ytt package example, as its README says: one command prints what the real ytt pipeline prints.
const YTT = join(ROOT, '../shared/tools/ytt-0.45.9/ytt');
describe.skipIf(!existsSync(YTT))('examples/ytt-package equals the ytt pipeline (needs ../shared/tools/ytt-0.45.9/ytt)', () => {
  const pkg = 'examples/ytt-package';
  it.each([
    ['with the platform values', ['--data-values-file', `${pkg}/values.yaml`]],
    ['with the schema defaults', []],
    ['with a value from -v', ['-v', 'registry.server=registry.internal']],
  ])('%s', (_name, flags) => {
    const ytt = spawnSync(YTT, ['-f', `${pkg}/config/`, ...flags], { cwd: ROOT, encoding: 'utf8' });
    expect(ytt.status).toBe(0);
    const piped = carto(['render', '-f', '-', '-f', `${pkg}/hello.yaml`], { input: ytt.stdout });
    const direct = carto(['render', '-f', `${pkg}/config/`, '-f', `${pkg}/hello.yaml`, ...flags]);
    expect(piped.status).toBe(0);
    expect(direct.status).toBe(0);
    expect(direct.stdout).toBe(piped.stdout);
    // and carto ytt prints what ytt prints
    expect(carto(['ytt', '-f', `${pkg}/config/`, ...flags]).stdout).toBe(ytt.stdout);
  });
});
