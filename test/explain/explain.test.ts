// explain() from render reports, through the library: the reasons given for every blueprint and
// option, the levels of params, inputs that never arrive, outcomes when nothing is chosen, and
// that the explanation is plain, deterministic JSON data.
import { describe, expect, it } from 'vitest';
import { explain, formatExplanation } from '../../src/explain/index.js';
import { verdicts } from '../../src/explain/verdicts.js';
import { renderText } from '../helpers/render.js';

const explainText = (text: string, owner?: string) => {
  const result = renderText(text, owner ? { owners: [owner] } : {});
  const report = result.owners[0];
  if (!report) throw new Error('no owner rendered');
  return explain(report, result.diagnostics);
};

describe('verdicts', () => {
  const matched = (score: number) => ({ matched: true as const, score });
  const failed = (reason: string) => ({ matched: false as const, reason });

  it('says why the winner won and each other one lost', () => {
    const v = verdicts(
      [
        { label: 'a', selector: 'x=1', verdict: matched(1) },
        { label: 'b', selector: 'x=1, y=2', verdict: matched(2) },
        { label: 'c', selector: 'z=3', verdict: failed('label z is missing (wanted 3)') },
      ],
      1,
      true,
      'supply chain',
    );
    expect(v.map((x) => [x.chosen, x.score, x.reason])).toEqual([
      [false, 1, 'matches, but b is more specific (score 2)'],
      [true, 2, 'the most specific matching selector (next best score 1)'],
      [false, null, 'label z is missing (wanted 3)'],
    ]);
  });

  it('names ties, the only match, selectors never evaluated, and 0.0.6 (which does not rank)', () => {
    const tie = verdicts([{ label: 'a', selector: '', verdict: matched(2) }, { label: 'b', selector: '', verdict: matched(2) }, { label: 'c', selector: '', verdict: matched(1) }], undefined, true, 'option');
    expect(tie.map((x) => x.reason)).toEqual(['ties with b', 'ties with a', 'matches, but a and b are more specific (score 2)']);
    expect(verdicts([{ label: 'a', selector: '', verdict: matched(1) }], 0, true, 'option')[0]?.reason).toBe('the only option whose selector matches');
    expect(verdicts([{ label: 'a', selector: '', verdict: undefined }], undefined, true, 'option')[0]?.reason).toBe('not evaluated: another selector is invalid');
    const legacy = verdicts([{ label: 'a', selector: '', verdict: matched(1) }, { label: 'b', selector: '', verdict: matched(2) }], undefined, false, 'supply chain');
    expect(legacy[0]?.reason).toBe('matches, as does b: Cartographer 0.0.6 does not rank selectors, so they tie');
  });
});

const TEMPLATES = `apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: src}
spec:
  urlPath: .spec.url
  revisionPath: .spec.revision
  params: [{name: depth, default: 1}]
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: $(workload.metadata.name)$}, spec: {url: u, revision: r, depth: $(params.depth)$}}
---
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: use}
spec:
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: $(workload.metadata.name)$-use}, data: {url: $(source.url)$}}
`;

