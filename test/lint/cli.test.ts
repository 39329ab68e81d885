// carto lint through the real binary: the text, JSON and SARIF reports on stdout, exit codes
// (1 on errors, warnings only with --strict, 2 on usage errors), stdin, YAML errors in files
// that are not about Cartographer, and the examples and a deliberately broken copy of one.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { carto, ROOT, withoutHints } from '../helpers/cli.js';
import { FIXTURES } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'carto-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const warningOnly = write('warning.yaml', `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: w
spec:
  ytt: |
    x: 1
  lifecycel: immutable
`);
const broken = write('broken.yaml', `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: t
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: x
      namespace: other
`);

describe('carto lint (CLI)', () => {
  it('prints file:line:col  severity  code  message on stdout and exits 1 on an error', () => {
    const r = carto(['lint', broken]);
    expect(r.status).toBe(1);
    expect(withoutHints(r.stdout)).toBe(`${broken}:11:7  error  template-namespace  ClusterTemplate t: spec.template sets metadata.namespace, which a template may not\n`
      + '    controller: invalid template: template should not set metadata.namespace on the child object\n');
    expect(r.stderr).toBe('carto lint: 1 error, 0 warnings\n');
  });

  it('exits 0 on warnings alone, 1 with --strict', () => {
    const r = carto(['lint', '-f', warningOnly]);
    expect(r.status).toBe(0);
    expect(withoutHints(r.stdout)).toBe(`${warningOnly}:8:3  warning  unknown-field  ClusterTemplate w: spec.lifecycel is not a field the schema defines\n    controller: unknown field "spec.lifecycel"\n`);
    expect(carto(['lint', warningOnly, '--strict']).status).toBe(1);
  });

  it('prints nothing and exits 0 when there is nothing to report', () => {
    const r = carto(['lint', 'examples/web-app/']);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('--format json: the diagnostics and the counts', () => {
    const r = carto(['lint', broken, warningOnly, '--format', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { diagnostics: Array<Record<string, unknown>>; summary: Record<string, number> };
    expect(report.summary).toEqual({ errors: 1, warnings: 1 });
    expect(report.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'template-namespace',
      file: broken,
      line: 11,
      column: 7,
      object: { kind: 'ClusterTemplate', name: 't' },
      path: 'spec.template.metadata.namespace',
    });
  });

  it('a schema error: a plain sentence first, the API server\'s words as the controller line and in JSON', () => {
    const labels = write('labels.yaml', 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: app\n  namespace: dev\n  labels:\n    app type: web\nspec: {}\n');
    const text = carto(['lint', labels]);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^\S+labels\.yaml:7:5 {2}error {2}invalid-label {2}Workload dev\/app: label key "app type" is not a valid label key\n {4}controller: metadata\.labels: Invalid value: "app type": name part must consist of alphanumeric characters/);
    const json = JSON.parse(carto(['lint', labels, '--format', 'json']).stdout) as { diagnostics: Array<Record<string, unknown>> };
    expect(json.diagnostics[0]?.['controllerMessage']).toMatch(/^metadata\.labels: Invalid value: "app type": /);
  });

  it('--format sarif: what GitHub code scanning reads', () => {
    const r = carto(['lint', 'test/lint/fixtures/broken-web-app/', '--format', 'sarif']);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('carto');
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ruleIds).toContain('template-namespace');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'template-namespace');
    expect(result).toMatchObject({
      level: 'error',
      ruleIndex: ruleIds.indexOf('template-namespace'),
      message: { text: expect.stringContaining('spec.template sets metadata.namespace, which a template may not\ncontroller: invalid template: template should not set metadata.namespace') },
      properties: { controllerMessage: 'invalid template: template should not set metadata.namespace on the child object' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'test/lint/fixtures/broken-web-app/templates.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 16, startColumn: 7 } } }],
    });
    for (const x of run.results) expect(ruleIds[x.ruleIndex]).toBe(x.ruleId);
  });

  it('reads stdin', () => {
    const r = carto(['lint', '-'], { input: readFileSync(broken, 'utf8') });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:11:7 {2}error {2}template-namespace {2}/);
  });

  it('reports YAML errors in files named themselves or about Cartographer, and sets aside the others', () => {
    const helm = write('helm.yaml', 'metadata:\n  name: {{ .Values.name }}\n  x: y: z\n');
    const carton = write('carto-bad.yaml', 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: a: b\n');
    expect(carto(['lint', helm])).toMatchObject({ status: 1, stdout: expect.stringMatching(/helm\.yaml:\d+:\d+ {2}error {2}yaml-syntax/) });
    const charts = mkdtempSync(join(dir, 'charts-'));
    writeFileSync(join(charts, 'deployment.yaml'), 'metadata:\n  name: {{ .Values.name }}\n  x: y: z\n');
    const setAside = carto(['lint', charts]);
    expect(setAside.status).toBe(0);
    expect(withoutHints(setAside.stdout)).toBe(`${join(charts, 'deployment.yaml')}:1:1  note  input-set-aside  set aside a file that is not a Cartographer input and cannot be read: ${join(charts, 'deployment.yaml')}\n`);
    const r = carto(['lint', carton]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/carto-bad\.yaml:4:\d+ {2}error {2}yaml-syntax {2}YAML syntax error: /);
  });

  it('no-objects: inputs that hold no object at all are said to be checked for nothing (a wrong path in a hook)', () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    const r = carto(['lint', empty]);
    expect(r.status).toBe(0);
    // No file, so no position (a made-up `<inputs>:1:1` would send an editor or a problem matcher nowhere).
    expect(withoutHints(r.stdout)).toBe('warning  no-objects  the inputs hold no object at all: nothing was checked\n');
    // a pre-commit hook with --strict fails on it
    expect(carto(['lint', empty, '--strict']).status).toBe(1);
  });

  it('json-in-package: a .json file of a ytt package holding carto.run objects is named, not read (ytt takes it for data)', () => {
    const pkg = mkdtempSync(join(dir, 'pkg-'));
    writeFileSync(join(pkg, 'values.yaml'), '#@data/values\n---\nx: 1\n');
    writeFileSync(join(pkg, 'workload.json'), '{"apiVersion": "carto.run/v1alpha1", "kind": "Workload", "metadata": {"name": "a"}}\n');
    const r = carto(['lint', pkg]);
    expect(r.status).toBe(0);
    expect(withoutHints(r.stdout)).toBe(`${join(pkg, 'workload.json')}:1:1  note  json-in-package  ${join(pkg, 'workload.json')} holds carto.run objects, but ytt takes a package's .json files for data, not templates, so they are not rendered (as ytt -f would not print them)\n`);
  });

  it('ytt-template-file: an input that is a ytt template fails without the data values it reads', () => {
    const ytt = write('ytt-chain.yaml', '#@ load("@ytt:data", "data")\napiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata:\n  name: #@ data.values.name\nspec:\n  ytt: "x: 1"\n');
    const r = carto(['lint', ytt]);
    expect(r.status).toBe(1);
    expect(withoutHints(r.stdout)).toBe(`${ytt}:5:1  error  ytt-template-file  ytt failed on the input files: struct has no .name field or method\n`);
    expect(carto(['lint', ytt, '-v', 'name=from-flag'])).toMatchObject({ status: 0, stdout: '' });
    const values = write('values.yaml', 'name: from-values\n');
    expect(carto(['lint', ytt, '--data-values-file', values])).toMatchObject({ status: 0, stdout: '' });
  });

  it('a problem that belongs to no file (a --data-values-file that is not YAML) is printed without a made-up position', () => {
    const ytt = write('ytt-chain-2.yaml', '#@ load("@ytt:data", "data")\napiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata:\n  name: #@ data.values.name\nspec:\n  ytt: "x: 1"\n');
    const values = write('bad-values.yaml', 'name: [\n');
    const r = carto(['lint', ytt, '--data-values-file', values]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^error {2}ytt-template-file {2}ytt failed on the input files: .*bad-values\.yaml/);
    expect(r.stdout).not.toContain('<inputs>');
  });

  it('usage errors exit 2: no inputs, an unreadable path, an unknown format', () => {
    expect(carto(['lint']).status).toBe(2);
    const missing = carto(['lint', join(dir, 'nope.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^carto: cannot read .*nope\.yaml/);
    expect(carto(['lint', broken, '--format', 'xml']).status).toBe(2);
  });

  it('colours severities only on a terminal, never with --no-color or NO_COLOR', () => {
    // stdout is a pipe here, so no colour whatever the flags say.
    const r = carto(['lint', broken], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).not.toContain('\u001b[');
  });
});

describe('carto lint on the examples', () => {
  for (const example of readdirSync(join(ROOT, 'examples'))) {
    it(`examples/${example}/ reports nothing`, () => {
      expect(carto(['lint', '-R', `examples/${example}/`])).toEqual({ status: 0, stdout: '', stderr: '' });
    });
  }

  it('all of examples/ together reports nothing (no shared names, no selectors that tie)', () => {
    expect(carto(['lint', '-R', 'examples/'])).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('a broken copy of examples/web-app reports each planted error at its line, and nothing else', () => {
    const folder = join(FIXTURES, 'broken-web-app');
    const expected: string[] = [];
    for (const file of readdirSync(folder).sort()) {
      readFileSync(join(folder, file), 'utf8').split('\n').forEach((line, i) => {
        const planted = /# lint: ([a-z0-9 -]+)$/.exec(line);
        if (planted) for (const code of (planted[1] as string).trim().split(/\s+/)) expected.push(`${file}:${i + 1} ${code}`);
      });
    }
    expect(expected.length).toBeGreaterThanOrEqual(12);
    const r = carto(['lint', 'test/lint/fixtures/broken-web-app/', '--format', 'json']);
    expect(r.status).toBe(1);
    const reported = (JSON.parse(r.stdout).diagnostics as Array<{ file: string; line: number; code: string }>)
      .map((d) => `${d.file.split('/').pop()}:${d.line} ${d.code}`);
    expect(reported.sort()).toEqual(expected.sort());
  });

  it('invalid-encoding: a file about Cartographer that is not UTF-8, at the bad byte', () => {
    const path = join(dir, 'latin1.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from('apiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const r = carto(['lint', path]);
    expect(r.status).toBe(1);
    expect(withoutHints(r.stdout)).toBe(`${path}:4:12  error  invalid-encoding  the file is not UTF-8 text: invalid byte 0xE9 at line 4, column 12 (byte offset 74)\n`);
  });

  it('input-limit: aliases expanding past a million nodes, at the alias that goes over', () => {
    const levels = 'abcdefg'.split('');
    const lines = levels.map((name, i) => (i === 0 ? `a: &a [${Array(10).fill('1').join(',')}]` : `${name}: &${name} [${Array(10).fill(`*${levels[i - 1]}`).join(',')}]`));
    const path = write('bomb.yaml', `${lines.join('\n')}\napiVersion: carto.run/v1alpha1\n`);
    const r = carto(['lint', path]);
    expect(r.status).toBe(1);
    expect(withoutHints(r.stdout)).toBe(`${path}:6:29  error  input-limit  document contains excessive aliasing: its aliases expand to more than carto's limit of 1,000,000 nodes\n`);
  });
});
