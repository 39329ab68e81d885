// client-go behaviours beyond its own test tables that Cartographer relies on, in both
// allowMissingKeys modes, over generic JSON (encoding/json into interface{}).
import { describe, expect, it } from 'vitest';
import { GoOpaque, GoStruct, JsonPathError, compile, findResults } from '../../src/jsonpath/index.js';
import type { GoValue } from '../../src/jsonpath/index.js';
import { executeError } from './helpers.js';

const data: GoValue = JSON.parse(`{
  "name": "n",
  "n": 5,
  "nothing": null,
  "list": [{"k": "a", "v": 1}, {"k": "b", "v": 2.5}, {"k": "c", "x": null}, {"v": 3}],
  "labels": {"b": "2", "a": "1", "c": "3", "carto.run/workload-name": "w"},
  "nested": {"deep": {"name": "inner"}, "arr": [[1, 2], [3]]}
}`);

function run(template: string, allowMissingKeys: boolean, input: GoValue = data): GoValue[][] {
  return findResults(compile(template), input, { allowMissingKeys });
}

describe('missing keys', () => {
  it('allowMissingKeys: a missing key yields no result', () => {
    expect(run('{.missing}', true)).toEqual([[]]);
    expect(run('{.missing.deeper}', true)).toEqual([[]]);
  });
  it('without it: `<field> is not found`, for the first missing step', () => {
    expect(executeError('{.missing.deeper}', data)).toBe('missing is not found');
    expect(executeError('{.nested.deep.missing}', data)).toBe('missing is not found');
  });
  it('a field lookup on a string, number or null finds nothing', () => {
    expect(run('{.name.length}', true)).toEqual([[]]);
    expect(run('{.n.x}', true)).toEqual([[]]);
    expect(run('{.nothing.x}', true)).toEqual([[]]);
    expect(executeError('{.name.length}', data)).toBe('length is not found');
  });
  it('a present null is a result', () => {
    expect(run('{.nothing}', false)).toEqual([[null]]);
  });
  it("own keys only: __proto__ and constructor are plain keys", () => {
    const evil: GoValue = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": "c"}');
    expect(run('{.__proto__.polluted}', false, evil)).toEqual([[1]]);
    expect(run('{.constructor}', false, evil)).toEqual([['c']]);
    expect(run('{.toString}', true, {})).toEqual([[]]);
    expect(run('{.__proto__}', true, {})).toEqual([[]]);
    expect(executeError('{.hasOwnProperty}', {})).toBe('hasOwnProperty is not found');
  });
});

describe('indexes', () => {
  it('out of range is an error even with allowMissingKeys', () => {
    expect(() => run('{.list[4]}', true)).toThrow('array index out of bounds: index 4, length 4');
    expect(() => run('{.list[-5]}', true)).toThrow('array index out of bounds: index -1, length 4');
    expect(() => run('{.list[1:9]}', true)).toThrow('array index out of bounds: index 8, length 4');
  });
  it('indexing a non-array names its Go type', () => {
    expect(executeError('{.labels[0]}', data, true)).toBe('map[string]interface {} is not array or slice');
    expect(executeError('{.name[0]}', data, true)).toBe('string is not array or slice');
    expect(executeError('{.n[0]}', data, true)).toBe('float64 is not array or slice');
    expect(executeError('{.n[0]}', data, true, { untypedNumbers: 'unstructured' })).toBe('int64 is not array or slice');
  });
  it('indexing a JSON null is skipped (nil interface)', () => {
    expect(run('{.nothing[0]}', false)).toEqual([[]]);
  });
  it('unions and slices', () => {
    expect(run('{.list[0,2].k}', false)).toEqual([['a', 'c']]);
    expect(run('{.list[-2:].k}', true)).toEqual([['c']]);
    expect(run("{.list[*]['k']}", true)).toEqual([['a', 'b', 'c']]);
    expect(run('{.nested.arr[*][0]}', false)).toEqual([[1, 3]]);
  });
  it('an empty selection ends the step for every input (client-go returns early)', () => {
    expect(run('{.nested.arr[*][1:1]}', false)).toEqual([[]]);
    // evalArray returns what it has so far at the first input whose selection is empty: [1][1:]
    // is empty, so [3,4][1:] is never taken; taken first, [3,4][1:] keeps its [4].
    expect(run('{[*][1:]}', false, [[1], [3, 4]])).toEqual([[]]);
    expect(run('{[*][1:]}', false, [[3, 4], [1], [5, 6]])).toEqual([[4]]);
    expect(run('{[*][-1:-1]}', false, [[1, 2], [3]])).toEqual([[]]);
  });
});

