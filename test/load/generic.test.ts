// load is a generic reader: it knows no Cartographer kinds, no carto.run apiVersion, no
// carto-test.yaml. What it limits, sets aside and skips is what its caller passes in
// (ReadOptions.limited, .setAside, .skipDirectoriesHolding); carto's policies live in
// src/model/inputs.ts and src/testing and are put together in src/inputs, which every command
// (and the library's readInputs) reads through.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTrees } from '../helpers/temp-tree.js';
import { readInputs as readGeneric, type SetAsidePolicy } from '../../src/load/index.js';
import { readInputs, readRenderInputs } from '../../src/inputs/index.js';
import { CARTOGRAPHER_INPUTS, holdsCartographerObject } from '../../src/model/index.js';
import { ROOT } from '../helpers/cli.js';

const tree = tempTrees('carto-generic-');
const errorsOf = (r: { diagnostics: Array<{ severity: string; code: string; message: string }> }) =>
  r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
const workload = (name: string) => `apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: ${name}}\n`;
const BROKEN = 'a: [\n';

describe('load without policies', () => {
  it('counts no object: many Workloads are only documents, for load and for carto alike (owners are not limited in number)', async () => {
    const root = tree({ 'w.yaml': Array.from({ length: 10_001 }, (_, i) => workload(`w${i}`)).join('---\n') });
    expect(errorsOf(await readGeneric([root]))).toEqual([]);
    const read = await readInputs([root]);
    expect(errorsOf(read)).toEqual([]);
    expect(read.documents).toHaveLength(10_001);
  });

  it('sets nothing aside: a broken file under a directory is an error', async () => {
    const root = tree({ 'ok.yaml': 'kind: A\n', 'other/broken.yaml': BROKEN });
    const r = await readGeneric([root], { recursive: true });
    expect(r.setAside).toEqual([]);
    expect(errorsOf(r)).toHaveLength(1);
    expect(r.diagnostics.some((d) => d.code === 'input-set-aside')).toBe(false);
  });

  it('sets aside what the policy does without, in the policy\'s words', async () => {
    const root = tree({ 'ok.yaml': 'kind: A\n', 'other/broken.yaml': BROKEN, 'mine/broken.yaml': `# widget\n${BROKEN}` });
    const policy: SetAsidePolicy = { holdsInput: (t) => t.includes('widget'), object: 'widget', input: 'widget file' };
    const r = await readGeneric([root], { recursive: true, setAside: policy });
    expect(r.setAside.map((s) => s.file)).toEqual([join(root, 'other/broken.yaml')]);
    expect(errorsOf(r)).toHaveLength(1); // mine/broken.yaml holds a widget: its problem is an error
    const note = r.diagnostics.find((d) => d.code === 'input-set-aside');
    expect(note?.message).toBe(`set aside a file that is not a widget file and cannot be read: ${join(root, 'other/broken.yaml')}`);
    expect(note?.hint).toMatch(/^it holds no widget and changes nothing/);
  });

  it('reads a directory holding carto-test.yaml unless told to skip it', async () => {
    const root = tree({ 'app.yaml': 'kind: A\n', 'golden/carto-test.yaml': '', 'golden/expected.yaml': 'kind: Expected\n' });
    const kinds = async (r: Promise<{ documents: Array<{ value: Record<string, unknown> }> }>) => (await r).documents.map((d) => d.value['kind']);
    expect(await kinds(readGeneric([root], { recursive: true }))).toEqual(['A', 'Expected']);
    expect(await kinds(readGeneric([root], { recursive: true, skipDirectoriesHolding: ['carto-test.yaml'] }))).toEqual(['A']);
    expect(await kinds(readInputs([root], { recursive: true }))).toEqual(['A']);
  });
});

describe("carto's policies (src/model/inputs.ts)", () => {
  it('a file must be read when it holds a carto.run object, not when it only mentions carto.run', () => {
    expect(holdsCartographerObject('"apiVersion": "carto.run/v1alpha1"')).toBe(true);
    expect(holdsCartographerObject('rules:\n- apiGroups: [carto.run]\n')).toBe(false);
    expect(CARTOGRAPHER_INPUTS.holdsInput).toBe(holdsCartographerObject);
  });

  it('src/load names none of them', () => {
    const load = join(ROOT, 'src/load');
    for (const file of readdirSync(load)) {
      const code = readFileSync(join(load, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      expect(code, file).not.toMatch(/carto\.run|carto-test|'(Workload|Deliverable|Runnable)'/);
    }
  });
});

describe('readRenderInputs: what carto render and whole-chain tests read', () => {
  it('reads the inputs, the outputs file and the observed objects, with their problems in reading order', async () => {
    const root = tree({
      'in/w.yaml': workload('app'),
      'outputs.yaml': 'not: [valid\n',
      'observed/o.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: o}\n',
    });
    const r = await readRenderInputs({ inputs: [join(root, 'in')], read: {}, outputs: join(root, 'outputs.yaml'), observed: [join(root, 'observed')] });
    expect(r.documents.map((d) => d.value['kind'])).toEqual(['Workload']);
    expect(r.observed?.map((d) => d.value['kind'])).toEqual(['ConfigMap']);
    expect(r.diagnostics.map((d) => [d.severity, d.file])).toEqual([['error', join(root, 'outputs.yaml')]]);
    const none = await readRenderInputs({ inputs: [join(root, 'in')], read: {}, observed: [] });
    expect(none.outputs).toBeUndefined();
    expect(none.observed).toBeUndefined();
  });
});
