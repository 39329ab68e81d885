// carto's whole-chain golden tests: a directory with carto-test.yaml renders as `carto render`
// would and compares with expected.yaml (a stream) or expected/ (one file per object);
// --update rewrites the expectation (round-trip: update, then the test passes and nothing
// changes), never in CI unless forced.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { carto, ROOT } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test/testing/fixtures/whole-chain');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carto-whole-chain-'));
  cpSync(FIXTURES, dir, { recursive: true });
});
const test = (args: string[], env: Record<string, string> = {}) => carto(['test', ...args], { cwd: dir, env: { CI: '', ...env } });

function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p.slice(root.length + 1)] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

describe('whole-chain tests', () => {
  it('pass when what carto renders equals the expectation, stream or directory', () => {
    const run = test(['stream', 'directory', '-v']);
    expect(run.stdout).toBe('PASS: directory\nPASS: stream a two-resource chain from its own directory\n\n2 passed, 0 failed\nPASS\n');
    expect(run.status).toBe(0);
  });

  it('the stream is exactly what carto render prints for the same inputs', () => {
    const rendered = carto(['render', '-f', join(dir, 'stream/chain.yaml'), '-f', join(dir, 'stream/workloads.yaml'), '--outputs', join(dir, 'stream/outputs.yaml')]);
    expect(readFileSync(join(dir, 'stream/expected.yaml'), 'utf8')).toBe(rendered.stdout);
  });

  it('compares data, not formatting: comments and key order do not matter', () => {
    const file = join(dir, 'stream/expected.yaml');
    const text = readFileSync(file, 'utf8').replace(/^# Source: .*$/gm, '# reviewed').replace('apiVersion: v1\nkind: ConfigMap\n', 'kind: ConfigMap\napiVersion: v1\n');
    writeFileSync(file, text);
    expect(test(['stream']).status).toBe(0);
  });

  it('a changed value, a missing and an unexpected object each show in the diff; exit 1', () => {
    const file = join(dir, 'stream/expected.yaml');
    const docs = readFileSync(file, 'utf8').split(/^(?=---\n)/m);
    // Drop beta's GitRepository, change alpha's revision, add an object carto does not render.
    const edited = docs.filter((d) => !d.includes('name: beta\n')).map((d) => d.replace('revision: v1@sha1:abc', 'revision: v0'));
    edited.push('---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: stray\n  namespace: golden\n');
    writeFileSync(file, edited.join(''));
    const run = test(['stream', '-v']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('FAIL: stream\nName: a two-resource chain from its own directory\nError: expected does not equal actual: stream/expected.yaml differs from what carto renders (-expected +actual):\n');
    expect(run.stdout).toContain('changed ConfigMap golden/alpha-config:\n');
    expect(run.stdout).toContain('-   revision: v0\n+   revision: v1@sha1:abc\n');
    expect(run.stdout).toContain('missing Secret golden/stray (expected, not rendered):\n- apiVersion: v1\n- kind: Secret\n');
    expect(run.stdout).toContain('unexpected GitRepository golden/beta (rendered, not expected):\n+ apiVersion: source.toolkit.fluxcd.io/v1\n');
    expect(run.stdout).toContain('(run carto test --update to accept what carto renders now)\n');
  });

  it('--update rewrites the stream; the test then passes and a second update changes nothing (round trip)', () => {
    const file = join(dir, 'stream/expected.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/replicas: 2/, 'replicas: 20'));
    expect(test(['stream']).status).toBe(1);
    const update = test(['stream', '--update']);
    expect(update.stdout).toBe('PASS: stream (expectation updated)\n\n1 passed, 0 failed, 1 expectation updated\nPASS\n');
    expect(update.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(test(['stream']).stdout).toBe('PASS: stream\n\n1 passed, 0 failed\nPASS\n');
    const before = tree(dir);
    expect(test(['stream', 'directory', '--update']).stdout).not.toContain('updated');
    expect(tree(dir)).toEqual(before);
  });

  it('--update rewrites a directory expectation: changed files rewritten, new ones written, stale ones removed', () => {
    const expected = join(dir, 'directory/expected');
    const original = tree(expected);
    writeFileSync(join(expected, 'golden/workload-alpha/config.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: edited}\n');
    rmSync(join(expected, 'golden/workload-beta/source.yaml'));
    mkdirSync(join(expected, 'golden/workload-gone'), { recursive: true });
    writeFileSync(join(expected, 'golden/workload-gone/source.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: gone}\n');
    const failing = test(['directory', '-v']);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('changed golden/workload-alpha/config.yaml:\n');
    expect(failing.stdout).toContain('unexpected golden/workload-beta/source.yaml (rendered, not expected):\n');
    expect(failing.stdout).toContain('missing golden/workload-gone/source.yaml (expected, not rendered):\n');
    expect(test(['directory', '--update']).status).toBe(0);
    expect(tree(expected)).toEqual(original);
    expect(existsSync(join(expected, 'golden/workload-gone'))).toBe(false);
    expect(test(['directory']).status).toBe(0);
  });

  it('a test without an expectation fails and says how to write one; --update writes the form carto-test.yaml names', () => {
    rmSync(join(dir, 'stream/expected.yaml'));
    rmSync(join(dir, 'directory/expected'), { recursive: true });
    const run = test(['stream', 'directory', '-v']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Error: no expectation yet: neither stream/expected.yaml nor stream/expected/ exists (run carto test --update to write stream/expected.yaml from what carto renders now)\n');
    expect(run.stdout).toContain('write directory/expected/ from what carto renders now');
    expect(test(['stream', 'directory', '--update']).status).toBe(0);
    expect(existsSync(join(dir, 'stream/expected.yaml'))).toBe(true);
    expect(Object.keys(tree(join(dir, 'directory/expected'))).sort()).toEqual([
      'golden/workload-alpha/config.yaml',
      'golden/workload-alpha/source.yaml',
      'golden/workload-beta/config.yaml',
      'golden/workload-beta/source.yaml',
    ]);
    expect(test(['stream', 'directory']).status).toBe(0);
  });

  it('--update refuses to run in CI (exit 2, nothing written) unless --force', () => {
    const file = join(dir, 'stream/expected.yaml');
    writeFileSync(file, '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: stale}\n');
    const refused = test(['stream', '--update'], { CI: 'true' });
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('carto: test --update: CI=true says this is a CI run, where expectations are checked, not rewritten; pass --force to rewrite them anyway\n');
    expect(readFileSync(file, 'utf8')).toContain('stale');
    const forced = test(['stream', '--update', '--force'], { CI: 'true' });
    expect(forced.status).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('stale');
    // CI=false is not CI.
    expect(test(['stream', '--update'], { CI: 'false' }).status).toBe(0);
  });

  it('inputs that cannot be rendered fail the test with render\'s errors, and --update writes nothing', () => {
    writeFileSync(join(dir, 'stream/broken.yaml'), 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: orphan\n  namespace: golden\n  labels: {app.example.com/kind: nobody}\n');
    const before = readFileSync(join(dir, 'stream/expected.yaml'), 'utf8');
    const run = test(['stream', '-v', '--update']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Error: carto render fails for these inputs:\n  stream/broken.yaml:6: error: no ClusterSupplyChain selects Workload golden/orphan');
    expect(readFileSync(join(dir, 'stream/expected.yaml'), 'utf8')).toBe(before);
  });

  it('carto-test.yaml is checked: unknown keys and wrong types fail the test', () => {
    writeFileSync(join(dir, 'stream/carto-test.yaml'), 'outputs: outputs.yaml\nexpandRunnable: true\n');
    const run = test(['stream', '-v']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Error: stream/carto-test.yaml: unknown key expandRunnable (known: name, description, focus, inputs, recursive, outputs, observed, dataValuesFiles, expandRunnables, cartographer, namespace, ownerReferences, strict, owners, expected)\n');
    writeFileSync(join(dir, 'stream/carto-test.yaml'), 'strict: yes please\n');
    expect(test(['stream', '-v']).stdout).toContain('Error: stream/carto-test.yaml: strict must be true or false\n');
  });

  it('an expectation may not be both a stream and a directory', () => {
    mkdirSync(join(dir, 'stream/expected'));
    expect(test(['stream', '-v']).stdout).toContain('Error: both stream/expected.yaml and stream/expected/ exist');
  });

  it('runs next to cartotest cases in one tree, and a whole-chain directory is not walked into', () => {
    const mixed = join(dir, 'mixed');
    cpSync(join(ROOT, 'test/testing/fixtures/cartotest/defaults'), join(mixed, 'cartotest-case'), { recursive: true });
    cpSync(join(ROOT, 'test/testing/fixtures/cartotest/workload.yaml'), join(mixed, 'workload.yaml'));
    cpSync(join(dir, 'directory'), join(mixed, 'golden'), { recursive: true });
    writeFileSync(join(mixed, 'golden/carto-test.yaml'), 'inputs: [../../stream/chain.yaml, ../../stream/workloads.yaml]\noutputs: ../../stream/outputs.yaml\nexpected: directory\n');
    const run = test(['mixed']);
    expect(run.stdout).toBe('PASS: mixed/cartotest-case\nPASS: mixed/golden\n\n2 passed, 0 failed\nPASS\n');
  });
});

describe('the bundled examples', () => {
  it('every example has a whole-chain test, and each passes', () => {
    // in the order carto test reports them: by the test directory's path
    const examples = readdirSync(join(ROOT, 'examples')).filter((e) => e !== 'cartotest').sort((a, b) => (`${a}/test` < `${b}/test` ? -1 : 1));
    for (const e of examples) expect(existsSync(join(ROOT, 'examples', e, 'test/carto-test.yaml'))).toBe(true);
    const run = carto(['test', ...examples.map((e) => `examples/${e}/test`)]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${examples.map((e) => `PASS: examples/${e}/test`).join('\n')}\n\n${examples.length} passed, 0 failed\nPASS\n`);
  });

  it('their expectations match the reviewed golden files of test/golden', () => {
    const pairs = [
      ['source-to-url', 'source-to-url.with-outputs.yaml'],
      ['web-app', 'web-app.with-outputs.yaml'],
      ['testing', 'testing.expanded.yaml'],
      ['ytt', 'ytt.yaml'],
      ['ytt-package', 'ytt-package.yaml'],
    ];
    for (const [example, golden] of pairs) {
      expect(readFileSync(join(ROOT, 'examples', example as string, 'test/expected.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'test/golden', golden as string), 'utf8'));
    }
    // The directory form holds the same documents, one per file.
    const files = Object.values(tree(join(ROOT, 'examples/delivery/test/expected'))).sort();
    const stream = readFileSync(join(ROOT, 'test/golden/delivery.observed.yaml'), 'utf8').split(/^---\n/m).filter((d) => d !== '').sort();
    expect(files).toEqual(stream);
  });

  it('--update round-trips on a copy of every example: nothing changes', () => {
    const copy = mkdtempSync(join(tmpdir(), 'carto-examples-'));
    cpSync(join(ROOT, 'examples'), copy, { recursive: true });
    const before = tree(copy);
    const run = carto(['test', copy, '--update'], { env: { CI: '' } });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('updated');
    expect(tree(copy)).toEqual(before);
  });
});
