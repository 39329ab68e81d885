// Trap 1 (spec §4.4, §13.1) and traps 12/13 (§3.2): templates see the owner as the controller's
// Go object, not as the YAML that was written. Each test renders a ClusterTemplate whose
// ConfigMap data holds the placeholders under test, through a one-resource supply chain.
import { describe, expect, it } from 'vitest';
import { errorsOf, oneResourceChain, reasonOf, renderText, stampedFor } from '../helpers/render.js';
import { mockUid } from '../../src/outputs/index.js';

/** A ClusterTemplate `t` stamping a ConfigMap with `data`, a supply chain `sc`, and `workload`. */
function render(data: string, workload: string) {
  return renderText(oneResourceChain(data, workload));
}

const bare = `
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns, labels: {app: web}}
spec: {}
`;

/** The stand-in uid of Workload ns/w (test/render/mocks.test.ts checks its shape). */
const FAKE_UID = mockUid({ kind: 'Workload', namespace: 'ns', name: 'w' });

function dataOf(result: ReturnType<typeof render>): unknown {
  expect(errorsOf(result)).toEqual([]);
  return stampedFor(result, 'r')['data'];
}

describe('trap 1: value-type fields always exist', () => {
  it('an unset serviceAccountName is "" (a string field), not an error', () => {
    expect(dataOf(render('sa: $(workload.spec.serviceAccountName)$', bare))).toEqual({ sa: '' });
  });

  it('an unset spec.build is {} (a struct value), and embeds as {}', () => {
    expect(dataOf(render('build: $(workload.spec.build)$\ntext: "b=$(workload.spec.build)$"', bare))).toEqual({ build: {}, text: 'b={}' });
  });

  it('metadata.generation is 0 when unset; metadata.uid, which an owner written by hand lacks, is its stand-in', () => {
    expect(dataOf(render('uid: $(workload.metadata.uid)$\ngen: $(workload.metadata.generation)$', bare))).toEqual({ uid: FAKE_UID, gen: 0 });
  });

  it('metadata.uid is the owner\'s own when it has one (a cluster export)', () => {
    const exported = bare.replace('labels: {app: web}}', 'labels: {app: web}, uid: 6f1c2f1e-0b7e-4bb0-9d43-2c3d4e5f6a7b}');
    expect(dataOf(render('uid: $(workload.metadata.uid)$', exported))).toEqual({ uid: '6f1c2f1e-0b7e-4bb0-9d43-2c3d4e5f6a7b' });
  });

  it('status.supplyChainRef names the selected supply chain: the controller writes it before it stamps (refharness agrees)', () => {
    expect(dataOf(render('ref: $(workload.status.supplyChainRef)$', bare))).toEqual({ ref: { kind: 'ClusterSupplyChain', name: 'sc' } });
  });

  it('a Deliverable\'s status.deliveryRef names the selected delivery; other fields of an exported status stay', () => {
    const deliverable = bare.replace('kind: Workload', 'kind: Deliverable').replace('spec: {}', 'spec: {}\nstatus: {deliveryRef: {kind: Old, name: old, apiVersion: carto.run/v1alpha1}, observedGeneration: 3}');
    const data = dataOf(renderText(oneResourceChain('ref: $(deliverable.status)$', deliverable, { delivery: true })));
    expect(data).toEqual({ ref: { deliveryRef: { kind: 'ClusterDelivery', name: 'd', apiVersion: 'carto.run/v1alpha1' }, observedGeneration: 3 } });
  });

  it('a set creationTimestamp is a metav1.Time: RFC 3339 in UTC', () => {
    const workload = bare.replace('labels: {app: web}}', 'labels: {app: web}, creationTimestamp: "2021-09-22T12:00:00+02:00"}');
    expect(dataOf(render('ts: $(workload.metadata.creationTimestamp)$', workload))).toEqual({ ts: '2021-09-22T10:00:00Z' });
  });

  it('apiVersion and kind come from the TypeMeta', () => {
    expect(dataOf(render('av: $(workload.apiVersion)$\nk: $(workload.kind)$', bare))).toEqual({ av: 'carto.run/v1alpha1', k: 'Workload' });
  });
});

