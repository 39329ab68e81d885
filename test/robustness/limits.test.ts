// Each of carto's limits (src/util/limits.ts), exercised with small values so that going one past
// a limit takes a few bytes instead of megabytes: the limit is reported with a clear message (and
// the right code), and exactly at the limit everything still works. The CLI corpus
// (corpus.test.ts) checks the real values end to end where a small file can reach them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/util/limits.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/util/limits.js')>()),
  MAX_FILE_BYTES: 2_000,
  MAX_TOTAL_BYTES: 5_000,
  MAX_DOCUMENTS: 6,
  MAX_OWNERS: 3,
  MAX_DEPTH: 10,
  MAX_ALIAS_NODES: 50,
  MAX_STRING: 100,
  MAX_REINTERPOLATION: 5,
  MAX_SUBSTITUTIONS: 200,
  MAX_OBJECTS: 4,
  MAX_OUTPUT: 3_000,
  YTT_MAX_STEPS: 20_000,
  YTT_TOTAL_STEPS: 60_000,
}));

const { readInputs, parseText } = await import('../../src/load/index.js');
const { render } = await import('../../src/render/index.js');
const { formatJsonList, formatYamlStream, planDirectory } = await import('../../src/emit/index.js');
const { interpolateTemplate } = await import('../../src/stamp/interpolate.js');
const { budgetedBuiltinYtt } = await import('../../src/stamp/ytt-builtin.js');
const { evaluateYttFile } = await import('../../src/load/ytt-files.js');
type GoValue = import('../../src/jsonpath/index.js').GoValue;

const dir = mkdtempSync(join(tmpdir(), 'carto-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string): string {
  const path = join(dir, `f${n++}.yaml`);
  writeFileSync(path, text);
  return path;
}

const workload = (name: string) => `apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: ${name}, namespace: dev, labels: {app: x}}\n`;
const CHAIN = `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: chain}
spec:
  selector: {app: x}
  resources:
  - name: config
    templateRef: {kind: ClusterTemplate, name: config}
---
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: config}
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: $(workload.metadata.name)$}
    data: {a: "0123456789012345678901234567890123456789"}
`;
const errorsOf = (r: { diagnostics: Array<{ severity: string; code: string; message: string }> }) =>
  r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);

