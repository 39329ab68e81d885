// carto migrate: 0.0.6 blueprints rewritten in the current format by editing the keys where they
// are written (comments, order, quoting kept), with each behaviour difference found in the inputs.
// The seed example, migrated and rendered under current semantics, differs from its 0.0.6 render
// in exactly the ways the notes list.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareRenders, readInputs, render } from '../../src/index.js';
import { carto, ROOT } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';

const SEED = join(ROOT, 'examples', 'source-to-url');
const tree = tempTrees('carto-migrate-');
const work = mkdtempSync(join(tmpdir(), 'carto-migrate-seed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const legacy = `# a 0.0.6 chain
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain   # keep me
spec:
  selector: {}
  "components":
  - name: src
    templateRef: {kind: ClusterSourceTemplate, name: src}
    params:
    - name: url
      value: $(workload.spec.params[?(@.name=="url")].value)$
  - name: app
    templateRef:
      kind: ClusterTemplate
      name: app
    sources:
    - 'component': src   # quoted, kept quoted
      name: source
`;
const templates = `apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: src}
spec:
  urlPath: .spec.url
  revisionPath: .spec.url
  params: [{name: url, default: x}]
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: src, namespace: other}, data: {url: $(params.url)$}}
---
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: app}
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: app, labels: {from: $(workload.metadata.labels.carto\\.run/component-name)$}}
    data: {list: "[]"}
    binaryData: {}
    immutable: false
---
apiVersion: carto.run/v1alpha1
kind: Pipeline
metadata: {name: p, namespace: dev}
spec: {runTemplateRef: {name: r}}
`;

describe('carto migrate', () => {
  it('renames spec.components and component: where they are written, and nothing else', () => {
    const dir = tree({ 'chain.yaml': legacy });
    const r = carto(['migrate', join(dir, 'chain.yaml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(legacy.replace('"components":', '"resources":').replace("'component': src", "'resource': src"));
    expect(r.stderr).toContain(`note: ${join(dir, 'chain.yaml')}:8: rewrote spec.components → spec.resources`);
    expect(r.stderr).toContain('carto migrate: 2 changes in 1 file');
  });

  it('says what behaves differently, at the spot', () => {
    const dir = tree({ 'chain.yaml': legacy, 'templates.yaml': templates, 'w.yaml': 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: w, labels: {a: b}}\nspec: {params: [{name: url, value: y}]}\n' });
    const r = carto(['migrate', dir]);
    const codes = [...r.stderr.matchAll(/^(note|warning): \S+ (.*)$/gm)].map((m) => m[2] as string);
    const said = (fragment: string) => codes.filter((c) => c.includes(fragment));
    expect(said('the objects it stamps carry carto.run/supply-chain-name')).toHaveLength(1);
    expect(said('an empty spec.selector matched every Workload')).toHaveLength(1);
    expect(said('param url holds a placeholder; 0.0.6 evaluated it after substituting')).toHaveLength(1);
    expect(said('ClusterSourceTemplate src: under 0.0.6 it saw only the params it declares (url), never a Workload\'s')[0]).toContain('(set by Workload default/w)');
    expect(said('spec.template sets metadata.namespace')).toHaveLength(1);
    expect(said('the empty list at')).toHaveLength(0); // "[]" is a string, {} is a map
    expect(said('ClusterTemplate app reads carto.run/component-name')).toHaveLength(1);
    expect(said('Pipeline p is a 0.0.6 kind')).toHaveLength(1);
    expect(r.stderr).toMatch(/chain\.yaml:7:\d+: ClusterSupplyChain chain: an empty spec\.selector/);
  });

  it('--in-place rewrites the files, and a second run finds nothing to do', () => {
    const dir = tree({ 'chain.yaml': legacy, 'templates.yaml': templates });
    const r = carto(['migrate', '--in-place', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'chain.yaml'), 'utf8')).toContain('"resources":');
    expect(readFileSync(join(dir, 'templates.yaml'), 'utf8')).toBe(templates);
    expect(readdirSync(dir).sort()).toEqual(['chain.yaml', 'templates.yaml']);
    const again = carto(['migrate', dir]);
    expect(again.stderr).toContain('nothing written in the 0.0.6 format');
    expect(carto(['migrate', '--in-place', '-']).status).toBe(2);
  });

  it('the seed example: migrated and rendered under current semantics, it differs from its 0.0.6 render exactly as the notes say', async () => {
    cpSync(SEED, join(work, 'seed'), { recursive: true });
    const r = carto(['migrate', '--in-place', join(work, 'seed')]);
    expect(r.status).toBe(0);
    const notes = [...r.stderr.matchAll(/^note: \S+ (.*)$/gm)].map((m) => m[1] as string).filter((m) => !m.startsWith('rewrote'));
    const before = render((await readInputs([SEED])).documents);
    const migrated = (await readInputs([join(work, 'seed')])).documents;
    const after = render(migrated);
    expect(after.ok).toBe(true);
    // Now in the current format: rendered with current semantics without being asked.
    expect(after.diagnostics.some((d) => d.message.includes('0.0.6 format'))).toBe(false);
    const review = compareRenders(before, after);
    expect(review.summary.added + review.summary.removed).toBe(0);
    const explained = { labels: 0, emptyList: 0 };
    for (const change of review.changes) {
      for (const f of change.fields) {
        if (/^\.metadata\.labels\['carto\.run\/(cluster-supply-chain-name|component-name|supply-chain-name|resource-name|template-lifecycle)'\]$/.test(f.path)) {
          explained.labels++;
          continue;
        }
        // null under 0.0.6, [] now: from $(workload.spec.env)$ in the deployment template, for the Workload whose env is [].
        expect({ owner: change.owner.name, resource: change.resource, path: f.path, old: f.old, new: f.new }).toEqual({ owner: 'hello-tanzu', resource: 'deployer-deployment', path: '.spec.template.spec.containers[0].env', old: null, new: [] });
        explained.emptyList++;
      }
    }
    expect(explained.labels).toBe(20 * 5);
    expect(explained.emptyList).toBe(1);
    // And the notes are exactly these two: nothing listed that does not show.
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^ClusterSupplyChain supply-chain: the objects it stamps carry carto\.run\/supply-chain-name/);
    expect(notes[1]).toBe('ClusterTemplate app-deploy-deployment: $(workload.spec.env)$ at spec.template.spec.template.spec.containers[0].env became null under 0.0.6 when the list was empty; now it stays [] (empty in Workload default/hello-tanzu)');
  });
});
