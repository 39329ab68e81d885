// Templates the platform installs (--missing-templates mock), through the library API: a
// resource whose template is not in the inputs stamps nothing, its outputs are mocks of its
// kind, everything after it renders, and one note names each missing template once. The
// default stays the controller's: nothing is stamped.
import { describe, expect, it } from 'vitest';
import { parseText, readInputs, render, type RenderOptions, type RenderResult } from '../../src/index.js';
import { SuppliedOutputs } from '../../src/outputs/index.js';
import { blueprintDoc, configMapTemplate, ownerDoc, renderStream as renderText, stream } from '../helpers/chains.js';
import { errorsOf, resourceNames, stampedFor } from '../helpers/render.js';

const FIXTURES = 'test/fixtures/mocks';

async function renderFixture(options: RenderOptions = {}): Promise<RenderResult> {
  const loaded = await readInputs(['own-templates.yaml', 'supply-chain.yaml', 'workload.yaml'].map((f) => `${FIXTURES}/${f}`));
  return render(loaded.documents, options);
}

const MOCK: RenderOptions = { missingTemplates: 'mock' };
const noted = (result: RenderResult) => result.diagnostics.filter((d) => d.code === 'template-mocked');
const outputsOf = (result: RenderResult, resource: string, owner = 0) => result.owners[owner]?.resources.find((r) => r.resource.name === resource)?.outputs ?? [];

describe('--missing-templates error (the default) is the controller: nothing is stamped', () => {
  it('each missing template is an error and no object is stamped', async () => {
    const result = await renderFixture();
    expect(result.objects).toEqual([]);
    expect(errorsOf(result).map((d) => [d.code, d.resource])).toEqual([['template-not-found', 'source-provider'], ['template-not-found', 'image-provider']]);
    expect(errorsOf(result)[0]?.controllerMessage).toBe('did not find the template of the resource(s) [source-provider, image-provider]');
  });
});

describe('--missing-templates mock: templates the platform installs', () => {
  it('the resources whose template is missing stamp nothing, and everything after them renders', async () => {
    const result = await renderFixture(MOCK);
    expect(errorsOf(result)).toEqual([]);
    expect(resourceNames(result)).toEqual(['config-provider', 'app-config', 'config-writer']);
    const entry = result.owners[0]?.resources.find((r) => r.resource.name === 'source-provider');
    expect(entry).toMatchObject({ missingTemplate: { kind: 'ClusterSourceTemplate', name: 'source-template' }, failed: false });
    expect(entry?.object).toBeUndefined();
  });

  it('their outputs are mocks of their kind: a source\'s url and revision, an image', async () => {
    const result = await renderFixture(MOCK);
    expect(outputsOf(result, 'source-provider')).toMatchObject([
      { field: 'url', value: 'https://mock.invalid/dev/tanzu-java-web-app/source-provider.tar.gz', provenance: 'mock', origin: 'ClusterSourceTemplate source-template is not in the inputs' },
      { field: 'revision', value: 'mock-revision-source-provider', provenance: 'mock' },
    ]);
    expect(outputsOf(result, 'image-provider')).toMatchObject([{ field: 'image', value: 'mock.invalid/dev/tanzu-java-web-app/image-provider:mock', provenance: 'mock' }]);
    // The image mock reached the PodIntent the team's own template stamps.
    const podIntent = stampedFor(result, 'config-provider') as { spec: { template: { spec: { containers: Array<{ image: string }> } } } };
    expect(podIntent.spec.template.spec.containers[0]?.image).toBe('mock.invalid/dev/tanzu-java-web-app/image-provider:mock');
  });

  it('one note names each missing template once, however many owners and blueprints use it', async () => {
    const loaded = await readInputs(['own-templates.yaml', 'supply-chain.yaml', 'workload.yaml'].map((f) => `${FIXTURES}/${f}`));
    const more = parseText([1, 2, 3, 4].map((i) => `apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: app-${i}, namespace: dev, labels: {apps.tanzu.vmware.com/workload-type: ${i % 2 ? 'web' : 'other'}}}
spec: {}
`).join('---\n') + `---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: other}
spec:
  selector: {apps.tanzu.vmware.com/workload-type: other}
  resources:
  - name: image
    templateRef: {kind: ClusterImageTemplate, name: image-provider-template}
`, 'more.yaml');
    const result = render([...loaded.documents, ...more.documents], MOCK);
    expect(errorsOf(result)).toEqual([]);
    expect(noted(result)).toEqual([{
      severity: 'note',
      code: 'template-mocked',
      message: '2 templates are not in the inputs and taken as installed by the platform (--missing-templates mock): ClusterSourceTemplate source-template (resource source-provider of ClusterSupplyChain source-to-url), ClusterImageTemplate image-provider-template (resources image-provider of ClusterSupplyChain source-to-url, image of ClusterSupplyChain other); a resource whose template is missing stamps nothing, and its outputs are mocks',
      hint: 'to render them too, add them to the inputs, e.g. exported from the cluster: kubectl get clustersourcetemplates,clusterimagetemplates,clusterconfigtemplates,clustertemplates -o yaml > platform-templates.yaml, then -f platform-templates.yaml',
    }]);
  });

  it('a supplied output wins over the mock', async () => {
    const supplied = new SuppliedOutputs();
    supplied.set('image-provider', 'image', { value: 'registry.example.com/app@sha256:0123', origin: '--set-output' });
    const result = await renderFixture({ ...MOCK, outputs: supplied });
    expect(outputsOf(result, 'image-provider')).toMatchObject([{ field: 'image', value: 'registry.example.com/app@sha256:0123', provenance: 'supplied' }]);
    const podIntent = stampedFor(result, 'config-provider') as { spec: { template: { spec: { containers: Array<{ image: string }> } } } };
    expect(podIntent.spec.template.spec.containers[0]?.image).toBe('registry.example.com/app@sha256:0123');
  });

  it('with --strict a mock from a missing template that reaches a stamped object is an error', async () => {
    const result = await renderFixture({ ...MOCK, strict: true });
    expect(errorsOf(result).map((d) => d.code)).toEqual(['mocked-output']);
    expect(errorsOf(result)[0]?.message).toMatch(/^Workload dev\/tanzu-java-web-app: mocked outputs: image-provider image, used by config-provider; /);
  });

  it('the platform\'s templates given in the inputs (a cluster export) are used instead', async () => {
    const loaded = await readInputs(['own-templates.yaml', 'platform-templates.yaml', 'supply-chain.yaml', 'workload.yaml'].map((f) => `${FIXTURES}/${f}`));
    const result = render(loaded.documents, MOCK);
    expect(noted(result)).toEqual([]);
    expect(resourceNames(result)).toEqual(['source-provider', 'image-provider', 'config-provider', 'app-config', 'config-writer']);
  });
});

