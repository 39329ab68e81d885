// The Starlark universe (built-in functions) and the methods of built-in types.
import {
  Builtin, Dict, Float, List, StarObject, Thread, Tuple,
  compare, equals, fail, hashKey, isInt, isIterable, iterate, length, normInt, repr, str, truth, typeName,
} from './values.js';
import type { Kwargs, Value } from './values.js';
import { callValue, chargeSize, setBuiltinAttr, universe } from './interp.js';
import { RangeValue, StarSet } from './types.js';
import { byteCount, byteElems, byteFind, byteLength, byteSlice } from './strbytes.js';

// ---------------------------------------------------------------------------
// argument unpacking

/**
 * Unpacks arguments by parameter spec; a name ending in '?' is optional.
 * Returns values in spec order (undefined for missing optionals).
 */
export function unpackArgs(fname: string, args: Value[], kwargs: Kwargs, spec: string[]): (Value | undefined)[] {
  const out: (Value | undefined)[] = new Array(spec.length);
  const names = spec.map((s) => s.replace(/\?$/, ''));
  if (args.length > spec.length) {
    fail(`${fname}: got ${args.length} arguments, want at most ${spec.length}`);
  }
  for (let i = 0; i < args.length; i++) out[i] = args[i];
  for (const [k, v] of kwargs) {
    const i = names.indexOf(k);
    if (i < 0) fail(`${fname}: unexpected keyword argument ${k}`);
    if (out[i] !== undefined) fail(`${fname}: got multiple values for keyword argument ${k}`);
    out[i] = v;
  }
  for (let i = 0; i < spec.length; i++) {
    if (out[i] === undefined && !spec[i]!.endsWith('?')) fail(`${fname}: missing argument for ${names[i]}`);
  }
  return out;
}

function noKwargs(fname: string, kwargs: Kwargs): void {
  if (kwargs.length > 0) fail(`${fname}: unexpected keyword arguments`);
}

function wantString(fname: string, v: Value | undefined, what = 'argument'): string {
  if (typeof v !== 'string') fail(`${fname}: for parameter ${what}: got ${typeName(v ?? null)}, want string`);
  return v;
}

function wantInt(fname: string, v: Value | undefined, what: string): number {
  if (!isInt(v ?? null)) fail(`${fname}: for parameter ${what}: got ${typeName(v ?? null)}, want int`);
  return Number(v);
}

function iterableArg(fname: string, v: Value): Value[] {
  if (v instanceof List || v instanceof Tuple || v instanceof Dict || (v instanceof StarObject && v.iterate)) return iterate(v);
  fail(`${fname}: got ${typeName(v)}, want iterable`);
}

function def(name: string, fn: (thread: Thread, args: Value[], kwargs: Kwargs) => Value): void {
  universe.set(name, new Builtin(name, fn));
}

// ---------------------------------------------------------------------------
// universe

universe.set('None', null);
universe.set('True', true);
universe.set('False', false);

