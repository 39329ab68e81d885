// strconv.FormatFloat(x, fmt, prec, 64) and its wrappers, against Go's known outputs (most of them
// printed by the real ytt 0.45.9: str() is 'g' 6, "%g" 'g' -1, "%e"/"%f" 6, YAML 'g' -1, json.encode).
import { describe, expect, it } from 'vitest';
import { formatFloat, goFloatV, goJsonFloat } from '../../src/util/go-float.js';

describe('formatFloat', () => {
  it.each([
    // value, 'g' -1, 'g' 6, 'e' 6, 'f' 6
    [1e6, '1e+06', '1e+06', '1.000000e+06', '1000000.000000'],
    [1e-5, '1e-05', '1e-05', '1.000000e-05', '0.000010'],
    [0.1, '0.1', '0.1', '1.000000e-01', '0.100000'],
    [123456789, '1.23456789e+08', '1.23457e+08', '1.234568e+08', '123456789.000000'],
    [1e21, '1e+21', '1e+21', '1.000000e+21', '1000000000000000000000.000000'],
    [1e20, '1e+20', '1e+20', '1.000000e+20', '100000000000000000000.000000'],
    [1.5e-7, '1.5e-07', '1.5e-07', '1.500000e-07', '0.000000'],
    [100000, '100000', '100000', '1.000000e+05', '100000.000000'],
    [1234567, '1.234567e+06', '1.23457e+06', '1.234567e+06', '1234567.000000'],
    [0.0001, '0.0001', '0.0001', '1.000000e-04', '0.000100'],
    [3, '3', '3', '3.000000e+00', '3.000000'],
    [-0, '-0', '-0', '-0.000000e+00', '-0.000000'],
    [0, '0', '0', '0.000000e+00', '0.000000'],
    [2.5, '2.5', '2.5', '2.500000e+00', '2.500000'],
    [0.125, '0.125', '0.125', '1.250000e-01', '0.125000'],
    [-1.5, '-1.5', '-1.5', '-1.500000e+00', '-1.500000'],
    [5e-324, '5e-324', '4.94066e-324', '4.940656e-324', '0.000000'],
    [1.7976931348623157e308, '1.7976931348623157e+308', '1.79769e+308', '1.797693e+308', '179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000'],
    [0.000009999999, '9.999999e-06', '1e-05', '9.999999e-06', '0.000010'],
    [999999.5, '999999.5', '1e+06', '9.999995e+05', '999999.500000'],
  ])('%s', (x, g, g6, e6, f6) => {
    expect([formatFloat(x, 'g', -1), formatFloat(x, 'g', 6), formatFloat(x, 'e', 6), formatFloat(x, 'f', 6)]).toEqual([g, g6, e6, f6]);
  });

  it('rounds an exact half to even, as strconv does (toFixed rounds it up)', () => {
    expect(formatFloat(2.5, 'f', 0)).toBe('2');
    expect(formatFloat(3.5, 'f', 0)).toBe('4');
    expect(formatFloat(0.5, 'f', 0)).toBe('0');
    expect(formatFloat(0.125, 'e', 1)).toBe('1.2e-01');
    expect(formatFloat(0.375, 'f', 2)).toBe('0.38');
    // 1.005 is 1.00499999999999989... as a double: not a tie
    expect(formatFloat(1.005, 'f', 2)).toBe('1.00');
    expect(formatFloat(9.5, 'e', 0)).toBe('1e+01');
    expect(formatFloat(99.99, 'g', 3)).toBe('100');
    expect(formatFloat(0.0000009, 'f', 6)).toBe('0.000001');
  });

  it('upper-case forms, the shortest e and f, and the special values', () => {
    expect(formatFloat(1e6, 'G', -1)).toBe('1E+06');
    expect(formatFloat(1e300, 'E', 6)).toBe('1.000000E+300');
    expect(formatFloat(123456789, 'e', -1)).toBe('1.23456789e+08');
    expect(formatFloat(1e-7, 'f', -1)).toBe('0.0000001');
    expect(formatFloat(0, 'e', -1)).toBe('0e+00');
    expect([NaN, Infinity, -Infinity].map((x) => formatFloat(x, 'g', -1))).toEqual(['NaN', '+Inf', '-Inf']);
  });
});

describe('the wrappers', () => {
  it('%v is the shortest g: exponent form below 1e-4 and from 1e6 (not from 1e21, as JavaScript does)', () => {
    expect([1e6, 1e-5, 123456.7, 1e21, 0.5, -0].map(goFloatV)).toEqual(['1e+06', '1e-05', '123456.7', '1e+21', '0.5', '-0']);
  });
  it('encoding/json: f between 1e-6 and 1e21, else e with a negative exponent\'s zero dropped (real ytt json.encode)', () => {
    expect([1e6, 1e-5, 0.1, 123456789, 1e21, 1e20, 1.5e-7, 1e-7, 3, -0, 2.5, 1e-6, 1.5e300].map(goJsonFloat)).toEqual(
      ['1000000', '0.00001', '0.1', '123456789', '1e+21', '100000000000000000000', '1.5e-7', '1e-7', '3', '-0', '2.5', '0.000001', '1.5e+300'],
    );
  });
});
