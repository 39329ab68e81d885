// `$(…)$` interpolation of spec.template (spec §4.1–4.3) and traps 3, 4, 5, 6, 25, 26: the
// single-tag/embedded split, fasttemplate's scanning with no escape, client-go bracket keys,
// out-of-range indexes, empty arrays and numbers.
import { describe, expect, it } from 'vitest';
import { endingWith, errorsOf, oneResourceChain, reasonOf, renderText, stampedFor } from '../helpers/render.js';

/**
 * A ClusterTemplate `t` (with `params` as its spec.params) stamping a ConfigMap with `data`,
 * a supply chain `sc`, and a Workload `w` in namespace `ns` with `spec`.
 */
function render(data: string, { params = '[]', spec = '{}' }: { params?: string; spec?: string } = {}) {
  return renderText(oneResourceChain(data, `apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: w
  namespace: ns
  labels: {app: web, app.kubernetes.io/name: petclinic}
spec: ${spec}`, { params }));
}

function dataOf(result: ReturnType<typeof render>): unknown {
  expect(errorsOf(result)).toEqual([]);
  return stampedFor(result, 'r')['data'];
}

const PREFIX = 'unable to stamp object for resource [r] for template [ClusterTemplate/t] in supply chain [sc]: failed to recursively evaluate template: ';

const typed = `
- {name: num, default: 5}
- {name: str, default: "5"}
- {name: map, default: {b: 1, a: "<x>&y"}}
- {name: list, default: [1, "a", true]}
- {name: flag, default: true}
- {name: nothing, default: null}
- {name: empty, default: []}
- {name: html, default: "<b>&</b>"}`;

describe('trap 3: a string that is exactly one tag keeps the value\'s JSON type', () => {
  it('number, string, map, list, bool and null come through typed', () => {
    const data = 'num: $(params.num)$\nstr: $(params.str)$\nmap: $(params.map)$\nlist: $(params.list)$\nflag: $(params.flag)$\nnothing: $(params.nothing)$';
    expect(dataOf(render(data, { params: typed }))).toEqual({
      num: 5,
      str: '5',
      map: { b: 1, a: '<x>&y' },
      list: [1, 'a', true],
      flag: true,
      nothing: null,
    });
  });

  it('a leading or trailing space makes it embedded text', () => {
    expect(dataOf(render('a: " $(params.num)$"\nb: "$(params.num)$ "', { params: typed }))).toEqual({ a: ' 5', b: '5 ' });
  });

  it('a YAML block scalar ends with a newline, so it is embedded: the map becomes Go JSON text', () => {
    expect(dataOf(render('block: |\n  $(params.map)$', { params: typed }))).toEqual({ block: '{"a":"\\u003cx\\u003e\\u0026y","b":1}\n' });
  });

  it('a block scalar with strip chomping (|-) has no newline, so it is a single tag again', () => {
    expect(dataOf(render('block: |-\n  $(params.map)$', { params: typed }))).toEqual({ block: { b: 1, a: '<x>&y' } });
  });

  it('two adjacent tags are text even when both are numbers: "55"', () => {
    expect(dataOf(render('two: $(params.num)$$(params.num)$', { params: typed }))).toEqual({ two: '55' });
  });

  it('text that looks like JSON stays a string: [5], {"foo": 5}, 55', () => {
    expect(dataOf(render(`arr: "[$(params.num)$]"\nobj: '{"foo": $(params.num)$}'\ncat: 5$(params.num)$`, { params: typed }))).toEqual({
      arr: '[5]',
      obj: '{"foo": 5}',
      cat: '55',
    });
  });

  it('embedded non-strings are Go JSON: compact, keys sorted, <>& escaped; strings are raw', () => {
    const data = 'map: "m=$(params.map)$"\nlist: "l=$(params.list)$"\nflag: "y=$(params.flag)$"\nhtml: "h=$(params.html)$"\nempty: "e=$(params.empty)$"';
    expect(dataOf(render(data, { params: typed }))).toEqual({
      map: 'm={"a":"\\u003cx\\u003e\\u0026y","b":1}',
      list: 'l=[1,"a",true]',
      flag: 'y=true',
      html: 'h=<b>&</b>',
      empty: 'e=[]',
    });
  });

  it('embedding null is an error; the single tag of the same null is fine', () => {
    const result = render('nn: "x$(params.nothing)$"', { params: typed });
    expect(result.objects).toEqual([]);
    expect(errorsOf(result)).toMatchObject([{
      code: 'nil-in-text',
      message: 'ClusterTemplate t: $(params.nothing)$ in spec.template.data.nn is null, which the text around it cannot hold',
      controllerMessage: `${PREFIX}failed to interpolate template at path [data.nn]: interpolate tag: tag must not point to nil value: params.nothing`,
    }]);
  });

  it('map keys are never interpolated', () => {
    expect(dataOf(render('"$(params.str)$": $(params.str)$', { params: typed }))).toEqual({ '$(params.str)$': '5' });
  });
});

