// The README's pictures and excerpts are carto's current output: the committed SVG of the
// example chain has the nodes and edges of today's DOT, and the Mermaid, tree and explanation
// shown are the golden files (or a prefix of them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carto, ROOT } from '../helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const golden = (file: string) => readFileSync(join(ROOT, 'test/golden', file), 'utf8');

/** The body of the fenced block that follows `after` in the README. */
function blockAfter(after: string): string {
  const at = readme.indexOf(after);
  expect(at, after).toBeGreaterThan(-1);
  const open = readme.indexOf('```', at);
  const start = readme.indexOf('\n', open) + 1;
  return readme.slice(start, readme.indexOf('```', start));
}

describe('README', () => {
  it('shows the web-app supply chain as carto draws it in Mermaid', () => {
    expect(blockAfter('(`carto graph examples/web-app/ --format mermaid`)')).toBe(golden('graph/web-app.mmd'));
  });

  it('shows the catalog Workload as carto draws it as text', () => {
    expect(blockAfter('(`carto graph examples/web-app/ --workload catalog --format text`)')).toBe(golden('graph/web-app.catalog.txt'));
  });

  it('shows the beginning of the explanation of petclinic as carto writes it', () => {
    const excerpt = blockAfter('The text is for a person, in an 80-column terminal:').replace(/…\n$/, '');
    expect(excerpt.length).toBeGreaterThan(500);
    expect(golden('explain/web-app.petclinic.txt').startsWith(excerpt)).toBe(true);
  });

  it('pictures the source-to-url chain with an SVG drawn from the current DOT', () => {
    expect(readme).toContain('](examples/source-to-url/graph.svg)');
    const svg = readFileSync(join(ROOT, 'examples/source-to-url/graph.svg'), 'utf8');
    const decode = (s: string) => s.replace(/&#45;/g, '-').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const titles = [...svg.matchAll(/<title>(.*?)<\/title>/g)].map((m) => decode(m[1] as string)).sort();
    // Graphviz titles every node by its ID and every edge `FROM->TO`.
    const dot = carto(['graph', 'examples/source-to-url/']).stdout;
    const nodes = [...dot.matchAll(/^ {4}"([^"]+)" \[label=/gm)].map((m) => m[1] as string);
    const edges = [...dot.matchAll(/^ {2}"([^"]+)" -> "([^"]+)"/gm)].map((m) => `${m[1]}->${m[2]}`);
    expect(titles).toEqual(['carto', 'cluster_0', ...nodes, ...edges].sort());
    // …and its labels.
    for (const text of ['source-provider', 'ClusterSourceTemplate source', 'image (image)', 'selects app.tanzu.vmware.com/workload-type=web']) {
      expect(decode(svg)).toContain(`>${text}<`);
    }
  });
});
