// What `carto render` does differently for a large estate, tested without rendering one: its notes
// are appended one by one (a spread into push() overflowed the stack past about 120,000 owners,
// which 150,000 Workloads reached), and V8's heap is held tighter only from 50,000 documents.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { ROOT } from '../helpers/cli.js';

const v8Flags = vi.hoisted(() => [] as string[]);
vi.mock('../../src/util/builtin.js', async (original) => {
  const { builtinModule } = await original<typeof import('../../src/util/builtin.js')>();
  return { builtinModule: (name: string) => (name === 'node:v8' ? { setFlagsFromString: (flag: string) => v8Flags.push(flag) } : builtinModule(name)) };
});
const written = vi.hoisted(() => ({ out: '', err: '' }));
vi.mock('../../src/cli/io.js', () => ({ writeOut: (t: string | Uint8Array) => (written.out += String(t)), writeErr: (t: string) => (written.err += t) }));

const { heapFlagFor, runRender } = await import('../../src/cli/render.js');
const { append } = await import('../../src/util/list.js');

// what commander gives `carto render` without flags (src/cli/main.ts)
const DEFAULTS = { color: false, filename: [], setOutput: [], observed: [], dataValuesFile: [], dataValue: [], dataValueYaml: [], dataValueFile: [], namespace: 'default', missingTemplates: 'error', crds: [], output: 'yaml', workload: [] };

beforeEach(() => {
  v8Flags.length = 0;
  written.out = written.err = '';
});

describe("a large estate's notes", () => {
  it('are appended however many there are', () => {
    const note: Diagnostic = { severity: 'note', code: 'mocked-output', message: 'Workload default/app: mocked outputs: source.url' };
    const to: Diagnostic[] = [note];
    // far past where push(...more) throws "Maximum call stack size exceeded"
    append(to, new Array<Diagnostic>(500_000).fill(note));
    expect(to).toHaveLength(500_001);
  });
});

describe("a render's heap", () => {
  it('is held tighter from 50,000 input documents, not below', () => {
    expect(heapFlagFor(0)).toBeUndefined();
    expect(heapFlagFor(20)).toBeUndefined();
    expect(heapFlagFor(49_999)).toBeUndefined();
    expect(heapFlagFor(50_000)).toBe('--heap-growing-percent=50');
    expect(heapFlagFor(500_000)).toBe('--heap-growing-percent=50');
  });

  it('keeps V8 as it is for a small render', async () => {
    const code = await runRender([join(ROOT, 'examples', 'source-to-url')], DEFAULTS);
    expect(code).toBe(0);
    expect(written.out).toContain('kind: Deployment');
    expect(v8Flags).toEqual([]);
  });

  it('is held tighter for 50,000 documents', async () => {
    // a render's input documents: the example and 50,000 ConfigMaps beside it (cheap to read, no owners)
    const dir = mkdtempSync(join(tmpdir(), 'carto-estate-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'many.yaml'), Array.from({ length: 50_000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join('---\n'));
    const code = await runRender([join(ROOT, 'examples', 'source-to-url'), join(dir, 'many.yaml')], DEFAULTS);
    expect(code).toBe(0);
    expect(v8Flags).toEqual(['--heap-growing-percent=50']);
  });

  it('is held tighter by the command itself (its bundles load node:v8 then, and only then)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carto-estate-cli-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'many.yaml'), Array.from({ length: 50_000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join('---\n'));
    // loaded first: says on stderr which V8 flags carto sets
    writeFileSync(join(dir, 'flags.cjs'), "const v8 = require('node:v8'); const set = v8.setFlagsFromString; v8.setFlagsFromString = (f) => { process._rawDebug('V8 FLAG ' + f); set(f); };");
    const run = (...inputs: string[]) => spawnSync(process.execPath, ['-r', join(dir, 'flags.cjs'), join(ROOT, 'bin', 'carto.js'), 'render', ...inputs.flatMap((i) => ['-f', i])], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
    const large = run(join(ROOT, 'examples', 'source-to-url'), join(dir, 'many.yaml'));
    expect(large.stderr).not.toContain('internal error');
    expect(large.status).toBe(0);
    expect(large.stderr).toContain('V8 FLAG --heap-growing-percent=50');
    const small = run(join(ROOT, 'examples', 'source-to-url'));
    expect(small.status).toBe(0);
    expect(small.stderr).not.toContain('V8 FLAG');
  });
});
