// `carto completion bash|zsh|fish`: scripts made from the command line's own definition. The bash
// script is run for real (COMP_WORDS set as bash sets them); zsh and fish are syntax-checked when
// installed, and checked for every command and flag either way.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carto } from '../helpers/cli.js';

const COMMANDS = ['render', 'lint', 'test', 'ytt', 'graph', 'explain', 'status', 'diff', 'migrate', 'completion'];
const has = (shell: string) => spawnSync(shell, ['-c', 'true']).status === 0;

/** What bash completes for the words typed so far (the last one being completed). */
function complete(words: string[], cwd = process.cwd()): string[] {
  const script = carto(['completion', 'bash']).stdout;
  const typed = words.map((w) => `'${w}'`).join(' ');
  const run = spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(carto ${typed}); COMP_CWORD=${words.length}; _carto; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8', cwd });
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter((l) => l !== '').sort();
}

describe('carto completion bash', () => {
  it('completes commands, each command\'s flags, and the choices of the flag before the cursor', () => {
    expect(complete(['d'])).toEqual(['diff']);
    expect(complete([''])).toEqual([...COMMANDS, '--help', '--version'].sort());
    expect(complete(['diff', '--s'])).toEqual(['--set-output', '--stat']);
    // -o means other things to render and to diff.
    expect(complete(['render', '-o', ''])).toEqual(['json', 'yaml']);
    expect(complete(['diff', '-o', ''])).toEqual(['json', 'markdown', 'text']);
    expect(complete(['lint', '--format', 's'])).toEqual(['sarif']);
    expect(complete(['graph', '--format', ''])).toEqual(['dot', 'mermaid', 'text']);
    expect(complete(['render', '--missing-templates', ''])).toEqual(['error', 'mock']);
  });

  it('completes file names for paths and for flags that take one', () => {
    expect(complete(['render', 'exam'])).toEqual(['examples']);
    expect(complete(['render', '--outputs', 'packa'])).toEqual(['package-lock.json', 'package.json']);
  });
});

describe('carto completion zsh and fish', () => {
  for (const shell of ['zsh', 'fish']) {
    it(`${shell}: names every command and the flags of each`, () => {
      const script = carto(['completion', shell]).stdout;
      for (const c of COMMANDS) expect(script).toContain(shell === 'zsh' ? `'${c}:` : `-a ${c} `);
      expect(script).toContain(shell === 'zsh' ? `'(-o --output)'{-o,--output}'[report format]:value:(text json markdown)'` : `complete -c carto -n '__fish_seen_subcommand_from diff' -s o -l output -x -a 'text json markdown' -d 'report format'`);
    });
    it.skipIf(!has(shell))(`${shell}: the script parses (skipped: ${shell} is not installed)`, () => {
      const script = carto(['completion', shell]).stdout;
      const file = join(mkdtempSync(join(tmpdir(), 'carto-completion-')), `carto.${shell}`);
      writeFileSync(file, script);
      const check = spawnSync(shell, shell === 'zsh' ? ['-n', file] : ['--no-execute', file], { encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
      if (shell === 'fish') {
        // fish completes for real from the script: the choices of diff's -o.
        const asked = spawnSync('fish', ['-c', `source ${file}; complete -C 'carto diff -o '`], { encoding: 'utf8' });
        expect(asked.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t')[0]).sort()).toEqual(['json', 'markdown', 'text']);
      }
      rmSync(dirname(file), { recursive: true, force: true });
    });
  }

  it('an unknown shell is a usage error', () => {
    const r = carto(['completion', 'powershell']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the shells are bash, zsh and fish');
    expect(r.stdout).toBe('');
  });
});
