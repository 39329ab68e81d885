// One problem, one diagnostic, at the exact spot (issue 15), through the real binary: an invalid
// selector term is reported once by lint (the webhook rule, not again for each owner it fails
// on), at the term itself; render and lint point at the same line and column for the same
// problem; a label that is a boolean is one error in render as in lint.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { carto } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';
import { CONFIG_TEMPLATE as TEMPLATE } from './helpers.js';

const tree = tempTrees('carto-lint-one-');

const workload = (name: string, labels = '    type: web\n') => `apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: ${name}
  namespace: dev
  labels:
${labels}spec: {}
`;

/** A supply chain selecting type=web, with one resource stamping the config template `template`. */
const simpleChain = (template: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: sc
spec:
  selector:
    type: web
  resources:
  - name: cfg
    templateRef:
      kind: ClusterConfigTemplate
      name: ${template}
`;

function lintJson(file: string): Diagnostic[] {
  const r = carto(['lint', '--format', 'json', file]);
  return (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
}

/** `file:line:col: message` lines of render's errors. */
function renderErrors(file: string): string[] {
  return carto(['render', file]).stderr.split('\n').filter((l) => l.startsWith('error: '));
}

describe('one problem, one diagnostic', () => {
  it('an invalid matchExpressions value: once, at the list item, by lint and by render', () => {
    const chain = `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: sc
spec:
  selectorMatchExpressions:
  - key: type
    operator: In
    values:
    - web
    - job queue
  resources:
  - name: cfg
    templateRef:
      kind: ClusterConfigTemplate
      name: cfg
`;
    const file = `${tree({ 'in.yaml': [chain, TEMPLATE, workload('a'), workload('b'), workload('c')].join('---\n') })}/in.yaml`;
    const lint = lintJson(file);
    expect(lint.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['11:7 label-selector-invalid']);
    expect(lint[0]?.path).toBe('spec.selectorMatchExpressions[0].values[1]');
    const render = renderErrors(file);
    expect(render).toHaveLength(3);
    for (const line of render) expect(line).toContain('in.yaml:11:7: the selector of ClusterSupplyChain sc (spec.selector, selectorMatchExpressions or selectorMatchFields) cannot be evaluated for Workload dev/');
  });

  it('an invalid operator and a label key with a space: at the operator, at the key', () => {
    const chain = `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: sc
spec:
  selector:
    "app name": web
  resources:
  - name: cfg
    templateRef:
      kind: ClusterTemplate
      options:
      - name: a
        selector:
          matchExpressions:
          - key: tier
            operator: Equals
            values: [x]
      - name: b
        selector:
          matchLabels: {tier: z}
`;
    const file = `${tree({ 'in.yaml': [chain, workload('a')].join('---\n') })}/in.yaml`;
    const lint = lintJson(file).filter((d) => d.code !== 'template-not-found');
    expect(lint.map((d) => `${d.line}:${d.column} ${d.code} ${d.path}`)).toEqual([
      '7:5 label-selector-invalid spec.selector.app name',
      '17:23 option-invalid spec.resources[0].templateRef.options[0].selector.matchExpressions[0].operator',
    ]);
  });

  it('a template that is not in the inputs: render and lint at the name', () => {
    const chain = simpleChain('nowhere');
    const file = `${tree({ 'in.yaml': [chain, workload('a')].join('---\n') })}/in.yaml`;
    expect(lintJson(file).map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['12:13 template-not-found']);
    expect(renderErrors(file)).toEqual([expect.stringContaining('in.yaml:12:13: ClusterConfigTemplate nowhere is not in the inputs')]);
  });

  it('a Workload no supply chain selects, and one without labels: render and lint at the same spot', () => {
    const chain = simpleChain('cfg');
    for (const [labels, code] of [['    type: worker\n', 'no-blueprint-match'], ['', 'owner-labels-missing']] as const) {
      const owner = labels === '' ? workload('a', '').replace('  labels:\n', '') : workload('a', labels);
      const file = `${tree({ 'in.yaml': [chain, TEMPLATE, owner].join('---\n') })}/in.yaml`;
      const [d] = lintJson(file).filter((x) => x.code === code);
      expect(d, code).toBeDefined();
      expect(renderErrors(file), code).toEqual([expect.stringContaining(`in.yaml:${d?.line}:${d?.column}: `)]);
    }
  });

  it('a selectorMatchFields key the webhook refuses is not also a jsonpath-syntax error at the same key', () => {
    const chain = simpleChain('cfg').replace('  resources:\n', '  selectorMatchFields:\n  - {key: "spec.source.git.url[", operator: Exists}\n  resources:\n');
    const file = `${tree({ 'in.yaml': [chain, TEMPLATE].join('---\n') })}/in.yaml`;
    expect(lintJson(file).map((d) => d.code)).toEqual(['field-requirement-invalid']);
  });

  it('a misspelt template kind is the schema\'s error only, not also an input of the wrong kind downstream', () => {
    // simpleChain's resource with its kind misspelt, and a resource that takes its config.
    const chain = `${simpleChain('cfg').replace('kind: ClusterConfigTemplate', 'kind: ClusterConfigTemplat')}  - name: app
    templateRef: {kind: ClusterTemplate, name: app}
    configs: [{resource: cfg, name: cfg}]
`;
    const file = `${tree({ 'in.yaml': chain })}/in.yaml`;
    // (template app is not in the inputs: a problem of its own)
    expect(lintJson(file).map((d) => d.code).filter((c) => c !== 'template-not-found')).toEqual(['schema-enum']);
  });

  it('a boolean label value: one error in render, one in lint, at the value', () => {
    const chain = simpleChain('cfg');
    const file = `${tree({ 'in.yaml': [chain, TEMPLATE, workload('a', '    type: web\n    enabled: true\n')].join('---\n') })}/in.yaml`;
    // The Workload is the third document: chain (12 lines), ---, template (13 lines), ---.
    expect(lintJson(file).map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['35:14 schema-type']);
    expect(renderErrors(file)).toEqual([expect.stringContaining('in.yaml:35:14: Workload dev/a: metadata.labels.enabled')]);
    // …in the same words, with the API server's own on the controller line.
    const sentence = 'Workload dev/a: metadata.labels.enabled is a boolean, where the schema wants a string';
    const controller = 'controller: metadata.labels.enabled: Invalid value: "boolean": metadata.labels.enabled in body must be of type string: "boolean"';
    expect(lintJson(file)[0]).toMatchObject({ message: sentence, controllerMessage: controller.slice('controller: '.length) });
    const render = carto(['render', file]);
    expect(render.stderr).toContain(`in.yaml:35:14: ${sentence}\n`);
    expect(render.stderr).toContain(`    ${controller}\n`);
  });
});
