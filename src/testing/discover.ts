// Turns a suite directory into test cases, as cartotest builds its suite (spec §11.2), plus
// carto's whole-chain tests:
// - every directory's settings start from a shallow copy of its parent's, then its own
//   info.yaml and default-named files apply; only leaf directories (no subdirectories) are
//   cases, named by the joined path;
// - file resolution: an info.yaml path is joined with the directory and used even when the
//   file does not exist; a default name (template.yaml, template-ytt-values.yaml,
//   workload.yaml, expected.yaml, supply-chain-ytt-values.yaml) only when it exists;
//   `given.supplyChain.paths` are NOT joined (they are relative to the working directory),
//   while `supply-chain*.yaml` files found in the directory are;
// - a directory first replaces whatever supply chain it inherited with a mock built from its
//   own mockSupplyChain (empty when it has none), then with a real file set when it names one:
//   a parent's supply chain is never inherited; naming both is an error;
// - compareOptions is one shared object (compare-options.ts);
// - a directory holding carto-test.yaml is a whole-chain test; its subtree is not walked.
// Where cartotest would stop the whole run (an info.yaml it cannot read, mock and real supply
// chain both given), carto fails the cases under that directory and runs the others. A leaf
// that has nothing at all (no info.yaml, and no template, workload or expected file of its own
// or inherited), such as an `outputs/` folder next to the tests, is not a case: cartotest would
// crash on it.
import { join } from 'node:path';
import { applyCompareOptions } from './compare-options.js';
import { FsError, type SuiteFs } from '../load/suite-fs.js';
import { readInfo, type TestInfo } from './info.js';
import type { CartotestCase, MockSupplyChain, SupplyChainFileSet, TestCase } from './types.js';
import { readWholeChainConfig, WHOLE_CHAIN_FILE } from './whole-chain-config.js';

const DEFAULTS = {
  template: 'template.yaml',
  templateYtt: 'template-ytt-values.yaml',
  workload: 'workload.yaml',
  expected: 'expected.yaml',
  supplyChainYtt: 'supply-chain-ytt-values.yaml',
} as const;

type State = Omit<CartotestCase, 'type' | 'path' | 'metadata' | 'error'>;

/** The cases under `root` (a directory), in walk order. */
export function discoverCases(root: string, fs: SuiteFs): TestCase[] {
  const initial: State = { template: { yttFiles: [] }, focus: false, supplyChain: { kind: 'mock' } };
  return walk(initial, root, fs);
}

function walk(parent: State, dir: string, fs: SuiteFs): TestCase[] {
  if (fs.kind(join(dir, WHOLE_CHAIN_FILE)) === 'file') return [wholeChainCase(dir, fs)];
  let subdirs: string[];
  let populated: { state: State; info: TestInfo; hasInfo: boolean };
  try {
    subdirs = fs.list(dir).filter((e) => e.dir).map((e) => e.name);
    populated = populate({ ...parent }, dir, fs);
  } catch (err) {
    const message = err instanceof PopulateError || err instanceof FsError ? err.message : String(err);
    return failUnder(dir, `build test cases: ${message}`, fs);
  }
  if (subdirs.length > 0) return subdirs.flatMap((sub) => walk({ ...populated.state }, join(dir, sub), fs));
  const { state, info, hasInfo } = populated;
  if (!hasInfo && state.template.path === undefined && state.workload === undefined && state.expected === undefined) return [];
  return [{ type: 'cartotest', path: dir, ...state, metadata: { ...info.metadata } }];
}

class PopulateError extends Error {}

