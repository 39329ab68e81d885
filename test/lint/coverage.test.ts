// Every lint rule is listed in rules.ts, documented in the README's table with its severity,
// and has a test asserting its code, line and message (the pre-commit hook: test/cli/pre-commit.test.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules.js';
import { ROOT } from '../helpers/cli.js';

const codes = Object.keys(RULES);
const testSources = readdirSync(join(ROOT, 'test/lint'))
  .filter((f) => f.endsWith('.test.ts') && f !== 'coverage.test.ts')
  .map((f) => readFileSync(join(ROOT, 'test/lint', f), 'utf8'))
  .join('\n');

describe('lint rules', () => {
  it('each has a test asserting its code, line and message', () => {
    const untested = codes.filter((code) => {
      const viaHelper = new RegExp(`expectOne\\([^;]*?'${code}', \\d+,`, 's').test(testSources);
      const viaCli = new RegExp(`:\\d+(:\\d+)?  (error|warning|note)  ${code}  `).test(testSources);
      // A problem of no file (no-objects) has no line: its text line starts with the severity.
      const fileless = new RegExp(`'(error|warning|note)  ${code}  `).test(testSources);
      return !viaHelper && !viaCli && !fileless;
    });
    expect(untested).toEqual([]);
  });

  it('each is documented in the README with its severity', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const linting = readme.slice(readme.indexOf('## Linting'), readme.indexOf('\n## ', readme.indexOf('## Linting') + 1));
    const rows = new Map([...linting.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|note) \|/gm)].map((m) => [m[1], m[2]]));
    expect([...rows.keys()].sort()).toEqual([...codes].sort());
    for (const code of codes) expect(rows.get(code), code).toBe(RULES[code as keyof typeof RULES].severity);
  });
});
