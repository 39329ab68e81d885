// `npm run fuzz`: the property-based tests and the fast reader's differential test with many more
// cases than `npm test` runs, and a fresh random seed each time (printed by fast-check on a
// failure; CARTO_FUZZ_SEED=<seed> replays it). CARTO_FUZZ_RUNS is the multiplier (default 25).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = [
  'test/jsonpath/properties.test.ts',
  'test/stamp/properties.test.ts',
  'test/yaml/properties.test.ts',
  'test/ytt/properties.test.ts',
  'test/yaml/fastparse-diff.test.ts',
];
const runs = process.env.CARTO_FUZZ_RUNS ?? '25';
console.error(`carto fuzz: ${runs}x the cases of npm test${process.env.CARTO_FUZZ_SEED ? `, seed ${process.env.CARTO_FUZZ_SEED}` : ''}`);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', ...files, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CARTO_FUZZ_RUNS: runs },
});
process.exit(result.status ?? 1);
