// Mermaid flowchart for a graph (GitHub renders it in Markdown): `flowchart LR`, a subgraph per
// box, nodes in blueprint resource order with generated IDs (b0r1), and every label quoted with
// Mermaid's entity codes for the characters that would end or change it (" # < > & `).
import { nodeColour, nodeMark, type Graph } from './model.js';
import { wrap } from './wrap.js';

const WIDTH = 48;

export function formatMermaid(graph: Graph): string {
  const ids = new Map<string, string>();
  const out: string[] = ['flowchart LR', ...(graph.legend ? [`  %% ${graph.legend}`] : [])];
  const missing: string[] = [];
  const styles: string[] = [];
  graph.clusters.forEach((cluster, b) => {
    cluster.nodes.forEach((node, r) => ids.set(node.key, `b${b}r${r}`));
    const title = [cluster.title, ...cluster.details.flatMap((d) => wrap(d, WIDTH * 2))];
    out.push(`  subgraph b${b}["${label(title)}"]`);
    out.push('    direction LR');
    for (const node of cluster.nodes) {
      const lines = [nodeMark(node) + node.name, ...wrap(node.template, WIDTH), ...[...node.options, ...node.details].flatMap((d) => wrap(d, WIDTH))];
      out.push(`    ${ids.get(node.key)}["${label(lines)}"]`);
      if (node.missing) missing.push(ids.get(node.key) as string);
      const colour = nodeColour(node);
      if (colour) styles.push(`  style ${ids.get(node.key)} stroke:${colour},stroke-width:2px`);
    }
    out.push('  end');
  });
  for (const edge of graph.clusters.flatMap((c) => c.edges)) {
    const text = label([edge.label, ...(edge.note ? wrap(edge.note, WIDTH / 2) : [])]);
    out.push(`  ${ids.get(edge.from)} ${edge.dashed ? '-.->' : '-->'}|"${text}"| ${ids.get(edge.to)}`);
  }
  out.push(...styles);
  if (missing.length > 0) {
    out.push('  classDef missing stroke-dasharray: 4 4');
    out.push(`  class ${missing.join(',')} missing`);
  }
  return `${out.join('\n')}\n`;
}

/** Lines of a quoted label, joined with <br/>. */
function label(lines: readonly string[]): string {
  return lines.map(escape).join('<br/>');
}

function escape(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
}
