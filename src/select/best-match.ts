// The "most specific selector wins" rule shared by blueprint and option selection
// (Cartographer pkg/selector BestSelectorMatchIndices): a selector's score is the number of
// its terms; only selectors whose every term matches count; the best score wins, ties are
// reported as ties, and an empty selector (score 0) never wins.
import type { GoValue } from '../jsonpath/index.js';
import type { Format, Selector } from '../model/index.js';
import { matchFieldRequirement } from './fields.js';
import { matchLabelSelector, type SelectorSpot } from './labels.js';

export interface Candidate {
  index: number;
  score: number;
}

/** What happened to each selector: matched with a score, or which term failed. */
export type SelectorVerdict =
  | { matched: true; score: number }
  | { matched: false; reason: string };

export type BestMatch =
  | { ok: true; best: number[]; verdicts: SelectorVerdict[] }
  /** `message` is the controller's selectorMatchError text (with its "…are not valid: " prefix). */
  | { ok: false; index: number; message: string; kind: 'labels' | 'fields'; at: SelectorSpot };

export function bestSelectorMatches(
  selectors: readonly Selector[],
  labels: Readonly<Record<string, string>>,
  owner: GoValue,
  semantics: Format,
): BestMatch {
  let highWater = 1;
  let best: number[] = [];
  const verdicts: SelectorVerdict[] = [];
  for (let index = 0; index < selectors.length; index++) {
    const selector = selectors[index] as Selector;
    const labelResult = matchLabelSelector(selector.matchLabels, selector.matchExpressions, labels);
    if (!labelResult.ok) return { ok: false, index, message: `selector labels or matchExpressions are not valid: ${labelResult.message}`, kind: 'labels', at: labelResult.at };
    if (!labelResult.matches) {
      verdicts.push({ matched: false, reason: labelResult.reason ?? 'labels do not match' });
      continue;
    }
    let fieldsMatch = true;
    let reason = '';
    for (const [f, req] of selector.matchFields.entries()) {
      const fieldResult = matchFieldRequirement(req, owner, semantics);
      if (!fieldResult.ok) {
        const at: SelectorSpot = { part: 'matchFields', path: [f, fieldResult.field] };
        return { ok: false, index, message: `failed to evaluate selector matchFields: ${fieldResult.message}`, kind: 'fields', at };
      }
      if (!fieldResult.matches) {
        fieldsMatch = false;
        reason = `field ${req.key} ${req.operator}${req.values ? ` [${req.values.join(', ')}]` : ''} is not satisfied`;
        break;
      }
    }
    if (!fieldsMatch) {
      verdicts.push({ matched: false, reason });
      continue;
    }
    const score = Object.keys(selector.matchLabels).length + selector.matchExpressions.length + selector.matchFields.length;
    verdicts.push(score === 0 ? { matched: false, reason: 'the selector is empty, and an empty selector never matches' } : { matched: true, score });
    if (score === highWater) {
      best.push(index);
    } else if (score > highWater) {
      highWater = score;
      best = [index];
    }
  }
  return { ok: true, best, verdicts };
}
