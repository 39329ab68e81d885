// Inputs and the templating context (spec §3) and traps 9, 10, 11, 13: positional inputs,
// errors that do not stop the walk, singular aliases counted over *available* inputs, the
// `labels` key, and passThrough options (§6).
import { describe, expect, it } from 'vitest';
import type { RenderOptions } from '../../src/index.js';
import { endingWith, errorsOf, reasonOf, renderText, resourceNames, stampedFor } from '../helpers/render.js';

/** Upstream templates whose outputs are read from their own stamped ConfigMap. */
const upstreams = `
apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: source}
spec:
  params: [{name: id, default: x}]
  urlPath: data.url
  revisionPath: data.rev
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: src-$(params.id)$}
    data: {url: https://$(params.id)$.example, rev: rev-$(params.id)$}
---
apiVersion: carto.run/v1alpha1
kind: ClusterImageTemplate
metadata: {name: image}
spec:
  params: [{name: id, default: x}]
  imagePath: data.image
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: img-$(params.id)$}
    data: {image: reg.example/$(params.id)$}
---
apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata: {name: config}
spec:
  params: [{name: id, default: x}]
  configPath: data
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: cfg-$(params.id)$}
    data: {id: $(params.id)$}
---
${['ClusterTemplate', 'ClusterSourceTemplate', 'ClusterImageTemplate', 'ClusterConfigTemplate'].map((kind) => `
apiVersion: carto.run/v1alpha1
kind: ${kind}
metadata: {name: broken}
spec:
  urlPath: data.x
  revisionPath: data.x
  imagePath: data.x
  configPath: data.x
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: broken}
    data: {x: $(params.nowhere)$}
`).join('---')}
`;

/** A ClusterTemplate `consumer` whose ConfigMap data is `data`. */
function consumer(data: string): string {
  return `
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: consumer}
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: out}
    data:
${data.replace(/^/gm, '      ')}
`;
}

const workload = `
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, labels: {app: web}}
spec: {}
`;

function render(data: string, resources: string) {
  return renderText([upstreams, consumer(data), `
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  resources:
${resources.replace(/^/gm, '  ')}
`, workload].join('\n---\n'));
}

const src = (name: string, id = name) => `- name: ${name}\n  templateRef: {kind: ClusterSourceTemplate, name: source}\n  params: [{name: id, value: ${id}}]`;
const img = (name: string, id = name) => `- name: ${name}\n  templateRef: {kind: ClusterImageTemplate, name: image}\n  params: [{name: id, value: ${id}}]`;
const cfg = (name: string, id = name) => `- name: ${name}\n  templateRef: {kind: ClusterConfigTemplate, name: config}\n  params: [{name: id, value: ${id}}]`;
const broken = (name: string, kind = 'ClusterTemplate') => `- name: ${name}\n  templateRef: {kind: ${kind}, name: broken}`;
const use = (inputs: string) => `- name: use\n  templateRef: {kind: ClusterTemplate, name: consumer}${inputs === '{}' ? '' : `\n${inputs.replace(/^/gm, '  ')}`}`;

function dataOf(result: ReturnType<typeof render>): unknown {
  expect(errorsOf(result)).toEqual([]);
  return stampedFor(result, 'use')['data'];
}

describe('the shape of inputs', () => {
  it('sources.x and source are {name, revision, url}; images.x is {image, name}; configs.x is {config, name}', () => {
    const resources = [src('a'), img('i'), cfg('c'), use('sources: [{name: s, resource: a}]\nimages: [{name: im, resource: i}]\nconfigs: [{name: cf, resource: c}]')].join('\n');
    const data = 'sources: $(sources)$\nsource: $(source)$\nimages: $(images.im)$\nimage: $(image)$\nconfigs: $(configs.cf)$\nconfig: $(config)$\nurl: $(source.url)$\ntext: "s=$(source)$"';
    expect(dataOf(render(data, resources))).toEqual({
      sources: { s: { url: 'https://a.example', revision: 'rev-a', name: 's' } },
      source: { url: 'https://a.example', revision: 'rev-a', name: 's' },
      images: { image: 'reg.example/i', name: 'im' },
      image: 'reg.example/i',
      configs: { config: { id: 'c' }, name: 'cf' },
      config: { id: 'c' },
      url: 'https://a.example',
      text: 's={"name":"s","revision":"rev-a","url":"https://a.example"}',
    });
  });

  it('with no inputs the maps are {} and deployment is null (supply chain)', () => {
    expect(dataOf(render('s: $(sources)$\ni: $(images)$\nc: $(configs)$\nd: $(deployment)$', use('{}')))).toEqual({ s: {}, i: {}, c: {}, d: null });
  });
});

