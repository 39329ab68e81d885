// Problems lint catches that render used to let through (issue 15, item 7), through the real
// binary: render refuses them with the same code, and both say what was probably meant.
import { describe, expect, it } from 'vitest';
import { carto, withoutHints } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';
import { blueprintDoc, ownerDoc } from '../helpers/chains.js';

const tree = tempTrees('carto-gaps-');

const TEMPLATE = `apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata: {name: cfg}
spec:
  configPath: .data
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: $(workload.metadata.name)$}, data: {a: b}}
`;
const WORKLOAD = ownerDoc('Workload', '{name: app, uid: 0b9c7f1e-0000-4000-8000-000000000001, labels: {app: web}}');
const chain = (resources: string, kind = 'ClusterSupplyChain') => blueprintDoc(resources, { kind: kind as 'ClusterSupplyChain' });
const resource = (name: string, template = 'cfg') => `  - name: ${name}
    templateRef: {kind: ClusterConfigTemplate, name: ${template}}
`;

/** The first line of each diagnostic on stderr. */
const heads = (stderr: string) => stderr.split('\n').filter((l) => /^(error|warning|note): /.test(l));

describe('render refuses what lint catches', () => {
  it('two resources with one name: the webhook refuses the blueprint, nothing is stamped', () => {
    const dir = tree({ 'sc.yaml': chain(resource('cfg') + resource('cfg')), 't.yaml': TEMPLATE, 'w.yaml': WORKLOAD });
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    // The same sentence as lint's, below.
    expect(heads(r.stderr)).toEqual([`error: ${dir}/sc.yaml:9:11: ClusterSupplyChain sc: spec.resources[1].name repeats the name cfg, which another resource already has`]);
    expect(r.stderr).toContain('controller: error validating clustersupplychain [sc]: duplicate resource name [cfg] found');
    const lint = carto(['lint', dir]);
    expect(lint.stdout).toContain('sc.yaml:9:11  error  duplicate-resource-name  ClusterSupplyChain sc: spec.resources[1].name repeats the name cfg, which another resource already has\n    controller: error validating clustersupplychain [sc]: duplicate resource name [cfg] found\n');
  });

  it('apiVersion carto.run/v1: not served, an error rather than a render of it', () => {
    const dir = tree({ 'sc.yaml': chain(resource('cfg')), 't.yaml': TEMPLATE, 'w.yaml': WORKLOAD.replace('carto.run/v1alpha1', 'carto.run/v1') });
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(heads(r.stderr)[0]).toBe(`error: ${dir}/w.yaml:1:13: no matches for kind "Workload" in version "carto.run/v1"`);
    expect(carto(['lint', dir]).stdout).toContain('w.yaml:1:13  error  unknown-api-version  Workload app: apiVersion carto.run/v1 is not one Cartographer serves\n    controller: no matches for kind "Workload" in version "carto.run/v1"\n');
  });

  it('kind: workload (wrong case): an error with the kind meant, not silently dropped', () => {
    const dir = tree({ 'sc.yaml': chain(resource('cfg')), 't.yaml': TEMPLATE, 'w.yaml': WORKLOAD.replace('kind: Workload', 'kind: workload') });
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(heads(r.stderr)[0]).toBe(`error: ${dir}/w.yaml:2:7: carto.run/v1alpha1 has no kind workload`);
    expect(r.stderr).toContain('hint: did you mean Workload? (kinds are case-sensitive)');
    const lint = carto(['lint', dir]);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('w.yaml:2:7  error  unknown-kind  carto.run/v1alpha1 has no kind workload');
  });

  it('a misspelt kind gets "did you mean" in lint too', () => {
    const dir = tree({ 'sc.yaml': chain(resource('cfg'), 'ClusterSuplyChain') });
    const lint = carto(['lint', '--format', 'json', dir]);
    const [d] = JSON.parse(lint.stdout).diagnostics;
    expect(d).toMatchObject({ code: 'unknown-kind', severity: 'error', line: 2, column: 7 });
    expect(d.hint).toMatch(/^did you mean ClusterSupplyChain\?/);
    // …and in the text report, as an indented hint line after the problem (and its controller line).
    const text = carto(['lint', dir]).stdout.split('\n');
    const at = text.findIndex((l) => l.includes('  error  unknown-kind  '));
    expect(text.slice(at + 1).find((l) => !l.startsWith('    controller: '))).toBe(`    hint: ${d.hint}`);
  });
});

