// `--shard I/N` for lint and test through the real binary: every owner (test case) is checked in
// exactly one shard, by a hash of its NAMESPACE/NAME (its path), the same on every run; templates
// and blueprints are checked by every shard; bad I/N is a usage error. (render: stream.test.ts.)
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/util/shard.js';
import { carto, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'carto-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const f of ['supply-chain.yaml', 'templates.yaml']) copyFileSync(join(ROOT, 'examples/source-to-url', f), join(dir, f));
// Workloads without labels: lint says each is selected by nothing (one error per owner, naming it).
const names = Array.from({ length: 12 }, (_, i) => `app-${i}`);
mkdirSync(join(dir, 'apps'));
writeFileSync(join(dir, 'apps', 'workloads.yaml'), names.map((n) => `apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: ${n}, namespace: team}\nspec: {}\n`).join('---\n'));
// A template mistake every shard must report.
writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata: {name: broken}\nspec: {template: {kind: ConfigMap}, params: [{name: 1}]}\n');

const lintJson = (args: string[]) => {
  const r = carto(['lint', '-R', dir, '--format', 'json', ...args]);
  return { ...r, diagnostics: (JSON.parse(r.stdout) as { diagnostics: Array<{ code: string; message: string; file?: string }> }).diagnostics };
};
const ownersNamed = (diagnostics: Array<{ message: string }>) => names.filter((n) => diagnostics.some((d) => d.message.includes(`team/${n} `) || d.message.endsWith(`team/${n}`)));

describe('carto lint --shard', () => {
  it('checks every owner in exactly one shard, and the templates in every shard', () => {
    const whole = lintJson([]);
    expect(ownersNamed(whole.diagnostics)).toEqual(names);
    const broken = whole.diagnostics.filter((d) => d.file?.endsWith('broken.yaml'));
    expect(broken.length).toBeGreaterThan(0);
    const shards = [1, 2, 3].map((i) => lintJson(['--shard', `${i}/3`]));
    const owners = shards.map((s) => ownersNamed(s.diagnostics));
    expect(owners.flat().sort()).toEqual([...names].sort());
    owners.forEach((list, i) => {
      for (const n of list) expect(shardOf(`team/${n}`, 3)).toBe(i + 1);
      expect(shards[i]?.stderr).toBe(`carto lint: shard ${i + 1}/3: checking ${list.length} of the 12 owners, and every template and blueprint\n`);
    });
    for (const s of shards) expect(s.diagnostics.filter((d) => d.file?.endsWith('broken.yaml'))).toEqual(broken);
    // the same shard twice: the same report
    expect(lintJson(['--shard', '2/3']).stdout).toBe(shards[1]?.stdout);
  });

  it('bad I/N is a usage error', () => {
    const r = carto(['lint', dir, '--shard', '3/2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('carto: --shard 3/2: the shard must be between 1 and 2 (shards are numbered from 1, as CI matrices number their jobs)\n');
  });
});

describe('carto test --shard', () => {
  const passed = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('PASS: ')).map((l) => l.slice(6));
  it('runs every test case in exactly one shard, by its path', () => {
    const all = passed(carto(['test', 'examples']).stdout);
    expect(all.length).toBeGreaterThan(6);
    const shards = [1, 2, 3].map((i) => carto(['test', 'examples', '--shard', `${i}/3`]));
    const ran = shards.map((s) => (s.stdout === '' ? [] : passed(s.stdout)));
    expect(ran.flat().sort()).toEqual([...all].sort());
    ran.forEach((list, i) => {
      for (const path of list) expect(shardOf(normalize(path), 3)).toBe(i + 1);
      expect(shards[i]?.status).toBe(0);
      expect(shards[i]?.stderr).toContain(`carto test: shard ${i + 1}/3: ${list.length} of the ${all.length} test cases\n`);
    });
  });

  it('a shard with no case succeeds with nothing to run', () => {
    const one = 'examples/ytt';
    const results = [1, 2].map((i) => carto(['test', one, '--shard', `${i}/2`]));
    const empty = results.find((r) => !r.stdout.includes('PASS'));
    expect(empty?.status).toBe(0);
    expect(empty?.stderr).toMatch(/^carto test: shard \d\/2: 0 of the 1 test cases\n$/);
  });
});
