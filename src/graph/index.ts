// graph: blueprints, or one owner's render report → a drawing of the supply chain as DOT,
// Mermaid or a text tree. Pure: no file system, no process.
import { formatDot } from './dot.js';
import { formatMermaid } from './mermaid.js';
import type { Graph } from './model.js';
import { formatText, TEXT_WIDTH } from './text.js';

export type { Graph, Cluster, GraphNode, GraphEdge } from './model.js';
export { blueprintGraph } from './blueprint.js';
export { ownerGraph } from './owner.js';
export { chooseBlueprints, type ChosenBlueprints } from './blueprints.js';
export { pickOwner, type Picked } from './pick.js';
export { formatDot, formatMermaid, formatText, TEXT_WIDTH };

export type GraphFormat = 'dot' | 'mermaid' | 'text';

export function formatGraph(graph: Graph, format: GraphFormat): string {
  return format === 'mermaid' ? formatMermaid(graph) : format === 'text' ? formatText(graph) : formatDot(graph);
}