describe('did you mean', () => {
  const typos = chain(`${resource('source-provider', 'cfgg')}  - name: b
    templateRef:
      kind: ClusterConfigTemplate
      name: cfg
    configs:
    - resource: source-provdier
      name: c
`);
  const reading = TEMPLATE.replace('a: b', 'a: $(config)$');

  it('a templateRef name one slip away from a template of its kind, in render and lint', () => {
    const dir = tree({ 'sc.yaml': typos, 't.yaml': TEMPLATE, 'w.yaml': WORKLOAD });
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('hint: did you mean cfg? the inputs have a ClusterConfigTemplate of that name');
    const lint = JSON.parse(carto(['lint', '--format', 'json', dir]).stdout).diagnostics;
    expect(lint.find((d: { code: string }) => d.code === 'template-not-found').hint).toBe('did you mean cfg? the inputs have a ClusterConfigTemplate of that name');
  });

  it('an input naming a resource not in the blueprint, in lint and in the hint of what render hits', () => {
    const dir = tree({ 'sc.yaml': typos.replace('name: cfgg', 'name: cfg'), 't.yaml': reading, 'w.yaml': WORKLOAD });
    const lint = JSON.parse(carto(['lint', '--format', 'json', dir]).stdout).diagnostics;
    expect(lint.find((d: { code: string }) => d.code === 'input-unknown-resource').hint).toMatch(/^did you mean source-provider\? name one of/);
    const r = carto(['render', dir]);
    expect(r.stderr).toContain('hint: input c names resource source-provdier, which is not in the blueprint: did you mean source-provider?');
  });

  it('no guess when nothing is close', () => {
    const dir = tree({ 'sc.yaml': chain(resource('a', 'kpack-image')), 't.yaml': TEMPLATE, 'w.yaml': WORKLOAD });
    expect(carto(['render', dir]).stderr).not.toContain('did you mean');
  });
});

