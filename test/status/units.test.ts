// The small rules `carto status` stands on: a kind's guessed plural (as refharness guesses it),
// a preview cut at a byte count the way Go's JSON encoder then writes the broken character, and
// the library's status().
import { describe, expect, it } from 'vitest';
import { guessPlural, qualifiedResource } from '../../src/model/index.js';
import { firstBytes, formatStatusText, resourceVerdict, type ResourceStatus } from '../../src/status/index.js';
import type { ResourceReport } from '../../src/realize/index.js';
import { parseText, status } from '../../src/index.js';
import { readFileSync } from 'node:fs';
import { blueprintDoc, ownerDoc, stream } from '../helpers/chains.js';

describe('qualified resource names, guessed as client-go guesses them offline', () => {
  it.each([
    ['v1', 'ConfigMap', 'configmaps'],
    ['test.run/v1alpha1', 'Test', 'tests.test.run'],
    ['source.toolkit.fluxcd.io/v1', 'GitRepository', 'gitrepositories.source.toolkit.fluxcd.io'],
    ['networking.k8s.io/v1', 'Ingress', 'ingresses.networking.k8s.io'],
    ['v1', 'Endpoints', 'endpoints'],
    ['gateway.networking.k8s.io/v1', 'Gateway', 'gatewaies.gateway.networking.k8s.io'],
  ])('%s %s → %s', (apiVersion, kind, expected) => {
    expect(qualifiedResource(apiVersion, kind)).toBe(expected);
  });

  it('the plural alone', () => {
    expect(guessPlural('Policy')).toBe('policies');
    expect(guessPlural('')).toBe('');
  });
});

describe('firstBytes', () => {
  it('keeps text under the limit whole, cuts bytes over it, and writes each byte of a cut character as U+FFFD', () => {
    expect(firstBytes('abc', 3)).toBe('abc');
    expect(firstBytes('abcd', 3)).toBe('abc');
    expect(firstBytes('aé', 2)).toBe('a\ufffd');
    expect(firstBytes('a€', 3)).toBe('a\ufffd\ufffd');
    expect(firstBytes('a😀', 4)).toBe('a\ufffd\ufffd\ufffd');
    expect(firstBytes('a😀', 5)).toBe('a😀');
  });
});

describe('status() in the library', () => {
  it('realizes without mocks: a status-only output is missing, and nothing downstream is stamped with a stand-in', () => {
    const parsed = parseText(readFileSync('examples/web-app/templates.yaml', 'utf8') + '---\n' + readFileSync('examples/web-app/supply-chain.yaml', 'utf8') + '---\n' + readFileSync('examples/web-app/workloads.yaml', 'utf8'), 'inputs.yaml');
    const result = status(parsed.documents, { owners: ['petclinic'] });
    expect(result.ok).toBe(true);
    const [petclinic] = result.owners;
    expect(petclinic?.ready).toBe('Unknown');
    const source = petclinic?.report.resources.find((r) => r.resource.name === 'source-provider');
    expect(source?.failure).toEqual({ step: 'output-missing', missing: { field: 'url', path: '.status.artifact.url', pathKey: 'urlPath' } });
    expect(source?.outputs).toEqual([]);
    expect(petclinic?.report.resources.find((r) => r.resource.name === 'source-tester')?.object).toBeUndefined();
    expect(JSON.stringify(petclinic?.object)).not.toContain('mock.invalid');
    expect(result.diagnostics.find((d) => d.code === 'output-missing')?.controllerMessage).toBe('waiting to read value [.status.artifact.url] from object [gitrepositories.source.toolkit.fluxcd.io/petclinic] in namespace [apps]');
  });
});

