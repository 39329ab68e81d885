// `carto diff` through the real binary: each kind of change, matching, noise that is not a change,
// --base with a temporary git repository, every output format and every exit code.
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blueprintDoc, configMapTemplate, ownerDoc, statusSourceTemplate, stream } from '../helpers/chains.js';
import { carto, ROOT } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';

const tree = tempTrees('carto-diff-');

const chain = blueprintDoc(`  - name: config
    templateRef: {kind: ClusterTemplate, name: cm}`);
const side = (data: string, extra: string[] = [], owner = ownerDoc()) => tree({ 'chain.yaml': stream(chain, configMapTemplate('cm', data), ...extra), 'owner.yaml': owner });

describe('carto diff OLD NEW', () => {
  it('exits 0 with nothing on stdout when nothing stamped changes, whatever the style, comments and order', () => {
    const old = side('{a: "1", b: two}');
    // The same objects written in another key order, block style, with comments, in two files.
    const restyled = tree({
      'a.yaml': `# the owner\n${ownerDoc()}\n`,
      'b.yaml': stream(`# templates
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: cm
spec:
  template:
    kind: ConfigMap
    apiVersion: v1
    data:
      b: two   # a comment
      a: '1'
    metadata: {name: cm}`, chain),
    });
    const r = carto(['diff', old, restyled]);
    expect(r.stderr).toBe('no changes\n');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('a modified object: a header naming owner, resource, template and object, then a unified diff; exit 1', () => {
    const r = carto(['diff', side('{a: "1", b: two}'), side('{a: "2", b: two}')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`diff Workload dev/w, resource config (ClusterTemplate cm): ConfigMap dev/cm: modified
--- old/dev/ConfigMap/cm
+++ new/dev/ConfigMap/cm
@@ -1,6 +1,6 @@ data
 apiVersion: v1
 data:
-  a: "1"
+  a: "2"
   b: two
 kind: ConfigMap
 metadata:
`);
    expect(r.stderr).toBe('1 owner, 1 object: 0 added, 0 removed, 1 modified\n');
  });

  it('added and removed objects: a resource that appears, another owner', () => {
    const two = blueprintDoc(`  - name: config
    templateRef: {kind: ClusterTemplate, name: cm}
  - name: extra
    templateRef: {kind: ClusterTemplate, name: extra}`);
    const old = tree({ 'all.yaml': stream(chain, configMapTemplate('cm', '{a: "1"}'), ownerDoc()) });
    const now = tree({ 'all.yaml': stream(two, configMapTemplate('cm', '{a: "1"}'), configMapTemplate('extra', '{x: y}'), ownerDoc(), ownerDoc('Workload', '{name: w2, namespace: dev, labels: {app: web}}')) });
    const r = carto(['diff', old, now, '-o', 'json']);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.changes.map((c: { owner: { name: string }; resource: string; change: string; why?: string }) => [c.owner.name, c.resource, c.change, c.why])).toEqual([
      ['w', 'extra', 'added', undefined],
      ['w2', 'config', 'added', 'the owner is not in the old inputs'],
      ['w2', 'extra', 'added', 'the owner is not in the old inputs'],
    ]);
    expect(json.owners).toEqual([{ owner: { kind: 'Workload', namespace: 'dev', name: 'w2' }, change: 'owner-added', message: 'Workload dev/w2 is new' }]);
    expect(json.summary).toEqual({ owners: 2, objects: 3, added: 3, removed: 0, modified: 0 });
    // The reverse is all removals.
    const back = JSON.parse(carto(['diff', now, old, '-o', 'json']).stdout);
    expect(back.changes.map((c: { change: string }) => c.change)).toEqual(['removed', 'removed', 'removed']);
  });

  it('a modified object lists its changed fields by path, in JSON', () => {
    const r = carto(['diff', side('{a: "1", b: two, "carto.run/x": p}'), side('{a: "1", c: three, "carto.run/x": q}'), '-o', 'json']);
    expect(JSON.parse(r.stdout).changes[0].fields).toEqual([
      { path: '.data.b', old: 'two' },
      { path: ".data['carto.run/x']", old: 'p', new: 'q' },
      { path: '.data.c', new: 'three' },
    ]);
  });

  it('objects stamped with generateName match by owner and resource', () => {
    const immutable = (value: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: cm}
spec:
  lifecycle: immutable
  template: {apiVersion: v1, kind: ConfigMap, metadata: {generateName: run-}, data: {v: "${value}"}}`;
    const r = carto(['diff', tree({ 'a.yaml': stream(chain, immutable('1'), ownerDoc()) }), tree({ 'a.yaml': stream(chain, immutable('2'), ownerDoc()) }), '-o', 'json']);
    const changes = JSON.parse(r.stdout).changes;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ change: 'modified', object: { kind: 'ConfigMap', generateName: 'run-' }, fields: [{ path: '.data.v', old: '1', new: '2' }] });
  });

  it('an owner with a failing resource: only that resource\'s object goes, the rest stays (the controller goes on)', () => {
    const two = (second: string) => blueprintDoc(`  - name: config
    templateRef: {kind: ClusterTemplate, name: cm}
  - name: other
    templateRef: {kind: ClusterTemplate, name: ${second}}`);
    const broken = configMapTemplate('broken', '{a: $(workload.spec.nope.x)$}');
    const old = tree({ 'a.yaml': stream(two('extra'), configMapTemplate('cm', '{a: "1"}'), configMapTemplate('extra', '{x: y}'), broken, ownerDoc()) });
    const now = tree({ 'a.yaml': stream(two('broken'), configMapTemplate('cm', '{a: "1"}'), configMapTemplate('extra', '{x: y}'), broken, ownerDoc()) });
    const json = JSON.parse(carto(['diff', old, now, '-o', 'json']).stdout);
    expect(json.changes.map((c: { resource: string; change: string }) => `${c.resource} ${c.change}`)).toEqual(['other removed']);
    expect(json.changes[0].why).toContain('finds no value');
    expect(json.owners.map((o: { change: string }) => o.change)).toEqual(['fails']);
  });

  it('a side with no owner at all: every object of the other side is added or removed, and said', () => {
    const templatesOnly = tree({ 'a.yaml': stream(chain, configMapTemplate('cm', '{a: "1"}')) });
    const r = carto(['diff', templatesOnly, side('{a: "1"}'), '--stat']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`the old side (${templatesOnly}) holds no Workload, Deliverable or Runnable: all of the other side's objects count as added`);
    expect(r.stdout).toBe('Workload dev/w | 1 added, new owner\n');
  });

  it('two sides with no owner at all are trouble, and the message names both', () => {
    const a = tree({ 'a.yaml': '' });
    const b = tree({ 'notes.txt': 'not yaml\n' });
    const r = carto(['diff', a, b]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`neither side holds a Workload, Deliverable or Runnable (the old side (${a}), the new side (${b}))`);
  });

  it('a changed mock is a change (a supplied output that now differs)', () => {
    const dir = join(ROOT, 'examples', 'web-app');
    const outputs = tree({ 'o.yaml': 'source-provider: {url: https://example.com/a.tar.gz, revision: abc}\n' });
    const r = carto(['diff', dir, dir, '--outputs', join(outputs, 'o.yaml')]);
    // The same outputs on both sides: no change.
    expect(r.status).toBe(0);
    expect(readFileSync(join(outputs, 'o.yaml'), 'utf8')).toContain('abc');
  });

  it('what changes that stamps nothing yet: another blueprint, an option that flips, an owner that stops rendering', () => {
    const options = (selected: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  resources:
  - name: config
    templateRef:
      kind: ClusterTemplate
      options:
      - name: cm
        selector: {matchLabels: {pick: "${selected === 'cm' ? 'yes' : 'no'}"}}
      - name: cm2
        selector: {matchLabels: {pick: "${selected === 'cm2' ? 'yes' : 'no'}"}}`;
    const owner = ownerDoc('Workload', '{name: w, namespace: dev, labels: {app: web, pick: "yes"}}');
    // Both templates stamp the same ConfigMap: the option flips, the object does not change.
    const cm2 = configMapTemplate('cm', '{a: "1"}').replace('metadata: {name: cm}', 'metadata: {name: cm2}');
    const a = tree({ 'a.yaml': stream(options('cm'), configMapTemplate('cm', '{a: "1"}'), cm2, owner) });
    const b = tree({ 'a.yaml': stream(options('cm2'), configMapTemplate('cm', '{a: "1"}'), cm2, owner) });
    const r = carto(['diff', a, b]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('# Workload dev/w, resource config: option cm2 chosen instead of option cm\n');
    expect(r.stderr).toBe('1 owner, 0 objects: 0 added, 0 removed, 0 modified\n');

    // The owner's labels no longer match: its objects are removed, and why.
    const unmatched = tree({ 'a.yaml': stream(chain, configMapTemplate('cm', '{a: "1"}'), ownerDoc('Workload', '{name: w, namespace: dev, labels: {app: api}}')) });
    const gone = JSON.parse(carto(['diff', side('{a: "1"}'), unmatched, '-o', 'json']).stdout);
    expect(gone.changes).toHaveLength(1);
    expect(gone.changes[0].change).toBe('removed');
    expect(gone.changes[0].why).toMatch(/no ClusterSupplyChain|supply chain/i);
    expect(gone.owners.map((o: { change: string }) => o.change)).toEqual(['fails', 'blueprint']);
    // The render no longer stamps them; the controller keeps them as they were: the owner's line says so.
    expect(gone.owners[0].message).toMatch(/^Workload dev\/w no longer renders: .*; the controller keeps what it stamped before, no longer updated$/);
  });

  it('--stat: one line per owner; -o markdown: a table and a collapsible diff per object', () => {
    const a = side('{a: "1"}');
    const b = side('{a: "2"}');
    expect(carto(['diff', a, b, '--stat']).stdout).toBe('Workload dev/w | 1 modified\n');
    const md = carto(['diff', a, b, '-o', 'markdown']).stdout;
    expect(md).toContain('**carto diff**: 1 owner, 1 object: 0 added, 0 removed, 1 modified');
    expect(md).toContain('| Workload dev/w | config | ConfigMap dev/cm | modified (1 field) |');
    expect(md).toContain('<details><summary>Workload dev/w, resource config (ClusterTemplate cm): ConfigMap dev/cm: modified</summary>');
    expect(md).toContain('\n\n```diff\n@@ -1,6 +1,6 @@ data\n apiVersion: v1\n data:\n-  a: "1"\n+  a: "2"\n kind: ConfigMap\n metadata:\n   labels:\n```\n\n</details>\n');
    expect(carto(['diff', a, a, '-o', 'markdown']).stdout).toBe('**carto diff**: no changes to stamped objects.\n');
  });

  it('-U sets the context lines', () => {
    const r = carto(['diff', side('{a: "1", b: two}'), side('{a: "2", b: two}'), '-U', '0']);
    expect(r.stdout).toContain('@@ -3 +3 @@ data\n-  a: "1"\n+  a: "2"\n');
  });
});

describe('carto diff: a template change that no stamped object shows', () => {
  const chainOf = blueprintDoc(`  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: src}
  - name: config
    templateRef: {kind: ClusterTemplate, name: cm}
    sources:
    - {resource: source, name: src}`);
  const cm = configMapTemplate('cm', '{url: "$(sources.src.url)$"}');
  const sideWith = (source: string) => tree({ 'a.yaml': stream(chainOf, source, cm, ownerDoc()) });

  it('an output path or health rule that changes is said per template, and is a difference (exit 1)', () => {
    const old = sideWith(statusSourceTemplate());
    const now = sideWith(statusSourceTemplate().replace('urlPath: .status.artifact.url', 'urlPath: .status.artifact.location\n  healthRule: {singleConditionType: Ready}'));
    const r = carto(['diff', old, now]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('# ClusterSourceTemplate src: .spec.urlPath, .spec.healthRule changed: what the controller reads from the objects it stamps (outputs, health), which the stamped objects do not show (give their live objects with --observed to see what it reads)\n');
    expect(r.stderr).toBe('no stamped object changes; 1 template changing what the controller reads from stamped objects\n');
    const json = JSON.parse(carto(['diff', old, now, '-o', 'json']).stdout);
    expect(json.templates).toEqual([{ template: { kind: 'ClusterSourceTemplate', name: 'src' }, fields: [{ path: '.spec.urlPath', old: '.status.artifact.url', new: '.status.artifact.location' }, { path: '.spec.healthRule', new: { singleConditionType: 'Ready' } }], message: expect.stringContaining('ClusterSourceTemplate src: ') }]);
    expect(json.summary).toEqual({ owners: 0, objects: 0, added: 0, removed: 0, modified: 0 });
    expect(carto(['diff', old, now, '--stat']).stdout).toBe('ClusterSourceTemplate src | .spec.urlPath, .spec.healthRule changed\n');
    expect(carto(['diff', old, now, '-o', 'markdown']).stdout).toContain('- ClusterSourceTemplate src: .spec.urlPath, .spec.healthRule changed: ');
  });

  it('with --observed, a new value that is a stand-in (the new path finds nothing on the live object) is marked, in text, JSON and Markdown', () => {
    const live = tree({ 'live.yaml': 'apiVersion: example.com/v1\nkind: Source\nmetadata: {name: src, namespace: dev}\nstatus:\n  artifact: {url: "http://real/app.tar.gz", revision: r1}\n' });
    const old = sideWith(statusSourceTemplate());
    const now = sideWith(statusSourceTemplate().replace('urlPath: .status.artifact.url', 'urlPath: .status.artifact.location'));
    const r = carto(['diff', old, now, '--observed', live]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('-  url: http://real/app.tar.gz\n+  url: https://mock.invalid/dev/w/source.tar.gz\n');
    // --observed was given: the template's note does not ask for it
    expect(r.stdout).toContain('(with the live objects given, what the new paths read shows in the objects stamped from them)\n');
    expect(r.stdout).toContain('# .data.url: the new value is a stand-in for the url output of resource source, whose path .status.artifact.location finds nothing on any object carto was given: the controller would wait for that output, not apply this value\n');
    const json = JSON.parse(carto(['diff', old, now, '--observed', live, '-o', 'json']).stdout);
    expect(json.changes[0].fields).toEqual([{ path: '.data.url', old: 'http://real/app.tar.gz', new: 'https://mock.invalid/dev/w/source.tar.gz', standIn: { resource: 'source', output: 'url', path: '.status.artifact.location' } }]);
    expect(carto(['diff', old, now, '--observed', live, '-o', 'markdown']).stdout).toContain('> .data.url: the new value is a stand-in for the url output of resource source');
    // a real new value is not marked
    const real = JSON.parse(carto(['diff', side('{a: "1"}'), side('{a: "2"}'), '-o', 'json']).stdout);
    expect(real.changes[0].fields[0].standIn).toBeUndefined();
  });

  it('a change of what is stamped is said by the objects only', () => {
    const json = JSON.parse(carto(['diff', side('{a: "1"}'), side('{a: "2"}'), '-o', 'json']).stdout);
    expect(json.templates).toEqual([]);
    expect(json.changes).toHaveLength(1);
  });
});

describe('carto diff --workload', () => {
  it('an owner on one side only is added or removed (a Workload renamed or deleted), on neither side trouble', () => {
    const old = side('{a: "1"}');
    const now = side('{a: "1"}', [], ownerDoc('Workload', '{name: w2, namespace: dev, labels: {app: web}}'));
    const gone = carto(['diff', old, now, '--workload', 'w', '--stat']);
    expect(gone.status).toBe(1);
    expect(gone.stdout).toBe('Workload dev/w | 1 removed, owner removed\n');
    expect(gone.stderr).toContain(`the new side (${now}) holds none of the owners --workload names: all of the other side's objects count as removed`);
    expect(carto(['diff', old, now, '--workload', 'w', '--workload', 'dev/w2', '--stat']).stdout).toBe('Workload dev/w  | 1 removed, owner removed\nWorkload dev/w2 | 1 added, new owner\n');
    const neither = carto(['diff', old, now, '--workload', 'nope']);
    expect(neither.status).toBe(2);
    expect(neither.stdout).toBe('');
    expect(neither.stderr).toContain('carto diff: on neither side:\nerror: no Workload, Deliverable or Runnable named nope in the inputs');
  });
});

describe('carto diff exit 2: trouble, stdout empty, stderr names the side', () => {
  it('a side that does not exist', () => {
    const r = carto(['diff', side('{a: "1"}'), '/nonexistent/carto-diff']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^carto: the new side \(\/nonexistent\/carto-diff\): cannot read/);
  });

  it('a side whose YAML does not parse', () => {
    const broken = tree({ 'a.yaml': 'apiVersion: carto.run/v1alpha1\nkind: [\n' });
    const r = carto(['diff', broken, side('{a: "1"}')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`carto diff: the old side (${broken}) cannot be rendered:`);
    expect(r.stderr).toContain('YAML syntax error');
  });

  it('-f as render takes it: -f OLD -f NEW; one -f, or a path and a -f, is a usage error that shows the forms', () => {
    const a = side('{a: "1"}');
    const b = side('{a: "2"}');
    const r = carto(['diff', '-f', a, '-f', b, '--stat']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('Workload dev/w | 1 modified\n');
    const one = carto(['diff', '-f', b]);
    expect(one.status).toBe(2);
    expect(one.stdout).toBe('');
    expect(one.stderr).toBe(`carto: carto diff compares two inputs, each one file or directory (got -f once)
    usage: carto diff OLD NEW                  two files or directories of inputs
           carto diff -f OLD -f NEW
           carto diff --base REV [-f] PATH...  PATH at the git revision REV against the work tree
    hint: to compare ${b} with what it was at a git revision: carto diff --base origin/main -f ${b}
`);
    const mixed = carto(['diff', a, '-f', b]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/^carto: carto diff takes OLD and NEW either as two paths or as two -f, not some of each \(got 1 path and -f once\)\n    usage: carto diff OLD NEW/);
    expect(carto(['diff', '-f', a, '-f', b, '-f', a]).stderr).toContain('(got -f 3 times)');
    expect(carto(['diff', '-', '-']).stderr).toContain('only one side can be -');
  });

  it('usage errors', () => {
    expect(carto(['diff', side('{a: "1"}')]).status).toBe(2);
    expect(carto(['diff', 'a', 'b', '--stat', '-o', 'json']).status).toBe(2);
    expect(carto(['diff', 'a', 'b', '-U', 'x']).status).toBe(2);
  });
});

describe('carto diff --base REV', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });

  it('compares the inputs at a revision with the work tree, leaving the work tree, index and HEAD alone', () => {
    const repo = tree({ 'config/chain.yaml': stream(chain, configMapTemplate('cm', '{a: "1"}')), 'config/owner.yaml': ownerDoc(), 'other/x.txt': 'not an input\n' });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    // An uncommitted edit in the work tree, and a staged one.
    const edited = stream(chain, configMapTemplate('cm', '{a: "2"}'));
    execFileSync('sh', ['-c', `cat > config/chain.yaml`], { cwd: repo, input: edited });
    const status = git(repo, 'status', '--porcelain');
    const r = carto(['diff', '--base', 'main', 'config'], { cwd: repo });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('-  a: "1"\n+  a: "2"\n');
    expect(git(repo, 'status', '--porcelain')).toBe(status);
    expect(readFileSync(join(repo, 'config/chain.yaml'), 'utf8')).toBe(edited);
    // The paths as -f, as render takes them, and mixed with a path.
    expect(carto(['diff', '--base', 'main', '-f', 'config', '--stat'], { cwd: repo }).stdout).toBe('Workload dev/w | 1 modified\n');
    expect(carto(['diff', '--base', 'main', '-f', 'config/chain.yaml', 'config/owner.yaml', '--stat'], { cwd: repo }).stdout).toBe('Workload dev/w | 1 modified\n');
    expect(carto(['diff', '--base', 'main', '-f', '-'], { cwd: repo }).stderr).toContain('stdin (-) has no revision');
    // Without paths: the current directory.
    expect(carto(['diff', '--base', 'main'], { cwd: join(repo, 'config') }).status).toBe(1);
    expect(carto(['diff', '--base', 'HEAD', '--stat', '-R'], { cwd: repo }).stdout).toBe('Workload dev/w | 1 modified\n');
    // Without -R the repository's root holds no input: trouble, not "no changes" (a CI job would pass).
    const flat = carto(['diff', '--base', 'HEAD'], { cwd: repo });
    expect(flat.status).toBe(2);
    expect(flat.stderr).toContain('neither side holds a Workload, Deliverable or Runnable');
    expect(flat.stdout).toBe('');
  });

  it('paths holding no owner (templates only): the owners are the rest of the repository, as in the work tree on both sides', () => {
    const repo = tree({ 'config/templates.yaml': configMapTemplate('cm', '{a: "1"}'), 'config/chain.yaml': chain, 'apps/owner.yaml': ownerDoc(), 'ci/x.yaml': 'on: push\n' });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    execFileSync('sh', ['-c', 'cat > config/templates.yaml'], { cwd: repo, input: configMapTemplate('cm', '{a: "2"}') });
    // an uncommitted change to the owner is held constant: only the asked path's change shows
    execFileSync('sh', ['-c', 'cat > apps/owner.yaml'], { cwd: repo, input: ownerDoc('Workload', '{name: w, namespace: dev, labels: {app: web, team: x}}') });
    const r = carto(['diff', '--base', 'main', 'config/templates.yaml'], { cwd: repo });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('-  a: "1"\n+  a: "2"\n');
    expect(r.stdout).not.toContain('team');
    expect(r.stderr).toContain(`carto diff: config/templates.yaml holds no Workload, Deliverable or Runnable on either side: the rest of the repository (${realpathSync(repo)}, -R, as in the work tree, without what git ignores) is read on both sides for them and what they need, so that only the change to config/templates.yaml shows\n`);
    // what git ignores is not the repository: a package's copy of the Workload in node_modules is not read
    execFileSync('sh', ['-c', 'mkdir -p node_modules/pkg/examples build && cp apps/owner.yaml node_modules/pkg/examples/ && cp apps/owner.yaml build/ && printf "node_modules/\\nbuild/*.yaml\\n" > .gitignore'], { cwd: repo });
    const ignoring = carto(['diff', '--base', 'main', 'config/templates.yaml', '--stat'], { cwd: repo });
    expect(ignoring.stderr).not.toContain('defined twice');
    expect(ignoring.stdout).toBe('Workload dev/w | 1 modified\n');
    execFileSync('sh', ['-c', 'rm -rf node_modules build .gitignore'], { cwd: repo });
    // from a subdirectory, with -f, and a path whose change no object shows
    expect(carto(['diff', '--base', 'main', '-f', 'templates.yaml', '--stat'], { cwd: join(repo, 'config') }).stdout).toBe('Workload dev/w | 1 modified\n');
    expect(carto(['diff', '--base', 'main', 'config/chain.yaml'], { cwd: repo }).status).toBe(0);
    // a repository with no owner anywhere: trouble, and the hint says how to go on
    execFileSync('sh', ['-c', 'rm apps/owner.yaml'], { cwd: repo });
    const none = carto(['diff', '--base', 'main', 'config/templates.yaml'], { cwd: repo });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('hint: the repository holds none either: put the owners\' files anywhere in it, committed or not (both sides read them from the work tree), e.g. kubectl get workloads,deliverables -A -o yaml > owners.yaml, then run carto diff --base main config/templates.yaml again\n');
    // … which works: an owner file left untracked is read on both sides
    execFileSync('sh', ['-c', 'cat > owners.yaml'], { cwd: repo, input: ownerDoc() });
    expect(carto(['diff', '--base', 'main', 'config/templates.yaml', '--stat'], { cwd: repo }).stdout).toBe('Workload dev/w | 1 modified\n');
  });

  /** A repository holding `files` and config/templates.yaml, committed as main; config/templates.yaml changed since. */
  const templatesChanged = (files: Record<string, string>) => {
    const repo = tree({ 'config/templates.yaml': configMapTemplate('cm', '{a: "1"}'), ...files });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    execFileSync('sh', ['-c', 'cat > config/templates.yaml'], { cwd: repo, input: configMapTemplate('cm', '{a: "2"}') });
    return repo;
  };

  it('the rest of the repository cannot be read as one set of inputs: trouble, and the hint names the directories of the owners and blueprints', () => {
    // the owner and the blueprint where `files` put them, a broken file in attic/
    const brokenRest = (files: Record<string, string>) => templatesChanged({ ...files, 'attic/broken.yaml': 'apiVersion: carto.run/v1alpha1\nkind: [\n' });
    const repo = brokenRest({ 'config/chain.yaml': chain, 'apps/owner.yaml': ownerDoc() });
    const r = carto(['diff', '--base', 'main', 'config/templates.yaml'], { cwd: repo });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('attic/broken.yaml:3:1: YAML syntax error');
    expect(r.stderr).toContain('\nerror: attic/broken.yaml:3:1: YAML syntax error');
    expect(r.stderr).toContain('hint: the rest of the repository is read because config/templates.yaml holds no owner, and attic/broken.yaml cannot be read: fix it, or name where the owners and their blueprints are, leaving it out, e.g. carto diff --base main apps config\n');
    // … which works
    expect(carto(['diff', '--base', 'main', 'apps', 'config', '--stat'], { cwd: repo }).stdout).toBe('Workload dev/w | 1 modified\n');
    // The owner and the blueprint at the top: `.` alone (no -R) would not read config/, so the given path stays in the command
    const top = brokenRest({ 'chain.yaml': chain, 'owner.yaml': ownerDoc() });
    expect(carto(['diff', '--base', 'main', './config/templates.yaml'], { cwd: top }).stderr).toContain('and attic/broken.yaml cannot be read: fix it, or name where the owners and their blueprints are, leaving it out, e.g. carto diff --base main ./config/templates.yaml .\n');
    expect(carto(['diff', '--base', 'main', './config/templates.yaml', '.', '--stat'], { cwd: top }).stdout).toBe('Workload dev/w | 1 modified\n');
  });

  it('a broken file among the owners: the hint names it from here and a command that leaves it out, or only "fix it" when no owner would be left', () => {
    const broken = `${ownerDoc('Workload', '{name: b, namespace: dev, labels: {app: web}}')}\nspec: {}\n`;
    const repo = templatesChanged({ 'config/chain.yaml': chain, 'apps/owner.yaml': ownerDoc(), 'apps/broken.yaml': broken });
    const r = carto(['diff', '--base', 'main', 'config/'], { cwd: repo });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\nerror: apps\/broken\.yaml:\d+:\d+: /);
    expect(r.stderr).not.toContain(`${realpathSync(repo)}/apps`);
    expect(r.stderr).toContain('and apps/broken.yaml cannot be read: fix it, or name where the owners and their blueprints are, leaving it out, e.g. carto diff --base main apps/owner.yaml config\n');
    // … which works
    expect(carto(['diff', '--base', 'main', 'apps/owner.yaml', 'config', '--stat'], { cwd: repo }).stdout).toBe('Workload dev/w | 1 modified\n');
    // from a subdirectory: paths from there
    expect(carto(['diff', '--base', 'main', '.'], { cwd: join(repo, 'config') }).stderr).toContain('and ../apps/broken.yaml cannot be read: fix it, or name where the owners and their blueprints are, leaving it out, e.g. carto diff --base main . ../apps/owner.yaml\n');
    // the broken file is the only owner: nothing to leave it out for
    execFileSync('sh', ['-c', 'rm apps/owner.yaml'], { cwd: repo });
    const only = carto(['diff', '--base', 'main', 'config/'], { cwd: repo });
    expect(only.stderr).toMatch(/and apps\/broken\.yaml cannot be read: fix it\n/);
  });

  it('a file that only the revision has is read from git, and errors there are named REV:path', () => {
    const repo = tree({ 'c/chain.yaml': stream(chain, configMapTemplate('cm', '{a: "1"}')), 'c/owner.yaml': ownerDoc(), 'c/bad.yaml': 'apiVersion: carto.run/v1alpha1\nkind: [\n' });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    git(repo, 'rm', '-q', 'c/bad.yaml');
    const r = carto(['diff', '--base', 'main', 'c'], { cwd: repo });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the old side (main) cannot be rendered');
    expect(r.stderr).toContain('main:c/bad.yaml:');
  });

  it('a directory added or deleted since the revision: all of its objects are added or removed, not trouble', () => {
    const repo = tree({ 'README': 'x\n' });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    execFileSync('sh', ['-c', 'mkdir config && cat > config/all.yaml'], { cwd: repo, input: stream(chain, configMapTemplate('cm', '{a: "1"}'), ownerDoc()) });
    const added = carto(['diff', '--base', 'main', '-f', 'config', '--stat'], { cwd: repo });
    expect(added.status).toBe(1);
    expect(added.stdout).toBe('Workload dev/w | 1 added, new owner\n');
    expect(added.stderr).toContain('carto diff: config is not at main (added since)\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'config');
    git(repo, 'rm', '-rq', 'config');
    const deleted = carto(['diff', '--base', 'main', 'config', '--stat'], { cwd: repo });
    expect(deleted.status).toBe(1);
    expect(deleted.stdout).toBe('Workload dev/w | 1 removed, owner removed\n');
    expect(deleted.stderr).toContain('carto diff: config is not in the work tree (deleted since main)\n');
    const neither = carto(['diff', '--base', 'main', 'confg'], { cwd: repo });
    expect(neither.status).toBe(2);
    expect(neither.stderr).toBe('carto: --base main: confg is neither in the work tree nor at main\n');
  });

  it('an unknown revision, or no repository, is a usage error', () => {
    const repo = tree({ 'a.yaml': ownerDoc() });
    const outside = carto(['diff', '--base', 'main'], { cwd: repo });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/not inside a git repository/);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    const unknown = carto(['diff', '--base', 'no-such-branch'], { cwd: repo });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no such revision/);
  });
});

