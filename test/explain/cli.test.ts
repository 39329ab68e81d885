// `carto explain` through the real binary: the examples and fixtures explained as text and JSON
// (golden files, reviewed by eye), the JSON checked against its documented schema, the text
// within 80 columns, and the command-line contract (the render's flags, exit codes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { carto, ROOT } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'test/explain/explanation.schema.json'), 'utf8'));
const validate = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);

const FIX = 'test/explain/fixtures';
const cases: Array<{ golden: string; args: string[]; status: number }> = [
  { golden: 'web-app.petclinic', args: ['examples/web-app/', '--workload', 'petclinic'], status: 0 },
  { golden: 'web-app.catalog.with-outputs', args: ['examples/web-app/', '--workload', 'apps/catalog', '--outputs', 'examples/web-app/outputs/outputs.yaml'], status: 0 },
  { golden: 'source-to-url.hello-golang', args: ['examples/source-to-url/', '--workload', 'hello-golang'], status: 0 },
  { golden: 'delivery.observed.petclinic', args: ['examples/delivery/', '--workload', 'petclinic', '--observed', 'examples/delivery/observed/'], status: 0 },
  { golden: 'testing.greeter', args: ['examples/testing/', '--workload', 'greeter'], status: 0 },
  { golden: 'ytt.hello-ytt', args: ['examples/ytt/', '--workload', 'hello-ytt'], status: 0 },
  { golden: 'choices.picky', args: [`${FIX}/choices.yaml`, '--workload', 'picky', '--set-output', 'source.revision=main@sha1:0123abc'], status: 0 },
  { golden: 'choices.torn', args: [`${FIX}/choices.yaml`, '--workload', 'torn'], status: 1 },
  { golden: 'choices.stuck', args: [`${FIX}/choices.yaml`, '--workload', 'stuck'], status: 1 },
  { golden: 'legacy.old', args: [`${FIX}/legacy.yaml`, '--workload', 'old'], status: 1 },
];

describe('carto explain explains the examples as their golden files', () => {
  for (const c of cases) {
    it(`explain ${c.args.join(' ')} → test/golden/explain/${c.golden}.txt and .json`, () => {
      const text = carto(['explain', ...c.args]);
      expect(text.status, text.stderr).toBe(c.status);
      expectGolden(`explain/${c.golden}.txt`, text.stdout);
      const json = carto(['explain', ...c.args, '--format', 'json']);
      expect(json.status).toBe(c.status);
      expectGolden(`explain/${c.golden}.json`, json.stdout);
      // Same input, same bytes; the same diagnostics on stderr whatever the format.
      expect(carto(['explain', ...c.args]).stdout).toBe(text.stdout);
      expect(json.stderr).toBe(text.stderr);
    });
  }
});

describe('the controller\'s words', () => {
  it('follow each error on a controller: line, as lint prints them, and are controllerMessage in the JSON (an optional field added to version 1)', () => {
    const args = ['explain', `${FIX}/choices.yaml`, '--workload', 'stuck'];
    const text = carto(args);
    const said = 'expected exactly 1 option to match, found [2] matching options [git, blob] for resource [source] in supply chain [specific]';
    expect(text.stdout).toMatch(/\n {7}controller: expected exactly 1 option to match, found \[2\] matching\n {11}options \[git, blob\]/);
    const json = JSON.parse(carto([...args, '--format', 'json']).stdout) as { version: number; diagnostics: Array<{ code: string; controllerMessage?: string }> };
    expect(json.version).toBe(1);
    expect(json.diagnostics.find((d) => d.code === 'no-option-match')?.controllerMessage).toBe(said);
  });
});

