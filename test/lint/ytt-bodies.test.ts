// carto lint compiles spec.ytt bodies without data values (issue 15, item 2): syntax errors, an
// `#@ if` without `#@ end`, load() of a module that does not exist, each at its line in the file,
// the line render reports for the same template; a body that only needs data values is clean.
import { describe, expect, it } from 'vitest';
import { carto, withoutHints } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';

const tree = tempTrees('carto-lint-ytt-');

const template = (body: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: deploy
spec:
  ytt: |
${body.split('\n').map((l) => `    ${l}`).join('\n')}
`;

function lintOne(body: string): { status: number | null; stdout: string; file: string } {
  const dir = tree({ 't.yaml': template(body) });
  const r = carto(['lint', `${dir}/t.yaml`]);
  return { status: r.status, stdout: r.stdout, file: `${dir}/t.yaml` };
}

describe('spec.ytt bodies', () => {
  it('an #@ if without its #@ end ("missing end"), at the #@ if', () => {
    const r = lintOne('#@ load("@ytt:data", "data")\napiVersion: v1\nkind: ConfigMap\n#@ if data.values.params.debug:\ndata:\n  a: b');
    expect(r.status).toBe(1);
    expect(withoutHints(r.stdout)).toBe(`${r.file}:10:1  error  ytt-error  mismatched set of block openings (if/else/elif/for/def) and closing (end)\n`);
  });

  it('Starlark syntax, at its line', () => {
    const r = lintOne('#@ def name(:\n#@ end\napiVersion: v1');
    expect(withoutHints(r.stdout)).toBe(`${r.file}:7:1  error  ytt-error  got ':', want ')'\n`);
  });

  it('YAML syntax inside the body, at its line', () => {
    const r = lintOne('apiVersion: v1\nkind: ConfigMap\ndata: [1\nx: 2');
    expect(r.stdout).toMatch(new RegExp(`^${r.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:10:1  error  ytt-error  Unmarshaling YAML template 'stdin.yml': yaml: line 4: `));
  });

  it('load() of a module spec.ytt does not have: a file (a run of one file), or a built-in ytt lacks', () => {
    const file = lintOne('#@ load("helpers.star", "labels")\napiVersion: v1\nkind: ConfigMap');
    expect(withoutHints(file.stdout)).toBe(`${file.file}:7:1  error  ytt-error  cannot load helpers.star: Expected to find file 'helpers.star' (hint: only files included via -f flag are available)\n`);
    // ytt 0.45.9's own words (ytt -f of the same body).
    const builtin = lintOne('#@ load("@ytt:nope", "x")\napiVersion: v1\nkind: ConfigMap');
    expect(withoutHints(builtin.stdout)).toBe(`${builtin.file}:7:1  error  ytt-error  cannot load @ytt:nope: builtin ytt library does not have module 'nope' (hint: is it available in newer version of ytt?)\n`);
  });

  it('a body that needs data values, and loads ytt\'s modules, is clean: nothing is run', () => {
    const r = lintOne('#@ load("@ytt:data", "data")\n#@ load("@ytt:json", "json")\n#@ load("@ytt:template", "template")\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: #@ data.values.workload.metadata.name\ndata:\n  x: #@ json.encode(data.values.params)');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('render reports the same failure at the same line', () => {
    const body = '#@ load("@ytt:data", "data")\napiVersion: v1\nkind: ConfigMap\n#@ if data.values.params.debug:\ndata:\n  a: b';
    const dir = tree({
      't.yaml': template(body),
      'sc.yaml': 'apiVersion: carto.run/v1alpha1\nkind: ClusterSupplyChain\nmetadata:\n  name: sc\nspec:\n  selector:\n    app: web\n  resources:\n  - name: deploy\n    templateRef:\n      kind: ClusterTemplate\n      name: deploy\n',
      'w.yaml': 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: app\n  labels:\n    app: web\n',
    });
    const r = carto(['render', dir]);
    expect(r.stderr).toContain(`error: ${dir}/t.yaml:10: the ytt template (spec.ytt) of ClusterTemplate deploy fails: mismatched set of block openings (if/else/elif/for/def) and closing (end)`);
  });
});