describe('trap 1: nil pointers, slices and maps exist as null', () => {
  it('single-tag spec.image / spec.env / spec.build.env / metadata.annotations give null', () => {
    const data = 'image: $(workload.spec.image)$\nenv: $(workload.spec.env)$\nbenv: $(workload.spec.build.env)$\nann: $(workload.metadata.annotations)$';
    expect(dataOf(render(data, bare))).toEqual({ image: null, env: null, benv: null, ann: null });
  });

  it('embedding a nil value is the error "tag must not point to nil value"', () => {
    const result = render('image: "registry/$(workload.spec.image)$"', bare);
    expect(result.objects).toEqual([]);
    const [error, ...rest] = errorsOf(result);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({
      code: 'nil-in-text',
      path: 'spec.template.data.image',
      line: 11,
      resource: 'r',
      controllerMessage:
        'unable to stamp object for resource [r] for template [ClusterTemplate/t] in supply chain [sc]: failed to recursively evaluate template: failed to interpolate template at path [data.image]: interpolate tag: tag must not point to nil value: workload.spec.image',
    });
  });

  it('stepping through a nil pointer finds nothing: spec.source.git.url without spec.source', () => {
    const result = render('url: $(workload.spec.source.git.url)$', bare);
    expect(result.objects).toEqual([]);
    expect(errorsOf(result)).toMatchObject([{
      code: 'jsonpath-no-result',
      path: 'spec.template.data.url',
      controllerMessage:
        'unable to stamp object for resource [r] for template [ClusterTemplate/t] in supply chain [sc]: failed to recursively evaluate template: failed to interpolate template at path [data.url]: evaluate tag $(workload.spec.source.git.url)$: jsonpath returned empty list: workload.spec.source.git.url',
    }]);
  });

  it('a nil pointer itself is null, one level down is missing: spec.source.git with only source.image', () => {
    const workload = bare.replace('spec: {}', 'spec: {source: {image: "reg/app:1"}}');
    expect(dataOf(render('git: $(workload.spec.source.git)$\nimage: $(workload.spec.source.image)$', workload))).toEqual({ git: null, image: 'reg/app:1' });
  });

  it('a nil map entry is missing: metadata.labels.absent', () => {
    const result = render('x: $(workload.metadata.labels.absent)$', bare);
    expect(errorsOf(result).map(reasonOf)).toEqual(['jsonpath returned empty list: workload.metadata.labels.absent']);
  });
});

