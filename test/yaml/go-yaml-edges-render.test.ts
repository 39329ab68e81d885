// End to end through `carto render`: templates whose stamped field is a `|` block at the very end
// of the file, without a final newline. What the controller stamps is what the cluster holds, i.e.
// what `kubectl apply -f` sent: kubectl's reader ends every line with "\n", so the field keeps its
// newline (`|`). A ytt template is another story: a `spec.ytt: |-` string that ends in a `|` block
// without a newline is read by ytt's go-yaml, which gives that block no final newline (`|-`).
// Where kubectl and ytt are installed, the expectations are checked against them too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { carto } from '../helpers/cli.js';
import { findKubectl, YTT } from './go-yaml-edges/tools.js';

const CHAIN = `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: sc
spec:
  selector:
    app: web
  resources:
  - name: plain
    templateRef:
      kind: ClusterTemplate
      name: plain
  - name: templated
    templateRef:
      kind: ClusterTemplate
      name: templated
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: app
  namespace: dev
  labels:
    app: web
spec: {}
`;

// No final newline in either file.
const PLAIN = `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: plain
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: $(workload.metadata.name)$-plain
    data:
      script: |
        line1
        line2`;

const TEMPLATED = `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: templated
spec:
  ytt: |-
    #@ load("@ytt:data", "data")
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: #@ data.values.workload.metadata.name + "-templated"
    data:
      script: |
        line1
        line2`;

const dir = mkdtempSync(join(tmpdir(), 'carto-yaml-edges-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = { chain: join(dir, 'chain.yaml'), plain: join(dir, 'plain.yaml'), templated: join(dir, 'templated.yaml') };
writeFileSync(files.chain, CHAIN);
writeFileSync(files.plain, PLAIN);
writeFileSync(files.templated, TEMPLATED);

/** The `data:` block of the stamped object whose name ends in `suffix`. */
function stampedData(stdout: string, suffix: string): string {
  const doc = stdout.split(/^---$/m).find((d) => d.includes(`name: app-${suffix}\n`));
  return doc ? doc.slice(doc.indexOf('\ndata:\n') + 1) : '';
}

describe('carto render: a `|` block that ends the template file without a final newline', () => {
  const r = carto(['render', '-f', files.chain, '-f', files.plain, '-f', files.templated, '--no-owner-references']);

  it('renders', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('keeps the newline kubectl gives the template field (`|`)', () => {
    expect(stampedData(r.stdout, 'plain')).toBe('data:\n  script: |\n    line1\n    line2\n');
  });

  it('reads a ytt template as ytt does: the block ends the ytt text without a newline (`|-`)', () => {
    expect(stampedData(r.stdout, 'templated')).toBe('data:\n  script: |-\n    line1\n    line2\n');
  });
});

const kubectl = findKubectl();

describe.skipIf(!kubectl)(`the real tools agree ${kubectl ? '' : '(skipped: no kubectl on PATH; set CARTO_KUBECTL)'}`, () => {
  const field = (file: string, path: string): string =>
    spawnSync(kubectl!, ['annotate', '--local', '-f', file, 'x-', '-o', `jsonpath={${path}}`], { encoding: 'utf8' }).stdout;

  it('kubectl reads the plain template field with its final newline', () => {
    expect(field(files.plain, '.spec.template.data.script')).toBe('line1\nline2\n');
  });

  it.skipIf(!existsSync(YTT))(`ytt reads the template kubectl sends without it ${existsSync(YTT) ? '' : `(skipped: no ytt at ${YTT})`}`, () => {
    const ytt = field(files.templated, '.spec.ytt');
    expect(ytt.endsWith('line2')).toBe(true);
    const text = join(dir, 'spec-ytt.yaml');
    writeFileSync(text, ytt);
    const out = spawnSync(YTT, ['-f', text, '--data-value-yaml', 'workload={metadata: {name: app}}', '-o', 'json'], { encoding: 'utf8' });
    expect(JSON.parse(out.stdout)).toMatchObject({ data: { script: 'line1\nline2' } });
  });
});

describe('carto render: what kubectl refuses before reading any YAML is refused, in its words', () => {
  const workload = (lines: string[], nl: string): string =>
    ['apiVersion: carto.run/v1alpha1', 'kind: Workload', 'metadata:', '  name: app', '  namespace: dev', ...lines, '  labels:', '    app: web', 'spec: {}', ''].join(nl);

  it('a tab-only line inside a mapping (go-yaml: "found a tab character that violates indentation")', () => {
    const file = join(dir, 'tabbed.yaml');
    writeFileSync(file, workload(['\t'], '\n'));
    const r = carto(['render', '-f', files.chain, '-f', files.plain, '-f', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tabbed.yaml:6:1: YAML syntax error: found a tab character that violates indentation');
  });

  it('a document on a `---` line, in a CRLF file (kubectl: "invalid Yaml document separator")', () => {
    const file = join(dir, 'separator.yaml');
    writeFileSync(file, workload([], '\r\n') + '--- {}\r\n');
    const r = carto(['render', '-f', files.chain, '-f', files.plain, '-f', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('separator.yaml:9:4: YAML syntax error: invalid Yaml document separator: {}');
  });

  it('a CRLF file with a BOM and a `|` block last renders like its LF twin', () => {
    const file = join(dir, 'crlf.yaml');
    writeFileSync(file, '\ufeff' + PLAIN.replace(/\n/g, '\r\n'));
    const r = carto(['render', '-f', files.chain, '-f', file, '-f', files.templated, '--no-owner-references']);
    expect(r.status).toBe(0);
    expect(stampedData(r.stdout, 'plain')).toBe('data:\n  script: |\n    line1\n    line2\n');
  });
});
