// carto lint, selection: each Workload/Deliverable against the blueprints in the inputs (the
// same code as carto render), and selectors of blueprints or options that would tie.
import { formatSarif } from '../../src/lint/index.js';
import { describe, expect, it } from 'vitest';
import { codes, expectOne, lintFiles } from './helpers.js';

const chain = (name: string, selector: string, resources = '  resources: []\n') => `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: ${name}
spec:
${selector}${resources}`;

const workload = (labels: string, spec = '  source:\n    git: {url: https://example.com/app.git}\n') => `apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: app
  namespace: apps
${labels}spec:
${spec}`;

describe('owners and blueprints', () => {
  it('owner-labels-missing: a Workload without labels', () => {
    const d = expectOne(lintFiles({ 'chain.yaml': chain('web', '  selector: {app: web}\n'), 'app.yaml': workload('') }), 'owner-labels-missing', 3, 'Workload apps/app has no labels, so no ClusterSupplyChain can select it');
    expect(d.controllerMessage).toBe('workload has no labels to match to supply chain');
  });

  it('no-blueprint-match: labels no supply chain selects', () => {
    const d = expectOne(lintFiles({ 'chain.yaml': chain('web', '  selector: {app: web}\n'), 'app.yaml': workload('  labels:\n    app: worker\n') }), 'no-blueprint-match', 7, 'no ClusterSupplyChain selects Workload apps/app');
    expect(d.controllerMessage).toBe('no supply chain found where full selector is satisfied by labels: map[app:worker]');
    expect(d.hint).toBe('web: label app is worker, not web');
  });

  it('blueprint-tie: two supply chains select a Workload equally', () => {
    const d = lintFiles({
      'a.yaml': chain('a', '  selector: {app: web}\n'),
      'b.yaml': chain('b', '  selector: {tier: front}\n'),
      'app.yaml': workload('  labels:\n    app: web\n    tier: front\n'),
    });
    const one = expectOne(d, 'blueprint-tie', 7, 'Workload apps/app is selected equally by ClusterSupplyChain a and ClusterSupplyChain b');
    expect(one.controllerMessage).toBe("workload may only match a single supply chain's selector");
  });

  it('invalid-selector: a field requirement that fails on the Workload', () => {
    const d = lintFiles({
      'chain.yaml': chain('web', `  selector: {app: web}
  selectorMatchFields:
  - key: spec.env[3].name
    operator: Exists
`),
      'app.yaml': workload('  labels:\n    app: web\n', '  env:\n  - name: A\n    value: b\n'),
    });
    // At the requirement's key, the term at fault (issue 15: one diagnostic, at the exact spot).
    expect(expectOne(d, 'invalid-selector', 8, 'the selector of ClusterSupplyChain web (spec.selector, selectorMatchExpressions or selectorMatchFields) cannot be evaluated for Workload apps/app').controllerMessage).toBe('evaluating supply chain selectors against workload [apps/app] failed: error handling selectors, selectorMatchExpressions or selectorMatchFields of [ClusterSupplyChain/web]: failed to evaluate selector matchFields: unable to match field requirement with key [spec.env[3].name] operator [Exists] values [[]]: evaluate: failed to find results: array index out of bounds: index 3, length 1');
  });

  it('no-option-match: no option matches a Workload', () => {
    const d = lintFiles({
      'chain.yaml': chain('web', '  selector: {app: web}\n', `  resources:
  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchFields: [{key: spec.source.git, operator: Exists}]}
      - name: oci
        selector: {matchFields: [{key: spec.source.image, operator: Exists}]}
`),
      'app.yaml': workload('  labels:\n    app: web\n', '  image: registry.example.com/app:1\n'),
    });
    const one = expectOne(d, 'no-option-match', 11, "Workload apps/app: none of resource source's templateRef.options in ClusterSupplyChain web matches the owner");
    expect(one.controllerMessage).toBe('expected exactly 1 option to match, found [0] matching options for resource [source] in supply chain [web]');
    expect(one.owner).toEqual({ kind: 'Workload', name: 'app', namespace: 'apps' });
    // How every option fared: the first thing a reader needs, kept in SARIF's message too.
    expect(one.detail).toBe('git: field spec.source.git Exists is not satisfied; oci: field spec.source.image Exists is not satisfied');
    expect(Object.keys(one).indexOf('owner')).toBeLessThan(Object.keys(one).indexOf('controllerMessage'));
    const sarif = JSON.parse(formatSarif([one], { cwd: '/', version: '0' })) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(sarif.runs[0]?.results[0]?.message.text.split('\n').slice(1, 3)).toEqual([`controller: ${one.controllerMessage}`, one.detail]);
  });

  it('invalid-option-selector: an option selector that fails on the Workload', () => {
    const d = lintFiles({
      'chain.yaml': chain('web', '  selector: {app: web}\n', `  resources:
  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchFields: [{key: 'spec.env[2].value', operator: Exists}]}
      - name: oci
        selector: {matchFields: [{key: spec.source.image, operator: Exists}]}
`),
      'app.yaml': workload('  labels:\n    app: web\n', '  env:\n  - name: A\n'),
    });
    // At the option's requirement key, the term at fault (issue 15), not at templateRef.options.
    expect(expectOne(d, 'invalid-option-selector', 13, "Workload apps/app: an option selector of resource source's templateRef.options in ClusterSupplyChain web cannot be evaluated for the owner").controllerMessage).toBe('error matching against template option [git] for resource [source] in supply chain [web]: failed to evaluate selector matchFields: unable to match field requirement with key [spec.env[2].value] operator [Exists] values [[]]: evaluate: failed to find results: array index out of bounds: index 2, length 1');
  });
});

