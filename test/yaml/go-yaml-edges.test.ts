// YAML at the edges real files have, read by carto's three readers and compared with what the real
// tools read (recorded in go-yaml-edges/recorded.json; cases in go-yaml-edges/cases.ts):
// - manifests (src/load parseText, and separately the fast reader and the `yaml` package on the text
//   kubectlSource gives them) against kubectl, which is what `kubectl apply -f` sends;
// - the ytt engine's reader (src/ytt/template/yamlparse.ts, through runYtt) against ytt 0.45.9.
// A second part re-asks the tools and checks the recordings (skipped where they are not installed);
// CARTO_RECORD_YAML_EDGES=1 rewrites the recordings from them instead.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseText } from '../../src/load/index.js';
import { kubeYamlOptions, kubectlSource, parseYamlStream } from '../../src/yaml/index.js';
import { runYtt, YttError } from '../../src/ytt/index.js';
import { cases } from './go-yaml-edges/cases.js';
import { askKubectl, askYtt, canonical, findKubectl, kubectlVersion, YTT, type Answer } from './go-yaml-edges/tools.js';

interface Recorded {
  ytt: string;
  kubectl: string;
  cases: { name: string; about: string; text: string; ytt: Answer; kubectl: Answer | null }[];
}

const RECORD = process.env['CARTO_RECORD_YAML_EDGES'] === '1';
const RECORDED = fileURLToPath(new URL('./go-yaml-edges/recorded.json', import.meta.url));
const recorded = JSON.parse(readFileSync(RECORDED, 'utf8')) as Recorded;

type Reader = 'load' | 'fast' | 'yaml' | 'ytt';

const QUOTED_INDENT = 'the yaml package wants the continuation lines of a quoted scalar indented past its parent; go-yaml does not';
const FLOW_INDENT = 'the yaml package wants the lines of a flow collection indented past its parent; go-yaml does not';
const YAML11_BREAKS = 'NEL, LS and PS are line breaks to go-yaml (YAML 1.1) and ordinary characters to the yaml package (YAML 1.2)';

/** Differences left on purpose (src/yaml/README.md, "Fidelity notes"); the test checks each is still there. */
const GAPS: Record<string, { readers: Reader[]; why: string }> = {
  'cr-lone-in-quoted': { readers: ['load', 'yaml', 'ytt'], why: QUOTED_INDENT },
  'quoted-continuation-shallow': { readers: ['load', 'yaml', 'ytt'], why: QUOTED_INDENT },
  'flow-continuation-shallow': { readers: ['load', 'yaml', 'ytt'], why: FLOW_INDENT },
  'tab-indent-in-quoted-shallow': { readers: ['load', 'yaml', 'ytt'], why: QUOTED_INDENT },
  'nel-in-plain': { readers: ['load', 'yaml', 'ytt'], why: YAML11_BREAKS },
  'ls-in-plain': { readers: ['load', 'yaml', 'ytt'], why: YAML11_BREAKS },
  'ls-in-literal': { readers: ['load', 'yaml', 'ytt'], why: YAML11_BREAKS },
};

/** Messages carto writes in go-yaml's (or kubectl's) own words: they must match to the letter. */
const OWN_WORDS = /found character that cannot start any token|found a tab character|did not find expected <document start>|invalid Yaml document separator/;

function problem(got: Answer, want: Answer): string | null {
  if ('error' in want) {
    if (!('error' in got)) return `read ${canonical(got.documents)}, but the tool says: ${want.error}`;
    if (OWN_WORDS.test(want.error) && got.error !== want.error) return `says "${got.error}", the tool says "${want.error}"`;
    return null;
  }
  if ('error' in got) return `fails ("${got.error}"), the tool reads ${canonical(want.documents)}`;
  const a = canonical(got.documents);
  const b = canonical(want.documents);
  return a === b ? null : `reads ${a}, the tool reads ${b}`;
}

/** src/load: what render and lint read from a manifest file. */
function readLoad(name: string, text: string): Answer {
  const parsed = parseText(text, `${name}.yaml`);
  const d = parsed.diagnostics[0];
  if (d) return { error: d.line !== undefined && /^YAML syntax error: /.test(d.message) && !/ at line /.test(d.message) ? goYamlStyle(d.message, d.line) : d.message };
  return { documents: parsed.documents.map((doc) => doc.value) };
}

function goYamlStyle(message: string, line: number): string {
  const text = message.replace(/^YAML syntax error: /, '');
  return text.startsWith('invalid Yaml') ? text : `yaml: line ${line}: ${text}`;
}

/** kubectlSource's error as kubectl words it. */
function sourceError(error: { message: string; line: number }): Answer {
  return { error: goYamlStyle(error.message, error.line) };
}

/** The fast reader on the text kubectl's reader gives go-yaml; null when it declines. */
function readFast(text: string): Answer | null {
  const source = kubectlSource(text);
  if (source.error) return sourceError(source.error);
  const fast = parseYamlStream(source.text);
  if (!fast) return null;
  return { documents: fast.documents.map((d) => d.value).filter((v) => v !== null) };
}

