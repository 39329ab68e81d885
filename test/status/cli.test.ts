// `carto status` through the real binary: each owner condition reason Cartographer v0.8.11
// writes, outputs' previews and digests, --observed / --outputs / --set-output changing the
// verdict, the report for a person, and the exit codes.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { carto, ROOT } from '../helpers/cli.js';
import { blueprintDoc, configMapTemplate, crdDoc, ownerDoc, statusSourceTemplate, stream } from '../helpers/chains.js';
import { tempTrees } from '../helpers/temp-tree.js';

type Cond = { type: string; status: string; reason: string; message: string };
type Owner = { kind: string; metadata: { name: string; namespace: string }; status: Record<string, any> };

const tree = tempTrees('carto-status-');
const FIXTURES = 'test/fixtures/status';

/** The owners `carto status -o yaml` prints, by name. */
function statuses(args: readonly string[]): Map<string, Owner> {
  const r = carto(['status', '-o', 'yaml', ...args]);
  expect(r.status, r.stderr).toBe(0);
  const owners = parseAllDocuments(r.stdout).map((d) => d.toJS() as Owner);
  return new Map(owners.map((o) => [o.metadata.name, o]));
}

const condition = (o: Owner | undefined, type: string): Cond | undefined => (o?.status['conditions'] as Cond[]).find((c) => c.type === type);
const resource = (o: Owner | undefined, name: string): Record<string, any> => (o?.status['resources'] as Array<Record<string, any>>).find((r) => r['name'] === name) as Record<string, any>;
const resourceCondition = (o: Owner | undefined, name: string, type: string): Cond => (resource(o, name)['conditions'] as Cond[]).find((c) => c.type === type) as Cond;
const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** A supply chain whose source takes its url from status only; a config map needs that url. */
const GIT_CHAIN = stream(
  blueprintDoc(`  - name: source
    templateRef: {kind: ClusterSourceTemplate, name: git}
  - name: config
    sources: [{resource: source, name: src}]
    templateRef: {kind: ClusterTemplate, name: cm}`),
  statusSourceTemplate('git'),
  configMapTemplate('cm', '{url: $(sources.src.url)$}'),
  ownerDoc('Workload', '{name: app, namespace: dev, labels: {app: web}}'),
);

/** The live object of the source, with the status the template's paths read. */
const LIVE_GIT = `apiVersion: example.com/v1
kind: Source
metadata: {name: git, namespace: dev}
status:
  artifact: {url: 'http://source/app.tar.gz', revision: 'main@sha1:0123'}
`;

describe('owner conditions', () => {
  const owners = statuses([`${FIXTURES}/selection`]);

  it.each([
    ['nolabels', 'SupplyChainReady', 'WorkloadLabelsMissing', 'workload has no labels to match to supply chain'],
    ['nomatch', 'SupplyChainReady', 'SupplyChainNotFound', 'no supply chain found where full selector is satisfied by labels: map[a.b/c:d app:other zeta:1]'],
    ['tie', 'SupplyChainReady', 'MultipleSupplyChainMatches', "workload may only match a single supply chain's selector"],
    ['miss', 'SupplyChainReady', 'TemplatesNotFound', 'did not find the template of the resource(s) [a, c]'],
    ['dnolabels', 'DeliveryReady', 'DeliverableLabelsMissing', 'deliverable has no labels to match to delivery'],
    ['dnomatch', 'DeliveryReady', 'DeliveryNotFound', 'no delivery found where full selector is satisfied by labels: map[app:other]'],
  ])('%s: %s False, %s, and Ready says the same', (name, type, reason, message) => {
    const owner = owners.get(name);
    expect(owner?.status['conditions']).toEqual([
      { message, reason, status: 'False', type },
      { message, reason, status: 'False', type: 'Ready' },
    ]);
    // Only TemplatesNotFound comes after a blueprint was chosen.
    const ref = owner?.kind === 'Workload' ? 'supplyChainRef' : 'deliveryRef';
    expect(owner?.status[ref]).toEqual(reason === 'TemplatesNotFound' ? { kind: 'ClusterSupplyChain', name: 'missing' } : {});
    expect(owner?.status['resources']).toBeUndefined();
  });

  it('two deliveries selecting a Deliverable alike: MultipleDeliveryMatches', () => {
    const blueprint = (name: string, selector: string) => `apiVersion: carto.run/v1alpha1\nkind: ClusterDelivery\nmetadata: {name: ${name}}\nspec:\n  selector: {${selector}}\n  resources: []\n`;
    const dir = tree({ 'd.yaml': [blueprint('one', 'a: x'), blueprint('two', 'b: z'), 'apiVersion: carto.run/v1alpha1\nkind: Deliverable\nmetadata: {name: d, namespace: dev, labels: {a: x, b: z}}\nspec: {}\n'].join('---\n') });
    expect(condition(statuses([dir]).get('d'), 'DeliveryReady')).toEqual({ message: "deliverable may only match a single delivery's selector", reason: 'MultipleDeliveryMatches', status: 'False', type: 'DeliveryReady' });
  });

  it('a selector that cannot be evaluated: the reconcile errors before any condition, so only Ready, Unknown', () => {
    expect(statuses([`${FIXTURES}/errors`]).get('w-badsel')?.status['conditions']).toEqual([{ message: '', reason: 'Unknown', status: 'Unknown', type: 'Ready' }]);
  });

  it('all submitted and healthy: SupplyChainReady, ResourcesSubmitted, ResourcesHealthy (HealthyConditionRule), Ready — all True', () => {
    const dir = tree({ 'in/chain.yaml': GIT_CHAIN, 'live/git.yaml': LIVE_GIT });
    expect(statuses([`${dir}/in`, '--observed', `${dir}/live`]).get('app')?.status['conditions']).toEqual([
      { message: '', reason: 'Ready', status: 'True', type: 'SupplyChainReady' },
      { message: '', reason: 'ResourceSubmissionComplete', status: 'True', type: 'ResourcesSubmitted' },
      { message: '', reason: 'HealthyConditionRule', status: 'True', type: 'ResourcesHealthy' },
      { message: '', reason: 'Ready', status: 'True', type: 'Ready' },
    ]);
  });

  it('the first resource error is the owner\'s ResourcesSubmitted; Ready takes the last False, else the first Unknown', () => {
    const owner = statuses([`${FIXTURES}/options`]).get('w');
    const message = 'get template name from resource: find matching template option: expected exactly 1 option to match, found [0] matching options for resource [none] in supply chain [sc]';
    expect(condition(owner, 'ResourcesSubmitted')).toEqual({ message, reason: 'UnknownError', status: 'False', type: 'ResourcesSubmitted' });
    expect(condition(owner, 'ResourcesHealthy')).toEqual({ message: '', reason: 'HealthyConditionRule', status: 'True', type: 'ResourcesHealthy' });
    expect(condition(owner, 'Ready')).toEqual({ message, reason: 'UnknownError', status: 'False', type: 'Ready' });
  });

  it('observedGeneration only when the owner has metadata.generation', () => {
    const owners = statuses([`${FIXTURES}/errors`]);
    expect(owners.get('w-paths')?.status['observedGeneration']).toBe(3);
    expect(owners.get('w-badsel')?.status).not.toHaveProperty('observedGeneration');
    expect(JSON.stringify(owners.get('w-paths')?.status)).not.toContain('lastTransitionTime');
  });
});

