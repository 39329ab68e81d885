// The carto.run/* labels the controller puts on every stamped object (spec §8.2). The set
// depends on the owner kind and on the Cartographer version being reproduced.
import type { Blueprint, Format, Owner, Resource, Template } from '../model/index.js';

export function cartoLabels(owner: Owner, blueprint: Blueprint, resource: Resource, template: Template, semantics: Format): Record<string, string> {
  if (semantics === '0.0.6') {
    return {
      'carto.run/workload-name': owner.name,
      'carto.run/workload-namespace': owner.namespace,
      'carto.run/cluster-supply-chain-name': blueprint.name,
      'carto.run/component-name': resource.name,
      'carto.run/template-kind': template.kind,
      'carto.run/cluster-template-name': template.name,
    };
  }
  const common = {
    'carto.run/resource-name': resource.name,
    'carto.run/template-kind': resource.templateRef.kind,
    // The label comes from templateRef.name, which is empty for option-based resources.
    'carto.run/cluster-template-name': resource.templateRef.name ?? '',
    'carto.run/template-lifecycle': template.lifecycle,
  };
  if (owner.kind === 'Deliverable') {
    return {
      'carto.run/deliverable-name': owner.name,
      'carto.run/deliverable-namespace': owner.namespace,
      'carto.run/delivery-name': blueprint.name,
      ...common,
    };
  }
  return {
    'carto.run/workload-name': owner.name,
    'carto.run/workload-namespace': owner.namespace,
    'carto.run/supply-chain-name': blueprint.name,
    ...common,
  };
}
