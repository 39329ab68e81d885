// Verification vectors: real templates run by the real ytt 0.45 (stdout or stderr
// recorded). The data lives outside the repository (third-party templates) and is
// read at run time; without it the suite is one skipped test that says why.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runYtt, YttError } from '../../src/ytt/index.js';
import { describeVectors, VECTORS as CASES, vectorCases } from '../helpers/ytt-vectors.js';

interface Case {
  name: string;
  template: string;
  values: Record<string, unknown>;
  expected?: string;
  expectedError?: string;
}

function loadCases(): Case[] {
  return vectorCases().map((name) => {
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

const cases = loadCases();
const successes = cases.filter((x) => x.expected !== undefined);
const failures = cases.filter((x) => x.expectedError !== undefined);

describeVectors('ytt vectors: success cases', successes, () => {
  for (const c of successes) {
    it(c.name, () => {
      const out = run(c);
      expect(asData(out.text)).toEqual(asData(c.expected!));
      expect(out.text).toBe(c.expected);
    });
  }
});
describeVectors('ytt vectors: error cases', failures, () => {
  for (const c of failures) {
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
