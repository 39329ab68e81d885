// Differential test against jsonpath-plus on plain JSON, for the subset where the two dialects
// agree, plus the concrete differences where jsonpath-plus cannot stand in for client-go.
// jsonpath-plus runs with eval disabled: it never evaluates script.
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { compile, findResults, GoStruct } from '../../src/jsonpath/index.js';
import type { GoValue, JSONValue } from '../../src/jsonpath/index.js';

function plus(path: string, json: JSONValue): unknown[] {
  return JSONPath({ path, json: json as object, eval: false, wrap: true }) as unknown[];
}

function clientGo(template: string, json: GoValue): GoValue[] {
  return findResults(compile(template), json, { allowMissingKeys: true })[0]!;
}

/** A small deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const KEYS = ['a', 'b', 'c', 'name', 'items', 'spec', 'x_1', 'k8s-app', 'web/html'];

/** Objects are built with their keys in sorted order, because client-go (in carto) iterates maps sorted while jsonpath-plus uses insertion order. */
function genDoc(r: () => number, depth: number): JSONValue {
  const roll = r();
  if (depth <= 0 || roll < 0.25) {
    const s = r();
    if (s < 0.4) return `s${Math.floor(r() * 100)}`;
    if (s < 0.7) return Math.floor(r() * 1000) / 10;
    if (s < 0.85) return r() < 0.5;
    return null;
  }
  if (roll < 0.55) {
    const n = Math.floor(r() * 4);
    return Array.from({ length: n }, () => genDoc(r, depth - 1));
  }
  const keys = KEYS.filter(() => r() < 0.4).sort();
  const obj: { [k: string]: JSONValue } = {};
  for (const k of keys) obj[k] = genDoc(r, depth - 1);
  return obj;
}

/** A step both dialects spell differently but mean the same by. */
interface Step {
  cg: string;
  jp: string;
}

/** Walks the document choosing steps that stay inside the agreed subset. */
function genPath(r: () => number, doc: JSONValue): Step[] {
  const steps: Step[] = [];
  let cur: JSONValue[] = [doc];
  for (let depth = 0; depth < 5 && cur.length > 0; depth++) {
    const v = cur[0]!;
    if (Array.isArray(v)) {
      // an index must be in range for every selected array, or client-go errors
      if (!cur.every((x) => Array.isArray(x))) break;
      const n = Math.min(...cur.map((x) => (x as JSONValue[]).length));
      if (n === 0) break;
      const roll = r();
      if (roll < 0.3) {
        steps.push({ cg: '[*]', jp: '[*]' });
      } else if (roll < 0.6) {
        const i = Math.floor(r() * n);
        steps.push({ cg: `[${i}]`, jp: `[${i}]` });
      } else if (roll < 0.8) {
        const a = Math.floor(r() * n);
        const b = a + Math.floor(r() * (n - a)) + 1;
        const step = 1 + Math.floor(r() * 2);
        steps.push({ cg: `[${a}:${b}:${step}]`, jp: `[${a}:${b}:${step}]` });
      } else if (cur.length === 1) {
        // unions after a multi-valued step order their results differently (see difference 13)
        const i = Math.floor(r() * n);
        const j = Math.floor(r() * n);
        steps.push({ cg: `[${i},${j}]`, jp: `[${i},${j}]` });
      } else {
        steps.push({ cg: '[*]', jp: '[*]' });
      }
      cur = cur.flatMap((x) => (Array.isArray(x) ? x : []));
      if (cur.length === 0) break;
      // only keep walking when every selected value has the same shape
      if (!cur.every((x) => Array.isArray(x) === Array.isArray(cur[0]) && typeof x === typeof cur[0])) break;
      continue;
    }
    if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      const roll = r();
      if (roll < 0.1) {
        steps.push({ cg: '.*', jp: '.*' });
        break;
      }
      if (roll < 0.25) {
        const key = KEYS[Math.floor(r() * KEYS.length)]!;
        steps.push({ cg: `..${key}`, jp: `..${key}` });
        break;
      }
      // mostly existing keys, sometimes a missing one
      const key = keys.length > 0 && r() < 0.85 ? keys[Math.floor(r() * keys.length)]! : 'missing';
      steps.push({ cg: `.${key}`, jp: `['${key}']` });
      cur = cur.flatMap((x) => (x !== null && typeof x === 'object' && !Array.isArray(x) && Object.prototype.hasOwnProperty.call(x, key) ? [x[key]!] : []));
      continue;
    }
    break;
  }
  return steps;
}