describe('trap 4: fasttemplate scanning, no escape', () => {
  it('Tekton $(params.x) without a closing )$ is left alone', () => {
    expect(dataOf(render('script: "echo $(params.url) and $(inputs.x)"', { params: typed }))).toEqual({ script: 'echo $(params.url) and $(inputs.x)' });
  });

  it('$(params.a)$(params.b): the first tag ends at the first )$ and is evaluated', () => {
    expect(dataOf(render('t: $(params.str)$(params.num)', { params: typed }))).toEqual({ t: '5(params.num)' });
  });

  it('a backslash does not escape a tag', () => {
    expect(dataOf(render('t: \\$(params.str)$', { params: typed }))).toEqual({ t: '\\5' });
  });

  it('a Tekton $(…) before a Cartographer tag swallows it into one bad expression', () => {
    const result = render('t: "$(inputs.x) $(params.str)$"', { params: typed });
    expect(result.objects).toEqual([]);
    const errors = errorsOf(result);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'jsonpath-syntax', path: 'spec.template.data.t' });
    expect(reasonOf(errors[0] ?? { message: '' })).toMatch(/^evaluate: failed to parse jsonpath '\{\.inputs\.x\) \$\(params\.str\}': /);
  });

  it('nested placeholders are not supported: the tag ends at the first )$', () => {
    const result = render('t: $(params.$(params.str)$)$', { params: typed });
    // The whole string has two `$(`, so it is embedded; its first tag is `params.$(params.str`.
    expect(errorsOf(result)).toMatchObject([{
      code: 'jsonpath-syntax',
      controllerMessage: `${PREFIX}failed to interpolate template at path [data.t]: interpolate tag: evaluate jsonpath: evaluate: failed to parse jsonpath '{.params.$(params.str}': unrecognized character in action: U+0028 '('`,
    }]);
  });

  it('a substituted value containing a tag is not substituted again (current)', () => {
    expect(dataOf(render('t: $(params.inner)$\nu: "x $(params.inner)$"', { params: '[{name: inner, default: "$(params.other)$"}, {name: other, default: o}]' }))).toEqual({
      t: '$(params.other)$',
      u: 'x $(params.other)$',
    });
  });
});

describe('trap 5: bracket keys', () => {
  it('dots inside brackets still split, so they must be escaped', () => {
    expect(dataOf(render(`name: $(workload.metadata.labels['app\\.kubernetes\\.io/name'])$`))).toEqual({ name: 'petclinic' });
  });

  it('unescaped dots inside brackets find nothing', () => {
    const result = render(`name: $(workload.metadata.labels['app.kubernetes.io/name'])$`);
    expect(errorsOf(result)).toMatchObject([{ code: 'jsonpath-no-result', controllerMessage: endingWith("jsonpath returned empty list: workload.metadata.labels['app.kubernetes.io/name']") }]);
  });

  it('escaped dots work without brackets too', () => {
    expect(dataOf(render('name: $(workload.metadata.labels.app\\.kubernetes\\.io/name)$'))).toEqual({ name: 'petclinic' });
  });

  it('double quotes are not accepted inside brackets', () => {
    const result = render(`name: $(workload.metadata.labels["app"])$`);
    const errors = errorsOf(result);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe('jsonpath-syntax');
    expect(reasonOf(errors[0] ?? { message: '' })).toMatch(/^evaluate: failed to parse jsonpath '\{\.workload\.metadata\.labels\["app"\]\}': /);
  });
});

