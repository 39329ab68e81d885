// @ytt:regexp — match and replace with Go RE2 syntax, translated to JS RegExp.
// Constructs RE2 does not support (lookaround, backreferences) are rejected.
import { Builtin, StarFunction, fail, typeName } from '../starlark/eval/values.js';
import type { Thread, Value } from '../starlark/eval/values.js';
import { callValue } from '../starlark/eval/interp.js';
import { unpackArgs } from '../starlark/eval/builtins.js';
import { module } from './util.js';

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

const cache = new Map<string, RegExp>();

function perr(msg: string, frag: string): never {
  fail(`error parsing regexp: ${msg}: \`${frag}\``);
}

/** Translates an RE2 pattern into an equivalent JS RegExp (global). */
export function compileRE2(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return new RegExp(hit.source, hit.flags);
  let flags = 'g';
  let out = '';
  let i = 0;
  let inClass = false;
  let depth = 0;
  // leading flag group (?flags)
  const lead = /^\(\?([imsU]+)\)/.exec(pattern);
  if (lead) {
    for (const f of lead[1]!) {
      if (f === 'U') perr('invalid or unsupported Perl syntax', '(?U');
      if (!flags.includes(f)) flags += f;
    }
    i = lead[0].length;
  }
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) perr('trailing backslash at end of expression', '');
      if (n === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const lit = end < 0 ? pattern.slice(i + 2) : pattern.slice(i + 2, end);
        out += lit.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      if (n === 'A') { out += inClass ? 'A' : '^'; i += 2; continue; }
      if (n === 'z') { out += inClass ? 'z' : '$(?![\\s\\S])'; i += 2; continue; }
      if (/[1-9]/.test(n)) perr('invalid escape sequence', '\\' + n);
      if (n === 'p' || n === 'P') {
        const m = /^\\[pP](\{[A-Za-z_]+\}|[A-Za-z])/.exec(pattern.slice(i));
        if (!m) perr('invalid character class range', pattern.slice(i, i + 3));
        flags.includes('u') || (flags += 'u');
        out += m[0].length === 3 ? `\\${n}{${m[1]}}` : m[0];
        i += m[0].length;
        continue;
      }
      if (/[a-zA-Z]/.test(n) && !'dDwWsSbBnrtfvx0'.includes(n)) perr('invalid escape sequence', '\\' + n);
      out += c + n;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === '[' && pattern[i + 1] === ':') {
        const end = pattern.indexOf(':]', i + 2);
        if (end > 0) {
          let name = pattern.slice(i + 2, end);
          const neg = name.startsWith('^');
          if (neg) name = name.slice(1);
          const cls = POSIX[name];
          if (!cls) perr('invalid character class range', pattern.slice(i, end + 2));
          if (neg) perr('invalid or unsupported Perl syntax', pattern.slice(i, end + 2));
          out += cls;
          i = end + 2;
          continue;
        }
      }
      if (c === '[') { out += '\\['; i++; continue; }
      if (c === ']') { inClass = false; out += ']'; i++; continue; }
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += '[';
      i++;
      if (pattern[i] === '^') { out += '^'; i++; }
      if (pattern[i] === ']') { out += '\\]'; i++; }
      continue;
    }
    if (c === '(') {
      depth++;
      if (pattern[i + 1] === '?') {
        const rest = pattern.slice(i);
        if (rest.startsWith('(?P<')) { out += '(?<'; i += 4; continue; }
        if (rest.startsWith('(?:')) { out += '(?:'; i += 3; continue; }
        const fl = /^\(\?([imsU-]+)(:|\))/.exec(rest);
        if (fl) perr('invalid or unsupported Perl syntax', '(?' + fl[1]);
        perr('invalid or unsupported Perl syntax', rest.slice(0, 3));
      }
      out += c;
      i++;
      continue;
    }
    if (c === ')') {
      if (depth === 0) perr('unexpected )', pattern);
      depth--;
    }
    out += c;
    i++;
  }
  if (inClass) perr('missing closing ]', pattern.slice(pattern.lastIndexOf('[')));
  if (depth > 0) perr('missing closing )', pattern);
  let re: RegExp;
  try {
    re = new RegExp(out, flags);
  } catch (e) {
    perr('invalid expression', pattern);
  }
  cache.set(pattern, re);
  return new RegExp(re.source, re.flags);
}

/** Go's Regexp.Expand template syntax: $1, ${1}, $name, ${name}, $$. */
function expand(template: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== '$' || i + 1 >= template.length) {
      out += c;
      continue;
    }
    const n = template[i + 1]!;
    if (n === '$') {
      out += '$';
      i++;
      continue;
    }
    let name: string;
    let len: number;
    if (n === '{') {
      const end = template.indexOf('}', i + 2);
      if (end < 0) {
        out += c;
        continue;
      }
      name = template.slice(i + 2, end);
      len = end - i + 1;
      if (!/^\w+$/.test(name)) {
        out += c;
        continue;
      }
    } else {
      const mm = /^\w+/.exec(template.slice(i + 1));
      if (!mm) {
        out += c;
        continue;
      }
      name = mm[0];
      len = name.length + 1;
    }
    if (/^\d+$/.test(name)) out += m[Number(name)] ?? '';
    else out += m.groups?.[name] ?? '';
    i += len - 1;
  }
  return out;
}

export const regexpModule = module('regexp', {
  match: (_t, args, kw) => {
    const [p, s] = unpackArgs('regexp.match', args, kw, ['pattern', 'target']);
    if (typeof p !== 'string') fail(`regexp.match: expected pattern to be string, but was ${typeName(p!)}`);
    if (typeof s !== 'string') fail(`regexp.match: expected target to be string, but was ${typeName(s!)}`);
    const re = compileRE2(p);
    return re.test(s);
  },
  replace: (thread: Thread, args, kw) => {
    const [p, s, r] = unpackArgs('regexp.replace', args, kw, ['pattern', 'target', 'repl']);
    if (typeof p !== 'string') fail(`regexp.replace: expected pattern to be string, but was ${typeName(p!)}`);
    if (typeof s !== 'string') fail(`regexp.replace: expected target to be string, but was ${typeName(s!)}`);
    const re = compileRE2(p);
    let out = '';
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      out += s.slice(last, m.index);
      if (typeof r === 'string') out += expand(r, m);
      else if (r instanceof StarFunction || r instanceof Builtin) {
        const v: Value = callValue(thread, r, [m[0]], []);
        if (typeof v !== 'string') fail(`regexp.replace: expected replacement function to return string, but was ${typeName(v)}`);
        out += v;
      } else fail(`regexp.replace: expected repl to be string or function, but was ${typeName(r!)}`);
      last = m.index + m[0].length;
      if (m[0].length === 0) {
        if (re.lastIndex < s.length) out += s[re.lastIndex];
        re.lastIndex++;
        last = re.lastIndex;
        if (last > s.length) break;
      }
    }
    return out + s.slice(Math.min(last, s.length));
  },
});