describe('supplied outputs', () => {
  const reading = TEMPLATE.replace('a: b', 'a: $(config)$');
  const twoStep = chain(`${resource('first')}  - name: second
    templateRef:
      kind: ClusterConfigTemplate
      name: reader
    configs:
    - resource: first
      name: c
`);
  const inputs = () => tree({ 'sc.yaml': twoStep, 't.yaml': TEMPLATE + '---\n' + reading.replace('name: cfg', 'name: reader'), 'w.yaml': WORKLOAD });

  it('--set-output RESOURCE.config= with text that is not YAML is a usage error, not a string', () => {
    const r = carto(['render', inputs(), '--set-output', 'first.config={a: b']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^carto: --set-output first\.config=\{a: b: the config value is not valid YAML: Flow map must end with a \} at line 1, column 6; quote a value meant as a string/);
    // YAML that is a plain string stays one.
    const ok = carto(['render', inputs(), '--set-output', 'first.config=plain text']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('a: plain text');
  });

  it('an --outputs key whose owner part names no owner of the inputs is reported, with the owner meant', () => {
    const dir = inputs();
    const outputs = tree({ 'o.yaml': 'nobody/first:\n  config: {a: 1}\ndefault/ap/first:\n  config: {a: 2}\napp/first:\n  config: {a: 3}\n' });
    const r = carto(['render', dir, '--outputs', `${outputs}/o.yaml`]);
    expect(r.status).toBe(0);
    expect(heads(r.stderr)).toEqual([
      'warning: supplied outputs for nobody/first match no owner: the inputs hold no Workload or Deliverable nobody',
      'warning: supplied outputs for default/ap/first match no owner: the inputs hold no Workload or Deliverable default/ap',
    ]);
    expect(r.stderr).toContain('hint: did you mean default/app? the inputs hold default/app;');
  });

  it('--outputs given a directory is a usage error naming the flag, and nothing under it is read', () => {
    const dir = tree({ 'sub/not-outputs.yaml': 'a: [unclosed\n' });
    const r = carto(['render', inputs(), '--outputs', dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`carto: --outputs ${dir}: this is a directory; --outputs takes one file\n`);
  });

  it('--outputs given a list, a string or a live object: a message of its own', () => {
    const files = tree({
      'list.yaml': '- first\n- second\n',
      'live.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\ndata:\n  a: b\n',
    });
    const list = carto(['render', inputs(), '--outputs', `${files}/list.yaml`]);
    expect(list.status).toBe(1);
    expect(heads(list.stderr)).toEqual([`error: ${files}/list.yaml:1: the outputs file must be a mapping from resource to its outputs, not a list`]);
    const live = carto(['render', inputs(), '--outputs', `${files}/live.yaml`]);
    expect(live.status).toBe(1);
    expect(heads(live.stderr)).toEqual([`error: ${files}/live.yaml:1:1: the outputs file holds a Kubernetes object (ConfigMap first), not outputs`]);
    expect(live.stderr).toContain('hint: give live objects with --observed FILE');
  });
});

describe('inputs kubectl or helm would read differently', () => {
  it('JSON with a trailing comma is refused as kubectl refuses it, at the comma\'s closer, with kubectl\'s message', () => {
    const dir = tree({
      'w.json': '{"apiVersion": "carto.run/v1alpha1", "kind": "Workload", "metadata": {"name": "w",}, "spec": {}}\n',
      'l.json': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "w"}, "x": [1,\n 2, ]}\n',
    });
    const render = carto(['render', `${dir}/w.json`]);
    expect(render.status).toBe(1);
    expect(heads(render.stderr)).toEqual([`error: ${dir}/w.json:1:83: JSON syntax error: a trailing comma before '}'`]);
    // kubectl create --dry-run=client -f w.json: the same offset and words.
    expect(render.stderr).toContain(`controller: error parsing ${dir}/w.json: json: offset 83: invalid character '}' looking for beginning of object key string`);
    const lint = carto(['lint', `${dir}/l.json`]);
    expect(lint.status).toBe(1);
    expect(withoutHints(lint.stdout)).toBe(`${dir}/l.json:2:5  error  json-syntax  JSON syntax error: a trailing comma before ']'\n    controller: error parsing ${dir}/l.json: json: offset 83: invalid character ']' looking for beginning of value\n`);
    // A comma inside a string is no trailing comma.
    const fine = tree({ 'w.json': '{"apiVersion": "carto.run/v1alpha1", "kind": "Workload", "metadata": {"name": "w", "labels": {"a": ",}"}}, "spec": {}}\n' });
    expect(carto(['lint', fine]).stdout).not.toContain('json-syntax');
  });

  const HELM = `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: {{ .Values.name }}
spec:
  selector:
    {{- toYaml .Values.selector | nindent 4 }}
  resources: []
`;

  it('a Helm template gets one error saying so, on lint and render, not the YAML parser\'s', () => {
    const dir = tree({ 'chart/Chart.yaml': 'apiVersion: v2\nname: x\nversion: 0.1.0\n', 'chart/templates/sc.yaml': HELM });
    const lint = carto(['lint', '-R', `${dir}/chart/templates/sc.yaml`]);
    expect(lint.status).toBe(1);
    expect(withoutHints(lint.stdout)).toBe(`${dir}/chart/templates/sc.yaml:4:1  error  yaml-syntax  this looks like a Helm chart template ({{ … }} at line 4), not YAML: render it with helm template first\n`);
    const render = carto(['render', '-'], { input: HELM });
    expect(render.status).toBe(1);
    expect(heads(render.stderr)).toEqual(['error: <stdin>:4: this looks like a Helm chart template ({{ … }} at line 4), not YAML: render it with helm template first']);
    expect(render.stderr).toContain('hint: helm template RELEASE CHART');
  });

  it('a file that fails to parse in a chart (Chart.yaml beside it) gets the Helm message too', () => {
    const dir = tree({ 'Chart.yaml': 'apiVersion: v2\nname: x\n', 'x.yaml': 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: a: b\n' });
    expect(carto(['lint', `${dir}/x.yaml`]).stdout).toContain(`this looks like a Helm chart template (${dir}/Chart.yaml beside it), not YAML`);
  });

  it('a chart directory named as an input is one error saying so, with or without -R, on lint and render', () => {
    const dir = tree({ 'mychart/Chart.yaml': 'apiVersion: v2\nname: x\nversion: 0.1.0\n', 'mychart/values.yaml': 'replicas: 1\n', 'mychart/templates/sc.yaml': HELM });
    for (const args of [['lint', `${dir}/mychart`], ['lint', '--strict', `${dir}/mychart`], ['render', `${dir}/mychart`], ['lint', '-R', `${dir}/mychart`]]) {
      const r = carto(args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).toContain(`${dir}/mychart is a Helm chart (${dir}/mychart/Chart.yaml), not manifests: render it with helm template first`);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).not.toContain('mychart/values.yaml');
    }
  });

  it('lint of an empty directory or empty stdin warns, and fails with --strict', () => {
    const empty = tree({ '.keep': '' });
    for (const args of [[empty], ['-']]) {
      const r = carto(['lint', ...args]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('warning  no-objects  the inputs hold no object at all: nothing was checked');
      expect(carto(['lint', '--strict', ...args]).status).toBe(1);
    }
  });
});
