// What a cold `carto render` pays for before its own work (README "Performance", P1): the bundles it
// needs and no others, Node's modules it uses and no others, and the shipped code caches of them all.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { isBuiltin } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'carto-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Loaded before carto: records the files it reads and, at exit, the modules Node loaded for it.
const preload = join(dir, 'record.cjs');
writeFileSync(preload, `
const fs = require('node:fs');
const before = new Set(process.moduleLoadList);
const read = [];
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) { read.push(String(file)); return readFileSync.call(this, file, ...rest); };
process.on('exit', () => fs.writeFileSync(process.env.RECORD, JSON.stringify({ read, modules: process.moduleLoadList.filter((m) => !before.has(m)) })));
`);

function record(args: string[]): { read: string[]; modules: string[]; status: number | null } {
  const out = join(dir, `${args.join('_').replace(/\W/g, '_')}.json`);
  const run = spawnSync(process.execPath, ['-r', preload, join(ROOT, 'bin', 'carto.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', RECORD: out } });
  return { ...(JSON.parse(readFileSync(out, 'utf8')) as { read: string[]; modules: string[] }), status: run.status };
}

const bundlesOf = (read: string[]) => read.filter((f) => f.endsWith('.cjs')).map((f) => f.slice(join(ROOT, 'dist').length + 1)).sort();

describe('a cold render of the source-to-url example', () => {
  const run = record(['render', '-f', join(ROOT, 'examples', 'source-to-url')]);

  it('reads the command line, the render and the YAML reader, not the yaml package', () => {
    expect(run.status).toBe(0);
    expect(bundlesOf(run.read)).toEqual(['cli.cjs', 'lazy/render.cjs', 'lazy/yaml-kit.cjs']);
    // the yaml package is a bundle of its own (the fallback of carto's reader), not part of yaml-kit's
    expect(readFileSync(join(ROOT, 'dist', 'lazy', 'yaml-kit.cjs'), 'latin1')).not.toContain('node_modules/yaml/dist/');
    expect(readFileSync(join(ROOT, 'dist', 'lazy', 'yaml-package.cjs'), 'latin1')).toContain('node_modules/yaml/dist/');
  });

  it('loads none of the Node modules it does not use', () => {
    // node:v8 brings Node's streams (only a large estate's heap flag needs it), the global
    // `performance` brings perf_hooks, node:module the ES module loader, and signal handlers a binding
    const unwanted = run.modules.filter((m) => /^NativeModule (v8|perf_hooks|module|stream|internal\/streams\/.*|internal\/modules\/esm\/.*)$|^Internal Binding signal_wrap$/.test(m));
    expect(unwanted).toEqual([]);
  });

  it('finds a shipped code cache for each bundle it reads', () => {
    for (const bundle of bundlesOf(run.read)) {
      const base = bundle.replace(/\.cjs$/, '');
      const folder = join(ROOT, 'dist', ...base.split('/').slice(0, -1));
      expect(readdirSync(folder)).toContain(`${base.split('/').at(-1)}.node-${process.version}.cache`);
    }
  });
});

describe('the bundles', () => {
  it("require only Node's own modules (bin/carto.js hands them its own require, which resolves from bin/)", () => {
    const lazy = join(ROOT, 'dist', 'lazy');
    const files = [join(ROOT, 'dist', 'cli.cjs'), ...readdirSync(lazy).filter((f) => f.endsWith('.cjs')).map((f) => join(lazy, f))];
    const required = new Set(files.flatMap((f) => [...readFileSync(f, 'latin1').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] as string)));
    expect(required.size).toBeGreaterThan(0);
    expect([...required].filter((name) => !isBuiltin(name))).toEqual([]);
  });
});

describe("a user's code cache", () => {
  it('is not served to a rebuild of the same length, path and mtime (as npm installs every release)', () => {
    // carto installed where its shipped caches are refused (none here): the user's cache is used
    const install = join(dir, 'install');
    mkdirSync(join(install, 'bin'), { recursive: true });
    mkdirSync(join(install, 'dist'), { recursive: true });
    for (const f of ['carto.js', 'package.json']) copyFileSync(join(ROOT, 'bin', f), join(install, 'bin', f));
    const cli = join(install, 'dist', 'cli.cjs');
    copyFileSync(join(ROOT, 'dist', 'cli.cjs'), cli);
    const npmTime = new Date('1985-10-26T08:15:00Z');
    utimesSync(cli, npmTime, npmTime);
    const version = () => spawnSync(process.execPath, [join(install, 'bin', 'carto.js'), '--version'], { encoding: 'utf8', env: { ...process.env, CARTO_CACHE_DIR: join(dir, 'user-cache') } }).stdout.trim();
    const before = version();
    version(); // the cache written by the first run is read
    // the next release: one digit of the version changed, restamped as the build does, one mtime
    const body = readFileSync(cli, 'latin1').replace(/\/\/ carto build [0-9a-f]+\n$/, '').replace(`"${before}"`, `"${before.slice(0, -1)}9"`);
    writeFileSync(cli, `${body}// carto build ${createHash('sha256').update(body).digest('hex').slice(0, 16)}\n`, 'latin1');
    utimesSync(cli, npmTime, npmTime);
    expect(version()).toBe(`${before.slice(0, -1)}9`);
  });
});
