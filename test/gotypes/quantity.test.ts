// Quantity canonicalisation, re-expressed from apimachinery's quantity tests (v0.28 behaviour).
import { describe, expect, it } from 'vitest';
import { canonicalQuantity, parseQuantity, formatQuantity, QuantityError } from '../../src/gotypes/index.js';

const FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

describe('canonical form (String / MarshalJSON)', () => {
  // input → what Quantity.String() prints after ParseQuantity
  const cases: [string, string][] = [
    // from the brief and the Quantity doc comment
    ['0.5', '500m'],
    ['1024Mi', '1Gi'],
    ['1000m', '1'],
    ['1.5Gi', '1536Mi'],
    ['1.5', '1500m'],
    ['100M', '100M'],
    ['1e3', '1e3'],
    ['0', '0'],
    ['250m', '250m'],
    // TestQuantityParseEmit
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['1Gi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    // alternates from TestQuantityString, which must canonicalise
    ['1024Mi', '1Gi'],
    ['307200Ki', '300Mi'],
    ['1025024Mi', '1001Gi'],
    ['1024Gi', '1Ti'],
    ['1000M', '1G'],
    ['0.001T', '1G'],
    ['1000u', '1m'],
    ['1.08', '1080m'],
    ['1080000000n', '1080m'],
    ['.001e12', '1e9'],
    ['0.001e0', '1e-3'],
    ['1000e-12', '1e-9'],
    ['00', '0'],
    // values from TestQuantityParse, printed
    ['0n', '0'],
    ['0Ki', '0'],
    ['0Ti', '0'],
    ['8Ki', '8Ki'],
    ['7Mi', '7Mi'],
    ['3Ei', '3Ei'],
    ['100Ti', '100Ti'],
    ['5n', '5n'],
    ['50k', '50k'],
    ['40T', '40T'],
    ['1E', '1E'],
    ['12E', '12E'],
    ['1E-3', '1E-3'],
    ['1e14', '100e12'],
    ['0.001', '1m'],
    ['0.0005k', '500m'],
    ['0.00050k', '500m'],
    ['0.50000', '500m'],
    ['0.5e0', '500e-3'],
    ['0.5e-2', '5e-3'],
    ['1.2e3', '1200'],
    ['1.3E+6', '1300e3'],
    ['1.53E12', '1530e9'],
    ['9.01', '9010m'],
    ['8.1k', '8100'],
    ['2.5P', '2500T'],
    ['1.01E', '1010P'],
    // sub-nano precision is rounded up (away from zero) to the next nano
    ['3.001n', '4n'],
    ['1.1E-9', '2e-9'],
    ['0.0000000001', '1n'],
    ['0.0000000005', '1n'],
    ['0.5e-9', '1e-9'],
    ['0.9n', '1n'],
    ['0.00000012345', '124n'],
    ['-0.00000012345', '-124n'],
    // binary values beyond int64 are capped
    ['9Ei', '9223372036854775807'],
    ['9223372036854775807Ki', '9223372036854775807'],
    // decimal values are not capped
    ['18446744073709551616', '18446744073709551616'],
    // fractional binary stuff
    ['100.035Ki', '102435840m'],
    ['0.5Mi', '512Ki'],
    ['0.05Gi', '53687091200m'],
    ['0.025Ti', '27487790694400m'],
    ['0.000000000001Ki', '2n'],
    ['.001', '1m'],
    ['.0001k', '100m'],
    // negative values
    ['-0.5', '-500m'],
    ['-1024Mi', '-1Gi'],
    ['-100M', '-100M'],
    ['-1000m', '-1'],
    ['-0', '0'],
    // text that already looks canonical is kept as written, sign included
    ['+1Gi', '+1Gi'],
    ['+100m', '+100m'],
    // apimachinery reuses the input text whenever the fast path finds it "canonical" (power of ten
    // a multiple of 3, digits not ending in 000, no leading zero) and never looks for a '.'
    ['100.035k', '100.035k'],
    ['10.035M', '10.035M'],
    ['6.987654321G', '6.987654321G'],
    ['1.', '1.'],
    ['1.G', '1.G'],
    ['1.500G', '1.500G'],
    ['1.5G', '1500M'],
    ['00100', '00100'],
    // v0.28 has no DecimalSI suffix past E and silently drops the exponent
    ['1000E', '1'],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });
});

