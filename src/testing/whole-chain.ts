// carto's whole-chain golden tests: a directory with carto-test.yaml is rendered exactly as
// `carto render` would render it (the same reading, the same render(), the same YAML), and the
// result is compared with its expectation — `expected.yaml`, the YAML stream `carto render`
// prints, or `expected/`, the files `carto render --output-dir` writes. Objects are compared as
// data (formatting and comments do not matter), paired by kind, namespace and name; the report
// lists what changed, what is missing and what is new. With --update a mismatch (or a missing
// expectation) becomes a plan to rewrite the expectation, which the CLI carries out.
import { join, relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatYamlStream, planDirectory, type PlannedFile } from '../emit/index.js';
import { MANIFEST, parseText } from '../load/index.js';
import { readRenderInputs } from '../inputs/index.js';
import { render } from '../render/index.js';
import type { YttRunner } from '../stamp/ytt.js';
import { diffOps } from '../diff/index.js';
import { deepEqual, objectDiff, canonicalYaml } from './compare.js';
import type { SuiteFs } from '../load/suite-fs.js';
import type { WholeChainCase } from './types.js';
import { WHOLE_CHAIN_FILE, type WholeChainConfig } from './whole-chain-config.js';

export const EXPECTED_STREAM = 'expected.yaml';
export const EXPECTED_DIR = 'expected';

export type UpdatePlan =
  | { kind: 'stream'; file: string; text: string }
  | { kind: 'directory'; dir: string; files: PlannedFile[]; remove: string[] };

export type WholeChainOutcome =
  | { ok: true; update?: UpdatePlan }
  | { ok: false; error: string; diff?: string; update?: UpdatePlan };

export interface WholeChainContext {
  fs: SuiteFs;
  ytt: YttRunner;
  /** Plan a rewrite of the expectation instead of failing on a mismatch. */
  update: boolean;
}


export async function runWholeChain(c: WholeChainCase, ctx: WholeChainContext): Promise<WholeChainOutcome> {
  if (c.error !== undefined || !c.config) return { ok: false, error: c.error ?? 'no configuration' };
  const config = c.config;
  const dir = c.path;
  const streamPath = join(dir, EXPECTED_STREAM);
  const dirPath = join(dir, EXPECTED_DIR);
  const outputsPath = config.outputs !== undefined ? join(dir, config.outputs) : undefined;

  // 1. Render as `carto render` would.
  const rendered = await renderTest(dir, config, outputsPath, ctx.ytt, [join(dir, WHOLE_CHAIN_FILE), streamPath, dirPath, ...(outputsPath ? [outputsPath] : [])]);
  if (!rendered.ok) return { ok: false, error: rendered.error };

  // 2. Compare with the expectation that exists (or plan the one config.expected names).
  const hasStream = ctx.fs.kind(streamPath) === 'file';
  const hasDir = ctx.fs.kind(dirPath) === 'dir';
  if (hasStream && hasDir) return { ok: false, error: `both ${streamPath} and ${dirPath}/ exist: keep one (the stream carto render prints, or the files carto render --output-dir writes)` };
  const form = hasStream ? 'stream' : hasDir ? 'directory' : config.expected;
  const planned = form === 'stream' ? undefined : planDirectory(rendered.objects);
  const streamText = formatYamlStream(rendered.objects);
  if (!hasStream && !hasDir) {
    const plan = updatePlan(form, streamPath, dirPath, streamText, planned ?? [], []);
    if (ctx.update) return { ok: true, update: plan };
    return { ok: false, error: `no expectation yet: neither ${streamPath} nor ${dirPath}/ exists (run carto test --update to write ${form === 'stream' ? streamPath : `${dirPath}/`} from what carto renders now)` };
  }
  const mismatch = form === 'stream'
    ? compareStream(ctx.fs.read(streamPath), streamText)
    : compareDirectory(dirPath, planned ?? [], ctx.fs);
  if (!mismatch) return { ok: true };
  if (ctx.update) return { ok: true, update: updatePlan(form, streamPath, dirPath, streamText, planned ?? [], mismatch.stale) };
  const where = form === 'stream' ? streamPath : `${dirPath}/`;
  return {
    ok: false,
    error: `expected does not equal actual: ${where} differs from what carto renders (-expected +actual):\n${mismatch.diff}(run carto test --update to accept what carto renders now)`,
    diff: mismatch.diff,
  };
}

function updatePlan(form: 'stream' | 'directory', streamPath: string, dirPath: string, text: string, files: PlannedFile[], stale: string[]): UpdatePlan {
  return form === 'stream' ? { kind: 'stream', file: streamPath, text } : { kind: 'directory', dir: dirPath, files, remove: stale };
}

type Rendered = { ok: true; objects: Parameters<typeof formatYamlStream>[0] } | { ok: false; error: string };

