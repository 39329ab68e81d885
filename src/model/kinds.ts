// The carto.run kinds Cartographer serves, and what is wrong with an object that claims the
// carto.run group but that the API server would not accept: another version (`carto.run/v1`), or
// a kind Cartographer does not define (`workload`, `ClusterSuplyChain`). render and lint both
// refuse such an object, in the same words, with the kind the user most likely meant.
import { didYouMean } from '../util/suggest.js';

export const CARTO_VERSION = 'carto.run/v1alpha1';

export const CARTO_KINDS: readonly string[] = [
  'Workload', 'Deliverable', 'ClusterSupplyChain', 'ClusterDelivery', 'ClusterSourceTemplate', 'ClusterImageTemplate',
  'ClusterConfigTemplate', 'ClusterTemplate', 'ClusterDeploymentTemplate', 'ClusterRunTemplate', 'Runnable',
];

export interface KindProblem {
  code: 'unknown-kind' | 'unknown-api-version';
  message: string;
  /** What kubectl says when it cannot map the object to a resource. */
  controllerMessage: string;
  hint: string;
  path: ['kind'] | ['apiVersion'];
}

/** Why a carto.run object is not one the API server serves, or undefined when it is. */
export function cartoKindProblem(apiVersion: string, kind: string): KindProblem | undefined {
  const controllerMessage = `no matches for kind "${kind}" in version "${apiVersion}"`;
  if (!CARTO_KINDS.includes(kind)) {
    const guess = didYouMean(kind, CARTO_KINDS);
    return {
      code: 'unknown-kind',
      message: `${apiVersion} has no kind ${kind}`,
      controllerMessage,
      hint: `${guess ? `${guess} (kinds are case-sensitive)` : `Cartographer's kinds are ${CARTO_KINDS.join(', ')}`}; kubectl apply would refuse this object, and carto ignores it`,
      path: ['kind'],
    };
  }
  if (apiVersion !== CARTO_VERSION) {
    return { code: 'unknown-api-version', message: controllerMessage, controllerMessage, hint: `Cartographer serves ${CARTO_VERSION} only; carto ignores this object`, path: ['apiVersion'] };
  }
  return undefined;
}
