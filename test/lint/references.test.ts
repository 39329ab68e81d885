// carto lint, cross-references no webhook checks: missing templates, forward references,
// delivery inputs, run templates, and the placeholders and paths of templates checked against
// the context and the resources that stamp them.
import { describe, expect, it } from 'vitest';
import { codes, expectOne, lintFiles, lintYaml } from './helpers.js';

/** A one-resource supply chain stamping `template` (a ClusterTemplate named t by default). */
function chainWith(resource: string, template: string, extra: Record<string, string> = {}) {
  return lintFiles({
    'chain.yaml': `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selector:
    app: web
  resources:
  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      name: git
${resource}`,
    'git.yaml': `apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata:
  name: git
spec:
  urlPath: .status.artifact.url
  revisionPath: .status.artifact.revision
  template:
    apiVersion: source.toolkit.fluxcd.io/v1
    kind: GitRepository
    metadata:
      name: $(workload.metadata.name)$
    spec:
      url: $(workload.spec.source.git.url)$
`,
    'template.yaml': template,
    ...extra,
  });
}

const deployResource = `  - name: deploy
    templateRef:
      kind: ClusterTemplate
      name: t
    sources:
    - resource: source
      name: code
`;

const clusterTemplate = (body: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: t
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: $(workload.metadata.name)$
    data:
${body}`;

describe('references between objects', () => {
  it('template-not-found: a missing option template, with the controller message listing all', () => {
    const d = expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selector:
    app: web
  resources:
  - name: source
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: git
        selector: {matchFields: [{key: spec.source.git, operator: Exists}]}
      - passThrough: upstream
        selector: {matchFields: [{key: spec.source.image, operator: Exists}]}
    sources:
    - {resource: source, name: upstream}
`), 'template-not-found', 13, 'ClusterSourceTemplate git is not in the inputs (resource source)');
    expect(d.controllerMessage).toBe('did not find the template of the resource(s) [source]');
  });

  it('forward-reference: an input from a later resource', () => {
    expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selector:
    app: web
  resources:
  - name: image
    templateRef: {kind: ClusterImageTemplate, name: kpack}
    sources:
    - resource: source
      name: source
  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: git}
`), 'forward-reference', 12, 'input source of resource image comes from resource source, which is not before it in spec.resources');
  });

  it('forward-reference: an input from the resource itself says so, not "move it before itself"', () => {
    // chainWith's resource source, taking its own output as an input
    const [d] = chainWith('    sources:\n    - resource: source\n      name: source\n', '').filter((x) => x.code === 'forward-reference');
    expect(d).toMatchObject({ file: 'chain.yaml', line: 14, message: 'input source of resource source comes from resource source itself, which is not before it in spec.resources' });
    expect(d.hint).toBe('a resource never sees its own output, so this input is never available: take it from a resource before source');
  });

  it('input-unknown-resource and input-wrong-kind: a delivery (its webhook does not check inputs)', () => {
    const d = lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterDelivery
metadata:
  name: delivery
spec:
  selector:
    app: web
  resources:
  - name: config
    templateRef: {kind: ClusterConfigTemplate, name: config}
  - name: deployer
    templateRef: {kind: ClusterDeploymentTemplate, name: deploy}
    deployment:
      resource: config
  - name: smoke
    templateRef: {kind: ClusterTemplate, name: smoke}
    sources:
    - resource: deployr
      name: deployed
`);
    expectOne(d, 'input-wrong-kind', 14, 'the deployment input of resource deployer comes from resource config, a ClusterConfigTemplate, which has no source output');
    expectOne(d, 'input-unknown-resource', 18, 'source input deployed of resource smoke names resource deployr, which is not in ClusterDelivery delivery');
  });

  it('run-template-not-found: a Runnable and a Runnable a template stamps', () => {
    const d = lintFiles({
      'runnable.yaml': `apiVersion: carto.run/v1alpha1
kind: Runnable
metadata:
  name: nightly
  namespace: apps
spec:
  runTemplateRef:
    name: tekton-run
`,
      'template.yaml': `apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata:
  name: tests
spec:
  urlPath: .status.outputs.url
  revisionPath: .status.outputs.revision
  template:
    apiVersion: carto.run/v1alpha1
    kind: Runnable
    metadata:
      name: $(workload.metadata.name)$
    spec:
      runTemplateRef:
        name: tekton-runs
`,
    });
    const found = d.filter((x) => x.code === 'run-template-not-found');
    expect(found.map((x) => [x.file, x.line, x.message])).toEqual([
      ['runnable.yaml', 8, 'ClusterRunTemplate tekton-run is not in the inputs (Runnable apps/nightly)'],
      ['template.yaml', 15, 'ClusterRunTemplate tekton-runs is not in the inputs (the Runnable ClusterSourceTemplate tests stamps)'],
    ]);
    expectOne(d.filter((x) => x.file === 'runnable.yaml'), 'run-template-not-found', 8, 'ClusterRunTemplate tekton-run is not in the inputs (Runnable apps/nightly)');
  });
});