describe('bracket keys', () => {
  it('dots split inside brackets unless escaped', () => {
    expect(run("{.labels['carto.run/workload-name']}", true)).toEqual([[]]);
    expect(executeError("{.labels['carto.run/workload-name']}", data)).toBe('carto is not found');
    expect(run("{.labels['carto\\.run/workload-name']}", false)).toEqual([['w']]);
  });
});

describe('filters', () => {
  it('string equality, missing left side skipped with allowMissingKeys', () => {
    expect(run('{.list[?(@.k=="b")].v}', true)).toEqual([[2.5]]);
    // the element without `k` is skipped, and `c` has no `v`
    expect(run('{.list[?(@.k!="b")].v}', true)).toEqual([[1]]);
  });
  it('a missing left side is an error without allowMissingKeys', () => {
    expect(executeError('{.list[?(@.k=="b")].v}', data)).toBe('k is not found');
  });
  it('numbers: a JSON float64 never equals an int literal', () => {
    expect(executeError('{.list[?(@.v==1)].k}', data, true)).toBe('incompatible types for comparison');
    expect(run('{.list[?(@.v==1.0)].k}', true)).toEqual([['a']]);
    expect(run('{.list[?(@.v>1.0)].v}', true)).toEqual([[2.5, 3]]);
    expect(run('{.list[?(@.v<=2.5)].v}', true)).toEqual([[1, 2.5]]);
    expect(run('{.list[?(@.v>=2.5)].v}', true)).toEqual([[2.5, 3]]);
  });
  it('unstructured numbers: integral values are int64 and compare with int literals', () => {
    const ints: GoValue = [{ k: 'a', v: 1 }, { k: 'b', v: 2 }];
    expect(findResults(compile('{[?(@.v==1)].k}'), ints, { untypedNumbers: 'unstructured' })).toEqual([['a']]);
    // a fractional number is still a float64 there
    expect(() => findResults(compile('{.list[?(@.v==1)].k}'), data, { allowMissingKeys: true, untypedNumbers: 'unstructured' })).toThrow(
      'incompatible types for comparison',
    );
  });
  it('strings order byte-wise', () => {
    expect(run('{.list[?(@.k<"b")].k}', true)).toEqual([['a']]);
    expect(run('{.list[?(@.k>"a")].k}', true)).toEqual([['b', 'c']]);
  });
  it('comparing against null or a map is an invalid type', () => {
    expect(executeError('{.list[?(@.x=="a")]}', data, true)).toBe('invalid type for comparison');
    expect(executeError('{[?(@.labels=="a")]}', [data], true)).toBe('invalid type for comparison');
  });
  it('string vs bool is incompatible; bools do not order', () => {
    expect(executeError('{[?(@.b==true)]}', [{ b: 'true' }])).toBe('incompatible types for comparison');
    expect(run('{[?(@.b==true)].i}', false, [{ b: true, i: 1 }, { b: false, i: 2 }])).toEqual([[1]]);
    expect(executeError('{[?(@.b<true)]}', [{ b: true }])).toBe('invalid type for comparison');
  });
  it('existence: a present null counts, a missing key does not', () => {
    expect(run('{.list[?(@.x)].k}', false)).toEqual([['c']]);
    expect(run('{.list[?(@.k)].k}', false)).toEqual([['a', 'b', 'c']]);
  });
  it('existence keeps what client-go returned alongside an error', () => {
    // evalArray returns its input with the out-of-range error, so the element counts as existing
    expect(run('{[?(@.a[5])].i}', false, [{ a: [1], i: 1 }, { i: 2 }])).toEqual([[1]]);
  });
  it('right side may be a path', () => {
    expect(run('{[?(@.a==@.b)].i}', false, [{ a: 'x', b: 'x', i: 1 }, { a: 'x', b: 'y', i: 2 }])).toEqual([[1]]);
  });
  it('several left values cannot be compared', () => {
    expect(executeError('{[?(@.a[*]=="x")]}', [{ a: ['x', 'y'] }])).toBe('can only compare one element at a time');
  });
  it('filtering a missing slice finds nothing; filtering null or a map is an error', () => {
    expect(run('{.absent[?(@.k=="a")]}', true)).toEqual([[]]);
    expect(executeError('{.nothing[?(@.k=="a")]}', data, true)).toBe('<nil> is not array or slice and cannot be filtered');
    expect(executeError('{.nested.deep[?(@.k=="a")]}', data, true)).toBe('map[name:inner] is not array or slice and cannot be filtered');
  });
  it('an unknown operator is reported when first used', () => {
    expect(executeError('{.list[?(@.k="a")]}', data, true)).toBe('unrecognized filter operator =');
    expect(run('{.absent[?(@.k="a")]}', true)).toEqual([[]]);
  });
});

