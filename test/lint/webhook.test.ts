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
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: empty
spec:
  params: []
`), 'template-source', 5, 'ClusterTemplate empty: sets neither spec.template nor spec.ytt').controllerMessage).toBe('invalid template: must specify one of template or ytt, found neither');
  });

  it('template-source: both template and ytt', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
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
`), 'template-source', 11, 'ClusterTemplate both: sets both spec.template and spec.ytt').controllerMessage).toBe('invalid template: must specify one of template or ytt, found both');
  });

  it('template-parse: a template without kind', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: nokind
spec:
  template:
    apiVersion: v1
    metadata:
      name: x
`), 'template-parse', 6, 'ClusterTemplate nokind: spec.template has no kind, so it is not an object the webhook can read').controllerMessage).toBe(`invalid template: failed to parse object: Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`);
  });

  it('template-namespace: even an interpolated namespace', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
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
`), 'template-namespace', 11, 'ClusterTemplate ns: spec.template sets metadata.namespace, which a template may not').controllerMessage).toBe('invalid template: template should not set metadata.namespace on the child object');
  });

  it('health-rule: two rules at once, and an empty multiMatch side', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: health
spec:
  healthRule:
    alwaysHealthy: {}
    singleConditionType: Ready
  ytt: |
    x: 1
`), 'health-rule', 6, 'ClusterTemplate health: spec.healthRule sets more than one rule').controllerMessage).toBe('invalid health rule: must specify one of alwaysHealthy, singleConditionType or multiMatch, found multiple');
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
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
`), 'health-rule', 12, 'ClusterTemplate health: spec.healthRule.multiMatch.unhealthy has neither matchFields nor matchConditions').controllerMessage).toBe('invalid multi match health rule: unhealthy rule has no matchFields or matchConditions');
  });

  it('retention-policy-mutable: the default lifecycle is mutable', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: keep
spec:
  retentionPolicy:
    maxFailedRuns: 2
    maxSuccessfulRuns: 2
  ytt: |
    x: 1
`), 'retention-policy-mutable', 6, 'ClusterTemplate keep: spec.retentionPolicy is set, but the template is mutable').controllerMessage).toBe('invalid template: if lifecycle is mutable, no retention policy may be set');
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
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterDeploymentTemplate
metadata:
  name: app-deploy
spec:
  template:
    apiVersion: kappctrl.k14s.io/v1alpha1
    kind: App
    metadata:
      name: $(deliverable.metadata.name)$
`), 'deployment-observed', 5, 'ClusterDeploymentTemplate app-deploy: sets neither spec.observedMatches nor spec.observedCompletion').controllerMessage).toBe('invalid spec: must set exactly one of spec.ObservedMatches and spec.ObservedCompletion');
  });

  it('run-template-spec: a run template stamping a ConfigMap', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
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
`), 'run-template-spec', 6, 'ClusterRunTemplate run: the object in spec.template has no top-level spec').controllerMessage).toBe('invalid template: object must have a spec; templated object: map[apiVersion:v1 data:map[a:1] kind:ConfigMap metadata:map[generateName:run-]]');
  });
});

describe('supply chain and delivery webhooks', () => {
  it('selector-required: no selector of any kind', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  resources: []
`), 'selector-required', 5, 'ClusterSupplyChain chain: selects nothing: it has no selector, selectorMatchExpressions or selectorMatchFields').controllerMessage).toBe('error validating clustersupplychain [chain]: at least one selector, selectorMatchExpression, selectorMatchField must be specified');
  });

  it.each([
    ['both', '      value: base\n      default: full\n'],
    ['neither', ''],
  ])('param-value-default: a resource param with %s', (_which, fields) => {
    expect(expectOne(lintYaml(chain(`  - name: image
    templateRef:
      kind: ClusterImageTemplate
      name: kpack
    params:
    - name: builder
${fields}`)), 'param-value-default', 14, 'ClusterSupplyChain chain: spec.resources[0].params[0] must set exactly one of value and default').controllerMessage).toBe('error validating clustersupplychain [chain]: resource [image] is invalid: param [builder] is invalid: must set exactly one of value and default');
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
    expect(expectOne(diagnostics, 'param-value-default', 9, 'ClusterSupplyChain chain: spec.params[0] must set exactly one of value and default').controllerMessage).toBe('error validating clustersupplychain [chain]: param [registry] is invalid: must set exactly one of value and default');
  });

  it('label-selector-invalid: a selector label value with a space', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selector:
    app: web app
  resources: []
`), 'label-selector-invalid', 7, 'ClusterSupplyChain chain: spec.selector.app is not valid in a label selector').controllerMessage).toMatch(/^error validating clustersupplychain \[chain\]: selector is not valid: values\[0\]\[app\]: Invalid value: "web app": a valid label must be an empty string/);
  });

  it('field-requirement-invalid: a path selectors may not look at', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selectorMatchFields:
  - key: status.conditions
    operator: Exists
  resources: []
`), 'field-requirement-invalid', 7, 'ClusterSupplyChain chain: spec.selectorMatchFields[0].key is not valid in a field requirement').controllerMessage).toBe('error validating clustersupplychain [chain]: requirement key [status.conditions] is not a valid path');
  });

  it('duplicate-resource-name: current and delivery wording', () => {
    expect(expectOne(lintYaml(chain(`  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: git}
  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: oci}
`)), 'duplicate-resource-name', 11, 'ClusterSupplyChain chain: spec.resources[1].name repeats the name source, which another resource already has').controllerMessage).toBe('error validating clustersupplychain [chain]: duplicate resource name [source] found');
  });

  it('duplicate-option-name: two options naming the same template', () => {
    expect(expectOne(lintYaml(chain(`  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchLabels: {source: git}}
      - name: git
        selector: {matchLabels: {source: other}}
`)), 'duplicate-option-name', 15, 'ClusterSupplyChain chain: spec.resources[0].templateRef.options[1] repeats the template name git, which another option already has').controllerMessage).toBe('error validating clustersupplychain [chain]: duplicate template name [git] found in options for resource [source]');
  });

  it('template-ref: a name and options', () => {
    expect(expectOne(lintYaml(chain(`  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      name: git
      options:
      - name: git
        selector: {matchLabels: {source: git}}
      - name: oci
        selector: {matchLabels: {source: oci}}
`)), 'template-ref', 10, 'ClusterSupplyChain chain: spec.resources[0].templateRef sets both name and options').controllerMessage).toBe('error validating clustersupplychain [chain]: error validating resource [source]: exactly one of templateRef.Name or templateRef.Options must be specified, found both');
  });

  it('option-invalid: an option with an empty selector', () => {
    expect(expectOne(lintYaml(chain(`  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchLabels: {source: git}}
      - name: oci
        selector:
          matchExpressions: []
`)), 'option-invalid', 16, 'ClusterSupplyChain chain: spec.resources[0].templateRef.options[1].selector is not a valid selector').controllerMessage).toBe('error validating clustersupplychain [chain]: error validating resource [source]: error validating option [oci] selector: at least one of matchLabels, matchExpressions or MatchFields must be specified');
  });

  it('option-duplicate-selector: two options with the same selector', () => {
    expect(expectOne(lintYaml(chain(`  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchLabels: {source: git}}
      - name: oci
        selector: {matchLabels: {source: git}}
`)), 'option-duplicate-selector', 16, 'ClusterSupplyChain chain: spec.resources[0].templateRef.options[1].selector is the same as another option\'s').controllerMessage).toBe('error validating clustersupplychain [chain]: error validating resource [source]: duplicate selector found in options [git, oci]');
  });

  it('pass-through-invalid: a passThrough naming no input', () => {
    expect(expectOne(lintYaml(chain(`  - name: source
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
`)), 'pass-through-invalid', 19, 'ClusterSupplyChain chain: spec.resources[1].templateRef.options[1].passThrough names no input of the resource').controllerMessage).toBe('error validating clustersupplychain [chain]: error validating resource [tests]: pass through [source] does not refer to a known input');
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
    expect(expectOne(d, 'input-wrong-kind', 18, 'ClusterSupplyChain chain: spec.resources[1].sources[0].resource names a resource whose template does not produce that kind of input').controllerMessage).toBe('error validating clustersupplychain [chain]: invalid sources for resource [image]: resource [config] providing [source] must reference a ClusterSourceTemplate');
    expect(expectOne(d, 'input-unknown-resource', 21, 'ClusterSupplyChain chain: spec.resources[1].configs[0].resource names resource sourcce, which the blueprint does not have').controllerMessage).toBe('error validating clustersupplychain [chain]: invalid configs for resource [image]: [conventions] is provided by unknown resource [sourcce]');
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
    expect(expectOne(d, 'deployment-input', 15, 'ClusterDelivery delivery: spec.resources[2].templateRef.kind is a ClusterDeploymentTemplate, and the resource receives no deployment').controllerMessage).toBe('error validating clusterdelivery [delivery]: spec.resources[deployer] is a ClusterDeploymentTemplate and must receive a deployment');
    expect(expectOne(d, 'duplicate-resource-name', 11, 'ClusterDelivery delivery: spec.resources[1].name repeats the name source, which another resource already has').controllerMessage).toBe('error validating clusterdelivery [delivery]: spec.resources[1].name "source" cannot appear twice');
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
    expect(expectOne(d, 'duplicate-resource-name', 11, 'ClusterSupplyChain blog: spec.components[1].name repeats the name source, which another resource already has').controllerMessage).toBe("duplicate component name 'source' found in clustersupplychain 'blog'");
    expect(expectOne(d, 'input-unknown-resource', 16, 'ClusterSupplyChain blog: spec.components[2].sources[0].component names resource nowhere, which the blueprint does not have').controllerMessage).toBe("invalid sources for component 'image': 'source' is provided by unknown component 'nowhere'");
    expect(expectOne(d, 'schema-required', 19, 'ClusterSupplyChain blog: spec.components[2].params[0].value is missing, and the schema requires it').controllerMessage).toBe('spec.components[2].params[0].value: Required value');
  });
});
