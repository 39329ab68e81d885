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
  MAX_DEPTH: 10,
  MAX_ALIAS_NODES: 50,
  MAX_STRING: 100,
  MAX_REINTERPOLATION: 5,
  MAX_SUBSTITUTIONS: 200,
  MAX_OBJECTS: 4,
  MAX_OBJECT_SUBSTITUTION: 100_000,
  MAX_OWNER_SUBSTITUTION: 200_000,
  MAX_RENDER_SUBSTITUTION: 250_000,
  MAX_OUTPUT: 3_000,
  YTT_MAX_STEPS: 20_000,
  YTT_TOTAL_STEPS: 60_000,
}));

const { parseText } = await import('../../src/load/index.js');
const { readInputs } = await import('../../src/inputs/index.js');
const { flowDepthExceeded } = await import('../../src/load/checks.js');
const { certainDocuments } = await import('../../src/load/documents.js');
const { Alias } = await import('yaml');
const { render } = await import('../../src/render/index.js');
const { formatJsonList, formatYamlStream, planDirectory } = await import('../../src/emit/index.js');
const { interpolateTemplate, startOwner, substitutionBudget } = await import('../../src/stamp/interpolate.js');
const { budgetedBuiltinYtt } = await import('../../src/stamp/ytt-builtin.js');
const { evaluateYttRun, yttInputBudget } = await import('../../src/load/ytt-files.js');
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

  it('all inputs together under -R (what is read to find ytt packages counts): one message, whatever the number of files', async () => {
    const tree = mkdtempSync(join(dir, 'tree-'));
    for (let i = 0; i < 20; i++) writeFileSync(join(tree, `f${i}.yaml`), `# ${'x'.repeat(1_500)}\n`);
    for (const recursive of [true, false]) {
      const r = await readInputs([tree], { recursive });
      expect(errorsOf(r)).toEqual([expect.stringContaining("the inputs are larger than carto's limit of 5000 bytes together")]);
    }
  });
});

describe('documents and owners', () => {
  it('MAX_DOCUMENTS documents are read; one more is an error', async () => {
    const docs = (k: number) => Array.from({ length: k }, (_, i) => `kind: X\nmetadata: {name: d${i}}\n`).join('---\n');
    expect(errorsOf(await readInputs([file(docs(6))]))).toEqual([]);
    expect(errorsOf(await readInputs([file(docs(7))]))).toEqual(["input-limit: the inputs hold more than carto's limit of 6 documents"]);
  });

  it('owners have no limit of their own: as many Workloads as MAX_DOCUMENTS allows are read, over all files', async () => {
    const r = await readInputs([file(workload('a') + '---\n' + workload('b') + '---\n' + workload('c')), file(workload('d') + '---\n' + workload('e') + '---\n' + workload('f'))]);
    expect(errorsOf(r)).toEqual([]);
    expect(r.documents).toHaveLength(6);
  });
});

