// Regression fixtures of the differential test: a case that made carto and refharness differ,
// shrunk by fast-check and saved under test/fixtures/differential/<name>/ with what refharness
// printed for it (so the replay needs no binary):
//   inputs/*.yaml, outputs.yaml        the case, as both tools read it
//   refharness.yaml, refharness.stderr  refharness with validation (stdout, stderr)
//   no-validate.yaml, no-validate.stderr  without validation, when a webhook refused something
//   fixture.yaml                       {found: what differed, knownBug? or knownDifference?: a KNOWN_DIFFERENCES name}
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from '../helpers/cli.js';
import { caseFiles, type GeneratedCase } from './gen/case.js';
import type { Difference } from './compare.js';
import type { Recorded } from './run-case.js';

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'differential');

export interface Fixture {
  name: string;
  dir: string;
  inputs: string;
  outputs?: string;
  recorded: Recorded;
  found: string;
  /** The known difference this fixture shows (a known bug: carto still differs here). */
  knownBug?: string;
  /** A deliberate difference or reference limit that accounts for this fixture (it must be needed). */
  knownDifference?: string;
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** The fixtures in the repository, by name. */
export function loadFixtures(): Fixture[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, name);
      const meta = parse(read(dir, 'fixture.yaml')) as { found: string; knownBug?: string; knownDifference?: string };
      const run = (stem: string) => ({ status: 0, stdout: read(dir, `${stem}.yaml`), stderr: read(dir, `${stem}.stderr`) });
      const recorded: Recorded = existsSync(join(dir, 'no-validate.yaml')) ? { validated: run('refharness'), reference: run('no-validate') } : { validated: run('refharness') };
      return {
        name, dir, inputs: join(dir, 'inputs'), recorded, found: meta.found,
        ...(existsSync(join(dir, 'outputs.yaml')) ? { outputs: join(dir, 'outputs.yaml') } : {}),
        ...(meta.knownBug ? { knownBug: meta.knownBug } : {}),
        ...(meta.knownDifference ? { knownDifference: meta.knownDifference } : {}),
      };
    });
}

/** Writes a case and what refharness printed for it as a fixture; returns its directory. */
export function saveFixture(base: string, c: GeneratedCase, recorded: Recorded, differences: readonly Difference[]): string {
  const files = caseFiles(c);
  const hash = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 8);
  const dir = join(base, `${differences[0]?.check ?? 'case'}-${hash}`);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  writeFileSync(join(dir, 'refharness.yaml'), recorded.validated.stdout);
  writeFileSync(join(dir, 'refharness.stderr'), recorded.validated.stderr);
  if (recorded.reference) {
    writeFileSync(join(dir, 'no-validate.yaml'), recorded.reference.stdout);
    writeFileSync(join(dir, 'no-validate.stderr'), recorded.reference.stderr);
  }
  const found = differences.map((d) => `${d.check}${d.owner ? ` (${d.owner})` : ''}: ${d.message}`).join('\n');
  writeFileSync(join(dir, 'fixture.yaml'), stringify({ found }, { lineWidth: 0 }));
  return dir;
}
