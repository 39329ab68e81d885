// Property-based tests of the `$(…)$` interpolator (fast-check): text without a placeholder is
// left alone; a string that is one placeholder takes the value with its type; a placeholder
// inside text is replaced by the value's text (Go's JSON for non-strings); it never throws, and
// Cartographer 0.0.6's re-substitution always ends — with the value, or an error (a loop, or one
// of carto's limits) — however the params refer to each other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marshal, toJSON, type GoValue, type JSONValue } from '../../src/jsonpath/index.js';
import { interpolateTemplate } from '../../src/stamp/interpolate.js';
import { fuzz, fuzzTimeout } from '../helpers/fuzz.js';

/** An object with exactly these own keys, `__proto__` included. */
function objectOf(entries: Array<[string, JSONValue]>): { [k: string]: JSONValue } {
  const out: { [k: string]: JSONValue } = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Text that holds no `$(` (so no placeholder), but the characters around one. */
const plainText = fc.string({ unit: fc.constantFrom('a', ' ', '$', ')', '(', '{', '.', 'é', '\n'), maxLength: 12 }).filter((s) => !s.includes('$('));
const key = fc.oneof(fc.constantFrom('a', 'b', 'name', '__proto__', 'constructor', '$(params.v)$'), fc.string({ maxLength: 5 }));

const { json } = fc.letrec<{ json: JSONValue; array: JSONValue; object: JSONValue }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom<JSONValue>(null, true, false, 0, 7, -1.5, 1e21, ''),
    fc.string({ maxLength: 8 }),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('json'), { maxLength: 3 }) as fc.Arbitrary<JSONValue>,
  object: fc.uniqueArray(fc.tuple(key, tie('json')), { maxLength: 4, selector: ([k]) => k }).map((e) => objectOf(e as Array<[string, JSONValue]>)) as fc.Arbitrary<JSONValue>,
}));

/** The same data as Go's JSON round trip gives it (map keys sorted): what a substituted value looks like. */
const viaGoJson = (v: JSONValue): JSONValue => toJSON(v as GoValue);

/** A template: JSON whose strings mix text with placeholders, good and bad. */
const expression = fc.oneof(
  fc.constantFrom('params.v', 'params.w', 'params.missing', 'params.__proto__', 'params.constructor', 'workload.metadata.name', 'workload..name', 'params[0]', '', '[', "params['v']", 'params.v[?(@.x==1)]'),
  fc.string({ maxLength: 10 }),
);
const templateString = fc.array(fc.oneof(plainText, expression.map((e) => `$(${e})$`), fc.constant('$(')), { maxLength: 4 }).map((parts) => parts.join(''));
const { template } = fc.letrec<{ template: JSONValue; list: JSONValue; map: JSONValue }>((tie) => ({
  template: fc.oneof({ depthSize: 'small' }, templateString, fc.constantFrom<JSONValue>(null, 1, true), tie('list'), tie('map')),
  list: fc.array(tie('template'), { maxLength: 3 }) as fc.Arbitrary<JSONValue>,
  map: fc.uniqueArray(fc.tuple(key, tie('template')), { maxLength: 3, selector: ([k]) => k }).map((e) => objectOf(e as Array<[string, JSONValue]>)) as fc.Arbitrary<JSONValue>,
}));

const contextOf = (v: JSONValue, w: JSONValue = 'w'): GoValue => ({ params: { v, w }, workload: { metadata: { name: 'app' } } }) as unknown as GoValue;

/** True when no string in `v` holds a `$(`. */
function placeholderFree(v: JSONValue): boolean {
  if (typeof v === 'string') return !v.includes('$(');
  if (Array.isArray(v)) return v.every(placeholderFree);
  if (v !== null && typeof v === 'object') return Object.values(v).every(placeholderFree);
  return true;
}

