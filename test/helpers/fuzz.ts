// Settings for property-based tests (fast-check). `npm test` runs a small, fixed number of cases
// with a fixed seed, so it is fast and deterministic; `npm run fuzz` sets CARTO_FUZZ_RUNS (a
// multiplier, as in test/yaml/fastparse-diff.test.ts) and a random seed, printed on failure
// (CARTO_FUZZ_SEED replays one).
import type { Parameters } from 'fast-check';

const multiplier = Number(process.env['CARTO_FUZZ_RUNS'] ?? '1');
const fuzzing = multiplier > 1;
const seed = process.env['CARTO_FUZZ_SEED'] !== undefined ? Number(process.env['CARTO_FUZZ_SEED']) : fuzzing ? Date.now() ^ (Math.random() * 0x7fffffff) : 20_261_124;

/** fast-check parameters: `runs` cases in `npm test`, `runs × CARTO_FUZZ_RUNS` when fuzzing. */
export function fuzz<T>(runs: number): Parameters<T> {
  return { numRuns: Math.max(1, Math.round(runs * multiplier)), seed, endOnFailure: true };
}

/** A per-test timeout that grows with the number of runs. */
export function fuzzTimeout(ms: number): number {
  return Math.max(ms, ms * multiplier);
}