describe('resourceVerdict: blocked only when a resource before it is all that holds it back', () => {
  const status = (s: 'True' | 'False' | 'Unknown', reason = 'TemplateStampFailure') => ({ name: 'r', inputs: [], outputs: [], conditions: [{ type: 'Ready', status: s, reason, message: '' }] }) as unknown as ResourceStatus;
  const entry = (absent: Array<{ reason: string; resource: string }>, object?: object) => ({ inputs: { absent: absent.map((a) => ({ type: 'source', name: 'src', ...a })) }, ...(object ? { object } : {}) }) as unknown as ResourceReport;

  it('ready, waiting and failed follow the Ready condition', () => {
    expect(resourceVerdict(status('True', 'Ready'), entry([]))).toEqual({ verdict: 'ready', upstream: [] });
    expect(resourceVerdict(status('Unknown', 'MissingValueAtPath'), entry([]))).toEqual({ verdict: 'waiting', upstream: [] });
    expect(resourceVerdict(status('False'), entry([]))).toEqual({ verdict: 'failed', upstream: [] });
  });

  it('an input whose resource has no output yet: blocked, waiting for it', () => {
    expect(resourceVerdict(status('False'), entry([{ reason: 'failed', resource: 'a' }, { reason: 'unhealthy', resource: 'b' }, { reason: 'failed', resource: 'a' }]))).toEqual({ verdict: 'blocked', upstream: ['a', 'b'] });
  });

  it('an input naming no resource, or a later one, is its own mistake; an object it stamped holds it back itself', () => {
    expect(resourceVerdict(status('False'), entry([{ reason: 'unknown-resource', resource: 'a' }])).verdict).toBe('failed');
    expect(resourceVerdict(status('False'), entry([{ reason: 'later-resource', resource: 'a' }, { reason: 'failed', resource: 'b' }])).verdict).toBe('failed');
    expect(resourceVerdict(status('Unknown', 'MissingValueAtPath'), entry([{ reason: 'failed', resource: 'a' }], { kind: 'X' })).verdict).toBe('waiting');
  });
});

/** The conditions of one resource of the first owner's status, by type. */
function conditionsOf(text: string, resource: string): Record<string, { status: string; reason: string; message: string }> {
  const result = status(parseText(text, 'inputs.yaml').documents);
  const entry = result.owners[0]?.status?.resources?.find((r) => r.name === resource);
  return Object.fromEntries((entry?.conditions ?? []).map((c) => [c.type, { status: c.status, reason: c.reason, message: c.message }]));
}

describe('status(): what the controller counts as an output', () => {
  const chain = (field: 'imagePath' | 'configPath', kind: string) => stream(`
apiVersion: carto.run/v1alpha1
kind: ${kind}
metadata: {name: t}
spec:
  ${field}: spec.v
  template: {apiVersion: example.com/v1, kind: W, metadata: {name: w-t}, spec: {v: null}}`, `
apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: s}
spec:
  urlPath: spec.u
  revisionPath: spec.r
  template: {apiVersion: example.com/v1, kind: S, metadata: {name: w-s}, spec: {u: null, r: null}}`,
  blueprintDoc(`  - {name: t, templateRef: {kind: ${kind}, name: t}}\n  - {name: s, templateRef: {kind: ClusterSourceTemplate, name: s}}`),
  ownerDoc());

  it.each([['configPath', 'ClusterConfigTemplate'], ['imagePath', 'ClusterImageTemplate']] as const)('a null value read by %s is none: no output listed, Healthy OutputNotAvailable, the owner not Ready', (field, kind) => {
    const result = status(parseText(chain(field, kind), 'inputs.yaml').documents);
    const owner = result.owners[0];
    const entry = owner?.status?.resources?.find((r) => r.name === 't');
    expect(entry?.outputs).toEqual([]);
    expect(conditionsOf(chain(field, kind), 't')['Healthy']).toEqual({ status: 'Unknown', reason: 'OutputNotAvailable', message: '' });
    expect(owner?.ready).toBe('Unknown');
  });

  it('the text report says which output is null, and that the template has no health rule', () => {
    const plain = (t: string) => t;
    const text = formatStatusText(status(parseText(chain('configPath', 'ClusterConfigTemplate'), 'inputs.yaml').documents), { error: plain, warning: plain, success: plain, bold: plain, dim: plain });
    expect(text).toContain('  … waiting  t  W w-t\n      OutputNotAvailable\n      Healthy Unknown (OutputNotAvailable): ClusterConfigTemplate t at inputs.yaml:1 has no health rule, so its outputs decide, and its config output (spec.v) is null on the object, which the controller counts as no output\n');
  });

  it('a source whose url and revision are null still has both outputs (they come as a pair)', () => {
    const result = status(parseText(chain('configPath', 'ClusterConfigTemplate'), 'inputs.yaml').documents);
    const source = result.owners[0]?.status?.resources?.find((r) => r.name === 's');
    expect(source?.outputs.map((o) => [o.name, o.preview])).toEqual([['url', 'null\n'], ['revision', 'null\n']]);
    expect(conditionsOf(chain('configPath', 'ClusterConfigTemplate'), 's')['Healthy']?.reason).toBe('OutputsAvailable');
  });
});

