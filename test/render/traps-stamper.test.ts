// What the stamper adds (spec §8) and traps 17, 18, 19, 20, 28: the carto.run labels over the
// template's own, one controller ownerReference replacing the template's, the namespace
// rules, missing templates, and the "supply chain" wording for deliveries.
import { describe, expect, it } from 'vitest';
import { errorsOf, oneResourceChain, renderText, stampedFor } from '../helpers/render.js';

function templateDoc(metadata: string, extra = ''): string {
  return `
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
${extra}
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
${metadata.replace(/^/gm, '      ')}
    data: {a: b}
`;
}

const chain = `
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  resources:
  - name: r
    templateRef: {kind: ClusterTemplate, name: t}
`;

const workloadWithUid = `
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, uid: 0a1b2c3d-0000-4000-8000-000000000001, labels: {app: web}}
spec: {}
`;

const workloadWithoutUid = `
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, labels: {app: web}}
spec: {}
`;

const SEVEN = {
  'carto.run/workload-name': 'w',
  'carto.run/workload-namespace': 'ns',
  'carto.run/supply-chain-name': 'sc',
  'carto.run/resource-name': 'r',
  'carto.run/template-kind': 'ClusterTemplate',
  'carto.run/cluster-template-name': 't',
  'carto.run/template-lifecycle': 'mutable',
};

function metadataOf(result: ReturnType<typeof renderText>): Record<string, unknown> {
  expect(errorsOf(result)).toEqual([]);
  return stampedFor(result, 'r')['metadata'] as Record<string, unknown>;
}

describe('trap 17: the seven labels (current), winning over the template\'s', () => {
  it('a Workload\'s resource gets exactly the seven carto.run labels plus the template\'s own', () => {
    const result = renderText([templateDoc('name: cm\nlabels: {app.kubernetes.io/part-of: shop, carto.run/workload-name: spoofed, carto.run/extra: kept}'), chain, workloadWithUid].join('---'));
    expect(metadataOf(result)['labels']).toEqual({ 'app.kubernetes.io/part-of': 'shop', 'carto.run/extra': 'kept', ...SEVEN });
  });

  it('template-lifecycle follows the template; an unknown lifecycle counts as mutable', () => {
    const immutable = renderText([templateDoc('generateName: cm-', '  lifecycle: immutable'), chain, workloadWithUid].join('---'));
    const meta = metadataOf(immutable);
    expect((meta['labels'] as Record<string, string>)['carto.run/template-lifecycle']).toBe('immutable');
    expect(meta['generateName']).toBe('cm-');
    expect(meta['name']).toBeUndefined();
    const odd = renderText([templateDoc('name: cm', '  lifecycle: sometimes'), chain, workloadWithUid].join('---'));
    expect((metadataOf(odd)['labels'] as Record<string, string>)['carto.run/template-lifecycle']).toBe('mutable');
  });

  it('a Deliverable\'s resource gets the deliverable/delivery labels', () => {
    const result = renderText([templateDoc('name: cm'), `
apiVersion: carto.run/v1alpha1
kind: ClusterDelivery
metadata: {name: d}
spec:
  selector: {app: web}
  resources:
  - name: r
    templateRef: {kind: ClusterTemplate, name: t}
---
apiVersion: carto.run/v1alpha1
kind: Deliverable
metadata: {name: dl, namespace: ns, labels: {app: web}}
spec: {}
`].join('---'));
    expect(metadataOf(result)['labels']).toEqual({
      'carto.run/deliverable-name': 'dl',
      'carto.run/deliverable-namespace': 'ns',
      'carto.run/delivery-name': 'd',
      'carto.run/resource-name': 'r',
      'carto.run/template-kind': 'ClusterTemplate',
      'carto.run/cluster-template-name': 't',
      'carto.run/template-lifecycle': 'mutable',
    });
  });
});

describe('trap 18: ownerReferences are replaced by exactly one controller reference', () => {
  it('with a uid: one reference to the owner, the template\'s dropped', () => {
    const result = renderText([templateDoc('name: cm\nownerReferences: [{apiVersion: v1, kind: Secret, name: s, uid: x}]'), chain, workloadWithUid].join('---'));
    expect(metadataOf(result)['ownerReferences']).toEqual([{
      apiVersion: 'carto.run/v1alpha1',
      kind: 'Workload',
      name: 'w',
      uid: '0a1b2c3d-0000-4000-8000-000000000001',
      controller: true,
      blockOwnerDeletion: true,
    }]);
  });

  it('without a uid: none at all (not even the template\'s), and a note says why', () => {
    const result = renderText([templateDoc('name: cm\nownerReferences: [{apiVersion: v1, kind: Secret, name: s, uid: x}]'), chain, workloadWithoutUid].join('---'));
    expect(metadataOf(result)['ownerReferences']).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.code === 'owner-references-omitted').map((d) => d.severity)).toEqual(['note']);
  });

  it('the note names the first five owners without a uid and counts the rest', () => {
    const owners = Array.from({ length: 7 }, (_, i) => workloadWithoutUid.replace('name: w,', `name: w${i},`));
    const result = renderText([templateDoc('name: cm'), chain, ...owners].join('---'));
    expect(result.diagnostics.filter((d) => d.code === 'owner-references-omitted').map((d) => d.message)).toEqual([
      'ownerReferences left out: 7 owners (Workload ns/w0, Workload ns/w1, Workload ns/w2, Workload ns/w3, Workload ns/w4, and 2 more) have no metadata.uid',
    ]);
  });

  it('ownerReferences: false leaves them out even with a uid, without the note', () => {
    const result = renderText([templateDoc('name: cm'), chain, workloadWithUid].join('---'), { ownerReferences: false });
    expect(metadataOf(result)['ownerReferences']).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual([]);
  });
});

