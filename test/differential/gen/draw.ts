// The generator's one way of making choices: a Draw wraps fast-check's `fc.gen()`, so every choice
// a generated supply chain is made of is recorded and shrinks. The helpers are written so that a
// value shrinks toward "plain": `chance` toward false, `pick` toward the first (simplest) entry,
// `count` toward its minimum — a shrunk case is the smallest chain that still differs. Their
// numbers are drawn without fast-check's bias (which favours both ends of a range): a chance of
// 0.05 stays one in twenty.
import fc from 'fast-check';

export interface Draw {
  <T>(arb: fc.Arbitrary<T>): T;
}

/** A Draw over fast-check's generator of values (the argument of `fc.gen().map(…)`). */
export function drawFrom(g: fc.GeneratorValue): Draw {
  return <T>(arb: fc.Arbitrary<T>): T => g(() => arb);
}

/** True with probability `p` (0..1); shrinks to false. */
export function chance(draw: Draw, p: number): boolean {
  return draw(fc.noBias(fc.nat(99))) >= 100 - Math.round(p * 100);
}

/** One of `items`; shrinks toward the first. */
export function pick<T>(draw: Draw, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from nothing');
  return items[draw(fc.noBias(fc.nat(items.length - 1)))] as T;
}

/** One of `items`, each with its weight; shrinks toward the first. */
export function weighted<T>(draw: Draw, items: ReadonlyArray<readonly [number, T]>): T {
  const total = items.reduce((n, [w]) => n + w, 0);
  let roll = draw(fc.noBias(fc.nat(total - 1)));
  for (const [w, item] of items) {
    if (roll < w) return item;
    roll -= w;
  }
  return items[items.length - 1]![1];
}

/** A whole number in [min, max]; shrinks toward min. */
export function count(draw: Draw, min: number, max: number): number {
  return draw(fc.noBias(fc.integer({ min, max })));
}

/** `n` draws of `make`, as a list. */
export function times<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/** Up to `max` distinct items of `items`, in their order. */
export function subset<T>(draw: Draw, items: readonly T[], max = items.length): T[] {
  const chosen = items.filter(() => chance(draw, 0.4));
  return chosen.slice(0, max);
}
