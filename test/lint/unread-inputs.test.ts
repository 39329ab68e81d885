// A file that could not be read may hold what a reference misses (issue 15): lint reports the
// file's error, and the template (or supply chain) that may be in it as a note saying so, not as
// certainly absent; render refuses on the file's error alone.
import { describe, expect, it } from 'vitest';
import { carto } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';
import { blueprintDoc, configMapTemplate, ownerDoc, stream } from '../helpers/chains.js';

const tree = tempTrees('carto-lint-unread-');

const CHAIN = blueprintDoc('  - name: config\n    templateRef: {kind: ClusterTemplate, name: cm}');
// The template's file has a YAML syntax error in its first document (an unclosed flow sequence).
const BROKEN = stream(configMapTemplate('cm', '{a: b}').replace('kind: ClusterTemplate', 'kind: [ClusterTemplate'), configMapTemplate('other', '{a: b}'));

type Json = { diagnostics: Array<{ severity: string; code: string; message: string; file?: string }> };

describe('a template in a file that does not parse', () => {
  it('lint: the syntax error is the error; the reference is a note naming the file it may be in', () => {
    const dir = tree({ 'sc.yaml': CHAIN, 'templates.yaml': BROKEN, 'w.yaml': ownerDoc() });
    const r = carto(['lint', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${dir}/sc.yaml:8:48  note  template-not-found  ClusterTemplate cm is not in the inputs (resource config), but it may be in ${dir}/templates.yaml, which could not be read\n`);
    expect(r.stdout).not.toMatch(/error {2}template-not-found/);
    const json = JSON.parse(carto(['lint', '--format', 'json', dir]).stdout) as Json;
    expect(json.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(expect.arrayContaining(['yaml-syntax']));
    expect(json.diagnostics.filter((d) => d.severity === 'error').every((d) => d.code === 'yaml-syntax')).toBe(true);
  });

  it('render refuses on the syntax error and says nothing of the template', () => {
    const dir = tree({ 'sc.yaml': CHAIN, 'templates.yaml': BROKEN, 'w.yaml': ownerDoc() });
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error: ${dir}/templates.yaml:`);
    expect(r.stderr).not.toContain('template-not-found');
    expect(r.stderr).not.toContain('is not in the inputs');
  });

  it('when every file is read, a missing template is an error as before', () => {
    const dir = tree({ 'sc.yaml': CHAIN, 'templates.yaml': configMapTemplate('other', '{a: b}'), 'w.yaml': ownerDoc() });
    const r = carto(['lint', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${dir}/sc.yaml:8:48  error  template-not-found  ClusterTemplate cm is not in the inputs (resource config)\n`);
  });

  it('a supply chain no Workload matches may be in the file too', () => {
    const other = blueprintDoc('  - name: config\n    templateRef: {kind: ClusterTemplate, name: cm}', { name: 'other' }).replace('{app: web}', '{app: api}');
    const brokenChain = CHAIN.replace('selector: {app: web}', 'selector: {app: web');
    const dir = tree({ 'a.yaml': other, 'sc.yaml': brokenChain, 't.yaml': configMapTemplate('cm', '{a: b}'), 'w.yaml': ownerDoc() });
    const json = JSON.parse(carto(['lint', '--format', 'json', dir]).stdout) as Json;
    const match = json.diagnostics.find((d) => d.code === 'no-blueprint-match');
    expect(match).toMatchObject({ severity: 'note', message: `no ClusterSupplyChain selects Workload dev/w, but one may be in ${dir}/sc.yaml, which could not be read` });
  });
});
