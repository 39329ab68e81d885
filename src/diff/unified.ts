// Unified diffs (`diff -u`, `git diff`): hunks of changed lines with `context` lines around them,
// each under an `@@ -start,count +start,count @@` header, as patch tools and code review read them.
import { diffOps, type Op } from './ops.js';

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: Op[];
}

/** The hunks that turn `a` into `b`; none when they are equal. */
export function unifiedHunks(a: readonly string[], b: readonly string[], context = 3): Hunk[] {
  const ops = diffOps(a, b);
  const hunks: Hunk[] = [];
  let i = 0;
  // Line numbers (1-based) of the next op on each side.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldAt.push(o);
    newAt.push(n);
    if (op.op !== '+') o++;
    if (op.op !== '-') n++;
  }
  while (i < ops.length) {
    if ((ops[i] as Op).op === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // Extend over changes closer than two contexts apart: one hunk, as diff -u joins them.
    for (let j = i; j < ops.length; j++) {
      if ((ops[j] as Op).op !== ' ') end = j;
      else if (j - end > 2 * context) break;
    }
    const stop = Math.min(ops.length, end + context + 1);
    const lines = ops.slice(start, stop);
    hunks.push({
      oldStart: oldAt[start] as number,
      oldLines: lines.filter((l) => l.op !== '+').length,
      newStart: newAt[start] as number,
      newLines: lines.filter((l) => l.op !== '-').length,
      lines,
    });
    i = stop;
  }
  return hunks;
}

/** `@@ -1,4 +1,5 @@`; a side with no lines starts at the line before (as GNU diff writes it). */
export function hunkHeader(h: Hunk): string {
  const side = (start: number, count: number) => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);
  return `@@ -${side(h.oldStart, h.oldLines)} +${side(h.newStart, h.newLines)} @@`;
}

/** The whole unified diff text (without file headers); "" when the sides are equal. */
export function unifiedDiff(a: readonly string[], b: readonly string[], context = 3): string {
  return unifiedHunks(a, b, context)
    .map((h) => `${hunkHeader(h)}\n${h.lines.map((l) => `${l.op}${l.text}\n`).join('')}`)
    .join('');
}
