// The package as users install it: `npm pack` of what package.json ships, installed into a temporary
// prefix with no network, then the installed `carto` run on the bundled example. Installing prints
// no warning (no install-time script: scripts/pack-manifest.mjs strips `prepare`), adds no package
// (the runtime dependencies are bundled into dist/), and the tarball holds only what the command
// and the library need.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carto, ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'carto-install-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, timeout: 120_000 });

let tarball = '';
let files: Array<{ path: string; size: number }> = [];
beforeAll(() => {
  // What `npm pack` does in the repository, minus its prepack build (npm test has just built dist/,
  // and rebuilding it under the other tests would pull it from under them): the same manifest step.
  const pkg = join(work, 'pkg');
  for (const entry of ['package.json', 'README.md', 'bin', 'dist', 'schemas', 'scripts/pack-manifest.mjs']) cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
  const strip = spawnSync(process.execPath, ['scripts/pack-manifest.mjs', 'strip'], { cwd: pkg, encoding: 'utf8' });
  expect(strip.status).toBe(0);
  const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], pkg);
  expect(packed.status, packed.stderr).toBe(0);
  const info = JSON.parse(packed.stdout)[0];
  tarball = join(work, info.filename);
  files = info.files;
  const restore = spawnSync(process.execPath, ['scripts/pack-manifest.mjs', 'restore'], { cwd: pkg, encoding: 'utf8' });
  expect(restore.status).toBe(0);
  expect(readFileSync(join(pkg, 'package.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'package.json'), 'utf8'));
}, 120_000);

describe('the installed package', () => {
  it('holds bin, dist, schemas, README and package.json only, and stays small', () => {
    const tops = [...new Set(files.map((f) => f.path.split('/')[0]))].sort();
    expect(tops).toEqual(['README.md', 'bin', 'dist', 'package.json', 'schemas']);
    // No source maps, no TypeScript sources (declarations aside), no tests; the V8 code caches of the
    // Node that built it (named for it) ship, for users on that Node.
    expect(files.filter((f) => /\.(map|ts)$/.test(f.path) && !f.path.endsWith('.d.ts'))).toEqual([]);
    const cacheNodes = new Set(files.filter((f) => f.path.endsWith('.cache')).map((f) => /\.node-(v[\d.]+)\.cache$/.exec(f.path)?.[1]));
    expect([...cacheNodes].every((v) => v !== undefined) && cacheNodes.size <= 1).toBe(true);
    // The caches are measured apart: their size is V8's, and grows with the Node that built them
    // (Node 24's are about a tenth larger than Node 20's).
    const sum = (fs: typeof files) => fs.reduce((n, f) => n + f.size, 0);
    expect(sum(files.filter((f) => !f.path.endsWith('.cache')))).toBeLessThan(9 * 1024 * 1024);
    expect(sum(files.filter((f) => f.path.endsWith('.cache')))).toBeLessThan(6 * 1024 * 1024);
  });

  it('ships a package.json without install-time scripts or runtime dependencies', () => {
    const manifest = JSON.parse(spawnSync('tar', ['xzf', tarball, '-O', 'package/package.json'], { encoding: 'utf8' }).stdout);
    expect(Object.keys(manifest.scripts ?? {}).filter((s) => /^(pre|post)?(install|prepare)$/.test(s))).toEqual([]);
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.engines.node).toBe('^20.0.0 || ^22.0.0 || ^24.0.0');
  });

  it('installs without a warning and renders the bundled example as the clone does', () => {
    const prefix = join(work, 'prefix');
    const installed = npm(['install', '--global', '--prefix', prefix, '--offline', tarball], work);
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stderr).not.toMatch(/warn/i);
    expect(installed.stdout).toMatch(/added 1 package/);
    const example = join(ROOT, 'examples', 'source-to-url');
    const run = spawnSync(join(prefix, 'bin', 'carto'), ['render', '-f', example], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CARTO_CACHE_DIR: join(work, 'cache') } });
    const clone = carto(['render', '-f', example]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(clone.stdout);
    expect(run.stderr).toBe(clone.stderr);
  }, 120_000);
});
