// Line diffs: the shortest edit script between two lists of lines (Myers' algorithm), the engine
// under carto test's failure diffs and carto diff's unified diffs. Knows nothing of Cartographer.

export type Op = { op: ' ' | '-' | '+'; text: string };

/** Myers' O((N+M)D) shortest edit script, as delete/insert/keep operations in order. */
export function diffOps(a: readonly string[], b: readonly string[]): Op[] {
  // Common prefix and suffix first: most object diffs touch a few lines in the middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: Op[] = a.slice(0, start).map((text) => ({ op: ' ', text }));
  const tail: Op[] = a.slice(endA).map((text) => ({ op: ' ', text }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  return [...head, ...myers(x, y), ...tail];
}

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((text) => ({ op: '+', text }));
  if (m === 0) return a.map((text) => ({ op: '-', text }));
  const max = n + m;
  const offset = max;
  let v: Int32Array = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let xPos: number;
      if (k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))) xPos = v[offset + k + 1] as number;
      else xPos = (v[offset + k - 1] as number) + 1;
      let yPos = xPos - k;
      while (xPos < n && yPos < m && a[xPos] === b[yPos]) {
        xPos++;
        yPos++;
      }
      v[offset + k] = xPos;
      if (xPos >= n && yPos >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m).
  const ops: Op[] = [];
  let xPos = n;
  let yPos = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    v = trace[d] as Int32Array;
    const k = xPos - yPos;
    let prevK: number;
    if (k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))) prevK = k + 1;
    else prevK = k - 1;
    const prevX = d === 0 ? 0 : (v[offset + prevK] as number);
    const prevY = prevX - prevK;
    while (xPos > prevX && yPos > prevY) {
      ops.push({ op: ' ', text: a[xPos - 1] as string });
      xPos--;
      yPos--;
    }
    if (d === 0) break;
    if (xPos === prevX) ops.push({ op: '+', text: b[yPos - 1] as string });
    else ops.push({ op: '-', text: a[xPos - 1] as string });
    xPos = prevX;
    yPos = prevY;
  }
  return ops.reverse();
}
