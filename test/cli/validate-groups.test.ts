// One problem, one diagnostic, through the real binary: a template's mistake met by several
// Workloads is said once at the template's line, naming the Workloads (lint's text, JSON and
// SARIF, and render --validate's stderr); a value each Workload sets itself stays apart, naming
// the Workload that sets it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carto, ROOT, withoutHints } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test/fixtures/validate');
const read = (file: string) => readFileSync(join(FIXTURE, file), 'utf8');

/** Three mistakes in the templates: a misspelt containers, a default of the wrong type, a field the CRD lacks. */
const MISTAKES: Array<[string, string]> = [
  ['          containers:', '          contaners:'],
  ['    - name: history\n      default: 10', '    - name: history\n      default: "10"'],
  ['      cache:\n', '      colour: blue\n      cache:\n'],
];

/** The fixture's templates with the mistakes, and one Workload per name (each with its own params). */
function inputs(workloads: Record<string, Record<string, unknown>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'carto-validate-groups-'));
  let templates = read('templates.yaml');
  for (const [from, to] of MISTAKES) {
    expect(templates).toContain(from);
    templates = templates.replace(from, to);
  }
  writeFileSync(join(dir, 'templates.yaml'), templates);
  writeFileSync(join(dir, 'crd.yaml'), read('crd.yaml'));
  const docs = Object.entries(workloads).map(([name, params]) => {
    const list = Object.entries(params).map(([n, v]) => `    - name: ${n}\n      value: ${JSON.stringify(v)}\n`).join('');
    return `${read('workload.yaml').replace('name: app', `name: ${name}`)}${list ? `  params:\n${list}` : ''}`;
  });
  writeFileSync(join(dir, 'workloads.yaml'), docs.join('---\n'));
  return dir;
}