describe('selectors that tie', () => {
  it('selector-tie: two supply chains with one label each', () => {
    const d = lintFiles({ 'a.yaml': chain('a', '  selector: {app: web}\n'), 'b.yaml': chain('b', '  selector: {tier: front}\n') });
    const one = expectOne(d, 'selector-tie', 6, 'ClusterSupplyChain a and ClusterSupplyChain b would both select a Workload with app=web, tier=front, equally specific, and the controller would refuse it');
    expect(one.file).toBe('b.yaml');
    expect(one.severity).toBe('warning');
  });

  it('no selector-tie when a more specific supply chain covers the overlap, or the selectors exclude each other', () => {
    expect(codes(lintFiles({
      'a.yaml': chain('a', '  selector: {app: web}\n'),
      'b.yaml': chain('b', '  selector: {tier: front}\n'),
      'c.yaml': chain('c', '  selector: {app: web, tier: front}\n'),
    }))).toEqual([]);
    expect(codes(lintFiles({
      'a.yaml': chain('a', '  selector: {app: web}\n'),
      'b.yaml': chain('b', `  selectorMatchExpressions:
  - {key: app, operator: NotIn, values: [web]}
`),
    }))).toEqual([]);
  });

  it('selector-tie: Cartographer 0.0.6 does not rank selectors', () => {
    const legacy = (name: string, selector: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: ${name}
spec:
  selector: ${selector}
  components: []
`;
    expectOne(lintFiles({ 'a.yaml': legacy('a', '{app: web}'), 'b.yaml': legacy('b', '{app: web, tier: front}') }), 'selector-tie', 6,
      'ClusterSupplyChain a and ClusterSupplyChain b would both select a Workload with app=web, tier=front, and the controller would refuse it');
  });

  it('option-tie: options on two different labels', () => {
    const d = lintFiles({
      'chain.yaml': chain('web', '  selector: {app: web}\n', `  resources:
  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchLabels: {source: git}}
      - name: oci
        selector:
          matchExpressions:
          - {key: packaging, operator: Exists}
`),
    });
    expectOne(d, 'option-tie', 15, 'options git and oci of resource source would both match a Workload with packaging=true, source=git, equally specific, and the controller would stamp nothing for it');
  });

  it('option-tie for selectors the webhook calls different (an empty matchExpressions is not nil) that always tie', () => {
    const d = lintFiles({
      'chain.yaml': chain('web', '  selector: {app: web}\n', `  resources:
  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchLabels: {source: git}}
      - name: oci
        selector: {matchLabels: {source: git}, matchExpressions: []}
`),
    });
    expect(codes(d).filter((c) => c === 'option-duplicate-selector')).toEqual([]);
    expectOne(d, 'option-tie', 15, 'options git and oci of resource source would both match a Workload with source=git, equally specific, and the controller would stamp nothing for it');
  });

  it('selectors written with their keys in another order are one duplicate-selector error, not a tie too', () => {
    const d = lintFiles({
      'chain.yaml': chain('web', '  selector: {app: web}\n', `  resources:
  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchLabels: {source: git, tier: a}}
      - name: oci
        selector: {matchLabels: {tier: a, source: git}}
`),
    });
    expect(codes(d).filter((c) => c === 'option-duplicate-selector' || c === 'option-tie')).toEqual(['option-duplicate-selector']);
  });

  it('no option-tie between a git and an image source', () => {
    const d = lintFiles({
      'chain.yaml': chain('web', '  selector: {app: web}\n', `  resources:
  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchFields: [{key: spec.source.git.url, operator: Exists}]}
      - name: oci
        selector: {matchFields: [{key: spec.source.image, operator: Exists}]}
`),
    });
    expect(codes(d).filter((c) => c === 'option-tie')).toEqual([]);
  });
});
