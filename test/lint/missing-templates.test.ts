// `carto lint --missing-templates mock` agrees with render: a template the inputs lack is taken as
// installed by the platform, so its reference is a note (in text, JSON and SARIF), not an error.
import { describe, expect, it } from 'vitest';
import { carto, withoutHints } from '../helpers/cli.js';

const OWN = ['-f', 'test/fixtures/mocks/own-templates.yaml', '-f', 'test/fixtures/mocks/supply-chain.yaml', '-f', 'test/fixtures/mocks/workload.yaml'];

describe('carto lint --missing-templates', () => {
  it('error (the default): each missing template is an error, exit 1', () => {
    const r = carto(['lint', ...OWN]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('test/fixtures/mocks/supply-chain.yaml:12:13  error  template-not-found  ClusterSourceTemplate source-template is not in the inputs (resource source-provider)\n');
  });

  it('mock: each is a note naming the template and resource, exit 0', () => {
    const r = carto(['lint', ...OWN, '--missing-templates', 'mock']);
    expect(r.status).toBe(0);
    expect(withoutHints(r.stdout)).toBe(
      'test/fixtures/mocks/supply-chain.yaml:12:13  note  template-not-found  ClusterSourceTemplate source-template is not in the inputs (resource source-provider): taken as installed by the platform (--missing-templates mock)\n'
      + 'test/fixtures/mocks/supply-chain.yaml:16:13  note  template-not-found  ClusterImageTemplate image-provider-template is not in the inputs (resource image-provider): taken as installed by the platform (--missing-templates mock)\n',
    );
  });

  it('mock: a note in JSON and SARIF too, and no error counted', () => {
    const json = JSON.parse(carto(['lint', ...OWN, '--missing-templates', 'mock', '--format', 'json']).stdout) as { diagnostics: Array<{ severity: string; code: string; hint: string }>; summary: { errors: number } };
    expect(json.summary.errors).toBe(0);
    expect(json.diagnostics.map((d) => [d.severity, d.code])).toEqual([['note', 'template-not-found'], ['note', 'template-not-found']]);
    expect(json.diagnostics[0]?.hint).toBe('render stamps nothing for resource source-provider and mocks its outputs; on a cluster without the template the controller stamps nothing for the whole ClusterSupplyChain');
    const sarif = JSON.parse(carto(['lint', ...OWN, '--missing-templates', 'mock', '--format', 'sarif']).stdout) as { runs: Array<{ results: Array<{ level: string; ruleId: string }> }> };
    expect(sarif.runs[0]?.results.map((x) => [x.level, x.ruleId])).toEqual([['note', 'template-not-found'], ['note', 'template-not-found']]);
  });

  it('a name that exists under another kind stays an error, in render and lint: a wrong kind, not a platform template', () => {
    const wrong = ['-f', 'test/fixtures/mocks/wrong-kind.yaml', '--missing-templates', 'mock'];
    const lint = carto(['lint', ...wrong]);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('test/fixtures/mocks/wrong-kind.yaml:8:54  error  template-not-found  ClusterConfigTemplate cm is not in the inputs (resource cfg)\n');
    const render = carto(['render', ...wrong]);
    expect(render.status).toBe(1);
    expect(render.stderr).toContain('hint: the inputs have a ClusterTemplate named cm: is templateRef.kind right?');
  });

  it('with mock, each missing template is judged on its own: the platform one is a note, the wrong kind an error, in render and lint', () => {
    const both = ['-f', 'test/fixtures/mocks/wrong-kind-and-platform.yaml', '--missing-templates', 'mock'];
    const lint = carto(['lint', ...both]);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('  note  template-not-found  ClusterSourceTemplate platform-source is not in the inputs (resource source): taken as installed by the platform (--missing-templates mock)\n');
    expect(lint.stdout).toContain('  error  template-not-found  ClusterConfigTemplate cm is not in the inputs (resource cfg)\n');
    const render = carto(['render', ...both]);
    expect(render.status).toBe(1);
    expect(render.stderr.match(/^error: .*template-not-found|^error: .* is not in the inputs/gm)).toHaveLength(1);
    expect(render.stderr).toContain('ClusterConfigTemplate cm is not in the inputs (resource cfg)');
    expect(render.stderr).not.toContain('pass --missing-templates mock');
  });

  it('the core marks, in data, which missing templates the platform may install: the JSON says so, for a wrong kind it does not', () => {
    type Json = { diagnostics: Array<{ code: string; message: string; platformTemplate?: { kind: string; name: string } }> };
    const own = JSON.parse(carto(['lint', ...OWN, '--format', 'json']).stdout) as Json;
    expect(own.diagnostics.filter((d) => d.code === 'template-not-found').map((d) => d.platformTemplate)).toEqual([
      { kind: 'ClusterSourceTemplate', name: 'source-template' },
      { kind: 'ClusterImageTemplate', name: 'image-provider-template' },
    ]);
    const both = JSON.parse(carto(['lint', '-f', 'test/fixtures/mocks/wrong-kind-and-platform.yaml', '--format', 'json']).stdout) as Json;
    const byName = Object.fromEntries(both.diagnostics.filter((d) => d.code === 'template-not-found').map((d) => [d.message.split(' ')[1], d.platformTemplate ?? null]));
    expect(byName).toEqual({ 'platform-source': { kind: 'ClusterSourceTemplate', name: 'platform-source' }, cm: null });
  });

  it('a mode it does not know is a usage error', () => {
    expect(carto(['lint', ...OWN, '--missing-templates', 'maybe']).status).toBe(2);
  });
});
