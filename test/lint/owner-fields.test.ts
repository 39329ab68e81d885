// What the API server does to a Workload's or Deliverable's fields, told alike by render and lint
// (issue 15): a field the CRD does not define is dropped (a warning, kubectl's `unknown field`
// words, a "did you mean" when a defined field is close), and a param whose value is left empty is
// refused (the null is pruned, and `value` is required): an error in both. A placeholder that reads
// inside a field the owner types as a string never finds a value: lint says so where render fails.
import { describe, expect, it } from 'vitest';
import { carto } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';
import { blueprintDoc, configMapTemplate, stream } from '../helpers/chains.js';

const tree = tempTrees('carto-owner-fields-');

const CHAIN = blueprintDoc('  - name: config\n    templateRef: {kind: ClusterTemplate, name: cm}');
const TEMPLATE = configMapTemplate('cm', '{url: $(workload.spec.source.git.url)$}');
const workload = (spec: string) => `apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: app
  namespace: dev
  labels: {app: web}
spec:
${spec}`;

type Json = { diagnostics: Array<{ severity: string; code: string; message: string; file: string; line: number; column: number; hint?: string; controllerMessage?: string }> };

/** lint's diagnostics of `codes` as render prints them on stderr: `severity: file:line:col: message`. */
function lintAsRender(dir: string, codes: readonly string[]): string[] {
  const json = JSON.parse(carto(['lint', '--format', 'json', dir]).stdout) as Json;
  return json.diagnostics.filter((d) => codes.includes(d.code)).map((d) => `${d.severity}: ${d.file}:${d.line}:${d.column}: ${d.message}`);
}

describe('unknown Workload and Deliverable fields', () => {
  const SPEC = `  sorce:
    git: {url: https://example.com/app.git}
  source:
    git: {url: https://example.com/app.git}
  env:
  - name: A
    vlue: x
    valueFrom: {secretKeyRef: {key: k, nam: n}}
  foo: 1`;

  it('render warns as lint does: the same words, at the same key, with kubectl\'s words and a "did you mean"', () => {
    const dir = tree({ 'sc.yaml': CHAIN, 't.yaml': TEMPLATE, 'w.yaml': workload(SPEC) });
    const expected = [
      `warning: ${dir}/w.yaml:8:3: Workload dev/app: spec.sorce is not a field the schema defines`,
      `warning: ${dir}/w.yaml:14:5: Workload dev/app: spec.env[0].vlue is not a field the schema defines`,
      `warning: ${dir}/w.yaml:15:40: Workload dev/app: spec.env[0].valueFrom.secretKeyRef.nam is not a field the schema defines`,
      `warning: ${dir}/w.yaml:16:3: Workload dev/app: spec.foo is not a field the schema defines`,
    ];
    expect(lintAsRender(dir, ['unknown-field'])).toEqual(expected);
    const r = carto(['render', dir]);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('warning: '))).toEqual(expected);
    expect(r.stderr).toContain('    controller: unknown field "spec.sorce"\n');
    expect(r.stderr).toContain('    hint: did you mean spec.source? the API server drops fields its schema does not define');
    expect(r.stderr).toContain('    hint: did you mean spec.env[0].value? ');
    const lint = carto(['lint', dir]).stdout;
    expect(lint).toContain('    hint: did you mean spec.source? the API server drops fields its schema does not define');
    expect(lint).toContain('    hint: the API server drops fields its schema does not define (and kubectl --validate=strict refuses them): check the spelling and the indentation\n');
  });

  it('a Deliverable\'s too; a misspelt top-level field is one as well', () => {
    const deliverable = 'apiVersion: carto.run/v1alpha1\nkind: Deliverable\nmetadata: {name: d}\nspecs: {}\nspec:\n  serviceAccountNam: x\n';
    const dir = tree({ 'd.yaml': deliverable });
    const expected = [
      `warning: ${dir}/d.yaml:4:1: Deliverable d: specs is not a field the schema defines`,
      `warning: ${dir}/d.yaml:6:3: Deliverable d: spec.serviceAccountNam is not a field the schema defines`,
    ];
    expect(lintAsRender(dir, ['unknown-field'])).toEqual(expected);
    expect(carto(['render', dir]).stderr.split('\n').filter((l) => l.startsWith('warning: '))).toEqual(expected);
  });

  it('lint says "did you mean" for an unknown field of any kind', () => {
    const dir = tree({ 'sc.yaml': CHAIN.replace('  resources:', '  resourses:') });
    const json = JSON.parse(carto(['lint', '--format', 'json', dir]).stdout) as Json;
    expect(json.diagnostics.find((d) => d.code === 'unknown-field')?.hint).toMatch(/^did you mean spec\.resources\? /);
  });
});

describe('a Workload param whose value is left empty', () => {
  it('is refused by the API server: an error in lint and in render, the same words at the same place', () => {
    const spec = '  source:\n    git: {url: https://example.com/app.git}\n  params:\n  - name: a\n    value:\n  - name: b\n';
    const dir = tree({ 'sc.yaml': CHAIN, 't.yaml': TEMPLATE, 'w.yaml': workload(spec) });
    const expected = [
      `error: ${dir}/w.yaml:12:5: Workload dev/app: spec.params[0].value is missing, and the schema requires it`,
      `error: ${dir}/w.yaml:13:5: Workload dev/app: spec.params[1].value is missing, and the schema requires it`,
    ];
    expect(lintAsRender(dir, ['schema-required'])).toEqual(expected);
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual(expected);
    expect(r.stderr).toContain('    controller: spec.params[0].value: Required value\n');
    expect(r.stderr).toContain('hint: the API server refuses a Workload whose param has no value');
  });

  it('an empty string is a value', () => {
    const spec = '  source:\n    git: {url: https://example.com/app.git}\n  params:\n  - name: a\n    value: ""\n';
    const dir = tree({ 'all.yaml': stream(CHAIN, TEMPLATE, workload(spec)) });
    expect(carto(['lint', dir])).toMatchObject({ status: 0, stdout: '' });
    expect(carto(['render', dir]).status).toBe(0);
  });
});

describe('a placeholder that reads inside a string field of the Workload', () => {
  it('lint reports it where render fails it', () => {
    const dir = tree({ 'sc.yaml': CHAIN, 't.yaml': configMapTemplate('cm', '{url: $(workload.spec.source.git.url.foo)$}'), 'w.yaml': workload('  source:\n    git: {url: https://example.com/app.git}\n') });
    const lint = carto(['lint', dir]);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain(`${dir}/t.yaml:9:17  error  owner-field-unknown  $(workload.spec.source.git.url.foo)$ reads foo inside spec.source.git.url, which is a string in a Workload, so it never resolves\n`);
    const render = carto(['render', dir]);
    expect(render.status).toBe(1);
    expect(render.stderr).toContain(`error: ${dir}/t.yaml:9:17: ClusterTemplate cm: $(workload.spec.source.git.url.foo)$ in spec.template.data.url finds no value\n`);
  });
});