def('any', (_t, args, kw) => {
  const [x] = unpackArgs('any', args, kw, ['x']);
  for (const v of iterableArg('any', x!)) if (truth(v)) return true;
  return false;
});
def('all', (_t, args, kw) => {
  const [x] = unpackArgs('all', args, kw, ['x']);
  for (const v of iterableArg('all', x!)) if (!truth(v)) return false;
  return true;
});
def('bool', (_t, args, kw) => {
  const [x] = unpackArgs('bool', args, kw, ['x?']);
  return x === undefined ? false : truth(x);
});
def('dict', (_t, args, kw) => {
  if (args.length > 1) fail(`dict: got ${args.length} arguments, want at most 1`);
  const d = new Dict();
  updateDict('dict', d, args, kw);
  return d;
});
def('dir', (_t, args, kw) => {
  const [x] = unpackArgs('dir', args, kw, ['x']);
  return new List(attrNames(x!).sort());
});
def('enumerate', (_t, args, kw) => {
  const [x, start] = unpackArgs('enumerate', args, kw, ['x', 'start?']);
  const s = start === undefined ? 0 : wantInt('enumerate', start, 'start');
  return new List(iterableArg('enumerate', x!).map((v, i) => new Tuple([s + i, v])));
});
def('fail', (_t, args, kw) => {
  let sep = ' ';
  for (const [k, v] of kw) {
    if (k === 'sep') sep = wantString('fail', v, 'sep');
    else fail(`fail: unexpected keyword argument ${k}`);
  }
  fail('fail: ' + args.map((a) => str(a)).join(sep));
});
def('float', (_t, args, kw) => {
  const [x] = unpackArgs('float', args, kw, ['x?']);
  if (x === undefined) return new Float(0);
  if (x instanceof Float) return x;
  if (isInt(x)) return new Float(Number(x));
  if (typeof x === 'boolean') return new Float(x ? 1 : 0);
  if (typeof x === 'string') {
    const s = x.trim().toLowerCase();
    if (s === 'inf' || s === '+inf' || s === 'infinity' || s === '+infinity') return new Float(Infinity);
    if (s === '-inf' || s === '-infinity') return new Float(-Infinity);
    if (s === 'nan' || s === '+nan' || s === '-nan') return new Float(NaN);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) fail(`float: invalid syntax: ${repr(x)}`);
    return new Float(Number(s));
  }
  fail(`float: got ${typeName(x)}, want number or string`);
});
def('getattr', (_t, args, kw) => {
  const [x, name, dflt] = unpackArgs('getattr', args, kw, ['x', 'name', 'default?']);
  const n = wantString('getattr', name, 'name');
  const v = x instanceof StarObject ? (x.attr ? x.attr(n) : undefined) : builtinAttrFor(x!, n);
  if (v !== undefined) return v;
  if (dflt !== undefined) return dflt;
  fail(`getattr: ${typeName(x!)} has no .${n} field or method`);
});
def('hasattr', (_t, args, kw) => {
  const [x, name] = unpackArgs('hasattr', args, kw, ['x', 'name']);
  const n = wantString('hasattr', name, 'name');
  if (x instanceof StarObject) return x.attr ? x.attr(n) !== undefined : false;
  return builtinAttrFor(x!, n) !== undefined;
});
def('hash', (_t, args, kw) => {
  const [x] = unpackArgs('hash', args, kw, ['x']);
  if (typeof x === 'string') {
    let h = 0;
    for (let i = 0; i < x.length; i++) h = (Math.imul(31, h) + x.charCodeAt(i)) | 0;
    return h;
  }
  hashKey(x!);
  fail(`hash: unhashable type: ${typeName(x!)}`);
});
def('int', (_t, args, kw) => {
  const [x, base] = unpackArgs('int', args, kw, ['x?', 'base?']);
  if (x === undefined) return 0;
  if (typeof x === 'string') return parseIntStr(x, base === undefined ? 10 : wantInt('int', base, 'base'));
  if (base !== undefined) fail(`int: can't convert non-string with explicit base`);
  if (isInt(x)) return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof Float) {
    if (!Number.isFinite(x.v)) fail(`int: cannot convert ${str(x)} to int`);
    const t = Math.trunc(x.v);
    return Number.isSafeInteger(t) ? t : normInt(BigInt(t));
  }
  fail(`int: got ${typeName(x)}, want int or string`);
});
def('len', (_t, args, kw) => {
  const [x] = unpackArgs('len', args, kw, ['x']);
  const n = length(x!);
  if (n === undefined) fail(`len: value of type ${typeName(x!)} has no len`);
  return n;
});
def('list', (_t, args, kw) => {
  const [x] = unpackArgs('list', args, kw, ['x?']);
  if (x === undefined) return new List([]);
  return new List(iterableArg('list', x).slice());
});
const minmax = (name: string, sign: number) => (thread: Thread, args: Value[], kw: Kwargs): Value => {
  if (args.length === 0) fail(`${name} requires at least one positional argument`);
  let key: Value | undefined;
  for (const [k, v] of kw) {
    if (k === 'key') key = v;
    else fail(`${name}: unexpected keyword argument ${k}`);
  }
  if (args.length === 1 && !isIterable(args[0]!)) fail(`${name}: ${typeName(args[0]!)} value is not iterable`);
  const items = args.length === 1 ? iterate(args[0]!) : args;
  if (items.length === 0) fail(`${name}: argument is an empty sequence`);
  let best = items[0]!;
  let bestKey = key !== undefined && key !== null ? callValue(thread, key, [best], []) : best;
  for (let i = 1; i < items.length; i++) {
    const k = key !== undefined && key !== null ? callValue(thread, key, [items[i]!], []) : items[i]!;
    if (compare('<', k, bestKey) * sign < 0) {
      best = items[i]!;
      bestKey = k;
    }
  }
  return best;
};
def('max', minmax('max', -1));
def('min', minmax('min', 1));
def('print', (thread, args, kw) => {
  let sep = ' ';
  for (const [k, v] of kw) {
    if (k === 'sep') sep = wantString('print', v, 'sep');
    else fail(`print: unexpected keyword argument ${k}`);
  }
  thread.print(args.map((a) => str(a)).join(sep));
  return null;
});
def('range', (_t, args, kw) => {
  noKwargs('range', kw);
  if (args.length < 1 || args.length > 3) fail(`range: got ${args.length} arguments, want 1 to 3`);
  const n = args.map((a, i) => wantInt('range', a, ['start', 'stop', 'step'][i]!));
  let start = 0;
  let stop: number;
  let st = 1;
  if (n.length === 1) stop = n[0]!;
  else {
    start = n[0]!;
    stop = n[1]!;
    if (n.length === 3) st = n[2]!;
  }
  if (st === 0) fail('range: step argument must not be zero');
  return new RangeValue(start, stop, st);
});
def('repr', (_t, args, kw) => {
  const [x] = unpackArgs('repr', args, kw, ['x']);
  return repr(x!);
});
def('reversed', (_t, args, kw) => {
  const [x] = unpackArgs('reversed', args, kw, ['sequence']);
  return new List(iterableArg('reversed', x!).slice().reverse());
});
def('sorted', (thread, args, kw) => {
  const [x, key, reverse] = unpackArgs('sorted', args, kw, ['iterable', 'key?', 'reverse?']);
  const items = iterableArg('sorted', x!).slice();
  const keys = key !== undefined && key !== null ? items.map((v) => callValue(thread, key, [v], [])) : items;
  const idx = items.map((_, i) => i);
  const rev = reverse !== undefined && truth(reverse);
  idx.sort((a, b) => {
    const c = compare('<', keys[a]!, keys[b]!);
    return rev ? -c : c;
  });
  return new List(idx.map((i) => items[i]!));
});
def('str', (_t, args, kw) => {
  if (kw.length > 0) fail('str does not accept keyword arguments');
  if (args.length !== 1) fail(`str: got ${args.length} arguments, want exactly 1`);
  return str(args[0]!);
});
def('tuple', (_t, args, kw) => {
  const [x] = unpackArgs('tuple', args, kw, ['x?']);
  if (x === undefined) return new Tuple([]);
  if (x instanceof Tuple) return x;
  return new Tuple(iterableArg('tuple', x).slice());
});
def('type', (_t, args, kw) => {
  if (kw.length > 0) fail('type does not accept keyword arguments');
  if (args.length !== 1) fail(`type: got ${args.length} arguments, want exactly 1`);
  return typeName(args[0]!);
});
def('chr', (_t, args, kw) => {
  if (kw.length > 0) fail('chr does not accept keyword arguments');
  if (args.length !== 1) fail(`chr: got ${args.length} arguments, want 1`);
  const x = args[0]!;
  if (!isInt(x)) fail(`chr: got ${typeName(x)}, want int`);
  const n = Number(x);
  if (n < 0) fail(`chr: Unicode code point ${n} out of range (<0)`);
  if (n > 0x10ffff) fail(`chr: Unicode code point U+${n.toString(16).toUpperCase()} out of range (>0x10FFFF)`);
  return String.fromCodePoint(n);
});
def('ord', (_t, args, kw) => {
  if (kw.length > 0) fail('ord does not accept keyword arguments');
  if (args.length !== 1) fail(`ord: got ${args.length} arguments, want 1`);
  const x = args[0]!;
  if (typeof x !== 'string') fail(`ord: got ${typeName(x)}, want string`);
  const cps = [...x];
  if (cps.length !== 1) fail(`ord: string encodes ${cps.length} Unicode code points, want 1`);
  return cps[0]!.codePointAt(0)!;
});
def('set', (_t, args, kw) => {
  const [x] = unpackArgs('set', args, kw, ['iterable?']);
  const st = new StarSet();
  if (x !== undefined) for (const v of iterableArg('set', x)) st.add(v);
  return st;
});
def('zip', (_t, args, kw) => {
  noKwargs('zip', kw);
  const seqs = args.map((a) => iterableArg('zip', a));
  const n = seqs.length === 0 ? 0 : Math.min(...seqs.map((s) => s.length));
  const out: Value[] = [];
  for (let i = 0; i < n; i++) out.push(new Tuple(seqs.map((s) => s[i]!)));
  return new List(out);
});
function parseIntStr(s0: string, base: number): Value {
  let s = s0;
  let neg = false;
  if (s.startsWith('+') || s.startsWith('-')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let b = base;
  const lower = s.toLowerCase();
  const pfx = lower.slice(0, 2);
  if (pfx === '0x' || pfx === '0o' || pfx === '0b') {
    const pb = pfx === '0x' ? 16 : pfx === '0o' ? 8 : 2;
    if (b === 0 || b === pb) {
      b = pb;
      s = s.slice(2);
    }
  } else if (b === 0) {
    if (s.length > 1 && s[0] === '0') fail(`int: invalid literal with base 0: ${repr(s0)}`);
    b = 10;
  }
  if (b < 2 || b > 36) fail(`int: base must be an integer >= 2 && <= 36`);
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b);
  if (s.length === 0 || ![...s.toLowerCase()].every((c) => digits.includes(c))) {
    fail(`int: invalid literal with base ${base}: ${s0}`);
  }
  let v = 0n;
  for (const c of s.toLowerCase()) v = v * BigInt(b) + BigInt(digits.indexOf(c));
  return normInt(neg ? -v : v);
}

