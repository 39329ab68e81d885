// What `carto graph` draws, independent of the output format: boxes (one per blueprint, or one
// for the owner being rendered) holding a node per resource, and input edges between them.
// Built by blueprint.ts and owner.ts; drawn by dot.ts, mermaid.ts and text.ts.

import { MARKS, type Verdict } from '../status/index.js';

export interface Graph {
  clusters: Cluster[];
  /** What the marks before resource names mean (owner graphs with marks): a last line in text, a comment in DOT and Mermaid. */
  legend?: string;
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
  /** Owner graphs: the resource's `Healthy` condition in render's run (a mark in text, a colour in
   *  DOT and Mermaid) when there is no `verdict`. */
  health?: 'healthy' | 'unhealthy' | 'unknown';
  /** Owner graphs: the resource's verdict as `carto status` reports it (no mocks); the mark when set. */
  verdict?: Verdict;
}

/** The mark of render's health: ✓ healthy, ✗ unhealthy, ? unknown. */
const HEALTH_MARKS = { healthy: '✓', unhealthy: '✗', unknown: '?' } as const;

/** DOT and Mermaid colours of render's health (green, red, grey). */
const HEALTH_COLOURS = { healthy: '#2e7d32', unhealthy: '#c62828', unknown: '#888888' } as const;

/** DOT and Mermaid colours of carto status's verdicts (green, amber, red, grey). */
const VERDICT_COLOURS: Record<Verdict, string> = { ready: '#2e7d32', waiting: '#b26a00', failed: '#c62828', blocked: '#888888' };

/** The mark before a resource's name (with its space): carto status's verdict, else render's health. */
export function nodeMark(node: GraphNode): string {
  if (node.verdict) return `${MARKS[node.verdict].mark} `;
  return node.health ? `${HEALTH_MARKS[node.health]} ` : '';
}

/** The colour of a resource's box, when it has a mark. */
export function nodeColour(node: GraphNode): string | undefined {
  if (node.verdict) return VERDICT_COLOURS[node.verdict];
  return node.health ? HEALTH_COLOURS[node.health] : undefined;
}

/** The legend of carto status's marks. */
export const VERDICT_LEGEND = `marks: ${(Object.keys(MARKS) as Verdict[]).map((v) => `${MARKS[v].mark} ${MARKS[v].word}`).join(', ')} (each resource as carto status reports it: no mocks)`;

/** The legend of render's health marks. */
export const HEALTH_LEGEND = `marks: ${(Object.keys(HEALTH_MARKS) as Array<keyof typeof HEALTH_MARKS>).map((h) => `${HEALTH_MARKS[h]} ${h}`).join(', ')} (the Healthy condition in this render, which may use mocks)`;

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
