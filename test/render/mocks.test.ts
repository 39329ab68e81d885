// Mocks of what only a cluster has, through the library API: the stand-in uid of an owner written
// by hand, configs shaped by their path and by what the stamped object shows, and errors that
// say which mocked value they involve and how to supply it (named first with --strict).
import { describe, expect, it } from 'vitest';
import { readInputs, render, type RenderOptions, type RenderResult } from '../../src/index.js';
import { mockUid } from '../../src/outputs/index.js';
import { blueprintDoc, configMapTemplate, ownerDoc, renderStream as renderText, statusSourceTemplate, stream } from '../helpers/chains.js';
import { errorsOf, stampedFor } from '../helpers/render.js';

const FIXTURES = 'test/fixtures/mocks';

async function renderFiles(files: readonly string[], options: RenderOptions = {}): Promise<RenderResult> {
  const loaded = await readInputs(files.map((f) => `${FIXTURES}/${f}`));
  expect(loaded.diagnostics).toEqual([]);
  return render(loaded.documents, options);
}

const notes = (result: RenderResult, code: string) => result.diagnostics.filter((d) => d.code === code);

/** A ClusterTemplate `t` (spec.template `body`, or spec.ytt `ytt`) in a one-resource chain, and an owner. */
function uidChain(body: { template?: string; ytt?: string }, workloadMeta = '{name: w, namespace: default, labels: {app: web}}', owner = 'Workload'): string {
  const spec = body.ytt !== undefined ? `  ytt: |\n${body.ytt.replace(/^/gm, '    ')}` : `  template:\n${(body.template ?? '').replace(/^/gm, '    ')}`;
  return stream(
    `apiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata: {name: t}\nspec:\n${spec}`,
    blueprintDoc('  - name: r\n    templateRef: {kind: ClusterTemplate, name: t}', { kind: owner === 'Workload' ? 'ClusterSupplyChain' : 'ClusterDelivery', name: 'bp' }),
    ownerDoc(owner, workloadMeta),
  );
}

const UID_TEMPLATE = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {uid: $(workload.metadata.uid)$}';
const UID_YTT = '#@ load("@ytt:data", "data")\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata:\n  uid: #@ data.values.workload.metadata.uid';

/** source-provider (ClusterSourceTemplate src), then reader (ClusterTemplate reader) taking its source as `source`. */
const sourceAndReader = blueprintDoc(`  - name: source-provider
    templateRef: {kind: ClusterSourceTemplate, name: src}
  - name: reader
    templateRef: {kind: ClusterTemplate, name: reader}
    sources: [{name: source, resource: source-provider}]`);

