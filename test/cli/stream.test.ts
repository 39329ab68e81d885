// `carto render` writes owner by owner (streaming) through the real binary: the same bytes as the
// library's whole-output formatters, past the spool's memory too (then through a temporary file);
// nothing on stdout and no temporary file left when the render fails; --keep-going prints what
// the owners that render stamp and reports the others; --shard splits the owners deterministically.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/inputs/index.js';
import { formatJsonList, formatYamlStream, SPOOL_MEMORY } from '../../src/emit/index.js';
import { render } from '../../src/render/index.js';
import { shardOf } from '../../src/util/shard.js';
import { ROOT } from '../helpers/cli.js';

const BIN = join(ROOT, 'bin/carto.js');
const base = mkdtempSync(join(tmpdir(), 'carto-stream-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let n = 0;
const fresh = (name: string) => {
  const dir = join(base, `${name}-${n++}`);
  mkdirSync(dir);
  return dir;
};

const workload = (name: string, url = `https://github.com/example/${name}.git`) => `apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  labels: {app.tanzu.vmware.com/workload-type: web}
  name: ${name}
spec:
  source: {git: {url: "${url}", ref: {branch: main}}}
  env: [{name: TARGET, value: "${name}"}]
`;
/** The source-to-url chain and `count` Workloads (plus `extra` documents) in a fresh directory. */
function estate(count: number, extra: string[] = []): string {
  const dir = fresh('in');
  for (const f of ['supply-chain.yaml', 'templates.yaml']) copyFileSync(join(ROOT, 'examples/source-to-url', f), join(dir, f));
  const docs = Array.from({ length: count }, (_, i) => workload(`app-${String(i).padStart(5, '0')}`));
  writeFileSync(join(dir, 'workloads.yaml'), [...docs, ...extra].join('---\n'));
  return dir;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** What is left in the TMPDIR the run was given. */
  leftInTmp: string[];
}
/** Runs carto with stdout to a file (as `> out.yaml` does) and a TMPDIR of its own. */
function carto(args: string[]): Run {
  const tmp = fresh('tmp');
  const out = join(fresh('out'), 'stdout');
  const fd = openSync(out, 'w');
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp }, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 120_000 });
  closeSync(fd);
  return { status: r.status, stdout: readFileSync(out, 'utf8'), stderr: r.stderr, leftInTmp: readdirSync(tmp) };
}

// Enough Workloads that the output passes the spool's memory and goes through its temporary file.
const MANY = Math.ceil(SPOOL_MEMORY / 4000) + 200;
const big = estate(MANY);

