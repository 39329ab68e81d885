// Differential tests of the ytt engine's fast YAML path (readFast in src/ytt/template/yamlparse.ts:
// src/yaml's fast reader making ytt's nodes) against its `yaml` package path (parseSlow): on every
// YAML file of the repository, on the templates of the shared ytt vectors, on ytt-style templates
// (annotations on every kind of node), and on generated and damaged streams. For each text the
// fast path must either decline or make exactly the same tree — documents, items, keys and
// scalars with their types, the line of every node, the comments each node carries; and it must
// decline every text the yaml package path reports an error for.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoFiles } from '../helpers/repo-files.js';
import { describeVectors, VECTORS, vectorCases } from '../helpers/ytt-vectors.js';
import { describe, expect, it } from 'vitest';
import { Float } from '../../src/ytt/starlark/eval/values.js';
import { YNode, type YDocSet } from '../../src/ytt/template/nodes.js';
import { goYamlText, parseSlow, parseYamlWithComments, readFast } from '../../src/ytt/template/yamlparse.js';
import { mutate, Rng, scalarTorture, soup, stream } from '../yaml/fastparse-gen.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** A tree as text: every node with its kind, line, comments and (for items) key; scalars with their type. */
function dump(v: unknown, indent = ''): string {
  if (v instanceof Float) return `float ${Object.is(v.v, -0) ? '-0' : String(v.v)}`;
  if (typeof v === 'bigint') return `bigint ${v}`;
  if (!(v instanceof YNode)) return `${v === null ? 'null' : typeof v} ${JSON.stringify(v)}`;
  const comments = v.comments.map((c) => ` #${c.line}:${JSON.stringify(c.data)}`).join('');
  const key = v.kind === 'mapitem' ? ` key=${dump((v as unknown as { key: unknown }).key)}` : '';
  let out = `${v.kind} line=${v.line}${key}${comments}`;
  for (const child of v.values()) out += `\n${indent}  ${dump(child, `${indent}  `)}`;
  return out;
}

type Outcome = 'match' | 'declined' | 'rejected';

/** Compares the two paths on `text`; fails the test on a difference. */
function check(name: string, text: string): Outcome {
  let src: string;
  try {
    src = goYamlText(text);
  } catch {
    return 'rejected'; // tab errors: before either path
  }
  let slow: YDocSet | undefined;
  try {
    slow = parseSlow(src);
  } catch {
    // the yaml package path reports an error: the fast path must not read the text
  }
  const fast = readFast(src, true, true);
  if (slow === undefined) {
    if (fast !== null) expect.fail(`${name}: the fast path read a text the yaml package path rejects:\n${dump(fast)}`);
    return 'rejected';
  }
  if (fast === null) return 'declined';
  expect(dump(fast), name).toBe(dump(slow));
  // without comments, the same tree without them
  expect(dump(readFast(src, false, true)), name).toBe(dump(parseSlow(src, { withComments: false })));
  return 'match';
}

const repoYaml = (): string[] => repoFiles(REPO, /\.ya?ml$/);

describe('every YAML file in the repository', () => {
  const files = repoYaml();
  it.each(files.map((f) => [relative(REPO, f)]))('%s', (rel) => {
    const o = check(rel, readFileSync(join(REPO, rel), 'utf8'));
    // the example package is what the fast path is for: it must not fall back
    if (rel.startsWith('examples/ytt-package/')) expect(o).toBe('match');
  });
});

const vectors = vectorCases('template.ytt.yaml');

describeVectors('ytt vector templates', vectors, () => {
  const counts = { match: 0, declined: 0, rejected: 0 };
  it.each(vectors.map((v, i) => [v, i]))('%s', (v, i) => {
    const text = readFileSync(join(VECTORS, v, 'template.ytt.yaml'), 'utf8');
    counts[check(v, text)]++;
    // and damaged: comments and annotations in odd places
    const rng = new Rng(8_000_000 + i);
    for (let m = 0; m < 3; m++) check(`${v} mutant ${m}`, mutate(rng, text));
  });
  it('reads most of them fast (the test is not vacuous)', () => {
    expect(counts.match).toBeGreaterThan(vectors.length * 0.8);
  });
});

describe('ytt-style templates', () => {
  const cases: Record<string, string> = {
    'annotations on documents, items and values': '#@ load("@ytt:data", "data")\n#@ load("/helpers.star", "name")\n---\n#@overlay/match by=overlay.all\napiVersion: v1 #@ comment\nkind: ConfigMap\nmetadata:\n  #@ if data.values.x:\n  name: #@ name()\n  #@ end\n  labels:\n    #@yaml/text-templated-strings\n    app: (@= data.values.app @)\ndata:\n  list:\n  #@ for i in range(3):\n  - #@ i\n  #@ end\n  - [a, b] #@ trailing\n  - {k: v}\n',
    'comments only': '#@ load("x.star", "y")\n# plain\n\n#! ytt comment\n',
    'comment after the last document': 'a: 1\n---\nb: 2\n#@ end\n',
    'empty documents': '---\n---\n# c\n---\na: 1\n',
    'document marker with a comment': '--- #@ template.replace(x)\n- 1\n- 2\n',
    'block scalars': 'a: |\n  line1\n  #@ not a comment\nb: >-\n  folded\n  text\n# after\nc: |+\n  keep\n\n',
    'flow collections over lines': 'a: [1, #@ one\n  2,\n  3]\nb: {x: 1,\n  # inside\n  y: 2}\n',
    'keys of every type': 'yes: 1\n1: a\n1.5: b\n~: c\n"q": d\n0x1F: e\n',
    'duplicate keys': 'a: 1\na: 2\n',
    'nested compact sequences': '- - a\n  - b\n- k: v\n  l: w\n',
    'a scalar document': 'just text\n',
    'a plain scalar over lines with a comment after it': 'a: one\n  two\n  # c\nb: x\n',
  };
  it.each(Object.entries(cases))('%s', (name, text) => {
    expect(check(name, text)).toBe('match');
  });
  it('declines what only the yaml package path reads as ytt does (BOM, `...`, a block scalar at the end without a line break, CRLF)', () => {
    for (const text of ['\ufeffa: 1\n', 'a: 1\n...\n', 'a: |\n  x', 'a: 1\r\nb: 2\r\n', 'a: &x 1\nb: *x\n']) {
      expect(readFast(goYamlText(text), true, true), JSON.stringify(text)).toBeNull();
      // and parseYamlWithComments still reads it (through the yaml package)
      expect(() => parseYamlWithComments(text)).not.toThrow();
    }
  });
});

describe('generated and damaged streams', () => {
  const counts = { match: 0, declined: 0, rejected: 0 };
  it.each(Array.from({ length: 10 }, (_, i) => [i]))('chunk %i', (chunk) => {
    for (let i = 0; i < 100; i++) {
      const seed = 7_000_000 + chunk * 100 + i;
      const rng = new Rng(seed);
      const text = stream(rng);
      counts[check(`stream ${seed}`, text)]++;
      for (let m = 0; m < 2; m++) counts[check(`stream ${seed} mutant ${m}`, mutate(rng, text))]++;
      counts[check(`soup ${seed}`, soup(new Rng(seed)))]++;
      counts[check(`torture ${seed}`, scalarTorture(new Rng(seed)))]++;
    }
  }, 60_000);
  it('sees every outcome (the test is not vacuous)', () => {
    expect(counts.match).toBeGreaterThan(1500);
    expect(counts.rejected).toBeGreaterThan(500);
  });
});
