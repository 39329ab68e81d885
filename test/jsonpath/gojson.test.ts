// Go encoding/json behaviour: what embedded placeholders print and what JSON round trips leave.
import { describe, expect, it } from 'vitest';
import { GoOpaque, GoStruct, marshal, toJSON } from '../../src/jsonpath/index.js';
import type { GoField, GoValue, JSONValue } from '../../src/jsonpath/index.js';

const f = (name: string, value: GoValue, extra: Partial<GoField> = {}): GoField => ({ name, goName: name, value, omitEmpty: true, pointer: false, ...extra });

describe('marshal', () => {
  it('escapes HTML characters and line separators like Go', () => {
    expect(marshal('<a href="x">&</a>')).toBe('"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"');
    expect(marshal('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"');
  });
  it('escapes control characters', () => {
    expect(marshal('\n\r\t\\"')).toBe('"\\n\\r\\t\\\\\\""');
    expect(marshal('\u0000\u0001\u001f\b\f')).toBe('"\\u0000\\u0001\\u001f\\u0008\\u000c"');
    expect(marshal('\u007f')).toBe('"\u007f"');
  });
  it('replaces unpaired surrogates with U+FFFD and keeps pairs', () => {
    expect(marshal('a\ud800b')).toBe('"a\\ufffdb"');
    expect(marshal('\udc00')).toBe('"\\ufffd"');
    expect(marshal('😀')).toBe('"😀"');
    expect(marshal('é')).toBe('"é"');
  });
  it('formats float64 like Go', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [-0, '-0'],
      [1, '1'],
      [-1.5, '-1.5'],
      [0.1, '0.1'],
      [1e-6, '0.000001'],
      [1e-7, '1e-7'],
      [1.5e-7, '1.5e-7'],
      [1.2345e-10, '1.2345e-10'],
      [123456789, '123456789'],
      [1e20, '100000000000000000000'],
      [1e21, '1e+21'],
      [1.5e300, '1.5e+300'],
      [2 ** 53 + 2, '9007199254740994'],
      [5e-324, '5e-324'],
      [0.000001234, '0.000001234'],
    ];
    for (const [n, text] of cases) expect(marshal(n), String(n)).toBe(text);
  });
  it('rejects NaN and infinities as Go does', () => {
    expect(() => marshal(NaN)).toThrow('json: unsupported value: NaN');
    expect(() => marshal(Infinity)).toThrow('json: unsupported value: +Inf');
  });
  it('sorts keys byte-wise at every level, compactly', () => {
    const v: JSONValue = { b: 1, a: { z: [true, null, 'x'], y: {} }, '10': 0, '9': 0, B: [] };
    expect(marshal(v)).toBe('{"10":0,"9":0,"B":[],"a":{"y":{},"z":[true,null,"x"]},"b":1}');
  });
  it('orders astral characters after U+FFFF-range characters (UTF-8 byte order)', () => {
    expect(marshal({ '\u{1F600}': 1, '\uFF5E': 2 })).toBe('{"\uFF5E":2,"\u{1F600}":1}');
  });
  it('keeps __proto__ as a key', () => {
    expect(marshal(JSON.parse('{"__proto__": {"x": 1}}'))).toBe('{"__proto__":{"x":1}}');
  });
});

describe('toJSON', () => {
  it('applies omitempty to zero values', () => {
    const s = new GoStruct([
      f('s', ''),
      f('n', 0),
      f('b', false),
      f('nil', null),
      f('list', []),
      f('map', {}),
      f('kept', 'x'),
      f('keptZero', 0, { omitEmpty: false }),
      f('keptNull', null, { omitEmpty: false }),
    ]);
    expect(toJSON(s)).toEqual({ kept: 'x', keptZero: 0, keptNull: null });
  });
  it('a pointer field is empty only when nil', () => {
    const s = new GoStruct([f('p0', 0, { pointer: true }), f('pEmpty', '', { pointer: true }), f('pNil', null, { pointer: true })]);
    expect(toJSON(s)).toEqual({ p0: 0, pEmpty: '' });
  });
  it('structs are never empty, and neither are structs with their own JSON form', () => {
    const s = new GoStruct([
      f('inner', new GoStruct([])),
      f('time', null, { type: { kind: 'opaque', name: 'v1.Time' } }),
      f('json', new GoOpaque(null)),
    ]);
    expect(toJSON(s)).toEqual({ inner: {}, time: null, json: null });
  });
  it("skips fields tagged json:\"-\"", () => {
    expect(toJSON(new GoStruct([f('-', 'secret', { omitEmpty: false }), f('a', 1)]))).toEqual({ a: 1 });
  });
  it('turns opaque values into their JSON, keys sorted, deeply copied', () => {
    const inner = { b: [1, { d: 1, c: 2 }], a: 'x' };
    const out = toJSON(new GoOpaque(inner)) as Record<string, JSONValue>;
    expect(Object.keys(out)).toEqual(['a', 'b']);
    expect(Object.keys((out.b as JSONValue[])[1] as object)).toEqual(['c', 'd']);
    expect(out).toEqual(inner);
    expect(out).not.toBe(inner);
    expect(out.b).not.toBe(inner.b);
  });
  it('deep-copies maps and slices', () => {
    const input: GoValue = { list: [{ x: 1 }], m: { k: 'v' } };
    const out = toJSON(input) as { list: { x: number }[] };
    out.list[0]!.x = 2;
    expect(input).toEqual({ list: [{ x: 1 }], m: { k: 'v' } });
  });
  it('keeps __proto__ keys as data without touching prototypes', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}}') as GoValue;
    const out = toJSON(input) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
