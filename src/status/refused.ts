// The blueprints Cartographer's admission webhook refuses for a broken structure (lint's rules,
// the one implementation of them): a resource named twice, an input naming a resource the
// blueprint does not have (a misspelt name). On a cluster such a blueprint is never created, so it
// selects no owner, and an owner it would have selected is reported as the controller reports it
// without it (SupplyChainNotFound, or another blueprint). The webhook's other rules (selectors,
// params, options) are not applied here: `carto status` models the controller as Cartographer's
// own kuttl scenarios run it, without webhooks, and several of those scenarios rely on that.
// Which refused blueprints would have selected an owner is kept, so that the report for a person
// can say why none did. Blueprints in the 0.0.6 format are not judged here: they have no v0.8.11
// status at all (status.ts).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { webhookDiagnostics } from '../lint/index.js';
import type { Blueprint, Owner } from '../model/index.js';
import { planOwner } from '../realize/index.js';

/** The webhook rules whose refusal status honours: a blueprint with no sensible shape. */
const STRUCTURAL = new Set(['duplicate-resource-name', 'input-unknown-resource']);

export interface RefusedBlueprint {
  blueprint: Blueprint;
  /** The webhook rules it breaks, in lint's words (the webhook's own in controllerMessage). */
  diagnostics: Diagnostic[];
}

/** The current-format blueprints the webhook refuses for their structure, with why. */
export function refusedBlueprints(blueprints: readonly Blueprint[]): Map<Blueprint, Diagnostic[]> {
  const refused = new Map<Blueprint, Diagnostic[]>();
  for (const b of blueprints) {
    if (b.format === '0.0.6') continue;
    const errors = webhookDiagnostics(b.doc, b.kind, b.name).filter((d) => d.severity === 'error' && STRUCTURAL.has(d.code));
    if (errors.length > 0) refused.set(b, errors);
  }
  return refused;
}

/** The refused blueprints whose selectors take the owner: each would have selected it on its own. */
export function refusedSelecting(owner: Owner, refused: ReadonlyMap<Blueprint, Diagnostic[]>): RefusedBlueprint[] {
  const out: RefusedBlueprint[] = [];
  for (const [blueprint, diagnostics] of refused) {
    if (planOwner(owner, [blueprint], 'current').selection?.ok) out.push({ blueprint, diagnostics });
  }
  return out;
}