export function updateDict(fname: string, d: Dict, args: Value[], kw: Kwargs): void {
  if (args.length > 1) fail(`${fname}: got ${args.length} arguments, want at most 1`);
  if (args.length === 1) {
    const x = args[0]!;
    if (x instanceof Dict) {
      for (const [k, v] of x.entries()) d.set(k, v);
    } else if (x instanceof StarObject && x.items) {
      for (const [k, v] of x.items()) d.set(k, v);
    } else {
      if (!(x instanceof List || x instanceof Tuple || (x instanceof StarObject && x.iterate))) {
        fail(`${fname}: got ${typeName(x)}, want iterable`);
      }
      const items = iterate(x);
      for (let i = 0; i < items.length; i++) {
        const p = items[i]!;
        if (!(p instanceof List || p instanceof Tuple)) {
          fail(`${fname}: cannot convert dictionary update sequence element #${i} to a sequence`);
        }
        if (p.items.length !== 2) fail(`${fname}: dictionary update sequence element #${i} has length ${p.items.length}, want 2`);
        d.set(p.items[0]!, p.items[1]!);
      }
    }
  }
  for (const [k, v] of kw) d.set(k, v);
}

// ---------------------------------------------------------------------------
// methods

type Method = (thread: Thread, recv: Value, args: Value[], kw: Kwargs) => Value;

