// Differential tests of the fast YAML reader (src/yaml/parse.ts) against the `yaml` package with
// kubeYamlOptions: on every YAML/JSON file of the repository, on the shared ytt vectors, on
// generated Kubernetes-like streams in many styles, and on those streams damaged in small ways.
// For each text the fast reader must either decline (null) or give exactly the yaml package's
// values and lines; it must decline every text the yaml package reports errors for. The summary
// lines printed at the end say how often it declined, and why.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoFiles } from '../helpers/repo-files.js';
import { describeVectors, VECTORS, vectorCases } from '../helpers/ytt-vectors.js';
import { afterAll, describe, expect, it } from 'vitest';
import { explainFallback } from '../../src/yaml/parse.js';
import { compare, type Outcome } from './fastparse-oracle.js';
import { mutate, Rng, scalarTorture, soup, stream, workloadYaml } from './fastparse-gen.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Constructs the fast reader declines on purpose; any other reason on valid YAML is a gap. */
const DELIBERATE = /anchor|alias|tag|directive|complex key|empty key|as a key|merge key|quoted << key|tab|control character|CR without LF|BOM|infinite or NaN number|nesting too deep|string too long/;

class Tally {
  readonly counts = { match: 0, fallback: 0, rejected: 0, wrong: 0 };
  readonly reasons = new Map<string, number>();
  readonly examples: string[] = [];
  add(name: string, text: string, o: Outcome): void {
    this.counts[o.kind]++;
    if (o.kind === 'fallback') {
      const why = explainFallback(text);
      const reason = why?.reason ?? '?';
      this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
      if (this.examples.length < 5) this.examples.push(`${name}: ${reason} at offset ${why?.offset}`);
    }
  }
  summary(title: string): string {
    const c = this.counts;
    const reasons = [...this.reasons].map(([r, n]) => `${n}× ${r}`).join('; ');
    return `${title}: ${c.match} read exactly, ${c.fallback} fell back${reasons ? ` (${reasons})` : ''}, ${c.rejected} invalid and declined, ${c.wrong} wrong`;
  }
}

const report: string[] = [];

// The generated cases are fuzzing: a fixed, deterministic share of them in `npm test`, and many
// more with `npm run fuzz` (CARTO_FUZZ_RUNS multiplies the counts; 8 gives the full set).
const SCALE = Number(process.env['CARTO_FUZZ_RUNS'] ?? '1') / 8;
const scaled = (n: number): number => Math.max(1, Math.round(n * SCALE));
afterAll(() => {
  console.log(['fast YAML reader vs the yaml package:', ...report].join('\n  '));
});

function check(name: string, text: string, tally: Tally, checkRanges = true): Outcome {
  const o = compare(text, checkRanges);
  tally.add(name, text, o);
  if (o.kind === 'wrong') expect.fail(`${name}: ${o.message}`);
  return o;
}

const repoYaml = (): string[] => repoFiles(REPO, /\.(ya?ml|json)$/);

describe('every YAML and JSON file in the repository', () => {
  const files = repoYaml();
  const tally = new Tally();
  afterAll(() => report.push(tally.summary(`repository files (${files.length})`)));

  it('finds the examples and golden files', () => {
    expect(files.some((f) => f.includes('/examples/'))).toBe(true);
    expect(files.some((f) => f.includes('/test/golden/'))).toBe(true);
  });

  it.each(files.map((f) => [relative(REPO, f)]))('%s', (rel) => {
    const o = check(rel, readFileSync(join(REPO, rel), 'utf8'), tally);
    // Ordinary manifests, kubectl output and JSON must never need the slow path. Fixtures that are
    // broken on purpose are declined by both readers (compare() checks the yaml package errs too).
    if (/hostile/.test(rel)) expect(['match', 'rejected', 'fallback']).toContain(o.kind); // aliases, deep nesting…
    else if (/\bbroken\b|invalid/.test(rel)) expect(['match', 'rejected']).toContain(o.kind);
    else expect(o.kind).toBe('match');
  });
});

const VECTOR_FILES = ['expected.yaml', 'template.ytt.yaml', 'values.json'];
const vectors = VECTOR_FILES.flatMap((f) => vectorCases(f).map((c) => join(c, f))).sort();

describeVectors('ytt vectors', vectors, () => {
  const tallies = { 'expected.yaml': new Tally(), 'template.ytt.yaml': new Tally(), 'values.json': new Tally() };
  afterAll(() => {
    for (const [name, t] of Object.entries(tallies)) report.push(t.summary(`ytt vectors ${name}`));
  });

  it.each(vectors.map((v) => [v]))('%s', (v) => {
    const kind = v.slice(v.indexOf('/') + 1) as keyof typeof tallies;
    const text = readFileSync(join(VECTORS, v), 'utf8');
    const o = check(v, text, tallies[kind]);
    if (o.kind === 'fallback') {
      // templates may use anchors; ytt's own output and values files never need the slow path
      expect(kind).toBe('template.ytt.yaml');
      expect(explainFallback(text)?.reason).toMatch(DELIBERATE);
    } else {
      expect(o.kind).toBe('match');
    }
  });
});

