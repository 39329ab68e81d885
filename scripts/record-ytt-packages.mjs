// Records what the real ytt prints for the ytt package cases under test/fixtures/ytt-packages/
// (or for the case directories given as arguments), so the tests can compare `carto ytt` with it.
//
// A case is a directory holding its input files, `args` (ytt's arguments, one per line, paths
// relative to the case directory) and optionally `stdin` (fed to ytt's standard input). This
// writes `expected.stdout`, `expected.stderr` and `expected.exit` next to them.
//
//   node scripts/record-ytt-packages.mjs [CASE_DIR…]
//   YTT=/path/to/ytt node scripts/record-ytt-packages.mjs   (default: ../shared/tools/ytt-0.45.9/ytt)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ytt = process.env.YTT ?? resolve(root, '../shared/tools/ytt-0.45.9/ytt');
const fixtures = join(root, 'test/fixtures/ytt-packages');

if (!existsSync(ytt)) {
  console.error(`record-ytt-packages: no ytt binary at ${ytt} (set YTT=/path/to/ytt 0.45.9)`);
  process.exit(2);
}

const cases = process.argv.length > 2 ? process.argv.slice(2).map((d) => resolve(d)) : listCases();
for (const dir of cases) {
  const r = runYtt(dir);
  writeFileSync(join(dir, 'expected.stdout'), r.stdout);
  writeFileSync(join(dir, 'expected.stderr'), r.stderr);
  writeFileSync(join(dir, 'expected.exit'), `${r.status}\n`);
  console.log(`${r.status === 0 ? 'ok  ' : 'fail'} ${dir.slice(root.length)}`);
}

function listCases() {
  return readdirSync(fixtures)
    .map((name) => join(fixtures, name))
    .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, 'args')))
    .sort();
}

/** Runs ytt on a case as the tests run carto: in the case directory, with its args and stdin. */
function runYtt(dir) {
  const args = readFileSync(join(dir, 'args'), 'utf8').split('\n').filter((l) => l !== '');
  const stdinFile = join(dir, 'stdin');
  const input = existsSync(stdinFile) ? readFileSync(stdinFile) : '';
  const r = spawnSync(ytt, args, { cwd: dir, input, encoding: 'utf8', env: { ...process.env, YTTEXPERIMENTS: '' } });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