const stringMethods = new Map<string, Method>();
const listMethods = new Map<string, Method>();
const dictMethods = new Map<string, Method>();

const boundCache = new Map<string, Builtin>();
function methodBuiltin(table: Map<string, Method>, name: string): Builtin | undefined {
  const m = table.get(name);
  if (!m) return undefined;
  let b = boundCache.get(name + '/' + (table === stringMethods ? 's' : table === listMethods ? 'l' : 'd'));
  if (!b) {
    b = new Builtin(name, (thread, args, kw, self) => m(thread, self.recv!, args, kw));
    boundCache.set(name + '/' + (table === stringMethods ? 's' : table === listMethods ? 'l' : 'd'), b);
  }
  return b;
}

function builtinAttrFor(v: Value, name: string): Value | undefined {
  let b: Builtin | undefined;
  if (typeof v === 'string') b = methodBuiltin(stringMethods, name);
  else if (v instanceof List) b = methodBuiltin(listMethods, name);
  else if (v instanceof Dict) b = methodBuiltin(dictMethods, name);
  return b ? b.bind(v) : undefined;
}

function attrNames(v: Value): string[] {
  if (typeof v === 'string') return [...stringMethods.keys()];
  if (v instanceof List) return [...listMethods.keys()];
  if (v instanceof Dict) return [...dictMethods.keys()];
  if (v instanceof StarObject && v.attrNames) return v.attrNames();
  return [];
}

setBuiltinAttr(builtinAttrFor, (v) => attrNames(v).sort());

// --- string methods -----------------------------------------------------

function sm(name: string, m: (thread: Thread, s: string, args: Value[], kw: Kwargs) => Value): void {
  stringMethods.set(name, (t, r, a, k) => m(t, r as string, a, k));
}