describe('status(): a tekton or immutable ClusterDeploymentTemplate not known healthy', () => {
  const delivery = (owner: 'Workload' | 'Deliverable') => stream(`
apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: src}
spec:
  urlPath: spec.u
  revisionPath: spec.r
  template: {apiVersion: example.com/v1, kind: S, metadata: {name: one-s}, spec: {u: a, r: b}}`, `
apiVersion: carto.run/v1alpha1
kind: ClusterDeploymentTemplate
metadata: {name: dep}
spec:
  lifecycle: tekton
  observedMatches: [{input: spec.a, output: spec.a}]
  template: {apiVersion: example.com/v1, kind: D, metadata: {name: one-dep}, spec: {a: 1}}`,
  blueprintDoc(`  - {name: s, templateRef: {kind: ClusterSourceTemplate, name: src}}\n  - {name: dep, templateRef: {kind: ClusterDeploymentTemplate, name: dep}${owner === 'Deliverable' ? ', deployment: {resource: s}' : ''}}`, { kind: owner === 'Workload' ? 'ClusterSupplyChain' : 'ClusterDelivery', name: 'bp' }),
  ownerDoc(owner, '{name: one, namespace: dev, labels: {app: web}}'));

  it('for a Deliverable: the controller fails to read its outputs (UnknownError), its Healthy condition stays the rule\'s', () => {
    const c = conditionsOf(delivery('Deliverable'), 'dep');
    expect(c['ResourceSubmitted']).toEqual({ status: 'False', reason: 'UnknownError', message: 'unable to retrieve outputs from stamped object [dev/one-dep] of type [ds.example.com] for resource [dep] in supply chain [bp]: failed to evaluate path of empty object' });
    expect(c['Healthy']).toEqual({ status: 'Unknown', reason: 'SucceededCondition', message: 'condition with type [Succeeded] not found on resource status' });
    const warning = status(parseText(delivery('Deliverable'), 'inputs.yaml').documents).diagnostics.find((d) => d.code === 'resource-unhealthy' && d.resource === 'dep');
    expect(warning?.hint).toMatch(/a fresh cluster's has none yet, so the controller cannot judge the deployment, an error until it can\)$/);
  });

  it('for a Workload: the controller waits for a value it cannot name (MissingValueAtPath)', () => {
    expect(conditionsOf(delivery('Workload'), 'dep')['ResourceSubmitted']).toEqual({ status: 'Unknown', reason: 'MissingValueAtPath', message: 'waiting to read value [<no jsonpath context>] from object [ds.example.com/one-dep] in namespace [dev]' });
  });
});

describe('status() of inputs without owners (library)', () => {
  it('a no-owners warning naming what was read, and no text for stdout; ok stays true', () => {
    const plain = (s: string) => s;
    const result = status(parseText(blueprintDoc('  - name: a\n    templateRef: {kind: ClusterTemplate, name: t}'), 'sc.yaml').documents);
    expect(result.ok).toBe(true);
    expect(result.diagnostics.filter((d) => d.code === 'no-owners')).toStrictEqual([{
      severity: 'warning',
      code: 'no-owners',
      message: 'the inputs hold no Workload or Deliverable, so there is no status to show',
      hint: 'read one object from sc.yaml: ClusterSupplyChain (1); add the Workload files with -f (-R to descend into subdirectories)',
    }]);
    expect(formatStatusText(result, { error: plain, warning: plain, success: plain, bold: plain, dim: plain })).toBe('');
    // a Workload of another API group is named instead
    const knative = status(parseText(ownerDoc('Workload').replace('carto.run/v1alpha1', 'example.com/v1'), 'w.yaml').documents);
    expect(knative.diagnostics.find((d) => d.code === 'no-owners')?.hint).toBe("w.yaml:1 holds a Workload of apiVersion example.com/v1, which is not Cartographer's (carto.run/v1alpha1); add Cartographer's Workload files with -f");
  });
});
