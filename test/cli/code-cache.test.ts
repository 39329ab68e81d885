// bin/carto.js on a Node that did not build carto: the shipped V8 code caches are named for the
// Node that made them, so it keeps caches of its own in the user's cache directory — written by
// the first run, read (not rewritten) by the next, and never a reason to fail.
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const copy = mkdtempSync(join(tmpdir(), 'carto-cache-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

// A copy of the command without its shipped caches: what another Node sees.
cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true, filter: (f) => !f.endsWith('.cache') });
cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));

function run(cacheDir: string) {
  return spawnSync(process.execPath, [join(copy, 'bin', 'carto.js'), 'render', '-f', join(ROOT, 'examples', 'source-to-url')], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CARTO_CACHE_DIR: cacheDir, CARTO_CODE_CACHE: '' },
  });
}

const cachesIn = (dir: string): string[] => {
  const nodeDir = join(dir, 'carto', `node-${process.version}-${process.arch}`);
  try {
    return readdirSync(nodeDir).map((f) => join(nodeDir, f)).sort();
  } catch {
    return [];
  }
};

describe('code caches of a Node that did not build carto', () => {
  const expected = spawnSync(process.execPath, [join(ROOT, 'bin', 'carto.js'), 'render', '-f', join(ROOT, 'examples', 'source-to-url')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('are written by the first run, one per bundle it loaded, and only read by the next', () => {
    const dir = join(copy, 'cache');
    const first = run(dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(expected.stdout);
    const written = cachesIn(dir);
    // cli, render and the shared YAML bundle at least
    expect(written.length).toBeGreaterThanOrEqual(3);
    const times = written.map((f) => statSync(f).mtimeMs);
    const second = run(dir);
    expect(second.stdout).toBe(expected.stdout);
    expect(second.stderr).toBe(first.stderr);
    expect(cachesIn(dir)).toEqual(written);
    expect(cachesIn(dir).map((f) => statSync(f).mtimeMs)).toEqual(times);
  });

  it('replace the caches of an earlier build of the same bundle', () => {
    const dir = join(copy, 'cache-rebuilt');
    run(dir);
    const before = cachesIn(dir);
    // A rebuild: same path, new mtime.
    const cli = join(copy, 'dist', 'cli.cjs');
    const now = new Date(Date.now() + 5000);
    utimesSync(cli, now, now);
    run(dir);
    const after = cachesIn(dir);
    expect(after).toHaveLength(before.length);
    expect(after).not.toEqual(before);
  });

  it('cost nothing but speed when they cannot be written', () => {
    // A file where the directory should be (a read-only home would do, but tests may run as root).
    const notADirectory = join(copy, 'package.json');
    const result = run(notADirectory);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
    expect(result.stderr).toBe(expected.stderr);
    expect(statSync(notADirectory).isFile()).toBe(true);
  });
});
