// Colour on stderr, through the real binary: on a terminal (a pty made by script(1)) the
// diagnostics are coloured; NO_COLOR, --no-color, or a pipe (even with FORCE_COLOR) give none.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carto, ROOT } from '../helpers/cli.js';
import { oneResourceChain } from '../helpers/render.js';

/** A render that fails: the template reads a field the Workload does not have. */
const INPUT = oneResourceChain('name: $(workload.metadata.nope)$', 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: w, namespace: dev, labels: {app: web}}\nspec: {}');

const ESC = '\u001b[';
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** carto render on a terminal: stderr is a pty made by script(1), stdout goes to /dev/null. */
function onTerminal(file: string, extra: string, env: Record<string, string> = {}): string {
  const command = `'${process.execPath}' bin/carto.js render ${extra} -f '${file}' >/dev/null`;
  const { NO_COLOR: _nc, FORCE_COLOR: _fc, ...inherited } = process.env;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...inherited, ...env }, timeout: 30_000 });
  expect(r.status, r.stderr).toBe(1);
  return r.stdout;
}

describe.skipIf(!hasScript)(`colour on stderr${hasScript ? '' : ' (skipped: script(1) from util-linux is not installed)'}`, () => {
  const file = join(mkdtempSync(join(tmpdir(), 'carto-colour-')), 'all.yaml');
  writeFileSync(file, INPUT);

  it('a terminal gets a red, bold "error:" and a bold place', () => {
    const out = onTerminal(file, '');
    expect(out).toContain(`${ESC}31m${ESC}1merror:${ESC}22m${ESC}39m ${ESC}1m${file}:11:`);
    expect(out).toContain('jsonpath returned empty list: workload.metadata.nope');
  });

  it('NO_COLOR or --no-color on a terminal: none', () => {
    for (const out of [onTerminal(file, '', { NO_COLOR: '1' }), onTerminal(file, '--no-color')]) {
      expect(out).toContain(`error: ${file}:11:`);
      expect(out).not.toContain(ESC);
    }
  });

  it('a pipe: none, even with FORCE_COLOR', () => {
    const r = carto(['render', '-f', file], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error: ${file}:11:`);
    expect(r.stderr).not.toContain(ESC);
  });
});
