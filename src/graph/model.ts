// What `carto graph` draws, independent of the output format: boxes (one per blueprint, or one
// for the owner being rendered) holding a node per resource, and input edges between them.
// Built by blueprint.ts and owner.ts; drawn by dot.ts, mermaid.ts and text.ts.

export interface Graph {
  clusters: Cluster[];
}

export interface Cluster {
  /** First line: what the box is (`ClusterSupplyChain web-app`); then details (its selector). */
  title: string;
  details: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphNode {
  /** Unique in the graph, stable: `ClusterSupplyChain/web-app/source-provider`. */
  key: string;
  /** The resource name. */
  name: string;
  /** The template (`ClusterSourceTemplate git-repository`), or its kind when options decide. */
  template: string;
  /** How the template is chosen: the options and their selectors, or the option chosen. */
  options: string[];
  /** Further lines: the stamped object, outputs. */
  details: string[];
  /** Not a resource of the blueprint: an input names a resource that does not exist. */
  missing?: boolean;
  /** Owner graphs: the resource's `Healthy` condition (a mark in text, a colour in DOT and Mermaid). */
  health?: 'healthy' | 'unhealthy' | 'unknown';
}

/** The mark a resource's health gets before its name: ✓ healthy, ✗ unhealthy, ? unknown. */
export function healthMark(health: GraphNode['health']): string {
  return health === 'healthy' ? '✓ ' : health === 'unhealthy' ? '✗ ' : health === 'unknown' ? '? ' : '';
}

/** DOT and Mermaid colours of a resource's health (green, red, grey). */
export const HEALTH_COLOURS = { healthy: '#2e7d32', unhealthy: '#c62828', unknown: '#888888' } as const;

export interface GraphEdge {
  /** Keys of the nodes. */
  from: string;
  to: string;
  /** `source (source)`, `deployment`. */
  label: string;
  /** The value that travels on this edge is a mock (owner graphs), or never arrives: the input
   *  names a resource that is not before this one. Drawn dashed. */
  dashed?: boolean;
  /** Said after the label in text: `mock`, `never satisfied: …`. */
  note?: string;
}
