// The three drawings of a graph, on graphs built by hand and from the library: escaping (DOT
// quoted IDs and HTML-like labels, Mermaid entity codes), stable order, dashed edges, the text
// tree's shape and width, and the line wrapping they share.
import { blueprintDoc, ownerDoc, renderStream, stream } from '../helpers/chains.js';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/load/index.js';
import { buildCatalog } from '../../src/model/index.js';
import { blueprintGraph, formatDot, formatMermaid, formatText, ownerGraph, type Graph } from '../../src/graph/index.js';
import { wrap } from '../../src/graph/wrap.js';
import { renderText } from '../helpers/render.js';

const hasDot = spawnSync('dot', ['-V']).status === 0;

const nasty: Graph = {
  clusters: [
    {
      title: 'ClusterSupplyChain "odd" <b>',
      details: ['selects a=b & c'],
      nodes: [
        { key: 'k/"quoted"\\back', name: 'first "one"', template: 'T <x> & y', options: ['o [1] {2} (3) |4| #5 `6`'], details: ['a\\nb'] },
        { key: 'k/second', name: 'second', template: 'T', options: [], details: [] },
        { key: 'k/gone', name: 'gone', template: 'not a resource of this blueprint', options: [], details: [], missing: true },
      ],
      edges: [
        { from: 'k/"quoted"\\back', to: 'k/second', label: 'in "x" (source)' },
        { from: 'k/gone', to: 'k/second', label: 'y (config)', dashed: true, note: 'never satisfied: no such resource' },
      ],
    },
  ],
};

describe('wrap', () => {
  it('breaks at spaces within the width, and cuts words longer than a line', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('x https://example.com/a/very/long/path y', 12)).toEqual(['x', 'https://exam', 'ple.com/a/ve', 'ry/long/path', 'y']);
    expect(wrap('first line is wider then', 16, 8)).toEqual(['first line is', 'wider', 'then']);
    expect(wrap('', 10)).toEqual(['']);
    for (const line of wrap('word '.repeat(50) + 'z'.repeat(100), 30)) expect(line.length).toBeLessThanOrEqual(30);
  });
});

