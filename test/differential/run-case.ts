// One case through both tools and the comparison. refharness runs with validation first; only
// when a webhook refuses something (the admission-webhooks known difference) does it run again
// without, for the objects. A recorded run (a fixture's) is compared the same way.
import { KNOWN_DIFFERENCES } from './known-differences.js';
import { compareCase, type CaseRuns, type Difference } from './compare.js';
import { renderWithCarto, renderWithCli } from './carto.js';
import { readReference, runRefharness, type RefRun } from './refharness.js';

/** What refharness printed for a case: with validation, and without when that differs. */
export interface Recorded {
  validated: RefRun;
  /** Absent when validation refused nothing (the same run). */
  reference?: RefRun;
}

export interface CaseOutcome {
  runs: CaseRuns;
  recorded: Recorded;
  differences: Difference[];
}

/** refharness on a case's files. */
export function recordReference(inputs: string, outputs: string | undefined): Recorded {
  const validated = runRefharness(inputs, outputs, true);
  const verdictsOnly = KNOWN_DIFFERENCES.some((k) => k.verdictsOnly?.(readReference(validated)));
  return verdictsOnly ? { validated, reference: runRefharness(inputs, outputs, false) } : { validated };
}

/** carto on a case's files, compared with what refharness printed for it. */
export async function compareWith(recorded: Recorded, inputs: string, outputs: string | undefined, options: { cli: boolean }): Promise<CaseOutcome> {
  const validated = readReference(recorded.validated);
  const runs: CaseRuns = {
    validated,
    reference: recorded.reference ? readReference(recorded.reference) : validated,
    carto: await renderWithCarto(inputs, outputs),
    ...(options.cli ? { cli: renderWithCli(inputs, outputs) } : {}),
  };
  return { runs, recorded, differences: compareCase(runs) };
}

/** Both tools on a case's files. */
export async function runCase(inputs: string, outputs: string | undefined, options: { cli: boolean }): Promise<CaseOutcome> {
  return compareWith(recordReference(inputs, outputs), inputs, outputs, options);
}