describe('trap 6: out-of-range indexes are errors, not "missing"', () => {
  const env = '{env: [{name: A, value: "1"}]}';

  it('an index past the end', () => {
    const result = render('x: $(workload.spec.env[5].name)$', { spec: env });
    expect(errorsOf(result)).toMatchObject([{
      code: 'jsonpath-error',
      controllerMessage: `${PREFIX}failed to interpolate template at path [data.x]: evaluate tag $(workload.spec.env[5].name)$: evaluate: failed to find results: array index out of bounds: index 5, length 1`,
    }]);
  });

  it('index 0 of a nil slice (no env at all)', () => {
    const result = render('x: $(workload.spec.env[0].name)$');
    expect(errorsOf(result).map(reasonOf)).toEqual(['evaluate: failed to find results: array index out of bounds: index 0, length 0']);
  });

  it('a negative index counts from the end; too negative is out of range', () => {
    expect(dataOf(render('x: $(workload.spec.env[-1].name)$', { spec: env }))).toEqual({ x: 'A' });
    const result = render('x: $(workload.spec.env[-2].name)$', { spec: env });
    expect(errorsOf(result)).toHaveLength(1);
    expect(reasonOf(errorsOf(result)[0] ?? { message: '' })).toMatch(/^evaluate: failed to find results: array index out of bounds/);
  });

  it('several results are an error: too many results', () => {
    const result = render('x: $(workload.spec.env[*].name)$', { spec: '{env: [{name: A}, {name: B}]}' });
    expect(errorsOf(result)).toMatchObject([{ code: 'jsonpath-many-results', controllerMessage: endingWith('too many results for the query: workload.spec.env[*].name') }]);
  });

  it('a filter that matches nothing is "empty list"', () => {
    const result = render('x: $(workload.spec.env[?(@.name=="Z")].value)$', { spec: env });
    expect(errorsOf(result).map(reasonOf)).toEqual(['jsonpath returned empty list: workload.spec.env[?(@.name=="Z")].value']);
  });
});

describe('expression syntax and error paths', () => {
  it('a, .a, {.a} and {.a are the same expression', () => {
    expect(dataOf(render('a: $(params.str)$\nb: $(.params.str)$\nc: $({.params.str})$\nd: $({.params.str)$', { params: typed }))).toEqual({ a: '5', b: '5', c: '5', d: '5' });
  });

  it('an empty tag is an error', () => {
    const result = render('x: $()$');
    expect(errorsOf(result)).toMatchObject([{ code: 'jsonpath-syntax', controllerMessage: endingWith('empty jsonpath not allowed') }]);
  });

  it('an unparsable tag names the wrapped expression', () => {
    const result = render('x: $(,)$');
    expect(errorsOf(result)).toMatchObject([{ code: 'jsonpath-syntax', controllerMessage: endingWith("evaluate: failed to parse jsonpath '{.,}': unrecognized character in action: U+002C ','") }]);
  });

  it('the controller path writes an array index as .[i] with no dot after it', () => {
    const result = renderText(`
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
  template:
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      template:
        spec:
          containers:
          - name: app
            image: $(params.missing)$
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
`);
    expect(errorsOf(result)).toMatchObject([{
      code: 'jsonpath-no-result',
      path: 'spec.template.spec.template.spec.containers[0].image',
      line: 15,
      controllerMessage: `${PREFIX}failed to interpolate template at path [spec.template.spec.containers.[0]image]: evaluate tag $(params.missing)$: jsonpath returned empty list: params.missing`,
    }]);
  });
});

describe('the controller\'s path of a placeholder inside nested lists', () => {
  it('no dot after an index, whether a key or another index follows (as refharness prints it)', () => {
    const result = render('k0: {list: [[[a, {key: [b, {deep: $(params.nope)$}]}]]]}');
    expect(errorsOf(result)[0]?.controllerMessage).toBe(`${PREFIX}failed to interpolate template at path [data.k0.list.[0][0][1]key.[1]deep]: evaluate tag $(params.nope)$: jsonpath returned empty list: params.nope`);
  });
});

describe('trap 25: empty arrays are kept (current)', () => {
  it('a literal [] in the template and an [] param both stay []', () => {
    expect(dataOf(render('lit: []\nparam: $(params.empty)$\nnested: {items: [[], {a: []}]}', { params: typed }))).toEqual({ lit: [], param: [], nested: { items: [[], { a: [] }] } });
  });
});

describe('trap 26: numbers', () => {
  it('template numbers pass through; embedded numbers print like Go (shortest, exponent at 1e21 and 1e-7); a quoted single tag still keeps the number', () => {
    const params = '[{name: big, default: 1e21}, {name: tiny, default: 0.0000001}, {name: half, default: 0.5}, {name: int, default: 100000000000000000000}]';
    const data = 'replicas: 3\nratio: 0.25\nbig: "=$(params.big)$"\ntiny: "=$(params.tiny)$"\nhalf: "=$(params.half)$"\nint: "=$(params.int)$"\nintv: "$(params.int)$"';
    expect(dataOf(render(data, { params }))).toEqual({
      replicas: 3,
      ratio: 0.25,
      big: '=1e+21',
      tiny: '=1e-7',
      half: '=0.5',
      int: '=100000000000000000000',
      intv: 100000000000000000000,
    });
  });
});
