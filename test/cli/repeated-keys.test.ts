// A key given twice in one mapping, through the real binary: every command that reads the file
// refuses it with both lines (kubectl would keep the last value without a word), for the inputs,
// --outputs, --observed and --data-values-file alike; a file under a directory that holds no
// Cartographer input is set aside as other unreadable files are.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, carto } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';

const tree = tempTrees('carto-repeated-keys-');
const example = (file: string) => readFileSync(join(ROOT, 'examples/source-to-url', file), 'utf8');
const SOURCE = { 'supply-chain.yaml': example('supply-chain.yaml'), 'templates.yaml': example('templates.yaml') };
const WORKLOAD = example('hello-golang.yaml');
/** The Workload with its git url given twice: the first (line 11) is the one a user just edited. */
const TWICE = WORKLOAD.replace('      url: https://github.com/making/hello-golang.git\n', '      url: https://github.com/me/hello-golang.git\n      url: https://github.com/making/hello-golang.git\n');

const heads = (stderr: string) => stderr.split('\n').filter((l) => /^(error|warning|note): /.test(l));

describe('a repeated key is an input error', () => {
  it('render refuses, naming the file, both lines and the field; nothing is printed', () => {
    const dir = tree({ ...SOURCE, 'w.yaml': TWICE });
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(heads(r.stderr)).toEqual([`error: ${dir}/w.yaml:12:7: spec.source.git.url of Workload hello-golang is given twice in the same mapping, at line 11 and line 12: only the value at line 12 would be read`]);
    expect(r.stderr).toContain('|   line 12: key "url" already set in map');
    expect(r.stderr).toContain('kubectl apply would silently keep the value at line 12');
  });

  it('lint: the code, in text and JSON; status says it too', () => {
    const dir = tree({ ...SOURCE, 'w.yaml': TWICE });
    const lint = carto(['lint', dir]);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('w.yaml:12:7  error  duplicate-key  spec.source.git.url of Workload hello-golang is given twice in the same mapping, at line 11 and line 12: only the value at line 12 would be read\n');
    const json = JSON.parse(carto(['lint', '--format', 'json', dir]).stdout) as { diagnostics: { code: string; line: number; path: string }[] };
    expect(json.diagnostics.filter((d) => d.code === 'duplicate-key').map((d) => [d.line, d.path])).toStrictEqual([[12, 'spec.source.git.url']]);
    const status = carto(['status', dir]);
    expect(status.status).toBe(1);
    expect(heads(status.stderr)[0]).toContain('spec.source.git.url of Workload hello-golang is given twice in the same mapping');
  });

  it('a file of no Cartographer input under a directory is set aside; named, it is an error', () => {
    const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: "1"\n  a: "2"\n';
    const dir = tree({ ...SOURCE, 'w.yaml': WORKLOAD, 'other/cm.yaml': other });
    const r = carto(['render', '-R', dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`note: ${dir}/other/cm.yaml: set aside a file that is not a Cartographer input and cannot be read`);
    const named = carto(['render', dir, join(dir, 'other/cm.yaml')]);
    expect(named.status).toBe(1);
    expect(heads(named.stderr)).toEqual([`error: ${dir}/other/cm.yaml:6:3: data.a of ConfigMap x is given twice in the same mapping, at line 5 and line 6: only the value at line 6 would be read`]);
  });

  it('two files joined without `---`: one error saying where the line goes', () => {
    const dir = tree({ 'all.yaml': SOURCE['supply-chain.yaml'] + WORKLOAD });
    const lint = carto(['lint', join(dir, 'all.yaml')]);
    const line = SOURCE['supply-chain.yaml'].split('\n').length + 1;
    expect(lint.stdout).toMatch(new RegExp(`all\\.yaml:${line}:1  error  duplicate-key  .*two objects are written as one document, from line 2: apiVersion, kind, metadata and spec are given again from line ${line}`));
    expect(lint.stdout).toContain(`hint: put a line \`---\` before line ${line}, where the second object starts`);
  });

  it('--outputs, --observed and --data-values-file files are checked too', () => {
    const dir = tree({ ...SOURCE, 'w.yaml': WORKLOAD });
    const files = tree({
      'outputs.yaml': 'hello-golang/image-builder:\n  image: a.example/x@sha256:1\nhello-golang/image-builder:\n  image: a.example/x@sha256:2\n',
      'live.yaml': 'apiVersion: source.toolkit.fluxcd.io/v1beta1\nkind: GitRepository\nmetadata: {name: hello-golang, namespace: default}\nstatus:\n  artifact: {url: a, url: b}\n',
    });
    const outputs = carto(['render', dir, '--outputs', join(files, 'outputs.yaml')]);
    expect(outputs.status).toBe(1);
    expect(heads(outputs.stderr)).toEqual([`error: ${files}/outputs.yaml:3:1: hello-golang/image-builder is given twice in the same mapping, at line 1 and line 3: only the value at line 3 would be read`]);
    expect(outputs.stderr).toContain('hint: give each key once');
    expect(outputs.stderr).not.toContain('kubectl');
    const observed = carto(['render', dir, '--observed', join(files, 'live.yaml')]);
    expect(observed.status).toBe(1);
    expect(heads(observed.stderr)[0]).toContain(`${files}/live.yaml:5:22: status.artifact.url of GitRepository default/hello-golang is given twice in the same mapping, at 5:14 and 5:22`);
    const pkg = tree({
      'config/cm.yaml': '#@ load("@ytt:data", "data")\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata:\n  interval: #@ data.values.git.interval\n',
      'config/values.yaml': '#@data/values\n---\ngit:\n  interval: 1m\n',
      'values.yaml': 'git:\n  interval: 1m\n  interval: 5m\n',
    });
    const values = carto(['render', join(pkg, 'config'), '--data-values-file', join(pkg, 'values.yaml')]);
    expect(values.status).toBe(1);
    expect(heads(values.stderr)).toEqual([`error: ${pkg}/values.yaml:3:3: git.interval is given twice in the same mapping, at line 2 and line 3: only the value at line 3 would be read`]);
    expect(values.stderr).toContain('ytt would keep the value at line 3');
  });

  it('in a ytt package: a file without #@ is plain YAML to ytt (carto says so); in a template, ytt refuses the repeat itself', () => {
    const pkg = tree({
      'config/cm.yaml': '#@ load("@ytt:data", "data")\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata:\n  interval: #@ data.values.git.interval\n',
      'config/values.yaml': '#@data/values\n---\ngit:\n  interval: 1m\n',
      'config/plain.yaml': 'apiVersion: carto.run/v1alpha1\nkind: ClusterConfigTemplate\nmetadata: {name: plain}\nspec:\n  configPath: .data\n  configPath: .spec\n  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n',
      // holding no carto.run object, it is none of carto's business (as a file ytt fails on is set aside)
      'config/other.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\ndata:\n  a: "1"\n  a: "2"\n',
    });
    const plain = carto(['render', join(pkg, 'config')]);
    expect(plain.status).toBe(1);
    expect(heads(plain.stderr)).toEqual([`error: ${pkg}/config/plain.yaml:6:3: spec.configPath of ClusterConfigTemplate plain is given twice in the same mapping, at line 5 and line 6: only the value at line 6 would be read`]);
    expect(plain.stderr).toContain('ytt reads a file without #@ annotations as plain YAML and would silently keep the value at line 6');
    const templated = tree({
      'config/cm.yaml': '#@ load("@ytt:data", "data")\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata:\n  interval: #@ data.values.git.interval\n  interval: 5m\n',
      'config/values.yaml': '#@data/values\n---\ngit:\n  interval: 1m\n',
    });
    const r = carto(['render', join(templated, 'config', 'cm.yaml'), join(templated, 'config', 'values.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("expected key 'interval' to not be specified again (unless 'yaml/map-key-override' annotation is added)");
  });

  it('in a List (a `kubectl get` export given to --observed) the item is named and the field is its own; the hint fits an export', () => {
    const dir = tree({ ...SOURCE, 'w.yaml': WORKLOAD });
    const files = tree({
      'live.yaml': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: source.toolkit.fluxcd.io/v1beta1\n  kind: GitRepository\n  metadata:\n    name: hello-golang\n    namespace: default\n    generation: 1\n    generation: 2\n  status:\n    artifact: {url: a}\n',
    });
    const r = carto(['render', dir, '--observed', join(files, 'live.yaml')]);
    expect(r.status).toBe(1);
    expect(heads(r.stderr)).toEqual([`error: ${files}/live.yaml:10:5: metadata.generation of GitRepository default/hello-golang is given twice in the same mapping, at line 9 and line 10: only the value at line 10 would be read`]);
    expect(r.stderr).toContain('hint: an export from `kubectl get -o yaml` never gives a key twice');
    expect(r.stderr).not.toContain('kubectl apply');
    expect(r.stderr).not.toContain('sigs.k8s.io/yaml');
    const json = JSON.parse(carto(['lint', '--format', 'json', join(files, 'live.yaml')]).stdout) as { diagnostics: { object?: unknown; path: string }[] };
    expect(json.diagnostics.map((d) => [d.object, d.path])).toStrictEqual([[{ kind: 'GitRepository', name: 'hello-golang', namespace: 'default' }, 'metadata.generation']]);
  });

  it('YAML 1.1 keys: "true", yes and on are one JSON key; on repeats yes (the nearest equal key, and the same boolean to go-yaml)', () => {
    const files = tree({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  "true": a\n  yes: b\n  on: c\n' });
    const r = carto(['render', join(files, 'cm.yaml')]);
    expect(heads(r.stderr)).toEqual([
      `error: ${files}/cm.yaml:6:3: data.true of ConfigMap x is given twice in the same mapping, at line 5 and line 6: only the value at line 6 would be read`,
      `error: ${files}/cm.yaml:7:3: data.true of ConfigMap x is given twice in the same mapping, at line 6 and line 7: only the value at line 7 would be read`,
    ]);
    // Only on after yes is go-yaml's strict error (a string and a boolean are two keys to it).
    expect(r.stderr.match(/already set in map/g)).toHaveLength(1);
    expect(r.stderr).toContain('|   line 7: key true already set in map');
  });
});
