// The blueprints `carto graph` draws when no owner is named: all of them in the inputs
// (supply chains, then deliveries, each by name), or the one `--blueprint NAME` names, with
// warnings for inputs that can never be satisfied (the graph draws those dashed).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Blueprint, Catalog } from '../model/index.js';
import { neverSatisfied } from '../chain/index.js';

export type ChosenBlueprints = { ok: true; blueprints: Blueprint[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export function chooseBlueprints(catalog: Catalog, name?: string): ChosenBlueprints {
  const rank = (b: Blueprint) => (b.kind === 'ClusterSupplyChain' ? 0 : 1);
  const all = [...catalog.blueprints].sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const blueprints = name === undefined ? all : all.filter((b) => b.name === name);
  if (blueprints.length === 0) {
    const held = all.map((b) => `${b.kind} ${b.name}`).join(', ');
    return {
      ok: false,
      diagnostics: [{
        severity: 'error',
        code: 'no-blueprint',
        message: name === undefined ? 'the inputs hold no ClusterSupplyChain or ClusterDelivery to draw' : `no ClusterSupplyChain or ClusterDelivery named ${name} in the inputs`,
        hint: held ? `the inputs hold ${held}` : 'add the blueprint files with -f',
      }],
    };
  }
  return { ok: true, blueprints, diagnostics: blueprints.flatMap(unsatisfiable) };
}

function unsatisfiable(blueprint: Blueprint): Diagnostic[] {
  return neverSatisfied(blueprint).map(({ resource, ref, reason }): Diagnostic => ({
    severity: 'warning',
    code: reason === 'unknown-resource' ? 'unknown-input-resource' : 'forward-reference',
    message: `${blueprint.kind} ${blueprint.name}: input ${ref.name} of resource ${resource.name} comes from ${reason === 'unknown-resource' ? `resource ${ref.resource}, which is not in the blueprint` : `resource ${ref.resource}, which is not before it`}, so it is never satisfied (drawn dashed)`,
    file: blueprint.doc.file,
    line: blueprint.doc.line,
    object: { kind: blueprint.kind, name: blueprint.name },
    hint: 'Cartographer walks resources in list order and each sees only the outputs of those before it',
  }));
}
