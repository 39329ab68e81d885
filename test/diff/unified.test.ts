// src/diff's unified diffs: a patch that applies (old + hunks = new, checked on random inputs), and
// headers and hunk joins as GNU `diff -u` writes them (compared with it when it is installed).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fieldChanges, unifiedDiff, unifiedHunks, type Hunk } from '../../src/diff/index.js';

/** Applies hunks to `a` as patch(1) would, checking every context and removed line. */
function apply(a: readonly string[], hunks: readonly Hunk[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const h of hunks) {
    // oldStart is the line of the hunk's first line (the header writes one less for an empty side).
    const start = h.oldStart - 1;
    while (at < start) out.push(a[at++] as string);
    for (const l of h.lines) {
      if (l.op === '+') out.push(l.text);
      else {
        expect(a[at]).toBe(l.text);
        if (l.op === ' ') out.push(l.text);
        at++;
      }
    }
  }
  while (at < a.length) out.push(a[at++] as string);
  return out;
}

describe('unifiedHunks', () => {
  it('turns old into new, with consistent line counts, on random inputs', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, fc.integer({ min: 0, max: 4 }), (a, b, context) => {
        const hunks = unifiedHunks(a, b, context);
        expect(apply(a, hunks)).toEqual(b);
        for (const h of hunks) {
          expect(h.lines.filter((l) => l.op !== '+')).toHaveLength(h.oldLines);
          expect(h.lines.filter((l) => l.op !== '-')).toHaveLength(h.newLines);
        }
        if (a.join('\n') === b.join('\n')) expect(hunks).toEqual([]);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

const gnu = spawnSync('diff', ['--version'], { encoding: 'utf8' });
const hasGnuDiff = gnu.status === 0 && gnu.stdout.includes('GNU');
const dir = mkdtempSync(join(tmpdir(), 'carto-unified-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasGnuDiff)('unifiedDiff against GNU diff -u (skipped: GNU diff is not installed)', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['one line changed in the middle', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], ['a', 'b', 'c', 'X', 'e', 'f', 'g', 'h']],
    ['two changes far apart: two hunks', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'], ['X', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', 'Y']],
    ['two changes 6 lines apart: one hunk', ['1', '2', '3', '4', '5', '6', '7', '8'], ['X', '2', '3', '4', '5', '6', '7', 'Y']],
    ['lines added at the end', ['a', 'b'], ['a', 'b', 'c', 'd']],
    ['everything removed', ['a', 'b'], []],
    ['from nothing', [], ['a']],
    ['one line removed at the start', ['a', 'b', 'c', 'd', 'e'], ['b', 'c', 'd', 'e']],
  ];
  for (const [name, a, b] of cases) {
    it(name, () => {
      const fa = join(dir, 'a');
      const fb = join(dir, 'b');
      writeFileSync(fa, a.map((l) => `${l}\n`).join(''));
      writeFileSync(fb, b.map((l) => `${l}\n`).join(''));
      const out = spawnSync('diff', ['-u', fa, fb], { encoding: 'utf8' }).stdout;
      // GNU's two file header lines aside.
      expect(unifiedDiff(a, b)).toBe(out.split('\n').slice(2).join('\n'));
    });
  }
});

describe('fieldChanges', () => {
  it('compares maps by key (order is not a change), lists by position, numbers by value', () => {
    expect(fieldChanges({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1.0 })).toEqual([]);
    expect(fieldChanges({ l: [1, 2, 3] }, { l: [1, 3] })).toEqual([
      { path: '.l[1]', old: 2, new: 3 },
      { path: '.l[2]', old: 3 },
    ]);
    expect(fieldChanges({ m: { 'x.y': 1, "it's": 2 } }, { m: { 'x.y': 2 } })).toEqual([
      { path: ".m['x.y']", old: 1, new: 2 },
      { path: ".m['it\\'s']", old: 2 },
    ]);
    expect(fieldChanges({ a: { b: 1 } }, { a: 'text' })).toEqual([{ path: '.a', old: { b: 1 }, new: 'text' }]);
    expect(fieldChanges({ a: null }, {})).toEqual([{ path: '.a', old: null }]);
  });
});