describe('DOT', () => {
  const dot = formatDot(nasty);

  it('quotes every ID, escaping quotes and backslashes', () => {
    expect(dot).toContain('"k/\\"quoted\\"\\\\back" [label=<');
    expect(dot).toContain('"k/\\"quoted\\"\\\\back" -> "k/second" [label="in \\"x\\" (source)"];');
    expect(dot).toContain('subgraph "cluster_0" {');
  });

  it('escapes HTML-like labels', () => {
    expect(dot).toContain('<B>first &quot;one&quot;</B><BR/>T &lt;x&gt; &amp; y<BR/>');
    expect(dot).toContain('<B>ClusterSupplyChain &quot;odd&quot; &lt;b&gt;</B>');
    expect(dot).not.toMatch(/<b>/);
  });

  it('draws dashed what is missing or never satisfied, and lays out left to right', () => {
    expect(dot).toContain('"k/gone" [label=<<B>gone</B><BR/>not a resource of this blueprint>, style="rounded,dashed", color="#888888"];');
    expect(dot).toContain('[label="y (config)\\nnever satisfied: no such\\nresource", style=dashed];');
    expect(dot).toContain('rankdir=LR');
  });

  it.skipIf(!hasDot)('is accepted by Graphviz', () => {
    const result = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('Mermaid', () => {
  const mermaid = formatMermaid(nasty);

  it('uses generated IDs and quotes every label with entity codes', () => {
    expect(mermaid.split('\n')[0]).toBe('flowchart LR');
    expect(mermaid).toContain('  subgraph b0["ClusterSupplyChain #quot;odd#quot; #lt;b#gt;<br/>selects a=b #amp; c"]');
    expect(mermaid).toContain('    b0r0["first #quot;one#quot;<br/>T #lt;x#gt; #amp; y<br/>o [1] {2} (3) |4| #35;5 #96;6#96;<br/>a\\nb"]');
    expect(mermaid).toContain('  b0r0 -->|"in #quot;x#quot; (source)"| b0r1');
    expect(mermaid).toContain('  b0r2 -.->|"y (config)<br/>never satisfied: no such<br/>resource"| b0r1');
    expect(mermaid).toContain('  class b0r2 missing');
  });

  it('leaves no quote, < or > of the input inside a label', () => {
    for (const [, label] of mermaid.matchAll(/"([^"]*)"/g)) expect(label?.replace(/<br\/>/g, '')).not.toMatch(/[<>"]/);
  });
});

describe('text', () => {
  it('draws a tree: options, then inputs (← the resource feeding them), then the rest', () => {
    expect(formatText(nasty)).toBe(
      [
        'ClusterSupplyChain "odd" <b>, selects a=b & c',
        '├── first "one"  T <x> & y',
        '│   ├── o [1] {2} (3) |4| #5 `6`',
        '│   └── a\\nb',
        '├── second  T',
        '│   ├── input in "x" (source) ← first "one"',
        '│   └── input y (config) ← gone (never satisfied: no such resource)',
        '└── gone  not a resource of this blueprint',
        '',
      ].join('\n'),
    );
  });

  it('wraps long lines under their own branch, within 80 columns', () => {
    const long: Graph = { clusters: [{ title: 'T', details: [], edges: [], nodes: [{ key: 'a', name: 'a', template: 'x', options: ['word '.repeat(40).trim()], details: ['https://example.com/' + 'p'.repeat(120)] }] }] };
    const lines = formatText(long).trimEnd().split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(lines[2]?.startsWith('    ├── word')).toBe(true);
    expect(lines[3]?.startsWith('    │     word')).toBe(true);
    expect(lines.at(-1)?.startsWith('          ')).toBe(true);
  });
});

describe('graphs from the library', () => {
  const chain = `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: chain}
spec:
  selector: {app: web}
  resources:
  - name: src
    templateRef: {kind: ClusterSourceTemplate, name: src}
  - name: cfg
    templateRef: {kind: ClusterConfigTemplate, name: cfg}
    sources: [{resource: src, name: code}]
---
apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: src}
spec:
  urlPath: .spec.url
  revisionPath: .spec.revision
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: $(workload.metadata.name)$}, spec: {url: u, revision: r}}
---
apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata: {name: cfg}
spec:
  configPath: .data
  template: {apiVersion: v1, kind: ConfigMap, metadata: {generateName: $(workload.metadata.name)$-}, data: {url: $(sources.code.url)$}}
---
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: app, namespace: ns, labels: {app: web}}
`;

  it('draws a blueprint in its resource order, from the blueprint alone', () => {
    const { catalog } = buildCatalog(parseText(chain, 'chain.yaml').documents, { defaultNamespace: 'default' });
    const graph = blueprintGraph(catalog.blueprints);
    expect(graph.clusters[0]?.nodes.map((n) => `${n.name}: ${n.template}`)).toEqual(['src: ClusterSourceTemplate src', 'cfg: ClusterConfigTemplate cfg']);
    expect(graph.clusters[0]?.edges).toEqual([{ from: 'ClusterSupplyChain/chain/src', to: 'ClusterSupplyChain/chain/cfg', label: 'code (source)' }]);
  });

  it('draws what an owner stamps, with the provenance of its outputs', () => {
    const result = renderText(chain);
    expect(result.ok).toBe(true);
    const graph = ownerGraph(result.owners[0]!);
    expect(graph.clusters[0]?.title).toBe('Workload ns/app');
    expect(graph.clusters[0]?.nodes.map((n) => n.details)).toEqual([
      ['stamps ConfigMap app', 'health: True, OutputsAvailable', 'outputs url, revision: stamped'],
      ['stamps ConfigMap (generateName app-)', 'health: True, OutputsAvailable', 'outputs config: stamped'],
    ]);
    expect(graph.clusters[0]?.nodes.map((n) => n.health)).toEqual(['healthy', 'healthy']);
    expect(graph.clusters[0]?.edges[0]?.dashed).toBeUndefined();
    // The owner's readiness, when the caller computed it (carto status's verdict), is a detail of the box.
    expect(ownerGraph(result.owners[0]!, { status: 'Unknown', reason: 'MissingValueAtPath' }).clusters[0]?.details).toEqual(['through ClusterSupplyChain chain', 'Ready: Unknown (MissingValueAtPath), as carto status reports it']);
  });

  it('marks each resource with its health: an unhealthy object gets ✗ and a red border', () => {
    const result = renderStream(stream(
      blueprintDoc(`  - name: cm
    templateRef: {kind: ClusterTemplate, name: cm}`),
      `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: cm}
spec:
  healthRule:
    multiMatch:
      healthy: {matchFields: [{key: data.state, operator: In, values: [good]}]}
      unhealthy: {matchFields: [{key: data.state, operator: In, values: [bad]}]}
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: cm}, data: {state: bad}}`,
      ownerDoc(),
    ));
    const graph = ownerGraph(result.owners[0]!);
    expect(graph.clusters[0]?.nodes[0]?.health).toBe('unhealthy');
    expect(formatText(graph).split('\n')[1]).toBe('└── ✗ cm  ClusterTemplate cm');
    expect(formatDot(graph)).toContain('color="#c62828", penwidth=2');
    expect(formatMermaid(graph)).toContain('style b0r0 stroke:#c62828,stroke-width:2px');
  });
});