describe('the interpolator', () => {
  it('leaves a template without placeholders as it is (map keys are never interpolated)', () => {
    fc.assert(
      fc.property(json.filter(placeholderFree), json, (tpl, v) => {
        const r = interpolateTemplate(tpl, contextOf(v), 'current');
        expect(r.errors).toEqual([]);
        expect(r.value).toEqual(tpl);
      }),
      fuzz(300),
    );
  }, fuzzTimeout(20_000));

  it('gives a string that is one placeholder the value itself, with its type', () => {
    fc.assert(
      fc.property(json, (v) => {
        const r = interpolateTemplate({ field: '$(params.v)$' }, contextOf(v), 'current');
        expect(r.errors).toEqual([]);
        expect(r.value).toEqual({ field: viaGoJson(v) });
      }),
      fuzz(300),
    );
  }, fuzzTimeout(20_000));

  it('replaces a placeholder inside text by the text of the value (Go JSON for non-strings; null is an error)', () => {
    fc.assert(
      fc.property(plainText, json, plainText, (before, v, after) => {
        // (text on the left, so the string is never one whole placeholder)
        const r = interpolateTemplate([`<${before}$(params.v)$${after}`], contextOf(v), 'current');
        if (v === null) {
          expect(r.errors.map((e) => e.reason)).toEqual(['tag must not point to nil value: params.v']);
        } else {
          expect(r.errors).toEqual([]);
          expect(r.value).toEqual([`<${before}${typeof v === 'string' ? v : marshal(viaGoJson(v))}${after}`]);
        }
      }),
      fuzz(300),
    );
  }, fuzzTimeout(20_000));

  it('never throws: any template over any context gives a value and errors, each at a path of the template', () => {
    fc.assert(
      fc.property(template, json, fc.constantFrom('current', '0.0.6') as fc.Arbitrary<'current' | '0.0.6'>, (tpl, v, semantics) => {
        const r = interpolateTemplate(tpl, contextOf(v), semantics);
        for (const e of r.errors) {
          expect(typeof e.reason).toBe('string');
          let node: unknown = tpl;
          for (const step of e.path) {
            expect(node !== null && typeof node === 'object').toBe(true);
            node = (node as Record<string | number, unknown>)[step];
          }
        }
      }),
      fuzz(300),
    );
  }, fuzzTimeout(20_000));

  it("0.0.6's re-substitution always ends, however params refer to each other; without a cycle it leaves no placeholder, with one it is one error", () => {
    const LIMITS = /^placeholders keep producing new placeholders: substituted [\d,]+ times over, carto's limit|more than carto's limit of [\d,]+ values$|^substituted values nest deeper than carto's limit|^the text would be longer than carto's limit/;
    let failed = 0;
    const names = ['a', 'b', 'c', 'd', 'e'];
    const refText = fc.array(fc.oneof(fc.constantFrom('x', '-', ' '), fc.constantFrom(...names).map((n) => `$(params.${n})$`)), { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
    const paramValue = fc.oneof(refText, fc.record({ k: refText }), fc.array(refText, { maxLength: 2 }));
    fc.assert(
      fc.property(fc.tuple(...names.map(() => paramValue)), (values) => {
        const params = Object.fromEntries(names.map((n, i) => [n, values[i] as JSONValue]));
        const started = Date.now();
        const r = interpolateTemplate({ out: '$(params.a)$' }, { params } as unknown as GoValue, '0.0.6');
        expect(Date.now() - started).toBeLessThan(5_000);
        // Which params each one names.
        const refs = (v: JSONValue): string[] => [...JSON.stringify(v).matchAll(/\$\(params\.([a-e])\)\$/g)].map((m) => m[1] as string);
        const cyclic = (from: string, seen: string[]): boolean =>
          seen.includes(from) || refs(params[from] as JSONValue).some((n) => cyclic(n, [...seen, from]));
        if (!cyclic('a', [])) {
          expect(r.errors).toEqual([]);
          expect(JSON.stringify(r.value)).not.toContain('$(params.');
        } else if (r.errors.length === 0) {
          // A leaf that substitutes to itself ($(params.a)$ when a is "$(params.a)$") is not
          // interpolated again (only a changed leaf is): it stays, a placeholder in the output.
          expect(JSON.stringify(r.value)).toContain('$(params.');
        } else {
          // One error, as the controller stops at its first: the loop it detects, or one of
          // carto's limits on text that grows with each substitution.
          expect(r.errors).toHaveLength(1);
          const [error] = r.errors;
          failed++;
          if (error!.code === 'placeholder-loop') expect(error!.reason).toMatch(/^infinite tag loop detected: \$\(params\.[a-e]\)\$ -> .*\$\(params\.[a-e]\)\$$/);
          else expect([error!.code, error!.reason]).toEqual(['render-limit', expect.stringMatching(LIMITS)]);
        }
      }),
      // Few runs: a graph with a growing cycle runs into the substitution limit, ~0.2 s each.
      fuzz(40),
    );
    // the property met cycles that fail (not only fixed points)
    expect(failed).toBeGreaterThan(0);
    // and a plain loop is the controller's error, naming it
    const loop = interpolateTemplate({ out: '$(params.a)$' }, { params: { a: '$(params.b)$', b: '$(params.a)$' } } as unknown as GoValue, '0.0.6');
    expect(loop.errors.map((e) => [e.code, e.reason])).toEqual([['placeholder-loop', 'infinite tag loop detected: $(params.a)$ -> $(params.b)$ -> $(params.a)$']]);
  }, fuzzTimeout(30_000));
});