function subArgs(name: string, s: string, args: Value[], kw: Kwargs): [string, number, number] {
  const [sub, start, end] = unpackArgs(name, args, kw, ['sub', 'start?', 'end?']);
  const x = wantString(name, sub, 'sub');
  const [a, b] = clampRange(byteLength(s), start, end, name);
  return [x, a, b];
}

function clampRange(n: number, start: Value | undefined, end: Value | undefined, name: string): [number, number] {
  const cl = (v: Value | undefined, d: number): number => {
    if (v === undefined || v === null) return d;
    let i = wantInt(name, v, 'start');
    if (i < 0) i += n;
    return Math.min(Math.max(i, 0), n);
  };
  return [cl(start, 0), cl(end, n)];
}

function find(s: string, sub: string, a: number, b: number, last: boolean): number {
  return byteFind(s, sub, a, b, last);
}

sm('capitalize', (_t, s, a, k) => {
  unpackArgs('capitalize', a, k, []);
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1).toLowerCase();
});
sm('count', (_t, s, a, k) => {
  const [sub, x, y] = subArgs('count', s, a, k);
  return byteCount(s, sub, x, y);
});
sm('elems', (_t, s, a, k) => {
  unpackArgs('elems', a, k, []);
  return new List(byteElems(s));
});
sm('codepoints', (_t, s, a, k) => {
  unpackArgs('codepoints', a, k, []);
  return new List([...s]);
});
sm('codepoint_ords', (_t, s, a, k) => {
  unpackArgs('codepoint_ords', a, k, []);
  return new List([...s].map((c) => c.codePointAt(0)!));
});
sm('elem_ords', (_t, s, a, k) => {
  unpackArgs('elem_ords', a, k, []);
  return new List([...Buffer.from(s, 'utf8')]);
});
const affix = (name: string, atEnd: boolean) => (_t: Thread, s: string, a: Value[], k: Kwargs): Value => {
  const [x, start, end] = unpackArgs(name, a, k, [atEnd ? 'suffix' : 'prefix', 'start?', 'end?']);
  const [p, q] = clampRange(byteLength(s), start, end, name);
  const hay = byteSlice(s, p, Math.max(p, q));
  const cands = x instanceof Tuple ? x.items : [x!];
  for (const c of cands) {
    if (typeof c !== 'string') fail(`${name}: got ${typeName(c)}, want string`);
    if (atEnd ? hay.endsWith(c) : hay.startsWith(c)) return true;
  }
  return false;
};
sm('endswith', affix('endswith', true));
sm('startswith', affix('startswith', false));
sm('find', (_t, s, a, k) => {
  const [sub, x, y] = subArgs('find', s, a, k);
  return find(s, sub, x, y, false);
});
sm('rfind', (_t, s, a, k) => {
  const [sub, x, y] = subArgs('rfind', s, a, k);
  return find(s, sub, x, y, true);
});
sm('index', (_t, s, a, k) => {
  const [sub, x, y] = subArgs('index', s, a, k);
  const i = find(s, sub, x, y, false);
  if (i < 0) fail('index: substring not found');
  return i;
});
sm('rindex', (_t, s, a, k) => {
  const [sub, x, y] = subArgs('rindex', s, a, k);
  const i = find(s, sub, x, y, true);
  if (i < 0) fail('rindex: substring not found');
  return i;
});
sm('format', (thread, s, a, k) => formatString(thread, s, a, k));
const pred = (name: string, f: (s: string) => boolean) =>
  sm(name, (_t, s, a, k) => {
    unpackArgs(name, a, k, []);
    return f(s);
  });