describe('carto diff: a renamed resource', () => {
  const chainOf = (resources: string) => blueprintDoc(resources);
  const one = (name: string, template = 'cm') => `  - name: ${name}\n    templateRef: {kind: ClusterTemplate, name: ${template}}`;

  it('with the same template: the object is the same one, modified (its resource label), and the owner says the rename', () => {
    const old = tree({ 'a.yaml': stream(chainOf(one('config')), configMapTemplate('cm', '{a: "1"}'), ownerDoc()) });
    const now = tree({ 'a.yaml': stream(chainOf(one('settings')), configMapTemplate('cm', '{a: "1"}'), ownerDoc()) });
    const r = carto(['diff', old, now]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`# Workload dev/w: resource config renamed to settings
diff Workload dev/w, resource settings (ClusterTemplate cm): ConfigMap dev/cm: modified (resource renamed from config to settings)
--- old/dev/ConfigMap/cm
+++ new/dev/ConfigMap/cm
@@ -5,7 +5,7 @@ metadata.labels
 metadata:
   labels:
     carto.run/cluster-template-name: cm
-    carto.run/resource-name: config
+    carto.run/resource-name: settings
     carto.run/supply-chain-name: sc
     carto.run/template-kind: ClusterTemplate
     carto.run/template-lifecycle: mutable
`);
    expect(r.stderr).toBe('1 owner, 1 object: 0 added, 0 removed, 1 modified\n');
    const json = JSON.parse(carto(['diff', old, now, '-o', 'json']).stdout);
    expect(json.owners).toEqual([{ owner: { kind: 'Workload', namespace: 'dev', name: 'w' }, change: 'resource-renamed', resource: 'settings', old: 'config', new: 'settings', message: 'Workload dev/w: resource config renamed to settings' }]);
    expect(json.changes[0]).toMatchObject({ resource: 'settings', from: { resource: 'config', template: { kind: 'ClusterTemplate', name: 'cm' } }, change: 'modified', why: 'resource renamed from config to settings' });
    expect(carto(['diff', old, now, '--stat']).stdout).toBe('Workload dev/w | 1 modified, resource config renamed to settings\n');
  });

  it("the mocked outputs it hands on are compared under its new name: what reads them does not change", () => {
    const chainWith = (name: string) => chainOf(`  - name: ${name}
    templateRef: {kind: ClusterSourceTemplate, name: src}
  - name: config
    templateRef: {kind: ClusterTemplate, name: cm}
    sources:
    - {resource: ${name}, name: src}`);
    const cm = configMapTemplate('cm', '{url: "$(sources.src.url)$", revision: "at $(sources.src.revision)$"}');
    const old = tree({ 'a.yaml': stream(chainWith('source'), statusSourceTemplate(), cm, ownerDoc()) });
    const now = tree({ 'a.yaml': stream(chainWith('source-provider'), statusSourceTemplate(), cm, ownerDoc()) });
    const json = JSON.parse(carto(['diff', old, now, '-o', 'json']).stdout);
    expect(json.changes.map((c: { resource: string; change: string; fields: Array<{ path: string }> }) => `${c.resource} ${c.change} ${c.fields.map((f) => f.path).join(' ')}`)).toEqual([
      "source-provider modified .metadata.labels['carto.run/resource-name']",
    ]);
    // The render itself still names the mocks after the resource (the diff is what compares them).
    expect(carto(['render', '-f', now]).stdout).toContain('url: https://mock.invalid/dev/w/source-provider.tar.gz');
  });

  it('with options: said as a rename, not as an option chosen instead of no option; an option that flips too is said', () => {
    const options = (name: string, pick: string) => blueprintDoc(`  - name: ${name}
    templateRef:
      kind: ClusterTemplate
      options:
      - name: cm
        selector: {matchLabels: {pick: "${pick === 'cm' ? 'yes' : 'no'}"}}
      - name: cm2
        selector: {matchLabels: {pick: "${pick === 'cm2' ? 'yes' : 'no'}"}}`);
    const owner = ownerDoc('Workload', '{name: w, namespace: dev, labels: {app: web, pick: "yes"}}');
    const cm2 = configMapTemplate('cm', '{a: "1"}').replace('metadata: {name: cm}', 'metadata: {name: cm2}');
    const side = (name: string, pick: string) => tree({ 'a.yaml': stream(options(name, pick), configMapTemplate('cm', '{a: "1"}'), cm2, owner) });
    const renamed = carto(['diff', side('config', 'cm'), side('settings', 'cm')]);
    expect(renamed.stdout).toMatch(/^# Workload dev\/w: resource config renamed to settings\ndiff Workload dev\/w, resource settings \(ClusterTemplate cm\): ConfigMap dev\/cm: modified \(resource renamed from config to settings\)\n/);
    expect(renamed.stdout).not.toContain('chosen instead of');
    const flipped = carto(['diff', side('config', 'cm'), side('settings', 'cm2'), '-o', 'json']);
    expect(JSON.parse(flipped.stdout).owners.map((o: { message: string }) => o.message)).toEqual([
      'Workload dev/w: resource config renamed to settings',
      'Workload dev/w, resource settings: option cm2 chosen instead of option cm',
    ]);
  });

  it('to another template that stamps another object: that object removed, the new one added, no rename', () => {
    const old = tree({ 'a.yaml': stream(chainOf(one('config', 'cm')), configMapTemplate('cm', '{a: "1"}'), configMapTemplate('other', '{a: "1"}'), ownerDoc()) });
    const now = tree({ 'a.yaml': stream(chainOf(one('settings', 'other')), configMapTemplate('cm', '{a: "1"}'), configMapTemplate('other', '{a: "1"}'), ownerDoc()) });
    const json = JSON.parse(carto(['diff', old, now, '-o', 'json']).stdout);
    expect(json.changes.map((c: { resource: string; object: { name: string }; change: string }) => `${c.resource} ${c.object.name} ${c.change}`)).toEqual(['settings other added', 'config cm removed']);
    expect(json.owners).toEqual([]);
  });

  it('an object another resource of the owner stamps now is modified, not removed and added (the controller keeps it)', () => {
    // Two resources swap their templates: each ConfigMap is still stamped, by the other resource.
    const old = tree({ 'a.yaml': stream(chainOf(`${one('first', 'cm')}\n${one('second', 'other')}`), configMapTemplate('cm', '{a: "1"}'), configMapTemplate('other', '{b: "2"}'), ownerDoc()) });
    const now = tree({ 'a.yaml': stream(chainOf(`${one('first', 'other')}\n${one('second', 'cm')}`), configMapTemplate('cm', '{a: "1"}'), configMapTemplate('other', '{b: "2"}'), ownerDoc()) });
    const json = JSON.parse(carto(['diff', old, now, '-o', 'json']).stdout);
    expect(json.changes.map((c: { resource: string; object: { name: string }; change: string; why: string }) => `${c.resource} ${c.object.name} ${c.change}: ${c.why}`)).toEqual([
      'first other modified: stamped by resource first instead of second',
      'second cm modified: stamped by resource second instead of first',
    ]);
    expect(json.summary).toEqual({ owners: 1, objects: 2, added: 0, removed: 0, modified: 2 });
  });

  it('with an immutable template: its objects are removed and added (the controller makes a new one), the rename is said', () => {
    const immutable = `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: cm}
spec:
  lifecycle: immutable
  template: {apiVersion: v1, kind: ConfigMap, metadata: {generateName: run-}, data: {v: "1"}}`;
    const old = tree({ 'a.yaml': stream(chainOf(one('config')), immutable, ownerDoc()) });
    const now = tree({ 'a.yaml': stream(chainOf(one('settings')), immutable, ownerDoc()) });
    const json = JSON.parse(carto(['diff', old, now, '-o', 'json']).stdout);
    expect(json.changes.map((c: { resource: string; change: string }) => `${c.resource} ${c.change}`)).toEqual(['settings added', 'config removed']);
    expect(json.owners.map((o: { change: string }) => o.change)).toEqual(['resource-renamed']);
  });

  it('a resource gone or new that stamps nothing (a passThrough) is said by the owner', () => {
    const pass = (name: string) => `  - name: ${name}
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - passThrough: src
        selector: {matchLabels: {app: web}}
    sources:
    - {resource: source, name: src}`;
    const source = '  - name: source\n    templateRef: {kind: ClusterSourceTemplate, name: src}';
    const old = tree({ 'a.yaml': stream(chainOf(source), statusSourceTemplate(), ownerDoc()) });
    const now = tree({ 'a.yaml': stream(chainOf(`${source}\n${pass('tested')}`), statusSourceTemplate(), ownerDoc()) });
    const r = carto(['diff', old, now]);
    expect(r.stdout).toBe('# Workload dev/w: resource tested is new in ClusterSupplyChain sc\n');
    expect(r.status).toBe(1);
    expect(carto(['diff', now, old]).stdout).toBe('# Workload dev/w: resource tested is gone from ClusterSupplyChain sc\n');
  });
});