describe('resource conditions', () => {
  it('a value only the live object has: MissingValueAtPath, Unknown, with the guessed plural; what needs it fails to stamp', () => {
    const owner = statuses([tree({ 'in.yaml': GIT_CHAIN })]).get('app');
    const waiting = 'waiting to read value [.status.artifact.url] from object [sources.example.com/git] in namespace [dev]';
    expect(resource(owner, 'source')['conditions']).toEqual([
      { message: waiting, reason: 'MissingValueAtPath', status: 'Unknown', type: 'ResourceSubmitted' },
      { message: '', reason: 'OutputNotAvailable', status: 'Unknown', type: 'Healthy' },
      { message: waiting, reason: 'MissingValueAtPath', status: 'Unknown', type: 'Ready' },
    ]);
    expect(resource(owner, 'source')['stampedRef']).toEqual({ apiVersion: 'example.com/v1', kind: 'Source', name: 'git', namespace: 'dev', resource: 'sources.example.com' });
    expect(resource(owner, 'source')).not.toHaveProperty('outputs');
    expect(resourceCondition(owner, 'config', 'ResourceSubmitted')).toMatchObject({ reason: 'TemplateStampFailure', status: 'False' });
    expect(resourceCondition(owner, 'config', 'ResourceSubmitted').message).toMatch(/^unable to stamp object for resource \[config\] for template \[ClusterTemplate\/cm\] in supply chain \[sc\]: .*evaluate tag \$\(sources\.src\.url\)\$: jsonpath returned empty list: sources\.src\.url$/);
    expect(resourceCondition(owner, 'config', 'Healthy')).toMatchObject({ reason: 'NoStampedObject', status: 'Unknown' });
    // The owner's ResourcesSubmitted is the first error's; both Healthy conditions are Unknown.
    expect(condition(owner, 'ResourcesSubmitted')).toMatchObject({ reason: 'MissingValueAtPath', message: waiting });
    expect(condition(owner, 'ResourcesHealthy')).toEqual({ message: '', reason: 'HealthyConditionRule', status: 'Unknown', type: 'ResourcesHealthy' });
    expect(condition(owner, 'Ready')).toEqual({ message: waiting, reason: 'MissingValueAtPath', status: 'Unknown', type: 'Ready' });
  });

  it('a value missing from an object whose health rule has a verdict: "cannot read value … from healthy object" (found by the differential test)', () => {
    const healthy = GIT_CHAIN.replace('spec:\n  urlPath', 'spec:\n  healthRule: {alwaysHealthy: {}}\n  urlPath');
    expect(healthy).not.toBe(GIT_CHAIN);
    const owner = statuses([tree({ 'in.yaml': healthy })]).get('app');
    expect(resourceCondition(owner, 'source', 'ResourceSubmitted')).toEqual({
      message: 'cannot read value [.status.artifact.url] from healthy object [sources.example.com/git] in namespace [dev], contact Platform Eng',
      reason: 'MissingValueAtPath', status: 'Unknown', type: 'ResourceSubmitted',
    });
  });

  it('a passThrough: PassThrough, its input\'s outputs, no template, no Healthy condition', () => {
    const pass = resource(statuses([`${FIXTURES}/options`]).get('w'), 'pass');
    expect(pass['conditions']).toEqual([
      { message: '', reason: 'PassThrough', status: 'True', type: 'ResourceSubmitted' },
      { message: '', reason: 'Ready', status: 'True', type: 'Ready' },
    ]);
    expect(pass['outputs'].map((o: { name: string }) => o.name)).toEqual(['url', 'revision']);
    expect(pass).not.toHaveProperty('templateRef');
  });

  it('a passThrough whose input is missing: a Workload gets the controller\'s SupplyChainReady-typed PassThrough condition', () => {
    const owner = statuses([`${FIXTURES}/pass-through`]).get('w');
    expect(resource(owner, 'badpass')['conditions'][0]).toEqual({ message: 'unable to find passthrough [nothere] in []', reason: 'PassThrough', status: 'False', type: 'SupplyChainReady' });
    expect(owner?.status['conditions'].filter((c: Cond) => c.type === 'SupplyChainReady')).toHaveLength(2);
  });

  it('deliveries: a deployment on a fresh cluster is not ready, in the controller\'s three ways', () => {
    const d = statuses([`${FIXTURES}/deployments`]).get('d');
    expect(resourceCondition(d, 'completion', 'ResourcesSubmitted')).toEqual({ message: 'resource [completion] cannot satisfy observedCompletion without observedGeneration in object status', reason: 'TemplateStampFailure', status: 'False', type: 'ResourcesSubmitted' });
    expect(resourceCondition(d, 'matches', 'ResourcesSubmitted')).toEqual({ message: 'resource [matches] condition not met: could not find value on output [status.url]: jsonpath returned empty list: status.url', reason: 'ConditionNotMet', status: 'Unknown', type: 'ResourcesSubmitted' });
    expect(resource(d, 'matches-ok')['outputs'].map((o: { name: string }) => o.name)).toEqual(['url', 'revision']);
    expect(resourceCondition(d, 'pass', 'ResourceSubmitted')).toMatchObject({ reason: 'UnknownError', message: 'unable to retrieve outputs from pass through [nothere] for resource [pass] in supply chain [del]: input [nothere] not found in sources' });
    const c = statuses([`${FIXTURES}/deployment-completion`]).get('d');
    expect(resourceCondition(c, 'c1', 'ResourcesSubmitted')).toMatchObject({ reason: 'FailedConditionMet', status: 'False', message: 'resource [c1] failed condition met: deployment failure condition [status.conditions[?(@.type=="Ready")].status] was: False' });
    expect(resourceCondition(c, 'c3', 'ResourcesSubmitted')).toMatchObject({ reason: 'ConditionNotMet', status: 'Unknown' });
  });
});

