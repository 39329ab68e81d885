// Go's %v of decoded JSON values (jsonpath's goValueText), as the controller's messages print them, and the `%s` of
// deployment readiness messages built on it.
import { describe, expect, it } from 'vitest';
import { goValueText } from '../../src/jsonpath/kinds.js';
import { goFloatV as goFloatText } from '../../src/util/go-float.js';
import { goS } from '../../src/outputs/deployment.js';

describe("Go's %v of a float64 (strconv 'g', shortest)", () => {
  it('switches to an exponent from 1e6 and below 1e-4, with at least two exponent digits', () => {
    expect([3, 2.5, 123456, 1e6, 1234567.5, 0.0001, 0.00001, 1e21, -0].map(goFloatText)).toEqual(['3', '2.5', '123456', '1e+06', '1.2345675e+06', '0.0001', '1e-05', '1e+21', '-0']);
  });
  it('prints maps with sorted keys and nil', () => {
    expect(goValueText({ b: [1e6, 'x'], a: null })).toBe('map[a:<nil> b:[1e+06 x]]');
  });
  it("is what deployment readiness messages wrap in %!s(float64=…)", () => {
    expect(goS([1e6, 2, true])).toBe('[%!s(float64=1e+06) %!s(float64=2) %!s(bool=true)]');
  });
  it('prints a nil inside a list or map as <nil>, a nil value as %!s(<nil>) (the differential test found it)', () => {
    expect(goS({ a: '', list: [null, 1e21] })).toBe('map[a: list:[<nil> %!s(float64=1e+21)]]');
    expect(goS(null)).toBe('%!s(<nil>)');
  });
});
