// Render's hints point at the real cause, through the real binary: a mock is blamed only when the
// failing lookup is inside the mocked value (never for a missing singular input, an input entry
// read with the wrong shape, or the stand-in uid a template merely reads); spec.ytt errors get
// the targeted hints placeholders get; the list of mocks a hint names is capped; a missing
// template's hint names --missing-templates mock. Fixtures: test/fixtures/hints (README there).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carto, ROOT } from '../helpers/cli.js';

const FIXTURES = 'test/fixtures/hints';
const CONFIG_CHAIN = ['-f', join(FIXTURES, 'config-chain.yaml'), '-f', join(FIXTURES, 'workloads.yaml'), '--workload', 'app-kaniko'];
const INPUTS_CHAIN = ['-f', join(FIXTURES, 'inputs-chain.yaml'), '-f', join(FIXTURES, 'workloads.yaml'), '--workload', 'app-prebuilt'];
const YTT = join(ROOT, '../shared/tools/ytt-0.45.9/ytt');
const hasYtt = existsSync(YTT);

const dir = mkdtempSync(join(tmpdir(), 'carto-hints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text diagnostics of a run, each its first line and its indented lines. */
function blocks(stderr: string): string[] {
  return stderr.split(/\n(?=(?:error|warning|note): )/).filter((b) => b !== '');
}

/** The hint of the error about `resource`; fails the test when there is no such error. */
function hintFor(stderr: string, resource: string): string {
  const block = blocks(stderr).find((b) => b.startsWith('error: ') && b.includes(`, resource ${resource},`));
  expect(block, `an error about resource ${resource} in:\n${stderr}`).toBeDefined();
  return /^ {4}hint: (.*)$/m.exec(block ?? '')?.[1] ?? '';
}

function render(args: readonly string[]): string {
  const r = carto(['render', ...args]);
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  return r.stderr;
}

describe('a config input read as if it were a source (data.values.configs.NAME.url)', () => {
  it('names the entry shape {name, config} and the path meant; the mocked config is not blamed', () => {
    const stderr = render(CONFIG_CHAIN);
    expect(stderr).toMatch(/^error: .*config-chain\.yaml:31: the ytt template \(spec\.ytt\) of \S+ \S+ fails: struct has no \.url field or method\n/);
    expect(hintFor(stderr, 'image-provider')).toBe('each entry of data.values.configs is {name, config}: did you mean data.values.configs.configsource.config.url?');
  });

  it('the same hint when the config is supplied: the error never was the mock\'s', () => {
    const stderr = render([...CONFIG_CHAIN, '--set-output', 'source-provider.config={url: https://example.com/app.tgz, revision: abc}']);
    expect(hintFor(stderr, 'image-provider')).toBe('each entry of data.values.configs is {name, config}: did you mean data.values.configs.configsource.config.url?');
  });

  it('once the template reads .config.url, the lookup is inside the mocked config, and the hint names it', () => {
    const fixed = join(dir, 'config-chain.yaml');
    writeFileSync(fixed, readFileSync(join(FIXTURES, 'config-chain.yaml'), 'utf8').replace('data.values.configs.configsource.url', 'data.values.configs.configsource.config.url'));
    const stderr = render(['-f', fixed, '-f', join(FIXTURES, 'workloads.yaml'), '--workload', 'app-kaniko']);
    expect(stderr).toContain('string has no .url field or method');
    expect(hintFor(stderr, 'image-provider')).toBe('the template got mocked values, which only a live cluster has: source-provider config (a mock of .status.artifact) reaches it as config input configsource; give the real ones with --set-output source-provider.config=…, --outputs FILE, or the live objects with --observed FILE');
  });

  it('an input that comes from the failed resource says so, read directly or through a variable', () => {
    const stderr = render(CONFIG_CHAIN);
    expect(hintFor(stderr, 'image-scanner')).toBe('input configimage comes from resource image-provider, which failed (see the error above)');
    expect(hintFor(stderr, 'sign')).toBe('input configimage comes from resource image-provider, which failed (see the error above)');
  });

  it('data.values.source in a resource with no sources: the singular rule, not the stand-in uid the template also reads', () => {
    const stderr = render(CONFIG_CHAIN);
    const hint = hintFor(stderr, 'write-helm');
    expect(hint).toBe('data.values.source exists only when exactly one source input is available; resource write-helm declares no sources: add one to the resource in the ClusterSupplyChain, or read the inputs it has (data.values.configs.scannedconfigimage)');
    expect(stderr).not.toContain('metadata.uid is a mock');
  });
});

describe('spec.ytt errors get targeted hints', () => {
  let stderr = '';
  beforeAll(() => {
    stderr = render([...INPUTS_CHAIN, '--missing-templates', 'mock']);
  });

  it('data.values.source with three sources (read inside a function): how many, and the by-name path; no mocks named', () => {
    const hint = hintFor(stderr, 'tests');
    expect(hint).toBe('data.values.source exists only when exactly one source input is available; resource tests has 3 (source, unit-tests, lint): use data.values.sources.source.url');
  });

  it('data.values.config with two configs', () => {
    expect(hintFor(stderr, 'deploy')).toBe('data.values.config exists only when exactly one config input is available; resource deploy has 2 (app, sidecar): use data.values.configs.app.config');
  });

  it('an entry of sources or images read with a field it does not have (a hyphenated name in brackets)', () => {
    expect(hintFor(stderr, 'source-reader')).toBe('each entry of data.values.sources is {name, url, revision}: it has no image; read data.values.sources.code.url or data.values.sources.code.revision');
    expect(hintFor(stderr, 'image-reader')).toBe('each entry of data.values.images is {name, image}: did you mean data.values.images["built-image"].image?');
  });

  it('a Workload field the Workload does not have: the field that is missing', () => {
    expect(hintFor(stderr, 'git')).toBe('the Workload dev/app-prebuilt has no spec.source');
  });

  it('a placeholder reading an entry with the wrong shape: the same hint, and the mocked config is not blamed', () => {
    expect(hintFor(stderr, 'config-reader')).toBe('each entry of $(configs)$ is {name, config}: did you mean $(configs.app.config.url)$?');
  });

  it('a lookup through a variable may be on any mock: the hint names three, then how many more', () => {
    const hint = hintFor(stderr, 'hosts');
    expect(hint).toMatch(/^the template got mocked values, which only a live cluster has: src-a url and revision \(mocks, ClusterSourceTemplate platform-source is not in the inputs\) reach it as source input a; src-b .*; src-c .* reach it as source input c, and 1 more \(see the note on mocked outputs\); give the real ones with --set-output src-a\.url=…/);
    expect(hint).not.toContain('src-d');
    expect(hint.length).toBeLessThan(600);
  });

  it('the templates whose errors involve no mock leave the mocks out of the note', () => {
    const note = blocks(stderr).find((b) => b.startsWith('note: Workload dev/app-prebuilt: mocked outputs:'));
    expect(note?.split('\n')[0]).toBe('note: Workload dev/app-prebuilt: mocked outputs: src-a url and revision, used by hosts; src-b url and revision, used by hosts; src-c url and revision, used by hosts; src-d url and revision, used by hosts');
  });
});

describe.skipIf(!hasYtt)(`render --ytt with the real ytt 0.45.9 ${hasYtt ? '' : `(skipped: no ytt at ${YTT})`}`, () => {
  it('gives the same hints as the built-in engine', () => {
    const hints = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('    hint: '));
    for (const args of [CONFIG_CHAIN, [...INPUTS_CHAIN, '--missing-templates', 'mock']]) {
      const builtin = hints(render(args));
      expect(builtin.length).toBeGreaterThan(3);
      expect(hints(render([...args, '--ytt', YTT]))).toEqual(builtin);
    }
  });
});

describe('a template the inputs lack', () => {
  const FLAG = 'if the platform installs it (a distribution\'s out-of-the-box templates), pass --missing-templates mock to take it as installed, with its outputs mocked';

  it('render: one summary naming each place a template is missing, with one hint naming --missing-templates mock', () => {
    const stderr = render(INPUTS_CHAIN);
    // Seven resources name three missing templates: one error, not seven with seven copies of the hint.
    expect(stderr).toMatch(/^error: 3 templates are not in the inputs, needed by the owner: Workload dev\/app-prebuilt\n/);
    expect(stderr).toMatch(/^ {4}.*inputs-chain\.yaml:\d+:\d+: ClusterSourceTemplate platform-source is not in the inputs \(resource src-a\), ClusterSupplyChain platform-inputs\n/m);
    expect(stderr.match(/^ {4}hint: /gm)).toHaveLength(1);
    expect(stderr).toContain(`    hint: add them to the inputs (-f), e.g. exported from the cluster: kubectl get clustersourcetemplates,clusterimagetemplates,clusterconfigtemplates,clustertemplates -o yaml > platform-templates.yaml, then -f platform-templates.yaml; or fix the names; ${FLAG.replaceAll(' it ', ' them ').replace('its outputs', 'their outputs')}\n`);
    expect(stderr).toContain('    controller: did not find the template of the resource(s) [src-a, src-b, src-c, src-d, img, cfg-a, cfg-b]\n');
  });

  it('render: one missing template for one owner keeps its own error and hint', () => {
    const one = join(dir, 'one-missing.yaml');
    writeFileSync(one, [
      'apiVersion: carto.run/v1alpha1\nkind: ClusterSupplyChain\nmetadata: {name: chain}\nspec:\n  selector: {app: web}\n  resources:\n  - name: source\n    templateRef: {kind: ClusterSourceTemplate, name: git-source}',
      'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: app, namespace: dev, labels: {app: web}}',
    ].join('\n---\n'));
    const stderr = render(['-f', one]);
    expect(stderr).toMatch(/^error: .*one-missing\.yaml:8:54: ClusterSourceTemplate git-source is not in the inputs \(resource source\)\n/);
    expect(stderr).toContain(`    hint: add the ClusterSourceTemplate to the inputs (-f), or fix the name; ${FLAG}; the controller stamps nothing for a ClusterSupplyChain until every template it references exists, options included\n`);
  });

  it('lint: the same hint', () => {
    const r = carto(['lint', '-f', join(FIXTURES, 'inputs-chain.yaml'), '--format', 'json']);
    expect(r.status).toBe(1);
    const found = (JSON.parse(r.stdout) as { diagnostics: Array<{ code: string; resource?: string; hint?: string }> }).diagnostics.filter((d) => d.code === 'template-not-found');
    expect(found.map((d) => d.resource)).toEqual(['src-a', 'src-b', 'src-c', 'src-d', 'img', 'cfg-a', 'cfg-b']);
    expect(found.every((d) => d.hint?.includes(FLAG))).toBe(true);
  });

  it('a name that exists under another kind keeps the wrong-kind hint', () => {
    const wrong = join(dir, 'wrong-kind.yaml');
    writeFileSync(wrong, readFileSync(join(FIXTURES, 'config-chain.yaml'), 'utf8').replace('kind: ClusterTemplate\n      name: helm-writer', 'kind: ClusterConfigTemplate\n      name: helm-writer'));
    const stderr = render(['-f', wrong, '-f', join(FIXTURES, 'workloads.yaml'), '--workload', 'app-kaniko']);
    expect(stderr).toContain('    hint: the inputs have a ClusterTemplate named helm-writer: is templateRef.kind right?\n');
  });
});
