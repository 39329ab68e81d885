// How directories become ytt runs (README "ytt packages and whole repositories"), through the
// real binary on directories written here: -f DIR is one package; -R finds package roots (a
// directory directly holding a data values or .star file), nested roots and `_ytt_lib` belong to
// the topmost, and a ytt file under no root runs alone. What cannot be read is set aside unless it
// would change what is rendered.
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTrees } from '../helpers/temp-tree.js';
import { carto } from '../helpers/cli.js';
import { configMapTemplate } from '../helpers/chains.js';

/** A directory holding these files (relative path → text). */
const tree = tempTrees('carto-packages-');

const WORKLOAD = 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: app, namespace: dev, labels: {app: web}}\nspec: {}\n';
const chain = (template: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: chain}
spec:
  selector: {app: web}
  resources:
  - name: config
    templateRef: {kind: ClusterTemplate, name: ${template}}
`;
/** A ClusterTemplate stamping a ConfigMap whose data value is a ytt expression. */
const template = (name: string, expr: string, head = '#@ load("@ytt:data", "data")\n') => `${head}---
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: ${name}}
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: $(workload.metadata.name)$}
    data:
      value: #@ ${expr}
`;
/** The same, written as plain YAML. */
const plainTemplate = (name: string, value: string) => configMapTemplate(name, `{value: ${value}}`);
const valueOf = (stdout: string): string | undefined => /^ {2}value: (.*)$/m.exec(stdout)?.[1];

describe('-R finds package roots', () => {
  it('the directory named with -R is one package when it is a root itself (load("/…") from a subdirectory works)', () => {
    const dir = tree({
      'helpers.star': 'def greeting():\n  return "hello"\nend\n',
      'templates/t.yaml': template('t', 'greeting()', '#@ load("/helpers.star", "greeting")\n'),
      'chain.yaml': chain('t'),
      'workload.yaml': WORKLOAD,
    });
    const r = carto(['render', '-R', dir]);
    expect(r.stderr).not.toMatch(/^error/m);
    expect(valueOf(r.stdout)).toBe('hello');
  });

  it('a root inside another belongs to it: both data values files meet the templates in one run', () => {
    const dir = tree({
      'pkg/schema.yaml': '#@data/values-schema\n---\ngreeting: hello\nname: ""\n',
      'pkg/more/values.yaml': '#@data/values\n---\nname: world\n',
      'pkg/t.yaml': template('t', 'data.values.greeting + " " + data.values.name'),
      'chain.yaml': chain('t'),
      'workload.yaml': WORKLOAD,
    });
    const r = carto(['render', '-R', dir]);
    expect(r.stderr).not.toMatch(/^error/m);
    expect(valueOf(r.stdout)).toBe('hello world');
  });

  it('a private library (_ytt_lib) makes the directory holding it a package root, and is not a root of its own', () => {
    const dir = tree({
      'pkg/_ytt_lib/lib/values.yaml': '#@data/values\n---\nword: unused\n',
      'pkg/_ytt_lib/lib/helpers.star': 'def word():\n  return "from-the-library"\nend\n',
      'pkg/t.yaml': template('t', 'word()', '#@ load("@lib:helpers.star", "word")\n'),
      'chain.yaml': chain('t'),
      'workload.yaml': WORKLOAD,
    });
    const r = carto(['render', '-R', dir]);
    expect(r.stderr).not.toMatch(/^error/m);
    expect(valueOf(r.stdout)).toBe('from-the-library');
  });

  it('a ytt template under no root is evaluated alone (with the command line data values)', () => {
    const dir = tree({ 'loose/t.yaml': template('t', 'data.values.greeting'), 'chain.yaml': chain('t'), 'workload.yaml': WORKLOAD });
    const r = carto(['render', '-R', dir, '-v', 'greeting=hi']);
    expect(r.stderr).not.toMatch(/^error/m);
    expect(valueOf(r.stdout)).toBe('hi');
  });

  it('a package whose templates load a helper kept in a sibling directory says how to read it whole', () => {
    const dir = tree({
      'pkg/lib/helpers.star': 'def greeting():\n  return "hello"\nend\n',
      'pkg/config/t.yaml': template('t', 'greeting()', '#@ load("/lib/helpers.star", "greeting")\n'),
      'chain.yaml': chain('t'),
      'workload.yaml': WORKLOAD,
    });
    const r = carto(['render', '-R', dir]);
    expect(r.status).toBe(1);
    // the directory that holds /lib/helpers.star: the package's own (what -R did not find)
    expect(r.stderr).toContain(`hint: name the package's own directory, -f ${dir}/pkg/, which holds lib/helpers.star`);
    expect(r.stderr).toContain('-R finds a package only where a data values or .star file sits at its top');
    const whole = carto(['render', '-f', join(dir, 'pkg'), '-f', join(dir, 'chain.yaml'), '-f', join(dir, 'workload.yaml')]);
    expect(valueOf(whole.stdout)).toBe('hello');
  });
});