/** The yaml package with kubeYamlOptions on the same text (src/load's fallback). */
function readYamlPackage(text: string): Answer {
  const source = kubectlSource(text);
  if (source.error) return sourceError(source.error);
  const docs = parseAllDocuments(source.text, kubeYamlOptions);
  const list = Array.isArray(docs) ? docs : [];
  const bad = list.find((d) => d.errors.length > 0);
  if (bad) return { error: bad.errors[0]!.message.split('\n')[0]! };
  return { documents: list.map((d) => d.toJS() as unknown).filter((v) => v !== null) };
}

/** The ytt engine's reader, through a whole ytt run of the one file. */
function readYtt(name: string, text: string): Answer {
  try {
    return { documents: runYtt([{ name: `${name}.yaml`, text }], { ignoreUnknownComments: true }).documents };
  } catch (e) {
    if (!(e instanceof YttError)) throw e;
    const at = e.detail.indexOf('yaml: ');
    return { error: at >= 0 ? e.detail.slice(at) : e.detail };
  }
}

function check(reader: Reader, name: string, got: Answer, want: Answer): void {
  const p = problem(got, want);
  const gap = GAPS[name];
  if (gap?.readers.includes(reader)) {
    expect(p, `${name}: a known difference (${gap.why}) is gone: update GAPS and the README`).not.toBeNull();
    return;
  }
  expect(p, `${name} (${reader})`).toBeNull();
}

describe('go-yaml edge cases: the recordings', () => {
  it.skipIf(RECORD)('hold every case of cases.ts, with the same text', () => {
    expect(recorded.cases.map((c) => [c.name, c.text])).toEqual(cases.map((c) => [c.name, c.text]));
    expect(recorded.cases.length).toBeGreaterThan(100);
  });
  it('name a tool for every case', () => {
    for (const c of recorded.cases) expect(c.ytt, c.name).toBeTruthy();
    expect(recorded.cases.filter((c) => c.kubectl !== null).length).toBeGreaterThan(90);
  });
});

const manifests = recorded.cases.filter((c) => c.kubectl !== null);

describe('go-yaml edge cases: manifests are read as kubectl reads them', () => {
  it.each(manifests)('$name: $about', ({ name, text, kubectl }) => {
    check('load', name, readLoad(name, text), kubectl!);
    check('yaml', name, readYamlPackage(text), kubectl!);
    const fast = readFast(text);
    // the fast reader may decline (the yaml package decides then), never read something else
    if (fast) check('fast', name, fast, kubectl!);
  });
});

describe('go-yaml edge cases: ytt templates are read as ytt reads them', () => {
  it.each(recorded.cases)('$name: $about', ({ name, text, ytt }) => {
    check('ytt', name, readYtt(name, text), ytt);
  });
});

// The recordings against the real tools.
const hasYtt = existsSync(YTT);
const kubectl = findKubectl();

describe.skipIf(!hasYtt)(`go-yaml edge cases: ytt 0.45.9 still reads them so ${hasYtt ? '' : `(skipped: no ytt binary at ${YTT}; set CARTO_YTT)`}`, () => {
  it.skipIf(RECORD).each(recorded.cases)('$name', ({ name, text, ytt }) => {
    expect(askYtt(name, text)).toEqual(ytt);
  });
});

describe.skipIf(!kubectl)(`go-yaml edge cases: kubectl still reads them so ${kubectl ? '' : '(skipped: no kubectl on PATH; set CARTO_KUBECTL)'}`, () => {
  it.skipIf(RECORD).each(manifests)('$name', ({ name, text, kubectl: answer }) => {
    expect(askKubectl(kubectl!, name, text)).toEqual(answer);
  });
});

describe.runIf(RECORD && hasYtt && kubectl)('go-yaml edge cases: recording', () => {
  it('writes recorded.json from the real tools', { timeout: 120_000 }, () => {
    const out: Recorded = {
      ytt: '0.45.9',
      kubectl: kubectlVersion(kubectl!),
      cases: cases.map((c) => ({
        name: c.name,
        about: c.about,
        text: c.text,
        ytt: askYtt(c.name, c.text),
        kubectl: c.kubectl ? askKubectl(kubectl!, c.name, c.text) : null,
      })),
    };
    // one line per field: reviewable diffs without a line per map key
    const fields = (c: Recorded['cases'][number]): string =>
      Object.entries(c).map(([k, v]) => `   ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
    const body = out.cases.map((c) => `  {\n${fields(c)}\n  }`).join(',\n');
    // escaped: the fast reader (and the repository-wide test of it) takes the file as plain JSON
    const escaped = (t: string): string => t.replace(/[\u0080-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    writeFileSync(RECORDED, escaped(`{\n "ytt": ${JSON.stringify(out.ytt)},\n "kubectl": ${JSON.stringify(out.kubectl)},\n "cases": [\n${body}\n ]\n}\n`));
  });
});
