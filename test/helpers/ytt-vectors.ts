// The shared ytt verification vectors (real templates run by the real ytt, kept outside the
// repository): where they are, which cases hold a given file, and how a suite that needs them
// says it was skipped. A clone without ../shared/ytt-vectors must show one counted, named skip
// per suite; `it.each([])` alone would make the suite's tests vanish without a trace.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { ROOT } from './cli.js';

/** The cases/ folder: beside the checkout, or CARTO_YTT_VECTORS. */
export const VECTORS = process.env['CARTO_YTT_VECTORS'] || join(ROOT, '..', 'shared', 'ytt-vectors', 'cases');

/** Why the vector suites did not run, as their skipped tests say it. */
export const VECTORS_MISSING = `../shared/ytt-vectors not found: no cases at ${VECTORS}; set CARTO_YTT_VECTORS to their cases/ folder`;

/** The case folders, sorted; with `file`, only those holding it. Empty when the folder is absent. */
export function vectorCases(file?: string): string[] {
  if (!existsSync(VECTORS) || !statSync(VECTORS).isDirectory()) return [];
  return readdirSync(VECTORS)
    .sort()
    .filter((c) => file === undefined || existsSync(join(VECTORS, c, file)));
}

/** describe(title, body) when there are cases; otherwise one skipped test naming the suite and why. */
export function describeVectors(title: string, cases: readonly unknown[], body: () => void): void {
  if (cases.length > 0) describe(title, body);
  else it.skip(`${title} (${VECTORS_MISSING})`, () => {});
}