describe('the inputs named together form one run, as ytt -f A -f B', () => {
  it('a plain directory named beside a ytt file is read as ytt reads it (its subdirectories too)', () => {
    const dir = tree({
      'templates/app/t.yaml': plainTemplate('t', 'from-a-subdirectory'),
      'supply-chain.yaml': `#@ load("@ytt:data", "data")\n${chain('t').replace('metadata: {name: chain}', 'metadata:\n  name: #@ data.values.name')}`,
      'workload.yaml': WORKLOAD,
    });
    const r = carto(['render', '-f', join(dir, 'templates'), '-f', join(dir, 'supply-chain.yaml'), '-f', join(dir, 'workload.yaml'), '-v', 'name=chain']);
    expect(r.stderr).not.toMatch(/^error/m);
    expect(valueOf(r.stdout)).toBe('from-a-subdirectory');
  });

  it('with -R, directories named together stay one run unless one holds packages below its top', () => {
    const dir = tree({
      'example/values.yaml': '#@data/values\n---\ngreeting: hello\n',
      'example/workload.yaml': WORKLOAD,
      'shared/templates/t.yaml': template('t', 'data.values.greeting'),
      'shared/chain.yaml': chain('t'),
    });
    const r = carto(['render', '-R', '-f', join(dir, 'example'), '-f', join(dir, 'shared')]);
    expect(r.stderr).not.toMatch(/^error/m);
    expect(valueOf(r.stdout)).toBe('hello');
  });
});

