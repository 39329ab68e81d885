// Differential test: generated supply chains (test/differential/gen) rendered by carto and by
// refharness — Cartographer v0.8.11's own realizer, run offline — and compared object for object,
// owner by owner (test/differential/compare.ts, with the known differences of
// known-differences.ts). `npm test` runs a fixed-seed sample when the binary is present (one
// skipped test saying why when it is not); `npm run fuzz:diff` runs many more with a new seed
// (CARTO_FUZZ_RUNS cases, CARTO_FUZZ_SEED to replay). A difference is shrunk by fast-check and
// saved as a regression fixture under test/fixtures/differential/ (under the temporary folder in
// CI), which fixtures.test.ts replays from then on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArbitrary, writeCase, type GeneratedCase } from './gen/case.js';
import { FIXTURES, saveFixture } from './fixtures.js';
import { refharnessMissing } from './refharness.js';
import { runCase, type CaseOutcome } from './run-case.js';

const MISSING = refharnessMissing();
/** Cases in `npm test`; `npm run fuzz:diff` sets CARTO_FUZZ_RUNS to the number it runs. */
const RUNS = Number(process.env['CARTO_FUZZ_RUNS'] ?? '40');
const FUZZING = process.env['CARTO_FUZZ_RUNS'] !== undefined;
const SEED = process.env['CARTO_FUZZ_SEED'] !== undefined ? Number(process.env['CARTO_FUZZ_SEED']) : FUZZING ? Date.now() ^ (Math.random() * 0x7fffffff) : 17_017;
/** Every how many cases the real binary renders too (all of them in the sample). */
const CLI_EVERY = FUZZING ? 25 : 1;
const CI = !['', 'false', '0', undefined].includes(process.env['CI']);
/** Cases shrinking may run after the first failure (each spawns refharness): then the smallest
 *  failing case so far is the one reported. */
const SHRINK_BUDGET = Number(process.env['CARTO_SHRINK_BUDGET'] ?? '200');

/** What the cases covered: a sample that stamps nothing, or never fails, tests little. */
interface Coverage {
  cases: number;
  owners: number;
  stamping: number;
  failing: number;
  ytt: number;
  refused: number;
}

function tally(coverage: Coverage, c: GeneratedCase, outcome: CaseOutcome): void {
  coverage.cases++;
  for (const owner of outcome.runs.reference.owners.values()) {
    coverage.owners++;
    if (owner.objects.length > 0) coverage.stamping++;
    if (owner.ownerError || owner.errors.size > 0) coverage.failing++;
  }
  if (c.templates.some((t) => typeof (t['spec'] as Record<string, unknown>)['ytt'] === 'string')) coverage.ytt++;
  if (outcome.runs.validated.admission.size > 0) coverage.refused++;
}

describe.skipIf(MISSING !== undefined)(`carto against Cartographer's own realizer (refharness)${MISSING ? ` (skipped: ${MISSING})` : ''}`, () => {
  it(`renders ${RUNS} generated supply chains and deliveries as the controller does (seed ${SEED})`, async () => {
    const base = mkdtempSync(join(tmpdir(), 'carto-diff-'));
    const coverage: Coverage = { cases: 0, owners: 0, stamping: 0, failing: 0, ytt: 0, refused: 0 };
    let n = 0;
    let keep = false;
    let failed = false;
    let shrinking = 0;
    /** The differences of the last failing run (a re-run may differ: Go's map order is random). */
    let lastFailure: CaseOutcome['differences'] = [];
    try {
      const property = fc.asyncProperty(caseArbitrary, async (c) => {
        // Budget spent: every smaller candidate "passes", so fast-check keeps the smallest failing one.
        if (failed && ++shrinking > SHRINK_BUDGET) return true;
        const dir = join(base, `case-${n}`);
        const { inputs, outputs } = writeCase(dir, c);
        const outcome = await runCase(inputs, outputs, { cli: !failed && n++ % CLI_EVERY === 0 });
        rmSync(dir, { recursive: true, force: true });
        if (outcome.differences.length === 0) {
          if (!failed) tally(coverage, c, outcome);
          return true;
        }
        failed = true;
        lastFailure = outcome.differences;
        return false;
      });
      const result = await fc.check(property, { numRuns: RUNS, seed: SEED, endOnFailure: false });
      if (result.failed && result.counterexample) {
        // fast-check ran the shrunk case last, or the one before it: run it again to be sure.
        const [c] = result.counterexample;
        const dir = join(base, 'shrunk');
        const { inputs, outputs } = writeCase(dir, c);
        const outcome = await runCase(inputs, outputs, { cli: true });
        if (outcome.differences.length === 0) outcome.differences.push(...lastFailure.map((d) => ({ ...d, message: `${d.message} (not on a second run of the same case)` })));
        keep = CI;
        const saved = saveFixture(CI ? base : FIXTURES, c, outcome.recorded, outcome.differences);
        expect.fail(`carto and the controller differ (seed ${SEED}, ${result.numRuns} cases, shrunk ${result.numShrinks} times); the minimal case is saved in ${saved}${CI ? ' (CI: under the temporary folder)' : ''}:\n${outcome.differences.map((d) => `  ${d.check}${d.owner ? ` ${d.owner}` : ''}: ${d.message}`).join('\n')}\nreplay: CARTO_FUZZ_SEED=${SEED} CARTO_FUZZ_RUNS=${RUNS} npm run fuzz:diff`);
      }
      if (result.failed) throw result.errorInstance ?? new Error(`the property failed without a counterexample (seed ${SEED})`);
    } finally {
      if (!keep) rmSync(base, { recursive: true, force: true });
    }
    process.stderr.write(`carto differential: ${coverage.cases} cases, ${coverage.owners} owners (${coverage.stamping} stamping, ${coverage.failing} failing), ${coverage.ytt} with ytt, ${coverage.refused} refused by a webhook\n`);
    // A generator that stops stamping, failing or reaching the webhooks would make this test pass for nothing.
    expect(coverage.stamping).toBeGreaterThan(coverage.owners / 4);
    expect(coverage.failing).toBeGreaterThan(0);
    expect(coverage.ytt).toBeGreaterThan(0);
    expect(coverage.refused).toBeGreaterThan(0);
  }, Math.max(120_000, RUNS * 3_000));
});
