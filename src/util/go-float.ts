// Go's strconv.FormatFloat for float64, the one place carto turns a float into Go's text, and the
// few ways Go code around carto prints floats on top of it: fmt's %v (and %g), encoding/json, and
// ytt's Starlark str(). The YAML emitter (src/yaml go-number.ts) adds go-yaml's .inf/.nan.
// It lives in util because every engine needs it (yaml, ytt, jsonpath) and none of them may
// depend on another (gotypes already depends on jsonpath).
//
// Digits: the shortest round-tripping digits come from toExponential() (ECMAScript picks the
// fewest digits that read back as the same double, the closest when several do, as Go's
// shortest mode does); a fixed precision rounds the double's exact decimal expansion half to
// even, as strconv does (JavaScript's toFixed/toPrecision round halves up and stop at 1e21).

/** The digits of |x| without leading or trailing zeros, and where the point goes: |x| = 0.d × 10^dp. `d` is '' for zero. */
interface Digits {
  d: string;
  dp: number;
}

export type GoFloatFormat = 'e' | 'E' | 'f' | 'g' | 'G';

/** strconv.FormatFloat(x, fmt, prec, 64): prec -1 is the shortest that reads back exactly. */
export function formatFloat(x: number, fmt: GoFloatFormat, prec: number): string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const lower = fmt.toLowerCase() as 'e' | 'f' | 'g';
  // the common case, an integral value the shortest f (or g, below 1e6) prints as its digits
  if (prec < 0 && Number.isSafeInteger(x) && !Object.is(x, -0) && (lower === 'f' || (lower === 'g' && x > -1e6 && x < 1e6))) return String(x);
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  let digs: Digits;
  const shortest = prec < 0;
  if (shortest) {
    digs = abs === 0 ? { d: '', dp: 0 } : shortestDigits(abs);
    prec = lower === 'e' ? Math.max(digs.d.length - 1, 0) : lower === 'f' ? Math.max(digs.d.length - digs.dp, 0) : digs.d.length;
  } else {
    digs = abs === 0 ? { d: '', dp: 0 } : exactDigits(abs);
    if (lower === 'g' && prec === 0) prec = 1;
    digs = round(digs, lower === 'e' ? prec + 1 : lower === 'f' ? digs.dp + prec : prec);
  }
  const sign = neg ? '-' : '';
  if (lower === 'e') return sign + fmtE(digs, prec, fmt === 'E' ? 'E' : 'e');
  if (lower === 'f') return sign + fmtF(digs, prec);
  return sign + fmtG(digs, prec, shortest, fmt === 'G' ? 'E' : 'e');
}

/** %e is used when the exponent is below -4 or at least the precision (6 for the shortest). */
function fmtG(digs: Digits, prec: number, shortest: boolean, e: 'e' | 'E'): string {
  const nd = digs.d.length;
  let eprec = prec;
  if (eprec > nd && nd >= digs.dp) eprec = nd;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) return fmtE(digs, Math.min(prec, nd) - 1, e);
  return fmtF(digs, Math.max((prec > digs.dp ? nd : prec) - digs.dp, 0));
}

/** d.ddde±dd with `prec` digits after the point. */
function fmtE({ d, dp }: Digits, prec: number, e: 'e' | 'E'): string {
  let out = d.length === 0 ? '0' : d[0]!;
  if (prec > 0) out += '.' + d.slice(1, prec + 1).padEnd(prec, '0');
  const exp = d.length === 0 ? 0 : dp - 1;
  const abs = exp < 0 ? -exp : exp;
  return `${out}${e}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

/** ddd.ddd with `prec` digits after the point. */
function fmtF({ d, dp }: Digits, prec: number): string {
  let out = dp > 0 ? d.slice(0, dp).padEnd(dp, '0') : '0';
  if (prec > 0) {
    let frac = '';
    for (let i = 0; i < prec; i++) {
      const j = dp + i;
      frac += j >= 0 && j < d.length ? d[j] : '0';
    }
    out += '.' + frac;
  }
  return out;
}

function shortestDigits(abs: number): Digits {
  const text = abs.toExponential();
  const e = text.indexOf('e');
  const d = (text[0]! + text.slice(2, e)).replace(/0+$/, '');
  return { d, dp: Number(text.slice(e + 1)) + 1 };
}

/** The exact decimal expansion of a finite positive double (mantissa × 2^exp, so at most ~770 significant digits). */
function exactDigits(abs: number): Digits {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, abs);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp = -1074;
  if (biased !== 0) {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  // mant × 2^exp = mant × 5^-exp / 10^-exp for a negative exponent
  const text = exp >= 0 ? (mant << BigInt(exp)).toString() : (mant * 5n ** BigInt(-exp)).toString();
  const dp = exp >= 0 ? text.length : text.length + exp;
  return trim(text, dp);
}

function trim(d: string, dp: number): Digits {
  const t = d.replace(/0+$/, '');
  return t.length === 0 ? { d: '', dp: 0 } : { d: t, dp };
}

/** Keeps `nd` digits, rounding half to even (only an exact half is a tie). */
function round(digs: Digits, nd: number): Digits {
  const { d, dp } = digs;
  if (nd < 0 || nd >= d.length) return digs;
  const next = d.charCodeAt(nd);
  const tie = next === 53 /* 5 */ && nd + 1 === d.length;
  const up = tie ? nd > 0 && (d.charCodeAt(nd - 1) - 48) % 2 === 1 : next >= 53;
  if (!up) return trim(d.slice(0, nd), dp);
  for (let i = nd - 1; i >= 0; i--) {
    if (d[i] !== '9') return { d: d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1), dp };
  }
  return { d: '1', dp: dp + 1 };
}

/** fmt's %v (and %g) of a float64: `1e+06`, `0.0001`, `1e-05`, `-0`, `+Inf`. */
export function goFloatV(x: number): string {
  return formatFloat(x, 'g', -1);
}

/**
 * encoding/json's text for a finite float64: the shortest 'f' form, or 'e' below 1e-6 and from
 * 1e21 on, with a negative exponent's leading zero dropped (`1e-7`, `1e+21`, `-0`).
 */
export function goJsonFloat(x: number): string {
  if (Number.isSafeInteger(x) && !Object.is(x, -0)) return String(x);
  const abs = Math.abs(x);
  if (abs === 0 || (abs >= 1e-6 && abs < 1e21)) return formatFloat(x, 'f', -1);
  return formatFloat(x, 'e', -1).replace(/e-0(\d)$/, 'e-$1');
}