describe('the JSON has the documented shape', () => {
  for (const c of cases) {
    it(`${c.golden}.json matches test/explain/explanation.schema.json`, () => {
      const value = JSON.parse(readFileSync(join(ROOT, 'test/golden/explain', `${c.golden}.json`), 'utf8'));
      const ok = validate(value);
      expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
      expect(ok).toBe(true);
      expect(value.ok).toBe(c.status === 0);
    });
  }

  it('rejects what the schema does not document (the schema is strict)', () => {
    const value = JSON.parse(readFileSync(join(ROOT, 'test/golden/explain/web-app.petclinic.json'), 'utf8'));
    value.resources[0].extra = true;
    expect(validate(value)).toBe(false);
  });

  it('documents every property of the schema in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Explaining a render'), readme.indexOf('\n## ', readme.indexOf('## Explaining a render') + 5));
    const names = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'properties') Object.keys(v as object).forEach((p) => names.add(p));
          walk(v);
        }
      }
    };
    walk(schema);
    for (const name of names) expect(section, `README does not mention ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
  });
});

describe('the text is readable in an 80-column terminal', () => {
  it('keeps every line within 80 columns', () => {
    for (const c of cases) {
      const text = readFileSync(join(ROOT, 'test/golden/explain', `${c.golden}.txt`), 'utf8');
      for (const line of text.split('\n')) expect([...line].length, `${c.golden}: ${line}`).toBeLessThanOrEqual(80);
    }
  });
});

describe('carto explain explains the render the user would get, with the same flags', () => {
  const explainJson = (args: string[]) => JSON.parse(carto(['explain', ...args, '--format', 'json']).stdout);

  it('takes --set-output and --outputs as render does, and says where each value came from', () => {
    const image = 'ghcr.io/me/petclinic@sha256:1111111111111111111111111111111111111111111111111111111111111111';
    const args = ['examples/web-app/', '--workload', 'petclinic', '--set-output', `image-builder.image=${image}`];
    const e = explainJson(args);
    const builder = e.resources.find((r: { name: string }) => r.name === 'image-builder');
    expect(builder.outputs).toEqual([{ field: 'image', value: image, provenance: 'supplied', resource: 'image-builder', path: '.status.latestImage', origin: '--set-output' }]);
    expect(e.mocks.map((m: { resource: string; field: string }) => `${m.resource}.${m.field}`)).toEqual(['source-provider.url', 'source-provider.revision']);
    const withFile = explainJson(['examples/web-app/', '--workload', 'petclinic', '--outputs', 'examples/web-app/outputs/outputs.yaml']);
    const provider = withFile.resources.find((r: { name: string }) => r.name === 'source-provider');
    expect(provider.outputs.map((o: { provenance: string; origin: string }) => `${o.provenance} ${o.origin}`)).toEqual([
      'supplied examples/web-app/outputs/outputs.yaml:4',
      'supplied examples/web-app/outputs/outputs.yaml:4',
    ]);
    expect(withFile.mocks).toEqual([]);
    // …and the value explained is the one render stamps.
    const rendered = parseAllDocuments(carto(['render', ...args]).stdout).map((d) => d.toJS());
    const deployment = rendered.find((o) => o.kind === 'Deployment');
    expect(deployment.spec.template.spec.containers[0].image).toBe(image);
  });

  it('reads outputs from --observed objects as render does', () => {
    const e = explainJson(['examples/delivery/', '--workload', 'petclinic', '--observed', 'examples/delivery/observed/']);
    const source = e.resources[0];
    expect(source.outputs.map((o: { provenance: string }) => o.provenance)).toEqual(['observed', 'observed']);
    expect(source.outputs[0].origin).toMatch(/^examples\/delivery\/observed\/.*:\d+$/);
  });

  it('follows --cartographer and -n', () => {
    expect(explainJson(['examples/source-to-url/', '--workload', 'hello-golang']).semantics).toBe('0.0.6');
    expect(explainJson(['examples/source-to-url/', '--workload', 'hello-golang', '--cartographer', 'current']).semantics).toBe('current');
    const e = explainJson(['examples/source-to-url/', '--workload', 'staging/hello-golang', '-n', 'staging']);
    expect(e.owner.namespace).toBe('staging');
    expect(e.resources[0].object.namespace).toBe('staging');
  });

  it('reads stdin with - and files with -f', () => {
    const input = ['supply-chain.yaml', 'templates.yaml', 'workloads.yaml'].map((f) => readFileSync(join(ROOT, 'examples/web-app', f), 'utf8')).join('\n---\n');
    const fromStdin = carto(['explain', '-', '--workload', 'catalog', '--format', 'json'], { input });
    expect(fromStdin.status).toBe(0);
    expect(JSON.parse(fromStdin.stdout).owner.file).toBe('<stdin>');
    const fromF = carto(['explain', '-f', 'examples/web-app/', '--workload', 'catalog', '--format', 'json']);
    expect(JSON.parse(fromF.stdout).owner.file).toBe('examples/web-app/workloads.yaml');
  });
});

describe('carto explain on the command line', () => {
  it('prints the explanation on stdout and the render\'s diagnostics on stderr', () => {
    const result = carto(['explain', 'examples/web-app/', '--workload', 'petclinic']);
    expect(result.stdout.startsWith('Workload apps/petclinic (examples/web-app/workloads.yaml:3)\n')).toBe(true);
    expect(result.stderr).toMatch(/^note: Workload apps\/petclinic: mocked outputs/m);
    expect(result.stderr).not.toContain('ownerReferences');
  });

  it('still explains an owner that does not render, and exits 1', () => {
    const result = carto(['explain', `${FIX}/choices.yaml`, '--workload', 'torn']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('twin-a: lost (score 1): ties with twin-b');
    expect(result.stderr).toMatch(/^error: .*Workload shop\/torn is selected equally by ClusterSupplyChain twin-a and ClusterSupplyChain twin-b$/m);
  });

  it('exits 1 with an empty stdout when there is nothing to explain', () => {
    for (const args of [
      ['examples/web-app/', '--workload', 'nope'],
      ['examples/testing/', '--workload', 'greeter-nightly'],
      ['examples/web-app/', 'test/explain/fixtures/twins.yaml', '--workload', 'petclinic'],
      ['examples/web-app/', '--outputs', 'test/explain/fixtures/broken.yaml', '--workload', 'petclinic'],
    ]) {
      const result = carto(['explain', ...args]);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).toMatch(/^error: /m);
    }
  });

  it('exits 2 for usage errors', () => {
    for (const args of [
      ['examples/web-app/'],
      ['--workload', 'petclinic'],
      ['examples/web-app/', '--workload', 'petclinic', '--format', 'yaml'],
      ['examples/web-app/', '--workload', 'petclinic', '--set-output', 'nodot'],
      ['does/not/exist', '--workload', 'petclinic'],
    ]) {
      const result = carto(['explain', ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
    }
  });
});
