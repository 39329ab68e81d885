// Outputs (spec §9.1, §9.2) and traps 21, 22: config outputs are values, indexing into outputs
// works, null image/config outputs are absent downstream; and where carto takes each output
// from: supplied > read from the stamped object > an observed live object > a mock.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/load/index.js';
import { readOutputsFile, SuppliedOutputs, type OutputField } from '../../src/outputs/index.js';
import type { JSONValue } from '../../src/jsonpath/index.js';
import { endingWith, errorsOf, reasonOf, renderText, resourceNames, stampedFor } from '../helpers/render.js';

const templates = `
apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: git}
spec:
  urlPath: status.artifact.url
  revisionPath: '{.status.artifact.revision}'
  template:
    apiVersion: source.toolkit.fluxcd.io/v1
    kind: GitRepository
    metadata: {name: $(workload.metadata.name)$}
    spec: {url: https://git.example/app}
---
apiVersion: carto.run/v1alpha1
kind: ClusterImageTemplate
metadata: {name: kpack}
spec:
  imagePath: .status.latestImage
  template:
    apiVersion: kpack.io/v1alpha2
    kind: Image
    metadata: {name: $(workload.metadata.name)$}
    spec: {source: {blob: {url: $(source.url)$}}}
---
apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata: {name: app-config}
spec:
  configPath: .data
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: cfg}
    data: {LOG_LEVEL: info, nested: "<a>&b"}
---
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: deploy}
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: deploy}
    data:
      image: $(image)$
      config: $(config)$
      level: $(config.LOG_LEVEL)$
      text: "cfg=$(config)$"
      sources: $(sources)$
---
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  resources:
  - name: source-provider
    templateRef: {kind: ClusterSourceTemplate, name: git}
  - name: image-builder
    templateRef: {kind: ClusterImageTemplate, name: kpack}
    sources: [{name: source, resource: source-provider}]
  - name: config
    templateRef: {kind: ClusterConfigTemplate, name: app-config}
  - name: deploy
    templateRef: {kind: ClusterTemplate, name: deploy}
    images: [{name: image, resource: image-builder}]
    configs: [{name: config, resource: config}]
    sources: [{name: src, resource: source-provider}]
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: app, namespace: dev, labels: {app: web}}
spec: {}
`;

function supplied(entries: Array<[string, OutputField, JSONValue]>): SuppliedOutputs {
  const outputs = new SuppliedOutputs();
  for (const [key, field, value] of entries) outputs.set(key, field, { value, origin: 'test' });
  return outputs;
}

function observed(text: string) {
  return parseText(text, 'observed.yaml').documents;
}

const liveGitRepository = `
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata: {name: app, namespace: dev}
spec: {url: https://git.example/app}
status: {artifact: {url: http://source-controller/app.tar.gz, revision: main@sha1:abc}}
`;

