// Verification vectors: real templates run by the real ytt 0.45 (stdout or stderr
// recorded). The data lives outside the repository (third-party templates) and is
// read at run time; the suite is skipped when the folder is absent.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runYtt, YttError } from '../../src/ytt/index.js';

// shared/ sits beside the repository checkout; CARTO_YTT_VECTORS (the cases/ folder) overrides it.
const CASES =
  process.env['CARTO_YTT_VECTORS'] ?? fileURLToPath(new URL('../../../shared/ytt-vectors/cases', import.meta.url));
const present = existsSync(CASES);

interface Case {
  name: string;
  template: string;
  values: Record<string, unknown>;
  expected?: string;
  expectedError?: string;
}

function loadCases(): Case[] {
  return readdirSync(CASES)
    .sort()
    .map((name) => {
      const dir = join(CASES, name);
      const c: Case = {
        name,
        template: readFileSync(join(dir, 'template.ytt.yaml'), 'utf8'),
        values: JSON.parse(readFileSync(join(dir, 'values.json'), 'utf8')) as Record<string, unknown>,
      };
      if (existsSync(join(dir, 'expected.yaml'))) c.expected = readFileSync(join(dir, 'expected.yaml'), 'utf8');
      else c.expectedError = readFileSync(join(dir, 'expected-error.txt'), 'utf8');
      return c;
    });
}

function run(c: Case): { text: string } {
  // one --data-value-yaml flag per top-level key, in sorted order (as the vectors were made)
  const dataValues = Object.keys(c.values).sort().map((key) => ({ key, value: c.values[key] }));
  return runYtt([{ name: 'stdin.yml', text: c.template }], { dataValues });
}

const asData = (s: string): unknown => parseAllDocuments(s).map((d) => d.toJS());

if (!present) {
  describe.skip(`ytt engine vectors (skipped: no ytt vectors at ${CASES}; set CARTO_YTT_VECTORS to their cases/ folder)`, () => {
    it('needs the vectors', () => {});
  });
} else {
  const cases = loadCases();
  describe('ytt vectors: success cases', () => {
    for (const c of cases.filter((x) => x.expected !== undefined)) {
      it(c.name, () => {
        const out = run(c);
        expect(asData(out.text)).toEqual(asData(c.expected!));
        expect(out.text).toBe(c.expected);
      });
    }
  });
  describe('ytt vectors: error cases', () => {
    for (const c of cases.filter((x) => x.expectedError !== undefined)) {
      it(c.name, () => {
        let err: unknown = null;
        try {
          run(c);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(YttError);
        const e = err as YttError;
        expect(e.text.split('\n')[1]).toBe(c.expectedError!.split('\n')[1]);
        expect(e.text).toBe(c.expectedError);
      });
    }
  });
}
