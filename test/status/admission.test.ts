// `carto status` through the real binary, on what a new user's trial of the API-server checks
// found: a misspelt required field refuses the object (the API server drops it, then finds the
// required one missing); the report leads with the error the controller's message has, and lists
// the object's other problems after it; a field dropped from a ready object is said under it; a
// failing health rule is pointed at where it is written, its message said once; and the note on
// kinds no schema covers comes only when a ✓ would claim more than was checked.
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { carto } from '../helpers/cli.js';
import { blueprintDoc, crdDoc, ownerDoc, stream, templateDoc } from '../helpers/chains.js';
import { tempTrees } from '../helpers/temp-tree.js';

type Cond = { type: string; status: string; reason: string; message: string };
type Owner = { metadata: { name: string }; status: { conditions: Cond[]; resources: Array<{ name: string; conditions: Cond[] }> } };

const tree = tempTrees('carto-status-admission-');
const OWNER = ownerDoc('Workload', '{name: app, namespace: dev, labels: {app: web}}');

/** The Ready condition of a resource of the one owner `carto status -o FORMAT` prints. */
function resourceReady(args: readonly string[], resource: string, format: 'yaml' | 'json' = 'yaml'): Cond {
  const r = carto(['status', '-o', format, ...args]);
  expect(r.status, r.stderr).toBe(0);
  const owner = (format === 'json' ? (JSON.parse(r.stdout) as { items: Owner[] }).items[0] : parseAllDocuments(r.stdout)[0]?.toJS()) as Owner;
  return owner.status.resources.find((x) => x.name === resource)?.conditions.find((c) => c.type === 'Ready') as Cond;
}

/** A ClusterTemplate `name` stamping the Deployment `app` whose metadata and spec are these YAML lines. */
function deploymentTemplate(name: string, labels: string, spec: string): string {
  return `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: ${name}}
spec:
  template:
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: $(workload.metadata.name)$
      labels: ${labels}
    spec:
${spec.replace(/^\n+|\n+$/g, '')}`;
}

const POD = `      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:`;