describe('what is never set aside', () => {
  it("a data values file of a package holding carto.run objects: its error is an error (leaving it out would change what renders)", () => {
    const dir = tree({
      'pkg/schema.yaml': '#@data/values-schema\n---\nreplicas: 1\n',
      'pkg/values.yaml': '#@data/values\n---\nreplicas: many\n',
      'pkg/t.yaml': template('t', 'str(data.values.replicas)'),
      'chain.yaml': chain('t'),
      'workload.yaml': WORKLOAD,
    });
    const r = carto(['render', '-R', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*pkg\/values\.yaml:\d+: ytt failed on the input files: /m);
    expect(r.stderr).not.toContain('set aside');
  });

  it('a Starlark helper that fails: its own error, not "cannot load" after setting it aside', () => {
    const dir = tree({
      'pkg/aaa.star': 'def f():\n  return undefined_name\nend\n',
      'pkg/t.yaml': template('t', 'f()', '#@ load("aaa.star", "f")\n'),
      'chain.yaml': chain('t'),
      'workload.yaml': WORKLOAD,
    });
    const r = carto(['render', '-R', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('undefined: undefined_name');
    expect(r.stderr).not.toContain('cannot load');
    expect(r.stderr).not.toContain('set aside');
  });

  it('a file named on its own is read once, as named, even under a directory read with -R', () => {
    const dir = tree({ 'other/secret.yaml': '#@ load("@ytt:data", "data")\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {p: #@ data.values.password}\n' });
    const r = carto(['render', '-R', dir, '-f', join(dir, 'other/secret.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr.match(/secret\.yaml/g)?.length).toBeGreaterThan(0);
    expect(r.stderr).not.toContain('set aside');
  });
});

describe('ytt failures say what to do', () => {
  it('a data value error has its substance in the headline, at the values file and line', () => {
    const dir = tree({
      'config/schema.yaml': '#@data/values-schema\n---\nreplicas: 1\n',
      'config/t.yaml': template('t', 'str(data.values.replicas)'),
      'config/chain.yaml': chain('t'),
      'values.yaml': 'replicas: many\n',
      'workload.yaml': WORKLOAD,
    });
    const lint = carto(['lint', '-f', join(dir, 'config'), '-f', join(dir, 'workload.yaml'), '--data-values-file', join(dir, 'values.yaml')]);
    expect(lint.stdout).toBe(`${join(dir, 'values.yaml')}:1:1  error  ytt-template-file  ytt failed on the input files: One or more data values were invalid; values.yaml: found: string; expected: integer (by schema.yaml:3)\n`);
    const flag = carto(['render', '-f', join(dir, 'config'), '-v', 'replica=2']);
    expect(flag.stderr).toMatch(/^error: ytt failed on the input files: One or more data values were invalid; Given data value is not declared in schema; \(data-value arg\): found: replica; expected: .*; hint: did you mean "replicas"\?$/m);
  });

  it('a values file annotated #@data/values given with --data-values-file: give it with -f', () => {
    const dir = tree({ 't.yaml': template('t', 'data.values.x'), 'values.yaml': '#@data/values\n---\nx: 1\n' });
    const r = carto(['render', '-f', join(dir, 't.yaml'), '--data-values-file', join(dir, 'values.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('hint: a file annotated #@data/values is part of the package: give it with -f FILE (--data-values-file takes plain YAML)');
  });
});

describe('inputs that are not what they seem', () => {
  it('a plain values file named with -f beside a ytt package gets a note: it holds no object, give it with --data-values-file', () => {
    const dir = tree({ 'values.yaml': 'greeting: hi\n', 'chain.yaml': chain('t'), 't.yaml': template('t', 'data.values.greeting'), 'workload.yaml': WORKLOAD });
    const r = carto(['render', join(dir, 'chain.yaml'), join(dir, 't.yaml'), join(dir, 'workload.yaml'), '-f', join(dir, 'values.yaml'), '-v', 'greeting=hi']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`note: ${join(dir, 'values.yaml')}:1: a document with neither apiVersion nor kind: carto reads no object from it\n    hint: if it holds data values for the input files that are ytt templates, give it with --data-values-file FILE`);
  });

  it('a Workload of another API group is named when it is all there is', () => {
    const dir = tree({ 'claim.yaml': 'apiVersion: app.example.io/v1alpha1\nkind: Workload\nmetadata: {name: go}\n' });
    const r = carto(['render', dir]);
    expect(r.stderr).toContain(`hint: ${join(dir, 'claim.yaml')}:1 holds a Workload of apiVersion app.example.io/v1alpha1, which is not Cartographer's (carto.run/v1alpha1)`);
  });
});

describe('what holds a carto.run object', () => {
  it('a Role granting apiGroups [carto.run] is another tool\'s file: set aside when its ytt fails, not an error', () => {
    const dir = tree({
      'chain.yaml': chain('t'),
      't.yaml': plainTemplate('t', 'x'),
      'workload.yaml': WORKLOAD,
      'rbac/role.yaml': '#@ load("@ytt:data", "data")\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: #@ data.values.namespace}\nrules:\n- apiGroups: [carto.run]\n  resources: [workloads]\n  verbs: [get]\n',
    });
    const r = carto(['render', '-R', dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/set aside a file that is not a Cartographer input and cannot be read: \S+rbac\/role\.yaml/);
  });
});

describe('the set-aside note stays short', () => {
  it('names five files, then how many more; its detail lists twenty, then how many more', () => {
    const files: Record<string, string> = { 'chain.yaml': chain('t'), 't.yaml': plainTemplate('t', 'x'), 'workload.yaml': WORKLOAD };
    for (let i = 0; i < 30; i++) files[`broken/b${String(i).padStart(2, '0')}.json`] = '{"a": 1,,}';
    const r = carto(['render', '-R', tree(files)]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/set aside 30 files that are not Cartographer inputs and cannot be read: (\S+\.json, ){5}and 25 more\n/);
    expect(r.stderr).toContain('| … and 10 more\n');
    expect(r.stderr.split('\n').length).toBeLessThan(40);
  });
});

describe('symlinks, JSON and data values in packages', () => {
  it('a symlink in a ytt package is refused (as ytt refuses it); in a plain directory it is read as kubectl reads it', () => {
    const outside = tree({ 'secret.txt': 'top secret\n' });
    const pkg = tree({ 'config/values.yaml': '#@data/values\n---\nx: 1\n', 'config/t.yaml': template('t', 'data.read("key")'), 'chain.yaml': chain('t'), 'workload.yaml': WORKLOAD });
    symlinkSync(join(outside, 'secret.txt'), join(pkg, 'config/key'));
    const r = carto(['render', '-f', join(pkg, 'config'), '-f', join(pkg, 'chain.yaml'), '-f', join(pkg, 'workload.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('top secret');
    expect(r.stderr).toContain('is a symlink in a ytt package: ytt refuses to read one');
    const plain = tree({ 'chain.yaml': chain('t') });
    symlinkSync(join(pkg, 'workload.yaml'), join(plain, 'workload.yaml'));
    writeFileSync(join(plain, 't.yaml'), plainTemplate('t', 'plain'));
    expect(valueOf(carto(['render', plain, '-v', 'unused=1']).stdout)).toBe('plain');
  });

  it("a package's .json files are data, as ytt takes them: one holding carto.run objects is named in a note, not rendered", () => {
    const dir = tree({ 'config/values.yaml': '#@data/values\n---\nx: 1\n', 'config/t.yaml': template('t', '"x"'), 'config/chain.yaml': chain('t'), 'config/workload.json': JSON.stringify({ apiVersion: 'carto.run/v1alpha1', kind: 'Workload', metadata: { name: 'app', namespace: 'dev', labels: { app: 'web' } }, spec: {} }) });
    const r = carto(['render', '-f', join(dir, 'config')]);
    expect(r.stderr).toContain('workload.json holds carto.run objects, but ytt takes a package\'s .json files for data, not templates');
    expect(r.stdout).toBe('');
  });

  it('data values given when no input is a ytt template are said to be unused', () => {
    const dir = tree({ 'chain.yaml': chain('t'), 't.yaml': plainTemplate('t', 'x'), 'workload.yaml': WORKLOAD });
    const r = carto(['render', dir, '-v', 'greeting=hi']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('note: data values were given (--data-values-file, -v, --data-value-yaml, --data-value-file) but no input is a ytt template');
  });
});
