// Whole repositories through the real binary: a directory that holds ytt files is one ytt run (as
// `ytt -f DIR`), plain files beside it are read as they are, and what is neither a Cartographer
// input nor readable is set aside with one note — the same way in render and lint.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carto, ROOT, withoutHints } from '../helpers/cli.js';

const REPO = 'test/fixtures/repos/mixed';
const YTT = join(ROOT, '../shared/tools/ytt-0.45.9/ytt');
const SET_ASIDE = ['other-tool/broken-settings.json', 'other-tool/kapp-overlay.yaml', 'other-tool/secret.yaml'].map((f) => `${REPO}/${f}`);

describe('a repository read with -R', () => {
  it('renders the package with its values, helpers and overlays, and sets aside what belongs to other tools', () => {
    const r = carto(['render', '-R', REPO]);
    // headed by no one file: the note covers three, listed
    expect(r.stderr).toContain(`note: set aside 3 files that are not Cartographer inputs and cannot be read: ${SET_ASIDE.join(', ')}\n`);
    expect(r.stderr).not.toContain(`note: ${SET_ASIDE[0]}:`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('image: registry.example.com/apps/hello\n');
    // one note, whatever the number of files
    expect(r.stderr.match(/set aside/g)).toHaveLength(1);
    expect(r.stderr).toContain(`| ${SET_ASIDE[2]}: ytt: struct has no .registry_password field or method`);
  });

  it('lints the same files the same way: the note, and no error', () => {
    const r = carto(['lint', '-R', REPO]);
    expect(withoutHints(r.stdout)).toBe(`note  input-set-aside  set aside 3 files that are not Cartographer inputs and cannot be read: ${SET_ASIDE.join(', ')}\n`);
    expect(r.status).toBe(0);
  });

  it('what is set aside changes nothing that is rendered', () => {
    const whole = carto(['render', '-R', REPO]);
    const parts = carto(['render', '-f', `${REPO}/config`, '-f', `${REPO}/workloads`, '-f', `${REPO}/.github`]);
    expect(parts.stderr).not.toContain('set aside');
    expect(parts.status).toBe(0);
    expect(whole.stdout).toBe(parts.stdout);
  });

  it('a file the user names is never set aside: its problem is an error', () => {
    const r = carto(['render', '-R', REPO, '-f', SET_ASIDE[2]!]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: ${SET_ASIDE[2]}:7: ytt failed on the input files: struct has no .registry_password field or method`);
    expect(carto(['lint', SET_ASIDE[0]!]).status).toBe(1);
  });

  it('a data value given on the command line reaches the files that read it', () => {
    const r = carto(['render', '-R', REPO, '-v', 'registry_password=s3cret']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('set aside 2 files');
    expect(r.stderr).not.toContain('secret.yaml');
  });
});

describe.skipIf(!existsSync(YTT))('a package equals the ytt pipeline (needs ../shared/tools/ytt-0.45.9/ytt)', () => {
  it('carto render -f config/ -f workload.yaml prints what ytt -f config/ | carto render -f - -f workload.yaml prints', () => {
    const ytt = spawnSync(YTT, ['--ignore-unknown-comments', '-f', `${REPO}/config`], { cwd: ROOT, encoding: 'utf8' });
    expect(ytt.status).toBe(0);
    const piped = carto(['render', '-f', '-', '-f', `${REPO}/workloads/app.yaml`], { input: ytt.stdout });
    const direct = carto(['render', '-f', `${REPO}/config`, '-f', `${REPO}/workloads/app.yaml`]);
    expect(direct.status).toBe(0);
    expect(direct.stdout).toBe(piped.stdout);
  });
});
