// Graphviz DOT for a graph: `digraph`, left to right, one cluster per box, nodes in blueprint
// resource order, every ID quoted, labels as HTML-like labels (escaped) so the resource name is
// bold. Same graph, same bytes.
import { nodeColour, nodeMark, type Cluster, type Graph, type GraphEdge, type GraphNode } from './model.js';
import { wrap } from './wrap.js';

/** Widest line of a label before it is wrapped. */
const WIDTH = 48;

export function formatDot(graph: Graph): string {
  const out: string[] = [
    'digraph "carto" {',
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=11, labelloc=t, labeljust=l, nodesep=0.3, ranksep=0.6];',
    '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
    ...(graph.legend ? [`  // ${graph.legend}`] : []),
  ];
  graph.clusters.forEach((cluster, i) => out.push('', ...clusterLines(cluster, i)));
  const edges = graph.clusters.flatMap((c) => c.edges);
  if (edges.length > 0) out.push('', ...edges.map(edgeLine));
  out.push('}');
  return `${out.join('\n')}\n`;
}

function clusterLines(cluster: Cluster, index: number): string[] {
  const title = [`<B>${html(cluster.title)}</B>`, ...cluster.details.flatMap((d) => wrap(d, WIDTH * 2)).map(html)].join('<BR ALIGN="LEFT"/>');
  return [
    `  subgraph ${id(`cluster_${index}`)} {`,
    `    label=<${title}<BR ALIGN="LEFT"/>>;`,
    '    style=rounded; color="#888888";',
    ...cluster.nodes.map((n) => `    ${nodeLine(n)}`),
    '  }',
  ];
}

function nodeLine(node: GraphNode): string {
  const lines = [
    `<B>${html(nodeMark(node) + node.name)}</B>`,
    ...wrap(node.template, WIDTH).map(html),
    ...[...node.options, ...node.details].flatMap((d) => wrap(d, WIDTH)).map((l) => `<FONT POINT-SIZE="9">${html(l)}</FONT>`),
  ];
  const colour = nodeColour(node);
  const style = node.missing ? ', style="rounded,dashed", color="#888888"' : colour ? `, color="${colour}", penwidth=2` : '';
  return `${id(node.key)} [label=<${lines.join('<BR/>')}>${style}];`;
}

function edgeLine(edge: GraphEdge): string {
  const label = [edge.label, ...(edge.note ? wrap(edge.note, WIDTH / 2) : [])].map(quoted).join('\\n');
  return `  ${id(edge.from)} -> ${id(edge.to)} [label="${label}"${edge.dashed ? ', style=dashed' : ''}];`;
}

/** A quoted DOT ID. */
function id(text: string): string {
  return `"${quoted(text)}"`;
}

/** Text inside a DOT double-quoted string. */
function quoted(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Text inside an HTML-like label. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
