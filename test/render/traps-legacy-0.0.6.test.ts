// Cartographer 0.0.6 (spec §14, traps 7, 10, 17, 19, 25 in their 0.0.6 form): blueprints written
// with spec.components are rendered with 0.0.6 semantics — recursive interpolation with loop
// detection, empty arrays turned into null, template-declared params only, the six labels, a
// template's namespace kept, `<field> is not found` errors, and a walk that stops at the first
// failure.
import { describe, expect, it } from 'vitest';
import { endingWith, errorsOf, reasonOf, renderText, resourceNames, stampedFor } from '../helpers/render.js';

/** A ClusterTemplate `t` (spec.params `params`) stamping a ConfigMap with `data`; a 0.0.6 chain. */
function render(data: string, { params = '[]', componentParams = '[]', spec = '{}', metadata = 'name: cm' } = {}, options = {}) {
  return renderText(`
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
  params: ${params}
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {${metadata}}
    data:
${data.replace(/^/gm, '      ')}
---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  components:
  - name: c
    templateRef: {kind: ClusterTemplate, name: t}
    params: ${componentParams}
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, labels: {app: web}}
spec: ${spec}
`, options);
}

function dataOf(result: ReturnType<typeof render>): unknown {
  expect(errorsOf(result)).toEqual([]);
  return stampedFor(result, 'c')['data'];
}

describe('format detection', () => {
  it('spec.components selects 0.0.6 semantics, with a note', () => {
    const result = render('a: b');
    expect(result.owners[0]?.semantics).toBe('0.0.6');
    expect(result.diagnostics.filter((d) => d.code === 'cartographer-0.0.6')).toMatchObject([{ severity: 'note', path: 'spec.components' }]);
  });

  it('semantics: current overrides it (then params are no longer filtered)', () => {
    const result = render('p: $(params.undeclared)$', { componentParams: '[{name: undeclared, value: v}]' }, { semantics: 'current' });
    expect(result.owners[0]?.semantics).toBe('current');
    expect(stampedFor(result, 'c')['data']).toEqual({ p: 'v' });
  });
});

describe('0.0.6: recursive interpolation', () => {
  it('a substituted value containing a tag is substituted again (single tag and embedded)', () => {
    const params = '[{name: inner, default: "$(workload.metadata.name)$"}, {name: map, default: {k: "$(params.inner)$"}}]';
    expect(dataOf(render('a: $(params.inner)$\nb: "x-$(params.inner)$"\nc: $(params.map)$', { params }))).toEqual({ a: 'w', b: 'x-w', c: { k: 'w' } });
  });

  it('workload params reach a template only through a component param value (kuttl workload-provided-params@v0.0.6)', () => {
    const result = render('p: $(params.port)$', {
      params: '[{name: port, default: "8080"}]',
      componentParams: `[{name: port, value: '$(workload.spec.params[?(@.name=="port")].value)$'}]`,
      spec: '{params: [{name: port, value: "9090"}]}',
    });
    expect(dataOf(result)).toEqual({ p: '9090' });
  });

  it('a loop is an error naming the chain of tags', () => {
    const params = '[{name: a, default: "$(params.b)$"}, {name: b, default: "$(params.a)$"}]';
    const result = render('x: $(params.a)$', { params });
    expect(result.objects).toEqual([]);
    // 0.0.6 errors had no path; each map/array level wrapped them with its child's Go %v
    // (pkg/templates/stamper.go and pkg/realizer/workload/errors.go of the components era).
    expect(errorsOf(result)).toMatchObject([{
      code: 'placeholder-loop',
      path: 'spec.template.data.x',
      controllerMessage:
        "unable to stamp object for component 'c': failed to recursively evaluate template: failed to interpolate map value [map[x:$(params.a)$]]: failed to interpolate map value [$(params.a)$]: infinite tag loop detected: $(params.a)$ -> $(params.b)$ -> $(params.a)$",
    }]);
  });

  it('a leaf error inside a list and a substituted map: the wrapping follows the values walked', () => {
    const params = '[{name: m, default: {k: "$(params.nowhere)$", n: 1000000}}]';
    const result = render('list: [1000000, 0.00001, $(params.m)$]', { params });
    expect(errorsOf(result)).toMatchObject([{
      path: 'spec.template.data.list[2]',
      controllerMessage:
        "unable to stamp object for component 'c': failed to recursively evaluate template: failed to interpolate map value [map[list:[1e+06 1e-05 $(params.m)$]]]: failed to interpolate map value [[1e+06 1e-05 $(params.m)$]]: failed to interpolate array value [$(params.m)$]: failed to interpolate map value [$(params.nowhere)$]: failed to interpolate leaf node: evaluate tag $(params.nowhere)$: evaluate: failed to find results: nowhere is not found",
    }]);
  });

  it('a longer loop, reached through a map', () => {
    const params = '[{name: a, default: {k: "$(params.b)$"}}, {name: b, default: "$(params.c)$"}, {name: c, default: "$(params.b)$"}]';
    const result = render('x: $(params.a)$', { params });
    expect(errorsOf(result).map(reasonOf)).toEqual(['infinite tag loop detected: $(params.b)$ -> $(params.c)$ -> $(params.b)$']);
  });

  it('a value that substitutes to itself is no loop', () => {
    expect(dataOf(render('x: $(params.self)$', { params: '[{name: self, default: "$(params.self)$"}]' }))).toEqual({ x: '$(params.self)$' });
  });
});

