// Kubernetes resource.Quantity, parsed and printed the way apimachinery v0.28 does, because a
// Workload's resource requests reach templates only in their canonical string form
// (`0.5` → `500m`, `1024Mi` → `1Gi`).
//
// apimachinery keeps two representations (an int64 with a power-of-ten scale, or an arbitrary
// precision decimal) and remembers the input text when it already looks canonical. Only the
// printed result matters here, so all arithmetic is BigInt, but the choice between "reuse the
// input text" and "recompute" follows apimachinery's fast path exactly, since that choice is
// visible: `+1Gi` and `100M` print as written.

const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE}'`;
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

type Format = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** A parsed quantity: `unscaled × 10^exponent`, plus the text to print if it was already canonical. */
export interface Quantity {
  readonly unscaled: bigint;
  readonly exponent: number;
  readonly format: Format;
  readonly cached?: string;
}

const MAX_INT64 = 2n ** 63n - 1n;
const MIN_INT64 = -(2n ** 63n);
/** How many decimal digits always fit in an int64. */
const MAX_INT64_FACTORS = 18;
const NANO = -9;

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));

function own(table: Record<string, number>, key: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

interface Scanned {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** apimachinery's parseQuantityString: sign, number (leading zeros dropped), fraction, suffix. */
function scan(str: string): Scanned {
  const end = str.length;
  let positive = true;
  let pos = 0;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') {
      pos++;
    }
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };

  let i = pos;
  while (i < end && isDigitAt(str, i)) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, value: str, num, denom: '', suffix: '' };
  pos = i;
  if (num === '') num = '0';

  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigitAt(str, i)) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);

  const suffixStart = pos;
  i = pos;
  while (i < end && 'eEinumkKMGTP'.includes(str[i]!)) i++;
  if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  i = pos;
  while (i < end && isDigitAt(str, i)) i++;
  if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  throw new QuantityError(ERR_FORMAT_WRONG);
}

/** Go's strconv.ParseInt(s, 10, 64). */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < MIN_INT64 || n > MAX_INT64 ? undefined : n;
}

function interpretSuffix(s: string): { base: 2 | 10; exponent: number; format: Format } {
  const dec = own(DECIMAL_SUFFIXES, s);
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = own(BINARY_SUFFIXES, s);
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E')) {
    const parsed = parseInt64(s.slice(1));
    if (parsed === undefined) throw new QuantityError(ERR_SUFFIX);
    // apimachinery narrows the exponent to int32
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  throw new QuantityError(ERR_SUFFIX);
}

/** inf.Dec.SetString for the digits-and-dot text the scanner hands over. */
function parseDecimal(value: string): { unscaled: bigint; exponent: number } {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(value);
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) throw new QuantityError(ERR_NUMERIC);
  const frac = m[3] ?? '';
  const digits = BigInt((m[2] ?? '') + frac || '0');
  return { unscaled: m[1] === '-' ? -digits : digits, exponent: -frac.length };
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Ceiling division of a non-negative value by 10^n. */
function ceilDivPow10(x: bigint, n: number): bigint {
  const d = pow10(n);
  return (x + d - 1n) / d;
}

/** Parses a quantity string as apimachinery's ParseQuantity does. Throws QuantityError. */
export function parseQuantity(str: string): Quantity {
  if (str.length === 0) throw new QuantityError(ERR_FORMAT_WRONG);
  if (str === '0') return { unscaled: 0n, exponent: 0, format: 'DecimalSI', cached: '0' };

  const { positive, value, num, denom, suffix } = scan(str);
  const { base, exponent, format } = interpretSuffix(suffix);

  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    } else {
      precision = -1;
    }
  } else {
    scale = exponent;
    precision = MAX_INT64_FACTORS - (num.length + denom.length);
  }

  // The int64 fast path: used whenever the digits fit, and it never rounds.
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= NANO) {
      const shifted = num + denom;
      const parsed = parseInt64(shifted);
      if (parsed === undefined) throw new QuantityError(ERR_NUMERIC);
      let result = parsed * mantissa;
      if (result >= MIN_INT64 && result <= MAX_INT64) {
        if (!positive) result = -result;
        const canonical =
          format === 'BinarySI'
            ? exponent % 10 === 0 && (parsed & 7n) !== 0n
            : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return canonical ? { unscaled: result, exponent: scale, format, cached: str } : { unscaled: result, exponent: scale, format };
      }
    }
  }

  // The arbitrary precision path.
  let { unscaled, exponent: exp } = parseDecimal(value);
  if (base === 10) exp += exponent;
  else unscaled *= 1n << BigInt(exponent);

  const negative = unscaled < 0n;
  if (negative) unscaled = -unscaled;
  // Non-zero amounts finer than a nano are rounded up: asking for a little should give a little.
  if (unscaled !== 0n && exp < NANO) {
    unscaled = ceilDivPow10(unscaled, NANO - exp);
    exp = NANO;
  }
  let outFormat = format;
  if (format === 'BinarySI') {
    if (compareDecimal(unscaled, exp, MAX_INT64, 0) > 0) {
      unscaled = MAX_INT64;
      exp = 0;
    }
    if (unscaled !== 0n && compareDecimal(unscaled, exp, 1n, 0) < 0) outFormat = 'DecimalSI';
  }
  if (negative) unscaled = -unscaled;
  return { unscaled, exponent: exp, format: outFormat };
}

/** Compares a×10^ea with b×10^eb. */
function compareDecimal(a: bigint, ea: number, b: bigint, eb: number): number {
  const e = Math.min(ea, eb);
  const x = a * pow10(ea - e);
  const y = b * pow10(eb - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** apimachinery's Quantity.String(): the remembered text, or the canonical form. */
export function formatQuantity(q: Quantity): string {
  if (q.cached !== undefined) return q.cached;
  if (q.unscaled === 0n) return '0';

  let format = q.format;
  let whole = 0n;
  if (format === 'BinarySI') {
    if (compareDecimal(q.unscaled, q.exponent, -1024n, 0) > 0 && compareDecimal(q.unscaled, q.exponent, 1024n, 0) < 0) {
      format = 'DecimalSI';
    } else if (q.exponent >= 0) {
      whole = q.unscaled * pow10(q.exponent);
    } else {
      const d = pow10(-q.exponent);
      if (q.unscaled % d !== 0n) format = 'DecimalSI'; // would lose precision
      else whole = q.unscaled / d;
    }
  }

  if (format === 'BinarySI') {
    let times = 0;
    while (whole !== 0n && whole % 1024n === 0n) {
      whole /= 1024n;
      times++;
    }
    // apimachinery has no suffix for 1024^0 or beyond Ei and silently prints none
    return whole.toString() + (BINARY_BY_EXPONENT.get(times * 10) ?? '');
  }

  let mantissa = q.unscaled;
  let exponent = q.exponent;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  while (exponent % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? mantissa.toString() : `${mantissa}e${exponent}`;
  // v0.28 has no DecimalSI suffix past E (10^18) and drops the exponent (later versions print e21)
  return mantissa.toString() + (DECIMAL_BY_EXPONENT.get(exponent) ?? '');
}

/** The canonical text of a quantity string. Throws QuantityError with apimachinery's message. */
export function canonicalQuantity(str: string): string {
  return formatQuantity(parseQuantity(str));
}