pred('isalnum', (s) => s.length > 0 && /^[\p{L}\p{N}]+$/u.test(s));
pred('isalpha', (s) => s.length > 0 && /^\p{L}+$/u.test(s));
pred('isdigit', (s) => s.length > 0 && /^\p{Nd}+$/u.test(s));
pred('islower', (s) => s !== s.toUpperCase() && s === s.toLowerCase());
pred('isupper', (s) => s !== s.toLowerCase() && s === s.toUpperCase());
pred('isspace', (s) => s.length > 0 && /^\s+$/u.test(s));
pred('istitle', (s) => {
  if (!/\p{L}/u.test(s)) return false;
  let prevCased = false;
  for (const c of s) {
    const upper = c !== c.toLowerCase();
    const lower = c !== c.toUpperCase();
    if (upper && prevCased) return false;
    if (lower && !prevCased) return false;
    prevCased = upper || lower;
  }
  return true;
});
sm('join', (t, s, a, k) => {
  const [x] = unpackArgs('join', a, k, ['iterable']);
  const items = iterableArg('join', x!);
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const v = items[i]!;
    if (typeof v !== 'string') fail(`join: in list, want string, got ${typeName(v)}`);
    parts.push(v);
  }
  const joined = parts.join(s);
  chargeSize(t, joined);
  return joined;
});
sm('lower', (_t, s, a, k) => {
  unpackArgs('lower', a, k, []);
  return s.toLowerCase();
});
sm('upper', (_t, s, a, k) => {
  unpackArgs('upper', a, k, []);
  return s.toUpperCase();
});
sm('title', (_t, s, a, k) => {
  unpackArgs('title', a, k, []);
  let out = '';
  let prevCased = false;
  for (const c of s) {
    const cased = c.toLowerCase() !== c.toUpperCase();
    out += prevCased ? c.toLowerCase() : c.toUpperCase();
    prevCased = cased;
  }
  return out;
});
const WS = ' \t\n\v\f\r\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
const strip = (name: string, left: boolean, right: boolean) =>
  sm(name, (_t, s, a, k) => {
    const [chars] = unpackArgs(name, a, k, ['cutset?']);
    const cs = chars === undefined || chars === null ? '' : wantString(name, chars, 'cutset');
    const set = cs === '' ? WS : cs;
    let i = 0;
    let j = s.length;
    if (left) while (i < j && set.includes(s[i]!)) i++;
    if (right) while (j > i && set.includes(s[j - 1]!)) j--;
    return s.slice(i, j);
  });
strip('strip', true, true);
strip('lstrip', true, false);
strip('rstrip', false, true);
sm('partition', (_t, s, a, k) => {
  const [sep] = unpackArgs('partition', a, k, ['x']);
  const x = wantString('partition', sep, 'x');
  if (x === '') fail('partition: empty separator');
  const i = s.indexOf(x);
  if (i < 0) return new Tuple([s, '', '']);
  return new Tuple([s.slice(0, i), x, s.slice(i + x.length)]);
});
sm('rpartition', (_t, s, a, k) => {
  const [sep] = unpackArgs('rpartition', a, k, ['x']);
  const x = wantString('rpartition', sep, 'x');
  if (x === '') fail('rpartition: empty separator');
  const i = s.lastIndexOf(x);
  if (i < 0) return new Tuple(['', '', s]);
  return new Tuple([s.slice(0, i), x, s.slice(i + x.length)]);
});
sm('replace', (_t, s, a, k) => {
  const [o, n, c] = unpackArgs('replace', a, k, ['old', 'new', 'count?']);
  const old = wantString('replace', o, 'old');
  const nw = wantString('replace', n, 'new');
  let count = c === undefined ? -1 : wantInt('replace', c, 'count');
  if (count < 0) count = Infinity;
  if (old === '') {
    // insert `nw` between characters, like Go's strings.Replace
    const chars = [...s];
    let out = '';
    let done = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (done < count) {
        out += nw;
        done++;
      }
      if (i < chars.length) out += chars[i];
    }
    return out;
  }
  let out = '';
  let i = 0;
  let done = 0;
  while (done < count) {
    const j = s.indexOf(old, i);
    if (j < 0) break;
    out += s.slice(i, j) + nw;
    i = j + old.length;
    done++;
  }
  return out + s.slice(i);
});
function splitImpl(name: string, s: string, a: Value[], k: Kwargs, fromRight: boolean): Value {
  const [sepv, maxv] = unpackArgs(name, a, k, ['sep?', 'maxsplit?']);
  const max = maxv === undefined || maxv === null ? -1 : wantInt(name, maxv, 'maxsplit');
  if (sepv === undefined || sepv === null) {
    // split on runs of whitespace
    const out: string[] = [];
    if (!fromRight) {
      let rest = s.replace(/^\s+/, '');
      while (rest.length > 0) {
        if (max >= 0 && out.length === max) {
          out.push(rest);
          break;
        }
        const m = /\s+/.exec(rest);
        if (!m) {
          out.push(rest);
          break;
        }
        out.push(rest.slice(0, m.index));
        rest = rest.slice(m.index + m[0].length);
      }
      return new List(out);
    }
    let rest = s.replace(/\s+$/, '');
    while (rest.length > 0) {
      if (max >= 0 && out.length === max) {
        out.unshift(rest);
        break;
      }
      const m = /\s+(?=\S*$)/.exec(rest);
      if (!m) {
        out.unshift(rest);
        break;
      }
      out.unshift(rest.slice(m.index + m[0].length));
      rest = rest.slice(0, m.index);
    }
    return new List(out);
  }
  const sep = wantString(name, sepv, 'sep');
  if (sep === '') fail(`${name}: empty separator`);
  const parts = s.split(sep);
  if (max < 0 || parts.length - 1 <= max) return new List(parts);
  if (!fromRight) {
    const head = parts.slice(0, max);
    head.push(parts.slice(max).join(sep));
    return new List(head);
  }
  const tail = parts.slice(parts.length - max);
  tail.unshift(parts.slice(0, parts.length - max).join(sep));
  return new List(tail);
}
sm('split', (_t, s, a, k) => splitImpl('split', s, a, k, false));
sm('rsplit', (_t, s, a, k) => splitImpl('rsplit', s, a, k, true));
sm('splitlines', (_t, s, a, k) => {
  const [keep] = unpackArgs('splitlines', a, k, ['keepends?']);
  const keepEnds = keep !== undefined && truth(keep);
  if (s === '') return new List([]);
  let lines = keepEnds ? s.split(/(?<=\n)/) : s.split('\n');
  if (!keepEnds && s.endsWith('\n')) lines = lines.slice(0, -1);
  return new List(lines);
});