describe('inputs from resources without that output', () => {
  it('a ClusterTemplate has no output: a source input from it is absent', () => {
    const result = render('s: $(sources)$', [`- name: plain\n  templateRef: {kind: ClusterTemplate, name: consumer}`, use('sources: [{name: s, resource: plain}]')].join('\n'));
    expect(stampedFor(result, 'use')['data']).toEqual({ s: {} });
  });

  it('a source resource used as an image input gives nothing (outputs are typed)', () => {
    const result = render('i: $(images)$', [src('a'), use('images: [{name: i, resource: a}]')].join('\n'));
    expect(stampedFor(result, 'use')['data']).toEqual({ i: {} });
  });
});

describe('the deployment input of a ClusterDelivery resource', () => {
  it('is {url, revision, name: ""} from the named source resource', () => {
    const result = renderText([upstreams, consumer('d: $(deployment)$'), `
apiVersion: carto.run/v1alpha1
kind: ClusterDelivery
metadata: {name: d}
spec:
  selector: {app: web}
  resources:
  - name: a
    templateRef: {kind: ClusterSourceTemplate, name: source}
    params: [{name: id, value: a}]
  - name: use
    templateRef: {kind: ClusterTemplate, name: consumer}
    deployment: {resource: a}
---
apiVersion: carto.run/v1alpha1
kind: Deliverable
metadata: {name: dl, namespace: ns, labels: {app: web}}
spec: {}
`].join('\n---\n'));
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'use')['data']).toEqual({ d: { url: 'https://a.example', revision: 'rev-a', name: '' } });
  });
});

describe('trap 9: inputs are positional', () => {
  it('a reference to a later resource is reported and the input is missing', () => {
    const result = render('url: $(sources.s.url)$', [use('sources: [{name: s, resource: a}]'), src('a')].join('\n'));
    const errors = errorsOf(result);
    expect(errors[0]).toMatchObject({
      code: 'forward-reference',
      message: 'input s of resource use comes from resource a, which is not before it in spec.resources',
      path: 'spec.resources[0].sources[0]',
      resource: 'use',
    });
    // The controller still realizes `use` with the input absent: its placeholder finds nothing.
    expect(errors.slice(1)).toMatchObject([{ code: 'jsonpath-no-result', controllerMessage: endingWith('jsonpath returned empty list: sources.s.url'), resource: 'use' }]);
    expect(resourceNames(result)).toEqual(['a']);
  });

  it('a resource that does not use its forward input is still stamped', () => {
    const result = render('x: y', [use('images: [{name: i, resource: i}]'), img('i')].join('\n'));
    expect(errorsOf(result).map((d) => d.code)).toEqual(['forward-reference']);
    expect(resourceNames(result)).toEqual(['use', 'i']);
  });

  it('a resource naming itself is a forward reference too', () => {
    const result = render('x: y', `- name: use\n  templateRef: {kind: ClusterTemplate, name: consumer}\n  configs: [{name: me, resource: use}]`);
    expect(errorsOf(result)).toMatchObject([{ code: 'forward-reference', path: 'spec.resources[0].configs[0]' }]);
  });
});

describe('trap 10: a failed resource does not stop the walk (current)', () => {
  it('later resources that do not reference it are stamped; those that do fail with "empty list"', () => {
    const result = render('url: $(sources.s.url)$', [broken('bad', 'ClusterSourceTemplate'), src('ok'), use('sources: [{name: s, resource: bad}]'), img('after')].join('\n'));
    expect(resourceNames(result)).toEqual(['ok', 'after']);
    const errors = errorsOf(result);
    expect(errors.map((d) => [d.resource, reasonOf(d)])).toEqual([
      ['bad', 'jsonpath returned empty list: params.nowhere'],
      ['use', 'jsonpath returned empty list: sources.s.url'],
    ]);
    expect(errors[1]?.hint).toBe('input s comes from resource bad, which failed (see the error above)');
    expect(result.owners[0]?.resources.map((r) => r.failed)).toEqual([true, false, true, false]);
  });
});

