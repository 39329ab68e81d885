// `npm run fuzz:diff`: the differential test against refharness (Cartographer v0.8.11's own
// realizer) with many generated cases and a fresh random seed each time. CARTO_FUZZ_RUNS is the
// number of cases (default 2,000); CARTO_FUZZ_SEED=<seed> replays a run (the seed is in the
// test's name and in a failure's message). A difference is shrunk and saved under
// test/fixtures/differential/.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = process.env.CARTO_FUZZ_RUNS ?? '2000';
console.error(`carto fuzz:diff: ${runs} cases${process.env.CARTO_FUZZ_SEED ? `, seed ${process.env.CARTO_FUZZ_SEED}` : ''}`);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', 'test/differential/refharness.test.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CARTO_FUZZ_RUNS: runs },
});
process.exit(result.status ?? 1);
