// carto lint through the real binary on objects the API server accepts although a field is null:
// under a structural schema it prunes a null field that is not `nullable: true` (none of
// Cartographer's CRDs has one) instead of refusing the object, drops `status` on create where it is
// a subresource, and takes a generateName for a name. None of these may be an error; a required
// field left empty is reported as missing, and a misspelt key left empty still as unknown.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { carto } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';
import { CONFIG_TEMPLATE } from './helpers.js';

const tree = tempTrees('carto-lint-nulls-');

function lintFile(text: string): { status: number | null; diagnostics: Diagnostic[] } {
  const dir = tree({ 'in.yaml': text });
  const r = carto(['lint', '--format', 'json', `${dir}/in.yaml`]);
  return { status: r.status, diagnostics: (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics };
}

/** The config template with its metadata maps, params and health rule left empty. */
const TEMPLATE = CONFIG_TEMPLATE.replace('  name: cfg\n', '  name: cfg\n  labels:\n  annotations:\n').replace('  configPath: .data\n', '  configPath: .data\n  params:\n  healthRule:\n');

const CHAIN = `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: sc
  labels:
  annotations:
spec:
  selector:
    app: web
  selectorMatchExpressions:
  selectorMatchFields:
  params:
  serviceAccountRef:
  resources:
  - name: cfg
    templateRef:
      kind: ClusterConfigTemplate
      name: cfg
    configs:
    sources:
    images:
    params:
status:
`;

const WORKLOAD = `apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: w
  namespace:
  labels:
    app: web
  annotations:
spec:
  params:
  env:
  resources:
  build:
  serviceClaims:
  serviceAccountName:
  source:
    git:
      url: https://example.com/x.git
      ref:
        branch:
status:
`;

describe('lint: nulls the API server prunes', () => {
  it('accepts empty labels, annotations, params, configs, sources, selectors and status', () => {
    const r = lintFile([TEMPLATE, CHAIN, WORKLOAD].join('---\n'));
    expect(r.diagnostics.map((d) => `${d.line}: ${d.code} ${d.message}`)).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('accepts any status on a Workload (a status subresource: the API server drops it on create)', () => {
    const r = lintFile(WORKLOAD.replace(/status:\n$/, 'status:\n  conditions: 5\n  bogus: true\n'));
    expect(r.diagnostics).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('accepts a generateName instead of a name', () => {
    const r = lintFile(`apiVersion: carto.run/v1alpha1
kind: Runnable
metadata:
  generateName: run-
  namespace: default
spec:
  runTemplateRef:
    name: tekton
  inputs:
  selector:
`);
    expect(r.diagnostics.filter((d) => d.code !== 'run-template-not-found')).toEqual([]);
  });

  it('reports a required field left empty as missing, and a misspelt key left empty as unknown', () => {
    const r = lintFile(`apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: w
  labels:
    app: web
spec:
  sourc:
  params:
  - name: x
    value:
`);
    // The API server's (kubectl's) own words: lint's plain sentence comes first, these follow.
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.controllerMessage}`)).toEqual([
      '8:3 unknown-field unknown field "spec.sourc"',
      '11:5 schema-required spec.params[0].value: Required value',
    ]);
  });

  it('still refuses a null list item (the API server validates it) and an object with neither name nor generateName', () => {
    const r = lintFile(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name:
spec:
  params:
  - null
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}
`);
    expect(r.diagnostics.map((d) => `${d.line} ${d.code} ${d.controllerMessage}`)).toEqual([
      '3 schema-required metadata.name: Required value',
      '7 schema-type spec.params[0]: Invalid value: "null": spec.params[0] in body must be of type object: "null"',
    ]);
  });
});
