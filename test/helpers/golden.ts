// Test helper: compares text with a reviewed golden file under test/golden/. Regenerate goldens
// only after reading the diff: CARTO_UPDATE_GOLDEN=1 npx vitest run <test file>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './cli.js';

export function expectGolden(relative: string, actual: string): void {
  const file = join(ROOT, 'test/golden', relative);
  if (process.env['CARTO_UPDATE_GOLDEN']) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