function populate(state: State, dir: string, fs: SuiteFs): { state: State; info: TestInfo; hasInfo: boolean } {
  const infoPath = join(dir, 'info.yaml');
  const hasInfo = fs.kind(infoPath) === 'file';
  let info: TestInfo = {};
  if (hasInfo) {
    const read = readInfo(fs.read(infoPath), infoPath);
    if (!read.ok) throw new PopulateError(`populate info: ${read.message}`);
    info = read.info;
  }
  const given = info.given ?? {};
  const local = (name: string, explicit: string | undefined): string | undefined => {
    if (explicit !== undefined) return join(dir, explicit);
    const candidate = join(dir, name);
    return fs.kind(candidate) !== undefined ? candidate : undefined;
  };

  // Template (keeps an inherited ytt values file unless this directory names one).
  const template = { ...state.template };
  const templatePath = local(DEFAULTS.template, given.template?.path);
  if (templatePath !== undefined) template.path = templatePath;
  const templateYtt = local(DEFAULTS.templateYtt, given.template?.yttPath);
  if (templateYtt !== undefined) template.yttFiles = [templateYtt];
  state.template = template;

  const workload = local(DEFAULTS.workload, given.workload);
  if (workload !== undefined) state.workload = workload;
  const expected = local(DEFAULTS.expected, info.expected);
  if (expected !== undefined) state.expected = expected;
  if (info.focus !== undefined) state.focus = info.focus;
  const compareOptions = applyCompareOptions(state.compareOptions, info.compareOptions);
  if (compareOptions) state.compareOptions = compareOptions;

  // The supply chain: never inherited (a fresh mock, then a real file set if this directory has one).
  const mockInfo = given.mockSupplyChain ?? {};
  const mock: MockSupplyChain = {
    kind: 'mock',
    ...(mockInfo.blueprintInputs !== undefined ? { blueprintInputs: mockInfo.blueprintInputs } : {}),
    ...(mockInfo.blueprintParams !== undefined ? { blueprintParams: mockInfo.blueprintParams } : {}),
  };
  const mockSpecified = mockInfo.blueprintInputs !== undefined || mockInfo.blueprintParams !== undefined;
  state.supplyChain = mock;

  const scInfo = given.supplyChain ?? {};
  const files: SupplyChainFileSet = { kind: 'files', paths: [], yttFiles: [], targetResourceName: scInfo.targetResourceName ?? '' };
  if (scInfo.previousOutputs !== undefined) files.previousOutputs = scInfo.previousOutputs;
  const scYtt = local(DEFAULTS.supplyChainYtt, scInfo.yttPath);
  if (scYtt !== undefined) files.yttFiles = [scYtt];
  let realSpecified = false;
  if ((scInfo.paths ?? []).length > 0) {
    files.paths = [...(scInfo.paths ?? [])];
    realSpecified = true;
  } else {
    // Every supply-chain*.yaml here, the ytt values file named supply-chain-ytt-values.yaml included.
    const found = fs.list(dir).filter((e) => !e.dir && e.name.startsWith('supply-chain') && e.name.endsWith('.yaml')).map((e) => join(dir, e.name));
    if (found.length > 0) {
      files.paths = found;
      realSpecified = true;
    }
  }
  if (files.yttFiles.length > 0 || files.paths.length > 0 || files.targetResourceName !== '' || files.previousOutputs !== undefined) {
    state.supplyChain = files;
  }
  if (mockSpecified && realSpecified) {
    throw new PopulateError('populate testCase supplychain: only one of mock supply chain and real supply chain may be specified');
  }
  return { state, info, hasInfo };
}

function wholeChainCase(dir: string, fs: SuiteFs): TestCase {
  const file = join(dir, WHOLE_CHAIN_FILE);
  let text: string;
  try {
    text = fs.read(file);
  } catch (err) {
    return { type: 'whole-chain', path: dir, focus: false, metadata: {}, error: err instanceof Error ? err.message : String(err) };
  }
  const read = readWholeChainConfig(text, file);
  if (!read.ok) return { type: 'whole-chain', path: dir, focus: false, metadata: {}, error: read.message };
  const { config } = read;
  return {
    type: 'whole-chain',
    path: dir,
    focus: config.focus,
    metadata: { ...(config.name !== undefined ? { name: config.name } : {}), ...(config.description !== undefined ? { description: config.description } : {}) },
    config,
  };
}

/** Every cartotest leaf under `dir` fails with `error`; whole-chain tests (which inherit nothing) still run. */
function failUnder(dir: string, error: string, fs: SuiteFs): TestCase[] {
  if (fs.kind(join(dir, WHOLE_CHAIN_FILE)) === 'file') return [wholeChainCase(dir, fs)];
  let subdirs: string[] = [];
  try {
    subdirs = fs.list(dir).filter((e) => e.dir).map((e) => e.name);
  } catch {
    // An unreadable directory is a leaf that fails.
  }
  return subdirs.length === 0 ? [failed(dir, error)] : subdirs.flatMap((sub) => failUnder(join(dir, sub), error, fs));
}

function failed(path: string, error: string): CartotestCase {
  return { type: 'cartotest', path, template: { yttFiles: [] }, focus: false, supplyChain: { kind: 'mock' }, metadata: {}, error };
}
