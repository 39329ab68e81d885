// A graph as a tree for the terminal, within 80 columns: each box, then its resources in
// blueprint order, each with how its template is chosen, its inputs (← the resource feeding
// them) and what it stamps and outputs. Long lines wrap under their own branch. The legend of the
// marks, when there are marks, comes last.
import { nodeMark, type Cluster, type Graph } from './model.js';
import { wrap } from './wrap.js';

export const TEXT_WIDTH = 80;

interface Item {
  text: string;
  children: Item[];
}

export function formatText(graph: Graph): string {
  const [first = '', ...more] = graph.legend ? wrap(graph.legend, TEXT_WIDTH, TEXT_WIDTH - 4) : [];
  const legend = graph.legend ? [first, ...more.map((l) => `    ${l}`)].map((l) => `${l}\n`).join('') : '';
  return graph.clusters.map(clusterText).join('\n') + legend;
}

function clusterText(cluster: Cluster): string {
  const names = new Map(cluster.nodes.map((n) => [n.key, n.name]));
  const items: Item[] = cluster.nodes.map((node) => ({
    text: `${nodeMark(node)}${node.name}  ${node.template}`,
    children: [
      ...node.options,
      ...cluster.edges
        .filter((e) => e.to === node.key)
        .map((e) => `input ${e.label} ← ${names.get(e.from) ?? e.from}${e.note ? ` (${e.note})` : ''}`),
      ...node.details,
    ].map((text) => ({ text, children: [] })),
  }));
  const [title = '', ...more] = wrap([cluster.title, ...cluster.details].join(', '), TEXT_WIDTH, TEXT_WIDTH - 4);
  const lines = [title, ...more.map((l) => `    ${l}`)];
  items.forEach((item, i) => lines.push(...itemLines(item, '', i === items.length - 1)));
  return `${lines.join('\n')}\n`;
}

function itemLines(item: Item, prefix: string, last: boolean): string[] {
  const branch = prefix + (last ? '└── ' : '├── ');
  const below = prefix + (last ? '    ' : '│   ');
  // Continuation lines stay inside this item's branch, indented two more.
  const continuation = below + (item.children.length > 0 ? '│ ' : '  ');
  const [first = '', ...rest] = wrap(item.text, TEXT_WIDTH - branch.length, TEXT_WIDTH - continuation.length);
  const lines = [branch + first, ...rest.map((l) => continuation + l)];
  item.children.forEach((child, i) => lines.push(...itemLines(child, below, i === item.children.length - 1)));
  return lines;
}