describe('wildcard and recursive descent', () => {
  it('a map wildcard iterates in sorted key order', () => {
    expect(run('{.labels.*}', false)).toEqual([['1', '2', '3', 'w']]);
  });
  it('a string wildcard yields its bytes', () => {
    expect(run('{.name.*}', false)).toEqual([[110]]);
  });
  it('recursive descent is pre-order, maps sorted', () => {
    expect(run('{..name}', false)).toEqual([['n', 'inner']]);
    expect(run('{.nested..}', false)).toEqual([[
      { deep: { name: 'inner' }, arr: [[1, 2], [3]] },
      [[1, 2], [3]],
      [1, 2],
      [3],
      { name: 'inner' },
      'inner',
    ]]);
  });
  it('GoOpaque is listed by recursive descent but never entered', () => {
    const v = { p: new GoOpaque({ name: 'hidden' }) };
    expect(run('{..name}', true, v)).toEqual([[]]);
    expect(run('{.p.*}', true, v)).toEqual([[]]);
  });
});

describe('template-level behaviour', () => {
  it('one result list per top-level node, text included', () => {
    expect(run('a{.name}b{.n}', false)).toEqual([['a'], ['n'], ['b'], [5]]);
  });
  it('identifiers other than range/end are errors', () => {
    expect(executeError('{hello}', data)).toBe('unrecognized identifier hello');
    expect(executeError('{end}', data)).toBe('not in range, nothing to end');
  });
  it('literals produce one value per input', () => {
    expect(run('{.list[*]}{5}', false)[1]).toEqual([5]);
    expect(run('{.list[*].k 5}', true)).toEqual([[5, 5, 5]]);
  });
  it('range over a map iterates values in sorted order', () => {
    expect(run('{range .labels.*}{@}-{end}', false).flat()).toEqual(['1', '-', '2', '-', '3', '-', 'w', '-']);
  });
  it('throws JsonPathError', () => {
    expect(() => run('{.missing}', false)).toThrow(JsonPathError);
  });
  it('a struct root works', () => {
    const s = new GoStruct([{ name: 'a', goName: 'A', value: 1, omitEmpty: false, pointer: false }]);
    expect(run('{.a}{.A}', false, s)).toEqual([[1], [1]]);
  });
});
