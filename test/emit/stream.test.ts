// The output formats written in pieces (an owner's objects at a time, as `carto render` writes
// them) give exactly the bytes of the whole: the YAML stream and the JSON List of
// JSON.stringify(list, null, 4), whatever the objects hold and however they are split.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJsonList, formatYamlStream, JSON_LIST, YAML_STREAM, type StreamFormat } from '../../src/emit/index.js';
import type { StampedObject } from '../../src/render/index.js';
import { fuzz } from '../helpers/fuzz.js';

const stamped = (object: Record<string, unknown>): StampedObject =>
  ({
    via: 'blueprint',
    object,
    owner: { kind: 'Workload', namespace: 'dev', name: 'app' },
    blueprint: { kind: 'ClusterSupplyChain', name: 'sc' },
    resource: { name: 'r' },
    template: { kind: 'ClusterTemplate', name: 't' },
  }) as unknown as StampedObject;

/** The format written in the batches `sizes` gives (what the CLI does, owner by owner). */
function inPieces(format: StreamFormat, objects: readonly StampedObject[], sizes: readonly number[]): string {
  let out = format.open;
  let at = 0;
  for (const size of sizes) {
    if (at >= objects.length) break;
    out += format.objects(objects.slice(at, at + size), at === 0);
    at += size;
  }
  if (at < objects.length) out += format.objects(objects.slice(at), at === 0);
  return out + format.close(objects.length === 0);
}

const json = fc.jsonValue({ maxDepth: 4 });
const objectArb = fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 5 }).map((o) => ({ kind: 'ConfigMap', ...o }));

describe('formats written in pieces', () => {
  it('the JSON List is exactly JSON.stringify of the list, indented by 4', () => {
    fc.assert(
      fc.property(fc.array(objectArb, { maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 6 }), (objects, sizes) => {
        const expected = `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }, null, 4)}\n`;
        const list = objects.map(stamped);
        expect(formatJsonList(list)).toBe(expected);
        expect(inPieces(JSON_LIST, list, sizes)).toBe(expected);
      }),
      fuzz(200),
    );
  });

  it('the YAML stream is the same bytes however it is split', () => {
    fc.assert(
      fc.property(fc.array(objectArb, { maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 6 }), (objects, sizes) => {
        const list = objects.map(stamped);
        expect(inPieces(YAML_STREAM, list, sizes)).toBe(formatYamlStream(list));
      }),
      fuzz(100),
    );
  });

  it('an empty List and strings with newlines and line separators', () => {
    expect(formatJsonList([])).toBe('{\n    "apiVersion": "v1",\n    "kind": "List",\n    "items": []\n}\n');
    const odd = [stamped({ kind: 'X', data: { a: 'line\nbreak', b: 'sep\u2028arator', c: [] , d: {} } })];
    expect(formatJsonList(odd)).toBe(`${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: odd.map((s) => s.object) }, null, 4)}\n`);
  });
});