describe('lifecycles: outputs only from a healthy object, and nothing taken as healthy', () => {
  it('a tekton object without its Succeeded condition has no outputs: MissingValueAtPath on its first path', () => {
    const owner = statuses([`${FIXTURES}/lifecycles`]).get('w');
    expect(resourceCondition(owner, 'tek', 'ResourceSubmitted')).toEqual({ message: 'waiting to read value [.data] from object [configmaps/tek] in namespace [dev]', reason: 'MissingValueAtPath', status: 'Unknown', type: 'ResourceSubmitted' });
    expect(resourceCondition(owner, 'tek', 'Healthy')).toEqual({ message: 'condition with type [Succeeded] not found on resource status', reason: 'SucceededCondition', status: 'Unknown', type: 'Healthy' });
    expect(resource(owner, 'imm')['outputs']).toHaveLength(1);
  });

  it('outputs supplied for a tekton object no live object judges are used, as if its live object had them; it stays not Ready', () => {
    const args = [`${FIXTURES}/lifecycles`, '--set-output', 'tek.config={x: 1}'];
    const owner = statuses(args).get('w');
    expect(resource(owner, 'tek')['outputs']).toEqual([{ digest: sha256('x: 1\n'), name: 'config', preview: 'x: 1\n' }]);
    expect(resourceCondition(owner, 'tek', 'ResourceSubmitted').reason).toBe('ResourceSubmissionComplete');
    expect(resourceCondition(owner, 'tek', 'Healthy')).toEqual({ message: 'condition with type [Succeeded] not found on resource status', reason: 'SucceededCondition', status: 'Unknown', type: 'Healthy' });
    const text = carto(['status', ...args]).stdout;
    expect(text).toContain('  … waiting  tek       ConfigMap tek\n      SucceededCondition: condition with type [Succeeded] not found on resource status\n      its outputs (config) are the ones supplied, handed on as if its live object had them\n');
  });

  it('outputs supplied for a tekton object whose live object fails the rule are not used, and the report says so', () => {
    const live = tree({ 'tek.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: tek, namespace: dev}\nstatus:\n  conditions: [{type: Succeeded, status: "False", reason: Failed, message: boom}]\n' });
    const args = [`${FIXTURES}/lifecycles`, '--observed', live, '--set-output', 'tek.config={x: 1}'];
    expect(resource(statuses(args).get('w'), 'tek')['outputs']).toBeUndefined();
    expect(carto(['status', ...args]).stdout).toContain('(the config supplied for it is not used while the live object given is not healthy)\n');
  });

  it('a supplied output whose key names no resource warns, as render does', () => {
    const r = carto(['status', `${FIXTURES}/lifecycles`, '--set-output', 'tekk.config=1', '--set-output', 'nobody/tek.config=1']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: supplied outputs for tekk match no resource of any rendered blueprint\n    hint: did you mean tek? keys are RESOURCE, OWNER/RESOURCE or NAMESPACE/OWNER/RESOURCE');
    expect(r.stderr).toContain('warning: supplied outputs for nobody/tek match no owner: the inputs hold no Workload or Deliverable nobody');
    const render = carto(['render', `${FIXTURES}/lifecycles`, '--set-output', 'tekk.config=1']);
    expect(render.stderr).toContain('warning: supplied outputs for tekk match no resource of any rendered blueprint\n    hint: did you mean tek?');
  });

  it("the live objects that make the web-app's Workloads ready, a Succeeded PipelineRun among them", () => {
    const r = carto(['status', 'examples/web-app/', '--observed', 'examples/web-app/observed/', '--exit-code']);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('  ✓ ready    source-tester    PipelineRun petclinic-tests-x7k2p\n');
  });

  it('live objects given for another namespace: the message says none of them is the stamped object', () => {
    const live = readFileSync(join(ROOT, 'examples/web-app/observed/live.yaml'), 'utf8').replace(/namespace: apps\b/g, 'namespace: other');
    const dir = tree({ 'live.yaml': live });
    const r = carto(['status', 'examples/web-app/', '--observed', `${dir}/live.yaml`, '--workload', 'petclinic']);
    expect(r.stdout).toContain('urlPath .status.artifact.url finds nothing on the stamped object (and no object given with --observed is it: the same kind, namespace and name)');
    expect(r.stdout).not.toContain('or the observed one');
  });
});

describe('outputs: preview and digest as the controller computes them', () => {
  const owner = statuses([`${FIXTURES}/previews`]).get('previews');
  const output = (name: string) => resource(owner, name)['outputs'][0] as { name: string; preview: string; digest: string };

  it('the preview is the value as gopkg.in/yaml.v3 writes it, the digest its SHA-256', () => {
    expect(output('nested').preview).toBe('el: []\nempty: {}\nlist:\n    - a: 1\n      b:\n        - 1\n        - 2\n        - c: d\n    - x\n    - - "y"\n      - z\nm:\n    k:\n        deep: true\nnul: null\n');
    expect(output('nested').digest).toBe(sha256(output('nested').preview));
    expect(output('num')).toEqual({ name: 'config', preview: '42\n', digest: sha256('42\n') });
  });

  it('numbers are float64s: 1234567 previews as 1.234567e+06', () => {
    expect(output('floats').preview).toBe('- 1.5\n- 1e+21\n- 1e-06\n- 1.234567e+06\n- -0\n- 100000\n- 123456\n');
  });

  it('map keys in go-yaml\'s order: digits as numbers, upper before lower case', () => {
    expect(output('keyorder').preview).toBe('-y: 4\n_x: 3\n"1": a\n"9": c\n"10": b\nB: 2\nZ: 6\na: 7\na9: 9\na09: 10\na10: 8\nb1: 1\nä: 5\n');
  });

  it('strings a YAML 1.1 reader would take for something else are quoted', () => {
    expect(output('quoted').preview).toBe('- "true"\n- "on"\n- "Off"\n- "~"\n- "null"\n- "1:30"\n- "0x1F"\n- "1e3"\n- "2020-01-01"\n- \'-\'\n- <<\n- \'a: b\'\n- \'#x\'\n- é\n- "tab\\there"\n');
  });

  it('a long value is cut at 1024 bytes, the digest is of the whole; a character cut in two ends in U+FFFD', () => {
    expect(output('big').preview).toBe('x'.repeat(1024));
    expect(output('big').digest).toBe(sha256(`${'x'.repeat(1100)}\n`));
    expect(output('cut').preview).toBe(`a${'é'.repeat(511)}\ufffd`);
    expect(output('cut3').preview).toBe(`ab${'€'.repeat(340)}\ufffd\ufffd`);
  });
});

describe('--observed, --outputs and --set-output change the verdict', () => {
  const dir = tree({ 'in/chain.yaml': GIT_CHAIN, 'live/git.yaml': LIVE_GIT, 'outputs.yaml': 'app/source: {url: "http://supplied/app.tar.gz", revision: r1}\n' });

  it('the live object: its url is read, the config map is stamped, the Workload is Ready', () => {
    const owner = statuses([`${dir}/in`, '--observed', `${dir}/live`]).get('app');
    expect(condition(owner, 'Ready')).toEqual({ message: '', reason: 'Ready', status: 'True', type: 'Ready' });
    expect(resource(owner, 'source')['outputs'][0]).toEqual({ digest: sha256('http://source/app.tar.gz\n'), name: 'url', preview: 'http://source/app.tar.gz\n' });
  });

  it('--outputs and --set-output: as if the live object had the values', () => {
    expect(condition(statuses([`${dir}/in`, '--outputs', `${dir}/outputs.yaml`]).get('app'), 'Ready')?.status).toBe('True');
    const owner = statuses([`${dir}/in`, '--set-output', 'source.url=http://set/app.tar.gz', '--set-output', 'source.revision=r2']).get('app');
    expect(resource(owner, 'source')['outputs'].map((o: { preview: string }) => o.preview)).toEqual(['http://set/app.tar.gz\n', 'r2\n']);
  });

  it('one value of two is not enough: the controller waits for the revision', () => {
    const owner = statuses([`${dir}/in`, '--set-output', 'source.url=http://set/app.tar.gz']).get('app');
    expect(condition(owner, 'ResourcesSubmitted')?.message).toBe('waiting to read value [.status.artifact.revision] from object [sources.example.com/git] in namespace [dev]');
  });
});

describe('the report for a person', () => {
  it('a block per owner, a marked line per resource; for what is not ready, why, where, and what to give', () => {
    const dir = tree({ 'in.yaml': GIT_CHAIN });
    const r = carto(['status', dir]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Workload dev/app  … waiting: MissingValueAtPath  ClusterSupplyChain sc');
    expect(lines[1]).toBe('  … waiting  source  Source git');
    expect(lines[2]).toBe('      MissingValueAtPath: the url output of resource source is on no object carto was given: urlPath .status.artifact.url finds nothing on the stamped object');
    expect(lines[3]).toBe(`      at ${dir}/in.yaml:17 (spec.urlPath)`);
    expect(lines[4]).toMatch(/^ {6}to get further: .*give the live Source with --observed FILE, or the value with --set-output source\.url=VALUE or --outputs FILE$/);
    // Held back only by the source: blocked, not failed (the controller's TemplateStampFailure is in -o yaml).
    expect(lines[5]).toBe('  · blocked  config');
    expect(lines[6]).toBe('      waiting for source, which has no outputs to hand on yet (the controller reports TemplateStampFailure here until then)');
    expect(lines[7]).toBe('');
  });

  it('a ready owner is one line per resource, with what each stamped', () => {
    const dir = tree({ 'in/chain.yaml': GIT_CHAIN, 'live/git.yaml': LIVE_GIT });
    expect(carto(['status', `${dir}/in`, '--observed', `${dir}/live`]).stdout).toBe('Workload dev/app  ✓ ready  ClusterSupplyChain sc\n  ✓ ready    source  Source git\n  ✓ ready    config  ConfigMap cm\n');
  });

  it('an owner no blueprint takes: the controller\'s reason and message, where, and the fix', () => {
    const out = carto(['status', `${FIXTURES}/selection`, '--workload', 'nolabels']).stdout;
    expect(out).toBe([
      'Workload dev/nolabels  ✗ failed: WorkloadLabelsMissing',
      '    workload has no labels to match to supply chain',
      `    ${FIXTURES}/selection/inputs.yaml:57: Workload dev/nolabels has no labels, so no ClusterSupplyChain can select it`,
      '    to get further: add the labels a ClusterSupplyChain selects on, e.g. app: web (ClusterSupplyChain sc); app: web, tie: yes (ClusterSupplyChain sc2); other: x, tie: yes (ClusterSupplyChain sc3); app: missing (ClusterSupplyChain missing)',
      '',
    ].join('\n'));
  });
});

describe('exit codes and formats', () => {
  const notReady = tree({ 'in.yaml': GIT_CHAIN });

  it('0 whatever the statuses say; --exit-code makes it 1 when an owner is not Ready, 0 when all are', () => {
    expect(carto(['status', notReady]).status).toBe(0);
    expect(carto(['status', notReady, '--exit-code']).status).toBe(1);
    expect(carto(['status', notReady, '--exit-code', '--set-output', 'source.url=u', '--set-output', 'source.revision=r']).status).toBe(0);
  });

  it('1 for inputs that cannot be read, or an owner asked for that is not there', () => {
    const broken = tree({ 'in.yaml': 'kind: [\n' });
    expect(carto(['status', `${broken}/in.yaml`]).status).toBe(1);
    const r = carto(['status', notReady, '--workload', 'nope']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no Workload or Deliverable named nope in the inputs');
    expect(r.stdout).toBe('');
  });

  it('no owner in the inputs: a warning naming what was read on stderr, stdout data only; 0, or 1 with --exit-code', () => {
    const templates = tree({ 'sc.yaml': blueprintDoc('  - name: cfg\n    templateRef: {kind: ClusterTemplate, name: cm}'), 't.yaml': configMapTemplate('cm', '{a: b}') });
    for (const format of ['text', 'yaml']) {
      const r = carto(['status', '-o', format, templates]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('warning: the inputs hold no Workload or Deliverable, so there is no status to show\n');
      expect(r.stderr).toContain(`hint: read 2 objects from ${templates}/sc.yaml, ${templates}/t.yaml: ClusterSupplyChain (1), ClusterTemplate (1); add the Workload files with -f`);
    }
    const json = carto(['status', '-o', 'json', templates]);
    expect(JSON.parse(json.stdout)).toStrictEqual({ apiVersion: 'v1', kind: 'List', items: [] });
    // a gate that checked nothing does not pass (kubectl wait: "no matching resources found")
    expect(carto(['status', templates, '--exit-code']).status).toBe(1);
    const empty = carto(['status', tree({ 'notes.txt': 'x' })]);
    expect([empty.status, empty.stdout]).toStrictEqual([0, '']);
    expect(empty.stderr).toContain('hint: the inputs hold no object at all');
    // render's warning names what was read the same way
    expect(carto(['render', templates]).stderr).toContain(`warning: the inputs hold no Workload, Deliverable or Runnable, so there is nothing to render\n    hint: read 2 objects from ${templates}/sc.yaml`);
  });

  it('2 for usage errors: an unknown format, mocked templates, the 0.0.6 controller', () => {
    expect(carto(['status', notReady, '-o', 'xml']).status).toBe(2);
    const mock = carto(['status', notReady, '--missing-templates', 'mock']);
    expect(mock.status).toBe(2);
    expect(mock.stderr).toContain('--missing-templates mock does not apply to carto status');
    expect(carto(['status', notReady, '--cartographer', '0.0.6']).status).toBe(2);
    // --help does not offer what status refuses (render's help still does)
    expect(carto(['status', '--help']).stdout).not.toMatch(/--cartographer|--missing-templates/);
    expect(carto(['render', '--help']).stdout).toMatch(/--cartographer[\s\S]*--missing-templates/);
  });

  it('-o json: a List of the owners as given, with their status', () => {
    const r = carto(['status', notReady, '-o', 'json']);
    const list = JSON.parse(r.stdout) as { kind: string; items: Owner[] };
    expect(list.kind).toBe('List');
    expect(list.items[0]?.metadata).toEqual({ name: 'app', namespace: 'dev', labels: { app: 'web' } });
    expect(list.items[0]?.status['supplyChainRef']).toEqual({ kind: 'ClusterSupplyChain', name: 'sc' });
  });

  it('-o yaml keeps the owner as given and adds status after it, long messages folded as kubectl folds them', () => {
    const text = carto(['status', notReady, '-o', 'yaml']).stdout;
    expect(text.startsWith('---\napiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: app\n  namespace: dev\n  labels:\n    app: web\nspec: {}\nstatus:\n')).toBe(true);
    expect(text).toContain('  - message: waiting to read value [.status.artifact.url] from object [sources.example.com/git]\n      in namespace [dev]\n');
  });
});

describe('what the cluster would not have', () => {
  it('an owner the API server would refuse has no status: exit 1, and why on stderr', () => {
    const dir = tree({ 'in.yaml': GIT_CHAIN.replace('labels: {app: web}}', 'labels: {app: web, enabled: true}}') });
    const r = carto(['status', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('metadata.labels.enabled is a boolean, where the schema wants a string');
    expect(r.stdout).toBe('');
  });

  it('a blueprint the webhook refuses (a resource named twice) is not there to select the owner', () => {
    expect(condition(statuses([`${FIXTURES}/webhook-refused`]).get('w-dup'), 'SupplyChainReady')).toEqual({ message: 'no supply chain found where full selector is satisfied by labels: map[app:dup]', reason: 'SupplyChainNotFound', status: 'False', type: 'SupplyChainReady' });
  });

  it('a supply chain with an input naming no resource (misspelt) is refused by the webhook: SupplyChainNotFound, or another chain', () => {
    const owners = statuses([`${FIXTURES}/misspelt-inputs`]);
    for (const [name, labels] of [['w-source', 'map[typo:source]'], ['w-image', 'map[typo:image]']] as const) {
      expect(condition(owners.get(name), 'Ready')).toEqual({ message: `no supply chain found where full selector is satisfied by labels: ${labels}`, reason: 'SupplyChainNotFound', status: 'False', type: 'Ready' });
    }
    expect(owners.get('w-config')?.status['supplyChainRef']).toEqual({ kind: 'ClusterSupplyChain', name: 'fallback' });
    // A delivery's webhook does not check its inputs: it is realized, and the deployment fails to stamp.
    expect(resourceCondition(owners.get('d-deployment'), 'deployer', 'Ready').reason).toBe('TemplateStampFailure');
  });

  it("the report says which resource was misspelt, and the name meant, in lint's words", () => {
    const out = carto(['status', `${FIXTURES}/misspelt-inputs`, '--workload', 'w-source']).stdout;
    expect(out).toBe([
      'Workload dev/w-source  ✗ failed: SupplyChainNotFound',
      '    no supply chain found where full selector is satisfied by labels: map[typo:source]',
      "    ClusterSupplyChain typo-source would select this Workload, but Cartographer's admission webhook refuses it, so it is not on a cluster:",
      `      ${FIXTURES}/misspelt-inputs/inputs.yaml:15: ClusterSupplyChain typo-source: spec.resources[1].sources[0].resource names resource source-provder, which the blueprint does not have`,
      '      to get further: did you mean source-provider? name one of the resources of this ClusterSupplyChain: source-provider, image-builder',
      '',
    ].join('\n'));
    const delivery = carto(['status', `${FIXTURES}/misspelt-inputs`, '--workload', 'd-deployment']).stdout.split('\n');
    expect([delivery[2], ...delivery.slice(5, 8)]).toEqual([
      '  ✗ failed   deployer',
      '      input deployment names resource source-provder, which is not in the blueprint: did you mean source-provider?',
      '  · blocked  after',
      '      waiting for deployer, which has no outputs to hand on yet (the controller reports TemplateStampFailure here until then)',
    ]);
  });

  it('an owner another blueprint took: the report still names the refused one it would have matched', () => {
    const lines = carto(['status', `${FIXTURES}/misspelt-inputs`, '--workload', 'w-config']).stdout.split('\n');
    // The owner's line, the refused blueprint (its finding on the line between), then its resources.
    expect([...lines.slice(0, 2), ...lines.slice(3, 5)]).toEqual([
      'Workload dev/w-config  ✓ ready  ClusterSupplyChain fallback',
      "    ClusterSupplyChain typo-config would select this Workload, but Cartographer's admission webhook refuses it, so it is not on a cluster:",
      '      to get further: did you mean config-provider? name one of the resources of this ClusterSupplyChain: config-provider, writer',
      '  ✓ ready    config-provider  ConfigMap w-config-cfg',
    ]);
  });

  it("render's error for a misspelt deployment input carries the did-you-mean", () => {
    const r = carto(['render', `${FIXTURES}/misspelt-inputs`, '--workload', 'd-deployment']);
    expect(r.stderr).toContain('$(deployment.url)$ in spec.template.spec.url finds no value\n    owner Deliverable dev/d-deployment, resource deployer, ClusterDeploymentTemplate deploy, field spec.template.spec.url\n    hint: input deployment names resource source-provder, which is not in the blueprint: did you mean source-provider?\n');
  });

  it("a blueprint in 0.0.6's format has no status of v0.8.11's kind: -o yaml leaves status out, and stderr says so", () => {
    const r = carto(['status', 'examples/source-to-url', '--workload', 'hello-golang', '-o', 'yaml']);
    expect(r.status).toBe(0);
    const owner = parseAllDocuments(r.stdout)[0]?.toJS() as Owner;
    expect(owner.metadata.name).toBe('hello-golang');
    expect(owner.status).toBeUndefined();
    expect(r.stderr).toContain("warning: examples/source-to-url/supply-chain.yaml:2: ClusterSupplyChain supply-chain is written in Cartographer 0.0.6's format (spec.components): Cartographer v0.8.11 reads no resources from it");
    expect(r.stderr).toContain('hint: run carto migrate to rewrite it in the current format');
    expect(carto(['status', 'examples/source-to-url', '--exit-code']).status).toBe(1);
  });

  it("a blueprint in 0.0.6's format: the owner's block says so, and how to migrate, instead of a made-up wait", () => {
    const r = carto(['status', 'examples/source-to-url', '--workload', 'hello-golang']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe([
      "Workload default/hello-golang  no status: ClusterSupplyChain supply-chain, which selects it, is in Cartographer 0.0.6's format (spec.components), which has no status of this kind",
      '    to get further: rewrite it in the current format with carto migrate (examples/source-to-url/supply-chain.yaml:2), then run carto status on the result',
      '',
    ].join('\n'));
  });

  it('an object stamped with generateName: its prefix, or the name of its live object when given', () => {
    const chain = GIT_CHAIN.replace('metadata: {name: git}}', 'metadata: {generateName: git-}}');
    const live = LIVE_GIT.replace('metadata: {name: git, namespace: dev}', 'metadata: {name: git-x7k2p, namespace: dev, labels: {carto.run/workload-name: app, carto.run/workload-namespace: dev, carto.run/supply-chain-name: sc, carto.run/resource-name: source, carto.run/template-kind: ClusterSourceTemplate, carto.run/cluster-template-name: git, carto.run/template-lifecycle: mutable}}');
    const dir = tree({ 'in/chain.yaml': chain, 'live/git.yaml': live });
    expect(resource(statuses([`${dir}/in`]).get('app'), 'source')['stampedRef'].name).toBe('git-');
    const owner = statuses([`${dir}/in`, '--observed', `${dir}/live`]).get('app');
    expect(resource(owner, 'source')['stampedRef'].name).toBe('git-x7k2p');
    expect(condition(owner, 'Ready')?.status).toBe('True');
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasScript)(`colour on a terminal only${hasScript ? '' : ' (skipped: script(1) is not installed)'}`, () => {
  const dir = tree({ 'in.yaml': GIT_CHAIN });
  const onTerminal = (extra: string, env: Record<string, string> = {}, inputs = dir) => {
    const { NO_COLOR: _nc, FORCE_COLOR: _fc, ...inherited } = process.env;
    const r = spawnSync('script', ['-qec', `'${process.execPath}' bin/carto.js status ${extra} '${inputs}'`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...inherited, ...env }, timeout: 30_000 });
    return r.stdout;
  };

  it('marks are coloured on a terminal: yellow for waiting, red for failed, dim for blocked', () => {
    const out = onTerminal('');
    expect(out).toContain('\u001b[33m\u001b[1m… waiting');
    expect(out).toContain('\u001b[2m· blocked');
    expect(onTerminal('--workload nolabels', {}, `${FIXTURES}/selection`)).toContain('\u001b[31m\u001b[1m✗ failed');
  });

  it('none with --no-color or NO_COLOR, nor in a pipe', () => {
    expect(onTerminal('--no-color')).not.toContain('\u001b[');
    expect(onTerminal('', { NO_COLOR: '1' })).not.toContain('\u001b[');
    expect(carto(['status', dir], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });
});

/** A chain of three config templates the API server takes differently, and a reader of the last's config. */
const REFUSED_CHAIN = stream(
  blueprintDoc(`  - name: named
    templateRef: {kind: ClusterConfigTemplate, name: named}
  - name: numbers
    templateRef: {kind: ClusterConfigTemplate, name: numbers}
  - name: extra
    templateRef: {kind: ClusterConfigTemplate, name: extra}
  - name: reader
    configs: [{resource: named, name: cfg}]
    templateRef: {kind: ClusterTemplate, name: reader}`),
  `apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata: {name: named}
spec:
  configPath: .data
  template:
    {apiVersion: v1, kind: ConfigMap, data: {host: app},
     metadata: {name: orders_config}}`,
  `apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata: {name: numbers}
spec:
  configPath: .data
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: $(workload.metadata.name)$-numbers}
    data:
      port: 8080`,
  `apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata: {name: extra}
spec:
  configPath: .spec.extra
  template:
    apiVersion: v1
    kind: Service
    metadata: {name: $(workload.metadata.name)$-svc}
    spec:
      extra: hello
      ports: [{port: 80}]`,
  configMapTemplate('reader', '{cfg: $(config)$}'),
  ownerDoc('Workload', '{name: app, namespace: dev, labels: {app: web}}'),
);

describe('what the API server refuses (or drops) is what the controller meets', () => {
  const dir = tree({ 'in.yaml': REFUSED_CHAIN });

  it('an invalid name: TemplateRejectedByAPIServer with the API server\'s words, no stamped object, and what reads its output is blocked', () => {
    const owner = statuses([dir]).get('app');
    const message = 'unable to apply object [dev/orders_config] for resource [named] in supply chain [sc]: create: ConfigMap "orders_config" is invalid: metadata.name: Invalid value: "orders_config": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')';
    expect(resourceCondition(owner, 'named', 'ResourceSubmitted')).toEqual({ message, reason: 'TemplateRejectedByAPIServer', status: 'False', type: 'ResourceSubmitted' });
    expect(resourceCondition(owner, 'named', 'Healthy')).toEqual({ message: '', reason: 'OutputNotAvailable', status: 'Unknown', type: 'Healthy' });
    expect(resource(owner, 'named')['stampedRef']).toBeUndefined();
    expect(resource(owner, 'named')['outputs']).toBeUndefined();
    // the walk's first error is the owner's
    expect(condition(owner, 'ResourcesSubmitted')).toEqual({ message, reason: 'TemplateRejectedByAPIServer', status: 'False', type: 'ResourcesSubmitted' });
    expect(condition(owner, 'Ready')).toMatchObject({ reason: 'TemplateRejectedByAPIServer', status: 'False' });
    expect(resourceCondition(owner, 'reader', 'ResourceSubmitted').reason).toBe('TemplateStampFailure');
  });

  it('data that do not decode: the decoding error, as the controller wraps it', () => {
    const owner = statuses([dir]).get('app');
    expect(resourceCondition(owner, 'numbers', 'Ready')).toEqual({
      message: 'unable to apply object [dev/app-numbers] for resource [numbers] in supply chain [sc]: create: ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data.port of type string',
      reason: 'TemplateRejectedByAPIServer', status: 'False', type: 'Ready',
    });
  });

  it('an unknown field is dropped, not refused: the object is applied, and an output read from it waits', () => {
    const owner = statuses([dir]).get('app');
    expect(resourceCondition(owner, 'extra', 'ResourceSubmitted')).toEqual({ message: 'waiting to read value [.spec.extra] from object [services/app-svc] in namespace [dev]', reason: 'MissingValueAtPath', status: 'Unknown', type: 'ResourceSubmitted' });
    expect(resource(owner, 'extra')['stampedRef']).toMatchObject({ kind: 'Service', name: 'app-svc' });
  });

  it('the report: failed with the template line to fix and the fix; the dropped field says why the output never comes', () => {
    const r = carto(['status', dir]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Workload dev/app  ✗ failed: TemplateRejectedByAPIServer  ClusterSupplyChain sc');
    expect(lines.slice(1, 5)).toEqual([
      '  ✗ failed   named',
      '      TemplateRejectedByAPIServer: the API server refuses the ConfigMap orders_config: its name is invalid — in ClusterConfigTemplate named',
      `      at ${dir}/in.yaml:${lineOf(REFUSED_CHAIN, 'name: orders_config')} (spec.template.metadata.name)`,
      '      to get further: a name is lowercase letters, digits, - and . (a placeholder such as $(workload.metadata.name)$ gives each owner its own)',
    ]);
    expect(r.stdout).toContain('  ✗ failed   numbers\n      TemplateRejectedByAPIServer: ConfigMap dev/app-numbers: data.port: expected string, got integer 8080 — in ClusterConfigTemplate numbers\n');
    expect(r.stdout).toContain("  … waiting  extra    Service app-svc\n      MissingValueAtPath: Service dev/app-svc: spec.extra: unknown field — in ClusterConfigTemplate extra\n");
    expect(r.stdout).toContain('the API server drops the field with a warning — as for the controller, whose apply asks for none: the object on the cluster lacks the field');
    expect(r.stdout).toContain('  · blocked  reader\n');
    // --exit-code: not Ready
    expect(carto(['status', dir, '--exit-code']).status).toBe(1);
  });

  it('an object with no name: the API server requires one', () => {
    const d = tree({ 'in.yaml': stream(blueprintDoc('  - name: cfg\n    templateRef: {kind: ClusterTemplate, name: noname}'), configMapTemplate('noname', '{a: b}').replace('    metadata: {name: noname}', '    metadata: {labels: {a: b}}'), ownerDoc('Workload', '{name: app, namespace: dev, labels: {app: web}}')) });
    const owner = statuses([d]).get('app');
    expect(resourceCondition(owner, 'cfg', 'Ready')).toMatchObject({ reason: 'TemplateRejectedByAPIServer', message: 'unable to apply object [dev/] for resource [cfg] in supply chain [sc]: create: ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required' });
    expect(carto(['status', d]).stdout).toContain('TemplateRejectedByAPIServer: the API server refuses the ConfigMap: it has neither metadata.name nor metadata.generateName');
  });

  it('a kind no schema covers: only names and labels are checked, and stderr says so; with its CRD (--crds), its schema is checked too', () => {
    const template = 'apiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata: {name: widget}\nspec:\n  template: {apiVersion: example.com/v1, kind: Widget, metadata: {name: $(workload.metadata.name)$}, spec: {size: big}}';
    const widget = stream(blueprintDoc('  - name: w\n    templateRef: {kind: ClusterTemplate, name: widget}'), template, ownerDoc('Workload', '{name: app, namespace: dev, labels: {app: web}}'));
    const crd = crdDoc('Widget', 'widgets', '{type: object, properties: {size: {type: integer}}}');
    const d = tree({ 'in/chain.yaml': widget, 'crds/widget.yaml': crd });
    const unchecked = carto(['status', `${d}/in`]);
    expect(unchecked.status).toBe(0);
    expect(unchecked.stdout).toContain('  ✓ ready    w  Widget app');
    expect(unchecked.stderr).toContain('note: no schema for 1 kind of the stamped objects, so its objects were not validated: Widget (example.com/v1) (only their names and labels were checked, so a status that says ready says nothing of the rest)');
    const checked = carto(['status', `${d}/in`, '--crds', `${d}/crds`, '-o', 'yaml']);
    expect(checked.stderr).not.toContain('no schema');
    const owner = parseAllDocuments(checked.stdout)[0]?.toJS() as Owner;
    expect(resourceCondition(owner, 'w', 'Ready')).toMatchObject({ reason: 'TemplateRejectedByAPIServer', status: 'False' });
    expect(resourceCondition(owner, 'w', 'Ready').message).toContain('create: Widget.example.com "app" is invalid: spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"');
    expect(carto(['status', `${d}/in`, '--kube-version', '1.2']).status).toBe(2);
    // a --crds file that cannot be read is an input error, as for render --validate: no statuses
    const broken = tree({ 'bad.yaml': crd.replace('kind: CustomResourceDefinition', 'kind: CustomResourceDefinition\nkind: CustomResourceDefinition') });
    const bad = carto(['status', `${d}/in`, '--crds', `${broken}/bad.yaml`]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('two objects are written as one document');
  });

  it('a live object that fails its health rule: its condition says why (a failed build), and no hint to give it again', () => {
    const chain = stream(
      blueprintDoc(`  - name: image-builder
    templateRef: {kind: ClusterImageTemplate, name: kpack}`),
      `apiVersion: carto.run/v1alpha1
kind: ClusterImageTemplate
metadata: {name: kpack}
spec:
  imagePath: .status.latestImage
  healthRule: {singleConditionType: Ready}
  template:
    apiVersion: kpack.io/v1alpha2
    kind: Image
    metadata: {name: $(workload.metadata.name)$}
    spec: {tag: registry.example.com/app}`,
      ownerDoc('Workload', '{name: app, namespace: dev, labels: {app: web}}'),
    );
    const live = `apiVersion: kpack.io/v1alpha2
kind: Image
metadata: {name: app, namespace: dev}
status:
  conditions:
  - {type: Ready, status: "False", reason: BuildFailed, message: "build failed: step build exited 1"}
`;
    const d = tree({ 'in/chain.yaml': chain, 'live/image.yaml': live });
    const out = carto(['status', `${d}/in`, '--observed', `${d}/live`]).stdout;
    const lines = out.split('\n');
    expect(lines[1]).toBe('  ✗ failed   image-builder  Image app');
    expect(lines[2]).toBe('      ReadyCondition: build failed: step build exited 1');
    expect(out).toContain(`the live object given (${d}/live/image.yaml:1) fails the rule`);
    expect(out).not.toContain('--observed');
  });
});

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}