/** One resource `deploy` stamping the Deployment of this template. */
function deploymentChain(template: string): string {
  return stream(blueprintDoc('  - name: deploy\n    templateRef: {kind: ClusterTemplate, name: dep}'), template, OWNER);
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('a misspelt required field: dropped, so the object lacks the required one, and is refused', () => {
  const crd = crdDoc('Builder', 'builders', '{type: object, required: [tag], properties: {tag: {type: string}}}');
  const chain = (field: string) => stream(
    blueprintDoc('  - name: image\n    templateRef: {kind: ClusterImageTemplate, name: img}'),
    templateDoc('ClusterImageTemplate', 'img', `  imagePath: .spec.tag
  template:
    apiVersion: example.com/v1
    kind: Builder
    metadata: {name: $(workload.metadata.name)$}
    spec:
      ${field}`),
    OWNER,
  );

  it('a CRD\'s: TemplateRejectedByAPIServer, as when the field is simply missing, in yaml, json and text', () => {
    const misspelt = tree({ 'chain.yaml': chain('tagg: registry.example.com/app'), 'crd.yaml': crd });
    const missing = tree({ 'chain.yaml': chain('other: x').replace('\n      other: x', ' {}'), 'crd.yaml': crd });
    const expected = { reason: 'TemplateRejectedByAPIServer', status: 'False', message: 'unable to apply object [dev/app] for resource [image] in supply chain [sc]: create: Builder.example.com "app" is invalid: spec.tag: Required value' };
    expect(resourceReady([`${missing}/chain.yaml`, '--crds', `${missing}/crd.yaml`], 'image')).toMatchObject(expected);
    const args = [`${misspelt}/chain.yaml`, '--crds', `${misspelt}/crd.yaml`];
    expect(resourceReady(args, 'image')).toMatchObject(expected);
    expect(resourceReady(args, 'image', 'json')).toMatchObject(expected);
    const text = carto(['status', ...args]).stdout.split('\n');
    expect(text[0]).toBe('Workload dev/app  ✗ failed: TemplateRejectedByAPIServer  ClusterSupplyChain sc');
    expect(text[1]).toBe('  ✗ failed   image');
    expect(text[2]).toBe('      TemplateRejectedByAPIServer: Builder dev/app: spec.tagg: unknown field, which the API server drops, and tag is required: did you mean tag? — in ClusterImageTemplate img');
    expect(text[3]).toBe(`      at ${misspelt}/chain.yaml:${lineOf(chain('tagg: x'), 'tagg:')} (spec.template.spec.tagg)`);
    expect(text[4]).toContain('rename tagg to tag in the template');
  });

  it('a built-in kind\'s: a Deployment\'s contaners leaves it without containers', () => {
    const template = deploymentTemplate('dep', '{}', `${POD}\n          contaners:\n          - {name: app, image: nginx}`);
    const d = tree({ 'chain.yaml': deploymentChain(template) });
    expect(resourceReady([d], 'deploy')).toMatchObject({
      reason: 'TemplateRejectedByAPIServer',
      message: 'unable to apply object [dev/app] for resource [deploy] in supply chain [sc]: create: Deployment.apps "app" is invalid: spec.template.spec.containers: Required value',
    });
    const text = carto(['status', d]).stdout;
    expect(text).toContain('  ✗ failed   deploy\n      TemplateRejectedByAPIServer: Deployment dev/app: spec.template.spec.contaners: unknown field, which the API server drops, and containers is required: did you mean containers?');
    expect(text).toContain('rename contaners to containers in the template');
  });
});

describe('several problems of one refused object: the text leads with the error the condition has, then lists the others', () => {
  it('a label and replicas as text: the decoding error leads (the API server stops there), the label after it', () => {
    const template = deploymentTemplate('dep', '{team: "payments team"}', `      replicas: "2"\n${POD}\n          containers:\n          - {name: app, image: nginx}`);
    const chain = deploymentChain(template);
    const d = tree({ 'chain.yaml': chain });
    const ready = resourceReady([d], 'deploy', 'json');
    expect(ready.message).toBe('unable to apply object [dev/app] for resource [deploy] in supply chain [sc]: create: Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    const lines = carto(['status', d]).stdout.split('\n');
    expect(lines.slice(1, 7)).toEqual([
      '  ✗ failed   deploy',
      '      TemplateRejectedByAPIServer: Deployment dev/app: spec.replicas: expected integer, got string "2" — in ClusterTemplate dep',
      `      at ${d}/chain.yaml:${lineOf(chain, 'replicas:')} (spec.template.spec.replicas)`,
      '      to get further: write an integer there in the template (replicas: 2, not "2")',
      '      also to fix (the API server stops at the first value that does not decode, and would refuse these next):',
      `        the API server refuses the Deployment app: its label team is invalid — in ClusterTemplate dep (${d}/chain.yaml:${lineOf(chain, 'team:')})`,
    ]);
  });

  it('an enum before a value that does not decode: the decoding error leads, the enum after it', () => {
    const template = deploymentTemplate('dep', '{}', `${POD}\n          containers:\n          - name: app\n            image: nginx\n            imagePullPolicy: Alwayz\n            envFrom: {a: b}`);
    const chain = deploymentChain(template);
    const d = tree({ 'chain.yaml': chain });
    expect(resourceReady([d], 'deploy').message).toContain('cannot be handled as a Deployment: json: cannot unmarshal object into Go struct field Container.spec.template.spec.containers.envFrom of type []v1.EnvFromSource');
    const out = carto(['status', d]).stdout;
    expect(out).toContain('      TemplateRejectedByAPIServer: Deployment dev/app: spec.template.spec.containers[0].envFrom: expected a list, got a map — in ClusterTemplate dep\n');
    expect(out).toContain(`      also to fix (the API server stops at the first value that does not decode, and would refuse these next):\n        Deployment dev/app: spec.template.spec.containers[0].imagePullPolicy: string "Alwayz" is not one of "Always", "IfNotPresent", "Never" — in ClusterTemplate dep (${d}/chain.yaml:${lineOf(chain, 'Alwayz')})\n`);
  });

  it('errors that all decode: the condition names them all, in the order the text gives them', () => {
    const template = deploymentTemplate('dep', '{team: "payments team"}', `${POD}\n          containers:\n          - {name: app, image: nginx, imagePullPolicy: Alwayz}`);
    const d = tree({ 'chain.yaml': deploymentChain(template) });
    expect(resourceReady([d], 'deploy').message).toMatch(/create: Deployment\.apps "app" is invalid: \[metadata\.labels: Invalid value: "payments team": .*, spec\.template\.spec\.containers\[0\]\.imagePullPolicy: Unsupported value: "Alwayz": .*\]$/);
    const out = carto(['status', d]).stdout;
    expect(out).toContain('      TemplateRejectedByAPIServer: the API server refuses the Deployment app: its label team is invalid');
    expect(out).toContain("      also to fix (the API server's error names them all):\n        Deployment dev/app: spec.template.spec.containers[0].imagePullPolicy: string \"Alwayz\" is not one of");
  });
});

it('a misspelt field that is only dropped: said under the ready resource, not in its conditions', () => {
  const template = deploymentTemplate('dep', '{}', `${POD}\n          containers:\n          - name: app\n            image: nginx\n            resoruces: {limits: {cpu: 1}}`);
  const chain = deploymentChain(template);
  const d = tree({ 'chain.yaml': chain });
  const text = carto(['status', d]).stdout;
  expect(text).toBe('Workload dev/app  ✓ ready  ClusterSupplyChain sc\n' +
    '  ✓ ready    deploy  Deployment app\n' +
    `      dropped by the API server: spec.template.spec.containers[0].resoruces, at ${d}/chain.yaml:${lineOf(chain, 'resoruces')} (did you mean resources?)\n`);
  // the controller's status says nothing of it
  const yaml = carto(['status', d, '-o', 'yaml']).stdout;
  expect(yaml).not.toContain('resoruces');
  expect(resourceReady([d], 'deploy')).toMatchObject({ status: 'True', reason: 'Ready' });
});

it('a field dropped from a refused object, or one the resource does not wait for: said under the resource, after what it is about', () => {
  const refused = deploymentTemplate('dep', '{}', `      replicas: "2"\n      strategy: {tipe: Recreate}\n${POD}\n          containers:\n          - {name: app, image: nginx}`);
  const chain = deploymentChain(refused);
  const d = tree({ 'chain.yaml': chain });
  const out = carto(['status', d]).stdout;
  expect(out).toContain('TemplateRejectedByAPIServer: Deployment dev/app: spec.replicas: expected integer');
  expect(out).toMatch(new RegExp(`to get further: write an integer there in the template \\(replicas: 2, not "2"\\)\n {6}dropped by the API server: spec\\.strategy\\.tipe, at ${d}/chain\\.yaml:${lineOf(chain, 'tipe')} \\(did you mean type\\?\\)\n$`));
  // waiting for a status field, with a field dropped elsewhere: the wait leads, the dropped field after it
  const waiting = stream(
    blueprintDoc('  - name: cfg\n    templateRef: {kind: ClusterConfigTemplate, name: svc}'),
    templateDoc('ClusterConfigTemplate', 'svc', `  configPath: .status.loadBalancer.ingress
  template:
    apiVersion: v1
    kind: Service
    metadata: {name: $(workload.metadata.name)$}
    spec: {prots: [{port: 80}]}`),
    OWNER,
  );
  const w = tree({ 'chain.yaml': waiting });
  const lines = carto(['status', w]).stdout.split('\n');
  expect(lines[2]).toMatch(/^ {6}MissingValueAtPath: the config output of resource cfg is on no object carto was given: configPath \.status\.loadBalancer\.ingress/);
  expect(lines.at(-2)).toBe(`      dropped by the API server: spec.prots, at ${w}/chain.yaml:${lineOf(waiting, 'prots')} (did you mean ports?)`);
});

describe('a health rule and kinds no schema covers', () => {
  const chain = stream(
    blueprintDoc('  - name: image-builder\n    templateRef: {kind: ClusterImageTemplate, name: kpack}'),
    templateDoc('ClusterImageTemplate', 'kpack', `  imagePath: .status.latestImage
  healthRule:
    singleConditionType: Ready
  template:
    apiVersion: kpack.io/v1alpha2
    kind: Image
    metadata: {name: $(workload.metadata.name)$}
    spec: {tag: registry.example.com/app}`),
    OWNER,
  );
  const live = (status: string) => `apiVersion: kpack.io/v1alpha2
kind: Image
metadata: {name: app, namespace: dev}
status:
  latestImage: registry.example.com/app@sha256:0123
  conditions:
  - {type: Ready, status: "${status}", reason: BuildFailed, message: "build failed: step build exited 1"}
`;
  const d = tree({ 'in/templates.yaml': chain, 'failed/image.yaml': live('False'), 'built/image.yaml': live('True') });

  it('a live object failing its rule: the rule\'s line (not the template\'s first), the message said once', () => {
    const out = carto(['status', `${d}/in`, '--observed', `${d}/failed`]).stdout;
    const lines = out.split('\n');
    expect(lines[2]).toBe('      ReadyCondition: build failed: step build exited 1');
    expect(lines[3]).toBe(`      Healthy False, by the health rule of ClusterImageTemplate kpack at ${d}/in/templates.yaml:${lineOf(chain, 'healthRule:')}`);
    expect(out.split('build failed').length - 1).toBe(1);
  });

  it('the no-schema note: not while the Image waits, once it is ready (a ✓ that checked only its name and labels)', () => {
    for (const format of ['text', 'yaml', 'json']) {
      const waiting = carto(['status', `${d}/in`, '-o', format]);
      expect(waiting.stdout).toContain(format === 'text' ? '… waiting' : 'MissingValueAtPath');
      expect(waiting.stderr).not.toContain('no schema');
      const ready = carto(['status', `${d}/in`, '--observed', `${d}/built`, '-o', format]);
      expect(ready.stderr).toContain('note: no schema for 1 kind of the stamped objects, so its objects were not validated: Image (kpack.io/v1alpha2)');
    }
  });
});

describe('an owner name no label may carry: the fix is the owner, not the template', () => {
  it('carto.run/workload-name too long: the refusal points at the Workload\'s name', () => {
    const long = 'a'.repeat(64);
    const owner = ownerDoc('Workload', `{name: ${long}, namespace: dev, labels: {app: web}}`);
    const template = deploymentTemplate('dep', '{}', `${POD}\n          containers:\n          - {name: app, image: nginx}`);
    const chain = stream(blueprintDoc('  - name: deploy\n    templateRef: {kind: ClusterTemplate, name: dep}'), template, owner);
    const d = tree({ 'chain.yaml': chain });
    const out = carto(['status', d]).stdout;
    expect(out).toContain('its label carto.run/workload-name is invalid');
    expect(out).toContain(`at ${d}/chain.yaml:${lineOf(chain, `name: ${long}`)}`);
    expect(out).not.toContain('— in ClusterTemplate dep\n      at');
  });
});
