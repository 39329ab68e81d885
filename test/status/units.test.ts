// The small rules `carto status` stands on: a kind's guessed plural (as refharness guesses it),
// a preview cut at a byte count the way Go's JSON encoder then writes the broken character, and
// the library's status().
import { describe, expect, it } from 'vitest';
import { guessPlural, qualifiedResource } from '../../src/model/index.js';
import { firstBytes, resourceVerdict, type ResourceStatus } from '../../src/status/index.js';
import type { ResourceReport } from '../../src/realize/index.js';
import { parseText, status } from '../../src/index.js';
import { readFileSync } from 'node:fs';

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