const lineOf = (dir: string, needle: string) => readFileSync(join(dir, 'templates.yaml'), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
/** The first line of each Workload in workloads.yaml. */
const workloadLines = (dir: string) => readFileSync(join(dir, 'workloads.yaml'), 'utf8').split('\n').flatMap((l, i) => (l.startsWith('apiVersion:') ? [i + 1] : []));
const stampedLines = (stdout: string) => withoutHints(stdout).split('\n').filter((l) => l.includes('  stamped-'));

describe('validation: one problem, one diagnostic', () => {
  it('lint: three template mistakes met by two Workloads are three errors, each naming both', () => {
    const dir = inputs({ a: {}, b: {} });
    const r = carto(['lint', dir]);
    expect(r.status).toBe(1);
    const f = `${dir}/templates.yaml`;
    expect(stampedLines(r.stdout)).toEqual([
      `${f}:${lineOf(dir, 'contaners:')}:11  error  stamped-unknown-field  Deployment: spec.template.spec.contaners: unknown field: did you mean containers? — in ClusterTemplate app-deploy; in 2 Workloads: dev/a, dev/b`,
      `${f}:${lineOf(dir, 'failedBuildHistoryLimit:')}:32  error  stamped-wrong-type  Image: spec.failedBuildHistoryLimit: expected integer, got string "10" — from $(params.history)$ in ClusterTemplate image, ${f}:${lineOf(dir, 'failedBuildHistoryLimit:')}; the template's default is history: "10"; in 2 Workloads: dev/a, dev/b`,
      `${f}:${lineOf(dir, 'colour: blue')}:7  error  stamped-unknown-field  Image: spec.colour: unknown field — in ClusterTemplate image; in 2 Workloads: dev/a, dev/b`,
    ]);
    expect(r.stderr).toBe('carto lint: 3 errors, 0 warnings\n');
    // the controller's words are the first owner's
    expect(r.stdout).toContain('    controller: unable to apply object [dev/a] for resource [image-builder] in supply chain [validate]: create: Image.example.com "a" is invalid: spec.failedBuildHistoryLimit: Invalid value: "string": spec.failedBuildHistoryLimit in body must be of type integer: "string"\n');
    // an unknown field is no controller error: its apply asks for no strict field validation, and the API server drops the field
    expect(r.stdout).not.toContain('strict decoding error');
  });

  it('lint JSON: the grouped diagnostic lists every owner and where it is written, and has no single owner', () => {
    const dir = inputs({ a: {}, b: {} });
    const json = JSON.parse(carto(['lint', dir, '--format', 'json']).stdout) as { diagnostics: Array<Record<string, unknown>>; summary: { errors: number } };
    const stamped = json.diagnostics.filter((d) => String(d['code']).startsWith('stamped-'));
    expect(stamped).toHaveLength(3);
    expect(json.summary.errors).toBe(3);
    const first = stamped[0]!;
    expect(first).not.toHaveProperty('owner');
    expect(first).toMatchObject({ resource: 'deployer', object: { kind: 'ClusterTemplate', name: 'app-deploy' } });
    // each Workload's first line
    const [a, b] = workloadLines(dir);
    expect(first['owners']).toEqual([
      { kind: 'Workload', name: 'a', namespace: 'dev', file: `${dir}/workloads.yaml`, line: a },
      { kind: 'Workload', name: 'b', namespace: 'dev', file: `${dir}/workloads.yaml`, line: b },
    ]);
  });

  it('lint SARIF: one result per mistake, at the template line, the Workloads as related locations linked from the message', () => {
    const dir = inputs({ a: {}, b: {} });
    type Location = { id?: number; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message?: { text: string } };
    const sarif = JSON.parse(carto(['lint', dir, '--format', 'sarif'], { cwd: dir }).stdout) as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string }; locations: Location[]; relatedLocations?: Location[] }> }> };
    const results = sarif.runs[0]!.results.filter((r) => r.ruleId.startsWith('stamped-'));
    expect(results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['stamped-unknown-field', lineOf(dir, 'contaners:')],
      ['stamped-wrong-type', lineOf(dir, 'failedBuildHistoryLimit:')],
      ['stamped-unknown-field', lineOf(dir, 'colour: blue')],
    ]);
    const [a, b] = workloadLines(dir);
    const result = results[0]!;
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('templates.yaml');
    expect(result.message.text.split('\n')[1]).toBe('owners: [Workload dev/a](1), [Workload dev/b](2)');
    expect(result.relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: { uri: 'workloads.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: a } }, message: { text: 'Workload dev/a' } },
      { id: 2, physicalLocation: { artifactLocation: { uri: 'workloads.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: b } }, message: { text: 'Workload dev/b' } },
    ]);
  });

  it('render --validate: the same three errors on stderr, with or without --keep-going; stdout empty', () => {
    const dir = inputs({ a: {}, b: {}, c: {}, d: {}, e: {} });
    for (const flags of [[], ['--keep-going']]) {
      const r = carto(['render', dir, '--validate', ...flags]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
      expect(errors.map((l) => l.replace(/^error: [^ ]+ /, '').replace(/ — .*?(; in \d)/, '$1'))).toEqual([
        'Deployment: spec.template.spec.contaners: unknown field: did you mean containers?; in 5 Workloads: dev/a, dev/b, dev/c, and 2 more',
        'Image: spec.failedBuildHistoryLimit: expected integer, got string "10"; in 5 Workloads: dev/a, dev/b, dev/c, and 2 more',
        'Image: spec.colour: unknown field; in 5 Workloads: dev/a, dev/b, dev/c, and 2 more',
      ]);
      // the context line names no single owner
      expect(r.stderr).toContain('    resource deployer, ClusterTemplate app-deploy, field spec.template.spec.template.spec.contaners\n');
    }
  });

  it('a template two supply chains stamp under other resource names: one diagnostic, no single resource, the template named', () => {
    const dir = inputs({ a: {}, b: {} });
    const workloads = readFileSync(join(dir, 'workloads.yaml'), 'utf8');
    writeFileSync(join(dir, 'workloads.yaml'), workloads.replace(/app: validate\n(?![\s\S]*app: validate\n)/, 'app: other\n'));
    const templates = readFileSync(join(dir, 'templates.yaml'), 'utf8');
    const chain = templates.slice(templates.lastIndexOf('apiVersion: carto.run/v1alpha1\nkind: ClusterSupplyChain'));
    writeFileSync(join(dir, 'other-chain.yaml'), chain.replace('name: validate\n', 'name: other\n').replace('app: validate', 'app: other').replace('- name: deployer', '- name: deploy-it'));
    const r = carto(['render', dir, '--validate']);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors[0]).toContain('Deployment: spec.template.spec.contaners: unknown field: did you mean containers? — in ClusterTemplate app-deploy; in 2 Workloads: dev/a, dev/b');
    expect(r.stderr).toContain('    ClusterTemplate app-deploy, field spec.template.spec.template.spec.contaners\n');
    const json = JSON.parse(carto(['lint', dir, '--format', 'json']).stdout) as { diagnostics: Array<Record<string, unknown>> };
    const first = json.diagnostics.find((d) => d['code'] === 'stamped-unknown-field' && String(d['message']).includes('contaners'))!;
    expect(first).not.toHaveProperty('resource');
    expect((first['owners'] as unknown[]).length).toBe(2);
  });

  it('a value each Workload sets itself is said for each Workload, naming it; the template default once for the others', () => {
    const dir = inputs({ a: { replicas: '1' }, b: { replicas: '2' }, c: {} });
    const r = carto(['lint', dir]);
    const wrongType = stampedLines(r.stdout).filter((l) => l.includes('stamped-wrong-type')).map((l) => l.replace(/^.*stamped-wrong-type {2}/, ''));
    const f = `${dir}/templates.yaml`;
    const at = lineOf(dir, 'replicas: $(params.replicas)$');
    const set = (value: string) => readFileSync(join(dir, 'workloads.yaml'), 'utf8').split('\n').indexOf(`      value: ${value}`) + 1;
    expect(wrongType).toEqual([
      `Deployment dev/a: spec.replicas: expected integer, got string "1" — from $(params.replicas)$ in ClusterTemplate app-deploy, ${f}:${at}; the Workload dev/a sets replicas: "1" (${dir}/workloads.yaml:${set('"1"')})`,
      `Deployment dev/b: spec.replicas: expected integer, got string "2" — from $(params.replicas)$ in ClusterTemplate app-deploy, ${f}:${at}; the Workload dev/b sets replicas: "2" (${dir}/workloads.yaml:${set('"2"')})`,
      `Image: spec.failedBuildHistoryLimit: expected integer, got string "10" — from $(params.history)$ in ClusterTemplate image, ${f}:${lineOf(dir, 'failedBuildHistoryLimit:')}; the template's default is history: "10"; in 3 Workloads: dev/a, dev/b, dev/c`,
    ]);
    // the owner of a problem said for one Workload stays in the JSON
    const json = JSON.parse(carto(['lint', dir, '--format', 'json']).stdout) as { diagnostics: Array<{ code: string; owner?: unknown; owners?: unknown[] }> };
    const replicas = json.diagnostics.filter((d) => d.code === 'stamped-wrong-type');
    expect(replicas.map((d) => [d.owner, d.owners?.length])).toEqual([[{ kind: 'Workload', name: 'a', namespace: 'dev' }, undefined], [{ kind: 'Workload', name: 'b', namespace: 'dev' }, undefined], [undefined, 3]]);
  });
});

