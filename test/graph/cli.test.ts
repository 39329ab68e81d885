// `carto graph` through the real binary: the bundled examples drawn as DOT, Mermaid and text
// (golden files, reviewed by eye), Graphviz accepting the DOT when `dot` is installed, and the
// command-line contract (data only on stdout, all or nothing, exit codes).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carto, ROOT } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const hasDot = spawnSync('dot', ['-V'], { encoding: 'utf8' }).status === 0;

const cases: Array<{ golden: string; args: string[] }> = [
  { golden: 'source-to-url.dot', args: ['examples/source-to-url/'] },
  { golden: 'source-to-url.mmd', args: ['examples/source-to-url/', '--format', 'mermaid'] },
  { golden: 'source-to-url.txt', args: ['examples/source-to-url/', '--format', 'text'] },
  { golden: 'source-to-url.hello-golang.dot', args: ['examples/source-to-url/', '--workload', 'hello-golang'] },
  { golden: 'source-to-url.hello-golang.with-outputs.txt', args: ['examples/source-to-url/', '--workload', 'hello-golang', '--outputs', 'examples/source-to-url/outputs/outputs.yaml', '--format', 'text'] },
  { golden: 'web-app.dot', args: ['examples/web-app/'] },
  { golden: 'web-app.mmd', args: ['examples/web-app/', '--format', 'mermaid'] },
  { golden: 'web-app.txt', args: ['examples/web-app/', '--format', 'text'] },
  { golden: 'web-app.petclinic.dot', args: ['examples/web-app/', '--workload', 'petclinic'] },
  { golden: 'web-app.petclinic.mmd', args: ['examples/web-app/', '--workload', 'apps/petclinic', '--format', 'mermaid'] },
  { golden: 'web-app.petclinic.txt', args: ['examples/web-app/', '--workload', 'petclinic', '--format', 'text'] },
  { golden: 'web-app.catalog.txt', args: ['examples/web-app/', '--workload', 'catalog', '--format', 'text'] },
  { golden: 'delivery.observed.petclinic.txt', args: ['examples/delivery/', '--workload', 'petclinic', '--observed', 'examples/delivery/observed/', '--format', 'text'] },
  { golden: 'examples.txt', args: ['examples/', '-R', '--format', 'text'] },
  { golden: 'examples.dot', args: ['examples/', '-R'] },
  { golden: 'examples.mmd', args: ['-R', 'examples/', '--format', 'mermaid'] },
  { golden: 'odd.dot', args: ['test/graph/fixtures/odd.yaml'] },
  { golden: 'odd.mmd', args: ['test/graph/fixtures/odd.yaml', '--format', 'mermaid'] },
  { golden: 'odd.txt', args: ['test/graph/fixtures/odd.yaml', '--format', 'text'] },
];

describe('carto graph draws the examples as their golden files', () => {
  for (const c of cases) {
    it(`graph ${c.args.join(' ')} → test/golden/graph/${c.golden}`, () => {
      const result = carto(['graph', ...c.args]);
      expect(result.stderr).not.toMatch(/^error:/m);
      expect(result.status).toBe(0);
      expectGolden(`graph/${c.golden}`, result.stdout);
      // Same input, same bytes.
      expect(carto(['graph', ...c.args]).stdout).toBe(result.stdout);
    });
  }

  it('keeps every line of the text tree within 80 columns', () => {
    for (const c of cases.filter((c) => c.golden.endsWith('.txt'))) {
      const text = readFileSync(join(ROOT, 'test/golden/graph', c.golden), 'utf8');
      for (const line of text.split('\n')) expect([...line].length, `${c.golden}: ${line}`).toBeLessThanOrEqual(80);
    }
  });
});

