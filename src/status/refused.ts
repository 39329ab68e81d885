// The blueprints Cartographer's admission webhook refuses (lint's rules, the one implementation of
// them): on a cluster they are never created, so they select no owner, and an owner they would
// have selected is reported as the controller reports it without them (SupplyChainNotFound, or
// another blueprint). Which refused blueprints would have selected an owner is kept, so that the
// report for a person can say why none did. Blueprints in the 0.0.6 format are not judged here:
// they have no v0.8.11 status at all (status.ts).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { webhookDiagnostics } from '../lint/index.js';
import type { Blueprint, Owner } from '../model/index.js';
import { planOwner } from '../realize/index.js';

export interface RefusedBlueprint {
  blueprint: Blueprint;
  /** The webhook rules it breaks, in lint's words (the webhook's own in controllerMessage). */
  diagnostics: Diagnostic[];
}

/** The current-format blueprints the webhook refuses, with why. */
export function refusedBlueprints(blueprints: readonly Blueprint[]): Map<Blueprint, Diagnostic[]> {
  const refused = new Map<Blueprint, Diagnostic[]>();
  for (const b of blueprints) {
    if (b.format === '0.0.6') continue;
    const errors = webhookDiagnostics(b.doc, b.kind, b.name).filter((d) => d.severity === 'error');
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
