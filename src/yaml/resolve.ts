// Plain-scalar resolution as go-yaml v2 does it (resolve.go): what an unquoted scalar's text
// means — null, YAML 1.1 bool, int, float, timestamp, or plain string. The emitter uses it to
// decide when a string must be quoted; carto's loader (through schema.ts) uses it to read YAML
// the way kubectl (sigs.k8s.io/yaml on its go-yaml v2 fork) does.
//
// Two dialects, which differ only where the two forks of resolve.go differ:
// - 'ytt': the copy inside ytt (pkg/yamlmeta/internal/yaml.v2, as of ytt 0.45);
// - 'kubernetes': sigs.k8s.io/yaml/goyaml.v2, which additionally turns an unsigned integer that
//   overflows uint64 (and is not a decimal float spelling) into a big integer.

import { isGoYamlTimestamp } from './go-timestamp.js';
import {
  INT_RANGE_ERROR,
  lastIntegerError,
  parseBigUnsigned,
  parseGoDecimalFloat,
  parseGoInteger,
} from './go-number.js';

export type ResolveDialect = 'ytt' | 'kubernetes';

export type ScalarTag = 'null' | 'bool' | 'int' | 'float' | 'timestamp' | 'str';

/**
 * The meaning of a plain scalar. Integers are numbers when they are safe integers and bigints
 * otherwise. Timestamps keep their text: go-yaml v2 decodes a timestamp into interface{} as the
 * original string (so kubectl sends it as a JSON string); the tag still says it is one, which is
 * why the emitter has to quote such strings.
 */
export type ResolvedScalar =
  | { tag: 'null'; value: null }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int'; value: number | bigint }
  | { tag: 'float'; value: number }
  | { tag: 'timestamp'; value: string }
  | { tag: 'str'; value: string };

// go-yaml's first-character hint table: only these starts can resolve to anything but a string.
const HINT_NONE = 0;
const HINT_SIGN = 1;
const HINT_DIGIT = 2;
const HINT_MAP = 3;
const HINT_DOT = 4;
const HINTS = new Uint8Array(128);
HINTS[43] = HINT_SIGN; // +
HINTS[45] = HINT_SIGN; // -
for (let c = 48; c <= 57; c++) HINTS[c] = HINT_DIGIT;
for (const ch of 'yYnNtTfFoO~') HINTS[ch.charCodeAt(0)] = HINT_MAP;
HINTS[46] = HINT_DOT; // .

// The fixed spellings (YAML 1.1 bools, nulls, special floats). "<<" is in go-yaml's table too,
// but '<' has no hint, so resolve() never reaches it: "<<" resolves to a plain string (go-yaml's
// decoder recognises a plain "<<" key as a merge by comparing the text, not through resolve()).
const FIXED = new Map<string, ResolvedScalar>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) {
  FIXED.set(s, { tag: 'bool', value: true });
}
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) {
  FIXED.set(s, { tag: 'bool', value: false });
}
for (const s of ['~', 'null', 'Null', 'NULL']) FIXED.set(s, { tag: 'null', value: null });
for (const s of ['.nan', '.NaN', '.NAN']) FIXED.set(s, { tag: 'float', value: NaN });
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) FIXED.set(s, { tag: 'float', value: Infinity });
for (const s of ['-.inf', '-.Inf', '-.INF']) FIXED.set(s, { tag: 'float', value: -Infinity });

const NULL_RESULT: ResolvedScalar = { tag: 'null', value: null };

// go-yaml v2's float spelling test (applied after removing underscores), as in ytt >= 0.36 and
// sigs.k8s.io/yaml: optional sign, ".5" / "5" / "5." / "5.5", optional exponent with optional sign.
const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

// YAML 1.1 base-60 numbers ("1:20", "-12:30:45.5"): go-yaml does not resolve them, but its
// encoder still quotes strings of this shape for other parsers' sake.
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** go-yaml v2's isBase60Float (encode.go): strings the encoder quotes although they resolve to strings. */
export function isBase60Float(s: string): boolean {
  if (s.length === 0) return false;
  const c = s.charCodeAt(0);
  if (!(c === 43 || c === 45 || (c >= 48 && c <= 57)) || s.indexOf(':') < 0) return false;
  return BASE60_FLOAT.test(s);
}

function intResult(value: number | bigint): ResolvedScalar {
  return { tag: 'int', value };
}

/** The numeric branch of resolve() for texts starting with a sign or a digit. */
function resolveNumeric(s: string, dialect: ResolveDialect): ResolvedScalar | undefined {
  if (isGoYamlTimestamp(s)) return { tag: 'timestamp', value: s };
  const plain = s.indexOf('_') < 0 ? s : s.replace(/_/g, '');
  const asInt = parseGoInteger(plain);
  if (asInt !== undefined) return intResult(asInt);
  const rangeError = lastIntegerError() === INT_RANGE_ERROR;
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return { tag: 'float', value: f };
  }
  // Legacy binary spellings go-yaml still tries: ParseInt(rest, 2) after "0b" accepts a sign
  // there ("0b+101", "0b-101"); "-0b101" is already covered by the base-0 parse above.
  if (plain.startsWith('0b')) {
    const rest = plain.slice(2);
    const c = rest.charCodeAt(0);
    if ((c === 43 || c === 45) && rest.length > 1 && /^[01]+$/.test(rest.slice(1))) {
      const magnitude = BigInt('0b' + rest.slice(1));
      const neg = c === 45;
      if (neg ? magnitude <= 1n << 63n : magnitude < 1n << 63n) {
        const v = neg ? -magnitude : magnitude;
        return intResult(v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);
      }
    }
  }
  if (dialect === 'kubernetes' && rangeError) {
    const big = parseBigUnsigned(plain);
    if (big !== undefined) return intResult(big);
  }
  return undefined;
}

/**
 * What go-yaml v2 resolves the text of a plain (unquoted) scalar to. Quoted and block scalars
 * are always strings and must not be passed here.
 */
export function resolvePlainScalar(text: string, dialect: ResolveDialect = 'ytt'): ResolvedScalar {
  if (text.length === 0) return NULL_RESULT;
  const c = text.charCodeAt(0);
  const hint = c < 128 ? HINTS[c]! : HINT_NONE;
  if (hint !== HINT_NONE) {
    const fixed = FIXED.get(text);
    if (fixed !== undefined) return fixed;
    if (hint === HINT_DOT) {
      const f = parseGoDecimalFloat(text);
      if (f !== undefined) return { tag: 'float', value: f };
    } else if (hint === HINT_SIGN || hint === HINT_DIGIT) {
      const r = resolveNumeric(text, dialect);
      if (r !== undefined) return r;
    }
  }
  return { tag: 'str', value: text };
}

/**
 * True when go-yaml v2's encoder must quote this string to keep it a string: it would resolve
 * to something else when written plain, or it looks like a YAML 1.1 base-60 number. In the
 * 'kubernetes' dialect a plain "<<" is also quoted, since a reader would take it as a merge key.
 */
export function stringNeedsQuotes(s: string, dialect: ResolveDialect = 'ytt'): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  const hint = c < 128 ? HINTS[c]! : HINT_NONE;
  if (hint === HINT_NONE) return dialect === 'kubernetes' && s === '<<';
  if (hint === HINT_MAP) return FIXED.has(s);
  if (FIXED.has(s)) return true;
  if (hint === HINT_DOT) return parseGoDecimalFloat(s) !== undefined;
  return resolveNumeric(s, dialect) !== undefined || isBase60Float(s);
}
