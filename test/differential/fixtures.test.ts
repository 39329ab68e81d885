// The regression fixtures of the differential test (test/fixtures/differential/, see
// fixtures.ts): each case carto once rendered differently from the controller, replayed against
// what refharness printed for it — no binary needed. A fixture marked with a known bug must
// still differ (once the bug is fixed, this test says to remove the mark and the known
// difference). With the binary, the recorded output is checked to be what refharness prints.
import { describe, expect, it } from 'vitest';
import { compareCase } from './compare.js';
import { loadFixtures } from './fixtures.js';
import { KNOWN_DIFFERENCES } from './known-differences.js';
import { refharnessMissing } from './refharness.js';
import { compareWith, recordReference } from './run-case.js';

const fixtures = loadFixtures();
const MISSING = refharnessMissing();

describe('differential regression fixtures', () => {
  it('there are fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures.filter((f) => !f.knownBug).map((f) => [f.name, f] as const))('%s: carto stamps what the controller stamped', async (_name, f) => {
    const outcome = await compareWith(f.recorded, f.inputs, f.outputs, { cli: true });
    expect(outcome.differences, `first found: ${f.found}`).toEqual([]);
  });

  it.each(fixtures.filter((f) => f.knownBug).map((f) => [f.name, f] as const))('%s: still shows its known bug', async (_name, f) => {
    expect(KNOWN_DIFFERENCES.map((k) => k.name), 'the fixture names a known difference').toContain(f.knownBug);
    const outcome = await compareWith(f.recorded, f.inputs, f.outputs, { cli: false });
    expect(outcome.differences, 'the known difference accounts for it').toEqual([]);
    const without = compareCase(outcome.runs, KNOWN_DIFFERENCES.filter((k) => k.name !== f.knownBug));
    expect(without.length, `carto no longer differs here: the ${f.knownBug} bug is fixed; remove knownBug from ${f.dir}/fixture.yaml and its entry from known-differences.ts`).toBeGreaterThan(0);
  });

  it.each(fixtures.filter((f) => f.knownDifference).map((f) => [f.name, f] as const))('%s: its known difference is needed', async (_name, f) => {
    expect(KNOWN_DIFFERENCES.map((k) => k.name), 'the fixture names a known difference').toContain(f.knownDifference);
    const outcome = await compareWith(f.recorded, f.inputs, f.outputs, { cli: false });
    expect(compareCase(outcome.runs, KNOWN_DIFFERENCES.filter((k) => k.name !== f.knownDifference)).length, `without ${f.knownDifference}, carto and the controller should differ here`).toBeGreaterThan(0);
  });

  it.skipIf(MISSING !== undefined).each(fixtures.map((f) => [f.name, f] as const))(`%s: the recording is what refharness prints${MISSING ? ` (skipped: ${MISSING})` : ''}`, (_name, f) => {
    const now = recordReference(f.inputs, f.outputs);
    expect(stable(now.validated.stdout)).toBe(stable(f.recorded.validated.stdout));
    expect(refusals(now.validated.stderr)).toBe(refusals(f.recorded.validated.stderr));
    expect(now.reference && stable(now.reference.stdout)).toBe(f.recorded.reference && stable(f.recorded.reference.stdout));
  });
});

/** The webhooks' refusals on stderr (the controller's own errors may name any of several failing
 *  placeholders: Go's map order). */
function refusals(stderr: string): string {
  return stderr.split('\n').filter((l) => l.startsWith('error: admission webhook denied')).join('\n');
}

/** refharness's objects, without what changes from run to run: the random suffix the API server
 *  gives a generateName, a panic's goroutine dump; and without the statuses (their messages may name
 *  any of several failing placeholders). */
function stable(text: string): string {
  return text.replace(/---\n# refharness owner: [^\n]*\(status as Cartographer would write it\)\n(?:(?!---\n)[^]*?)(?=---\n|$)/g, '').replace(/(\w-)[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, '$1XXXXX').replace(/^(panic: .*\n)[\s\S]*/m, '$1');
}