describe('agrees with jsonpath-plus on plain field chains, [*], in-range indexes, slices, unions and recursive descent', () => {
  const r = rng(20240610);
  const cases: { doc: JSONValue; cg: string; jp: string }[] = [];
  while (cases.length < 600) {
    const doc = genDoc(r, 5);
    if (doc === null || typeof doc !== 'object') continue;
    const steps = genPath(r, doc);
    if (steps.length === 0) continue;
    cases.push({ doc, cg: `{${steps.map((s) => s.cg).join('')}}`, jp: `$${steps.map((s) => s.jp).join('')}` });
  }

  it('generates a meaningful mix of cases', () => {
    expect(cases.filter((c) => c.cg.includes('..')).length).toBeGreaterThan(20);
    expect(cases.filter((c) => c.cg.includes('[*]')).length).toBeGreaterThan(20);
    expect(cases.filter((c) => /\[\d+:\d+/.test(c.cg)).length).toBeGreaterThan(20);
    expect(cases.filter((c) => clientGo(c.cg, c.doc).length > 1).length).toBeGreaterThan(50);
  });

  it.each(cases.map((c, i) => [i, c.cg, c.jp, c.doc] as const))('#%i %s ≡ %s', (_i, cg, jp, doc) => {
    expect(clientGo(cg, doc)).toEqual(plus(jp, doc));
  });
});

describe('confirmed differences (jsonpath-plus 10.4.0 cannot reproduce client-go)', () => {
  const doc: JSONValue = { a: { b: [{ name: 'x', v: 1 }, { name: 'y', v: 2 }, { name: 'z' }] }, name: 'top', k: { 'dot.key': 1, b: 2, a: 3 } };

  it('1. an out-of-range index is an error in client-go, no match in jsonpath-plus', () => {
    expect(() => clientGo('{.a.b[5]}', doc)).toThrow('array index out of bounds: index 5, length 3');
    expect(plus('$.a.b[5]', doc)).toEqual([]);
    expect(() => clientGo('{.a.b[0:5]}', doc)).toThrow('array index out of bounds: index 4, length 3');
    expect(plus('$.a.b[0:5]', doc)).toHaveLength(3);
    expect(() => clientGo('{.a.b[-5:]}', doc)).toThrow('array index out of bounds: index -2, length 3');
    expect(plus('$.a.b[-5:]', doc)).toHaveLength(3);
  });
  it('2. a negative single index selects from the end in client-go, nothing in jsonpath-plus', () => {
    expect(clientGo('{.a.b[-1].name}', doc)).toEqual(['z']);
    expect(plus('$.a.b[-1].name', doc)).toEqual([]);
  });
  it("3. ['a.b'] splits at the dot in client-go, is one key in jsonpath-plus", () => {
    expect(clientGo("{.k['dot.key']}", doc)).toEqual([]);
    expect(clientGo("{.k['dot\\.key']}", doc)).toEqual([1]);
    expect(plus("$.k['dot.key']", doc)).toEqual([1]);
  });
  it('4. ["key"] is a parse error in client-go, a key in jsonpath-plus', () => {
    expect(() => clientGo('{.k["dot.key"]}', doc)).toThrow('invalid array index "dot.key"');
    expect(plus('$.k["dot.key"]', doc)).toEqual([1]);
  });
  it('5. [*] on an object is an error in client-go, its values in jsonpath-plus', () => {
    expect(() => clientGo('{.k[*]}', doc)).toThrow('map[string]interface {} is not array or slice');
    expect(plus('$.k[*]', doc)).toEqual([1, 2, 3]);
  });
  it('6. map order: sorted keys in carto (random in Go), insertion order in jsonpath-plus', () => {
    expect(clientGo('{.k.*}', doc)).toEqual([3, 2, 1]);
    expect(plus('$.k.*', doc)).toEqual([1, 2, 3]);
  });
  it('7. strings: JS properties and characters in jsonpath-plus, nothing or an error in client-go', () => {
    expect(clientGo('{.name.length}', doc)).toEqual([]);
    expect(plus('$.name.length', doc)).toEqual([3]);
    expect(() => clientGo('{.name[0]}', doc)).toThrow('string is not array or slice');
    expect(plus('$.name[0]', doc)).toEqual(['t']);
  });
  it('8. filters: typed Go comparisons in client-go; script evaluation (refused here) in jsonpath-plus', () => {
    expect(() => clientGo('{.a.b[?(@.v==1)].name}', doc)).toThrow('incompatible types for comparison');
    expect(clientGo('{.a.b[?(@.v==1.0)].name}', doc)).toEqual(['x']);
    expect(() => plus('$.a.b[?(@.v==1)].name', doc)).toThrow();
  });
  it('9. bare recursive descent: client-go lists the root and only non-empty containers and strings', () => {
    const small: JSONValue = { b: [1, 'ab'], a: {} };
    expect(clientGo('{..}', small)).toEqual([small, [1, 'ab'], 'ab']);
    expect(plus('$..*', small)).toEqual([[1, 'ab'], {}, 1, 'ab']);
  });
  it('10. missing keys are an error in client-go unless allowMissingKeys', () => {
    expect(() => findResults(compile('{.nope}'), doc)).toThrow('nope is not found');
    expect(plus('$.nope', doc)).toEqual([]);
  });
  it('11. typed structs: client-go finds zero-valued fields and Go field names', () => {
    const s = new GoStruct([{ name: 'serviceAccountName', goName: 'ServiceAccountName', value: '', omitEmpty: true, pointer: false }]);
    expect(clientGo('{.ServiceAccountName}', s)).toEqual(['']);
    expect(plus('$.ServiceAccountName', { serviceAccountName: '' })).toEqual([]);
  });
  it('13. a union after a multi-valued step: client-go groups by branch, jsonpath-plus by input', () => {
    const lists: JSONValue = [
      [1, 2],
      [3, 4],
    ];
    expect(clientGo('{[*][0,1]}', lists)).toEqual([1, 3, 2, 4]);
    expect(plus('$[*][0,1]', lists)).toEqual([1, 2, 3, 4]);
  });
  it('14. an empty slice of one input: client-go ends the step there, jsonpath-plus goes on to the next input', () => {
    const ragged: JSONValue = [[1], [3, 4]];
    expect(clientGo('{[*][1:]}', ragged)).toEqual([]);
    expect(plus('$[*][1:]', ragged)).toEqual([4]);
  });
  it('12. templates: text, several actions and {range} have no jsonpath-plus equivalent', () => {
    expect(findResults(compile('x{range .a.b[*]}{.name}{end}'), doc)).toEqual([['x'], ['x'], ['y'], ['z']]);
  });
});
