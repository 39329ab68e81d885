// Checks each Workload and Deliverable against the blueprints in the inputs with the realization
// core's own select step (src/realize plan.ts) and its own words (diagnose.ts): no labels, no
// blueprint selecting it, several selecting it equally, or, once one is selected, a resource
// whose options match it none or several times. Owners are checked only when the inputs hold
// blueprints of their kind (a repository of Workloads alone is not an error). The blueprints
// each owner selects feed the params check.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Blueprint, Catalog, Owner } from '../model/index.js';
import { chooseTemplate, optionFinding, planOwner, selectionFinding, semanticsFor } from '../realize/index.js';
import { blueprintKindFor } from '../select/index.js';
import { lintFinding, refOf } from './report.js';

export interface OwnerCheck {
  diagnostics: Diagnostic[];
  /** Owners in the inputs each blueprint selects. */
  selected: Map<Blueprint, Owner[]>;
}

export function checkOwners(catalog: Catalog): OwnerCheck {
  const diagnostics: Diagnostic[] = [];
  const selected = new Map<Blueprint, Owner[]>();
  for (const owner of catalog.owners) {
    if (!catalog.blueprints.some((b) => b.kind === blueprintKindFor(owner))) continue;
    const semantics = semanticsFor(owner, catalog.blueprints);
    // An owner with fields of the wrong type could not exist on a cluster: the schema check reports it.
    const plan = planOwner(owner, catalog.blueprints, semantics);
    if (!plan.selection) continue;
    const who = refOf(owner.kind, owner.name, owner.namespace);
    if (!plan.selection.ok) {
      const finding = selectionFinding(owner, plan.selection, catalog.blueprints);
      diagnostics.push(lintFinding(finding, { key: finding.at.key ?? true }, { owner: who }));
      continue;
    }
    const blueprint = plan.selection.blueprint;
    // Pushed, not copied: a blueprint selected by 100,000 owners stays linear.
    const owners = selected.get(blueprint);
    if (owners) owners.push(owner);
    else selected.set(blueprint, [owner]);
    for (const resource of blueprint.resources) {
      const choice = chooseTemplate(resource, blueprint, owner, plan.typed, semantics);
      if (choice.ok) continue;
      // Reported at the blueprint, so the message names the owner it failed for.
      const finding = optionFinding(blueprint, resource, choice.choice);
      diagnostics.push(lintFinding({ ...finding, message: `${owner.kind} ${owner.namespace}/${owner.name}: ${finding.message}` }, { key: finding.at.key ?? true }, { owner: who, resource: resource.name }));
    }
  }
  return { diagnostics, selected };
}
