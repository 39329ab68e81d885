// The pre-commit hook (.pre-commit-hooks.yaml): its entry is a script in this repository, run from
// pre-commit's clone with the args of the user's configuration. Checked here as pre-commit runs it
// (from the hook repository, in the user's repository as the working directory); the first-run
// build is `npm ci`, which the install test and CI cover.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blueprintDoc, configMapTemplate, ownerDoc, stream } from '../helpers/chains.js';
import { ROOT } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; pass_filenames: boolean }>;
const tree = tempTrees('carto-pre-commit-');

describe('the carto-lint pre-commit hook', () => {
  const hook = hooks.find((h) => h.id === 'carto-lint');

  it('runs an executable script of this repository, without file names', () => {
    expect(hook).toMatchObject({ language: 'script', pass_filenames: false });
    expect(() => accessSync(join(ROOT, hook?.entry ?? ''), constants.X_OK)).not.toThrow();
  });

  it('passes on a clean repository and fails, with lint\'s report, on a broken one', () => {
    const chain = blueprintDoc(`  - name: config
    templateRef: {kind: ClusterTemplate, name: cm}`);
    const good = tree({ 'config/a.yaml': stream(chain, configMapTemplate('cm', '{a: "1"}'), ownerDoc()) });
    const run = (cwd: string) => spawnSync(join(ROOT, hook?.entry ?? ''), ['-R', 'config/'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run(good).status).toBe(0);
    const bad = tree({ 'config/a.yaml': stream(chain, ownerDoc()) });
    const failed = run(bad);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('template-not-found');
  });
});
