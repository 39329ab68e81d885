// The suite's own safeguards: a clone without ../shared/ytt-vectors shows each vector suite as a
// skipped test that says why (not zero tests); CARTO_UPDATE_GOLDEN is refused in CI; a dist/
// older than the source it is built from is noticed (test/setup/global.ts rebuilds it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { expectGolden, goldenUpdateRefusal } from './helpers/golden.js';
import { repoFiles } from './helpers/repo-files.js';
import { staleBecause } from './setup/global.js';

/** The helper itself, and this file (which names what it looks for). */
const EXEMPT = ['test/helpers/ytt-vectors.ts', 'test/safeguards.test.ts'];
const testSources = repoFiles(join(ROOT, 'test'), /\.ts$/)
  .map((f) => relative(ROOT, f))
  .filter((f) => !EXEMPT.includes(f));
/** Test files that read the vectors, found by what they import. */
const vectorSuites = testSources.filter((f) => f.endsWith('.test.ts') && readFileSync(join(ROOT, f), 'utf8').includes("/helpers/ytt-vectors.js'"));

describe('without ../shared/ytt-vectors', () => {
  it('every reader of the vectors goes through the helper', () => {
    const direct = testSources.filter((f) => /CARTO_YTT_VECTORS|shared', 'ytt-vectors|shared\/ytt-vectors\/cases/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(direct).toEqual([]);
    expect(vectorSuites.length).toBeGreaterThanOrEqual(6);
  });

  it('each vector suite is a skipped test that names the missing folder', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'carto-vectors-')), 'report.json');
    const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    const r = spawnSync(process.execPath, [vitest, 'run', ...vectorSuites, '-t', 'ytt-vectors not found', '--reporter=json', `--outputFile=${out}`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CARTO_YTT_VECTORS: join(tmpdir(), 'carto-no-vectors-here') },
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('carto tests: the ytt vector suites are skipped (../shared/ytt-vectors not found');
    const report = JSON.parse(readFileSync(out, 'utf8')) as { testResults: Array<{ name: string; assertionResults: Array<{ title: string; status: string }> }> };
    rmSync(join(out, '..'), { recursive: true, force: true });
    for (const suite of vectorSuites) {
      const file = report.testResults.find((t) => relative(ROOT, t.name) === suite);
      const named = file?.assertionResults.filter((a) => a.title.includes('(../shared/ytt-vectors not found: no cases at ')) ?? [];
      expect(named.length, suite).toBeGreaterThan(0);
      expect(named.map((a) => a.status), suite).toEqual(named.map(() => 'skipped'));
    }
  }, 120_000);
});

describe('CARTO_UPDATE_GOLDEN', () => {
  const saved = { update: process.env['CARTO_UPDATE_GOLDEN'], ci: process.env['CI'] };
  afterEach(() => {
    for (const [key, value] of [['CARTO_UPDATE_GOLDEN', saved.update], ['CI', saved.ci]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('is refused when CI says so, as carto test --update refuses', () => {
    expect(goldenUpdateRefusal({ CARTO_UPDATE_GOLDEN: '1', CI: 'true' })).toMatch(/^CARTO_UPDATE_GOLDEN: CI=true says this is a CI run/);
    expect(goldenUpdateRefusal({ CARTO_UPDATE_GOLDEN: '1', CI: '1' })).toBeDefined();
    for (const ci of [undefined, '', 'false', '0']) expect(goldenUpdateRefusal({ CARTO_UPDATE_GOLDEN: '1', CI: ci }), String(ci)).toBeUndefined();
    expect(goldenUpdateRefusal({ CI: 'true' })).toBeUndefined();
  });

  it('a golden test under CI with it set fails, and writes nothing', () => {
    const golden = readdirSync(join(ROOT, 'test/golden')).find((f) => f.endsWith('.yaml'))!;
    const before = readFileSync(join(ROOT, 'test/golden', golden), 'utf8');
    process.env['CARTO_UPDATE_GOLDEN'] = '1';
    process.env['CI'] = 'true';
    expect(() => expectGolden(golden, 'not the golden\n')).toThrow(/CI=true says this is a CI run/);
    expect(readFileSync(join(ROOT, 'test/golden', golden), 'utf8')).toBe(before);
  });
});

describe('a stale dist/', () => {
  it('is noticed: missing, or older than a file under src/ or a build script', () => {
    const root = mkdtempSync(join(tmpdir(), 'carto-stale-'));
    try {
      expect(staleBecause(root)).toBe('dist/cli.cjs is missing');
      mkdirSync(join(root, 'dist'));
      mkdirSync(join(root, 'src/deep'), { recursive: true });
      mkdirSync(join(root, 'scripts'));
      for (const f of ['src/deep/a.ts', 'scripts/build.mjs', 'dist/cli.cjs', 'dist/index.js']) writeFileSync(join(root, f), '');
      const at = (f: string, seconds: number) => utimesSync(join(root, f), seconds, seconds);
      at('src/deep/a.ts', 1_000);
      at('scripts/build.mjs', 1_000);
      at('dist/cli.cjs', 2_000);
      at('dist/index.js', 2_000);
      expect(staleBecause(root)).toBeUndefined();
      at('src/deep/a.ts', 3_000);
      expect(staleBecause(root)).toBe('src/deep/a.ts is newer than dist/cli.cjs');
      at('src/deep/a.ts', 1_000);
      at('scripts/build.mjs', 3_000);
      expect(staleBecause(root)).toBe('scripts/build.mjs is newer than dist/cli.cjs');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
