// "Did you mean": the closest of some known names to a name that matched none of them, by edit
// distance (insertions, deletions, substitutions and swaps of neighbours), so a misspelt kind,
// template or resource name is answered with the one the user most likely meant.

/** Edit distance between a and b (optimal string alignment), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The known name closest to `name`, if it is close enough to be a slip: the same name in another
 * case, or at most one edit in four characters (two for a 8-character name). Ties go to the first
 * candidate, so the answer is deterministic. Undefined when `name` itself is a candidate.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) return undefined;
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), Math.max(1, Math.floor(name.length / 4)));
    if (distance <= Math.max(1, Math.floor(name.length / 4)) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean X?`, or nothing when no known name is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closest(name, candidates);
  return match === undefined ? '' : `did you mean ${match}?`;
}

/** `did you mean X? `, to start a hint with, or nothing when no known name is close. */
export function guess(name: string, candidates: Iterable<string>): string {
  const words = didYouMean(name, candidates);
  return words ? `${words} ` : '';
}