describe('render: a template name no owner can make valid, once', () => {
  /** The fixture's templates (no other mistake) with the Deployment's name replaced, and one Workload per name. */
  function named(name: string, workloads: Record<string, Record<string, unknown>>): string {
    const dir = inputs(workloads);
    const templates = read('templates.yaml');
    const at = templates.indexOf('kind: Deployment');
    writeFileSync(join(dir, 'templates.yaml'), templates.slice(0, at) + templates.slice(at).replace('      name: $(workload.metadata.name)$', `      name: ${name}`));
    return dir;
  }

  it('the text around the placeholder is at fault: one error naming the objects and the Workloads, with or without --validate', () => {
    const dir = named('App_$(workload.metadata.name)$', { a: {}, b: {}, c: {} });
    const line = lineOf(dir, 'name: App_');
    const message = `${dir}/templates.yaml:${line}:13: the API server would refuse the Deployments App_a, App_b, App_c that resource deployer of ClusterSupplyChain validate stamps: their names are invalid; in 3 Workloads: dev/a, dev/b, dev/c`;
    const r = carto(['render', dir, '--validate']);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([`error: ${message}`]);
    expect(r.stderr).toContain(`    hint: the template's own text around its placeholders has "A", which no name may have, whatever each owner gives: a name is lowercase letters, digits, - and .\n`);
    const plain = carto(['render', dir]);
    expect(plain.stderr.split('\n').filter((l) => l.startsWith('warning: '))).toEqual([`warning: ${message}`]);
  });

  it("a name each Workload's own value makes invalid is said for each", () => {
    const dir = named('$(params.app)$', { a: { app: 'Shop_A' }, b: { app: 'Shop_B' } });
    const r = carto(['render', dir, '--validate']);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: ')).map((l) => l.replace(/^error: [^ ]+ /, ''))).toEqual([
      'the API server would refuse the Deployment Shop_A that resource deployer of ClusterSupplyChain validate stamps: its name is invalid',
      'the API server would refuse the Deployment Shop_B that resource deployer of ClusterSupplyChain validate stamps: its name is invalid',
    ]);
  });
});