const configAndTemplate = (resources: string, extra = '') => stream(
  configMapTemplate('reader', '{config: $(config)$, url: $(source.url)$}'),
  ...(extra ? [extra] : []),
  blueprintDoc(resources),
  ownerDoc('Workload', '{name: w, namespace: dev, labels: {app: web, flavour: git}}'),
);

describe('--missing-templates mock: options, passThrough, kinds and formats', () => {
  it('a missing config template\'s config is a map of text; a missing ClusterTemplate has no outputs', () => {
    const result = renderText(configAndTemplate(`  - name: src
    templateRef: {kind: ClusterSourceTemplate, name: platform-source}
  - name: conf
    templateRef: {kind: ClusterConfigTemplate, name: platform-config}
  - name: extra
    templateRef: {kind: ClusterTemplate, name: platform-extra}
  - name: reader
    templateRef: {kind: ClusterTemplate, name: reader}
    sources: [{name: s, resource: src}]
    configs: [{name: c, resource: conf}]`), MOCK);
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'reader')['data']).toEqual({ config: { 'mock-config': 'mock-config-conf' }, url: 'https://mock.invalid/dev/w/src.tar.gz' });
    expect(outputsOf(result, 'extra')).toEqual([]);
    expect(outputsOf(result, 'conf')[0]?.origin).toBe('ClusterConfigTemplate platform-config is not in the inputs; a stand-in map');
  });

  it('options: the chosen option\'s missing template is mocked; a missing option that is not chosen is only named', () => {
    const result = renderText(configAndTemplate(`  - name: src
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: platform-git
        selector: {matchLabels: {flavour: git}}
      - name: platform-oci
        selector: {matchLabels: {flavour: oci}}
  - name: conf
    templateRef: {kind: ClusterConfigTemplate, name: own-config}
  - name: reader
    templateRef: {kind: ClusterTemplate, name: reader}
    sources: [{name: s, resource: src}]
    configs: [{name: c, resource: conf}]`, `apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata: {name: own-config}
spec:
  configPath: .data
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: own}, data: {a: b}}
`), MOCK);
    expect(errorsOf(result)).toEqual([]);
    expect(result.owners[0]?.resources[0]).toMatchObject({ option: { name: 'platform-git' }, missingTemplate: { kind: 'ClusterSourceTemplate', name: 'platform-git' } });
    expect(stampedFor(result, 'reader')['data']).toEqual({ config: { a: 'b' }, url: 'https://mock.invalid/dev/w/src.tar.gz' });
    expect(result.diagnostics.find((d) => d.code === 'template-mocked')?.message).toContain('ClusterSourceTemplate platform-git (resource src of ClusterSupplyChain sc), ClusterSourceTemplate platform-oci (resource src of ClusterSupplyChain sc)');
  });

  it('a passThrough option needs no template and passes the (mocked) input on', () => {
    const result = renderText(configAndTemplate(`  - name: src
    templateRef: {kind: ClusterSourceTemplate, name: platform-source}
  - name: tests
    templateRef:
      kind: ClusterSourceTemplate
      options:
      - name: platform-tests
        selector: {matchLabels: {flavour: tested}}
      - passThrough: source
        selector: {matchLabels: {flavour: git}}
    sources: [{name: source, resource: src}]
  - name: reader
    templateRef: {kind: ClusterTemplate, name: reader}
    sources: [{name: s, resource: tests}]
    configs: [{name: c, resource: src}]`).replace('data: {config: $(config)$, url: $(source.url)$}', 'data: {url: $(source.url)$}'), MOCK);
    expect(errorsOf(result)).toEqual([]);
    expect(result.owners[0]?.resources[1]).toMatchObject({ passThrough: 'source' });
    expect(stampedFor(result, 'reader')['data']).toEqual({ url: 'https://mock.invalid/dev/w/src.tar.gz' });
  });

  it('a delivery: a missing ClusterDeploymentTemplate passes its deployment input through, as once it completes', () => {
    const result = renderText(stream(
      configMapTemplate('smoke', '{revision: $(sources.deployed.revision)$}'),
      blueprintDoc(`  - name: source-provider
    templateRef: {kind: ClusterSourceTemplate, name: delivery-source}
  - name: deployer
    templateRef: {kind: ClusterDeploymentTemplate, name: app-deploy}
    deployment: {resource: source-provider}
  - name: smoke
    templateRef: {kind: ClusterTemplate, name: smoke}
    sources: [{name: deployed, resource: deployer}]`, { kind: 'ClusterDelivery' }),
      ownerDoc('Deliverable'),
    ), MOCK);
    expect(errorsOf(result)).toEqual([]);
    expect(resourceNames(result)).toEqual(['smoke']);
    expect(outputsOf(result, 'deployer')).toMatchObject([
      { resource: 'source-provider', field: 'url', provenance: 'mock' },
      { resource: 'source-provider', field: 'revision', provenance: 'mock' },
    ]);
    expect(stampedFor(result, 'smoke')['data']).toEqual({ revision: 'mock-revision-source-provider' });
    expect(result.diagnostics.find((d) => d.code === 'template-mocked')?.hint).toContain('clustertemplates,clusterdeploymenttemplates -o yaml');
  });

  it('Cartographer 0.0.6 (spec.components): the same, and its walk goes on past the missing template', () => {
    const result = renderText(stream(
      configMapTemplate('reader', '{image: $(images.img.image)$}'),
      blueprintDoc(`  - name: img
    templateRef: {kind: ClusterImageTemplate, name: platform-image}
  - name: reader
    templateRef: {kind: ClusterTemplate, name: reader}
    images: [{component: img, name: img}]`, { key: 'components' }),
      ownerDoc(),
    ), MOCK);
    expect(result.owners[0]?.semantics).toBe('0.0.6');
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'reader')['data']).toEqual({ image: 'mock.invalid/dev/w/img:mock' });
    expect(result.diagnostics.filter((d) => d.code === 'template-mocked')).toHaveLength(1);
  });
});

