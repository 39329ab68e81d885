// The shapes `carto test` works with: the cases a suite directory holds (cartotest cases and
// carto's whole-chain tests) and what running one gives.
import type { CompareOptions } from './compare-options.js';
import type { BlueprintInputsInfo, BlueprintParamInfo, OutputInfo } from './info.js';
import type { WholeChainConfig } from './whole-chain-config.js';

/** cartotest's MockSupplyChain: params and inputs as if a supply chain gave them (spec §3.5). */
export interface MockSupplyChain {
  kind: 'mock';
  blueprintParams?: BlueprintParamInfo[];
  blueprintInputs?: BlueprintInputsInfo;
}

/** cartotest's SupplyChainFileSet: real supply chains and the resource that stamps the template. */
export interface SupplyChainFileSet {
  kind: 'files';
  /** As given in info.yaml (relative to the working directory), or found in the case's directory. */
  paths: string[];
  /** ytt data values files for preprocessing each supply chain file. */
  yttFiles: string[];
  targetResourceName: string;
  previousOutputs?: Record<string, OutputInfo | null>;
}

export interface CartotestCase {
  type: 'cartotest';
  /** The leaf directory, named as cartotest names it (the root as given, then joined paths). */
  path: string;
  template: { path?: string; yttFiles: string[] };
  workload?: string;
  expected?: string;
  focus: boolean;
  /** Shared with the directories that share it (see compare-options.ts). */
  compareOptions?: CompareOptions;
  supplyChain: MockSupplyChain | SupplyChainFileSet;
  /** From the leaf's own info.yaml only (cartotest's verbose report reads just that file). */
  metadata: { name?: string; description?: string };
  /** Reading this directory (or a parent) failed: the case fails with this. */
  error?: string;
}

export interface WholeChainCase {
  type: 'whole-chain';
  path: string;
  focus: boolean;
  metadata: { name?: string; description?: string };
  config?: WholeChainConfig;
  /** carto-test.yaml could not be read: the case fails with this. */
  error?: string;
}

export type TestCase = CartotestCase | WholeChainCase;

export type Status = 'pass' | 'fail' | 'skipped';

export interface CaseResult {
  case: TestCase;
  status: Status;
  /** Why it failed: the whole message (cartotest's wording where it has one). */
  error?: string;
  /** For a comparison failure, the readable diff on its own (also inside `error`). */
  diff?: string;
  /** A whole-chain expectation was (re)written with --update. */
  updated?: boolean;
  durationMs: number;
}

export interface SuiteResult {
  /** Every case, in report order: passed, then failed (each by path), then skipped. */
  results: CaseResult[];
  /** Some case is focused: only focused cases ran, and the suite fails. */
  focused: boolean;
  passed: number;
  failed: number;
  skipped: number;
}
