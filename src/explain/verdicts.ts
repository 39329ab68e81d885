// Why each selector won or lost: blueprints competing for an owner, and a resource's template
// options. The failing term comes from the selector match itself (SelectorVerdict); a selector
// that matched but lost was less specific than the winner, or tied with another.
import type { SelectorVerdict } from '../select/index.js';
import type { Verdict } from './types.js';

export interface Contender {
  /** How the contender is named in reasons: `web-app`, `option git-repository`. */
  label: string;
  selector: string;
  /** Absent when the selector was never evaluated (an invalid selector stopped the match). */
  verdict: SelectorVerdict | undefined;
}

/**
 * `chosen`: the index chosen, if any. `ranked`: whether the most specific selector wins (false
 * for Cartographer 0.0.6 blueprints, where any two matches tie). `what`: `supply chain`, `option`.
 */
export function verdicts(contenders: readonly Contender[], chosen: number | undefined, ranked: boolean, what: string): Verdict[] {
  const scores = contenders.map((c) => (c.verdict?.matched ? c.verdict.score : null));
  const matched = contenders.flatMap((c, i) => (scores[i] !== null ? [{ label: c.label, score: scores[i] as number }] : []));
  const best = Math.max(0, ...matched.map((m) => m.score));
  const leaders = matched.filter((m) => m.score === best);
  return contenders.map((c, i): Verdict => {
    const score = scores[i] ?? null;
    const base = { selector: c.selector, matched: score !== null, score, chosen: i === chosen };
    if (!c.verdict) return { ...base, reason: 'not evaluated: another selector is invalid' };
    if (!c.verdict.matched) return { ...base, reason: c.verdict.reason };
    if (i === chosen) {
      const others = matched.filter((m) => m.label !== c.label);
      if (others.length === 0) return { ...base, reason: `the only ${what} whose selector matches` };
      return { ...base, reason: `the most specific matching selector (next best score ${Math.max(...others.map((o) => o.score))})` };
    }
    const rivals = (ranked ? leaders : matched).filter((m) => m.label !== c.label).map((m) => m.label);
    if (!ranked) return { ...base, reason: `matches, as does ${rivals.join(', ')}: Cartographer 0.0.6 does not rank selectors, so they tie` };
    if (score === best) return { ...base, reason: `ties with ${rivals.join(', ')}` };
    return { ...base, reason: `matches, but ${rivals.join(' and ')} ${rivals.length === 1 ? 'is' : 'are'} more specific (score ${best})` };
  });
}
