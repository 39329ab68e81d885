// carto lint, the admission-webhook rules of spec §1.8, each with the controller's message:
// templates, ClusterDeploymentTemplate, ClusterRunTemplate, ClusterSupplyChain, ClusterDelivery
// and the Cartographer 0.0.6 supply-chain webhook.
import { describe, expect, it } from 'vitest';
import { expectOne, lintYaml } from './helpers.js';

const chain = (resources: string, extra = '') => `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selector:
    app: web
${extra}  resources:
${resources}`;

describe('template webhooks', () => {
  it('template-source: neither template nor ytt', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: empty
spec:
  params: []
`), 'template-source', 5, 'invalid template: must specify one of template or ytt, found neither');
  });

  it('template-source: both template and ytt', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: both
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: x
  ytt: |
    apiVersion: v1
`), 'template-source', 11, 'invalid template: must specify one of template or ytt, found both');
  });

  it('template-parse: a template without kind', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: nokind
spec:
  template:
    apiVersion: v1
    metadata:
      name: x
`), 'template-parse', 6, `invalid template: failed to parse object: Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`);
  });

  it('template-namespace: even an interpolated namespace', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: ns
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: x
      namespace: $(workload.metadata.namespace)$
`), 'template-namespace', 11, 'invalid template: template should not set metadata.namespace on the child object');
  });

  it('health-rule: two rules at once, and an empty multiMatch side', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: health
spec:
  healthRule:
    alwaysHealthy: {}
    singleConditionType: Ready
  ytt: |
    x: 1
`), 'health-rule', 6, 'invalid health rule: must specify one of alwaysHealthy, singleConditionType or multiMatch, found multiple');
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: health
spec:
  healthRule:
    multiMatch:
      healthy:
        matchConditions:
        - type: Ready
          status: "True"
      unhealthy: {}
  ytt: |
    x: 1
`), 'health-rule', 12, 'invalid multi match health rule: unhealthy rule has no matchFields or matchConditions');
  });

  it('retention-policy-mutable: the default lifecycle is mutable', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: keep
spec:
  retentionPolicy:
    maxFailedRuns: 2
    maxSuccessfulRuns: 2
  ytt: |
    x: 1
`), 'retention-policy-mutable', 6, 'invalid template: if lifecycle is mutable, no retention policy may be set');
    // The webhook returns the health rule's verdict first and never reaches this rule.
    expect(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: keep
spec:
  healthRule:
    alwaysHealthy: {}
  retentionPolicy:
    maxFailedRuns: 2
    maxSuccessfulRuns: 2
  ytt: |
    x: 1
`)).toEqual([]);
  });

  it('deployment-observed: neither observedMatches nor observedCompletion', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterDeploymentTemplate
metadata:
  name: app-deploy
spec:
  template:
    apiVersion: kappctrl.k14s.io/v1alpha1
    kind: App
    metadata:
      name: $(deliverable.metadata.name)$
`), 'deployment-observed', 5, 'invalid spec: must set exactly one of spec.ObservedMatches and spec.ObservedCompletion');
  });

  it('run-template-spec: a run template stamping a ConfigMap', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterRunTemplate
metadata:
  name: run
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      generateName: run-
    data:
      a: "1"
`), 'run-template-spec', 6, 'invalid template: object must have a spec; templated object: map[apiVersion:v1 data:map[a:1] kind:ConfigMap metadata:map[generateName:run-]]');
  });
});

describe('supply chain and delivery webhooks', () => {
  it('selector-required: no selector of any kind', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  resources: []
`), 'selector-required', 5, 'error validating clustersupplychain [chain]: at least one selector, selectorMatchExpression, selectorMatchField must be specified');
  });

  it.each([
    ['both', '      value: base\n      default: full\n'],
    ['neither', ''],
  ])('param-value-default: a resource param with %s', (_which, fields) => {
    expectOne(lintYaml(chain(`  - name: image
    templateRef:
      kind: ClusterImageTemplate
      name: kpack
    params:
    - name: builder
${fields}`)), 'param-value-default', 14, 'error validating clustersupplychain [chain]: resource [image] is invalid: param [builder] is invalid: must set exactly one of value and default');
  });

  it('param-value-default: a blueprint param with neither, and one with exactly one is fine', () => {
    const diagnostics = lintYaml(chain(`  - name: image
    templateRef:
      kind: ClusterImageTemplate
      name: kpack
`, `  params:
  - name: registry
  - name: builder
    default: base
  - name: protected
    value: fixed
`));
    expectOne(diagnostics, 'param-value-default', 9, 'error validating clustersupplychain [chain]: param [registry] is invalid: must set exactly one of value and default');
  });

  it('label-selector-invalid: a selector label value with a space', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selector:
    app: web app
  resources: []
`), 'label-selector-invalid', 7, /^error validating clustersupplychain \[chain\]: selector is not valid: values\[0\]\[app\]: Invalid value: "web app": a valid label must be an empty string/);
  });

  it('field-requirement-invalid: a path selectors may not look at', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selectorMatchFields:
  - key: status.conditions
    operator: Exists
  resources: []
`), 'field-requirement-invalid', 7, 'error validating clustersupplychain [chain]: requirement key [status.conditions] is not a valid path');
  });

  it('duplicate-resource-name: current and delivery wording', () => {
    expectOne(lintYaml(chain(`  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: git}
  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: oci}