describe('an owner without metadata.uid gets a stand-in in the templating context', () => {
  it('is UUID-shaped, obviously fake, and the same for the same owner on every run and machine', () => {
    const result = renderText(uidChain({ template: UID_TEMPLATE }));
    expect(errorsOf(result)).toEqual([]);
    // A literal: sha256 of the owner's kind, namespace and name does not depend on the machine.
    expect(stampedFor(result, 'r')['data']).toEqual({ uid: '00000000-0000-0000-ed85-c073f80b08f5' });
    expect(mockUid({ kind: 'Workload', namespace: 'default', name: 'w' })).toBe('00000000-0000-0000-ed85-c073f80b08f5');
    const other = renderText(uidChain({ template: UID_TEMPLATE }, '{name: w2, namespace: default, labels: {app: web}}'));
    const uid = (stampedFor(other, 'r')['data'] as { uid: string }).uid;
    expect(uid).toMatch(/^00000000-0000-0000-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(uid).not.toBe('00000000-0000-0000-ed85-c073f80b08f5');
  });

  it('spec.ytt reads the same stand-in as data.values.workload.metadata.uid', () => {
    const result = renderText(uidChain({ ytt: UID_YTT }));
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'r')['data']).toEqual({ uid: mockUid({ kind: 'Workload', namespace: 'default', name: 'w' }) });
  });

  it('is listed with the other mocks, and never written into an ownerReference', () => {
    const result = renderText(uidChain({ template: UID_TEMPLATE }));
    expect(notes(result, 'mocked-output')).toMatchObject([{ severity: 'note', message: 'Workload default/w: mocked metadata.uid, used by r' }]);
    expect(notes(result, 'owner-references-omitted')).toHaveLength(1);
    expect(stampedFor(result, 'r')['metadata']).not.toHaveProperty('ownerReferences');
  });

  it('is not listed when no template reads it', () => {
    const result = renderText(uidChain({ template: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}' }));
    expect(notes(result, 'mocked-output')).toEqual([]);
  });

  it('is listed when it reaches the object inside a whole metadata', () => {
    const result = renderText(uidChain({ template: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {meta: $(workload.metadata)$}' }));
    expect(notes(result, 'mocked-output').map((d) => d.message)).toEqual(['Workload default/w: mocked metadata.uid, used by r']);
  });

  it('an owner with a uid (a cluster export) keeps its own, unmocked, in the context and the ownerReference', () => {
    const result = renderText(uidChain({ template: UID_TEMPLATE }, '{name: w, namespace: default, labels: {app: web}, uid: 0b6c2f4e-1d2a-4c3b-9e8f-123456789abc}'));
    expect(stampedFor(result, 'r')['data']).toEqual({ uid: '0b6c2f4e-1d2a-4c3b-9e8f-123456789abc' });
    expect((stampedFor(result, 'r')['metadata'] as { ownerReferences: Array<{ uid: string }> }).ownerReferences[0]?.uid).toBe('0b6c2f4e-1d2a-4c3b-9e8f-123456789abc');
    expect(notes(result, 'mocked-output')).toEqual([]);
  });

  it('a Deliverable gets one too ($(deliverable.metadata.uid)$)', () => {
    const result = renderText(uidChain({ template: UID_TEMPLATE.replace('workload.metadata.uid', 'deliverable.metadata.uid') }, undefined, 'Deliverable'));
    expect(stampedFor(result, 'r')['data']).toEqual({ uid: mockUid({ kind: 'Deliverable', namespace: 'default', name: 'w' }) });
    expect(notes(result, 'mocked-output').map((d) => d.message)).toEqual(['Deliverable default/w: mocked metadata.uid, used by r']);
  });

  it('with --strict it is an error', () => {
    const result = renderText(uidChain({ template: UID_TEMPLATE }), { strict: true });
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toMatchObject([{ code: 'mocked-output', message: 'Workload default/w: mocked metadata.uid, used by r' }]);
  });

  it('a Runnable gets one for $(runnable.metadata.uid)$, listed, and no ownerReference of kind Runnable', () => {
    const result = renderText(stream(
      runTemplate('[{name: owner-uid, value: $(runnable.metadata.uid)$}]'),
      ownerDoc('Runnable', '{name: tests, namespace: dev}', '{runTemplateRef: {name: run}}'),
    ));
    expect(errorsOf(result)).toEqual([]);
    const object = result.objects[0]?.object as { metadata: Record<string, unknown>; spec: { params: Array<{ value: string }> } };
    expect(object.spec.params[0]?.value).toBe(mockUid({ kind: 'Runnable', namespace: 'dev', name: 'tests' }));
    expect(object.metadata).not.toHaveProperty('ownerReferences');
    expect(notes(result, 'mocked-output').map((d) => d.message)).toEqual(['Runnable dev/tests: mocked metadata.uid, used by ClusterRunTemplate run']);
    const strict = renderText(stream(runTemplate('[{name: owner-uid, value: $(runnable.metadata.uid)$}]'), ownerDoc('Runnable', '{name: tests, namespace: dev}', '{runTemplateRef: {name: run}}')), { strict: true });
    expect(errorsOf(strict).map((d) => d.code)).toEqual(['mocked-output']);
  });
});

describe('a mocked config takes the shape its path and the stamped object imply', () => {
  it('a PodIntent\'s .status.template is mocked with its .spec.template, which the next ytt template reads as a PodTemplateSpec', async () => {
    const result = await renderFiles(['own-templates.yaml', 'platform-templates.yaml', 'supply-chain.yaml', 'workload.yaml']);
    expect(errorsOf(result)).toEqual([]);
    const podIntent = stampedFor(result, 'config-provider') as { spec: { template: unknown } };
    const config = result.owners[0]?.resources.find((r) => r.resource.name === 'config-provider')?.outputs[0];
    expect(config).toMatchObject({ field: 'config', provenance: 'mock', path: '.status.template', origin: 'copied from .spec.template of the stamped object' });
    expect(config?.value).toEqual(podIntent.spec.template);
    // The template after it read config.metadata.labels (on today's main: "string has no .metadata field").
    const delivery = (stampedFor(result, 'app-config') as { data: Record<string, string> }).data['delivery.yml'];
    expect(delivery).toContain('matchLabels:\n      app.kubernetes.io/component: run\n');
    expect(notes(result, 'mocked-output')[0]?.message).toContain('config-provider config (.status.template: copied from .spec.template of the stamped object), used by app-config, config-writer');
  });

  const configChain = (configPath: string, stampedSpec: string, reader: string) => stream(
    `apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata: {name: conf}
spec:
  configPath: '${configPath.replace(/'/g, "''")}'
  template: {apiVersion: example.com/v1, kind: Thing, metadata: {name: thing}, spec: ${stampedSpec}}`,
    configMapTemplate('reader', reader),
    blueprintDoc(`  - name: conf
    templateRef: {kind: ClusterConfigTemplate, name: conf}
  - name: reader
    templateRef: {kind: ClusterTemplate, name: reader}
    configs: [{name: c, resource: conf}]`),
    ownerDoc(),
  );

  it('a .status path whose .spec twin holds a value gets that value, in any path form', () => {
    for (const path of ['.status.settings', 'status.settings', '{.status.settings}', ".status['settings']"]) {
      const result = renderText(configChain(path, '{settings: {level: debug}}', '{level: $(config.level)$}'));
      expect(errorsOf(result)).toEqual([]);
      expect(stampedFor(result, 'reader')['data']).toEqual({ level: 'debug' });
    }
  });

  it('a path ending in template without a twin is a stand-in PodTemplateSpec with a mock image', () => {
    const result = renderText(configChain('.status.template', '{}', '{image: "$(config.spec.containers[0].image)$", name: "$(config.spec.containers[0].name)$"}'));
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'reader')['data']).toEqual({ image: 'mock.invalid/dev/w/conf:mock', name: 'workload' });
  });

  it('a .data path is a map of text; other paths a marked string', () => {
    const data = renderText(configChain('.status.data', '{}', '{all: $(config)$}'));
    expect(stampedFor(data, 'reader')['data']).toEqual({ all: { 'mock-config': 'mock-config-conf' } });
    const other = renderText(configChain('.status.outputs.config', '{}', '{all: $(config)$}'));
    expect(stampedFor(other, 'reader')['data']).toEqual({ all: 'mock-config-conf' });
  });

  it('url, revision and image stay invented strings under .invalid even when the object has a .spec twin', () => {
    const twinned = statusSourceTemplate()
      .replace('.status.artifact.url', '.status.url').replace('.status.artifact.revision', '.status.revision')
      .replace('metadata: {name: src}}', 'metadata: {name: src}, spec: {url: https://git.example.com/real, revision: main}}');
    const result = renderText(stream(twinned, configMapTemplate('reader', '{url: $(source.url)$, revision: $(source.revision)$}'), sourceAndReader, ownerDoc()));
    expect(stampedFor(result, 'reader')['data']).toEqual({ url: 'https://mock.invalid/dev/w/source-provider.tar.gz', revision: 'mock-revision-source-provider' });
  });
});

/** The fixture chain with config-template reading a field the mocked PodTemplateSpec lacks. */
async function failingOnMock(reader: 'ytt' | 'template', options: RenderOptions = {}): Promise<RenderResult> {
  const loaded = await readInputs([`${FIXTURES}/own-templates.yaml`, `${FIXTURES}/platform-templates.yaml`, `${FIXTURES}/supply-chain.yaml`, `${FIXTURES}/workload.yaml`]);
  const documents = loaded.documents.map((doc) => {
    const name = (doc.value['metadata'] as { name?: string }).name;
    if (reader === 'ytt' && name === 'config-template') {
      const spec = doc.value['spec'] as { ytt: string };
      return { ...doc, value: { ...doc.value, spec: { ...spec, ytt: spec.ytt.replace('config.metadata.labels', 'config.metadata.annotations') } } };
    }
    if (reader === 'template' && name === 'config-writer-template') {
      const spec = doc.value['spec'] as { template: { metadata: { annotations: Record<string, string> } } };
      const template = structuredClone(spec.template);
      template.metadata.annotations['example.com/port'] = '$(configs.config.config.spec.containers[0].ports[0].containerPort)$';
      return { ...doc, value: { ...doc.value, spec: { ...spec, template } } };
    }
    return doc;
  });
  return render(documents, options);
}

describe('an error that involves a mocked value says which, and how to supply it', () => {
  it('spec.ytt (built-in engine): the hint names the mocked config and the three ways to supply it', async () => {
    const result = await failingOnMock('ytt');
    const [error] = errorsOf(result);
    expect(error).toMatchObject({ code: 'ytt-error', resource: 'app-config', message: "the ytt template (spec.ytt) of ClusterConfigTemplate config-template fails: struct has no .annotations field or method" });
    expect(error?.hint).toContain('config-provider config (a mock of .status.template, copied from .spec.template of the stamped object) reaches it as config input config');
    expect(error?.hint).toMatch(/--set-output config-provider\.config=…, --outputs FILE, or the live objects with --observed FILE/);
  });

  it('spec.template: the hint names the mock the failing placeholder read, before the usual hint', async () => {
    const result = await failingOnMock('template');
    const [error] = errorsOf(result);
    expect(error).toMatchObject({ code: 'jsonpath-no-result', resource: 'config-writer' });
    expect(error?.hint).toMatch(/^the template got mocked values, which only a live cluster has: config-provider config .* reaches it as config input config; give the real ones with --set-output config-provider\.config=…/);
    expect(error?.hint).toMatch(/; the config input config has no such field$/);
  });

  it('an error that reads no mocked value says nothing of mocks', () => {
    const result = renderText(stream(
      'apiVersion: carto.run/v1alpha1\nkind: ClusterImageTemplate\nmetadata: {name: img}\nspec:\n  imagePath: .status.latestImage\n  template: {apiVersion: example.com/v1, kind: Image, metadata: {name: img}}',
      configMapTemplate('reader', '{image: $(image)$, missing: $(workload.spec.source.git.url)$}'),
      blueprintDoc('  - name: img\n    templateRef: {kind: ClusterImageTemplate, name: img}\n  - name: reader\n    templateRef: {kind: ClusterTemplate, name: reader}\n    images: [{name: image, resource: img}]'),
      ownerDoc(),
    ));
    const [error] = errorsOf(result);
    expect(error?.code).toBe('jsonpath-no-result');
    expect(error?.hint).toBe('the Workload dev/w has no spec.source.git.url');
  });

  it('a ytt template that does not parse read no value: its error says nothing of mocks', () => {
    const result = renderText(stream(
      statusSourceTemplate(),
      'apiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata: {name: reader}\nspec:\n  ytt: |\n    #@ load("@ytt:data", "data")\n    kind: ConfigMap\n    data: {url: #@ data.values.source.url}',
      sourceAndReader,
      ownerDoc(),
    ));
    const [error] = errorsOf(result);
    expect(error?.message).toMatch(/^the ytt template \(spec\.ytt\) of ClusterTemplate reader fails: Unmarshaling YAML template 'stdin\.yml'/);
    expect(error?.hint).toBeUndefined();
  });

  it('with --strict the mock is the first error, before the ytt error it caused', async () => {
    const result = await failingOnMock('ytt', { strict: true });
    expect(errorsOf(result).map((d) => d.code)).toEqual(['mocked-output', 'ytt-error', 'jsonpath-no-result']);
    expect(errorsOf(result)[0]?.message).toContain('config-provider config (.status.template: copied from .spec.template of the stamped object), used by app-config');
  });

  it('an error on the owner\'s stand-in uid says so', () => {
    const result = renderText(uidChain({ ytt: '#@ load("@ytt:data", "data")\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata:\n  short: #@ data.values.workload.metadata.uid + 1' }));
    const [error] = errorsOf(result);
    expect(error?.code).toBe('ytt-error');
    expect(error?.hint).toContain(`the Workload's metadata.uid is a mock (${mockUid({ kind: 'Workload', namespace: 'default', name: 'w' })}: it has none in the inputs); render a cluster export of it (kubectl get workload w -o yaml)`);
  });

  it('Cartographer 0.0.6: a missing field inside a mocked source url names the mock', () => {
    const components = sourceAndReader.replace(/resource: source-provider/g, 'component: source-provider');
    const result = renderText(stream(statusSourceTemplate(), configMapTemplate('reader', '{host: $(sources.source.url.host)$}'), components, ownerDoc()).replace('  resources:', '  components:'));
    expect(result.owners[0]?.semantics).toBe('0.0.6');
    const [error] = errorsOf(result);
    expect(error?.resource).toBe('reader');
    expect(error?.hint).toMatch(/^the template got mocked values, which only a live cluster has: source-provider url \(a mock of \.status\.artifact\.url\) reaches it as source input source; give the real ones with --set-output source-provider\.url=…/);
  });

  it('a delivery: a ClusterDeploymentTemplate reading inside its mocked deployment input names it', () => {
    const result = renderText(`${statusSourceTemplate()}
---
apiVersion: carto.run/v1alpha1
kind: ClusterDeploymentTemplate
metadata: {name: deploy}
spec:
  observedCompletion:
    succeeded: {key: 'status.conditions[?(@.type=="ReconcileSucceeded")].status', value: "True"}
  ytt: |
    #@ load("@ytt:data", "data")
    apiVersion: kappctrl.k14s.io/v1alpha1
    kind: App
    metadata: {name: app}
    spec:
      fetch:
      - http:
          url: #@ data.values.deployment.url.replace("https://", "s3://", 1).upper(1)
---
${blueprintDoc('  - name: source-provider\n    templateRef: {kind: ClusterSourceTemplate, name: src}\n  - name: deployer\n    templateRef: {kind: ClusterDeploymentTemplate, name: deploy}\n    deployment: {resource: source-provider}', { kind: 'ClusterDelivery' })}
---
${ownerDoc('Deliverable')}
`);
    const [error] = errorsOf(result);
    expect(error).toMatchObject({ code: 'ytt-error', resource: 'deployer' });
    expect(error?.message).toMatch(/upper/);
    // The line ytt quotes reads the url, not the revision.
    expect(error?.hint).toMatch(/^the template got mocked values, which only a live cluster has: source-provider url \(a mock of \.status\.artifact\.url\) reaches it as its deployment input; give the real ones/);
  });

  it('a Runnable a supply chain stamps: an error on its mocked inputs names the mocks of the resource that stamped it', () => {
    const result = renderText(`${statusSourceTemplate()}
---
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: tests}
spec:
  template:
    apiVersion: carto.run/v1alpha1
    kind: Runnable
    metadata: {name: $(workload.metadata.name)$-tests}
    spec:
      runTemplateRef: {name: run}
      inputs: {source-url: $(source.url)$}
---
${runTemplate('[{name: url, value: $(runnable.spec.inputs.source-url.host)$}]')}
---
${sourceAndReader.replace('name: reader', 'name: tester').replace('name: reader', 'name: tests')}
---
${ownerDoc()}
`, { expandRunnables: true });
    const [error] = errorsOf(result);
    expect(error).toMatchObject({ code: 'jsonpath-no-result', resource: 'tester' });
    expect(error?.object).toEqual({ kind: 'ClusterRunTemplate', name: 'run' });
    expect(error?.hint).toMatch(/^the template got mocked values, which only a live cluster has: source-provider url and revision \(mocks of \.status\.artifact\.url and \.status\.artifact\.revision\) reach it as source input source; .*; Runnable inputs are opaque in spec\.template/);
  });
});

/** A ClusterRunTemplate `run` stamping a TaskRun with these params (a YAML flow list). */
function runTemplate(params: string): string {
  return `apiVersion: carto.run/v1alpha1
kind: ClusterRunTemplate
metadata: {name: run}
spec:
  template: {apiVersion: tekton.dev/v1, kind: TaskRun, metadata: {generateName: run-}, spec: {params: ${params}}}`;
}
