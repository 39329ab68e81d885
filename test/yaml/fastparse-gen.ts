// Deterministic generators of YAML text for the differential tests of src/yaml/parse.ts and its
// benchmark: Kubernetes-like objects with tricky scalars, written in many styles (block and flow
// collections, every scalar style, comments, markers, CRLF, BOM), plus a mutator that breaks
// valid text in small ways. Generated text is not assumed to be valid YAML: the `yaml` package is
// the reference either way.

/** mulberry32: small, fast, deterministic. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** Scalar texts that resolve to something surprising, or are hard to write. */
export const TRICKY: readonly string[] = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'True', 'FALSE', 'true', 'false', 'Yes', 'OFF',
  '0777', '0x1F', '0o17', '0b101', '1e3', '1E3', '1_000', '.5', '08', '09.5', '+1', '-1', '-0', '-0.0', '1.0',
  '3.14159', '6.02e+23', '1.', '.inf', '-.Inf', '.NaN', '12345678901234567890', '0x10000000000000000',
  '123456789012345678901234', '9007199254740993', '-9223372036854775808', '0b+101', '1:20', '190:20:30',
  '~', 'null', 'Null', 'NULL', '', ' ', '  ', '2001-12-14', '2001-12-14T21:59:43.10-05:00', '2002-12-14 21:59:43.10 -5',
  '<<', '=', '-', '--', '---', '...', '- a', '? a', ': a', 'a: b', 'a:b', 'a #b', 'a#b', '#a', 'a:', ':a',
  '"quoted"', "'single'", "it's", 'say "hi"', 'back\\slash', 'C:\\path\\to', 'tab\there', '\ttab start',
  'uni ⚡ café 日本語', 'emoji 😀 here', '\u00a0nbsp', 'ü', 'http://example.com:8080/a?b=c#frag',
  '@at', '`tick', '%pct', '&amp', '*star', '!bang', '|pipe', '>gt', '[br]', '{br}', ',comma', 'a, b', 'a ,b',
  'trailing space ', ' leading space', 'a  b', 'multi\nline', 'two\n\nbreaks', 'trailing\n', 'two trailing\n\n',
  '\nleading newline', '  indented\n  block\n', 'line one\n  more indented\nback\n', 'x\n\n\n', 'a\r\nb',
  'ends with backslash\\', 'json {"a": [1, 2]}', 'key: value\nother: 2\n', '- item\n- item2\n', '#!/bin/sh\necho hi\n',
  'x'.repeat(90), 'long line '.repeat(30), '$(VAR)', '${VAR}', '{{ .Values.x }}', '*.example.com', 'a\u200bb', // (not LS: a line break to go-yaml, which the fast reader declines)
];

const WORDS = [
  'app', 'web', 'api', 'tanzu-java-web-app', 'source', 'image', 'config', 'workload', 'deliverable', 'runnable',
  'kpack', 'git', 'main', 'dev', 'prod', 'team-a', 'registry.example.com/tap/app', 'carto.run', 'v1', 'default',
];
const KEYS = [
  'name', 'namespace', 'labels', 'annotations', 'spec', 'source', 'git', 'url', 'ref', 'branch', 'image', 'env',
  'value', 'params', 'serviceAccountName', 'resources', 'limits', 'requests', 'cpu', 'memory', 'args', 'build',
  'apps.tanzu.vmware.com/workload-type', 'app.kubernetes.io/part-of', 'carto.run/workload-name', 'port',
];
const TRICKY_KEYS = [
  'yes', 'on', 'y', 'n', 'true', '1', '0777', '1e3', '~', 'null', '', 'a b', 'a: b', 'a #b', '#k', '-k', '- k',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', '1.0', '12345678901234567890', 'ü', '日本', 'k"q', "k'q",
  '[k]', '{k}', 'k,', '<<', '?', ':', 'a:b', 'key\twith tab', 'x'.repeat(40),
];

export type Tree = string | Tree[] | { map: [string, Tree][] };

/** Numbers JSON cannot hold: kubectl refuses a manifest with one, and the fast reader leaves it to the yaml package. */
const NOT_JSON = new Set(['.inf', '-.Inf', '.NaN']);