describe('streaming output', () => {
  it('is the same bytes as the library formats the whole render, YAML and JSON, through the temporary file', async () => {
    const result = render((await readInputs([big])).documents);
    const yaml = formatYamlStream(result.objects);
    expect(yaml.length).toBeGreaterThan(SPOOL_MEMORY);
    const r = carto(['render', big]);
    expect(r.status).toBe(0);
    expect(r.stdout === yaml).toBe(true);
    expect(r.leftInTmp).toEqual([]);
    const json = carto(['render', big, '-o', 'json']);
    expect(json.status).toBe(0);
    expect(json.stdout === formatJsonList(result.objects)).toBe(true);
    expect(json.leftInTmp).toEqual([]);
  });

  it('prints nothing when the last owner fails, after the output went to the temporary file, and leaves no file', () => {
    const dir = estate(MANY, [workload('zz-broken').replace(/  source: .*\n/, '')]);
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Workload default/zz-broken');
    expect(r.leftInTmp).toEqual([]);
  });

  it('--output-dir writes nothing when the last owner fails, and leaves no temporary file in it', () => {
    const dir = estate(30, [workload('zz-broken').replace(/  source: .*\n/, '')]);
    const out = fresh('outdir');
    const r = carto(['render', dir, '--output-dir', out]);
    expect(r.status).toBe(1);
    expect(readdirSync(out)).toEqual([]);
  });

  it('an interrupted --output-dir render leaves no temporary file behind', async () => {
    const out = fresh('outdir');
    const child = spawn(process.execPath, [BIN, 'render', big, '--output-dir', out], { env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Interrupted once it has written some of its files under temporary names.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(existsSync(join(out, 'default')) && readdirSync(join(out, 'default')).length > 0)) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('--keep-going', () => {
  const broken = workload('app-broken').replace(/  source: .*\n/, '');
  const dir = estate(3, [broken]);
  const good = estate(3);

  it('prints what every owner that renders stamps, reports those that fail, and exits 1', () => {
    const r = carto(['render', dir, '--keep-going']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(carto(['render', good]).stdout);
    expect(r.stderr).toContain('error: ');
    expect(r.stderr).toContain('Workload default/app-broken');
    expect(r.stderr).toContain('carto render: --keep-going: one owner failed and is left out of the output: Workload default/app-broken\n');
  });

  it('without it, the render is all or nothing', () => {
    const r = carto(['render', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('--keep-going');
  });

  it('with --output-dir, writes the files of the owners that render', () => {
    const out = fresh('outdir');
    const r = carto(['render', dir, '--keep-going', '--output-dir', out]);
    expect(r.status).toBe(1);
    expect(readdirSync(join(out, 'default')).sort()).toEqual(['workload-app-00000', 'workload-app-00001', 'workload-app-00002']);
    expect(r.stderr).toContain(`wrote 15 files under ${out}`);
  });

  it('with nothing failing, is a plain render', () => {
    const r = carto(['render', good, '--keep-going']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(carto(['render', good]).stdout);
  });
});

describe('--shard I/N', () => {
  const dir = estate(40);
  const docsOf = (text: string) => text.split(/^---\n/m).filter((d) => d !== '');
  const ownerOf = (doc: string) => /# Source: Workload default\/(\S+),/.exec(doc)?.[1];

  it('puts every owner in exactly one shard, by a hash of NAMESPACE/NAME', () => {
    const whole = docsOf(carto(['render', dir]).stdout);
    const shards = [1, 2, 3].map((i) => carto(['render', dir, '--shard', `${i}/3`]));
    for (const s of shards) expect(s.status).toBe(0);
    const docs = shards.map((s) => docsOf(s.stdout));
    expect(docs.every((d) => d.length > 0)).toBe(true);
    expect(docs.flat().sort()).toEqual([...whole].sort());
    docs.forEach((d, i) => {
      for (const doc of d) expect(shardOf(`default/${ownerOf(doc)}`, 3)).toBe(i + 1);
    });
  });

  it('is stable: the same shard twice is the same bytes, and adding a Workload moves no other', () => {
    const first = carto(['render', dir, '--shard', '2/3']).stdout;
    expect(carto(['render', dir, '--shard', '2/3']).stdout).toBe(first);
    const more = estate(41);
    const owners = (text: string) => new Set(docsOf(text).map(ownerOf));
    const before = owners(first);
    const after = owners(carto(['render', more, '--shard', '2/3']).stdout);
    expect([...before].every((o) => after.has(o))).toBe(true);
    expect([...after].filter((o) => !before.has(o)).every((o) => o === 'app-00040')).toBe(true);
  });

  it('speaks of its own owners only: a warning about another shard\'s Workload is that shard\'s', () => {
    const names = Array.from({ length: 6 }, (_, i) => `odd-${i}`);
    const misspelt = estate(0, names.map((n) => workload(n).replace('  env:', '  sourcex: {}\n  env:')));
    const warned = [1, 2].map((i) => carto(['render', misspelt, '--shard', `${i}/2`]));
    for (const [i, r] of warned.entries()) {
      expect(r.status).toBe(0);
      const said = [...r.stderr.matchAll(/Workload (odd-\d)\b[^\n]*spec\.sourcex/g)].map((m) => m[1]);
      expect(said.sort(), r.stderr).toEqual(names.filter((n) => shardOf(`default/${n}`, 2) === i + 1).sort());
    }
  });

  it('two Workloads of one name in two namespaces, in two shards: each warning goes with its own owner', () => {
    // team-a/app is in shard 2 of 2, team-b/app in shard 1 (and an unreadable Workload with its namespace)
    expect([shardOf('team-a/app', 2), shardOf('team-b/app', 2), shardOf('team-a/bad', 2)]).toStrictEqual([2, 1, 1]);
    const twin = (ns: string, field: string) => workload('app').replace('  name: app', `  name: app\n  namespace: ${ns}`).replace('  env:', `  ${field}: {}\n  env:`);
    const bad = workload('bad').replace('  name: bad', '  name: bad\n  namespace: team-a').replace('carto.run/v1alpha1', 'carto.run/v1');
    const dir = estate(0, [twin('team-a', 'sourcea'), twin('team-b', 'sourceb')]);
    const [one, two] = [1, 2].map((i) => carto(['render', dir, '--shard', `${i}/2`]));
    // each shard renders its own app, says its own unknown field, and not the other's
    expect([one?.status, two?.status]).toStrictEqual([0, 0]);
    expect(one?.stdout).toContain('# Source: Workload team-b/app,');
    expect(one?.stderr).toContain('Workload team-b/app: spec.sourceb is not a field the schema defines');
    expect(one?.stderr).not.toContain('sourcea');
    expect(two?.stdout).toContain('# Source: Workload team-a/app,');
    expect(two?.stderr).toContain('Workload team-a/app: spec.sourcea is not a field the schema defines');
    expect(two?.stderr).not.toContain('sourceb');
    // an owner the catalog could not read is its shard's error, not dropped by both
    const withBad = estate(0, [twin('team-a', 'sourcea'), twin('team-b', 'sourceb'), bad]);
    const [badOne, badTwo] = [1, 2].map((i) => carto(['render', withBad, '--shard', `${i}/2`]));
    expect([badOne?.status, badTwo?.status]).toStrictEqual([1, 0]);
    expect(badOne?.stderr).toContain('no matches for kind "Workload" in version "carto.run/v1"');
    expect(badTwo?.stderr).not.toContain('carto.run/v1"');
    // lint --shard puts the same owners in the same shards
    const lint = [1, 2].map((i) => carto(['lint', dir, '--shard', `${i}/2`]).stdout);
    expect(lint[0]).toContain('sourceb');
    expect(lint[0]).not.toContain('sourcea');
    expect(lint[1]).toContain('sourcea');
    expect(lint[1]).not.toContain('sourceb');
  });

  it('a Workload without a name is its namespace\'s shard\'s error, in render and lint alike', () => {
    // lint's --shard puts it by NAMESPACE/ (its name read as ''): render says it in that shard only too
    expect([shardOf('team-a/', 2), shardOf('team-a/app', 2)]).toStrictEqual([1, 2]);
    const nameless = workload('gone').replace('  name: gone', '  namespace: team-a');
    const dir = estate(0, [workload('app').replace('  name: app', '  name: app\n  namespace: team-a'), nameless]);
    const render = [1, 2].map((i) => carto(['render', dir, '--shard', `${i}/2`]));
    expect(render[0]?.stderr).toContain('Workload has no metadata.name');
    expect(render[1]?.stderr).not.toContain('metadata.name');
    const lint = [1, 2].map((i) => carto(['lint', dir, '--shard', `${i}/2`]).stdout);
    expect(lint[0]).toContain('metadata.name is missing');
    expect(lint[1]).not.toContain('metadata.name');
  });

  it('a shard holding no owner renders nothing, with a note, and succeeds', () => {
    const one = estate(1);
    const empty = [1, 2].map((i) => carto(['render', one, '--shard', `${i}/2`])).find((r) => r.stdout === '');
    expect(empty?.status).toBe(0);
    expect(empty?.stderr).toMatch(/note: shard \d\/2 holds none of the 1 owner of the inputs, so it renders nothing/);
  });

  it('is a usage error unless I/N with 1 <= I <= N', () => {
    for (const bad of ['0/3', '4/3', '1/0', 'two/3', '1-3']) {
      const r = carto(['render', dir, '--shard', bad]);
      expect(r.status, bad).toBe(2);
      expect(r.stderr, bad).toMatch(/^carto: --shard /);
      expect(r.stdout, bad).toBe('');
    }
  });
});
