// The graph of blueprints themselves (`carto graph` without --workload): every resource with its
// template or its options and their selectors, and every input as an edge from the resource that
// feeds it. Drawn from the blueprint alone: its templates need not be in the inputs.
import type { Blueprint } from '../model/index.js';
import { declaredInputs } from '../chain/index.js';
import { describeInput, describeSelector } from './describe.js';
import type { Cluster, Graph, GraphEdge, GraphNode } from './model.js';
import { optionLabel } from '../select/index.js';

export function blueprintGraph(blueprints: readonly Blueprint[]): Graph {
  return { clusters: blueprints.map(blueprintCluster) };
}

function blueprintCluster(blueprint: Blueprint): Cluster {
  const key = (resource: string) => `${blueprint.kind}/${blueprint.name}/${resource}`;
  const position = new Map(blueprint.resources.map((r, i) => [r.name, i]));
  const nodes: GraphNode[] = [];
  const missing: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  blueprint.resources.forEach((resource, here) => {
    const options = resource.templateRef.options ?? [];
    const kind = resource.templateRef.kind || '(no template kind)';
    nodes.push({
      key: key(resource.name),
      name: resource.name,
      template: options.length > 0 ? `${kind}, one of:` : `${kind} ${resource.templateRef.name ?? '(no name)'}`,
      options: options.map((o) => `${optionLabel(o)} when ${describeSelector(o.selector)}`),
      details: [],
    });
    for (const input of declaredInputs(resource)) {
      const at = position.get(input.resource);
      if (at === undefined && !missing.some((m) => m.name === input.resource)) {
        missing.push({ key: key(input.resource), name: input.resource, template: 'not a resource of this blueprint', options: [], details: [], missing: true });
      }
      const never = at === undefined ? 'no such resource' : at >= here ? `${input.resource} is not before ${resource.name}` : undefined;
      edges.push({
        from: key(input.resource),
        to: key(resource.name),
        label: describeInput(input),
        ...(never ? { dashed: true, note: `never satisfied: ${never}` } : {}),
      });
    }
  });
  return {
    title: `${blueprint.kind} ${blueprint.name}`,
    details: [`selects ${describeSelector(blueprint.selector)}`],
    nodes: [...nodes, ...missing],
    edges,
  };
}