describe('trap 1: Go serialisation of whole structs', () => {
  it('metadata carries creationTimestamp: null and drops empty fields', () => {
    expect(dataOf(render('meta: $(workload.metadata)$', bare))).toEqual({
      meta: { creationTimestamp: null, labels: { app: 'web' }, name: 'w', namespace: 'ns', uid: FAKE_UID },
    });
  });

  it('embedded metadata is Go JSON: sorted keys, "creationTimestamp":null first', () => {
    expect(dataOf(render('meta: "m=$(workload.metadata)$"', bare))).toEqual({
      meta: `m={"creationTimestamp":null,"labels":{"app":"web"},"name":"w","namespace":"ns","uid":"${FAKE_UID}"}`,
    });
  });

  it('spec.source.git omits unset pointers (omitempty)', () => {
    const workload = bare.replace('spec: {}', 'spec: {source: {git: {url: "https://g/x", ref: {branch: main}}}}');
    expect(dataOf(render('git: "$(workload.spec.source.git)$ "', workload))).toEqual({ git: '{"ref":{"branch":"main"},"url":"https://g/x"} ' });
  });

  it('spec.env keeps name/value only: [{"name":…,"value":…}]', () => {
    const workload = bare.replace('spec: {}', 'spec: {env: [{name: SPRING_PROFILES_ACTIVE, value: mysql}]}');
    expect(dataOf(render('env: "$(workload.spec.env)$."', workload))).toEqual({ env: '[{"name":"SPRING_PROFILES_ACTIVE","value":"mysql"}].' });
  });

  it('quantities are canonical: 0.5 → 500m, 1024Mi → 1Gi, 1000m → 1', () => {
    const workload = bare.replace('spec: {}', 'spec: {resources: {requests: {cpu: 0.5, memory: 1024Mi}, limits: {cpu: 1000m}}}');
    expect(dataOf(render('cpu: $(workload.spec.resources.requests.cpu)$\nres: $(workload.spec.resources)$', workload))).toEqual({
      cpu: '500m',
      res: { limits: { cpu: '1' }, requests: { cpu: '500m', memory: '1Gi' } },
    });
  });

  it('unknown Workload fields vanish: they are neither reachable nor serialised', () => {
    const workload = bare.replace('spec: {}', 'spec: {image: reg/app, somethingUnknown: x}');
    const result = render('unknown: $(workload.spec.somethingUnknown)$', workload);
    expect(errorsOf(result).map(reasonOf)).toEqual(['jsonpath returned empty list: workload.spec.somethingUnknown']);
    expect(dataOf(render('spec: $(workload.spec)$', workload))).toEqual({ spec: { build: {}, image: 'reg/app' } });
  });

  it('workload params are typed: a filter over them returns the whole value', () => {
    const workload = bare.replace('spec: {}', 'spec: {params: [{name: ports, value: [{port: 8080}]}, {name: x, value: {deep: 1}}]}');
    expect(dataOf(render('ports: $(workload.spec.params[?(@.name=="ports")].value)$', workload))).toEqual({ ports: [{ port: 8080 }] });
  });

  it('a workload param value is opaque JSON: indexing into it finds nothing', () => {
    const workload = bare.replace('spec: {}', 'spec: {params: [{name: x, value: {deep: 1}}]}');
    const result = render('deep: $(workload.spec.params[0].value.deep)$', workload);
    expect(errorsOf(result).map(reasonOf)).toEqual(['jsonpath returned empty list: workload.spec.params[0].value.deep']);
  });
});

describe('trap 12: workload and deliverable are both defined and are the same owner', () => {
  it('a supply chain template can say $(deliverable.…)$ and gets the Workload', () => {
    expect(dataOf(render('a: $(deliverable.metadata.name)$\nb: $(deliverable.kind)$\nc: $(workload.metadata.name)$', bare))).toEqual({ a: 'w', b: 'Workload', c: 'w' });
  });

  it('a delivery template can say $(workload.…)$ and gets the Deliverable (with its own Go type)', () => {
    const deliverable = 'apiVersion: carto.run/v1alpha1\nkind: Deliverable\nmetadata: {name: dl, namespace: ns, labels: {app: web}}\nspec: {}';
    const result = renderText(oneResourceChain('name: $(workload.metadata.name)$\nkind: $(workload.kind)$\nsa: $(deliverable.spec.serviceAccountName)$', deliverable, { delivery: true }));
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'r')['data']).toEqual({ name: 'dl', kind: 'Deliverable', sa: '' });
  });

  it('a Deliverable has no spec.image field (its Go type has none)', () => {
    const deliverable = 'apiVersion: carto.run/v1alpha1\nkind: Deliverable\nmetadata: {name: dl, namespace: ns, labels: {app: web}}\nspec: {image: reg/x}';
    const result = renderText(oneResourceChain('image: $(deliverable.spec.image)$', deliverable, { delivery: true }));
    expect(errorsOf(result).map(reasonOf)).toEqual(['jsonpath returned empty list: deliverable.spec.image']);
  });
});

describe('the context is a Go map: its keys are exact, while the owner inside is a struct', () => {
  // Cartographer builds the blueprint context as a map[string]interface{} (HEAD and 0.0.6), and
  // client-go looks a map key up by its exact name; only structs answer to Go field names.
  it('$(Workload.…)$ and $(Params.…)$ find nothing', () => {
    const result = render('a: $(Workload.metadata.name)$\nb: $(Params.x)$', bare);
    expect(errorsOf(result).map(reasonOf)).toEqual(['jsonpath returned empty list: Workload.metadata.name', 'jsonpath returned empty list: Params.x']);
  });

  it('inside the owner, Go field names still resolve', () => {
    expect(dataOf(render('a: $(workload.ObjectMeta.Name)$\nb: $(workload.Spec.ServiceAccountName)$', bare))).toEqual({ a: 'w', b: '' });
  });
});
