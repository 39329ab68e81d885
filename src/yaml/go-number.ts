// Go number conversions that go-yaml v2 relies on, re-expressed for JS values:
// - parsing: strconv.ParseInt/ParseUint with base 0 (sign, 0x/0o/0b prefixes, leading-0 octal,
//   int64/uint64 ranges) and the decimal subset of strconv.ParseFloat (underscore rules, overflow);
// - formatting: strconv.FormatFloat(f, 'g', -1, 64) (src/util/go-float.ts) with go-yaml's .inf/-.inf/.nan spellings.
import { formatFloat } from '../util/go-float.js';

const TWO_63 = 1n << 63n;
const TWO_64 = 1n << 64n;

/** Outcome of {@link parseGoInteger}: a value, or why Go rejected the text. */
export const INT_SYNTAX_ERROR = 0;
export const INT_RANGE_ERROR = 1;

let lastIntError = INT_SYNTAX_ERROR;

/** Why the last {@link parseGoInteger} call returned undefined (syntax or range). */
export function lastIntegerError(): number {
  return lastIntError;
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  if (lower >= 97 && lower <= 122) return lower - 97 + 10;
  return 99;
}

/**
 * What go-yaml v2 gets from ParseInt(s, 0, 64) and, failing that, ParseUint(s, 0, 64):
 * the integer (a number when it is a safe integer, else a bigint), or undefined.
 * `s` must already have its underscores removed (go-yaml strips them first).
 * On undefined, {@link lastIntegerError} tells whether ParseUint failed on syntax or on range.
 */
export function parseGoInteger(s: string): number | bigint | undefined {
  lastIntError = INT_SYNTAX_ERROR;
  const n = s.length;
  if (n === 0) return undefined;
  let i = 0;
  let neg = false;
  let signed = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 /* + */ || c0 === 45 /* - */) {
    neg = c0 === 45;
    signed = true;
    i = 1;
    if (n === 1) return undefined;
  }
  let base = 10;
  if (s.charCodeAt(i) === 48 /* 0 */) {
    const p = s.charCodeAt(i + 1) | 0x20;
    if (n - i >= 3 && p === 98 /* b */) {
      base = 2;
      i += 2;
    } else if (n - i >= 3 && p === 111 /* o */) {
      base = 8;
      i += 2;
    } else if (n - i >= 3 && p === 120 /* x */) {
      base = 16;
      i += 2;
    } else {
      base = 8;
      i += 1;
    }
  }
  const start = i;
  for (let j = start; j < n; j++) {
    if (digitValue(s.charCodeAt(j)) >= base) return undefined;
  }
  const digits = s.slice(start);
  let magnitude: bigint;
  if (digits.length === 0) {
    magnitude = 0n; // "0" (and "+0", "-0"): octal with no further digits
  } else if (base === 10 && digits.length <= 15) {
    const v = Number(digits);
    return neg ? (v === 0 ? 0 : -v) : v;
  } else {
    const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
    magnitude = BigInt(prefix + digits);
  }
  if (neg ? magnitude > TWO_63 : magnitude >= TWO_63) {
    // ParseInt overflowed; ParseUint only accepts an unsigned spelling up to 2^64-1.
    if (signed || magnitude >= TWO_64) {
      // ParseUint reports a range error only when it saw no sign (a sign is a syntax error).
      lastIntError = signed ? INT_SYNTAX_ERROR : INT_RANGE_ERROR;
      return undefined;
    }
  }
  const value = neg ? -magnitude : magnitude;
  if (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(value);
  return value;
}

/** Converts a decimal or 0x/0o/0b/leading-0-octal unsigned integer of any size (big.Int SetString base 0). */
export function parseBigUnsigned(s: string): bigint | undefined {
  if (s.length === 0) return undefined;
  let body = s;
  if (s.charCodeAt(0) === 48 && s.length > 1) {
    const p = s.charCodeAt(1) | 0x20;
    if (p === 120 || p === 111 || p === 98) {
      body = s;
    } else {
      body = '0o' + s.slice(1);
    }
  }
  try {
    return BigInt(body);
  } catch {
    return undefined;
  }
}

/**
 * Go's strconv.ParseFloat(s, 64) for the decimal spellings go-yaml can hand it: optional sign,
 * digits with at most one ".", optional exponent; "_" only between digits. Returns undefined on a
 * syntax error or on overflow (Go's ErrRange); underflow quietly gives 0 as in Go.
 */
export function parseGoDecimalFloat(s: string): number | undefined {
  const n = s.length;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) i++;
  let sawDigits = false;
  let sawDot = false;
  let underscores = false;
  // "saw" tracks underscore placement as Go's underscoreOK does: 0 digit, 1 underscore, 2 other.
  let saw = 2;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      sawDigits = true;
      saw = 0;
    } else if (c === 95 /* _ */) {
      if (saw !== 0) return undefined;
      underscores = true;
      saw = 1;
    } else if (c === 46 /* . */ && !sawDot) {
      if (saw === 1) return undefined;
      sawDot = true;
      saw = 2;
    } else {
      break;
    }
  }
  if (!sawDigits) return undefined;
  if (i < n) {
    const e = s.charCodeAt(i) | 0x20;
    if (e !== 101 /* e */ || saw === 1) return undefined;
    saw = 2;
    i++;
    const sign = s.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    const first = s.charCodeAt(i);
    if (!(first >= 48 && first <= 57)) return undefined;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        saw = 0;
      } else if (c === 95) {
        if (saw !== 0) return undefined;
        underscores = true;
        saw = 1;
      } else {
        return undefined;
      }
    }
  }
  if (saw === 1) return undefined;
  const v = Number(underscores ? s.replace(/_/g, '') : s);
  if (!Number.isFinite(v)) return undefined;
  return v;
}

/** strconv.FormatFloat(x, 'g', -1, 64) as go-yaml v2 prints a float64 (.inf, -.inf, .nan). */
export function formatGoFloat(x: number): string {
  if (x !== x) return '.nan';
  if (x === Infinity) return '.inf';
  if (x === -Infinity) return '-.inf';
  return formatFloat(x, 'g', -1);
}

/**
 * How carto prints a plain JS number: integral values within int64 as Go prints an int
 * (exact decimal digits; -0 prints as 0), everything else (fractions, NaN, ±Inf, integral
 * values beyond int64) as go-yaml prints a float64.
 */
export function formatNumber(x: number): string {
  if (Number.isSafeInteger(x)) return x === 0 ? '0' : String(x);
  if (Number.isInteger(x) && x >= -9223372036854775808 && x < 9223372036854775808) return BigInt(x).toString();
  return formatGoFloat(x);
}
