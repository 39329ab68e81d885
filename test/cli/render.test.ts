// `carto render` through the real binary: inputs, flags, output formats, exit codes, and the
// all-or-nothing rule (a failed render prints nothing on stdout and writes no files).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { carto } from '../helpers/cli.js';

const TEMPLATE = `apiVersion: carto.run/v1alpha1
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
---
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: app
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: $(workload.metadata.name)$
    data:
      source: $(source.url)$
`;

const CHAIN = `apiVersion: carto.run/v1alpha1
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
  - name: deploy
    templateRef:
      kind: ClusterTemplate
      name: app
    sources:
    - resource: source
      name: source
`;

const workload = (name: string, extra = '') => `apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: ${name}
  namespace: dev
  labels:
    app: web
${extra}spec:
  source:
    git:
      url: https://example.com/${name}.git
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carto-cli-'));
  writeFileSync(join(dir, 'templates.yaml'), TEMPLATE);
  writeFileSync(join(dir, 'chain.yaml'), CHAIN);
  writeFileSync(join(dir, 'a.yaml'), workload('a'));
});

const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Record<string, any>);

describe('usage errors exit 2', () => {
  it('no inputs', () => {
    const r = carto(['render']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no inputs/);
  });
  it('an unknown flag', () => {
    const r = carto(['render', dir, '--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--frobnicate'/);
  });
  it('a path that does not exist', () => {
    const r = carto(['render', join(dir, 'missing.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*missing\.yaml: no such file or directory/);
  });
  it('an output format carto does not have', () => {
    const r = carto(['render', dir, '-o', 'toml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/-o, --output/);
  });
  it('a malformed --set-output', () => {
    const r = carto(['render', dir, '--set-output', 'source.colour=red']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expected RESOURCE\.FIELD=VALUE with FIELD one of url, revision, image, config/);
  });
  it('a command carto does not have prints the usage on stderr', () => {
    const r = carto(['rendr', dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown command 'rendr'/);
    expect(r.stderr).toMatch(/Did you mean render\?/);
    expect(r.stderr).toMatch(/Usage: carto \[options\] \[command\]/);
    expect(r.stderr).toMatch(/^ {2}lint \[options\]/m);
  });
});

describe('help and version exit 0', () => {
  it('no command at all prints help on stdout, as kubectl and helm do', () => {
    const r = carto([]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Usage: carto/);
    expect(r.stdout).toMatch(/^ {2}render \[options\]/m);
  });
  it('--help', () => {
    const r = carto(['render', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--set-output/);
  });
  it('--version', () => {
    expect(carto(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('inputs', () => {
  it('reads a directory, files given with -f, and stdin with -', () => {
    const fromDir = carto(['render', dir]);
    expect(fromDir.status).toBe(0);
    expect(docs(fromDir.stdout).map((o) => o.kind)).toEqual(['GitRepository', 'ConfigMap']);
    const fromFiles = carto(['render', '-f', join(dir, 'templates.yaml'), '-f', join(dir, 'chain.yaml'), '-f', '-'], { input: workload('a') });
    expect(fromFiles.status).toBe(0);
    expect(fromFiles.stdout).toBe(fromDir.stdout);
  });

  it('descends into subdirectories only with -R', () => {
    mkdirSync(join(dir, 'workloads'));
    writeFileSync(join(dir, 'workloads', 'b.yaml'), workload('b'));
    expect(docs(carto(['render', dir]).stdout)).toHaveLength(2);
    const recursive = docs(carto(['render', '-R', dir]).stdout);
    expect(recursive.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['GitRepository/a', 'ConfigMap/a', 'GitRepository/b', 'ConfigMap/b']);
  });

  it('reads JSON, kind: List and cluster exports with status and managedFields', () => {
    const exported = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          apiVersion: 'carto.run/v1alpha1',
          kind: 'Workload',
          metadata: {
            name: 'exported',
            namespace: 'dev',
            uid: '3f1c2a9e-1111-4222-8333-444455556666',
            labels: { app: 'web' },
            managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }],
            annotations: { 'kapp.k14s.io/identity': 'v1;dev/carto.run/Workload/exported;carto.run/v1alpha1' },
          },
          spec: { source: { git: { url: 'https://example.com/exported.git' } } },
          status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Ready', lastTransitionTime: '2024-01-01T00:00:00Z', message: '' }] },
        },
      ],
    };
    writeFileSync(join(dir, 'a.yaml'), '');
    writeFileSync(join(dir, 'exported.json'), JSON.stringify(exported));
    const r = carto(['render', dir]);
    expect(r.status).toBe(0);
    const [repo] = docs(r.stdout);
    expect(repo!.metadata.name).toBe('exported');
    // With a uid, the controller's one ownerReference is emitted.
    expect(repo!.metadata.ownerReferences).toEqual([
      { apiVersion: 'carto.run/v1alpha1', kind: 'Workload', name: 'exported', uid: '3f1c2a9e-1111-4222-8333-444455556666', controller: true, blockOwnerDeletion: true },
    ]);
    expect(r.stderr).not.toMatch(/ownerReferences left out/);
    // --no-owner-references always drops them.
    expect(docs(carto(['render', dir, '--no-owner-references']).stdout)[0]!.metadata.ownerReferences).toBeUndefined();
  });

  it('keeps documents of other kinds aside without complaint', () => {
    writeFileSync(join(dir, 'other.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n---\n---\napiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: t\n');
    const r = carto(['render', dir]);
    expect(r.status).toBe(0);
    expect(docs(r.stdout)).toHaveLength(2);
  });

  it('reports YAML syntax errors with file and line, exit 1, in a file named itself or about Cartographer', () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n');
    const r = carto(['render', broken, dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error: .*broken\.yaml:\d+:\d+: YAML syntax error/);
    writeFileSync(broken, 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: [unclosed\n');
    expect(carto(['render', dir])).toMatchObject({ status: 1, stdout: '' });
  });

  it('sets aside a file under a directory that is not about Cartographer and cannot be read, with one note', () => {
    writeFileSync(join(dir, 'a.yaml'), workload('a'));
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n');
    writeFileSync(join(dir, 'bad.json'), '{"a": 1,,}');
    const r = carto(['render', dir]);
    expect(r.status).toBe(0);
    expect(docs(r.stdout).length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/note: .*set aside 2 files that are not Cartographer inputs and cannot be read: .*bad\.json, .*broken\.yaml/);
    expect(r.stderr.match(/set aside/g)).toHaveLength(1);
    // what is set aside changes nothing that is rendered
    rmSync(join(dir, 'broken.yaml'));
    rmSync(join(dir, 'bad.json'));
    expect(carto(['render', dir]).stdout).toBe(r.stdout);
  });

  it('gives owners without a namespace the one from -n (default: default)', () => {
    writeFileSync(join(dir, 'a.yaml'), workload('a').replace('  namespace: dev\n', ''));
    expect(docs(carto(['render', dir]).stdout)[0]!.metadata.namespace).toBe('default');
    expect(docs(carto(['render', dir, '-n', 'team-a']).stdout)[0]!.metadata.namespace).toBe('team-a');
  });
});

describe('stderr', () => {
  it('is empty when there is nothing to say (outputs supplied, no owner references wanted)', () => {
    const r = carto(['render', dir, '--set-output', 'source.url=https://example.com/a.tgz', '--set-output', 'source.revision=abc', '--no-owner-references']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toBe('');
  });
});

describe('output formats', () => {
  it('-o yaml is a stream of documents, each after --- and a # Source: comment', () => {
    const r = carto(['render', dir]);
    expect(r.stdout.startsWith('---\n# Source: Workload dev/a, ClusterSupplyChain chain, resource source, ClusterSourceTemplate git\napiVersion:')).toBe(true);
    expect(r.stdout).toMatch(/\n---\n# Source: Workload dev\/a, ClusterSupplyChain chain, resource deploy, ClusterTemplate app\n/);
  });

  it('-o json is one List', () => {
    const r = carto(['render', dir, '-o', 'json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.apiVersion).toBe('v1');
    expect(list.kind).toBe('List');
    expect(list.items.map((o: { kind: string }) => o.kind)).toEqual(['GitRepository', 'ConfigMap']);
  });

  it('--output-dir writes one file per object and nothing on stdout', () => {
    writeFileSync(join(dir, 'b.yaml'), workload('b'));
    const out = join(dir, 'out');
    const r = carto(['render', '-f', join(dir, 'templates.yaml'), '-f', join(dir, 'chain.yaml'), '-f', join(dir, 'a.yaml'), '-f', join(dir, 'b.yaml'), '--output-dir', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(join(out, 'dev')).sort()).toEqual(['workload-a', 'workload-b']);
    expect(readdirSync(join(out, 'dev', 'workload-a')).sort()).toEqual(['deploy.yaml', 'source.yaml']);
    // each file starts with its # Source: header, then the object (no --- before it)
    const head = (file: string) => readFileSync(join(out, 'dev', file), 'utf8').split('\n').slice(0, 3);
    expect(head('workload-a/source.yaml')).toEqual([
      '# Source: Workload dev/a, ClusterSupplyChain chain, resource source, ClusterSourceTemplate git',
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: GitRepository',
    ]);
    expect(head('workload-b/deploy.yaml')).toEqual(['# Source: Workload dev/b, ClusterSupplyChain chain, resource deploy, ClusterTemplate app', 'apiVersion: v1', 'kind: ConfigMap']);
  });

  it('--output-dir refuses to write through a symlink inside it, and writes nothing', () => {
    const out = join(dir, 'out');
    const outside = join(dir, 'outside');
    mkdirSync(join(out, 'dev'), { recursive: true });
    mkdirSync(outside);
    symlinkSync('../../outside', join(out, 'dev', 'workload-a'));
    const r = carto(['render', '-f', join(dir, 'templates.yaml'), '-f', join(dir, 'chain.yaml'), '-f', join(dir, 'a.yaml'), '--output-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`refusing to write into ${join(out, 'dev', 'workload-a')}: it is a symlink`);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(join(out, 'dev'))).toEqual(['workload-a']);
  });

  it('--output-dir with -o json is a usage error, not YAML files in silence', () => {
    const out = join(dir, 'out');
    const r = carto(['render', dir, '-o', 'json', '--output-dir', out]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--output-dir writes one YAML file per object; -o json prints one List: choose one');
    expect(existsSync(out)).toBe(false);
  });

  it('--output-dir writes nothing when rendering fails', () => {
    writeFileSync(join(dir, 'b.yaml'), workload('b').replace(/  source:\n    git:\n      url: .*\n/, '  image: x\n'));
    const out = join(dir, 'out');
    const r = carto(['render', dir, '--output-dir', out]);
    expect(r.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('choosing owners and outputs', () => {
  beforeEach(() => {
    writeFileSync(join(dir, 'b.yaml'), workload('b'));
  });

  it('--workload NAME and NAMESPACE/NAME render only those owners', () => {
    expect(docs(carto(['render', dir, '--workload', 'b']).stdout).map((o) => o.metadata.name)).toEqual(['b', 'b']);
    expect(docs(carto(['render', dir, '--workload', 'dev/a']).stdout).map((o) => o.metadata.name)).toEqual(['a', 'a']);
    const missing = carto(['render', dir, '--workload', 'c']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/no Workload, Deliverable or Runnable named c in the inputs/);
    expect(missing.stderr).toContain('hint: the inputs hold dev/a, dev/b\n');
    for (let i = 0; i < 11; i++) writeFileSync(join(dir, `w${i}.yaml`), workload(`w${String(i).padStart(2, '0')}`));
    expect(carto(['render', dir, '--workload', 'c']).stderr).toContain('hint: the inputs hold dev/a, dev/b, dev/w00, dev/w01, dev/w02, dev/w03, dev/w04, dev/w05, dev/w06, dev/w07, and 3 more\n');
  });

  it('--set-output supplies an output; OWNER/RESOURCE beats RESOURCE', () => {
    const r = carto(['render', dir, '--set-output', 'source.url=https://example.com/all.tgz', '--set-output', 'b/source.url=https://example.com/b.tgz']);
    expect(r.status).toBe(0);
    const maps = docs(r.stdout).filter((o) => o.kind === 'ConfigMap');
    expect(maps.map((m) => m.data.source)).toEqual(['https://example.com/all.tgz', 'https://example.com/b.tgz']);
  });

  it('--outputs reads a file of outputs, in both the plain and the cartotest form', () => {
    writeFileSync(join(dir, '..', `${dir.split('/').pop()}-outputs.yaml`), 'a/source:\n  url: https://example.com/a.tgz\n  revision: abc\nb/source:\n  source:\n    url: https://example.com/b.tgz\n    revision: def\n');
    const r = carto(['render', dir, '--outputs', join(dir, '..', `${dir.split('/').pop()}-outputs.yaml`), '--strict']);
    expect(r.status).toBe(0);
    expect(docs(r.stdout).filter((o) => o.kind === 'ConfigMap').map((m) => m.data.source)).toEqual(['https://example.com/a.tgz', 'https://example.com/b.tgz']);
  });

  it('--outputs with an unknown field is an input error naming the file and line', () => {
    const file = join(dir, '..', `${dir.split('/').pop()}-bad-outputs.yaml`);
    writeFileSync(file, 'source:\n  url: x\n  imgae: y\n');
    const r = carto(['render', dir, '--outputs', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad-outputs\.yaml:3:3: unknown output field imgae for source/);
  });

  it('--observed reads status outputs from live objects', () => {
    const observed = join(dir, '..', `${dir.split('/').pop()}-observed.yaml`);
    writeFileSync(observed, 'apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: a\n  namespace: dev\nstatus:\n  artifact:\n    url: http://source-controller/a.tgz\n    revision: main@sha1:1234\n');
    const r = carto(['render', dir, '--observed', observed]);
    expect(r.status).toBe(0);
    const maps = docs(r.stdout).filter((o) => o.kind === 'ConfigMap');
    expect(maps.map((m) => m.data.source)).toEqual(['http://source-controller/a.tgz', 'https://mock.invalid/dev/b/source.tar.gz']);
    expect(r.stderr).toMatch(/Workload dev\/b: mocked outputs: source url and revision/);
    expect(r.stderr).not.toMatch(/Workload dev\/a: mocked/);
  });

  it('one note for the owners with the same mocked outputs: up to three each get their own, more are grouped', () => {
    const r3 = carto(['render', dir]);
    expect(r3.stderr.match(/^note: Workload dev\/[ab]: mocked outputs: source url and revision/gm)).toHaveLength(2);
    for (const name of ['c', 'd', 'e', 'f', 'g']) writeFileSync(join(dir, `${name}.yaml`), workload(name));
    const r7 = carto(['render', dir]);
    expect(r7.status).toBe(0);
    expect(r7.stderr).toMatch(/^note: 7 owners \(Workload dev\/a, Workload dev\/b, Workload dev\/c, and 4 more\): mocked outputs: source url and revision/m);
    expect(r7.stderr).not.toMatch(/^note: Workload dev\/\w: mocked/m);
    // with --strict the same mocks are one error, not seven
    const strict = carto(['render', dir, '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr.match(/^error: /gm)).toHaveLength(1);
    expect(strict.stderr).toMatch(/^error: 7 owners \(Workload dev\/a, Workload dev\/b, Workload dev\/c, and 4 more\): mocked outputs: source url and revision/m);
  });
});

describe('errors', () => {
  it('name the file, line, owner, resource, template and field, give a hint and the controller message, and print nothing on stdout', () => {
    writeFileSync(join(dir, 'b.yaml'), workload('b').replace(/  source:\n    git:\n      url: .*\n/, '  image: registry.example.com/b\n'));
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const file = join(dir, 'templates.yaml');
    expect(r.stderr).toContain(`error: ${file}:14:12: ClusterSourceTemplate git: $(workload.spec.source.git.url)$ in spec.template.spec.url finds no value\n`);
    expect(r.stderr).toContain('owner Workload dev/b, resource source, ClusterSourceTemplate git, field spec.template.spec.url');
    expect(r.stderr).toContain('hint: the Workload dev/b has no spec.source.git.url');
    expect(r.stderr).toContain(
      'controller: unable to stamp object for resource [source] for template [ClusterSourceTemplate/git] in supply chain [chain]: failed to recursively evaluate template: failed to interpolate template at path [spec.url]: evaluate tag $(workload.spec.source.git.url)$: jsonpath returned empty list: workload.spec.source.git.url',
    );
    // The downstream resource fails too (its input is missing), and says why.
    expect(r.stderr).toMatch(/\$\(source\.url\)\$ in \S+ finds no value\n.*\n\s+hint: input source comes from resource source, which failed/);
  });

  it('the same error for many owners is said once, naming the other owners: stderr stays short', () => {
    const noGit = (name: string) => workload(name).replace(/  source:\n    git:\n      url: .*\n/, '  image: registry.example.com/x\n');
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) writeFileSync(join(dir, `${name}.yaml`), noGit(name));
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.match(/^error: .*\$\(workload\.spec\.source\.git\.url\)\$ in spec\.template\.spec\.url finds no value$/gm)).toHaveLength(1);
    expect(r.stderr).toContain('owner Workload dev/a, resource source');
    expect(r.stderr).toContain('the same for 5 more owners: Workload dev/b, Workload dev/c, Workload dev/d, and 2 more\n');
  });

  it('many Workloads matched by no supply chain, alike but for their names and files: said once, naming the others', () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) writeFileSync(join(dir, `${name}.yaml`), workload(name).replace('app: web', 'app: worker'));
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr.match(/^error: /gm)).toHaveLength(1);
    expect(r.stderr).toMatch(/a\.yaml:\d+:\d+: no ClusterSupplyChain selects Workload dev\/a\n/);
    expect(r.stderr).toContain('the same for 4 more owners: Workload dev/b, Workload dev/c, Workload dev/d, and 1 more\n');
  });

  it('a value too long to read is cut, with its length', () => {
    const long = 'x'.repeat(50_000);
    writeFileSync(join(dir, 'templates.yaml'), TEMPLATE.replace('$(workload.spec.source.git.url)$', `$(workload.spec.params[?(@.name=="${long}")].value)$`));
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('… (50,041 characters)');
    expect(r.stderr.length).toBeLessThan(3000);
  });

  it('a Workload matched by no supply chain', () => {
    writeFileSync(join(dir, 'a.yaml'), workload('a').replace('app: web', 'app: worker'));
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\.yaml:\d+:\d+: no ClusterSupplyChain selects Workload dev\/a/);
    expect(r.stderr).toContain('controller: no supply chain found where full selector is satisfied by labels: map[app:worker]');
    expect(r.stderr).toContain('hint: chain: label app is worker, not web');
  });

  it('no colour when stderr is not a terminal', () => {
    writeFileSync(join(dir, 'a.yaml'), workload('a').replace('app: web', 'app: worker'));
    const r = carto(['render', dir], { env: { NO_COLOR: '' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*no ClusterSupplyChain selects Workload dev\/a/);
    expect(r.stderr).not.toMatch(/\u001b\[/);
    // A successful render with colour allowed works too (and prints its notes plainly).
    const ok = carto(['render', '-f', 'examples/source-to-url/'], { env: { NO_COLOR: '' } });
    expect(ok.status).toBe(0);
    expect(ok.stderr).toMatch(/^note: /);
  });
});
