// Spelling suggestions for "did you mean" hints: the candidate with the smallest
// edit distance (ignoring case and underscores), allowing up to ~50% typos.

function fold(s: string): string {
  return s.replace(/_/g, '').toLowerCase();
}

export function nearest(x: string, candidates: string[]): string {
  const fx = fold(x);
  let best = '';
  let bestD = Math.floor((fx.length + 1) / 2);
  for (const c of candidates) {
    const d = editDistance(fx, fold(c), bestD);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function editDistance(a: string, b: string, max: number): number {
  let x = a;
  let y = b;
  if (x.length > y.length) [x, y] = [y, x];
  // drop a shared prefix (only when the strings differ somewhere inside x)
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) {
      x = x.slice(i);
      y = y.slice(i);
      break;
    }
  }
  if (x === '') return y.length;
  const diff = Math.abs(x.length - y.length);
  if (diff > max) return diff;
  const row: number[] = [];
  for (let j = 0; j <= y.length; j++) row.push(j);
  for (let i = 1; i <= x.length; i++) {
    row[0] = i;
    let best = i;
    let prev = i - 1;
    for (let j = 1; j <= y.length; j++) {
      const sub = prev + (x[i - 1] !== y[j - 1] ? 1 : 0);
      const del = 1 + row[j - 1]!;
      const ins = 1 + row[j]!;
      const k = Math.min(sub, del, ins);
      prev = row[j]!;
      row[j] = k;
      best = Math.min(best, k);
    }
    if (best > max) return best;
  }
  return row[y.length]!;
}