describe('trap 11: singular aliases count the inputs that are available', () => {
  it('two sources: no `source`', () => {
    const result = render('url: $(source.url)$', [src('a'), src('b'), use('sources: [{name: one, resource: a}, {name: two, resource: b}]')].join('\n'));
    expect(errorsOf(result)).toMatchObject([{ code: 'jsonpath-no-result', controllerMessage: endingWith('jsonpath returned empty list: source.url') }]);
  });

  it('two sources, one from a failed resource: `source` is the other', () => {
    const result = render('source: $(source)$', [broken('bad', 'ClusterSourceTemplate'), src('a'), use('sources: [{name: one, resource: bad}, {name: two, resource: a}]')].join('\n'));
    expect(errorsOf(result).map((d) => d.resource)).toEqual(['bad']);
    expect(stampedFor(result, 'use')['data']).toEqual({ source: { url: 'https://a.example', revision: 'rev-a', name: 'two' } });
  });

  it('two refs with the same input name collapse (the later wins), giving `source`', () => {
    const result = render('sources: $(sources)$\nurl: $(source.url)$', [src('a'), src('b'), use('sources: [{name: s, resource: a}, {name: s, resource: b}]')].join('\n'));
    expect(dataOf(result)).toEqual({ sources: { s: { url: 'https://b.example', revision: 'rev-b', name: 's' } }, url: 'https://b.example' });
  });

  it('two images: no `image`; two configs: no `config`', () => {
    const resources = [img('i1'), img('i2'), cfg('c1'), cfg('c2'), use('images: [{name: a, resource: i1}, {name: b, resource: i2}]\nconfigs: [{name: a, resource: c1}, {name: b, resource: c2}]')].join('\n');
    const result = render('i: $(image)$\nc: $(config)$', resources);
    expect(errorsOf(result).map(reasonOf)).toEqual(['jsonpath returned empty list: image', 'jsonpath returned empty list: config']);
  });

  it('a failed upstream is absent: with no other input there is no alias either', () => {
    const result = render('i: $(images)$', [broken('bad', 'ClusterImageTemplate'), use('images: [{name: a, resource: bad}]')].join('\n'));
    expect(stampedFor(result, 'use')['data']).toEqual({ i: {} });
  });
});

describe('trap 13: labels are in the context', () => {
  it('$(labels)$ is the resource\'s carto.run label map; one label by bracket key', () => {
    const data = "all: $(labels)$\nres: $(labels['carto\\.run/resource-name'])$";
    expect(dataOf(render(data, use('{}')))).toEqual({
      all: {
        'carto.run/workload-name': 'w',
        'carto.run/workload-namespace': 'ns',
        'carto.run/supply-chain-name': 'sc',
        'carto.run/resource-name': 'use',
        'carto.run/template-kind': 'ClusterTemplate',
        'carto.run/cluster-template-name': 'consumer',
        'carto.run/template-lifecycle': 'mutable',
      },
      res: 'use',
    });
  });

  it('there is no supplyChain / resource / template key', () => {
    const result = render('a: $(supplyChain.metadata.name)$', use('{}'));
    expect(errorsOf(result).map(reasonOf)).toEqual(['jsonpath returned empty list: supplyChain.metadata.name']);
  });
});

// passThrough: the chosen option stamps nothing; the resource's output is its own input.
function passThroughChain(kind: string, inputs: string, upstream: string): string {
  return `
- ${upstream.slice(2)}
- name: pass
  templateRef:
    kind: ${kind}
    options:
    - {passThrough: in, selector: {matchLabels: {app: web}}}
    - {name: never, selector: {matchLabels: {app: other}}}
${inputs.replace(/^/gm, '  ')}
`;
}