/** A ClusterRunTemplate `run` stamping a PipelineRun with this generateName and one param value. */
const runTemplate = (generateName: string, value: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterRunTemplate
metadata:
  name: run
spec:
  template:
    apiVersion: tekton.dev/v1
    kind: PipelineRun
    metadata:
      generateName: ${generateName}
    spec:
      params:
      - name: url
        value: ${value}
`;

describe('placeholders', () => {
  it('jsonpath-syntax: double-quoted bracket keys', () => {
    const d = expectOne(lintYaml(clusterTemplate(`      part-of: $(workload.metadata.labels["app.kubernetes.io/part-of"])$
`)), 'jsonpath-syntax', 12, `evaluate: failed to parse jsonpath '{.workload.metadata.labels["app.kubernetes.io/part-of"]}': invalid array index "app.kubernetes.io/part-of"`);
    expect(d.path).toBe('spec.template.data.part-of');
  });

  it('jsonpath-syntax: an unclosed bracket inside a longer string', () => {
    expectOne(lintYaml(clusterTemplate(`      url: https://$(workload.spec.env[0.value)$/x
`)), 'jsonpath-syntax', 12, `evaluate: failed to parse jsonpath '{.workload.spec.env[0.value}': unterminated array`);
  });

  it('unknown-context-key: a name the context does not have', () => {
    expectOne(lintYaml(clusterTemplate(`      name: $(owner.metadata.name)$
`)), 'unknown-context-key', 12, '$(owner.metadata.name)$ reads owner, which the templating context does not have');
  });

  it('unknown-context-key: a Go field name at the top (the context is a Go map, its keys exact)', () => {
    const d = lintYaml(clusterTemplate(`      name: $(Workload.metadata.name)$
      source: $(Sources.app.url)$
      other: $(Deliverable.spec.nope)$
`));
    // one finding each: not also a field the owner lacks, since nothing is read from an owner
    expect(d.map((x) => [x.line, x.code, x.message])).toEqual([
      [12, 'unknown-context-key', '$(Workload.metadata.name)$ reads Workload, which the templating context does not have'],
      [13, 'unknown-context-key', '$(Sources.app.url)$ reads Sources, which the templating context does not have'],
      [14, 'unknown-context-key', '$(Deliverable.spec.nope)$ reads Deliverable, which the templating context does not have'],
    ]);
  });

  it('a ClusterRunTemplate may use the Go field names of its context (a Go struct)', () => {
    const d = lintYaml(runTemplate('$(Runnable.metadata.name)$-', '$(runnable.metadata.name)$'));
    expect(d.filter((x) => x.code === 'unknown-context-key')).toEqual([]);
  });

  it('unknown-context-key: labels in a Cartographer 0.0.6 template', () => {
    const d = lintFiles({
      'chain.yaml': `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: blog
spec:
  selector:
    app: web
  components:
  - name: deploy
    templateRef: {kind: ClusterTemplate, name: t}
`,
      'template.yaml': clusterTemplate(`      chain: $(labels['carto\\.run/supply-chain-name'])$
`),
    });
    expectOne(d, 'unknown-context-key', 12, "$(labels['carto\\.run/supply-chain-name'])$ reads labels, which the templating context does not have");
  });

  it('owner-field-unknown: a misspelt Workload field, and a field Cartographer 0.0.6 did not have', () => {
    const d = expectOne(lintYaml(clusterTemplate(`      url: $(workload.spec.sourc.git.url)$
`)), 'owner-field-unknown', 12, '$(workload.spec.sourc.git.url)$ reads spec.sourc, which a Workload does not have, so it never resolves');
    expect(d.hint).toBe('the fields of WorkloadSpec are params, source, build, env, image, resources, serviceAccountName, serviceClaims');
    const legacy = lintFiles({
      'chain.yaml': `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: blog
spec:
  selector:
    app: web
  components:
  - name: deploy
    templateRef: {kind: ClusterTemplate, name: t}
`,
      'template.yaml': clusterTemplate(`      account: $(workload.spec.serviceAccountName)$
      value: $(workload.spec.params[0].value.level)$
`),
    });
    expect(legacy.filter((x) => x.code === 'owner-field-unknown').map((x) => [x.line, x.message])).toEqual([
      [12, '$(workload.spec.serviceAccountName)$ reads spec.serviceAccountName, which a Cartographer 0.0.6 Workload does not have, so it never resolves'],
      [13, '$(workload.spec.params[0].value.level)$ selects inside spec.params[…].value, which is opaque JSON in a Cartographer 0.0.6 Workload, so it never resolves'],
    ]);
  });

  it('owner-field-unknown: a path through a field the Workload types as a string, number or boolean', () => {
    const d = expectOne(lintYaml(clusterTemplate(`      url: $(workload.spec.source.git.url.foo)$
`)), 'owner-field-unknown', 12, '$(workload.spec.source.git.url.foo)$ reads foo inside spec.source.git.url, which is a string in a Workload, so it never resolves');
    expect(d.hint).toBe('spec.source.git.url has no fields: read it whole, $(workload.spec.source.git.url)$');
    expectOne(lintYaml(clusterTemplate(`      n: $(workload.metadata.generation.value)$
`)), 'owner-field-unknown', 12, '$(workload.metadata.generation.value)$ reads value inside metadata.generation, which is a number in a Workload, so it never resolves');
    // A map's keys are free (labels), and a whole scalar is fine.
    expect(codes(lintYaml(clusterTemplate(`      a: $(workload.metadata.labels.app)$
      b: $(workload.spec.source.git.url)$
`)))).not.toContain('owner-field-unknown');
  });

  it('param-indexed: $(params.x.y)$ never resolves in spec.template', () => {
    expectOne(lintYaml(clusterTemplate(`      server: $(params.registry.server)$
`)), 'param-indexed', 12, '$(params.registry.server)$ indexes into param registry, and params cannot be indexed in spec.template: it never resolves');
  });

  it('runnable-input-indexed: $(runnable.spec.inputs.x.y)$', () => {
    expectOne(lintYaml(runTemplate('run-', '$(runnable.spec.inputs.source.url)$')), 'runnable-input-indexed', 14, '$(runnable.spec.inputs.source.url)$ indexes into Runnable input source, and Runnable inputs cannot be indexed: it never resolves');
  });

  it('placeholder-unclosed: $(workload.metadata.name) without the closing $', () => {
    expectOne(lintYaml(clusterTemplate(`      name: app-$(workload.metadata.name)
      tekton: $(params.url)
`)), 'placeholder-unclosed', 12, '$(workload.metadata.name) has no closing )$, so the controller leaves it as text');
  });

  it('input-not-declared: a source the resource does not declare', () => {
    const d = chainWith(deployResource, clusterTemplate(`      url: $(sources.source.url)$
`));
    const one = expectOne(d, 'input-not-declared', 12, '$(sources.source.url)$ reads the source input source, which resource deploy of ClusterSupplyChain chain does not declare');
    expect(one.file).toBe('template.yaml');
    expect(one.hint).toBe('it declares code; rename the input or the placeholder');
  });

  it('singular-input-ambiguous: $(source.url)$ with two sources', () => {
    const d = chainWith(`${deployResource}    - resource: source
      name: other
`, clusterTemplate(`      url: $(source.url)$
`));
    expectOne(d, 'singular-input-ambiguous', 12, '$(source.url)$ needs exactly one source input, but resource deploy of ClusterSupplyChain chain declares 2 (code, other), so $(source)$ is not set');
  });

  it('param-not-provided: a param nothing provides', () => {
    const d = chainWith(deployResource, clusterTemplate(`      level: $(params.log_level)$
`));
    expectOne(d, 'param-not-provided', 12, '$(params.log_level)$: param log_level is provided nowhere: ClusterTemplate t does not declare it, and neither ClusterSupplyChain chain, its resource deploy, nor any Workload it selects in the inputs sets it');
  });

  it('param-not-provided: a slip of a declared param gets its did-you-mean', () => {
    const d = chainWith(`${deployResource}    params:
    - name: log_level
      value: debug
`, clusterTemplate(`      level: $(params.loglevel)$
`));
    const one = expectOne(d, 'param-not-provided', 12, '$(params.loglevel)$: param loglevel is provided nowhere: ClusterTemplate t does not declare it, and neither ClusterSupplyChain chain, its resource deploy, nor any Workload it selects in the inputs sets it');
    expect(one.hint).toMatch(/^did you mean log_level\? declare it/);
  });

  it('param-not-provided: a param only some Workloads set', () => {
    const workloads = ['a', 'b'].map((name, i) => `apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: ${name}
  namespace: apps
  labels:
    app: web
spec:
  source:
    git: {url: https://example.com/${name}.git}
${i === 0 ? '  params:\n  - name: log_level\n    value: debug\n' : ''}`).join('---\n');
    const d = chainWith(deployResource, clusterTemplate(`      level: $(params.log_level)$
`), { 'workloads.yaml': workloads });
    expectOne(d, 'param-not-provided', 12, '$(params.log_level)$: param log_level is not set for Workload apps/b: ClusterTemplate t does not declare it, and neither ClusterSupplyChain chain nor its resource deploy sets it');
  });

  it('params provided by the template, the blueprint or the resource are fine', () => {
    const d = chainWith(`${deployResource}    params:
    - name: from_resource
      value: x
`, `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: t
spec:
  params:
  - name: from_template
    default: y
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: $(workload.metadata.name)$
    data:
      a: $(params.from_template)$
      b: $(params.from_resource)$
      url: $(sources.code.url)$
`);
    expect(codes(d)).toEqual([]);
  });
});

describe('output paths', () => {
  const configTemplate = (configPath: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata:
  name: config
spec:
  configPath: ${configPath}
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: $(workload.metadata.name)$
    data:
      level: info
`;

  it('output-path-unresolvable: a path through a plain string', () => {
    expectOne(lintYaml(configTemplate('.data.level.value')), 'output-path-unresolvable', 6, 'spec.configPath .data.level.value can never resolve: data.level is a string in the ConfigMap the template stamps, so its config output is never found');
  });

  it('output-path-not-stamped: a field the template does not stamp', () => {
    expectOne(lintYaml(configTemplate('.data.levels')), 'output-path-not-stamped', 6, 'spec.configPath .data.levels: the ConfigMap the template stamps has no data.levels, so its config output can only come from another controller');
  });

  it('jsonpath-syntax: an output path that does not parse', () => {
    expectOne(lintYaml(configTemplate(`'.data["level"]'`)), 'jsonpath-syntax', 6, `spec.configPath .data["level"]: evaluate: failed to parse jsonpath '{.data["level"]}': invalid array index "level"`);
  });

  it('status, metadata and placeholders are not second-guessed', () => {
    expect(codes(lintYaml(configTemplate('.status.config')))).toEqual([]);
    expect(codes(lintYaml(configTemplate('.metadata.annotations.x')))).toEqual([]);
    expect(codes(lintYaml(configTemplate('.data')))).toEqual([]);
  });
});
