// The graph of blueprints themselves (`carto graph` without --workload): every resource with its
// template or its options and their selectors, and every input as an edge from the resource that
// feeds it. Drawn from the blueprint alone: its templates need not be in the inputs.
import type { Blueprint } from '../model/index.js';
import { declaredInputs, neverSatisfied } from '../chain/index.js';
import { describeInput, describeSelector } from './describe.js';
import type { Cluster, Graph, GraphEdge, GraphNode } from './model.js';
import { optionLabel } from '../select/index.js';

export function blueprintGraph(blueprints: readonly Blueprint[]): Graph {
  return { clusters: blueprints.map(blueprintCluster) };
}

function blueprintCluster(blueprint: Blueprint): Cluster {
  const key = (resource: string) => `${blueprint.kind}/${blueprint.name}/${resource}`;
  const never = new Map(neverSatisfied(blueprint).map((n) => [n.ref, n.reason]));
  const nodes: GraphNode[] = [];
  const missing: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const resource of blueprint.resources) {
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
      const reason = never.get(input);
      if (reason === 'unknown-resource' && !missing.some((m) => m.name === input.resource)) {
        missing.push({ key: key(input.resource), name: input.resource, template: 'not a resource of this blueprint', options: [], details: [], missing: true });
      }
      const why = reason === 'unknown-resource' ? 'no such resource' : reason === 'later-resource' ? `${input.resource} is not before ${resource.name}` : undefined;
      edges.push({
        from: key(input.resource),
        to: key(resource.name),
        label: describeInput(input),
        ...(why ? { dashed: true, note: `never satisfied: ${why}` } : {}),
      });
    }
  }
  return {
    title: `${blueprint.kind} ${blueprint.name}`,
    details: [`selects ${describeSelector(blueprint.selector)}`],
    nodes: [...nodes, ...missing],
    edges,
  };
}