const neverTemplates = ['ClusterSourceTemplate', 'ClusterImageTemplate', 'ClusterConfigTemplate'].map((kind) => `
apiVersion: carto.run/v1alpha1
kind: ${kind}
metadata: {name: never}
spec:
  urlPath: data.x
  revisionPath: data.x
  imagePath: data.x
  configPath: data.x
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: never}, data: {x: never}}
`).join('\n---\n');

function renderPass(kind: string, inputs: string, upstream: string, consumerInputs: string, data: string, options: RenderOptions = {}) {
  return renderText([upstreams, neverTemplates, consumer(data), `
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  resources:
${(passThroughChain(kind, inputs, upstream) + use(consumerInputs)).replace(/^/gm, '  ')}
`, workload].join('\n---\n'), options);
}

describe('§6 passThrough', () => {
  it('a source passThrough hands on its input; nothing is stamped for it', () => {
    const result = renderPass('ClusterSourceTemplate', 'sources: [{name: in, resource: a}]', src('a'), 'sources: [{name: s, resource: pass}]', 'source: $(source)$');
    expect(errorsOf(result)).toEqual([]);
    expect(resourceNames(result)).toEqual(['a', 'use']);
    expect(stampedFor(result, 'use')['data']).toEqual({ source: { url: 'https://a.example', revision: 'rev-a', name: 's' } });
    expect(result.owners[0]?.resources[1]?.passThrough).toBe('in');
  });

  it('an image passThrough and a config passThrough', () => {
    const image = renderPass('ClusterImageTemplate', 'images: [{name: in, resource: i}]', img('i'), 'images: [{name: x, resource: pass}]', 'image: $(image)$');
    expect(stampedFor(image, 'use')['data']).toEqual({ image: 'reg.example/i' });
    const config = renderPass('ClusterConfigTemplate', 'configs: [{name: in, resource: c}]', cfg('c'), 'configs: [{name: x, resource: pass}]', 'config: $(config)$');
    expect(stampedFor(config, 'use')['data']).toEqual({ config: { id: 'c' } });
  });

  it('a missing passThrough input is an error, and downstream inputs are absent', () => {
    const result = renderPass('ClusterSourceTemplate', 'sources: [{name: in, resource: bad}]', broken('bad', 'ClusterSourceTemplate'), 'sources: [{name: s, resource: pass}]', 'none: $(sources)$');
    const errors = errorsOf(result);
    expect(errors.map((d) => d.resource)).toEqual(['bad', 'pass']);
    expect(errors[1]).toMatchObject({
      code: 'pass-through-input-missing',
      message: 'resource pass passes input in through, and it has no source input of that name',
      controllerMessage: 'unable to retrieve outputs from pass through [in] for resource [pass] in supply chain [sc]: input [in] not found in sources',
    });
    expect(stampedFor(result, 'use')['data']).toEqual({ none: {} });
  });

  it('under --cartographer 0.0.6 a failed passThrough stops the walk, as any failure does there', () => {
    const current = renderPass('ClusterImageTemplate', 'sources: [{name: in, resource: a}]', src('a'), '{}', 'x: y');
    expect(current.owners[0]?.resources.map((r) => r.resource.name)).toEqual(['a', 'pass', 'use']);
    const legacy = renderPass('ClusterImageTemplate', 'sources: [{name: in, resource: a}]', src('a'), '{}', 'x: y', { semantics: '0.0.6' });
    expect(errorsOf(legacy)).toMatchObject([{ code: 'pass-through-input-missing', resource: 'pass' }]);
    expect(legacy.owners[0]?.resources.map((r) => r.resource.name)).toEqual(['a', 'pass']);
  });

  it('the input type follows the template kind: an image passThrough does not look in sources', () => {
    const result = renderPass('ClusterImageTemplate', 'sources: [{name: in, resource: a}]', src('a'), '{}', 'x: y');
    expect(errorsOf(result)).toMatchObject([{ code: 'pass-through-input-missing', message: 'resource pass passes input in through, and it has no image input of that name' }]);
    expect(errorsOf(result)[0]?.controllerMessage).toMatch(/: input \[in\] not found in images$/);
  });
});
