// @ytt:ip: parse_addr and parse_cidr, with Go's net package's rules for what parses and how an
// address prints (IPv4 dotted; IPv6 lower-case with the longest run of zero groups as `::`; an
// IPv4-mapped IPv6 address is an IPv4 address). Checked against ytt 0.45.9.
import { Builtin, StarObject, Tuple, fail } from '../starlark/eval/values.js';
import type { Value } from '../starlark/eval/values.js';
import { unpackArgs } from '../starlark/eval/builtins.js';
import { module } from './util.js';

/** 16 bytes, as Go keeps every address (an IPv4 address is IPv4-mapped). */
type Bytes = number[];

function parseV4(s: string): Bytes | undefined {
  const parts = s.split('.');
  // Go refuses leading zeros (an octal reading would be ambiguous) and anything over 255.
  if (parts.length !== 4 || parts.some((p) => !/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255)) return undefined;
  return parts.map(Number);
}

function parseIP(s: string): Bytes | undefined {
  const v4 = parseV4(s);
  if (v4) return [...Array(10).fill(0), 0xff, 0xff, ...v4];
  if (!s.includes(':')) return undefined;
  // An IPv4 tail (`::ffff:10.0.0.1`) is its last two groups.
  let text = s;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4tail = parseV4(s.slice(lastColon + 1));
    if (!v4tail) return undefined;
    text = `${s.slice(0, lastColon + 1)}${((v4tail[0]! << 8) | v4tail[1]!).toString(16)}:${((v4tail[2]! << 8) | v4tail[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0] as string);
  const rest = halves.length === 2 ? groups(halves[1] as string) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const words = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest].map((g) => parseInt(g, 16));
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

const isV4 = (ip: Bytes): boolean => ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;

function ipString(ip: Bytes): string {
  if (isV4(ip)) return ip.slice(12).join('.');
  const words = Array.from({ length: 8 }, (_, i) => (ip[2 * i]! << 8) | ip[2 * i + 1]!);
  // The first longest run of two or more zero groups becomes `::`.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  return best < 0 ? hex(words) : `${hex(words.slice(0, best))}::${hex(words.slice(best + bestLen))}`;
}

class Addr extends StarObject {
  constructor(private readonly ip: Bytes) {
    super();
  }
  typeName(): string {
    return '@ytt:ip.addr';
  }
  override attr(name: string): Value | undefined {
    const method = (f: () => Value) => new Builtin(`${name}`, () => f());
    if (name === 'is_ipv4') return method(() => isV4(this.ip));
    if (name === 'is_ipv6') return method(() => !isV4(this.ip));
    if (name === 'string') return method(() => ipString(this.ip));
    return undefined;
  }
  override attrNames(): string[] {
    return ['is_ipv4', 'is_ipv6', 'string'];
  }
}

class Net extends StarObject {
  constructor(private readonly network: Bytes, private readonly prefix: number) {
    super();
  }
  typeName(): string {
    return '@ytt:ip.net';
  }
  override attr(name: string): Value | undefined {
    if (name === 'addr') return new Builtin('addr', () => new Addr(this.network));
    if (name === 'string') return new Builtin('string', () => `${ipString(this.network)}/${this.prefix}`);
    return undefined;
  }
  override attrNames(): string[] {
    return ['addr', 'string'];
  }
}

function stringArg(name: string, args: Value[], kwargs: Parameters<typeof unpackArgs>[2]): string {
  const [s] = unpackArgs(name, args, kwargs, ['value']);
  if (typeof s !== 'string') fail(`expected string, but was ${s === null || s === undefined ? 'NoneType' : typeof s}`);
  return s;
}

export const ipModule = module('ip', {
  parse_addr: (_t, args, kwargs) => {
    const s = stringArg('ip.parse_addr', args, kwargs);
    const ip = parseIP(s);
    if (!ip) fail(`invalid IP address: ${s}`);
    return new Addr(ip);
  },
  parse_cidr: (_t, args, kwargs) => {
    const s = stringArg('ip.parse_cidr', args, kwargs);
    const slash = s.indexOf('/');
    const ip = slash > 0 ? parseIP(s.slice(0, slash)) : undefined;
    const bits = ip && isV4(ip) && parseV4(s.slice(0, slash)) ? 32 : 128;
    const prefixText = s.slice(slash + 1);
    const prefix = /^(0|[1-9]\d*)$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!ip || !(prefix >= 0 && prefix <= bits)) fail(`invalid CIDR address: ${s}`);
    const masked = prefix + (128 - bits);
    const network = ip.map((b, i) => (i * 8 >= masked ? 0 : i * 8 + 8 <= masked ? b : b & (0xff << (8 - (masked - i * 8)))));
    // Go keeps the IPv4 form of a v4 network: its bytes 10 and 11 stay 0xff.
    if (bits === 32) [network[10], network[11]] = [0xff, 0xff];
    return new Tuple([new Addr(ip), new Net(network, prefix)]);
  },
});
