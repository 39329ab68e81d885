// testing: `carto test` — Cartographer's cartotest suites, unchanged, and carto's whole-chain
// golden tests. discover → run (cartotest cases through the mock or a real supply chain;
// whole-chain tests through render) → report (text, JSON, JUnit).
export { discoverCases } from './discover.js';
export { findCases, runSuite, suiteFailed, type SuiteOptions } from './suite.js';
export { runCartotestCase, type RunContext, type CaseOutcome } from './run-case.js';
export { runWholeChain, EXPECTED_DIR, EXPECTED_STREAM, type UpdatePlan, type WholeChainOutcome } from './whole-chain.js';
export { readWholeChainConfig, WHOLE_CHAIN_FILE, type WholeChainConfig } from './whole-chain-config.js';
export { readInfo, type TestInfo } from './info.js';
export { builtinPreprocessor, type Preprocessor } from './ytt-preprocess.js';
export { nodeFs, FsError, type SuiteFs, type DirEntry } from '../load/suite-fs.js';
export { formatTextReport, FOCUS_NOTICE, type ReportStyle } from './report-text.js';
export { formatJsonReport } from './report-json.js';
export { formatJunitReport } from './report-junit.js';
export type { TestCase, CartotestCase, WholeChainCase, CaseResult, SuiteResult, Status } from './types.js';