describe('--missing-templates mock: a config shaped by how it is read', () => {
  it('a missing config template whose config the next template reads as a pod (config.metadata…) is mocked as a PodTemplateSpec', async () => {
    const loaded = await readInputs([`${FIXTURES}/platform-convention.yaml`]);
    const result = render(loaded.documents, MOCK);
    expect(errorsOf(result)).toEqual([]);
    const config = outputsOf(result, 'config-provider')[0];
    expect(config).toMatchObject({ field: 'config', provenance: 'mock' });
    expect(config?.origin).toContain('a stand-in PodTemplateSpec');
    const stamped = stampedFor(result, 'app-config') as { metadata: { labels: Record<string, string> } };
    expect(stamped.metadata.labels['mock.invalid/pod-template']).toBe('stand-in');
  });

  it('one read any other way (the common config template, a map of text) stays a stand-in map', async () => {
    const loaded = await readInputs([`${FIXTURES}/platform-convention.yaml`]);
    const text = loaded.documents.map((d) => d.origin.text)[0]!.replace('labels: #@ data.values.config.metadata.labels', 'annotations: #@ data.values.config');
    const result = render(parseText(text, 'chain.yaml').documents, MOCK);
    expect(errorsOf(result)).toEqual([]);
    expect(outputsOf(result, 'config-provider')[0]).toMatchObject({ value: { 'mock-config': 'mock-config-config-provider' }, provenance: 'mock' });
  });
});