// str.format
function formatString(_thread: Thread, s: string, args: Value[], kw: Kwargs): string {
  let out = '';
  let auto = 0;
  let manual = false;
  let autoUsed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '{') {
      if (s[i + 1] === '{') {
        out += '{';
        i++;
        continue;
      }
      const j = s.indexOf('}', i);
      if (j < 0) fail('format: unmatched \'{\' in format');
      let field = s.slice(i + 1, j);
      i = j;
      let conv = 's';
      let spec = '';
      const bang = field.indexOf('!');
      if (bang >= 0) {
        conv = field.slice(bang + 1);
        field = field.slice(0, bang);
        const colon = conv.indexOf(':');
        if (colon >= 0) {
          spec = conv.slice(colon + 1);
          conv = conv.slice(0, colon);
        }
      } else {
        const colon = field.indexOf(':');
        if (colon >= 0) {
          spec = field.slice(colon + 1);
          field = field.slice(0, colon);
        }
      }
      let v: Value;
      if (field === '') {
        if (manual) fail('format: cannot switch from manual field specification to automatic field numbering');
        autoUsed = true;
        if (auto >= args.length) fail('format: tuple index out of range');
        v = args[auto++]!;
      } else if (/^\d+$/.test(field)) {
        if (autoUsed) fail('format: cannot switch from automatic field numbering to manual field specification');
        manual = true;
        const n = Number(field);
        if (n >= args.length) fail('format: tuple index out of range');
        v = args[n]!;
      } else {
        const kv = kw.find(([k]) => k === field);
        if (!kv) {
          if (field.includes('.')) fail(`format: attribute syntax x.y is not supported in replacement fields: ${field}`);
          if (field.includes('[')) fail(`format: element syntax a[i] is not supported in replacement fields: ${field}`);
          if (field.includes('{')) fail('format: nested replacement fields not supported');
          fail(`format: keyword ${field} not found`);
        }
        v = kv[1];
      }
      if (spec !== '') fail(`format spec features not supported in replacement fields: ${spec}`);
      if (conv !== 's' && conv !== 'r') fail(`format: unknown conversion ${JSON.stringify(conv)}`);
      out += conv === 'r' ? repr(v) : str(v);
      continue;
    }
    if (c === '}') {
      if (s[i + 1] === '}') {
        out += '}';
        i++;
        continue;
      }
      fail("format: single '}' in format");
    }
    out += c;
  }
  return out;
}

// --- list methods -------------------------------------------------------

