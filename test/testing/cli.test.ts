// The `carto test` command line: arguments and usage errors (exit 2), the JSON and JUnit
// reports, colour only on a terminal, and --ytt (a ytt binary for spec.ytt templates and for
// preprocessing, with cartotest's own arguments).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { carto, ROOT } from '../helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carto-test-cli-'));
});

describe('arguments', () => {
  it('usage errors exit 2 with a message on stderr and nothing on stdout', () => {
    const cases: Array<[string[], RegExp]> = [
      [['test'], /^carto: test: give the directory holding the tests/],
      [['test', join(dir, 'nope')], /^carto: test: .*nope: argument must be a valid path\n$/],
      [['test', 'package.json'], /^carto: test: package\.json: argument must be a valid directory\n$/],
      [['test', dir, '--format', 'xml'], /argument 'xml' is invalid/],
      [['test', dir, '--frobnicate'], /unknown option '--frobnicate'/],
      [['test', dir, '--ytt', join(dir, 'no-ytt-here')], /--ytt .*no-ytt-here: no executable ytt there/],
    ];
    for (const [args, message] of cases) {
      const run = carto(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    }
  });

  it('a directory without any case exits 1 and says so', () => {
    const run = carto(['test', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('carto test: no test cases under');
  });

  it('several directories run as one suite', () => {
    const run = carto(['test', 'test/testing/fixtures/cartotest/inherit', 'test/testing/fixtures/whole-chain']);
    // Started at inherit/, child-a inherits no Workload (it lives above), child-b has its own.
    expect(run.stdout).toBe(
      [
        'PASS: test/testing/fixtures/cartotest/inherit/child-b',
        'PASS: test/testing/fixtures/whole-chain/directory',
        'PASS: test/testing/fixtures/whole-chain/stream',
        'FAIL: test/testing/fixtures/cartotest/inherit/child-a',
        '',
        '3 passed, 1 failed',
        'FAIL',
        '',
      ].join('\n'),
    );
  });

  it('is listed in carto --help', () => {
    expect(carto(['--help']).stdout).toMatch(/^ {2}test \[options\] \[dirs\.\.\.\] +run template tests/m);
  });
});

describe('reports', () => {
  it('--format json: every case with status, name, error and diff, and a summary; exit 1 on failure', () => {
    const run = carto(['test', 'test/testing/fixtures/cartotest-failing', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ ok: false, total: 16, passed: 0, failed: 16, skipped: 0, updated: 0, focused: false });
    const wrong = report.cases.find((c: any) => c.path.endsWith('/wrong-value'));
    expect(wrong).toMatchObject({ type: 'cartotest', status: 'fail', name: 'wrong value', description: 'the expectation says debug, the template stamps info' });
    expect(wrong.error.startsWith('expected does not equal actual: (-expected +actual):\n')).toBe(true);
    expect(typeof wrong.durationMs).toBe('number');
  });

  it('--junit FILE writes JUnit XML (suites per kind of test, failures with the whole error, escaped) next to the text report', () => {
    const file = join(dir, 'reports/junit.xml');
    const run = carto(['test', 'test/testing/fixtures/cartotest-failing', 'test/testing/fixtures/whole-chain', '--junit', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\n2 passed, 16 failed\nFAIL\n$/);
    const xml = readFileSync(file, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="carto test" tests="18" failures="16" errors="0" skipped="0" time="[\d.]+">\n/);
    expect(xml).toMatch(/<testsuite name="cartotest" tests="16" failures="16" errors="0" skipped="0" time="[\d.]+" timestamp="[\dT:-]+">/);
    expect(xml).toMatch(/<testsuite name="whole-chain" tests="2" failures="0"/);
    expect(xml).toMatch(/<testcase classname="whole-chain" name="test\/testing\/fixtures\/whole-chain\/stream \(a two-resource chain from its own directory\)" time="[\d.]+"\/>/);
    expect(xml).toContain('<failure message="failed to get actual object: template \'planted\' is not selected by resource/stage \'config\' in supply chain \'other-template\'" type="CartotestFailure">');
    expect(xml).toContain('Error: \n- struct has no .nope field or method\n    in &lt;toplevel&gt;\n');
    expect(xml).toContain('expected does not equal actual: (-expected +actual):\n  apiVersion: v1\n  data:\n-   level: debug\n+   level: info\n');
    expect(xml.match(/<testcase /g)).toHaveLength(18);
  });

  it('--junit on a passing suite, and skipped cases when one is focused', () => {
    const file = join(dir, 'junit.xml');
    expect(carto(['test', 'test/testing/fixtures/cartotest-focus', '--junit', file]).status).toBe(1);
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('tests="4" failures="0" errors="0" skipped="2"');
    expect(xml.match(/<skipped message="not focused: another case is focused"\/>/g)).toHaveLength(2);
  });

  it('an unwritable --junit path is a usage error', () => {
    writeFileSync(join(dir, 'file'), '');
    const run = carto(['test', 'test/testing/fixtures/whole-chain', '--junit', join(dir, 'file/junit.xml')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^carto: test --junit .*: cannot write it/);
  });

  it('no colour when stdout is not a terminal, whatever FORCE_COLOR says; no progress when stderr is not one', () => {
    const run = carto(['test', 'test/testing/fixtures/cartotest-failing'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stderr).not.toContain('\r');
  });
});

describe('--ytt: a ytt binary instead of the built-in engine', () => {
  const FAKE = join(ROOT, 'test/fixtures/fake-ytt.mjs');

  it('runs spec.ytt templates with Cartographer\'s protocol: the mock context only (no labels, deliverable or deployment)', () => {
    const suite = join(dir, 'suite');
    mkdirSync(suite);
    writeFileSync(join(suite, 'workload.yaml'), 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: app, namespace: dev}\n');
    writeFileSync(join(suite, 'template.yaml'), 'apiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata: {name: t}\nspec:\n  ytt: |\n    kind: ConfigMap\n');
    writeFileSync(join(suite, 'expected.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-from-fake-ytt}\ndata: {keys: "configs,images,params,sources,workload"}\n');
    writeFileSync(join(suite, 'info.yaml'), 'compareOptions: {ignoreMetadataFields: [namespace, labels, ownerReferences]}\n');
    const log = join(dir, 'log.json');
    const run = carto(['test', suite, '--ytt', FAKE, '-v'], { env: { FAKE_YTT_LOG: log } });
    expect(run.stdout).toBe(`PASS: ${suite}\n\n1 passed, 0 failed\nPASS\n`);
    const { args, stdin } = JSON.parse(readFileSync(log, 'utf8'));
    expect(stdin).toBe('kind: ConfigMap\n');
    expect(args.filter((a: string) => a !== '--data-value-yaml' && !a.startsWith('-')).map((a: string) => a.split('=')[0])).toEqual(['configs', 'images', 'params', 'sources', 'workload']);
    expect(args).toContain('sources=null');
  });

  it('preprocesses with `ytt --ignore-unknown-comments -f TEMPLATE -f VALUES`, and reports its failure', () => {
    const fake = join(dir, 'fake-preprocess.mjs');
    writeFileSync(
      fake,
      `#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(join(dir, 'args.json'))}, JSON.stringify(process.argv.slice(2)));
if (process.env.FAIL) { process.stderr.write('ytt: Error: no good\\n'); process.exit(1); }
process.stdout.write('apiVersion: carto.run/v1alpha1\\nkind: ClusterTemplate\\nmetadata: {name: t}\\nspec:\\n  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: from-binary}}\\n---\\nkind: Ignored\\n');
`,
    );
    chmodSync(fake, 0o755);
    const suite = join(dir, 'suite');
    mkdirSync(suite);
    writeFileSync(join(suite, 'workload.yaml'), 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: app}\n');
    writeFileSync(join(suite, 'template.yaml'), 'not read by carto: the binary reads it\n');
    writeFileSync(join(suite, 'template-ytt-values.yaml'), '#@data/values\n---\n');
    writeFileSync(join(suite, 'expected.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-binary}\n');
    writeFileSync(join(suite, 'info.yaml'), 'compareOptions: {ignoreMetadataFields: [namespace, labels, ownerReferences]}\n');
    expect(carto(['test', suite, '--ytt', fake]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8'))).toEqual(['--ignore-unknown-comments', '-f', join(suite, 'template.yaml'), '-f', join(suite, 'template-ytt-values.yaml')]);
    const failed = carto(['test', suite, '--ytt', fake, '-v'], { env: { FAIL: '1' } });
    expect(failed.stdout).toContain('Error: failed to get actual object: get populated template failed: failed to preprocess ytt: ytt: Error: no good\n');
    expect(existsSync(join(dir, 'args.json'))).toBe(true);
  });
});