describe('documents: reading stops at the limit', () => {
  const syntaxError = '---\nkind: X\nbad: [\n';
  it('more than MAX_DOCUMENTS documents are refused before parsing: a later syntax error is never reached', async () => {
    const docs = Array.from({ length: 7 }, (_, i) => `kind: X\nmetadata: {name: &n d${i}}\n`).join('---\n');
    expect(errorsOf(await readInputs([file(docs + syntaxError)]))).toEqual(["input-limit: the inputs hold more than carto's limit of 6 documents"]);
    expect(parseText(docs, 'f', { maxDocuments: 6 })).toEqual({ documents: [], diagnostics: [], tooManyDocuments: true });
  });
  it('the yaml package is read document by document: a List past the limit stops the reading', async () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n${Array.from({ length: 7 }, (_, i) => `- {kind: X, metadata: {name: &n d${i}}}\n`).join('')}`;
    expect(errorsOf(await readInputs([file(list + syntaxError)]))).toEqual(["input-limit: the inputs hold more than carto's limit of 6 documents"]);
  });
  it('the count before parsing never counts what holds no object: empty documents, empty Lists, scalars in block scalars', async () => {
    const real = Array.from({ length: 6 }, (_, i) => `kind: X\nmetadata: {name: d${i}}\n`).join('---\n');
    const empty = '---\n# nothing\n---\napiVersion: v1\nkind: List\nitems: []\n---\n~\n---\n';
    const text = `${empty}${empty}${real}---\nkind: Y\nmetadata: {name: z}\ndata:\n  a: |\n    k: v\n`;
    expect(certainDocuments(text, 6)).toBeLessThanOrEqual(7);
    const r = await readInputs([file(text)]);
    expect(errorsOf(r)).toEqual(["input-limit: the inputs hold more than carto's limit of 6 documents"]);
    expect(errorsOf(await readInputs([file(`${empty}${empty}${empty}${real}`)]))).toEqual([]);
    expect(certainDocuments(`${empty}${empty}${empty}${real}`, 6)).toBe(6);
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
  it('flow nesting certainly beyond MAX_DEPTH is refused before the yaml package reads it', () => {
    // The anchor sends the text to the yaml package; the fast reader declines deep nesting too.
    const text = `a: &x 1\nb: "]]]"\nv: ${'['.repeat(11)}${']'.repeat(11)}\n`;
    expect(flowDepthExceeded(text)).toBe(text.indexOf('[') + 10);
    expect(parseText(text, 'f').diagnostics.map((d) => `${d.code}: ${d.message} (${d.line}:${d.column})`)).toEqual([
      "input-limit: maps and lists nest too deep to read (carto's limit is 10 levels) (3:14)",
    ]);
    expect(parseText(`a: &x 1\n---\nv: {k: ${'['.repeat(11)}${']'.repeat(11)}}\n`, 'f').diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('nest too deep'),
    ]);
  });
  it('the scan before parsing does not count brackets in scalars or comments, nor across documents', () => {
    const deep = '['.repeat(11);
    const texts = [
      `a: &x 1\nb: "${deep}"\nc: '${deep}'\nd: x${deep}\n# ${deep}\ne: |\n  ${deep}\nf: [x${deep.slice(1)}y]\n`.replace('f: [x[[[[[[[[[[y]', 'f: [x, y]'),
      `a: &x 1\nv: ${'['.repeat(6)}${']'.repeat(6)}\n---\nv: ${'['.repeat(6)}${']'.repeat(6)}\n`,
      `a: &x 1\nv: [${Array(20).fill('[]').join(', ')}]\n`,
      `a: &x 1\nv: [ "[[[[[[[[[[[", '[[[[[[[[[[', x # [[[[[[[[[[\n  ]\n`,
    ];
    for (const text of texts) {
      expect(flowDepthExceeded(text), text).toBe(-1);
      expect(parseText(text, 'f').diagnostics, text).toEqual([]);
    }
  });
  it('JSON is measured by a plain scan: strings skipped, escapes included, its depth exact', () => {
    const json = (depth: number, inside: string) => `{"items": ${'['.repeat(depth - 1)}"${inside}"${']'.repeat(depth - 1)}, "s": "${'{'.repeat(20)}"}`;
    expect(flowDepthExceeded(json(10, '\\"]]]]]]]'))).toBe(-1);
    expect(flowDepthExceeded(json(11, '\\"[[[[[[['))).toBe(json(11, '').indexOf('[') + 9);
    expect(parseText(json(11, 'x'), 'f.json').diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('nest too deep')]);
  });
  it('an alias refers to the closest anchor of its name before it, found in one pass', () => {
    // the length of the list Alias.resolve() is given to scan, at each call
    const scanned: number[] = [];
    const original = Alias.prototype.resolve;
    const resolve = vi.spyOn(Alias.prototype, 'resolve').mockImplementation(function (this: InstanceType<typeof Alias>, doc, ctx) {
      scanned.push((ctx as { aliasResolveCache?: unknown[] } | undefined)?.aliasResolveCache?.length ?? -1);
      return original.call(this, doc, ctx);
    });
    try {
      // &x is first five nodes, then one: twenty uses of the first would pass the limit of 50.
      const text = `a: &x [1, 2, 3, 4]\nb: &x 1\nc: [${Array(20).fill('*x').join(', ')}]\nd: *x\n`;
      const r = parseText(text, 'f');
      expect(r.diagnostics).toEqual([]);
      expect(r.documents[0]?.value).toEqual({ a: [1, 2, 3, 4], b: 1, c: Array(20).fill(1), d: 1 });
      // Alias.resolve() walks the whole document each time: never over more than the alias and
      // its target (aliasResolveCache), not once per alias over everything before it.
      expect(scanned.length).toBeGreaterThan(0);
      expect(scanned.every((n) => n === 2)).toBe(true);
      const nested = parseText(`a: &x {k: v}\nb: &y [*x, *x]\nc: &x [*y]\nd: *x\n`, 'f');
      expect(nested.documents[0]?.value).toEqual({ a: { k: 'v' }, b: [{ k: 'v' }, { k: 'v' }], c: [[{ k: 'v' }, { k: 'v' }]], d: [[{ k: 'v' }, { k: 'v' }]] });
      expect(parseText(`a: &x [1, *x]\n`, 'f').diagnostics.map((d) => d.message)).toEqual(["YAML error: anchor 'x' value contains itself"]);
      expect(parseText(`a: &x 1\nb: &x [2, *x]\n`, 'f').diagnostics.map((d) => d.message)).toEqual(["YAML error: anchor 'x' value contains itself"]);
    } finally {
      resolve.mockRestore();
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

describe('substitution', () => {
  const context = (value: unknown) => ({ params: { v: value }, workload: {} }) as unknown as GoValue;
  // A map or list counts 16 units, a scalar 1, a string its length.
  const list = (n: number) => Array.from({ length: n }, (_, i) => i); // 16 + n units
  const reasons = (r: { errors: Array<{ reason: string }> }) => r.errors.map((e) => e.reason);
  it('one object takes up to MAX_OBJECT_SUBSTITUTION units; more is one error, and the walk stops', () => {
    expect(reasons(interpolateTemplate({ a: '$(params.v)$', b: '$(params.v)$' }, context(list(49_984)), 'current'))).toEqual([]);
    const over = interpolateTemplate({ a: '$(params.v)$', b: '$(params.v)$', c: '$(params.v)$', d: '$(params.v)$' }, context(list(49_985)), 'current');
    expect(reasons(over)).toEqual([expect.stringContaining("the placeholders substitute more into this object than carto's limit allows (100,000 units")]);
    expect(over.errors[0]?.path).toEqual(['b']);
  });
  it('strings count their length', () => {
    const keys = (n: number, text: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, text]));
    const hundred = context('y'.repeat(100));
    // 1,000 strings of 100 characters: exactly the limit; one character more is over it.
    expect(reasons(interpolateTemplate(keys(1000, '$(params.v)$'), hundred, 'current'))).toEqual([]);
    const plusOne = { params: { v: 'y'.repeat(100), w: 'z' }, workload: {} } as unknown as GoValue;
    expect(reasons(interpolateTemplate({ ...keys(1000, '$(params.v)$'), more: '$(params.w)$' }, plusOne, 'current'))).toEqual([expect.stringContaining('100,000 units')]);
  });
  it('the objects of one owner share MAX_OWNER_SUBSTITUTION units; the next owner has its own', () => {
    const budget = substitutionBudget();
    const each = () => interpolateTemplate({ a: '$(params.v)$' }, context(list(40_000)), 'current', budget); // 40,016 units
    expect(Array.from({ length: 4 }, each).map(reasons)).toEqual([[], [], [], []]);
    expect(reasons(each())).toEqual([expect.stringContaining("the placeholders substitute more into the objects of this owner than carto's limit of 200,000 units")]);
    startOwner(budget);
    expect(reasons(each())).toEqual([]);
  });
  it('the objects of one render share MAX_RENDER_SUBSTITUTION units, whatever their owners', () => {
    const budget = substitutionBudget();
    const each = () => {
      startOwner(budget);
      return interpolateTemplate({ a: '$(params.v)$' }, context(list(40_000)), 'current', budget); // 40,016 units
    };
    expect(Array.from({ length: 6 }, each).map(reasons)).toEqual([[], [], [], [], [], []]);
    expect(reasons(each())).toEqual([expect.stringContaining("the placeholders of this render substitute more than carto's limit of 250,000 units in all")]);
  });
  it('0.0.6: values substituted into substituted values nest at most MAX_DEPTH levels deep', () => {
    const nest = (depth: number, leaf: string): unknown => (depth === 0 ? leaf : { n: nest(depth - 1, leaf) });
    const params = { a: nest(6, '$(params.b)$'), b: nest(6, 'end') };
    const r = interpolateTemplate({ out: '$(params.a)$' }, { params } as unknown as GoValue, '0.0.6');
    expect(reasons(r)).toEqual(["substituted values nest deeper than carto's limit of 10 levels"]);
    const shallow = interpolateTemplate({ out: '$(params.a)$' }, { params: { a: nest(4, '$(params.b)$'), b: nest(4, 'end') } } as unknown as GoValue, '0.0.6');
    expect(reasons(shallow)).toEqual([]);
  });
  it('0.0.6: a loop reached along many branches is reported once, as the controller stops at its first error', () => {
    const names = 'abcd'.split('');
    const params = Object.fromEntries(names.map((n, i) => {
      const next = `$(params.${names[(i + 1) % names.length]})$`;
      return [n, { x: next, y: next, z: [next, next] }];
    }));
    const r = interpolateTemplate({ out: '$(params.a)$' }, { params } as unknown as GoValue, '0.0.6');
    expect(reasons(r)).toEqual([expect.stringMatching(/^infinite tag loop detected: \$\(params\.a\)\$ -> /)]);
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
    expect(fourth.ok === false && fourth.detail).toContain("not run: the ytt templates of this render already used carto's budget of 50,000 steps");
  });
  it('input files that are ytt templates: YTT_MAX_STEPS each, YTT_TOTAL_STEPS for all of one run', () => {
    const values = [{ arg: 'values.yaml', files: [{ name: 'values.yaml', path: 'values.yaml', text: 'x: 1\n' }] }];
    const budget = yttInputBudget();
    const runs = [1, 2, 3, 4].map((i) => evaluateYttRun([{ name: `f${i}.yaml`, path: `f${i}.yaml`, text: spin }], { valuesFileArgs: values, flags: [], budget }));
    expect(runs.map((r) => !r.ok && r.detail.split('\n')[1])).toEqual([
      '- Starlark computation cancelled: too many steps (limit 20000)',
      '- Starlark computation cancelled: too many steps (limit 20000)',
      '- Starlark computation cancelled: too many steps (limit 20000)',
      "- not run: the ytt input files of this run already used carto's budget of 60,000 steps in all (a file that runs away uses up the budget of the others)",
    ]);
    // another command has its own budget
    const other = evaluateYttRun([{ name: 'f.yaml', path: 'f.yaml', text: 'v: 1\n' }], { valuesFileArgs: values, flags: [], budget: yttInputBudget() });
    expect(other.ok && other.documents.map((d) => d.value)).toEqual([{ v: 1 }]);
  });
  it('building large values costs steps: a list of a million items is refused before it is built twice', () => {
    const ytt = budgetedBuiltinYtt();
    const r = ytt('v: #@ [list(range(1000000)) for i in range(10)]\n', []);
    expect(r.ok === false && r.detail).toBe('Starlark computation cancelled: too many steps (limit 20000)');
  });
});
