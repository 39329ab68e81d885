// spec.ytt templates in `carto render` (built-in engine, and a ytt binary with --ytt), input
// files that are ytt templates (--data-values-file), and the `carto ytt` command.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { carto, ROOT } from '../helpers/cli.js';
import { describeVectors, VECTORS, vectorCases } from '../helpers/ytt-vectors.js';
import { mockUid } from '../../src/outputs/index.js';

const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Record<string, any>);
const FAKE_YTT = join(ROOT, 'test/fixtures/fake-ytt.mjs');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carto-ytt-'));
});

const CHAIN = `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selector:
    app: web
  params:
  - name: registry
    value: {server: registry.example.com}
  resources:
  - name: config
    templateRef:
      kind: ClusterTemplate
      name: ytt-config
`;
const WORKLOAD = `apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: app
  namespace: dev
  labels:
    app: web
spec:
  image: registry.example.com/app:1
`;
const template = (body: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: ytt-config
spec:
  ytt: |
${body.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n')}
`;
function write(body: string): void {
  writeFileSync(join(dir, 'chain.yaml'), CHAIN);
  writeFileSync(join(dir, 'workload.yaml'), WORKLOAD);
  writeFileSync(join(dir, 'template.yaml'), template(body));
}

describe('spec.ytt with the built-in engine', () => {
  it('renders the ytt example (functions, loops, yaml.encode, options, params)', () => {
    const r = carto(['render', '-f', 'examples/ytt/']);
    expect(r.status).toBe(0);
    const objects = docs(r.stdout);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'GitRepository/hello-ytt', 'Image/hello-ytt', 'ConfigMap/hello-ytt-config', 'ConfigMap/hello-ytt-delivery',
      'OCIRepository/image-app', 'Image/image-app', 'ConfigMap/image-app-config', 'ConfigMap/image-app-delivery',
    ]);
    // A map param indexed inside ytt, the owner's params overriding a default, typed owner JSON.
    expect(objects[1]!.spec.tag).toBe('registry.example.com/apps/hello-ytt');
    expect(objects[0]!.spec.ref).toEqual({ tag: 'v1.2.0' });
    const deployment = docs(objects[2]!.data['deployment.yaml'])[0]!;
    expect(deployment.spec.template.spec.containers[0].ports).toEqual([
      { name: 'http', containerPort: 8080 },
      { name: 'metrics', containerPort: 9090 },
    ]);
    // The config output (a map) reaches the next template whole.
    expect(objects[3]!.data).toEqual(objects[2]!.data);
    // The stamper's additions apply to ytt output too.
    expect(objects[2]!.metadata.namespace).toBe('apps');
    expect(objects[2]!.metadata.labels['carto.run/resource-name']).toBe('app-config');
  });

  it('gives the template the context as data values: typed workload, params, labels', () => {
    write([
      '#@ load("@ytt:data", "data")',
      '#@ load("@ytt:yaml", "yaml")',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: #@ data.values.workload.metadata.name',
      'data:',
      '  server: #@ data.values.params.registry.server',
      '  build: #@ yaml.encode(data.values.workload.spec.build)',
      '  created: #@ str(data.values.workload.metadata.creationTimestamp)',
      '  resource: #@ data.values.labels["carto.run/resource-name"]',
      '  deployment: #@ str(data.values.deployment)',
    ].join('\n'));
    const r = carto(['render', dir]);
    expect(r.status).toBe(0);
    expect(docs(r.stdout)[0]!.data).toEqual({ server: 'registry.example.com', build: '{}\n', created: 'None', resource: 'config', deployment: 'None' });
  });

  it('uses only the first document, which must have a kind', () => {
    write('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second\n');
    expect(docs(carto(['render', dir]).stdout).map((o) => o.metadata.name)).toEqual(['first']);
    write('apiVersion: v1\nmetadata:\n  name: no-kind\n');
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the first document the ytt template produced has no kind');
  });

  it('points a ytt error at the template line inside the body, with ytt\'s own excerpt', () => {
    write('#@ load("@ytt:data", "data")\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: #@ data.values.params.nope\n');
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const file = join(dir, 'template.yaml');
    // `ytt: |` is line 6, so body line 5 is line 11 of the file.
    expect(r.stderr).toContain(`error: ${file}:11: the ytt template (spec.ytt) of ClusterTemplate ytt-config fails: struct has no .nope field or method\n`);
    expect(r.stderr).toContain('owner Workload dev/app, resource config, ClusterTemplate ytt-config');
    expect(r.stderr).toContain('    | ytt: Error: ');
    expect(r.stderr).toContain('    |       stdin.yml:5 |   name: #@ data.values.params.nope');
  });

  it('stops a runaway template with a clear error', () => {
    write('#@ def forever(n):\n#@   return forever(n + 1)\n#@ end\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: #@ str(forever(0))\n');
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: .*template\.yaml:\d+: .*(recursion|stack|depth)/i);
  });
});

describe('--ytt runs a ytt binary with Cartographer\'s protocol', () => {
  it('passes the body on stdin and one --data-value-yaml per context key, sorted, as compact JSON', () => {
    write('#@ load("@ytt:data", "data")\nkind: ConfigMap\n');
    const log = join(dir, 'log.json');
    const r = carto(['render', dir, '--ytt', FAKE_YTT], { env: { FAKE_YTT_LOG: log } });
    expect(r.status).toBe(0);
    const { args, stdin } = JSON.parse(readFileSync(log, 'utf8')) as { args: string[]; stdin: string };
    expect(stdin).toBe('#@ load("@ytt:data", "data")\nkind: ConfigMap\n');
    expect(args.slice(0, 2)).toEqual(['-f', '-']);
    const flags = args.slice(2);
    expect(flags.filter((_, i) => i % 2 === 0).every((f) => f === '--data-value-yaml')).toBe(true);
    const keys = flags.filter((_, i) => i % 2 === 1).map((f) => f.slice(0, f.indexOf('=')));
    expect(keys).toEqual(['configs', 'deliverable', 'deployment', 'images', 'labels', 'params', 'sources', 'workload']);
    const workload = flags.find((f) => f.startsWith('workload='))!;
    expect(workload).toBe(
      // The Workload written by hand has no uid: the template gets its stand-in.
      `workload={"apiVersion":"carto.run/v1alpha1","kind":"Workload","metadata":{"creationTimestamp":null,"labels":{"app":"web"},"name":"app","namespace":"dev","uid":"${mockUid({ kind: 'Workload', namespace: 'dev', name: 'app' })}"},"spec":{"build":{},"image":"registry.example.com/app:1"},"status":{"supplyChainRef":{"kind":"ClusterSupplyChain","name":"chain"}}}`,
    );
    expect(flags).toContain('params={"registry":{"server":"registry.example.com"}}');
    // Only the first document of its output counts.
    expect(docs(r.stdout).map((o) => o.metadata.name)).toEqual(['app-from-fake-ytt']);
  });

  it('CARTO_YTT does the same as --ytt', () => {
    write('kind: ConfigMap\n');
    const r = carto(['render', dir], { env: { CARTO_YTT: FAKE_YTT } });
    expect(docs(r.stdout)[0]!.metadata.name).toBe('app-from-fake-ytt');
  });

  it('reports the binary\'s own error with the template and resource', () => {
    write('kind: ConfigMap\n');
    const r = carto(['render', dir, '--ytt', FAKE_YTT], { env: { FAKE_YTT_FAIL: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    // The stand-in names body line 3: line 9 of the file.
    expect(r.stderr).toMatch(/template\.yaml:9: the ytt template \(spec\.ytt\) of \S+ \S+ fails: key "nope" not in struct/);
    expect(r.stderr).toContain('owner Workload dev/app, resource config, ClusterTemplate ytt-config');
  });

  it('a --ytt path that is not an executable is a usage error', () => {
    write('kind: ConfigMap\n');
    const r = carto(['render', dir, '--ytt', join(dir, 'no-such-ytt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--ytt .*no-such-ytt: no executable ytt there/);
  });
});

describe('input files that are ytt templates', () => {
  const PACKAGE = `#@ load("@ytt:data", "data")
# A template from a package, rendered with data values before it is read.
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: ytt-config
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: $(workload.metadata.name)$
    data:
      registry: #@ data.values.registry
      #@ if data.values.debug:
      debug: "true"
      #@ end
`;
  beforeEach(() => {
    writeFileSync(join(dir, 'chain.yaml'), CHAIN);
    writeFileSync(join(dir, 'workload.yaml'), WORKLOAD);
    writeFileSync(join(dir, 'template.yaml'), PACKAGE);
    writeFileSync(join(dir, '..', `${dir.split('/').pop()}-values.yaml`), 'registry: registry.example.com\ndebug: true\n');
  });

  it("without the data values they read, fail with ytt's message and say how to give them", () => {
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/template\.yaml:\d+: ytt failed on the input files: struct has no \.registry field or method/);
    expect(r.stderr).toContain('hint: no data values or schema file is in this ytt run: name the package directory that holds them (-f config/), or give the values with --data-values-file FILE, -v KEY=VALUE or --data-value-yaml KEY=YAML');
  });

  it('take data values from -v and --data-value-yaml as ytt does', () => {
    const r = carto(['render', dir, '-v', 'registry=registry.example.com', '--data-value-yaml', 'debug=true']);
    expect(r.status).toBe(0);
    expect(docs(r.stdout)[0]!.data).toEqual({ registry: 'registry.example.com', debug: 'true' });
  });

  it('are evaluated with the values before they are read', () => {
    const r = carto(['render', dir, '--data-values-file', join(dir, '..', `${dir.split('/').pop()}-values.yaml`)]);
    expect(r.status).toBe(0);
    expect(docs(r.stdout)[0]!.data).toEqual({ registry: 'registry.example.com', debug: 'true' });
  });

  it('take --data-value-file KEY=PATH (the file\'s text), and apply the flags by kind as ytt does: -v, --data-value-yaml, then --data-value-file', () => {
    const file = join(dir, '..', `${dir.split('/').pop()}-registry.txt`);
    writeFileSync(file, 'from-file');
    // given first on the command line, the file still wins: ytt applies it last
    const r = carto(['render', dir, '--data-value-file', `registry=${file}`, '-v', 'registry=from-flag', '--data-value-yaml', 'debug=false']);
    expect(r.status).toBe(0);
    expect(docs(r.stdout)[0]!.data).toEqual({ registry: 'from-file' });
    const lint = carto(['lint', dir, '--data-value-file', `registry=${file}`, '--data-value-yaml', 'debug=false']);
    expect(lint.status).toBe(0);
  });

  it('refuse a data value flag as ytt does (exit 1, ytt\'s words) in render and lint alike; an empty key is a key', () => {
    for (const command of ['render', 'lint']) {
      const r = carto([command, dir, '-v', 'registry']);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('carto: -v registry: the data value cannot be read as ytt reads it: Extracting data value from KV: Expected format key=value (give -v KEY=VALUE)\n');
    }
    const empty = carto(['render', dir, '-v', 'registry=r.example.com', '--data-value-yaml', 'debug=true', '-v', '=x']);
    expect(empty.status).toBe(0);
    expect(docs(empty.stdout)[0]!.data).toEqual({ registry: 'r.example.com', debug: 'true' });
  });

  it('read a --data-values-file directory as ytt does (every file, in name order)', () => {
    const values = mkdtempSync(join(tmpdir(), 'carto-ytt-values-'));
    writeFileSync(join(values, 'a.yaml'), 'registry: from-a\ndebug: true\n');
    writeFileSync(join(values, 'b.yaml'), 'registry: from-b\n');
    const r = carto(['render', dir, '--data-values-file', values]);
    expect(r.status).toBe(0);
    expect(docs(r.stdout)[0]!.data).toEqual({ registry: 'from-b', debug: 'true' });
  });
});

const sample = vectorCases().filter((_, i) => i % 15 === 0);

describeVectors('carto ytt prints what ytt prints', sample, () => {
  it.each(sample)('%s', (name) => {
    const c = join(VECTORS, name);
    const values = JSON.parse(readFileSync(join(c, 'values.json'), 'utf8')) as Record<string, unknown>;
    const args = ['ytt', '-f', '-'];
    for (const key of Object.keys(values).sort()) args.push('--data-value-yaml', `${key}=${JSON.stringify(values[key])}`);
    const r = carto(args, { input: readFileSync(join(c, 'template.ytt.yaml'), 'utf8') });
    if (existsSync(join(c, 'expected.yaml'))) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(c, 'expected.yaml'), 'utf8'));
    } else {
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const expected = readFileSync(join(c, 'expected-error.txt'), 'utf8');
      const firstError = (text: string) => text.split('\n').find((l) => l.startsWith('- '));
      expect(firstError(r.stderr)).toBe(firstError(expected));
    }
  });
});

describe('carto ytt usage', () => {
  it('runs a file with data values from flags and files', () => {
    writeFileSync(join(dir, 't.yaml'), '#@ load("@ytt:data", "data")\n---\nname: #@ data.values.name\nreplicas: #@ data.values.replicas\n');
    writeFileSync(join(dir, 'v.yaml'), '#@data/values\n---\nname: base\nreplicas: 1\n');
    const r = carto(['ytt', '-f', join(dir, 't.yaml'), '-f', join(dir, 'v.yaml'), '--data-value-yaml', 'replicas=3']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('name: base\nreplicas: 3\n');
  });
  it('-v/--data-value sets a string, as ytt -v does; --data-value-yaml reads YAML', () => {
    writeFileSync(join(dir, 't.yaml'), '#@ load("@ytt:data", "data")\n---\nname: #@ data.values.name\nreplicas: #@ data.values.replicas\n');
    writeFileSync(join(dir, 'v.yaml'), '#@data/values\n---\nname: base\nreplicas: 1\n');
    const asString = carto(['ytt', '-f', join(dir, 't.yaml'), '-f', join(dir, 'v.yaml'), '-v', 'replicas=3', '--data-value', 'name=7']);
    expect(asString.status).toBe(0);
    expect(asString.stdout).toBe('name: "7"\nreplicas: "3"\n');
    // a flag without `=` is ytt's error (exit 1), not a usage error
    const bad = carto(['ytt', '-f', join(dir, 't.yaml'), '-v', 'replicas']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('ytt: Error: Extracting data value from KV:\n  Expected format key=value\n');
  });
  it('exits 2 without files, 1 with ytt\'s message on a template error', () => {
    expect(carto(['ytt']).status).toBe(2);
    const r = carto(['ytt', '-f', '-'], { input: 'a: #@ 1 +\n' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^ytt: Error: /);
  });
});

describe('the controller\'s words when ytt\'s first document is no object with a kind (found by the differential test)', () => {
  it('it decodes the output as JSON: Go\'s error, the object marshalled as Go does (sorted keys, <>& escaped)', () => {
    const render = (body: string) => {
      write(body);
      return carto(['render', dir]);
    };
    const noKind = render('apiVersion: v1\nmetadata: {generateName: x-, b: "<&>", a: 1}\n');
    expect(noKind.stderr).toContain(`: error unmarshaling JSON: while decoding JSON: Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"a":1,"b":"\\u003c\\u0026\\u003e","generateName":"x-"}}'\n`);
    expect(render('--- 5\n').stderr).toContain(': error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go value of type map[string]interface {}\n');
  });
});