describe('0.0.6: empty arrays become null', () => {
  it('in the template and in substituted values', () => {
    expect(dataOf(render('lit: []\nparam: $(params.list)$\nnested: {items: [[], 1]}', { params: '[{name: list, default: []}]' }))).toEqual({ lit: null, param: null, nested: { items: [null, 1] } });
  });
});

describe('0.0.6: only template-declared params exist', () => {
  it('a component value overrides a declared param', () => {
    expect(dataOf(render('p: $(params.p)$', { params: '[{name: p, default: T}]', componentParams: '[{name: p, value: C}]' }))).toEqual({ p: 'C' });
  });

  it('an undeclared component param is ignored, and workload params never arrive', () => {
    const result = render('u: $(params.undeclared)$\nw: $(params.fromWorkload)$', {
      componentParams: '[{name: undeclared, value: C}]',
      spec: '{params: [{name: fromWorkload, value: W}]}',
    });
    // 0.0.6 stops at the first failing placeholder; which one Go reports first depends on map order.
    expect(errorsOf(result).map(reasonOf).sort()).toEqual(['evaluate: failed to find results: fromWorkload is not found', 'evaluate: failed to find results: undeclared is not found']);
  });
});

describe('0.0.6: missing fields are "<field> is not found" errors', () => {
  it('through a nil pointer: git is not found', () => {
    const result = render('url: $(workload.spec.source.git.url)$');
    expect(errorsOf(result)).toMatchObject([{ controllerMessage: endingWith('evaluate: failed to find results: git is not found') }]);
  });

  it('fields the 0.0.6 Workload did not have: serviceAccountName, build', () => {
    const result = render('sa: $(workload.spec.serviceAccountName)$\nbuild: $(workload.spec.build)$');
    expect(errorsOf(result).map(reasonOf).sort()).toEqual(['evaluate: failed to find results: build is not found', 'evaluate: failed to find results: serviceAccountName is not found']);
  });

  it('no deliverable and no labels in the context', () => {
    const result = render('a: $(deliverable.metadata.name)$\nb: $(labels)$');
    expect(errorsOf(result).map(reasonOf).sort()).toEqual(['evaluate: failed to find results: deliverable is not found', 'evaluate: failed to find results: labels is not found']);
  });

  it('nil values are still null in a single tag and an error when embedded', () => {
    expect(dataOf(render('env: $(workload.spec.env)$'))).toEqual({ env: null });
    const result = render('manifest: |\n  env: $(workload.spec.env)$');
    expect(errorsOf(result)).toMatchObject([{ code: 'nil-in-text', controllerMessage: endingWith('tag must not point to nil value: workload.spec.env') }]);
  });
});