function lm(name: string, m: (thread: Thread, l: List, args: Value[], kw: Kwargs) => Value): void {
  listMethods.set(name, (t, r, a, k) => m(t, r as List, a, k));
}
lm('append', (_t, l, a, k) => {
  const [x] = unpackArgs('append', a, k, ['x']);
  l.checkMutable('append to');
  l.items.push(x!);
  return null;
});
lm('clear', (_t, l, a, k) => {
  unpackArgs('clear', a, k, []);
  l.checkMutable('clear');
  l.items.length = 0;
  return null;
});
lm('extend', (_t, l, a, k) => {
  const [x] = unpackArgs('extend', a, k, ['iterable']);
  l.checkMutable('extend');
  const items = iterableArg('extend', x!).slice();
  for (const v of items) l.items.push(v);
  return null;
});
lm('index', (_t, l, a, k) => {
  const [x, start, end] = unpackArgs('index', a, k, ['x', 'start?', 'end?']);
  const [p, q] = clampRange(l.items.length, start, end, 'index');
  for (let i = p; i < q; i++) if (equals(l.items[i]!, x!)) return i;
  fail(`index: value not in list`);
});
lm('insert', (_t, l, a, k) => {
  const [iv, x] = unpackArgs('insert', a, k, ['index', 'x']);
  l.checkMutable('insert into');
  let i = wantInt('insert', iv, 'index');
  const n = l.items.length;
  if (i < 0) i += n;
  i = Math.min(Math.max(i, 0), n);
  l.items.splice(i, 0, x!);
  return null;
});
lm('pop', (_t, l, a, k) => {
  const [iv] = unpackArgs('pop', a, k, ['i?']);
  const n = l.items.length;
  let i = iv === undefined ? n - 1 : wantInt('pop', iv, 'i');
  const orig = i;
  if (i < 0) i += n;
  if (i < 0 || i >= n) fail(`pop: index ${orig} out of range [${-n}:${n - 1}]`);
  l.checkMutable('pop from');
  return l.items.splice(i, 1)[0]!;
});
lm('remove', (_t, l, a, k) => {
  const [x] = unpackArgs('remove', a, k, ['x']);
  l.checkMutable('remove from');
  for (let i = 0; i < l.items.length; i++) {
    if (equals(l.items[i]!, x!)) {
      l.items.splice(i, 1);
      return null;
    }
  }
  fail(`remove: element not found`);
});

// --- dict methods -------------------------------------------------------

function dm(name: string, m: (thread: Thread, d: Dict, args: Value[], kw: Kwargs) => Value): void {
  dictMethods.set(name, (t, r, a, k) => m(t, r as Dict, a, k));
}
dm('clear', (_t, d, a, k) => {
  unpackArgs('clear', a, k, []);
  d.checkMutable('clear');
  d.map.clear();
  return null;
});
dm('get', (_t, d, a, k) => {
  const [key, dflt] = unpackArgs('get', a, k, ['key', 'default?']);
  const v = d.get(key!);
  return v === undefined ? (dflt === undefined ? null : dflt) : v;
});
dm('items', (_t, d, a, k) => {
  unpackArgs('items', a, k, []);
  return new List(d.entries().map(([x, y]) => new Tuple([x, y])));
});
dm('keys', (_t, d, a, k) => {
  unpackArgs('keys', a, k, []);
  return new List(d.keys());
});
dm('values', (_t, d, a, k) => {
  unpackArgs('values', a, k, []);
  return new List(d.entries().map(([, y]) => y));
});
dm('pop', (_t, d, a, k) => {
  const [key, dflt] = unpackArgs('pop', a, k, ['key', 'default?']);
  d.checkMutable('delete from');
  const h = hashKey(key!);
  const e = d.map.get(h);
  if (e) {
    d.map.delete(h);
    return e[1];
  }
  if (dflt !== undefined) return dflt;
  fail('pop: missing key');
});
dm('popitem', (_t, d, a, k) => {
  unpackArgs('popitem', a, k, []);
  d.checkMutable('delete from');
  const first = d.map.entries().next();
  if (first.done) fail('popitem: empty dict');
  d.map.delete(first.value[0]);
  return new Tuple([first.value[1][0], first.value[1][1]]);
});
dm('setdefault', (_t, d, a, k) => {
  const [key, dflt] = unpackArgs('setdefault', a, k, ['key', 'default?']);
  const v = d.get(key!);
  if (v !== undefined) return v;
  d.checkMutable('insert into');
  const nv = dflt === undefined ? null : dflt;
  d.set(key!, nv);
  return nv;
});
dm('update', (_t, d, a, k) => {
  d.checkMutable('insert into');
  updateDict('update', d, a, k);
  return null;
});

