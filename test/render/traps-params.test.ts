// Params (spec §5.1) and traps 2, 7, 8: four levels merged per resource, `value` protecting
// from the owner and `default` not, the resource entry replacing the blueprint's (value and
// protection), nothing filtered by the template's declarations, and params opaque in
// spec.template.
import { describe, expect, it } from 'vitest';
import { endingWith, errorsOf, reasonOf, renderText, stampedFor } from '../helpers/render.js';

// One param per row of the precedence table. Levels: template default (T), blueprint
// value/default (Bv/Bd), resource value/default (Rv/Rd), owner (O). The stamped value names the
// level that won.
const precedence = `
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
  params:
  - {name: t-only, default: T}
  - {name: t-bd, default: T}
  - {name: t-o, default: T}
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: cm}
    data:
      t-only: $(params.t-only)$
      t-bd: $(params.t-bd)$
      t-o: $(params.t-o)$
      bd-o: $(params.bd-o)$
      bv-o: $(params.bv-o)$
      rd-o: $(params.rd-o)$
      rv-o: $(params.rv-o)$
      bv-rd-o: $(params.bv-rd-o)$
      bd-rv-o: $(params.bd-rv-o)$
      bv-rd: $(params.bv-rd)$
      bd-rd: $(params.bd-rd)$
      bv-rv: $(params.bv-rv)$
      o-only: $(params.o-only)$
      b-only: $(params.b-only)$
      r-only: $(params.r-only)$
---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  params:
  - {name: t-bd, default: Bd}
  - {name: bd-o, default: Bd}
  - {name: bv-o, value: Bv}
  - {name: bv-rd-o, value: Bv}
  - {name: bd-rv-o, default: Bd}
  - {name: bv-rd, value: Bv}
  - {name: bd-rd, default: Bd}
  - {name: bv-rv, value: Bv}
  - {name: b-only, value: Bv}
  resources:
  - name: r
    templateRef: {kind: ClusterTemplate, name: t}
    params:
    - {name: rd-o, default: Rd}
    - {name: rv-o, value: Rv}
    - {name: bv-rd-o, default: Rd}
    - {name: bd-rv-o, value: Rv}
    - {name: bv-rd, default: Rd}
    - {name: bd-rd, default: Rd}
    - {name: bv-rv, value: Rv}
    - {name: r-only, default: Rd}
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, labels: {app: web}}
spec:
  params:
  - {name: t-o, value: O}
  - {name: bd-o, value: O}
  - {name: bv-o, value: O}
  - {name: rd-o, value: O}
  - {name: rv-o, value: O}
  - {name: bv-rd-o, value: O}
  - {name: bd-rv-o, value: O}
  - {name: o-only, value: O}
`;

describe('§5.1 precedence: blueprint/resource value > owner > resource default > blueprint default > template default', () => {
  const result = renderText(precedence);

  it('renders without errors', () => {
    expect(errorsOf(result)).toEqual([]);
  });

  it('each level wins exactly where the controller lets it', () => {
    expect(stampedFor(result, 'r')['data']).toEqual({
      't-only': 'T',
      't-bd': 'Bd',
      't-o': 'O',
      'bd-o': 'O',
      'bv-o': 'Bv',
      'rd-o': 'O',
      'rv-o': 'Rv',
      // trap 8: the resource's `default` replaces the blueprint's protected `value`, so the owner wins
      'bv-rd-o': 'O',
      'bd-rv-o': 'Rv',
      'bv-rd': 'Rd',
      'bd-rd': 'Rd',
      'bv-rv': 'Rv',
      // trap 7: params nobody declared in the template still arrive
      'o-only': 'O',
      'b-only': 'Bv',
      'r-only': 'Rd',
    });
  });

  it('the report records the winning level and protection', () => {
    const params = result.owners[0]?.resources[0]?.params;
    expect(params?.get('bv-rd-o')).toEqual({ value: 'O', level: 'owner', protected: false });
    expect(params?.get('bv-o')).toEqual({ value: 'Bv', level: 'blueprint', protected: true });
    expect(params?.get('bv-rd')).toEqual({ value: 'Rd', level: 'resource', protected: false });
  });
});

