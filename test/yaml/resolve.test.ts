// go-yaml v2 plain-scalar resolution. Expectations come from go-yaml v2's resolve.go and its
// decode tests (YAML 1.1 spec examples), Go's strconv/time.Parse rules, and sigs.k8s.io/yaml's
// fork (big integers) — not from YAML 1.2, which differs on most of these.
import { describe, expect, it } from 'vitest';
import { isBase60Float, resolvePlainScalar, stringNeedsQuotes } from '../../src/yaml/index.js';

function tagOf(text: string, dialect: 'ytt' | 'kubernetes' = 'ytt'): string {
  return resolvePlainScalar(text, dialect).tag;
}
function valueOf(text: string, dialect: 'ytt' | 'kubernetes' = 'ytt'): unknown {
  return resolvePlainScalar(text, dialect).value;
}

describe('null', () => {
  it.each(['', '~', 'null', 'Null', 'NULL'])('%j is null', (s) => {
    expect(resolvePlainScalar(s)).toEqual({ tag: 'null', value: null });
  });
  it.each(['nULL', 'NuLL', 'nil', 'None', '~~'])('%j is a string', (s) => {
    expect(resolvePlainScalar(s)).toEqual({ tag: 'str', value: s });
  });
});

describe('YAML 1.1 booleans', () => {
  it.each(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'])('%j is true', (s) => {
    expect(resolvePlainScalar(s)).toEqual({ tag: 'bool', value: true });
  });
  it.each(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])('%j is false', (s) => {
    expect(resolvePlainScalar(s)).toEqual({ tag: 'bool', value: false });
  });
  it.each(['yES', 'tRUE', 'oN', 'oFF', 'ye', 'yess', 'T', 'F', 'enabled'])('%j is a string', (s) => {
    expect(tagOf(s)).toBe('str');
  });
});

