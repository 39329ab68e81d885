// Test helper: compares text with a reviewed golden file under test/golden/. Regenerate goldens
// only after reading the diff: CARTO_UPDATE_GOLDEN=1 npx vitest run <test file>. In CI (CI set,
// not empty, "false" or "0") that is refused, as `carto test --update` refuses: there a golden
// test that writes then compares would pass whatever the output. The run ends with a line
// counting the goldens written (test/setup/global.ts reads what each write logs here).
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './cli.js';

/** The file each golden write is logged to, one line each (set by the global setup). */
export const GOLDEN_LOG_ENV = 'CARTO_GOLDEN_LOG';

/** Why CARTO_UPDATE_GOLDEN may not be used in this environment, or undefined when it may. */
export function goldenUpdateRefusal(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const ci = env['CI'];
  if (!env['CARTO_UPDATE_GOLDEN'] || ci === undefined || ci === '' || ci === 'false' || ci === '0') return undefined;
  return `CARTO_UPDATE_GOLDEN: CI=${ci} says this is a CI run, where goldens are checked, not rewritten; unset CARTO_UPDATE_GOLDEN (or CI, on your own machine)`;
}

export function expectGolden(relative: string, actual: string): void {
  const file = join(ROOT, 'test/golden', relative);
  if (process.env['CARTO_UPDATE_GOLDEN']) writeGolden(file, relative, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

function writeGolden(file: string, relative: string, actual: string): void {
  const refusal = goldenUpdateRefusal();
  if (refusal) throw new Error(refusal);
  const changed = !existsSync(file) || readFileSync(file, 'utf8') !== actual;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, actual);
  const log = process.env[GOLDEN_LOG_ENV];
  const line = `${changed ? 'changed' : 'same'}\ttest/golden/${relative}\n`;
  if (log) appendFileSync(log, line);
  else process.stderr.write(`CARTO_UPDATE_GOLDEN wrote ${line}`);
}