`)), 'duplicate-resource-name', 11, 'error validating clustersupplychain [chain]: duplicate resource name [source] found');
  });

  it('duplicate-option-name: two options naming the same template', () => {
    expectOne(lintYaml(chain(`  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchLabels: {source: git}}
      - name: git
        selector: {matchLabels: {source: other}}
`)), 'duplicate-option-name', 15, 'error validating clustersupplychain [chain]: duplicate template name [git] found in options for resource [source]');
  });

  it('template-ref: a name and options', () => {
    expectOne(lintYaml(chain(`  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      name: git
      options:
      - name: git
        selector: {matchLabels: {source: git}}
      - name: oci
        selector: {matchLabels: {source: oci}}
`)), 'template-ref', 10, 'error validating clustersupplychain [chain]: error validating resource [source]: exactly one of templateRef.Name or templateRef.Options must be specified, found both');
  });

  it('option-invalid: an option with an empty selector', () => {
    expectOne(lintYaml(chain(`  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchLabels: {source: git}}
      - name: oci
        selector:
          matchExpressions: []
`)), 'option-invalid', 16, 'error validating clustersupplychain [chain]: error validating resource [source]: error validating option [oci] selector: at least one of matchLabels, matchExpressions or MatchFields must be specified');
  });

  it('option-duplicate-selector: two options with the same selector', () => {
    expectOne(lintYaml(chain(`  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchLabels: {source: git}}
      - name: oci
        selector: {matchLabels: {source: git}}
`)), 'option-duplicate-selector', 16, 'error validating clustersupplychain [chain]: error validating resource [source]: duplicate selector found in options [git, oci]');
  });

  it('pass-through-invalid: a passThrough naming no input', () => {
    expectOne(lintYaml(chain(`  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      name: git
  - name: tests
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: tekton
        selector: {matchLabels: {tests: "true"}}
      - passThrough: source
        selector: {matchLabels: {tests: "false"}}
    sources:
    - resource: source
      name: tested
`)), 'pass-through-invalid', 19, 'error validating clustersupplychain [chain]: error validating resource [tests]: pass through [source] does not refer to a known input');
  });

  it('input-unknown-resource and input-wrong-kind: supply chain inputs', () => {
    const d = lintYaml(chain(`  - name: config
    templateRef:
      kind: ClusterConfigTemplate
      name: conventions
  - name: image
    templateRef:
      kind: ClusterImageTemplate
      name: kpack
    sources:
    - resource: config
      name: source
    configs:
    - resource: sourcce
      name: conventions
`));
    expectOne(d, 'input-wrong-kind', 18, 'error validating clustersupplychain [chain]: invalid sources for resource [image]: resource [config] providing [source] must reference a ClusterSourceTemplate');
    expectOne(d, 'input-unknown-resource', 21, 'error validating clustersupplychain [chain]: invalid configs for resource [image]: [conventions] is provided by unknown resource [sourcce]');
  });

  it('deployment-input: a ClusterDeploymentTemplate resource without deployment', () => {
    const d = lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterDelivery
metadata:
  name: delivery
spec:
  selector:
    app: web
  resources:
  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: source}
  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: source}
  - name: deployer
    templateRef:
      kind: ClusterDeploymentTemplate
      name: app-deploy
`);
    expectOne(d, 'deployment-input', 15, 'error validating clusterdelivery [delivery]: spec.resources[deployer] is a ClusterDeploymentTemplate and must receive a deployment');
    expectOne(d, 'duplicate-resource-name', 11, 'error validating clusterdelivery [delivery]: spec.resources[1].name "source" cannot appear twice');
  });
});

describe('Cartographer 0.0.6 supply chains', () => {
  it('apply the 0.0.6 webhook and schema', () => {
    const d = lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: blog
spec:
  selector:
    app: web
  components:
  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: source}
  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: source}
  - name: image
    templateRef: {kind: ClusterImageTemplate, name: image}
    sources:
    - component: nowhere
      name: source
    params:
    - name: registry
`);
    expectOne(d, 'duplicate-resource-name', 11, "duplicate component name 'source' found in clustersupplychain 'blog'");
    expectOne(d, 'input-unknown-resource', 16, "invalid sources for component 'image': 'source' is provided by unknown component 'nowhere'");
    expectOne(d, 'schema-required', 19, 'spec.components[2].params[0].value: Required value');
  });
});