describe('explain', () => {
  it('tells each param\'s level, protection, and what it replaced or ignored', () => {
    const e = explainText(`${TEMPLATES}---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: chain}
spec:
  selector: {app: web}
  params: [{name: depth, value: 2}, {name: mode, default: fast}]
  resources:
  - name: src
    templateRef: {kind: ClusterSourceTemplate, name: src}
    params: [{name: mode, value: slow}]
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: app, labels: {app: web}}
spec:
  params: [{name: depth, value: 9}, {name: extra, value: {a: [1]}}]
`);
    expect(e.ok).toBe(true);
    expect(e.resources[0]?.params).toEqual([
      { name: 'depth', value: 2, level: 'blueprint', protected: true, setAt: [{ level: 'template', value: 1, protected: false }, { level: 'blueprint', value: 2, protected: true }, { level: 'owner', value: 9, protected: false }] },
      { name: 'mode', value: 'slow', level: 'resource', protected: true, setAt: [{ level: 'blueprint', value: 'fast', protected: false }, { level: 'resource', value: 'slow', protected: true }] },
      { name: 'extra', value: { a: [1] }, level: 'owner', protected: false, setAt: [{ level: 'owner', value: { a: [1] }, protected: false }] },
    ]);
    const text = formatExplanation(e);
    expect(text).toContain('     depth = 2\n         from the supply chain value (protected from the Workload), over the\n             template default 1\n         ignored: the Workload\'s 9\n');
    expect(text).toContain('     mode = "slow"\n         from the resource value (protected from the Workload), over the supply\n             chain default "fast"\n');
    expect(text).toContain('     extra = {"a":[1]}\n         from the Workload\n');
  });

  it('reports an input that names a later resource as never available, and the resource as failed', () => {
    const e = explainText(`${TEMPLATES}---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: chain}
spec:
  selector: {app: web}
  resources:
  - name: use
    templateRef: {kind: ClusterTemplate, name: use}
    sources: [{resource: src, name: source}]
  - name: src
    templateRef: {kind: ClusterSourceTemplate, name: src}
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: app, labels: {app: web}}
`);
    expect(e.ok).toBe(false);
    expect(e.resources.map((r) => r.status)).toEqual(['failed', 'stamped']);
    expect(e.resources[0]?.inputs).toEqual([{ type: 'source', name: 'source', resource: 'src', available: false, reason: 'later-resource', provenance: [] }]);
    expect(e.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toContain('forward-reference');
    expect(formatExplanation(e)).toContain('     source (source) ← src: missing, src comes after it, so its output is never\n         there\n');
  });

  it('says why no blueprint was chosen: no labels, or no match', () => {
    const chain = `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: chain}
spec:
  selector: {app: web}
  resources: []
`;
    const unlabelled = explainText(`${chain}---\napiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: app}\n`);
    expect(unlabelled.selection).toEqual({ kind: 'ClusterSupplyChain', outcome: 'owner-labels-missing', message: 'workload has no labels to match to supply chain', chosen: null, candidates: [] });
    expect(unlabelled.resources).toEqual([]);
    const other = explainText(`${chain}---\napiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: app, labels: {app: api}}\n`);
    expect(other.selection.outcome).toBe('no-blueprint-match');
    expect(other.selection.candidates).toEqual([{ name: 'chain', selector: 'app=web', matched: false, score: null, chosen: false, reason: 'label app is api, not web', file: 'inputs.yaml', line: 1 }]);
  });

  it('explains a passThrough option: nothing stamped, the upstream values handed on', () => {
    const e = explainText(`${TEMPLATES}---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: chain}
spec:
  selector: {app: web}
  resources:
  - name: src
    templateRef: {kind: ClusterSourceTemplate, name: src}
  - name: maybe
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - {name: src, selector: {matchLabels: {tested: "true"}}}
      - {passThrough: up, selector: {matchExpressions: [{key: tested, operator: DoesNotExist}]}}
    sources: [{resource: src, name: up}]
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: app, labels: {app: web}}
`);
    const maybe = e.resources[1];
    expect(maybe?.status).toBe('passed-through');
    expect(maybe?.template).toBeNull();
    expect(maybe?.object).toBeNull();
    expect(maybe?.options?.map((o) => [o.name, o.passThrough, o.chosen, o.reason])).toEqual([
      ['src', null, false, 'label tested is missing (wanted true)'],
      [null, 'up', true, 'the only option whose selector matches'],
    ]);
    expect(maybe?.outputs.map((o) => [o.field, o.provenance, o.resource])).toEqual([['url', 'stamped', 'src'], ['revision', 'stamped', 'src']]);
  });

  it('is plain, deterministic data: the same report gives the same JSON, with nothing undefined', () => {
    const result = renderText(`${TEMPLATES}---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: chain}
spec:
  selector: {app: web}
  resources:
  - name: src
    templateRef: {kind: ClusterSourceTemplate, name: src}
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: app, labels: {app: web}}
`);
    const a = explain(result.owners[0]!, result.diagnostics);
    const b = explain(result.owners[0]!, result.diagnostics);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});