function scalar(rng: Rng): string {
  const r = rng.next();
  if (r < 0.45) {
    const text = rng.pick(TRICKY);
    return NOT_JSON.has(text) ? `"${text}"` : text;
  }
  if (r < 0.75) return rng.pick(WORDS) + (rng.chance(0.3) ? `-${rng.int(1000)}` : '');
  if (r < 0.9) return String(rng.chance(0.5) ? rng.int(100000) : (rng.next() * 1000).toFixed(rng.int(4)));
  const words: string[] = [];
  const n = 2 + rng.int(12);
  for (let i = 0; i < n; i++) words.push(rng.chance(0.2) ? rng.pick(TRICKY).replace(/\r?\n/g, ' ') : rng.pick(WORDS));
  return words.join(rng.chance(0.1) ? '\n' : ' ');
}

function key(rng: Rng): string {
  return rng.chance(0.12) ? rng.pick(TRICKY_KEYS) : rng.pick(KEYS) + (rng.chance(0.2) ? String(rng.int(10)) : '');
}

/** A random value tree (maps as entry lists so duplicate keys and order are kept). */
export function tree(rng: Rng, depth: number): Tree {
  const r = rng.next();
  if (depth <= 0 || r < 0.45) return scalar(rng);
  const n = rng.chance(0.08) ? 0 : 1 + rng.int(5);
  if (r < 0.7) {
    const entries: [string, Tree][] = [];
    for (let i = 0; i < n; i++) entries.push([key(rng), tree(rng, depth - 1)]);
    return { map: entries };
  }
  const items: Tree[] = [];
  for (let i = 0; i < n; i++) items.push(tree(rng, depth - 1));
  return items;
}

/** A Kubernetes-like object. */
export function k8sObject(rng: Rng, i: number): Tree {
  const labels: [string, Tree][] = [];
  for (let j = 0; j < 1 + rng.int(4); j++) labels.push([rng.pick(KEYS), scalar(rng)]);
  return {
    map: [
      ['apiVersion', rng.pick(['carto.run/v1alpha1', 'v1', 'apps/v1'])],
      ['kind', rng.pick(['Workload', 'ConfigMap', 'Deployment', 'ClusterSupplyChain'])],
      ['metadata', { map: [['name', `obj-${i}`], ['namespace', rng.pick(WORDS)], ['labels', { map: labels }]] }],
      ['spec', tree(rng, 4)],
      ...(rng.chance(0.5) ? ([['data', tree(rng, 2)]] as [string, Tree][]) : []),
    ],
  };
}

const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

function plainOk(s: string, inFlow: boolean): boolean {
  if (s === '' || s !== s.trim() || /[\n\r\t]/.test(s)) return false;
  if (INDICATORS.has(s[0]!) && !(s.length > 1 && '-?:'.includes(s[0]!) && s[1] !== ' ')) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (s.startsWith('---') || s.startsWith('...')) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  if (inFlow && s.startsWith('-')) return false;
  return true;
}

