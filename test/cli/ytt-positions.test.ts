// Diagnostics about values from input files that are ytt templates name the template's own file,
// line and column (not lines of ytt's output), in render, explain and graph; and rendering such
// files gives exactly what rendering ytt's output gives.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { carto, ROOT } from '../helpers/cli.js';

const F = 'test/fixtures/ytt-positions';
const TEMPLATES = `${F}/config/templates.yaml`;
const CHAIN = `${F}/config/chain.yaml`;
const REPORT = `${F}/config/report.yaml`;
// The package directory is one ytt run (values, templates, an overlay, a plain file); the Workload is read as it is.
const ARGS = ['-f', `${F}/config`, '-f', `${F}/workload.yaml`];

/** The `error: FILE:LINE[:COL]: message` lines of a report on stderr. */
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => /^(error|warning): /.test(l));

describe('render names the template file and line of a value from a ytt file', () => {
  const r = carto(['render', ...ARGS]);

  it('fails, and writes nothing', () => {
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('points at each mistake where it was written', () => {
    expect(errorLines(r.stderr)).toEqual([
      // A value a data value inserted (`configPath: #@ data.values.port`): the key's line.
      `error: ${TEMPLATES}:35:3: ClusterConfigTemplate app-config: spec.configPath is an integer, where the schema wants a string`,
      // A placeholder in a def fragment: the line inside the def.
      `error: ${TEMPLATES}:11:10: ClusterTemplate app-deploy: $(workload.spec.source.git.url)$ in spec.template.spec.template.spec.containers[0].env[0].value finds no value`,
      // A placeholder for an input the resource does not declare.
      `error: ${TEMPLATES}:42:14: ClusterConfigTemplate app-config: $(images.image.image)$ in spec.template.data.image finds no value`,
      // A line inside the spec.ytt body of a plain file of the run.
      `error: ${REPORT}:14: the ytt template (spec.ytt) of ClusterTemplate app-report fails: struct has no .owner field or method`,
    ]);
  });
});

describe('explain and graph name the same places', () => {
  it('explain (text): the blueprint and templates where they were written, and the errors', () => {
    const r = carto(['explain', ...ARGS, '--workload', 'hello']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`Supply chain: app (${CHAIN}:5)`);
    expect(r.stdout).toContain(`1. deployer: ClusterTemplate app-deploy\n   template at ${TEMPLATES}:14\n`);
    expect(r.stdout).toContain(`2. app-config: ClusterConfigTemplate app-config\n   template at ${TEMPLATES}:30\n`);
    expect(r.stdout).toContain(`3. reporter: ClusterTemplate app-report\n   template at ${REPORT}:2\n`);
    expect(r.stdout).toContain(`error: ${TEMPLATES}:35:\n      ClusterConfigTemplate app-config: spec.configPath is an integer`);
  });

  it('explain (json)', () => {
    const r = carto(['explain', ...ARGS, '--workload', 'hello', '--format', 'json']);
    const report = JSON.parse(r.stdout) as {
      selection: { chosen: { file: string; line: number } };
      resources: Array<{ name: string; template: { file: string; line: number } }>;
      diagnostics: Array<{ code: string; file: string; line: number }>;
    };
    expect(report.selection.chosen).toEqual({ name: 'app', file: CHAIN, line: 5 });
    expect(report.resources.map((x) => `${x.name} ${x.template.file}:${x.template.line}`)).toEqual([
      `deployer ${TEMPLATES}:14`,
      `app-config ${TEMPLATES}:30`,
      `reporter ${REPORT}:2`,
    ]);
    expect(report.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual([
      `invalid-field ${TEMPLATES}:35`,
      `jsonpath-no-result ${TEMPLATES}:11`,
      `jsonpath-no-result ${TEMPLATES}:42`,
      `ytt-error ${REPORT}:14`,
    ]);
  });

  it('graph', () => {
    const r = carto(['graph', ...ARGS, '--workload', 'hello', '--format', 'text']);
    expect(r.status).toBe(1);
    expect(errorLines(r.stderr)).toContain(`error: ${TEMPLATES}:11:10: ClusterTemplate app-deploy: $(workload.spec.source.git.url)$ in spec.template.spec.template.spec.containers[0].env[0].value finds no value`);
    expect(errorLines(r.stderr)[0]).toBe(`error: ${TEMPLATES}:35:3: ClusterConfigTemplate app-config: spec.configPath is an integer, where the schema wants a string`);
  });
});

// Values of every kind YAML can spell (numbers, floats, timestamps, strings that look like other
// types, keys that are not strings, an empty document, a kind: List), written in a ytt file: read
// from the file, or from ytt's output on stdin, they must render to the same bytes.
const package_ = `${F}/every-kind/package.yaml`;
const values = `${F}/every-kind/values.yaml`;

describe('a ytt file renders as its ytt output does', () => {
  const direct = carto(['render', '-f', package_, '--data-values-file', values, '--no-owner-references']);

  it('through the built-in engine (carto ytt … | carto render -f -)', () => {
    const ytt = carto(['ytt', '-f', package_, '--data-values-file', values, '--ignore-unknown-comments']);
    expect(ytt.status).toBe(0);
    const piped = carto(['render', '-f', '-', '--no-owner-references'], { input: ytt.stdout });
    expect(piped.status).toBe(0);
    expect(direct.status).toBe(0);
    expect(direct.stdout).toContain('big: 12345678901234567890');
    expect(direct.stdout).toBe(piped.stdout);
  });

  const YTT = join(ROOT, '..', 'shared', 'tools', 'ytt-0.45.9', 'ytt');
  it.skipIf(!existsSync(YTT))(`through the real ytt (ytt -f … | carto render -f -)${existsSync(YTT) ? '' : ` (skipped: no ytt at ${YTT})`}`, () => {
    const ytt = spawnSync(YTT, ['-f', package_, '--data-values-file', values], { encoding: 'utf8' });
    expect(ytt.status).toBe(0);
    const piped = carto(['render', '-f', '-', '--no-owner-references'], { input: ytt.stdout });
    expect(piped.status).toBe(0);
    expect(direct.stdout).toBe(piped.stdout);
  });
});
