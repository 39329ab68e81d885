// Vitest's global setup, run once per `vitest run` before any test file: the CLI tests run the
// built dist/, so a dist older than the source is rebuilt first (a bare `npx vitest run` after an
// edit would otherwise test the previous build); CARTO_UPDATE_GOLDEN is refused in CI and its
// writes are counted at the end; a missing ../shared/ytt-vectors is said once, up front.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { GOLDEN_LOG_ENV, goldenUpdateRefusal } from '../helpers/golden.js';
import { vectorCases, VECTORS_MISSING } from '../helpers/ytt-vectors.js';

/** What the build reads: a change to any of these makes dist/ stale. */
const BUILD_INPUTS = ['src', 'schemas', 'scripts/build.mjs', 'scripts/build-validators.mjs', 'scripts/lazy-child-process.cjs'];
/** What the build writes (the first is written first). */
const BUILD_OUTPUTS = ['dist/cli.cjs', 'dist/index.js'];

export default function setup(): () => void {
  const refusal = goldenUpdateRefusal();
  if (refusal) throw new Error(refusal);
  ensureFreshDist();
  if (vectorCases().length === 0) process.stderr.write(`carto tests: the ytt vector suites are skipped (${VECTORS_MISSING})\n`);
  if (!process.env['CARTO_UPDATE_GOLDEN']) return () => {};
  const dir = mkdtempSync(join(tmpdir(), 'carto-goldens-'));
  process.env[GOLDEN_LOG_ENV] = join(dir, 'written.log');
  return () => {
    reportGoldens(process.env[GOLDEN_LOG_ENV]!);
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Rebuilds dist/ (scripts/build.mjs) when it is missing or older than a file the build reads. */
function ensureFreshDist(): void {
  const newer = staleBecause(ROOT);
  if (newer === undefined) return;
  process.stderr.write(`carto tests: dist/ is stale (${newer}); rebuilding it with node scripts/build.mjs\n`);
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  } catch {
    throw new Error(`dist is stale (${newer}) and rebuilding it failed: run npm run build and read its errors`);
  }
}

/** Why `root`'s dist/ is stale, or undefined when it is newer than every build input. */
export function staleBecause(root: string): string | undefined {
  let built = Infinity;
  for (const output of BUILD_OUTPUTS) {
    const file = join(root, output);
    if (!existsSync(file)) return `${output} is missing`;
    built = Math.min(built, statSync(file).mtimeMs);
  }
  for (const input of BUILD_INPUTS) {
    const newer = newerThan(join(root, input), built);
    if (newer !== undefined) return `${relative(root, newer)} is newer than ${BUILD_OUTPUTS[0]}`;
  }
  return undefined;
}

/** The first file at or below `path` modified after `time`. */
function newerThan(path: string, time: number): string | undefined {
  if (!existsSync(path)) return undefined;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs > time ? path : undefined;
  for (const entry of readdirSync(path)) {
    const found = newerThan(join(path, entry), time);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** One line on stderr: how many goldens CARTO_UPDATE_GOLDEN wrote, and which ones it changed. */
function reportGoldens(log: string): void {
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  const changed = lines.filter((l) => l.startsWith('changed\t')).map((l) => l.slice('changed\t'.length));
  const list = changed.length > 0 ? `: ${changed.join(', ')}` : '';
  process.stderr.write(`carto tests: CARTO_UPDATE_GOLDEN wrote ${lines.length} golden file${lines.length === 1 ? '' : 's'}, ${changed.length} of them changed${list}; read the diff before committing\n`);
}