describe('where outputs come from', () => {
  it('with nothing supplied, status outputs are mocks (obviously fake), and a note lists the ones used', () => {
    const result = renderText(templates);
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'image-builder')['spec']).toEqual({ source: { blob: { url: 'https://mock.invalid/dev/app/source-provider.tar.gz' } } });
    expect(stampedFor(result, 'deploy')['data']).toMatchObject({ image: 'mock.invalid/dev/app/image-builder:mock' });
    const notes = result.diagnostics.filter((d) => d.code === 'mocked-output');
    expect(notes).toMatchObject([{
      severity: 'note',
      message: 'Workload dev/app: mocked outputs: source-provider url and revision (status.artifact.url, {.status.artifact.revision}), used by image-builder, deploy; image-builder image (.status.latestImage), used by deploy',
    }]);
  });

  it('--strict makes a mock that reaches a stamped object an error', () => {
    const result = renderText(templates, { strict: true });
    expect(result.ok).toBe(false);
    expect(errorsOf(result).map((d) => d.code)).toEqual(['mocked-output']);
  });

  it('a mock that reaches nothing is not reported', () => {
    // Only source-provider (mocked url and revision) and config: nothing consumes the mocks.
    const text = templates.replace(/  resources:\n[\s\S]*?\n---/, `  resources:
  - name: source-provider
    templateRef: {kind: ClusterSourceTemplate, name: git}
  - name: config
    templateRef: {kind: ClusterConfigTemplate, name: app-config}
---`);
    const result = renderText(text, { strict: true });
    expect(result.diagnostics.filter((d) => d.code === 'mocked-output')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('an observed live object is read with the template\'s path', () => {
    const result = renderText(templates, { observed: observed(liveGitRepository) });
    expect(stampedFor(result, 'deploy')['data']).toMatchObject({ sources: { src: { url: 'http://source-controller/app.tar.gz', revision: 'main@sha1:abc', name: 'src' } } });
    const values = result.owners[0]?.resources[0]?.outputs;
    expect(values?.map((v) => [v.field, v.provenance, v.origin])).toEqual([
      ['url', 'observed', 'observed.yaml:2'],
      ['revision', 'observed', 'observed.yaml:2'],
    ]);
  });

  it('an observed object of another namespace or name is not used', () => {
    const other = liveGitRepository.replace('namespace: dev', 'namespace: prod');
    const result = renderText(templates, { observed: observed(other) });
    expect(result.owners[0]?.resources[0]?.outputs.map((v) => v.provenance)).toEqual(['mock', 'mock']);
  });

  it('a supplied value beats the stamped object and the observed one, field by field', () => {
    const outputs = supplied([
      ['source-provider', 'url', 'https://supplied/src.tar.gz'],
      ['config', 'config', { LOG_LEVEL: 'debug' }],
    ]);
    const result = renderText(templates, { outputs, observed: observed(liveGitRepository) });
    expect(stampedFor(result, 'deploy')['data']).toMatchObject({
      config: { LOG_LEVEL: 'debug' },
      level: 'debug',
      sources: { src: { url: 'https://supplied/src.tar.gz', revision: 'main@sha1:abc', name: 'src' } },
    });
  });

  it('the most specific key wins: NAMESPACE/OWNER/RESOURCE > OWNER/RESOURCE > RESOURCE', () => {
    const outputs = supplied([
      ['image-builder', 'image', 'any'],
      ['app/image-builder', 'image', 'owner'],
      ['dev/app/image-builder', 'image', 'namespaced'],
      ['other/image-builder', 'image', 'other-owner'],
    ]);
    const result = renderText(templates, { outputs });
    expect((stampedFor(result, 'deploy')['data'] as Record<string, unknown>)['image']).toBe('namespaced');
    // Only the key of an owner the inputs do not hold is reported (issue 15): its value is never read.
    expect(result.diagnostics.filter((d) => d.code === 'unused-output').map(reasonOf)).toEqual(['supplied outputs for other/image-builder match no owner: the inputs hold no Workload or Deliverable other']);
  });

  it('a supplied key that names no resource is a warning', () => {
    const result = renderText(templates, { outputs: supplied([['image-bulder', 'image', 'x']]) });
    expect(result.diagnostics.filter((d) => d.code === 'unused-output')).toMatchObject([{ severity: 'warning', message: 'supplied outputs for image-bulder match no resource of any rendered blueprint' }]);
  });

  it('the outputs file accepts cartotest\'s previousOutputs form', () => {
    const { outputs, diagnostics } = readOutputsFile(parseText('source-provider:\n  source: {url: u, revision: r}\nimage-builder: {image: i}\n', 'outputs.yaml').documents);
    expect(diagnostics).toEqual([]);
    const result = renderText(templates, { outputs });
    expect(stampedFor(result, 'deploy')['data']).toMatchObject({ image: 'i', sources: { src: { url: 'u', revision: 'r', name: 'src' } } });
  });
});

describe('trap 21: config outputs are values, and outputs can be indexed', () => {
  it('configPath .data gives the map: typed in a single tag, Go JSON when embedded, indexable', () => {
    const result = renderText(templates);
    expect(stampedFor(result, 'deploy')['data']).toMatchObject({
      config: { LOG_LEVEL: 'info', nested: '<a>&b' },
      level: 'info',
      text: 'cfg={"LOG_LEVEL":"info","nested":"\\u003ca\\u003e\\u0026b"}',
    });
    expect(result.owners[0]?.resources[2]?.outputs).toMatchObject([{ field: 'config', provenance: 'stamped', path: '.data' }]);
  });

  it('a source revision that is an object can be indexed: $(sources.src.revision.branch)$', () => {
    const text = templates.replace('      level: $(config.LOG_LEVEL)$', '      level: $(sources.src.revision.branch)$');
    const result = renderText(text, { outputs: supplied([['source-provider', 'revision', { branch: 'main', sha: 'abc' }]]) });
    expect((stampedFor(result, 'deploy')['data'] as Record<string, unknown>)['level']).toBe('main');
  });
});

describe('trap 22: null outputs', () => {
  it('an image output that is null is absent downstream: no images.x and no `image`', () => {
    const text = templates.replace('      image: $(image)$', '      images: $(images)$');
    const result = renderText(text, { outputs: supplied([['image-builder', 'image', null]]) });
    expect(errorsOf(result)).toEqual([]);
    expect((stampedFor(result, 'deploy')['data'] as Record<string, unknown>)['images']).toEqual({});
    const failing = renderText(templates, { outputs: supplied([['image-builder', 'image', null]]) });
    expect(errorsOf(failing)).toMatchObject([{ code: 'jsonpath-no-result', controllerMessage: endingWith('jsonpath returned empty list: image'), resource: 'deploy' }]);
  });

  it('a config output that is null is absent downstream', () => {
    const text = templates.replace(/      config: \$\(config\)\$\n      level: .*\n      text: .*\n/, '      configs: $(configs)$\n');
    const result = renderText(text, { outputs: supplied([['config', 'config', null]]) });
    expect(errorsOf(result)).toEqual([]);
    expect((stampedFor(result, 'deploy')['data'] as Record<string, unknown>)['configs']).toEqual({});
  });

  it('a source whose url is null is present: typed null in a single tag, an error when embedded', () => {
    const outputs = supplied([['source-provider', 'url', null], ['source-provider', 'revision', null]]);
    const result = renderText(templates, { outputs });
    expect((stampedFor(result, 'deploy')['data'] as Record<string, unknown>)['sources']).toEqual({ src: { url: null, revision: null, name: 'src' } });
    expect(errorsOf(result)).toEqual([]);
    const embedded = renderText(templates.replace('url: $(source.url)$', 'url: "blob:$(source.url)$"'), { outputs });
    // image-builder fails, so deploy has no image input either.
    expect(errorsOf(embedded)).toMatchObject([
      { code: 'nil-in-text', controllerMessage: endingWith('tag must not point to nil value: source.url'), resource: 'image-builder' },
      { code: 'jsonpath-no-result', controllerMessage: endingWith('jsonpath returned empty list: image'), resource: 'deploy' },
    ]);
  });
});

describe('output paths', () => {
  it('a path into spec is read from the stamped object (a, .a and {.a} alike)', () => {
    const text = templates.replace('imagePath: .status.latestImage', "imagePath: '{.spec.source.blob.url}'");
    const result = renderText(text, { outputs: supplied([['source-provider', 'url', 'https://s']]) });
    expect((stampedFor(result, 'deploy')['data'] as Record<string, unknown>)['image']).toBe('https://s');
    expect(result.owners[0]?.resources[1]?.outputs).toMatchObject([{ field: 'image', provenance: 'stamped', value: 'https://s' }]);
  });

  it('a path that does not parse is an error, not a mock: the controller never gets that output', () => {
    const text = templates.replace('imagePath: .status.latestImage', 'imagePath: .status.latestImage[');
    const result = renderText(text);
    expect(resourceNames(result)).toEqual(['source-provider', 'image-builder', 'config']);
    expect(errorsOf(result)).toMatchObject([
      {
        code: 'output-path-error',
        message: "the image output cannot be read with imagePath .status.latestImage[: evaluate: failed to parse jsonpath '{.status.latestImage[}': unterminated array",
        path: 'spec.imagePath',
        resource: 'image-builder',
      },
      { code: 'jsonpath-no-result', controllerMessage: endingWith('jsonpath returned empty list: image'), resource: 'deploy' },
    ]);
  });

  it('a supplied value is used even when the path is broken', () => {
    const text = templates.replace('imagePath: .status.latestImage', 'imagePath: .status.latestImage[');
    const result = renderText(text, { outputs: supplied([['image-builder', 'image', 'reg/x@sha256:1']]) });
    expect(errorsOf(result)).toEqual([]);
    expect((stampedFor(result, 'deploy')['data'] as Record<string, unknown>)['image']).toBe('reg/x@sha256:1');
  });

  it('a ClusterTemplate has no outputs; referencing one as an input gives nothing', () => {
    const result = renderText(templates);
    expect(result.owners[0]?.resources[3]?.outputs).toEqual([]);
  });
});