const twoResources = `
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
  params: [{name: declared, default: T}]
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: $(params.name)$}
    data:
      all: $(params)$
---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  params: [{name: shared, default: B}]
  resources:
  - name: first
    templateRef: {kind: ClusterTemplate, name: t}
    params: [{name: name, value: one}, {name: mine, value: first-only}]
  - name: second
    templateRef: {kind: ClusterTemplate, name: t}
    params: [{name: name, value: two}]
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, labels: {app: web}}
spec:
  params: [{name: dear, value: {me: me, do-re-mi: fa-so-la-ti}}]
`;

describe('a BlueprintParam value of null is no value (Go decodes it to a nil *JSON)', () => {
  it('value: null next to a default acts as that default: unprotected, so the owner wins', () => {
    const result = renderText(`
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: cm}
    data: {a: $(params.a)$, b: $(params.b)$}
---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  params:
  - {name: a, value: null, default: Bd}
  - {name: b, value: null, default: Bd}
  resources:
  - name: r
    templateRef: {kind: ClusterTemplate, name: t}
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, labels: {app: web}}
spec:
  params: [{name: a, value: O}]
`);
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'r')['data']).toEqual({ a: 'O', b: 'Bd' });
  });
});

describe('trap 7: params are not filtered, and merged per resource', () => {
  const result = renderText(twoResources);

  it('every template sees template defaults, blueprint, its own resource and owner params — typed', () => {
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'first')['data']).toEqual({
      all: { declared: 'T', shared: 'B', name: 'one', mine: 'first-only', dear: { me: 'me', 'do-re-mi': 'fa-so-la-ti' } },
    });
  });

  it("a resource's params do not leak into another resource", () => {
    expect(stampedFor(result, 'second')['data']).toEqual({
      all: { declared: 'T', shared: 'B', name: 'two', dear: { me: 'me', 'do-re-mi': 'fa-so-la-ti' } },
    });
  });
});

describe('trap 2: params are opaque in spec.template', () => {
  const template = (data: string) => `
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
  params: [{name: registry, default: {server: reg.io, repo: apps}}]
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: cm}
    data: ${data}
---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  resources:
  - name: r
    templateRef: {kind: ClusterTemplate, name: t}
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, labels: {app: web}}
spec: {}
`;

  it('the whole param is returned', () => {
    const result = renderText(template('{r: $(params.registry)$}'));
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'r')['data']).toEqual({ r: { server: 'reg.io', repo: 'apps' } });
  });

  it('$(params.registry.server)$ finds nothing, with a hint that params are opaque', () => {
    const result = renderText(template('{s: $(params.registry.server)$}'));
    expect(result.objects).toEqual([]);
    const errors = errorsOf(result);
    expect(errors).toMatchObject([{
      code: 'jsonpath-no-result',
      path: 'spec.template.data.s',
      controllerMessage:
        'unable to stamp object for resource [r] for template [ClusterTemplate/t] in supply chain [sc]: failed to recursively evaluate template: failed to interpolate template at path [data.s]: evaluate tag $(params.registry.server)$: jsonpath returned empty list: params.registry.server',
    }]);
    expect(errors[0]?.hint).toMatch(/opaque/);
  });

  it('a bracket step into a param finds nothing too', () => {
    const result = renderText(template(`{s: "$(params.registry['server'])$"}`));
    expect(errorsOf(result).map(reasonOf)).toEqual(["jsonpath returned empty list: params.registry['server']"]);
  });

  it('a param defined nowhere is "empty list", with a hint naming the four levels', () => {
    const result = renderText(template('{s: $(params.nowhere)$}'));
    const errors = errorsOf(result);
    expect(errors).toMatchObject([{ code: 'jsonpath-no-result', controllerMessage: endingWith('jsonpath returned empty list: params.nowhere') }]);
    expect(errors[0]?.hint).toMatch(/no param named nowhere/);
    // A sentence naming the template and field first; the interpolator's words end the controller's message.
    expect(errors[0]?.message).toBe('ClusterTemplate t: $(params.nowhere)$ in spec.template.data.s finds no value');
  });

  it('a param set under another case or with a slip gets "did you mean"', () => {
    for (const slip of ['Registry', 'registri']) {
      const result = renderText(template(`{s: $(params.${slip})$}`));
      expect(errorsOf(result)[0]?.hint).toBe(`did you mean registry? no param named ${slip} is set, but registry is`);
    }
  });
});
