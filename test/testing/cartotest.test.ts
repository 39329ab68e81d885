// `carto test` on cartotest-format suites written for these tests (test/testing/fixtures/):
// every info.yaml field and each of cartotest's quirks pass as cartotest would have them
// (fixtures/cartotest), focus behaves as cartotest's does (fixtures/cartotest-focus), and
// the report has cartotest's shape.
import { describe, expect, it } from 'vitest';
import { carto } from '../helpers/cli.js';

const SUITE = 'test/testing/fixtures/cartotest';
const CASES = [
  'compare-fresh/x-sets-its-own',
  'compare-fresh/y-unaffected',
  'compare-shared/a-changes-the-shared-options',
  'compare-shared/b-sees-the-change',
  'defaults',
  'explicit-paths',
  'inherit/child-a',
  'inherit/child-b',
  'mock-inputs',
  'mock-params',
  'no-namespace',
  'numbers',
  'real-chain/by-paths',
  'real-chain/directory-path',
  'real-chain/discovered',
  'real-chain/no-labels',
  'real-chain/not-inherited',
  'real-chain/option',
  'real-chain/ytt-supply-chain',
  'ytt-inherit/child',
  'ytt-preprocess',
  'ytt-preprocess-named',
  'ytt-template',
];

describe('a cartotest suite covering every info.yaml field and quirk', () => {
  const run = carto(['test', SUITE]);

  it('passes every case, one PASS line each (sorted), then the count and PASS; exit 0', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${CASES.map((c) => `PASS: ${SUITE}/${c}`).join('\n')}\n\n${CASES.length} passed, 0 failed\nPASS\n`);
  });

  it('only leaf directories are cases: shared files in parents (workload.yaml, templates, expectations) are not', () => {
    expect(run.stdout).not.toMatch(new RegExp(`PASS: ${SUITE}\\n`));
    expect(run.stdout).not.toContain(`${SUITE}/real-chain\n`);
    expect(run.stdout).not.toContain(`${SUITE}/inherit\n`);
  });

  it('-v adds the name from the case\'s own info.yaml to a PASS line (never an inherited one)', () => {
    const verbose = carto(['test', SUITE, '-v']).stdout;
    expect(verbose).toContain(`PASS: ${SUITE}/explicit-paths explicit paths\n`);
    expect(verbose).toContain(`PASS: ${SUITE}/mock-params mock params\n`);
    expect(verbose).toContain(`PASS: ${SUITE}/real-chain/option option-based resource\n`);
    // inherit/ has no metadata, and child-a has no info.yaml.
    expect(verbose).toContain(`PASS: ${SUITE}/inherit/child-a\n`);
  });

  it('runs from the suite root named any way (./path/, path), naming cases by the joined path', () => {
    const dotted = carto(['test', `./${SUITE}/`]);
    expect(dotted.status).toBe(0);
    expect(dotted.stdout).toContain(`PASS: ${SUITE}/defaults\n`);
  });

  it('a leaf given as the directory is the one case, named as given', () => {
    // Run alone, a case loses what it inherits: real-chain/option brings its own template
    // reference but inherits the Workload, so from its own directory it fails.
    const alone = carto(['test', `${SUITE}/real-chain/option/`]);
    expect(alone.stdout).toContain(`FAIL: ${SUITE}/real-chain/option/\n`);
    expect(alone.status).toBe(1);
  });
});

describe('focus', () => {
  const FOCUS = 'test/testing/fixtures/cartotest-focus';

  it('runs only focused cases (focus is inherited, and a child can unset it), then fails the suite with cartotest\'s notice', () => {
    const run = carto(['test', FOCUS]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      `PASS: ${FOCUS}/focused\nPASS: ${FOCUS}/group/one\n\ntest suite failed due to focused test, check individual test case status\n\n2 passed, 0 failed, 2 not run (not focused)\nFAIL\n`,
    );
  });

  it('reports the cases left out as skipped in JSON', () => {
    const report = JSON.parse(carto(['test', FOCUS, '--format', 'json']).stdout);
    expect(report.summary).toMatchObject({ ok: false, passed: 2, failed: 0, skipped: 2, focused: true });
    expect(report.cases.filter((c: any) => c.status === 'skipped').map((c: any) => c.path)).toEqual([`${FOCUS}/group/two`, `${FOCUS}/not-focused`]);
  });
});