describe('trap 19: namespaces (current)', () => {
  it('no namespace in the template: the owner\'s is set', () => {
    expect(metadataOf(renderText([templateDoc('name: cm'), chain, workloadWithUid].join('---')))['namespace']).toBe('ns');
  });

  it('the owner\'s own namespace, even through a placeholder, is accepted', () => {
    expect(metadataOf(renderText([templateDoc('name: cm\nnamespace: $(workload.metadata.namespace)$'), chain, workloadWithUid].join('---')))['namespace']).toBe('ns');
  });

  it('an empty namespace is replaced by the owner\'s', () => {
    expect(metadataOf(renderText([templateDoc('name: cm\nnamespace: ""'), chain, workloadWithUid].join('---')))['namespace']).toBe('ns');
  });

  it('another namespace is a stamp error and nothing is stamped', () => {
    const result = renderText([templateDoc('name: cm\nnamespace: elsewhere'), chain, workloadWithUid].join('---'));
    expect(result.objects).toEqual([]);
    expect(errorsOf(result)).toMatchObject([{
      code: 'foreign-namespace',
      message: 'ClusterTemplate t sets metadata.namespace in spec.template, and a stamped object cannot choose its namespace',
      path: 'spec.template.metadata.namespace',
      controllerMessage: 'unable to stamp object for resource [r] for template [ClusterTemplate/t] in supply chain [sc]: cannot set namespace in resource template',
    }]);
  });

  it('an owner without a namespace gets the default one (as kubectl would), or the one given', () => {
    const noNs = workloadWithUid.replace(', namespace: ns', '');
    expect(metadataOf(renderText([templateDoc('name: cm'), chain, noNs].join('---')))['namespace']).toBe('default');
    expect(metadataOf(renderText([templateDoc('name: cm'), chain, noNs].join('---'), { defaultNamespace: 'team' }))['namespace']).toBe('team');
  });

  it('a template without metadata still gets namespace and labels', () => {
    const result = renderText([`
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
  template: {apiVersion: v1, kind: ConfigMap, data: {a: b}}
`, chain, workloadWithoutUid].join('---'));
    expect(stampedFor(result, 'r')).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'ns', labels: SEVEN }, data: { a: 'b' } });
    expect(result.diagnostics.filter((d) => d.code === 'no-name').map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('trap 20: every referenced template must exist', () => {
  it('one missing template: nothing is stamped, and the controller lists every affected resource', () => {
    const result = renderText([templateDoc('name: cm'), `
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  resources:
  - name: ok
    templateRef: {kind: ClusterTemplate, name: t}
  - name: a
    templateRef: {kind: ClusterTemplate, name: missing-a}
  - name: b
    templateRef: {kind: ClusterSourceTemplate, name: t}
`, workloadWithUid].join('---'));
    expect(result.objects).toEqual([]);
    expect(errorsOf(result)).toMatchObject([
      { code: 'template-not-found', message: 'ClusterTemplate missing-a is not in the inputs (resource a)', path: 'spec.resources[1].templateRef.name', controllerMessage: 'did not find the template of the resource(s) [a, b]' },
      { code: 'template-not-found', message: 'ClusterSourceTemplate t is not in the inputs (resource b)', path: 'spec.resources[2].templateRef.name', controllerMessage: 'did not find the template of the resource(s) [a, b]' },
    ]);
  });
});

describe('trap 28: messages say "supply chain" even for a delivery', () => {
  it('a stamp failure in a ClusterDelivery', () => {
    const deliverable = 'apiVersion: carto.run/v1alpha1\nkind: Deliverable\nmetadata: {name: dl, namespace: ns, labels: {app: web}}\nspec: {}';
    const result = renderText(oneResourceChain('a: $(params.nowhere)$', deliverable, { delivery: true }));
    expect(errorsOf(result)[0]?.controllerMessage).toBe(
      'unable to stamp object for resource [r] for template [ClusterTemplate/t] in supply chain [d]: failed to recursively evaluate template: failed to interpolate template at path [data.a]: evaluate tag $(params.nowhere)$: jsonpath returned empty list: params.nowhere',
    );
  });

  it('an option mismatch in a ClusterDelivery', () => {
    const result = renderText([templateDoc('name: cm'), `
apiVersion: carto.run/v1alpha1
kind: ClusterDelivery
metadata: {name: d}
spec:
  selector: {app: web}
  resources:
  - name: r
    templateRef:
      kind: ClusterTemplate
      options:
      - {name: t, selector: {matchLabels: {app: other}}}
      - {name: t, selector: {matchLabels: {app: another}}}
---
apiVersion: carto.run/v1alpha1
kind: Deliverable
metadata: {name: dl, namespace: ns, labels: {app: web}}
spec: {}
`].join('---'));
    expect(errorsOf(result)[0]?.controllerMessage).toBe('expected exactly 1 option to match, found [0] matching options for resource [r] in supply chain [d]');
  });
});

describe('a template the admission webhook would refuse', () => {
  it('spec.template and spec.ytt together: an error at spec.ytt, not the ytt body in silence', () => {
    const text = oneResourceChain('a: b', 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: w, namespace: ns, labels: {app: web}}\nspec: {}')
      .replace('spec:\n  template:', 'spec:\n  ytt: |\n    apiVersion: v1\n    kind: Secret\n  template:');
    const result = renderText(text);
    expect(result.objects).toEqual([]);
    expect(errorsOf(result).map((d) => `${d.code} ${d.line}: ${d.message}`)).toEqual(['template-source 6: ClusterTemplate t sets both spec.template and spec.ytt']);
    expect(errorsOf(result)[0]?.controllerMessage).toMatch(/: invalid template: must specify one of template or ytt, found both$/);
  });
});