describe.skipIf(!hasDot)('Graphviz accepts the DOT', () => {
  for (const c of cases.filter((c) => c.golden.endsWith('.dot'))) {
    it(`dot -Tsvg test/golden/graph/${c.golden}`, () => {
      const dot = spawnSync('dot', ['-Tsvg'], { input: readFileSync(join(ROOT, 'test/golden/graph', c.golden), 'utf8'), encoding: 'utf8' });
      expect(dot.stderr).toBe('');
      expect(dot.status).toBe(0);
      expect(dot.stdout).toContain('<svg');
    });
  }
});

describe('carto graph on the command line', () => {
  it('reads stdin with -', () => {
    const input = ['supply-chain.yaml', 'templates.yaml'].map((f) => readFileSync(join(ROOT, 'examples/web-app', f), 'utf8')).join('\n---\n');
    const result = carto(['graph', '-', '--format', 'text'], { input });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(ROOT, 'test/golden/graph/web-app.txt'), 'utf8'));
  });

  it('reads -f and draws one blueprint with --blueprint', () => {
    const result = carto(['graph', '-f', 'examples/delivery/', '-f', 'examples/web-app/', '--blueprint', 'delivery-basic', '--format', 'text']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('ClusterDelivery delivery-basic, selects');
    expect(result.stdout).not.toContain('web-app');
  });

  it('puts only the graph on stdout: the notes of the render go to stderr', () => {
    const result = carto(['graph', 'examples/web-app/', '--workload', 'petclinic']);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('digraph "carto" {\n')).toBe(true);
    expect(result.stderr).toContain('note: Workload apps/petclinic: mocked outputs');
  });

  it('says on stderr, with a warning, which inputs can never be satisfied, and draws them dashed', () => {
    const result = carto(['graph', 'test/graph/fixtures/odd.yaml']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^warning: test\/graph\/fixtures\/odd\.yaml:\d+: ClusterSupplyChain odd: input source of resource first comes from resource second, which is not before it/m);
    expect(result.stderr).toMatch(/^warning: .*input settings of resource second comes from resource nowhere, which is not in the blueprint/m);
    expect(result.stdout).toContain('"ClusterSupplyChain/odd/second" -> "ClusterSupplyChain/odd/first" [label="source (source)\\nnever satisfied: second\\nis not before first", style=dashed];');
  });

  it('is all or nothing: an owner that cannot be rendered gives exit 1, the errors, and an empty stdout', () => {
    // A config output without the fields the deployer reads: its stamping fails.
    const result = carto(['graph', 'examples/web-app/', '--workload', 'petclinic', '--set-output', 'app-config.config=not-a-map']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: examples\/web-app\/templates\.yaml:\d+:\d+: ClusterTemplate app-deployment: \$\(configs\.app-config\.config\.LOG_LEVEL\)\$ in \S+ finds no value$/m);
    const broken = carto(['graph', 'examples/web-app/supply-chain.yaml', 'examples/web-app/workloads.yaml', '--workload', 'petclinic']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^error: .*(is|are) not in the inputs/m);
  });

  it('exits 1 with an empty stdout for an unknown owner, a Runnable, several owners, or no blueprint', () => {
    for (const args of [
      ['examples/web-app/', '--workload', 'nope'],
      ['examples/testing/', '--workload', 'greeter-nightly'],
      ['examples/web-app/', 'test/explain/fixtures/twins.yaml', '--workload', 'petclinic'],
      ['examples/web-app/workloads.yaml'],
      ['examples/web-app/', '--blueprint', 'nope'],
    ]) {
      const result = carto(['graph', ...args]);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).toMatch(/^error: /m);
    }
    expect(carto(['graph', 'examples/testing/', '--workload', 'greeter-nightly']).stderr).toContain('error: Runnable apps/greeter-nightly is stamped from a ClusterRunTemplate');
    expect(carto(['graph', 'examples/web-app/', 'test/explain/fixtures/twins.yaml', '--workload', 'petclinic']).stderr).toContain('error: petclinic names 2 owners: Workload apps/petclinic, Workload staging/petclinic');
  });

  it("marks each resource with carto status's verdict, so the marks agree with carto status's report and the Ready line", () => {
    for (const [dir, owner, extra] of [['examples/web-app/', 'catalog', []], ['examples/web-app/', 'petclinic', []], ['examples/delivery/', 'petclinic', []], ['examples/web-app/', 'petclinic', ['--observed', 'examples/web-app/observed/']]] as const) {
      const graph = carto(['graph', dir, '--workload', owner, '--format', 'text', ...extra]).stdout;
      const report = carto(['status', dir, '--workload', owner, ...extra]).stdout;
      // `  · blocked  deployer …` in the report; `├── · deployer  …` in the graph.
      const fromReport = [...report.matchAll(/^ {2}(\S) \w+ +(\S+)/gm)].map((m) => `${m[1]} ${m[2]}`);
      const fromGraph = [...graph.matchAll(/^[├└]── (\S) (\S+)/gm)].map((m) => `${m[1]} ${m[2]}`);
      expect(fromReport.length, `${dir} ${owner}`).toBeGreaterThan(0);
      expect(fromGraph, `${dir} ${owner}`).toEqual(fromReport);
    }
    // The deployer that render's mocks stamp healthy is blocked for carto status: it is marked blocked.
    expect(carto(['graph', 'examples/web-app/', '--workload', 'catalog', '--format', 'text']).stdout).toContain('├── · deployer  ClusterTemplate app-deployment\n');
  });

  it('says what its marks mean: a legend in text, a comment in DOT and Mermaid; render\'s health when no readiness is computed', () => {
    const text = carto(['graph', 'examples/web-app/', '--workload', 'catalog', '--format', 'text']).stdout;
    expect(text.endsWith('marks: ✓ ready, … waiting, ✗ failed, · blocked (each resource as carto status\n    reports it: no mocks)\n')).toBe(true);
    expect(carto(['graph', 'examples/web-app/', '--workload', 'catalog']).stdout).toContain('\n  // marks: ✓ ready, … waiting, ✗ failed, · blocked (each resource as carto status reports it: no mocks)\n');
    expect(carto(['graph', 'examples/web-app/', '--workload', 'catalog', '--format', 'mermaid']).stdout.split('\n')[1]).toBe('  %% marks: ✓ ready, … waiting, ✗ failed, · blocked (each resource as carto status reports it: no mocks)');
    // With --missing-templates mock carto status does not answer: the marks are render's health, and the legend says so.
    const mocked = carto(['graph', 'examples/web-app/', '--workload', 'catalog', '--format', 'text', '--missing-templates', 'mock']).stdout;
    expect(mocked).toContain('├── ✓ deployer  ClusterTemplate app-deployment\n');
    expect(mocked).toContain('│   └── health: True, AlwaysHealthy\n');
    expect(mocked.endsWith('marks: ✓ healthy, ✗ unhealthy, ? unknown (the Healthy condition in this render,\n    which may use mocks)\n')).toBe(true);
    // A blueprint graph has no marks, and no legend.
    expect(carto(['graph', 'examples/web-app/', '--format', 'text']).stdout).not.toContain('marks:');
  });

  it('exits 2 for usage errors', () => {
    for (const args of [
      [],
      ['examples/web-app/', '--format', 'svg'],
      ['examples/web-app/', '--outputs', 'examples/web-app/outputs/outputs.yaml'],
      ['examples/web-app/', '--workload', 'petclinic', '--blueprint', 'web-app'],
      ['examples/web-app/', '--bogus'],
      ['does/not/exist.yaml'],
    ]) {
      const result = carto(['graph', ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
    }
  });

  it('uses no colour when stderr is not a terminal', () => {
    const result = carto(['graph', 'examples/web-app/', '--workload', 'petclinic'], { env: { NO_COLOR: '' } });
    expect(result.stderr).not.toContain('\u001b[');
  });
});