function doubleQuote(rng: Rng, s: string): string {
  let out = JSON.stringify(s);
  if (rng.chance(0.3)) out = out.replace(/\\n/g, () => rng.pick(['\\n', '\\x0a', '\\u000A', '\\U0000000a']));
  if (rng.chance(0.2)) out = out.replace(/ /g, () => (rng.chance(0.1) ? '\\_' : rng.chance(0.1) ? '\\ ' : ' '));
  if (rng.chance(0.1)) out = out.replace(/\//g, '\\/');
  return out;
}

/** Writes Tree values as YAML text with randomly chosen styles. */
export class Writer {
  private readonly w: number; // indentation step
  private readonly indentSeqs: boolean;
  constructor(private readonly rng: Rng, private readonly sloppy: number) {
    this.w = rng.pick([2, 2, 2, 4, 1, 3]);
    this.indentSeqs = rng.chance(0.5);
  }

  document(t: Tree): string {
    return this.node(t, 0, 'root').replace(/^\n/, '');
  }

  private sp(n: number): string {
    return ' '.repeat(Math.max(0, n));
  }

  private comment(): string {
    return this.rng.pick(['# c', '#', '# a: b', '#- x', '# "q"', '#@ load("x")', '# ü']);
  }

  /** Lines between entries: blank lines and comments at random indentation. */
  private filler(indent: number): string {
    let out = '';
    if (this.rng.chance(0.08)) out += '\n';
    if (this.rng.chance(0.08)) out += this.sp(this.rng.chance(0.7) ? indent : this.rng.int(indent + 3)) + this.comment() + '\n';
    if (this.rng.chance(0.001)) out += this.rng.pick(['\t\n', ' \t # t\n']);
    if (this.rng.chance(0.01)) out += '  \n';
    return out;
  }

  private trailing(): string {
    return this.rng.chance(0.06) ? ' ' + this.comment() : this.rng.chance(0.02) ? ' ' : '';
  }

  /** A block or inline node placed after `key:` / `-` / at the root (`indent` = parent's). */
  private node(t: Tree, indent: number, ctx: 'root' | 'value' | 'item'): string {
    const rng = this.rng;
    if (typeof t === 'string') return (ctx === 'root' ? '' : ' ') + this.scalarText(t, indent, false) + '\n';
    const isMap = !Array.isArray(t);
    const entries = isMap ? (t as { map: [string, Tree][] }).map : [];
    const items = isMap ? [] : (t as Tree[]);
    if ((isMap ? entries.length : items.length) === 0 || rng.chance(0.1)) {
      return (ctx === 'root' ? '' : ' ') + this.flow(t, indent + 1, 0) + this.trailing() + '\n';
    }
    const lead = ctx === 'root' ? '' : this.trailing() + '\n';
    if (isMap) {
      const at = ctx === 'root' ? 0 : indent + this.w;
      return lead + this.blockMap(entries, at, false);
    }
    const at = ctx === 'root' ? 0 : ctx === 'value' && !this.indentSeqs ? indent : indent + this.w;
    return lead + this.blockSeq(items, at);
  }

  /** Entries at column `at`; `placed`: the caller already wrote the first key's indentation. */
  private blockMap(entries: [string, Tree][], at: number, placed: boolean): string {
    let out = '';
    entries.forEach(([k, v], i) => {
      if (!(placed && i === 0)) out += (i === 0 ? '' : this.filler(at)) + this.sp(at);
      out += this.keyText(k) + (this.rng.chance(0.02) ? ' ' : '') + ':' + this.valueAfterKey(v, at);
    });
    return out;
  }

  private valueAfterKey(v: Tree, at: number): string {
    if (typeof v === 'string' && this.rng.chance(0.04) && v !== '') {
      return this.trailing() + '\n' + this.sp(at + this.w) + this.scalarText(v, at, false) + '\n'; // value on its own line
    }
    if (v === '' && this.rng.chance(0.5)) return this.trailing() + '\n'; // `key:` → null
    return this.node(v, at, 'value');
  }

  private blockSeq(items: Tree[], at: number): string {
    const rng = this.rng;
    let out = '';
    items.forEach((item, i) => {
      out += (i === 0 ? '' : this.filler(at)) + this.sp(at);
      out += '-';
      const gap = rng.chance(0.9) ? 1 : 2 + rng.int(2);
      if (typeof item !== 'string' && !Array.isArray(item) && item.map.length > 0 && rng.chance(0.8)) {
        out += this.sp(gap) + this.blockMap(item.map, at + 1 + gap, true); // compact `- key: value`
      } else if (Array.isArray(item) && item.length > 0 && rng.chance(0.5)) {
        out += this.sp(gap) + this.blockSeq(item, at + 1 + gap).replace(/^ +/, ''); // `- - x`
      } else if (typeof item === 'string' && rng.chance(0.9)) {
        out += this.sp(gap) + this.scalarText(item, at, false) + '\n';
      } else {
        out += this.node(item, at, 'item');
      }
    });
    return out;
  }

  private keyText(k: string): string {
    const rng = this.rng;
    if (plainOk(k, false) && rng.chance(0.85)) return k;
    if (!/[\n']/.test(k) && rng.chance(0.4)) return `'${k}'`;
    return JSON.stringify(k);
  }

  /** A scalar after `key: ` or `- ` (parent indentation `indent`), possibly over several lines. */
  private scalarText(s: string, indent: number, inFlow: boolean): string {
    const rng = this.rng;
    const cont = this.sp(indent + 1 + rng.int(this.w + 2)); // continuation indentation
    const r = rng.next();
    if (rng.chance(this.sloppy)) return s.replace(/\n/g, '\n' + cont); // plain, whatever it is
    if (plainOk(s, inFlow) && r < 0.55) {
      if (s.includes(' ') && rng.chance(0.15)) {
        return s.replace(/ /g, () => (rng.chance(0.3) ? '\n' + (rng.chance(0.1) ? '\n' : '') + cont : ' '));
      }
      return s;
    }
    if (!inFlow && r < 0.75 && !/^\s*$/.test(s)) return this.blockScalar(s, indent);
    if (r < 0.88) {
      if (!s.includes('\n') || rng.chance(0.3)) {
        let q = doubleQuote(rng, s);
        if (rng.chance(0.2)) q = q.replace(/ /g, () => (rng.chance(0.3) ? (rng.chance(0.5) ? '\\\n' : '\n') + cont : ' '));
        return q;
      }
      // fold real line breaks: "a\nb" is written "a\n\n  b"
      return '"' + JSON.stringify(s).slice(1, -1).replace(/\\n/g, '\n\n' + cont) + '"';
    }
    const single = s.replace(/'/g, "''");
    return "'" + single.replace(/\n/g, '\n\n' + cont).replace(/ /g, () => (rng.chance(0.05) ? '\n' + cont : ' ')) + "'";
  }

  private blockScalar(s: string, indent: number): string {
    const rng = this.rng;
    const folded = rng.chance(0.3);
    const body = s.endsWith('\n') ? s.slice(0, -1) : s;
    const trailingNl = s.length - s.replace(/\n+$/, '').length;
    let chomp = trailingNl === 0 ? '-' : trailingNl === 1 ? '' : '+';
    if (rng.chance(0.1)) chomp = rng.pick(['', '-', '+']);
    const step = rng.chance(0.8) ? this.w : 1 + rng.int(4);
    const explicit = /^\s/.test(s) || rng.chance(0.1);
    const contentIndent = indent + step;
    let header = (folded ? '>' : '|') + (explicit ? String(step) : '');
    header = rng.chance(0.5) ? header + chomp : header.slice(0, 1) + chomp + header.slice(1);
    const lines = (trailingNl > 1 ? s.replace(/\n+$/, '') + '\n'.repeat(trailingNl - 1) : body).split('\n');
    const text = lines.map((l) => (l === '' && rng.chance(0.7) ? '' : this.sp(contentIndent) + l)).join('\n');
    return header + (rng.chance(0.05) ? ' # c' : '') + '\n' + text;
  }

  /** A flow collection; `minIndent` for continuation lines. */
  flow(t: Tree, minIndent: number, depth: number): string {
    const rng = this.rng;
    const json = rng.chance(0.3);
    const br = rng.chance(0.15);
    const sep = () => (br && rng.chance(0.5) ? ',\n' + this.sp(minIndent + rng.int(4)) : rng.pick([', ', ',', ' , ']));
    if (typeof t === 'string') {
      if (json || !plainOk(t, true)) return json || rng.chance(0.7) ? JSON.stringify(t) : `'${t.replace(/'/g, "''")}'`;
      return t;
    }
    if (Array.isArray(t)) {
      const inner = t.map((x) => this.flow(x, minIndent, depth + 1)).join(sep());
      return '[' + (br ? '\n' + this.sp(minIndent + 1) : '') + inner + (rng.chance(0.1) && t.length ? ',' : '') + (br ? '\n' + this.sp(minIndent - rng.int(2)) : '') + ']';
    }
    const inner = t.map
      .map(([k, v]) => (json || !plainOk(k, true) ? JSON.stringify(k) : k) + (json && rng.chance(0.5) ? ':' : ': ') + this.flow(v, minIndent, depth + 1))
      .join(sep());
    return '{' + (br ? '\n' + this.sp(minIndent + 1) : rng.chance(0.3) ? ' ' : '') + inner + (br ? '\n' + this.sp(minIndent - rng.int(2)) : '') + '}';
  }
}

/** A stream of documents in random styles, with markers, comments, CRLF and BOM now and then. */
export function stream(rng: Rng, sloppy = 0.01): string {
  const docs: string[] = [];
  const n = 1 + rng.int(4);
  for (let i = 0; i < n; i++) {
    const w = new Writer(rng, sloppy);
    const r = rng.next();
    const t = r < 0.7 ? k8sObject(rng, i) : r < 0.9 ? tree(rng, 4) : scalar(rng);
    let text = r > 0.95 && typeof t !== 'string' ? w.flow(t, 0, 0) + '\n' : w.document(t);
    if (rng.chance(0.1)) text = '# leading comment\n' + text;
    docs.push(text);
  }
  let out = '';
  docs.forEach((d, i) => {
    if (i > 0 || rng.chance(0.3)) out += rng.pick(['---\n', '---\n', '--- # doc\n', '---   \n']);
    out += d;
    if (rng.chance(0.05)) out += '...\n';
    if (rng.chance(0.03)) out += '---\n'; // an empty document
  });
  if (rng.chance(0.05)) out += '---\n';
  if (rng.chance(0.1)) out = out.replace(/\n/g, '\r\n');
  if (rng.chance(0.05)) out = '\ufeff' + out;
  return out;
}

/** A small random edit: the kind of damage that must never be read "successfully but wrongly". */
export function mutate(rng: Rng, text: string): string {
  const chars = [' ', '  ', '\t', ':', ': ', '-', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '\n', '|', '>', '&', '*', '!', '?', '%', '\\', '---\n', '...', '\r\n', 'x'];
  const lines = text.split('\n');
  const r = rng.next();
  const at = rng.int(text.length + 1);
  if (r < 0.3) return text.slice(0, at) + rng.pick(chars) + text.slice(at);
  if (r < 0.5) return text.slice(0, at) + text.slice(at + 1 + rng.int(3));
  const li = rng.int(lines.length);
  if (r < 0.7) lines[li] = rng.chance(0.5) ? ' ' + lines[li] : lines[li]!.replace(/^ /, '');
  else if (r < 0.8) lines.splice(li, 0, lines[li]!);
  else if (r < 0.9) lines.splice(li, 1);
  else lines[li] = lines[li]!.replace(/ +/, (m) => m + ' '.repeat(1 + rng.int(3)));
  return lines.join('\n');
}

/** A ~1 KB Workload as kubectl writes it, for the bulk benchmark and tests. */
export function workloadYaml(i: number): string {
  return `apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: tanzu-java-web-app-${i}
  namespace: dev-team-${i % 7}
  labels:
    app.kubernetes.io/part-of: tanzu-java-web-app
    apps.tanzu.vmware.com/workload-type: web
    apps.tanzu.vmware.com/has-tests: "true"
  annotations:
    autoscaling.knative.dev/minScale: "1"
    kapp.k14s.io/change-rule: upsert after upserting servicebinding.io/ServiceBindings
spec:
  serviceAccountName: default
  source:
    git:
      url: https://github.com/sample-accelerators/tanzu-java-web-app
      ref:
        branch: main
  build:
    env:
    - name: BP_JVM_VERSION
      value: "17"
    - name: BP_MAVEN_BUILD_ARGUMENTS
      value: -Dmaven.test.skip=true --no-transfer-progress package
  env:
  - name: SPRING_PROFILES_ACTIVE
    value: dev
  - name: JAVA_TOOL_OPTIONS
    value: -Dserver.port=8080
  params:
  - name: annotations
    value:
      autoscaling.knative.dev/minScale: "1"
  - name: ports
    value:
    - containerPort: 8080
      port: 8080
      name: http
  - name: gitops_ssh_secret
    value: git-ssh
  resources:
    requests:
      memory: 1Gi
      cpu: 100m
    limits:
      memory: 2Gi
      cpu: "1"
  serviceClaims:
  - name: database
    ref:
      apiVersion: services.apps.tanzu.vmware.com/v1alpha1
      kind: ClassClaim
      name: customer-database # provisioned by the platform team
`;
}

const SOUP = [
  'k:', 'k: v', 'k: 1', 'k: yes', 'k: ~', '"k": v', "'k': v", 'k : v', '- ', '-', '- v', '- k: v', '- - v', '-   k: v',
  '[a, b]', 'k: [a, b]', 'k: [a,', 'b]', ']', '}', '{a: b}', 'k: {a: b,', 'c: d}', 'k: {', '"j":1', '"j": [1, 2],',
  '|', '|-', '|+', '>', '>-', '|2', '|1-', '>2+', 'k: |', 'k: >-', 'k: |2', '- |', '- >1', 'text', 'more text',
  '  more', 'a b c', '# c', '#c', 'k: v # c', 'k: v#c', '---', '...', '--- # c', '"multi', 'line"', "'single", "line'",
  '"esc\\n\\t\\u00e9"', '"esc \\', 'cont"', 'k: "a', "k: 'a", 'k: a', '  b', 'http://x:1/y', 'k: -1', 'k: :x', 'k: ?x',
  '? k', ': v', '&a k: v', '*a', '!t v', '<<: {a: 1}', 'k: "x" y', 'k: [a]: b', '[a]: b', 'a: b: c', '', '', '',
];

/** Random lines of YAML fragments at random indentation: mostly invalid, densely odd. */
export function soup(rng: Rng): string {
  const n = 1 + rng.int(10);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(' '.repeat(rng.pick([0, 0, 0, 1, 2, 2, 2, 3, 4, 4, 6])) + rng.pick(SOUP));
  let text = lines.join('\n') + (rng.chance(0.8) ? '\n' : '');
  if (rng.chance(0.1)) text = text.replace(/\n/g, '\r\n');
  return text;
}

/** One scalar-heavy node (block scalar, multi-line quoted or plain, multi-line flow) with odd
 *  headers, indentation, blank lines and tabs, placed in a random context. */
export function scalarTorture(rng: Rng): string {
  const ind = (n: number): string => ' '.repeat(Math.max(0, n));
  const ctx = rng.pick(['root', 'map', 'seq', 'compact', 'nested', 'next-line']);
  const base = ctx === 'root' ? 0 : ctx === 'nested' ? 2 + rng.int(3) : ctx === 'compact' ? 2 : 0;
  const parent = ctx === 'root' ? -1 : base;
  const words = ['a', 'b c', 'x: y', '#h', ' lead', 'trail ', 'tab\there', '- d', '"q"', "'s'", '\\', 'é', '[f]'];
  const line = (): string => {
    const r = rng.next();
    if (r < 0.15) return ind(rng.int(parent + 6)); // blank, maybe with spaces
    if (r < 0.18) return ind(rng.int(3)) + '\t' + rng.pick(words);
    return ind(parent + 1 + rng.int(4)) + rng.pick(words) + (rng.chance(0.1) ? ' ' : '');
  };
  const kind = rng.next();
  let head: string;
  const body: string[] = [];
  const n = rng.int(6);
  if (kind < 0.4) {
    head = rng.pick(['|', '>']) + rng.pick(['', '-', '+', '1', '2', '3', '-2', '2-', '+1', '4+', '9', '0', '--', '12']);
    if (rng.chance(0.1)) head += rng.pick([' # c', '#c', ' x']);
    for (let i = 0; i < n; i++) body.push(line());
  } else if (kind < 0.65) {
    const q = rng.pick(['"', "'"]);
    head = q + rng.pick(words).replace(new RegExp(q, 'g'), '');
    for (let i = 0; i < n; i++) body.push(line().replace(/["']/g, ''));
    const esc = q === '"' ? rng.pick(['', '\\', '\\n', '\\x4', '\\u00e9', '\\t', '\\ ']) : rng.pick(['', "''"]);
    body.push(ind(parent + 1 + rng.int(3)) + 'end' + esc + q + rng.pick(['', ' # c', '#c', ' x', ': v']));
  } else if (kind < 0.85) {
    head = rng.pick(words).replace(/^[-"'#\[ ]/, 'p');
    for (let i = 0; i < n; i++) body.push(line());
  } else {
    head = rng.pick(['[', '{']);
    for (let i = 0; i < n; i++) body.push(ind(parent + rng.int(4)) + rng.pick(['a,', 'b: c,', '"d",', '[e],', '# c', '', 'f g', '{h: i},']));
    body.push(ind(parent + rng.int(3)) + (head === '[' ? ']' : '}') + rng.pick(['', ' # c', ',', ' x']));
  }
  const node = [head, ...body].join('\n');
  let text: string;
  switch (ctx) {
    case 'root':
      text = node;
      break;
    case 'map':
      text = 'k: ' + node;
      break;
    case 'seq':
      text = '- ' + node;
      break;
    case 'compact':
      text = '- a: 1\n  k: ' + node;
      break;
    case 'nested':
      text = 'top:\n' + ind(base) + 'k: ' + node;
      break;
    default:
      text = 'k:\n' + ind(1 + rng.int(3)) + node;
  }
  const after = rng.pick(['', 'next: 1', '- item', '  more: 2', '# tail', '---', '...', ' x']);
  return text + '\n' + after + (rng.chance(0.7) ? '\n' : '');
}