describe('input size', () => {
  it('a file up to MAX_FILE_BYTES is read; one byte more is an input-limit error', async () => {
    const exact = file(`# ${'x'.repeat(2_000 - 3)}\n`);
    expect(errorsOf(await readInputs([exact]))).toEqual([]);
    const over = file(`# ${'x'.repeat(2_000 - 2)}\n`);
    expect(errorsOf(await readInputs([over]))).toEqual([expect.stringMatching(/^input-limit: .* is larger than carto's limit of 2000 bytes for one file$/)]);
  });

  it('all inputs together: one message at MAX_TOTAL_BYTES, and nothing more is read', async () => {
    const files = Array.from({ length: 4 }, () => file(`# ${'x'.repeat(1_500)}\n`));
    const r = await readInputs(files);
    expect(errorsOf(r)).toEqual([expect.stringContaining("the inputs are larger than carto's limit of 5000 bytes together")]);
  });
});

describe('documents and owners', () => {
  it('MAX_DOCUMENTS documents are read; one more is an error', async () => {
    const docs = (k: number) => Array.from({ length: k }, (_, i) => `kind: X\nmetadata: {name: d${i}}\n`).join('---\n');
    expect(errorsOf(await readInputs([file(docs(6))]))).toEqual([]);
    expect(errorsOf(await readInputs([file(docs(7))]))).toEqual(["input-limit: the inputs hold more than carto's limit of 6 documents"]);
  });

  it('MAX_OWNERS Workloads are read; one more is an error, counted over all files', async () => {
    expect(errorsOf(await readInputs([file([1, 2, 3].map((i) => workload(`w${i}`)).join('---\n'))]))).toEqual([]);
    const r = await readInputs([file(workload('a') + '---\n' + workload('b')), file(workload('c') + '---\n' + workload('d'))]);
    expect(errorsOf(r)).toEqual(["input-limit: the inputs hold more than carto's limit of 3 Workloads, Deliverables and Runnables"]);
  });
});

describe('YAML: nesting, aliases, string length', () => {
  const nested = (k: number) => `v: ${'['.repeat(k)}${']'.repeat(k)}\n`;
  it('nesting up to MAX_DEPTH is read, by the fast reader and the yaml package alike', () => {
    expect(parseText(nested(9), 'f').diagnostics).toEqual([]);
    expect(parseText(`a: &x 1\n${nested(9)}`, 'f').diagnostics).toEqual([]);
  });
  it('one level more is an error naming the limit, by either reader', () => {
    for (const text of [nested(10), `a: &x 1\n${nested(10)}`, `v:\n${'- '.repeat(10)}x\n`]) {
      expect(parseText(text, 'f').diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual(["input-limit: maps and lists nest deeper than carto's limit of 10 levels"]);
    }
  });
  it('counts the levels an alias brings in', () => {
    const text = `a: &x ${'['.repeat(5)}${']'.repeat(5)}\nb: ${'['.repeat(5)}*x ${']'.repeat(5)}\n`;
    expect(parseText(text, 'f').diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('aliases expanded')]);
  });
  it('aliases may add up to MAX_ALIAS_NODES nodes', () => {
    const list = '[1, 2, 3, 4]'; // 5 nodes
    expect(parseText(`a: &x ${list}\nb: [${Array(10).fill('*x').join(', ')}]\n`, 'f').diagnostics).toEqual([]);
    expect(parseText(`a: &x ${list}\nb: [${Array(11).fill('*x').join(', ')}]\n`, 'f').diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining("excessive aliasing: its aliases expand to more than carto's limit of 50 nodes"),
    ]);
  });
  it('strings up to MAX_STRING characters, plain, quoted or block', () => {
    for (const k of [100, 101]) {
      const s = 'y'.repeat(k);
      for (const text of [`v: ${s}\n`, `v: "${s}"\n`, `v: '${s}'\n`, `v: |-\n  ${s}\n`]) {
        const messages = parseText(text, 'f').diagnostics.map((d) => d.message);
        expect(messages).toEqual(k <= 100 ? [] : [expect.stringContaining("a string is longer than carto's limit of 100 characters")]);
      }
    }
  });
});

describe('interpolation', () => {
  const context = (value: unknown) => ({ params: { v: value }, workload: {} }) as unknown as GoValue;
  it('a string that would grow past MAX_STRING is an error, not a crash', () => {
    const ok = interpolateTemplate({ a: '$(params.v)$$(params.v)$' }, context('x'.repeat(50)), 'current');
    expect(ok.errors).toEqual([]);
    const over = interpolateTemplate({ a: '$(params.v)$$(params.v)$-' }, context('x'.repeat(50)), 'current');
    expect(over.errors.map((e) => e.reason)).toEqual(["the text would be longer than carto's limit of 100 characters"]);
  });
  it('0.0.6: placeholders producing placeholders stop after MAX_REINTERPOLATION levels, with one error', () => {
    const r = interpolateTemplate({ a: '$(params.v)$' }, context('$(params.v)$x'), '0.0.6');
    expect(r.errors.map((e) => e.reason)).toEqual([expect.stringContaining('substituted 5 times over')]);
    const branching = interpolateTemplate({ a: '$(params.v)$' }, context({ x: '$(params.v)$-', y: '$(params.v)$+' }), '0.0.6');
    expect(branching.errors).toHaveLength(1);
  });
  it('0.0.6: a substitution that keeps expanding stops at MAX_SUBSTITUTIONS values, with one error', () => {
    // p0 is a map of eight p1s, p1 of eight p2s…: 8^4 leaves, four levels, no loop.
    const eight = (i: number) => Object.fromEntries('abcdefgh'.split('').map((k) => [k, `$(params.p${i + 1})$`]));
    const params = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`p${i}`, eight(i)]));
    const r = interpolateTemplate({ out: '$(params.p0)$' }, { params: { ...params, p4: 'leaf' } } as unknown as GoValue, '0.0.6');
    expect(r.errors.map((e) => e.reason)).toEqual([expect.stringContaining("more than carto's limit of 200 values")]);
  });
});