describe('integers', () => {
  it.each([
    ['0', 0],
    ['-0', 0],
    ['+1', 1],
    ['-10', -10],
    ['685230', 685230],
    ['+685_230', 685230],
    ['02472256', 685230], // leading 0: octal
    ['0777', 511],
    ['0x_0A_74_AE', 685230],
    ['0X1f', 31],
    ['-0x1F', -31],
    ['0b1010_0111_0100_1010_1110', 685230],
    ['-0b101010', -42],
    ['0B11', 3],
    ['0o17', 15], // Go's ParseInt(…, 0, 64) knows 0o
    ['0O17', 15],
    ['1__0', 10], // every "_" is removed first
    ['1_', 1],
    ['0b+101', 5], // go-yaml's legacy "0b" branch parses the rest with a sign allowed
    ['0b-101', -5],
    ['00', 0],
  ])('%j is the int %d', (s, n) => {
    expect(resolvePlainScalar(s)).toEqual({ tag: 'int', value: n });
  });

  it('keeps integers beyond 2^53 exact as bigints (int64 and uint64 ranges)', () => {
    expect(valueOf('9223372036854775807')).toBe(9223372036854775807n);
    expect(valueOf('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(valueOf('-0b1000000000000000000000000000000000000000000000000000000000000000')).toBe(
      -9223372036854775808n,
    );
    expect(valueOf('18446744073709551615')).toBe(18446744073709551615n); // uint64 max
    expect(valueOf('0xFFFFFFFFFFFFFFFF')).toBe(18446744073709551615n);
    expect(valueOf('9007199254740993')).toBe(9007199254740993n);
    expect(valueOf('9007199254740991')).toBe(9007199254740991);
  });

  it('overflowing decimal integers become floats through the float spelling', () => {
    expect(resolvePlainScalar('18446744073709551616')).toEqual({ tag: 'float', value: 18446744073709551616 });
    expect(resolvePlainScalar('-9223372036854775809')).toEqual({ tag: 'float', value: -9223372036854775809 });
    // "+" spelling: ParseInt overflows, ParseUint refuses the sign, the float spelling matches.
    expect(tagOf('+9223372036854775808')).toBe('float');
  });

  it('overflowing prefixed integers: a string for ytt, a big integer for sigs.k8s.io/yaml', () => {
    expect(resolvePlainScalar('0x10000000000000000', 'ytt')).toEqual({ tag: 'str', value: '0x10000000000000000' });
    expect(resolvePlainScalar('0x10000000000000000', 'kubernetes')).toEqual({ tag: 'int', value: 2n ** 64n });
    expect(valueOf('0x0000000000000000000000010000000000000000', 'kubernetes')).toBe(18446744073709551616n);
    expect(tagOf('0b' + '1'.repeat(65), 'ytt')).toBe('str');
    expect(valueOf('0b' + '1'.repeat(65), 'kubernetes')).toBe(2n ** 65n - 1n);
    // A sign makes ParseUint fail on syntax, not range: no big integer either.
    expect(tagOf('-0x10000000000000000', 'kubernetes')).toBe('str');
  });

  it.each(['0x', '0b', '0o', '0xg', '0b2', '0o8', '1_000x', '_1', '+', '-', '-b_c', '+b_c', '50cent_of_dollar', '0x1p-2'])(
    '%j is a string',
    (s) => {
      expect(tagOf(s)).toBe('str');
    },
  );
});

describe('floats', () => {
  it.each([
    ['1.5', 1.5],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['+.5', 0.5],
    ['1.', 1],
    ['0.', 0],
    ['6.8523e+5', 685230],
    ['685.230_15e+03', 685230.15],
    ['685_230.15', 685230.15],
    ['1e3', 1000], // exponent sign optional since ytt 0.36 / go-yaml v2.2.2
    ['1E-3', 0.001],
    ['123456e1', 1234560],
    ['08', 8], // not octal, but a valid float spelling
    ['09.5', 9.5],
    ['.5_5', 0.55], // the "." branch uses ParseFloat directly: "_" between digits is fine
    ['.5e1_0', 5e9],
    ['1e-400', 0], // underflow is not an error in Go
    ['99999999999999999999', 1e20],
  ])('%j is the float %d', (s, n) => {
    expect(resolvePlainScalar(s)).toEqual({ tag: 'float', value: n });
  });

  it.each([
    ['.inf', Infinity],
    ['.Inf', Infinity],
    ['.INF', Infinity],
    ['+.inf', Infinity],
    ['+.INF', Infinity],
    ['-.inf', -Infinity],
    ['-.Inf', -Infinity],
  ])('%j is %d', (s, n) => {
    expect(resolvePlainScalar(s)).toEqual({ tag: 'float', value: n });
  });

  it('.nan spellings are NaN', () => {
    for (const s of ['.nan', '.NaN', '.NAN']) {
      const r = resolvePlainScalar(s);
      expect(r.tag).toBe('float');
      expect(Number.isNaN(r.value)).toBe(true);
    }
  });

  it.each(['.iNf', '.nAn', 'inf', 'Infinity', 'NaN', '1e', 'e3', '1.2.3', '._5', '.5_', '.', '..5', '1e400', '.5e400', '-1e400', '1e+'])(
    '%j is a string',
    (s) => {
      expect(tagOf(s)).toBe('str');
    },
  );
});

describe('timestamps (kept as text, tagged)', () => {
  it.each([
    '2001-12-14',
    '2001-1-1',
    '2000-02-29', // leap year
    '2015-02-24T18:19:39Z',
    '2015-02-24T18:19:39.12Z',
    '2015-2-3T3:4:5Z',
    '2015-02-24t18:19:39Z',
    '2001-12-14T21:59:43.10-05:00',
    '2001-12-14t21:59:43.10+24:00',
    '2015-02-24 18:19:39',
    '2001-12-14 21:59:43.10',
    '2001-12-14   21:59:43', // several spaces match the layout's one
    '2001-12-14T21:59:43,5Z', // comma before the fraction
    '2001-12-14T21:59:43.1234567891234Z',
  ])('%j is a timestamp', (s) => {
    expect(resolvePlainScalar(s)).toEqual({ tag: 'timestamp', value: s });
  });

  it.each([
    '2001-12-14 21:59:43.10 -5', // go-yaml's documented gap
    '2001-13-01',
    '2001-00-10',
    '2001-02-29',
    '1900-02-29',
    '2001-04-31',
    '2001-12-14T21:59:43', // the T layouts require a zone
    '2001-12-14 21:59:43Z', // the space layout has none
    '2001-12-14T25:00:00Z',
    '2001-12-14T21:60:00Z',
    '2001-12-14T21:59:43+0500',
    '2001-12-14T21:59:43+25:00',
    '2001-12-14T21:59:43z',
    '2001-12-14x',
    '2001-12',
    '20011-12-14',
    '2001-123-1',
    '2001-12-14 ',
  ])('%j is not a timestamp', (s) => {
    expect(tagOf(s)).not.toBe('timestamp');
  });
});

describe('other strings', () => {
  it('"<<" resolves to a string (the merge key is recognised by the decoder, not by resolve)', () => {
    expect(resolvePlainScalar('<<')).toEqual({ tag: 'str', value: '<<' });
  });

  it('base-60 numbers resolve to strings but are flagged for quoting', () => {
    for (const s of ['1:20', '190:20:30', '-1:30', '+1:30.5', '1_0:20']) {
      expect(tagOf(s)).toBe('str');
      expect(isBase60Float(s)).toBe(true);
      expect(stringNeedsQuotes(s)).toBe(true);
    }
    for (const s of ['1:60', '1:', ':20', 'a:20', '1:2:3:x', '12:30:']) {
      expect(isBase60Float(s)).toBe(false);
    }
  });
});

describe('stringNeedsQuotes', () => {
  it('quotes everything that resolves to a non-string', () => {
    for (const s of ['', 'yes', 'ON', '~', '10', '0x1F', '1.5', '.inf', '2001-12-14', '1e3', '08', '0b+1']) {
      expect(stringNeedsQuotes(s), s).toBe(true);
    }
  });
  it('leaves plain strings alone, including YAML-1.2-only look-alikes', () => {
    for (const s of ['hello', 'yes please', '1.2.3', 'v1', '0x', '2001-13-01', '<<', 'Infinity', 'NaN', 'e3', '1:60']) {
      expect(stringNeedsQuotes(s), s).toBe(false);
    }
  });
  it("the kubernetes dialect also quotes '<<' and big prefixed integers", () => {
    expect(stringNeedsQuotes('<<', 'kubernetes')).toBe(true);
    expect(stringNeedsQuotes('0x10000000000000000', 'kubernetes')).toBe(true);
    expect(stringNeedsQuotes('0x10000000000000000', 'ytt')).toBe(false);
  });
});