async function renderTest(dir: string, config: WholeChainConfig, outputsPath: string | undefined, ytt: YttRunner, exclude: string[]): Promise<Rendered> {
  try {
    // Read as `carto render` reads its inputs, --outputs and --observed; never the test's own
    // files: carto-test.yaml, the expectation, the outputs file.
    const read = await readRenderInputs({
      inputs: (config.inputs ?? ['.']).map((p) => join(dir, p)),
      read: { recursive: config.recursive, exclude, dataValuesFiles: config.dataValuesFiles.map((p) => join(dir, p)) },
      ...(outputsPath !== undefined ? { outputs: outputsPath } : {}),
      observed: config.observed.map((p) => join(dir, p)),
    });
    const { diagnostics, outputs, observed } = read;
    if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, error: `the inputs cannot be read:\n${formatProblems(diagnostics)}` };
    const result = render(read.documents, {
      semantics: config.cartographer ?? 'auto',
      defaultNamespace: config.namespace,
      owners: config.owners,
      ...(outputs ? { outputs } : {}),
      ...(observed ? { observed } : {}),
      strict: config.strict,
      ownerReferences: config.ownerReferences,
      expandRunnables: config.expandRunnables,
      ytt,
    });
    if (!result.ok) return { ok: false, error: `carto render fails for these inputs:\n${formatProblems(result.diagnostics)}` };
    return { ok: true, objects: result.objects };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Errors (and warnings) for a report: `file:line: error: message`, one per line. */
function formatProblems(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .filter((d) => d.severity !== 'note')
    .map((d) => `  ${d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : ''}${d.severity}: ${d.message}${d.controllerMessage && d.controllerMessage !== d.message ? ` (controller: ${d.controllerMessage})` : ''}`)
    .join('\n');
}

interface Mismatch {
  diff: string;
  /** Expected files no longer rendered (directory form). */
  stale: string[];
}

function compareStream(expectedText: string, actualText: string): Mismatch | undefined {
  const expected = parseText(expectedText, EXPECTED_STREAM);
  const bad = expected.diagnostics.find((d) => d.severity === 'error');
  if (bad) return { diff: `! ${EXPECTED_STREAM}${bad.line ? `:${bad.line}` : ''}: ${bad.message}\n`, stale: [] };
  const want = expected.documents.map((d) => d.value);
  const got = parseText(actualText, 'actual').documents.map((d) => d.value);
  const wantKeys = identities(want);
  const gotKeys = identities(got);
  let diff = '';
  let i = 0;
  let j = 0;
  for (const op of diffOps(wantKeys, gotKeys)) {
    if (op.op === ' ') {
      const a = want[i++];
      const b = got[j++];
      if (!deepEqual(a, b)) diff += `changed ${label(b)}:\n${objectDiff(a, b)}`;
    } else if (op.op === '-') {
      diff += `missing ${label(want[i])} (expected, not rendered):\n${prefixed('-', want[i++])}`;
    } else {
      diff += `unexpected ${label(got[j])} (rendered, not expected):\n${prefixed('+', got[j++])}`;
    }
  }
  return diff === '' ? undefined : { diff, stale: [] };
}

function compareDirectory(dir: string, planned: readonly PlannedFile[], fs: SuiteFs): Mismatch | undefined {
  const existing = listFiles(dir, fs).filter((f) => MANIFEST.test(f));
  const plannedPaths = new Set(planned.map((f) => f.path));
  let diff = '';
  for (const file of planned) {
    const path = join(dir, file.path);
    const got = parseText(file.text, path).documents[0]?.value;
    if (!existing.includes(file.path)) {
      diff += `unexpected ${file.path} (rendered, not expected):\n${prefixed('+', got)}`;
      continue;
    }
    const parsed = parseText(fs.read(path), path);
    const bad = parsed.diagnostics.find((d) => d.severity === 'error');
    if (bad) {
      diff += `! ${path}${bad.line ? `:${bad.line}` : ''}: ${bad.message}\n`;
      continue;
    }
    const want = parsed.documents[0]?.value;
    if (!deepEqual(want, got)) diff += `changed ${file.path}:\n${objectDiff(want, got)}`;
  }
  const stale = existing.filter((f) => !plannedPaths.has(f));
  for (const file of stale) {
    diff += `missing ${file} (expected, not rendered):\n${prefixed('-', parseText(fs.read(join(dir, file)), file).documents[0]?.value)}`;
  }
  return diff === '' ? undefined : { diff, stale: stale.map((f) => join(dir, f)) };
}

/** Files under `dir`, relative to it, sorted. */
function listFiles(dir: string, fs: SuiteFs, base = dir): string[] {
  return fs.list(dir).flatMap((e) => (e.dir ? listFiles(join(dir, e.name), fs, base) : [relative(base, join(dir, e.name))]));
}

/** Each object's identity (kind, namespace, name or generateName), numbered when repeated. */
function identities(objects: readonly Record<string, unknown>[]): string[] {
  const seen = new Map<string, number>();
  return objects.map((o) => {
    const key = label(o);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key} #${n}`;
  });
}

function label(object: Record<string, unknown> | undefined): string {
  const meta = object && typeof object['metadata'] === 'object' && object['metadata'] !== null ? (object['metadata'] as Record<string, unknown>) : {};
  const name = typeof meta['name'] === 'string' ? meta['name'] : typeof meta['generateName'] === 'string' ? `${meta['generateName']}*` : '?';
  const ns = typeof meta['namespace'] === 'string' ? `${meta['namespace']}/` : '';
  return `${String(object?.['kind'] ?? '?')} ${ns}${name}`;
}

function prefixed(sign: '-' | '+', value: unknown): string {
  return canonicalYaml(value ?? null).replace(/\n$/, '').split('\n').map((l) => `${sign} ${l}\n`).join('');
}
