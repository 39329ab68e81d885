// The status Cartographer v0.8.11 writes on a Workload or Deliverable after one reconcile, from
// the core's report of the owner: whether a blueprint selects it and has all its templates
// (SupplyChainReady / DeliveryReady), each resource's status, the walk's first error
// (ResourcesSubmitted), the resources' Healthy conditions rolled up (ResourcesHealthy), and
// Ready over them all. observedGeneration only when the input has metadata.generation (the API
// server would set it); lastTransitionTime never.
import { hasControllerError, submittedCondition, type OwnerReport } from '../realize/index.js';
import { noBlueprintMessage } from '../select/index.js';
import { isObject } from '../util/objects.js';
import { conditionObject, withTopCondition, type Condition } from './conditions.js';
import { resourceStatus, resourceStatusObject, type ResourceStatus } from './resource.js';

export interface OwnerStatus {
  /** `supplyChainRef` or `deliveryRef`: empty until a blueprint is selected. */
  blueprintRef: { kind?: string; name?: string };
  conditions: Condition[];
  /** Absent when no blueprint walk happened. */
  resources?: ResourceStatus[];
  observedGeneration?: number;
}

/** Undefined for an owner the API server would refuse (its fields do not decode): it has no status. */
export function ownerStatus(report: OwnerReport): OwnerStatus | undefined {
  const owner = report.owner;
  const workload = owner.kind === 'Workload';
  const readyType = workload ? 'SupplyChainReady' : 'DeliveryReady';
  const generation = isObject(owner.object['metadata']) ? owner.object['metadata']['generation'] : undefined;
  const base = typeof generation === 'number' ? { observedGeneration: generation } : {};
  const stop = (condition?: Omit<Condition, 'type'>, blueprintRef: OwnerStatus['blueprintRef'] = {}): OwnerStatus =>
    ({ ...base, blueprintRef, conditions: withTopCondition('Ready', condition ? [{ type: readyType, ...condition }] : []) });

  const selection = report.selection;
  if (!selection) return undefined;
  if (!selection.ok) {
    // An invalid selector is an error the reconciler returns without a condition.
    if (selection.code === 'invalid-selector') return stop();
    const reason = {
      'owner-labels-missing': workload ? 'WorkloadLabelsMissing' : 'DeliverableLabelsMissing',
      'no-blueprint-match': workload ? 'SupplyChainNotFound' : 'DeliveryNotFound',
      'blueprint-tie': workload ? 'MultipleSupplyChainMatches' : 'MultipleDeliveryMatches',
    }[selection.code];
    return stop({ status: 'False', reason, message: selection.message });
  }
  // The webhook refuses a blueprint naming a resource twice: it is not on the cluster to select the owner.
  if (report.duplicateResources) return stop({ status: 'False', reason: workload ? 'SupplyChainNotFound' : 'DeliveryNotFound', message: noBlueprintMessage(owner) });
  const blueprintRef = { kind: selection.blueprint.kind, name: selection.blueprint.name };
  if (report.templatesNotFound) {
    const names = report.templatesNotFound.map((m) => m.resource.name).join(', ');
    return stop({ status: 'False', reason: 'TemplatesNotFound', message: `did not find the template of the resource(s) [${names}]` }, blueprintRef);
  }
  return { ...base, blueprintRef, ...realized(report, readyType) };
}

/** The conditions and resources of an owner whose blueprint was walked. */
function realized(report: OwnerReport, readyType: string): Pick<OwnerStatus, 'conditions' | 'resources'> {
  const resources = report.resources.map((entry) => resourceStatus(entry, report));
  const first = report.resources.find(hasControllerError);
  const submitted = first
    ? submittedCondition(first, report, true)
    : { type: 'ResourcesSubmitted', status: 'True' as const, reason: 'ResourceSubmissionComplete', message: '' };
  const healthy = resources.flatMap((r) => r.conditions.filter((c) => c.type === 'Healthy'));
  const rollUp = withTopCondition('ResourcesHealthy', healthy).at(-1) as Condition;
  const resourcesHealthy = { ...rollUp, reason: 'HealthyConditionRule' };
  return {
    conditions: withTopCondition('Ready', [{ type: readyType, status: 'True', reason: 'Ready', message: '' }, submitted, resourcesHealthy]),
    resources,
  };
}

/** The status as the controller's YAML lists it: keys in go-yaml's order. */
export function ownerStatusObject(kind: 'Workload' | 'Deliverable', status: OwnerStatus): Record<string, unknown> {
  const ref = kind === 'Workload' ? 'supplyChainRef' : 'deliveryRef';
  const resources = status.resources && status.resources.length > 0 ? { resources: status.resources.map(resourceStatusObject) } : {};
  const generation = status.observedGeneration !== undefined ? { observedGeneration: status.observedGeneration } : {};
  return kind === 'Workload'
    ? { conditions: status.conditions.map(conditionObject), ...generation, ...resources, [ref]: status.blueprintRef }
    : { conditions: status.conditions.map(conditionObject), [ref]: status.blueprintRef, ...generation, ...resources };
}
