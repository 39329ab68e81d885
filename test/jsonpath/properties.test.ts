// Property-based tests of the JSONPath evaluator (fast-check): it is total (any text, any data:
// a result or an error, never an exception), it agrees with a plain JavaScript model of field
// chains, indexes and equality filters — and with jsonpath-plus, run without eval — and it never
// reaches JavaScript's prototype chain (`__proto__`, `constructor`, `toString` are plain keys).
import fc from 'fast-check';
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { evaluateJsonPath } from '../../src/eval/index.js';
import { compile, findResults, JsonPathError, type GoValue, type JSONValue } from '../../src/jsonpath/index.js';
import { fuzz, fuzzTimeout } from '../helpers/fuzz.js';

const DANGEROUS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'length'];
const NAMES = ['a', 'b', 'name', 'spec', 'items', 'k8s-app', 'x_1', ...DANGEROUS];

/** An object with exactly these own keys, `__proto__` included. */
function objectOf(entries: Array<[string, JSONValue]>): { [k: string]: JSONValue } {
  const out: { [k: string]: JSONValue } = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const { json } = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, fc.constantFrom<JSONValue>(null, true, false, 0, 1, -2.5, '', 'x', 'v'), fc.string({ maxLength: 6 }), tie('array'), tie('object')),
  array: fc.array(tie('json'), { maxLength: 4 }) as fc.Arbitrary<JSONValue>,
  object: fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), tie('json')), { maxLength: 5, selector: ([k]) => k }).map((e) => objectOf(e as Array<[string, JSONValue]>)) as fc.Arbitrary<JSONValue>,
}));
const object = fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), json), { maxLength: 6, selector: ([k]) => k }).map((e) => objectOf(e as Array<[string, JSONValue]>));

type Step = { field: string } | { index: number };
const step: fc.Arbitrary<Step> = fc.oneof(fc.constantFrom(...NAMES).map((field) => ({ field })), fc.integer({ min: -3, max: 4 }).map((index) => ({ index })));

/** The plain JavaScript model: own keys only; an index out of range, or into anything but a list (or null), is an error, as in client-go. */
function model(data: JSONValue, steps: Step[]): JSONValue[] | 'error' {
  let cur: JSONValue[] = [data];
  for (const s of steps) {
    const next: JSONValue[] = [];
    for (const v of cur) {
      if ('field' in s) {
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, s.field)) next.push(v[s.field] as JSONValue);
      } else if (Array.isArray(v)) {
        const i = s.index < 0 ? v.length + s.index : s.index;
        if (i < 0 || i >= v.length) return 'error';
        next.push(v[i] as JSONValue);
      } else if (v !== null) {
        return 'error'; // client-go: "… is not array or slice"
      }
    }
    cur = next;
  }
  return cur;
}

const spell = (steps: Step[]): string => steps.map((s) => ('field' in s ? `.${s.field}` : `[${s.index}]`)).join('');

/** Text that looks like JSONPath: its punctuation and keywords, and some of everything else. */
const soup = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom('.', '..', '[', ']', '*', '?(', ')', '@', '==', '!=', '<', '>=', "'", '"', '\\', ',', ':', '-1', '0', '2', 'a', 'name', '__proto__', 'constructor', 'process.exit(1)', 'range', 'end', '{', '}', '$', ' ', 'true', 'null'), { maxLength: 20 }).map((t) => t.join('')),
);

describe('the JSONPath evaluator', () => {
  it('is total: any expression over any data gives a result or an error, never an exception', () => {
    fc.assert(
      fc.property(soup, object, (expr, data) => {
        const r = evaluateJsonPath(expr, data as GoValue);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(typeof r.message).toBe('string');
        try {
          findResults(compile(`{${expr}}`), data as GoValue, { allowMissingKeys: true });
        } catch (err) {
          expect(err).toBeInstanceOf(JsonPathError);
        }
      }),
      fuzz(500),
    );
  }, fuzzTimeout(20_000));

  it('follows field chains and indexes as a plain model of own keys does', () => {
    fc.assert(
      fc.property(object, fc.array(step, { minLength: 1, maxLength: 4 }), (data, steps) => {
        const expected = model(data, steps);
        let got: GoValue[] | 'error';
        try {
          got = findResults(compile(`{${spell(steps)}}`), data as GoValue, { allowMissingKeys: true })[0] ?? [];
        } catch {
          got = 'error';
        }
        expect(got).toEqual(expected);
      }),
      fuzz(500),
    );
  }, fuzzTimeout(20_000));

  it('selects with equality filters as Array.filter does', () => {
    const item = fc.record({ name: fc.constantFrom('a', 'b', 'c'), value: json });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), fc.constantFrom('a', 'b', 'c', 'z'), (items, wanted) => {
        const data = { params: items } as unknown as GoValue;
        const got = findResults(compile(`{.params[?(@.name=="${wanted}")].value}`), data, { allowMissingKeys: true })[0] ?? [];
        expect(got).toEqual(items.filter((i) => i.name === wanted).map((i) => i.value));
      }),
      fuzz(300),
    );
  }, fuzzTimeout(20_000));

  it('agrees with jsonpath-plus (eval disabled) on chains of existing fields', () => {
    const safe = NAMES.filter((n) => !DANGEROUS.includes(n));
    fc.assert(
      fc.property(object, fc.array(fc.constantFrom(...safe), { minLength: 1, maxLength: 3 }), (data, fields) => {
        const ours = findResults(compile(`{${fields.map((f) => `.${f}`).join('')}}`), data as GoValue, { allowMissingKeys: true })[0] ?? [];
        const theirs = JSONPath({ path: `$${fields.map((f) => `['${f}']`).join('')}`, json: data, eval: false, wrap: true }) as unknown[];
        expect(ours).toEqual(theirs);
      }),
      fuzz(300),
    );
  }, fuzzTimeout(20_000));

  it("never reaches JavaScript's prototype chain: a name the data does not own finds nothing", () => {
    fc.assert(
      fc.property(object, fc.constantFrom(...DANGEROUS), fc.constantFrom('', '.spec', '.items[0]'), (data, name, prefix) => {
        const r = evaluateJsonPath(`${prefix.slice(1)}${prefix ? '.' : ''}${name}`, data as GoValue);
        const owner = model(data, prefix === '' ? [] : prefix === '.spec' ? [{ field: 'spec' }] : [{ field: 'items' }, { index: 0 }]);
        const owns = Array.isArray(owner) && owner.length === 1 && owner[0] !== null && typeof owner[0] === 'object' && !Array.isArray(owner[0]) && Object.prototype.hasOwnProperty.call(owner[0], name);
        if (!owns) expect(r.ok).toBe(false);
        if (r.ok) expect(typeof r.value).not.toBe('function');
      }),
      fuzz(500),
    );
  }, fuzzTimeout(20_000));
});
