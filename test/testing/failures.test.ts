// Planted failures (test/testing/fixtures/cartotest-failing): each case fails, with -v each
// says why in cartotest's words, a wrong value shows a readable diff, and the suite exits 1
// with the report on stdout.
import { describe, expect, it } from 'vitest';
import { carto } from '../helpers/cli.js';

const SUITE = 'test/testing/fixtures/cartotest-failing';

const EXPECTED_ERRORS: Record<string, string> = {
  'bad-info': 'build test cases: populate info: unmarshal failed: test/testing/fixtures/cartotest-failing/bad-info/info.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field testInfo.focus of type bool',
  'both-supply-chains': 'build test cases: populate testCase supplychain: only one of mock supply chain and real supply chain may be specified',
  'deployment-template': 'failed to get actual object: get populated template failed: template kind not found',
  'expected-without-kind': `failed to get expected object: unmarshall json: Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"shop"}}'`,
  'invalid-template': 'failed to get actual object: template validation failed: invalid template: template should not set metadata.namespace on the child object',
  'missing-param': 'failed to get actual object: could not stamp: failed to recursively evaluate template: failed to interpolate template at path [data.nope]: evaluate tag $(params.nope)$: jsonpath returned empty list: params.nope',
  'missing-template-file': `failed to get actual object: get populated template failed: could not read template file: open ${SUITE}/missing-template-file/nowhere.yaml: no such file or directory`,
  'no-expected': 'failed to get expected object: no expected file: put an expected.yaml in the directory (or a parent), or name one with expected: in info.yaml',
  'no-supply-chain-match': 'failed to get actual object: get supplychain: no supply chain [store/shop] found where full selector is satisfied by labels: map[app.example.com/kind:web app.example.com/tier:front]',
  'no-target': 'failed to get actual object: get target resource: did not find a supply chain resource with target name: deployer',
  'not-selected': "failed to get actual object: template 'planted' is not selected by resource/stage 'config' in supply chain 'other-template'",
  'parent-chain-not-inherited/child': 'failed to get actual object: get supplychain: no supply chain [store/shop] found where full selector is satisfied by labels: map[app.example.com/kind:web app.example.com/tier:front]',
  'two-supply-chains': 'failed to get actual object: get supplychain: more than one supply chain selected for workload [store/shop]: [chain-one chain-two]',
  'unknown-cmp-func': 'unknown compareOptions.namedCMPOptionFuncs entry "IgnoreEverything": the only one is ConvertNumbersToFloatsDuringComparison',
};

describe('planted failures', () => {
  const run = carto(['test', SUITE]);
  const verbose = carto(['test', SUITE, '-v']);
  const json = JSON.parse(carto(['test', SUITE, '--format', 'json']).stdout);
  const errorOf = (name: string): string => json.cases.find((c: any) => c.path === `${SUITE}/${name}`)?.error;

  it('fail every case, FAIL lines only without -v, the report on stdout, a hint on stderr, exit 1', () => {
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('FAIL: '))).toHaveLength(16);
    expect(lines.filter((l) => l.startsWith('PASS: '))).toHaveLength(0);
    expect(run.stdout).toMatch(/\n0 passed, 16 failed\nFAIL\n$/);
    expect(run.stdout).not.toContain('Error:');
    expect(run.stderr).toBe('carto test: run with -v to see why each case failed\n');
  });

  for (const [name, error] of Object.entries(EXPECTED_ERRORS)) {
    it(`${name}: ${error.slice(0, 90)}…`, () => {
      expect(errorOf(name)).toBe(error);
      expect(verbose.stdout).toContain(`FAIL: ${SUITE}/${name}\n`);
      expect(verbose.stdout).toContain(`Error: ${error}\n`);
    });
  }

  it('a wrong value: Name, Description, and a diff with - for expected and + for actual, under its enclosing keys', () => {
    const block = verbose.stdout.slice(verbose.stdout.indexOf(`FAIL: ${SUITE}/wrong-value\n`));
    expect(block.startsWith(
      [
        `FAIL: ${SUITE}/wrong-value`,
        'Name: wrong value',
        'Description: the expectation says debug, the template stamps info',
        'Error: expected does not equal actual: (-expected +actual):',
        '  apiVersion: v1',
        '  data:',
        '-   level: debug',
        '+   level: info',
        '    replicas: 2',
        '  kind: ConfigMap',
        '  metadata:',
        '  …',
        '',
      ].join('\n'),
    )).toBe(true);
    expect(json.cases.find((c: any) => c.path === `${SUITE}/wrong-value`).diff).toBe('  apiVersion: v1\n  data:\n-   level: debug\n+   level: info\n    replicas: 2\n  kind: ConfigMap\n  metadata:\n  …\n');
  });

  it("a ytt template's error carries ytt's message and the line of the template", () => {
    expect(errorOf('ytt-error')).toMatch(/^failed to get actual object: could not stamp: unable to apply ytt template: ytt: Error: \n- struct has no \.nope field or method\n.*\n +stdin\.yml:5 \| +name: #@ data\.values\.params\.nope$/);
  });
});

describe('a readable diff deep inside an object', () => {
  it('shows the keys enclosing a change, with … where lines are left out', () => {
    const json = JSON.parse(carto(['test', 'test/testing/fixtures/cartotest-diff', '--format', 'json']).stdout);
    expect(json.cases[0].diff).toBe(
      [
        '  …',
        '  spec:',
        '  …',
        '    template:',
        '      spec:',
        '        containers:',
        '        - env:',
        '          - name: A',
        '            value: a',
        '          - name: B',
        '-           value: b',
        '+           value: changed',
        '          - name: C',
        '            value: c',
        '          image: app',
        '  …',
        '',
      ].join('\n'),
    );
  });
});