describe('0.0.6: labels and namespace', () => {
  it('the six labels (cluster-supply-chain-name, component-name; no template-lifecycle)', () => {
    const result = render('a: b', { metadata: 'name: cm, labels: {carto.run/component-name: spoofed, own: kept}' });
    expect((stampedFor(result, 'c')['metadata'] as Record<string, unknown>)['labels']).toEqual({
      own: 'kept',
      'carto.run/workload-name': 'w',
      'carto.run/workload-namespace': 'ns',
      'carto.run/cluster-supply-chain-name': 'sc',
      'carto.run/component-name': 'c',
      'carto.run/template-kind': 'ClusterTemplate',
      'carto.run/cluster-template-name': 't',
    });
  });

  it('a namespace set by the template is kept', () => {
    const result = render('a: b', { metadata: 'name: cm, namespace: elsewhere' });
    expect(errorsOf(result)).toEqual([]);
    expect((stampedFor(result, 'c')['metadata'] as Record<string, unknown>)['namespace']).toBe('elsewhere');
  });
});

const twoComponents = (first: string) => `
apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: src}
spec:
  urlPath: data.url
  revisionPath: data.rev
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: src}
    data: {url: ${first}, rev: r1}
---
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: other}
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: other}
    data: {url: $(source.url)$}
---
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: independent}
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: independent}
    data: {a: b}
---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  components:
  - name: first
    templateRef: {kind: ClusterSourceTemplate, name: src}
  - name: second
    templateRef: {kind: ClusterTemplate, name: other}
    sources: [{component: first, name: source}]
  - name: third
    templateRef: {kind: ClusterTemplate, name: independent}
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, labels: {app: web}}
spec: {}
`;

describe('0.0.6: inputs with component: and the first failure stops the walk', () => {
  it('component: inputs feed later components', () => {
    const result = renderText(twoComponents('https://src'));
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'second')['data']).toEqual({ url: 'https://src' });
    expect(resourceNames(result)).toEqual(['first', 'second', 'third']);
  });

  it('a failed component stops everything after it, even an independent one', () => {
    const result = renderText(twoComponents('$(params.nowhere)$'));
    expect(result.objects).toEqual([]);
    expect(errorsOf(result)).toMatchObject([{ resource: 'first', controllerMessage: endingWith('evaluate: failed to find results: nowhere is not found') }]);
  });

  it('the same blueprint with current semantics keeps going', () => {
    const result = renderText(twoComponents('$(params.nowhere)$'), { semantics: 'current' });
    expect(resourceNames(result)).toEqual(['third']);
    expect(errorsOf(result).map((d) => d.resource)).toEqual(['first', 'second']);
  });
});

describe('0.0.6: selection has no ranking', () => {
  const chain = (name: string, selector: string) => `
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: ${name}}
spec:
  selector: ${selector}
  components:
  - name: c
    templateRef: {kind: ClusterTemplate, name: t}
`;
  const rest = `
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: cm}}
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, labels: {a: x, b: z}}
spec: {}
`;

  it('a more specific selector does not win: both match, which is an error', () => {
    const result = renderText([chain('one', '{a: x}'), chain('two', '{a: x, b: z}'), rest].join('---'));
    expect(errorsOf(result)).toMatchObject([{ code: 'blueprint-tie', controllerMessage: "workload may only match a single supply chain's selector" }]);
  });

  it('an empty selector matches any labelled workload', () => {
    const result = renderText([chain('one', '{}'), rest].join('---'));
    expect(errorsOf(result)).toEqual([]);
    expect(result.owners[0]?.blueprint?.name).toBe('one');
  });
});

describe('0.0.6: missing templates', () => {
  it('nothing is stamped; the supply chain lists the components the 0.0.6 way', () => {
    const result = render('a: b');
    const missing = renderText(`
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  components:
  - name: a
    templateRef: {kind: ClusterTemplate, name: nope}
  - name: b
    templateRef: {kind: ClusterSourceTemplate, name: nope}
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, labels: {app: web}}
spec: {}
`);
    expect(result.objects).toHaveLength(1);
    expect(missing.objects).toEqual([]);
    expect(errorsOf(missing).map((d) => d.controllerMessage)).toEqual([
      "Did not find the template of the component(s) 'a', 'b'",
      "Did not find the template of the component(s) 'a', 'b'",
    ]);
  });
});