describe('generated Kubernetes-like streams', () => {
  const CHUNKS = 20;
  const PER_CHUNK = scaled(100);
  const tally = new Tally();
  afterAll(() => report.push(tally.summary(`generated streams (${CHUNKS * PER_CHUNK})`)));

  it.each(Array.from({ length: CHUNKS }, (_, i) => [i]))('chunk %i', (chunk) => {
    for (let i = 0; i < PER_CHUNK; i++) {
      const seed = 1_000_000 + chunk * PER_CHUNK + i;
      const text = stream(new Rng(seed));
      const o = check(`seed ${seed}`, text, tally, i % 10 === 0);
      if (o.kind === 'fallback') expect(explainFallback(text)?.reason, `seed ${seed}`).toMatch(DELIBERATE);
    }
  }, 60_000);

  it('mostly reads them (the test is not vacuous)', () => {
    expect(tally.counts.match).toBeGreaterThan(CHUNKS * PER_CHUNK * 0.7);
    expect(tally.counts.fallback).toBeLessThan(CHUNKS * PER_CHUNK * 0.05);
  });
});

describe('damaged streams: never read wrongly', () => {
  const CHUNKS = 20;
  const PER_CHUNK = scaled(50);
  const MUTANTS = 4;
  const tally = new Tally();
  afterAll(() => report.push(tally.summary(`damaged streams (${CHUNKS * PER_CHUNK * MUTANTS})`)));

  it.each(Array.from({ length: CHUNKS }, (_, i) => [i]))('chunk %i', (chunk) => {
    for (let i = 0; i < PER_CHUNK; i++) {
      const seed = 2_000_000 + chunk * PER_CHUNK + i;
      const rng = new Rng(seed);
      const text = stream(rng);
      for (let m = 0; m < MUTANTS; m++) check(`seed ${seed} mutant ${m}`, mutate(rng, text), tally, false);
    }
  }, 60_000);

  it('sees both outcomes (the test is not vacuous)', () => {
    expect(tally.counts.match).toBeGreaterThan(CHUNKS * PER_CHUNK);
    expect(tally.counts.rejected).toBeGreaterThan(CHUNKS * PER_CHUNK);
  });
});

describe('line soup: random YAML fragments at random indentation', () => {
  const CHUNKS = 10;
  const PER_CHUNK = scaled(1000);
  const tally = new Tally();
  afterAll(() => report.push(tally.summary(`line soup (${CHUNKS * PER_CHUNK})`)));

  it.each(Array.from({ length: CHUNKS }, (_, i) => [i]))('chunk %i', (chunk) => {
    for (let i = 0; i < PER_CHUNK; i++) {
      const seed = 3_000_000 + chunk * PER_CHUNK + i;
      check(`seed ${seed}`, soup(new Rng(seed)), tally, i % 10 === 0);
    }
  }, 60_000);

  it('sees both outcomes (the test is not vacuous)', () => {
    expect(tally.counts.match).toBeGreaterThan(CHUNKS * PER_CHUNK * 0.1);
    expect(tally.counts.rejected).toBeGreaterThan(CHUNKS * PER_CHUNK * 0.5);
  });
});

describe('scalar torture: block, quoted, plain and flow nodes with odd indentation, in every context', () => {
  const CHUNKS = 10;
  const PER_CHUNK = scaled(1000);
  const tally = new Tally();
  afterAll(() => report.push(tally.summary(`scalar torture (${CHUNKS * PER_CHUNK})`)));

  it.each(Array.from({ length: CHUNKS }, (_, i) => [i]))('chunk %i', (chunk) => {
    for (let i = 0; i < PER_CHUNK; i++) {
      const seed = 4_000_000 + chunk * PER_CHUNK + i;
      check(`seed ${seed}`, scalarTorture(new Rng(seed)), tally, i % 10 === 0);
    }
  }, 60_000);

  it('sees both outcomes (the test is not vacuous)', () => {
    expect(tally.counts.match).toBeGreaterThan(CHUNKS * PER_CHUNK * 0.2);
    expect(tally.counts.rejected).toBeGreaterThan(CHUNKS * PER_CHUNK * 0.3);
  });
});

describe('bulk: 1,000 Workloads in one stream', () => {
  it('reads them all, with the right lines', () => {
    const docs = Array.from({ length: 1000 }, (_, i) => workloadYaml(i));
    const text = docs.join('---\n');
    const tally = new Tally();
    const o = check('bulk', text, tally, false);
    expect(o.kind).toBe('match');
    if (o.kind !== 'match') return;
    const linesPerDoc = docs[0]!.split('\n').length; // its lines, plus the `---` line
    expect(o.fast.documents.map((d) => d.line)).toStrictEqual(docs.map((_, i) => 1 + i * linesPerDoc));
    expect((o.fast.documents[999]!.value as { metadata: { name: string } }).metadata.name).toBe('tanzu-java-web-app-999');
    report.push(tally.summary(`bulk stream (${(text.length / 1024).toFixed(0)} KB)`));
  }, 60_000);
});