describe('negated TestQuantityParseEmit', () => {
  const cases: [string, string][] = [
    ['1Ki', '-1Ki'],
    ['1024Mi', '-1Gi'],
    ['1000M', '-1G'],
    ['.001Ki', '-1024m'],
    ['.000000000001Ki', '-2n'],
  ];
  it.each(cases)('-%s → %s', (input, expected) => {
    expect(canonicalQuantity(`-${input}`)).toBe(expected);
  });
});

describe('invalid input', () => {
  const cases: [string, string][] = [
    ['', FORMAT_WRONG],
    ['1.1.M', FORMAT_WRONG],
    ['1+1.0M', FORMAT_WRONG],
    ['aoeu', FORMAT_WRONG],
    [' 1', FORMAT_WRONG],
    ['1 ', FORMAT_WRONG],
    ['Non-Numeric', FORMAT_WRONG],
    ['0.1mi', "unable to parse quantity's suffix"],
    ['0.1am', FORMAT_WRONG],
    ['.5i', "unable to parse quantity's suffix"],
    ['1i', "unable to parse quantity's suffix"],
    ['-3.01i', "unable to parse quantity's suffix"],
    ['-3.01e-', "unable to parse quantity's suffix"],
  ];
  it.each(cases)('%j fails', (input, message) => {
    expect(() => canonicalQuantity(input)).toThrow(QuantityError);
    expect(() => canonicalQuantity(input)).toThrow(message);
  });
});

describe('parsed values (TestQuantityParse)', () => {
  // value as unscaled × 10^exponent compared numerically, and the format kept
  const cases: [string, bigint, number, string][] = [
    ['1Ki', 1024n, 0, 'BinarySI'],
    ['5Ti', 5n * 1024n ** 4n, 0, 'BinarySI'],
    ['8k', 8n, 3, 'DecimalSI'],
    ['1e9', 1n, 9, 'DecimalExponent'],
    ['0.5e-1', 5n, -2, 'DecimalExponent'],
    ['0.000000000001Ki', 2n, -9, 'DecimalSI'], // rounds up and changes format
    ['0.5Mi', 524288n, 0, 'BinarySI'],
  ];
  it.each(cases)('%s', (input, unscaled, exponent, format) => {
    const q = parseQuantity(input);
    const scale = Math.min(q.exponent, exponent);
    expect(q.unscaled * 10n ** BigInt(q.exponent - scale)).toBe(unscaled * 10n ** BigInt(exponent - scale));
    expect(q.format).toBe(format);
  });

  it('formats a value built by hand the way TestQuantityString expects', () => {
    expect(formatQuantity({ unscaled: 5n, exponent: 0, format: 'BinarySI' })).toBe('5');
    expect(formatQuantity({ unscaled: 500n, exponent: -3, format: 'BinarySI' })).toBe('500m');
    expect(formatQuantity({ unscaled: 1025n, exponent: 0, format: 'BinarySI' })).toBe('1025');
    expect(formatQuantity({ unscaled: 1234567n, exponent: -3, format: 'BinarySI' })).toBe('1234567m');
    expect(formatQuantity({ unscaled: 1000n, exponent: 6, format: 'DecimalSI' })).toBe('1G');
    expect(formatQuantity({ unscaled: 80n, exponent: -3, format: 'DecimalExponent' })).toBe('80e-3');
    expect(formatQuantity({ unscaled: 300n, exponent: 6, format: 'DecimalExponent' })).toBe('300e6');
    expect(formatQuantity({ unscaled: -901n, exponent: -2, format: 'DecimalSI' })).toBe('-9010m');
    expect(formatQuantity({ unscaled: 10800n, exponent: -10, format: 'DecimalSI' })).toBe('1080n');
  });
});
