// Checks each Workload and Deliverable against the blueprints in the inputs, with the same
// selection code as `carto render`: no labels, no blueprint selecting it, several selecting it
// equally, or, once one is selected, a resource whose options match it none or several times.
// Owners are checked only when the inputs hold blueprints of their kind (a repository of
// Workloads alone is not an error). The blueprints each owner selects feed the params check.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Blueprint, Catalog, Format, Owner } from '../model/index.js';
import { decode } from '../gotypes/index.js';
import { deliverableType, workloadType, workloadTypeV006 } from '../model/go-types.js';
import { blueprintKindFor, chooseOption, optionLabel, selectBlueprint, type BlueprintSelection } from '../select/index.js';
import { lintDiagnostic, refOf, type Place } from './report.js';

export interface OwnerCheck {
  diagnostics: Diagnostic[];
  /** Owners in the inputs each blueprint selects. */
  selected: Map<Blueprint, Owner[]>;
}

export function checkOwners(catalog: Catalog): OwnerCheck {
  const diagnostics: Diagnostic[] = [];
  const selected = new Map<Blueprint, Owner[]>();
  for (const owner of catalog.owners) {
    const kind = blueprintKindFor(owner);
    const pool = catalog.blueprints.filter((b) => b.kind === kind);
    if (pool.length === 0) continue;
    const semantics: Format = pool.every((b) => b.format === '0.0.6') ? '0.0.6' : 'current';
    // The owner as the controller's Go code sees it (as render decodes it); an owner with fields
    // of the wrong type could not exist on a cluster, and the schema check reports those.
    const typed = decode(owner.kind === 'Deliverable' ? deliverableType : semantics === '0.0.6' ? workloadTypeV006 : workloadType, owner.object);
    if (typed.errors.length > 0) continue;
    const who = refOf(owner.kind, owner.name, owner.namespace);
    const selection = selectBlueprint(owner, catalog.blueprints, typed.value, semantics);
    if (!selection.ok) {
      diagnostics.push(selectionDiagnostic(owner, selection, kind));
      continue;
    }
    const blueprint = selection.blueprint;
    selected.set(blueprint, [...(selected.get(blueprint) ?? []), owner]);
    for (const resource of blueprint.resources) {
      if (!resource.templateRef.options || resource.templateRef.options.length === 0) continue;
      const choice = chooseOption(resource, blueprint, owner, typed.value, semantics);
      if (choice.ok) continue;
      diagnostics.push(lintDiagnostic(choice.code === 'option-match' ? 'no-option-match' : 'invalid-option-selector', `${owner.kind} ${owner.namespace}/${owner.name}: ${choice.message}`, {
        doc: blueprint.doc,
        object: refOf(blueprint.kind, blueprint.name),
        path: [...resource.path, 'templateRef', 'options'],
        key: true,
      }, {
        owner: who,
        resource: resource.name,
        controllerMessage: choice.message,
        ...(choice.code === 'option-match'
          ? { hint: `exactly one option's selector must match the ${owner.kind} best: ${choice.verdicts.map((v, i) => `${optionName(resource.templateRef.options?.[i])}: ${v.matched ? `matched (${v.score} terms)` : v.reason}`).join('; ')}` }
          : {}),
      }));
    }
  }
  return { diagnostics, selected };
}

function optionName(option: { name?: string; passThrough?: string } | undefined): string {
  return option ? optionLabel(option) : '?';
}

function selectionDiagnostic(owner: Owner, selection: Extract<BlueprintSelection, { ok: false }>, kind: Blueprint['kind']): Diagnostic {
  const who = refOf(owner.kind, owner.name, owner.namespace);
  const at: Place = { doc: owner.doc, object: who, path: ['metadata', 'labels'], key: true };
  const name = `${owner.kind} ${owner.namespace}/${owner.name}`;
  const extra = { owner: who, controllerMessage: selection.message };
  switch (selection.code) {
    case 'owner-labels-missing':
      return lintDiagnostic('owner-labels-missing', `${name} has no labels, so no ${kind} can select it`, { ...at, path: ['metadata'] }, {
        ...extra,
        hint: `add the labels a ${kind} selects on`,
      });
    case 'no-blueprint-match':
      return lintDiagnostic('no-blueprint-match', `no ${kind} selects ${name}`, at, {
        ...extra,
        hint: selection.candidates.map((c) => `${c.blueprint.name}: ${c.verdict.matched ? 'matched' : c.verdict.reason}`).join('; '),
      });
    case 'blueprint-tie':
      return lintDiagnostic('blueprint-tie', `${name} is selected equally by ${selection.involved.map((b) => `${b.kind} ${b.name}`).join(' and ')}`, at, {
        ...extra,
        hint: `make one ${kind}'s selector more specific (more labels or fields), or change the ${owner.kind}'s labels`,
      });
    case 'invalid-selector': {
      const bp = selection.involved[0];
      return lintDiagnostic('invalid-selector', selection.message, bp ? { doc: bp.doc, object: refOf(bp.kind, bp.name), path: ['spec'], key: true } : at, extra);
    }
  }
}
