// action.yml, the composite GitHub Action: its scripts take inputs only through env (no `${{ }}`
// spliced into a script), name only inputs it declares, and do what the README says when run as a
// runner runs them (bash -eo pipefail, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blueprintDoc, configMapTemplate, ownerDoc, stream } from '../helpers/chains.js';
import { ROOT } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';

interface Step { id?: string; name?: string; run?: string; env?: Record<string, string>; uses?: string; if?: string }
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } };
const tree = tempTrees('carto-action-');

/** Runs one step's script as the runner does: `${{ inputs.x }}` in its env resolved from `inputs`. */
function runStep(id: string, inputs: Record<string, string>, cwd: string) {
  const step = action.runs.steps.find((s) => s.id === id || s.name === id) as Step;
  const value = (k: string) => inputs[k] ?? action.inputs[k]?.default ?? '';
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = v.replace(/\$\{\{ inputs\.([a-z-]+) \}\}/g, (_, name: string) => value(name));
  const files = tree({ output: '', summary: '' });
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run as string], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, NO_COLOR: '1', GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: join(files, 'output'), GITHUB_STEP_SUMMARY: join(files, 'summary') },
  });
  return { ...r, output: readFileSync(join(files, 'output'), 'utf8'), summary: readFileSync(join(files, 'summary'), 'utf8') };
}

describe('action.yml', () => {
  it('is a composite action whose scripts read inputs through env only, and names only declared inputs', () => {
    expect(action.runs.using).toBe('composite');
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    for (const step of action.runs.steps) if (step.run) expect(step.run, step.name).not.toContain('${{');
    for (const [, name] of text.matchAll(/inputs\.([a-z-]+)/g)) expect(Object.keys(action.inputs), name).toContain(name);
    for (const [, id] of text.matchAll(/steps\.([a-z-]+)\.outputs/g)) expect(action.runs.steps.map((s) => s.id)).toContain(id);
  });

  const chain = blueprintDoc(`  - name: config
    templateRef: {kind: ClusterTemplate, name: cm}`);

  it('lint writes SARIF and fails the step on errors; render writes the objects', () => {
    const good = tree({ 'config/chain.yaml': stream(chain, configMapTemplate('cm', '{a: "1"}')), 'config/owner.yaml': ownerDoc() });
    const lint = runStep('lint', { paths: 'config' }, good);
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.output).toBe('sarif-file=carto.sarif\n');
    expect(JSON.parse(readFileSync(join(good, 'carto.sarif'), 'utf8')).version).toBe('2.1.0');
    const render = runStep('carto render', { paths: 'config', 'render-file': 'out.yaml' }, good);
    expect(render.status, render.stderr).toBe(0);
    expect(readFileSync(join(good, 'out.yaml'), 'utf8')).toContain('kind: ConfigMap');

    const bad = tree({ 'config/chain.yaml': stream(chain), 'config/owner.yaml': ownerDoc() });
    const failing = runStep('lint', { paths: 'config' }, bad);
    expect(failing.status).toBe(1);
    expect(JSON.parse(readFileSync(join(bad, 'carto.sarif'), 'utf8')).runs[0].results.length).toBeGreaterThan(0);
  });

  it('diff against the base: a Markdown report, the changed output, the job summary; exit 0 on changes', () => {
    const repo = tree({ 'config/chain.yaml': stream(chain, configMapTemplate('cm', '{a: "1"}')), 'config/owner.yaml': ownerDoc() });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'base');
    const same = runStep('diff', { paths: 'config', 'diff-base': 'main' }, repo);
    expect(same.status, same.stderr).toBe(0);
    expect(same.output).toBe('diff-file=carto-diff.md\nchanged=false\n');
    writeFileSync(join(repo, 'config/chain.yaml'), stream(chain, configMapTemplate('cm', '{a: "2"}')));
    const changed = runStep('diff', { paths: 'config', 'diff-base': 'main' }, repo);
    expect(changed.status, changed.stderr).toBe(0);
    expect(changed.output).toBe('diff-file=carto-diff.md\nchanged=true\n');
    expect(changed.summary).toContain('| Workload dev/w | config | ConfigMap dev/cm | modified (1 field) |');
    // Trouble (a revision that does not exist) fails the step.
    expect(runStep('diff', { paths: 'config', 'diff-base': 'nope' }, repo).status).toBe(2);
  });
});
