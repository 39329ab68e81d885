// Records what the real ytt prints for the data values cases under
// test/fixtures/ytt-packages/values-*/ (each a directory of input files and an `args` file, one
// ytt argument a line, run from inside the directory): expected.stdout, expected.stderr and
// expected.exit. Run it after adding or changing a case:
//   node scripts/record-ytt-values.mjs [path/to/ytt] [case-name...]
// (default binary: ../shared/tools/ytt-0.45.9/ytt). test/ytt/datavalues.test.ts compares carto
// with these recordings everywhere and, where the binary exists, the recordings with ytt.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = 'test/fixtures/ytt-packages';
const [binary = '../shared/tools/ytt-0.45.9/ytt', ...only] = process.argv.slice(2);
const ytt = resolve(binary);
if (!existsSync(ytt)) {
  console.error(`record-ytt-values: no ytt binary at ${ytt}`);
  process.exit(2);
}

/** One case's arguments: the lines of its `args` file. */
export function caseArgs(dir) {
  return readFileSync(join(dir, 'args'), 'utf8').split('\n').filter((line) => line !== '');
}

const cases = readdirSync(ROOT).filter((name) => name.startsWith('values-') && (only.length === 0 || only.includes(name)));
for (const name of cases.sort()) {
  const dir = join(ROOT, name);
  const r = spawnSync(ytt, caseArgs(dir), { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  writeFileSync(join(dir, 'expected.stdout'), r.stdout);
  writeFileSync(join(dir, 'expected.stderr'), r.stderr);
  writeFileSync(join(dir, 'expected.exit'), `${r.status}\n`);
  console.log(`${name}: exit ${r.status}`);
}