describe('rendering and output', () => {
  const docs = async (owners: number) => (await readInputs([file(CHAIN + Array.from({ length: owners }, (_, i) => `---\n${workload(`w${i}`)}`).join(''))])).documents;
  it('MAX_OBJECTS objects are stamped; one more stops the render with an error', async () => {
    const twoResources = CHAIN.replace(
      '  resources:\n',
      '  resources:\n  - name: first\n    templateRef: {kind: ClusterTemplate, name: config}\n',
    );
    const render2 = async (owners: number) =>
      render((await readInputs([file(twoResources + Array.from({ length: owners }, (_, i) => `---\n${workload(`w${i}`)}`).join(''))])).documents, { ownerReferences: false });
    const four = await render2(2);
    expect(errorsOf(four)).toEqual([]);
    expect(four.objects).toHaveLength(4);
    expect(errorsOf(await render2(3))).toEqual([expect.stringMatching(/^render-limit: the inputs stamp more than carto's limit of 4 objects/)]);
  });

  it('output beyond MAX_OUTPUT is an InputError for every form: stream, JSON List, directory', async () => {
    const small = render(await docs(1), { ownerReferences: false });
    expect(formatYamlStream(small.objects).length).toBeLessThan(3_000);
    const big = render(await docs(3), { ownerReferences: false });
    const objects = [...big.objects, ...big.objects, ...big.objects, ...big.objects, ...big.objects, ...big.objects];
    for (const format of [formatYamlStream, formatJsonList, planDirectory] as Array<(o: typeof objects) => unknown>) {
      expect(() => format(objects)).toThrowError(expect.objectContaining({ name: 'InputError', message: expect.stringContaining("the output would be larger than carto's limit of 3000 bytes") }));
    }
  });
});

describe('the built-in ytt engine', () => {
  const spin = '#@ def spin():\n#@   n = 0\n#@   for i in range(1000000000):\n#@     n = n + 1\n#@   end\n#@   return n\n#@ end\nv: #@ spin()\n';
  it('a runaway template stops at YTT_MAX_STEPS; after the render budget is spent, templates are not run', () => {
    const ytt = budgetedBuiltinYtt(50_000);
    const first = ytt(spin, []);
    const second = ytt(spin, []);
    const third = ytt(spin, []); // the 10,000 steps left
    const fourth = ytt('v: 1\n', []);
    expect([first, second, third].map((r) => !r.ok && r.detail)).toEqual([
      'Starlark computation cancelled: too many steps (limit 20000)',
      'Starlark computation cancelled: too many steps (limit 20000)',
      'Starlark computation cancelled: too many steps (limit 10000)',
    ]);
    expect(fourth.ok === false && fourth.detail).toContain("not run: the ytt templates of this render already used carto's budget of 50000 steps");
  });
  it('input files that are ytt templates: YTT_MAX_STEPS each, YTT_TOTAL_STEPS for all of one run', () => {
    const values = [{ name: 'values.yaml', text: '#@data/values\n---\nx: 1\n' }];
    const runs = [1, 2, 3, 4].map((i) => evaluateYttFile({ name: `f${i}.yaml`, text: spin }, values));
    expect(runs.map((r) => !r.ok && r.message.split('\n')[1])).toEqual([
      '- Starlark computation cancelled: too many steps (limit 20000)',
      '- Starlark computation cancelled: too many steps (limit 20000)',
      '- Starlark computation cancelled: too many steps (limit 20000)',
      "- not run: the ytt input files of this run already used carto's budget of 60,000 steps in all (a file that runs away uses up the budget of the others)",
    ]);
    // another run (another list of data values files) has its own budget
    const other = evaluateYttFile({ name: 'f.yaml', text: 'v: 1\n' }, [...values]);
    expect(other).toEqual({ ok: true, text: 'v: 1\n' });
  });
  it('building large values costs steps: a list of a million items is refused before it is built twice', () => {
    const ytt = budgetedBuiltinYtt();
    const r = ytt('v: #@ [list(range(1000000)) for i in range(10)]\n', []);
    expect(r.ok === false && r.detail).toBe('Starlark computation cancelled: too many steps (limit 20000)');
  });
});
