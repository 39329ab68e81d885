// Picks the ClusterSupplyChain (for a Workload) or ClusterDelivery (for a Deliverable) that
// the controller would pick, with its wording when none or several match.
import type { GoValue } from '../jsonpath/index.js';
import type { Blueprint, Format, Owner } from '../model/index.js';
import { bestSelectorMatches, type SelectorVerdict } from './best-match.js';
import type { SelectorSpot } from './labels.js';

export interface CandidateVerdict {
  blueprint: Blueprint;
  verdict: SelectorVerdict;
}

export type BlueprintSelection =
  | { ok: true; blueprint: Blueprint; candidates: CandidateVerdict[] }
  | {
      ok: false;
      code: 'owner-labels-missing' | 'no-blueprint-match' | 'blueprint-tie' | 'invalid-selector';
      /** The controller's own condition message. */
      message: string;
      candidates: CandidateVerdict[];
      /** The blueprints involved (ties; the one with the invalid selector). */
      involved: Blueprint[];
      /** For an invalid selector: its first invalid term. */
      at?: SelectorSpot;
    };

export function blueprintKindFor(owner: Owner): Blueprint['kind'] {
  return owner.kind === 'Workload' ? 'ClusterSupplyChain' : 'ClusterDelivery';
}

/** The controller's condition message for an owner no blueprint selects. */
export function noBlueprintMessage(owner: Owner): string {
  return `no ${wording(owner).blueprint} found where full selector is satisfied by labels: ${goMap(owner.labels)}`;
}

/** Words the controller uses for an owner kind and its blueprint kind. */
export function wording(owner: Owner): { owner: string; blueprint: string } {
  return owner.kind === 'Workload' ? { owner: 'workload', blueprint: 'supply chain' } : { owner: 'deliverable', blueprint: 'delivery' };
}

export function selectBlueprint(owner: Owner, blueprints: readonly Blueprint[], typedOwner: GoValue, semantics: Format): BlueprintSelection {
  const kind = blueprintKindFor(owner);
  const pool = blueprints.filter((b) => b.kind === kind);
  const words = wording(owner);
  if (Object.keys(owner.labels).length === 0) {
    return {
      ok: false,
      code: 'owner-labels-missing',
      message: `${words.owner} has no labels to match to ${words.blueprint}`,
      candidates: [],
      involved: [],
    };
  }
  const matched =
    semantics === '0.0.6' ? selectLegacy(owner, pool) : selectCurrent(owner, pool, typedOwner, semantics);
  if (!matched.ok) return matched;
  const { best, candidates } = matched;
  if (best.length === 0) {
    return {
      ok: false,
      code: 'no-blueprint-match',
      message: noBlueprintMessage(owner),
      candidates,
      involved: [],
    };
  }
  if (best.length > 1) {
    return {
      ok: false,
      code: 'blueprint-tie',
      message: `${words.owner} may only match a single ${words.blueprint}'s selector`,
      candidates,
      involved: best,
    };
  }
  return { ok: true, blueprint: best[0] as Blueprint, candidates };
}

type Matched =
  | { ok: true; best: Blueprint[]; candidates: CandidateVerdict[] }
  | Extract<BlueprintSelection, { ok: false }>;

function selectCurrent(owner: Owner, pool: readonly Blueprint[], typedOwner: GoValue, semantics: Format): Matched {
  const result = bestSelectorMatches(pool.map((b) => b.selector), owner.labels, typedOwner, semantics);
  if (!result.ok) {
    const bp = pool[result.index] as Blueprint;
    const words = wording(owner);
    return {
      ok: false,
      code: 'invalid-selector',
      message: `evaluating ${words.blueprint} selectors against ${words.owner} [${owner.namespace}/${owner.name}] failed: error handling selectors, selectorMatchExpressions or selectorMatchFields of [${bp.kind}/${bp.name}]: ${result.message}`,
      candidates: [],
      involved: [bp],
      at: result.at,
    };
  }
  return {
    ok: true,
    best: result.best.map((i) => pool[i] as Blueprint),
    candidates: pool.map((blueprint, i) => ({ blueprint, verdict: result.verdicts[i] as SelectorVerdict })),
  };
}

/** 0.0.6: every `spec.selector` pair must equal a label; no ranking, so any two matches tie. */
function selectLegacy(owner: Owner, pool: readonly Blueprint[]): Matched {
  const candidates: CandidateVerdict[] = pool.map((blueprint) => {
    for (const [key, value] of Object.entries(blueprint.selector.matchLabels)) {
      if (owner.labels[key] !== value || !Object.prototype.hasOwnProperty.call(owner.labels, key)) {
        return { blueprint, verdict: { matched: false, reason: `label ${key} is not ${value}` } };
      }
    }
    return { blueprint, verdict: { matched: true, score: Object.keys(blueprint.selector.matchLabels).length } };
  });
  return { ok: true, best: candidates.filter((c) => c.verdict.matched).map((c) => c.blueprint), candidates };
}

/** Go's `%+v` of a map[string]string: `map[a:1 b:2]`, keys sorted. */
export function goMap(map: Readonly<Record<string, string>>): string {
  const keys = Object.keys(map).sort();
  return `map[${keys.map((k) => `${k}:${map[k]}`).join(' ')}]`;
}
