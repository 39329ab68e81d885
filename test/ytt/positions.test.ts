// runYtt's `positions`: each output document's source map names the template node that produced
// a value (file and line): nodes written in a template, values an expression inserted, fragments
// of a def (in the same file or a loaded one), values an overlay supplied, plain files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runYtt, YttError, type YttSourceMap } from '../../src/ytt/index.js';
import { describeVectors, VECTORS as CASES, vectorCases } from '../helpers/ytt-vectors.js';

const where = (map: YttSourceMap, path: (string | number)[]) => {
  const hit = map.lookup(path);
  return hit ? `${hit.source.file}:${hit.source.line}${hit.depth === path.length ? '' : ` (at depth ${hit.depth})`}` : null;
};

const TEMPLATE = `#@ load("@ytt:data", "data")
#@ load("helpers.lib.yml", "labels")
#@ def ports():
- name: http
  port: 8080
#@ end
---
apiVersion: v1
kind: Service
metadata:
  name: #@ data.values.name
  labels: #@ labels()
spec:
  ports: #@ ports()
  extra: #@ {"a": {"b": 1}}
  list:
  #@ for n in range(2):
  - #@ n
  #@ end
  1: an int key
`;
const LIB = `#@ def labels():
app: web
tier: #@ "front"
#@ end
`;
const OVERLAY = `#@ load("@ytt:overlay", "overlay")
#@overlay/match by=overlay.subset({"kind": "Service"})
---
metadata:
  #@overlay/replace
  name: replaced
spec:
  #@overlay/match missing_ok=True
  type: ClusterIP
  ports:
  #@overlay/match by="name"
  - name: http
    port: 9090
  list:
  #@overlay/append
  - 2
`;
const PLAIN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: plain
`;

function run(positions = true) {
  return runYtt(
    [
      { name: 'tpl.yml', text: TEMPLATE },
      { name: 'helpers.lib.yml', text: LIB },
      { name: 'overlay.yml', text: OVERLAY },
      { name: 'plain.yml', text: PLAIN },
    ],
    { positions, dataValues: [{ key: 'name', value: 'svc' }] },
  );
}

describe('runYtt positions', () => {
  const result = run();
  const [service, plain] = result.sources!;

  it('gives one source map per output document, with the line it starts on in the output', () => {
    expect(result.sources).toHaveLength(result.documents.length);
    expect(service!.outputLine).toBe(1);
    const second = result.text.split('\n').indexOf('kind: ConfigMap');
    expect(plain!.outputLine).toBe(second); // the line before kind: is apiVersion, right after `---`
    expect(result.text.split('\n')[plain!.outputLine - 1]).toBe('apiVersion: v1');
  });

  it('maps a node written in the template to its own line, and a document to its ---', () => {
    expect(where(service!, [])).toBe('tpl.yml:7');
    expect(where(service!, ['apiVersion'])).toBe('tpl.yml:8');
    expect(where(service!, ['spec', '1'])).toBe('tpl.yml:20');
  });

  it('maps a value an expression inserted (and all of it) to the node it was inserted at', () => {
    expect(where(service!, ['spec', 'extra'])).toBe('tpl.yml:15');
    expect(where(service!, ['spec', 'extra', 'a', 'b'])).toBe('tpl.yml:15 (at depth 2)');
    // A field that is not there: its nearest ancestor.
    expect(where(service!, ['spec', 'missing'])).toBe('tpl.yml:13 (at depth 1)');
  });

  it('maps the nodes of a def fragment to the lines inside the def, in the file that defines it', () => {
    expect(where(service!, ['spec', 'ports', 0, 'name'])).toBe('tpl.yml:4');
    expect(where(service!, ['metadata', 'labels', 'app'])).toBe('helpers.lib.yml:2');
    expect(where(service!, ['metadata', 'labels', 'tier'])).toBe('helpers.lib.yml:3');
    expect(service!.lookup(['metadata', 'labels', 'app'])!.source.index).toBe(1);
  });

  it('maps what an overlay supplied to the overlay, and what it left to the template', () => {
    expect(where(service!, ['spec', 'ports', 0, 'port'])).toBe('overlay.yml:13'); // merged scalar
    expect(where(service!, ['metadata', 'name'])).toBe('overlay.yml:6'); // replaced
    expect(where(service!, ['spec', 'type'])).toBe('overlay.yml:9'); // added
    expect(where(service!, ['spec', 'list', 2])).toBe('overlay.yml:16'); // appended
    expect(where(service!, ['spec', 'list', 0])).toBe('tpl.yml:18'); // a for loop's items share their node
    expect(where(service!, ['spec', 'list', 1])).toBe('tpl.yml:18');
  });

  it('maps a plain YAML file of the run to its own lines', () => {
    expect(where(plain!, ['metadata', 'name'])).toBe('plain.yml:4');
    expect(plain!.lookup(['metadata', 'name'])!.source.index).toBe(3);
  });

  it('tells two files of the same name apart by their index', () => {
    const r = runYtt([{ name: 'c.yml', text: 'a: 1\n' }, { name: 'c.yml', text: '\n\nb: 2\n' }], { positions: true });
    expect([r.sources![0]!.lookup(['a'])!.source, r.sources![1]!.lookup(['b'])!.source]).toEqual([
      { file: 'c.yml', index: 0, line: 1 },
      { file: 'c.yml', index: 1, line: 3 },
    ]);
  });

  it('costs nothing when not asked for: no maps, and the same output', () => {
    const plainRun = run(false);
    expect(plainRun.sources).toBeUndefined();
    expect(plainRun.text).toBe(result.text);
  });
});

// The real templates of the ytt vectors (test/ytt/vectors.test.ts): positions change nothing in
// what ytt prints or fails with, and every output document gets a map that places its fields.
const cases = vectorCases();

describeVectors('positions on the ytt vectors', cases, () => {
  it('give the same output, and a map per document', () => {
    let placed = 0;
    let documents = 0;
    const unplaced: string[] = [];
    for (const name of cases) {
      const template = readFileSync(join(CASES, name, 'template.ytt.yaml'), 'utf8');
      const values = JSON.parse(readFileSync(join(CASES, name, 'values.json'), 'utf8')) as Record<string, unknown>;
      const run = (positions: boolean) => {
        try {
          return runYtt([{ name: 'stdin.yml', text: template }], { positions, dataValues: Object.keys(values).sort().map((key) => ({ key, value: values[key] })) });
        } catch (err) {
          if (err instanceof YttError) return err.text;
          throw err;
        }
      };
      const plain = run(false);
      const positioned = run(true);
      if (typeof plain === 'string' || typeof positioned === 'string') {
        expect(positioned, name).toBe(plain);
        continue;
      }
      expect(positioned.text, name).toBe(plain.text);
      expect(positioned.sources, name).toHaveLength(plain.documents.length);
      for (const [i, map] of positioned.sources!.entries()) {
        const doc = positioned.documents[i];
        const first = doc instanceof Map ? [...doc.keys()][0] : undefined;
        documents++;
        if (first !== undefined && map.lookup([String(first)])?.source.file === 'stdin.yml') placed++;
        else unplaced.push(name);
      }
    }
    // Every document of these templates starts with a key the template wrote.
    expect(unplaced).toEqual([]);
    expect(placed).toBe(documents);
  });
});
