// `carto render --validate` and `carto lint` validating what is stamped, through the real binary:
// each structural rule, a CRD from the inputs and from --crds, kinds without a schema, the
// template line (or placeholder) an error points at for plain and ytt templates, all-or-nothing
// output, and lint's reports.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carto, ROOT } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test/fixtures/validate');
const read = (file: string) => readFileSync(join(FIXTURE, file), 'utf8');

/** A copy of the fixture in a fresh directory, with the Workload's params and text replaced in the templates. */
function inputs(options: { params?: Record<string, unknown>; replace?: Array<[string, string]>; crd?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'carto-validate-'));
  let templates = read('templates.yaml');
  for (const [from, to] of options.replace ?? []) {
    expect(templates).toContain(from);
    templates = templates.replace(from, to);
  }
  writeFileSync(join(dir, 'templates.yaml'), templates);
  if (options.crd !== false) writeFileSync(join(dir, 'crd.yaml'), read('crd.yaml'));
  const params = Object.entries(options.params ?? {}).map(([name, value]) => `    - name: ${name}\n      value: ${JSON.stringify(value)}\n`).join('');
  writeFileSync(join(dir, 'workload.yaml'), `${read('workload.yaml')}${params ? `  params:\n${params}` : ''}`);
  return dir;
}

/** 1-based line of the first line holding `needle` in the copy's templates.yaml. */
function lineOf(dir: string, needle: string): number {
  return readFileSync(join(dir, 'templates.yaml'), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

const errors = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('error: '));

describe('carto render --validate', () => {
  it('renders valid objects as without the flag', () => {
    const dir = inputs();
    const plain = carto(['render', dir]);
    const validated = carto(['render', dir, '--validate']);
    expect(validated.status).toBe(0);
    expect(validated.stdout).toBe(plain.stdout);
    expect(validated.stdout).toContain('kind: Image');
  });

  it('an integer given as text: the placeholder, its template line and where the Workload sets it; stdout empty, exit 1', () => {
    const dir = inputs({ params: { replicas: '1' } });
    const r = carto(['render', dir, '--validate']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const line = lineOf(dir, 'replicas: $(params.replicas)$');
    expect(errors(r.stderr)).toEqual([
      `error: ${dir}/templates.yaml:${line}:17: Deployment dev/app: spec.replicas: expected integer, got string "1" — from $(params.replicas)$ in ClusterTemplate app-deploy, ${dir}/templates.yaml:${line}; the Workload dev/app sets replicas: "1" (${dir}/workload.yaml:12)`,
    ]);
    expect(r.stderr).toContain('    owner Workload dev/app, resource deployer, ClusterTemplate app-deploy, field spec.template.spec.replicas\n');
    expect(r.stderr).toContain('    hint: a placeholder that is the whole value keeps the value\'s type: make the value an integer where it is set (replicas: 1, not "1")\n');
    expect(r.stderr).toContain('    controller: unable to apply object [dev/app] for resource [deployer] in supply chain [validate]: create: Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n');
    // without the flag the same inputs render (the cluster would refuse the object)
    expect(carto(['render', dir]).status).toBe(0);
  });

  it('a misspelt field is unknown (with the field meant), which says the field it misses: one error, not a second "required"', () => {
    const dir = inputs({ replace: [['          containers:', '          contaners:']] });
    const r = carto(['render', dir, '--validate']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(errors(r.stderr)).toEqual([
      `error: ${dir}/templates.yaml:${lineOf(dir, 'contaners:')}:11: Deployment dev/app: spec.template.spec.contaners: unknown field: did you mean containers? — in ClusterTemplate app-deploy`,
    ]);
    // no controller error: Cartographer's apply asks for no strict field validation, so the API server drops the field
    expect(r.stderr).not.toContain('strict decoding error');
    expect(r.stderr).not.toContain('    controller: ');
    expect(r.stderr).toContain("    hint: did you mean containers? a Deployment's spec.template.spec has no field contaners, and needs containers, which it lacks (Kubernetes 1.34): rename contaners to containers in the template\n");
    expect(r.stderr).not.toContain('Required value');
  });

  it('a Deployment without its selector', () => {
    const dir = inputs({ replace: [['      selector:\n        matchLabels:\n          app: $(workload.metadata.name)$\n', '']] });
    const r = carto(['render', dir, '--validate']);
    expect(errors(r.stderr)).toEqual([`error: ${dir}/templates.yaml:${lineOf(dir, 'replicas: $(params.replicas)$')}:7: Deployment dev/app: spec.selector: required, and missing — in ClusterTemplate app-deploy`]);
  });

  it('a built-in kind\'s value outside the set the API server accepts', () => {
    const dir = inputs({ replace: [['              image: $(params.image)$\n', '              image: $(params.image)$\n              imagePullPolicy: Sometimes\n']] });
    const r = carto(['render', dir, '--validate']);
    expect(errors(r.stderr)).toEqual([`error: ${dir}/templates.yaml:${lineOf(dir, 'imagePullPolicy: Sometimes')}:32: Deployment dev/app: spec.template.spec.containers[0].imagePullPolicy: string "Sometimes" is not one of "Always", "IfNotPresent", "Never" — in ClusterTemplate app-deploy`]);
    expect(r.stderr).toContain('Deployment.apps "app" is invalid: spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"');
  });

  it('a quantity may be a number, and must be a quantity', () => {
    expect(carto(['render', inputs(), '--validate']).status).toBe(0); // cpu: 1
    const dir = inputs({ replace: [['memory: 512Mi', 'memory: 512 MB']] });
    const r = carto(['render', dir, '--validate']);
    expect(errors(r.stderr)).toEqual([`error: ${dir}/templates.yaml:${lineOf(dir, 'memory: 512 MB')}:27: Deployment dev/app: spec.template.spec.containers[0].resources.limits.memory: string "512 MB" is not a quantity (a number with an optional suffix: 500m, 1.5, 2Gi) — in ClusterTemplate app-deploy`]);
  });

  it('checks a custom resource against the CRD in the inputs: enum, limit, pattern, format, int-or-string, nulls', () => {
    const dir = inputs({ params: { builder: 'Kpack', history: 0, tag: 'Registry/App', created: 'yesterday' } });
    const r = carto(['render', dir, '--validate']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const messages = errors(r.stderr).map((l) => l.replace(/^error: [^ ]+ /, '').replace(/ — .*$/, ''));
    expect(messages).toEqual([
      'Image dev/app: spec.tag: string "Registry/App" does not match ^[a-z0-9./:-]+$',
      'Image dev/app: spec.builder.kind: string "Kpack" is not one of "Builder", "ClusterBuilder"',
      'Image dev/app: spec.failedBuildHistoryLimit: integer 0 is below the minimum 1',
      'Image dev/app: spec.created: string "yesterday" is not an RFC 3339 date-time (2006-01-02T15:04:05Z)',
    ]);
    expect(r.stderr).toContain('Image.example.com "app" is invalid: spec.builder.kind: Unsupported value: "Kpack": supported values: "Builder", "ClusterBuilder"');
    expect(r.stderr).toContain(`the Workload dev/app sets builder: "Kpack" (${dir}/workload.yaml:`);
  });

  it('int-or-string, an embedded object\'s apiVersion and kind, and a null where the schema allows none (pruned, so missing)', () => {
    // a Workload without spec.env: $(workload.spec.env)$ is null (Go's nil slice)
    const dir = inputs({ params: { size: true, pod: { metadata: { name: 'x' }, spec: {} } }, replace: [['tag: $(params.tag)$', 'tag: $(workload.spec.env)$']] });
    const r = carto(['render', dir, '--validate']);
    expect(r.status).toBe(1);
    expect(errors(r.stderr).map((l) => l.replace(/^error: [^ ]+ /, '').replace(/ — .*$/, ''))).toEqual([
      'Image dev/app: spec.cache.size: expected integer or string, got boolean true',
      'Image dev/app: spec.pod.apiVersion: required, and missing (an embedded object needs its apiVersion and kind)',
      'Image dev/app: spec.pod.kind: required, and missing (an embedded object needs its apiVersion and kind)',
      'Image dev/app: spec.tag: required, and missing',
    ]);
    expect(r.stderr).toContain('Image.example.com "app" is invalid: spec.cache.size: Invalid value: "boolean": spec.cache.size in body must be of type integer-or-string: "boolean"');
  });

  it('a field the CRD does not declare, meant for a required one missing: said once, by the misspelling', () => {
    const dir = inputs({ replace: [['      builder:\n        kind: $(params.builder)$\n        name: default\n', '      bulider:\n        kind: $(params.builder)$\n']] });
    const r = carto(['render', dir, '--validate']);
    expect(errors(r.stderr).map((l) => l.replace(/ — .*$/, ''))).toEqual([
      `error: ${dir}/templates.yaml:${lineOf(dir, 'bulider:')}:7: Image dev/app: spec.bulider: unknown field: did you mean builder?`,
    ]);
    expect(r.stderr).toContain("an Image's spec has no field bulider, and needs builder, which it lacks (CustomResourceDefinition images.example.com)");
    // a required field no unknown field means is still missing
    const gone = inputs({ replace: [['      builder:\n        kind: $(params.builder)$\n        name: default\n', '      colour: blue\n']] });
    expect(errors(carto(['render', gone, '--validate']).stderr).map((l) => l.replace(/^error: [^ ]+ /, '').replace(/ — .*$/, ''))).toEqual([
      'Image dev/app: spec.colour: unknown field',
      'Image dev/app: spec.builder: required, and missing',
    ]);
  });

  it('takes CRDs from --crds, and names the kinds without a schema in one note (an error with --strict-schemas)', () => {
    const dir = inputs({ crd: false, params: { builder: 'Kpack' } });
    const without = carto(['render', dir, '--validate']);
    expect(without.status).toBe(0);
    expect(without.stderr).toContain('note: no schema for 1 kind of the stamped objects, so its objects were not validated: Image (example.com/v1)\n');
    expect(without.stderr).toContain('    hint: give their CustomResourceDefinitions with --crds PATH');
    const strict = carto(['render', dir, '--validate', '--strict-schemas']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('error: no schema for 1 kind of the stamped objects');
    const crds = carto(['render', dir, '--validate', '--crds', join(FIXTURE, 'crd.yaml')]);
    expect(crds.status).toBe(1);
    expect(errors(crds.stderr)).toHaveLength(1);
    expect(crds.stderr).toContain('spec.builder.kind: string "Kpack" is not one of');
  });

  it('a name the API server refuses is an error with --validate (a warning without it)', () => {
    const dir = inputs({ replace: [['      name: $(workload.metadata.name)$\n    spec:\n      replicas', '      name: App_$(workload.metadata.name)$\n    spec:\n      replicas']] });
    const plain = carto(['render', dir]);
    expect(plain.status).toBe(0);
    expect(plain.stderr).toMatch(/^warning: .*: the API server would refuse the Deployment App_app that resource deployer of ClusterSupplyChain validate stamps: its name is invalid$/m);
    const validated = carto(['render', dir, '--validate']);
    expect(validated.status).toBe(1);
    expect(validated.stdout).toBe('');
    expect(validated.stderr).toMatch(/^error: .*: the API server would refuse the Deployment App_app that resource deployer of ClusterSupplyChain validate stamps: its name is invalid$/m);
  });

  it('--kube-version picks the schemas; one carto does not have is a usage error', () => {
    expect(carto(['render', inputs(), '--validate', '--kube-version', 'v1.32.4']).status).toBe(0);
    const without = carto(['render', inputs(), '--kube-version', '1.34', '--strict-schemas']);
    expect(without.status).toBe(2);
    expect(without.stderr).toBe('carto: --kube-version, --strict-schemas say how to validate: add --validate\n');
    const r = carto(['render', inputs(), '--validate', '--kube-version', '1.20']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('carto: --kube-version 1.20: carto has the schemas of Kubernetes 1.32, 1.33, 1.34, 1.36; give one of them (the patch version does not matter)\n');
    // a version in the gap of what ships: the two nearest are named
    const gap = carto(['render', inputs(), '--validate', '--kube-version', '1.35.1']);
    expect(gap.status).toBe(2);
    expect(gap.stderr).toBe('carto: --kube-version 1.35.1: carto has the schemas of Kubernetes 1.32, 1.33, 1.34, 1.36; the nearest to 1.35 are 1.34 and 1.36; give one of them (the patch version does not matter)\n');
  });

  it('points into a ytt template at the body line that wrote the field', () => {
    const dir = inputs({ params: { replicas: '2' } });
    const ytt = [
      'apiVersion: carto.run/v1alpha1',
      'kind: ClusterTemplate',
      'metadata:',
      '  name: app-deploy',
      'spec:',
      '  ytt: |',
      '    #@ load("@ytt:data", "data")',
      '    apiVersion: apps/v1',
      '    kind: Deployment',
      '    metadata:',
      '      name: #@ data.values.workload.metadata.name',
      '    spec:',
      '      replicas: #@ data.values.params.replicas',
      '      selector:',
      '        matchLabels: {app: x}',
      '      template:',
      '        metadata: {labels: {app: x}}',
      '        spec:',
      '          containers:',
      '          - name: app',
      '            image: nginx',
      '            ports: [{containerPort: "8080"}]',
      '',
    ].join('\n');
    const templates = readFileSync(join(dir, 'templates.yaml'), 'utf8').replace(/apiVersion: carto.run\/v1alpha1\nkind: ClusterTemplate\nmetadata:\n {2}name: app-deploy\n[\s\S]*?\n---\n/, `${ytt}---\n`);
    writeFileSync(join(dir, 'templates.yaml'), templates);
    const r = carto(['render', dir, '--validate']);
    expect(r.status).toBe(1);
    expect(errors(r.stderr)).toEqual([
      `error: ${dir}/templates.yaml:15: Deployment dev/app: spec.replicas: expected integer, got string "2" — from line 7 of the ytt template of ClusterTemplate app-deploy (${dir}/templates.yaml:15: replicas: #@ data.values.params.replicas)`,
      `error: ${dir}/templates.yaml:24: Deployment dev/app: spec.template.spec.containers[0].ports[0].containerPort: expected integer, got string "8080" — from line 16 of the ytt template of ClusterTemplate app-deploy (${dir}/templates.yaml:24: ports: [{containerPort: "8080"}])`,
    ]);
  });

  it('hints from common slips: the value as it should be written, the map that lacks a field, a value in the wrong case', () => {
    const dir = inputs({
      replace: [
        ['      replicas: $(params.replicas)$\n', '      replicas: "2"\n      revisionHistoryLimit: " 3"\n      paused: "false"\n'],
        ['        matchLabels:', '        matchLabel:'],
        ['              image: $(params.image)$\n', '              image: $(params.image)$\n              imagePullPolicy: always\n'],
      ],
    });
    const r = carto(['render', dir, '--validate']);
    expect(r.status).toBe(1);
    const hints = r.stderr.split('\n').filter((l) => l.startsWith('    hint: ') && !l.includes('ownerReference'));
    expect(hints).toEqual([
      '    hint: write an integer there in the template (replicas: 2, not "2")',
      '    hint: write an integer there in the template (revisionHistoryLimit: 3, not " 3")',
      '    hint: write a boolean there in the template (paused: false, not "false")',
      "    hint: did you mean matchLabels? a Deployment's spec.selector has no field matchLabel (Kubernetes 1.34): fix its name or remove it from the template; kubectl apply --validate=strict refuses the object, and without strict validation the API server drops the field with a warning — as for the controller, whose apply asks for none: the object on the cluster lacks the field",
      '    hint: did you mean "Always"? the values are case-sensitive: fix the value in the template',
    ]);
  });

  it('with --keep-going, an owner whose objects are invalid is left out; the others are printed', () => {
    const dir = inputs({ params: { replicas: '1' } });
    // a second Workload without the bad param: its objects are valid
    writeFileSync(join(dir, 'good.yaml'), read('workload.yaml').replace('name: app', 'name: good'));
    const r = carto(['render', dir, '--validate', '--keep-going']);
    expect(r.status).toBe(1);
    expect(errors(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('carto render: --keep-going: one owner failed and is left out of the output: Workload dev/app\n');
    const names = [...r.stdout.matchAll(/^# Source: Workload dev\/(\S+),/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['good']));
    // without --keep-going: nothing
    const all = carto(['render', dir, '--validate']);
    expect(all.status).toBe(1);
    expect(all.stdout).toBe('');
  });
});

describe('carto lint validates what the owners stamp', () => {
  it('reports invalid stamped objects with its other diagnostics, in text, JSON and SARIF; --no-render skips it', () => {
    const dir = inputs({ params: { replicas: '1' } });
    const line = lineOf(dir, 'replicas: $(params.replicas)$');
    const text = carto(['lint', dir]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`${dir}/templates.yaml:${line}:17  error  stamped-wrong-type  Deployment dev/app: spec.replicas: expected integer, got string "1"`);
    const json = JSON.parse(carto(['lint', dir, '--format', 'json']).stdout) as { diagnostics: Array<{ code: string; line: number; owner: unknown }> };
    expect(json.diagnostics.find((d) => d.code === 'stamped-wrong-type')).toMatchObject({ line, owner: { kind: 'Workload', name: 'app', namespace: 'dev' } });
    const sarif = JSON.parse(carto(['lint', dir, '--format', 'sarif'], { cwd: dir }).stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toContain('stamped-wrong-type');
    const result = run.results.find((r) => r.ruleId === 'stamped-wrong-type')!;
    expect(result.level).toBe('error');
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('templates.yaml');
    expect(result.locations[0]!.physicalLocation.region.startLine).toBe(line);
    expect(result.message.text).toContain('controller: unable to apply object [dev/app]');
    const skipped = carto(['lint', dir, '--no-render']);
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).not.toContain('stamped-');
  });
});
