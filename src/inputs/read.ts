// How every carto command reads its inputs: the generic loader (src/load) given carto's
// policies — files without a carto.run object set aside (src/model/inputs.ts), `carto test`
// suites left out of a directory (src/testing).
import { expandPaths as expandFiles, readInputs as readFiles, type InputsRead, type ReadOptions } from '../load/index.js';
import { CARTOGRAPHER_INPUTS } from '../model/inputs.js';

/** The file that makes a directory a whole-chain `carto test` case: such a directory is a test, not an input. */
export const WHOLE_CHAIN_FILE = 'carto-test.yaml';

/** readInputs' options with carto's policies; the caller's choices (-R, data values, exclusions) kept. */
export function cartoReadOptions(options: ReadOptions = {}): ReadOptions {
  return { ...options, setAside: CARTOGRAPHER_INPUTS, skipDirectoriesHolding: [WHOLE_CHAIN_FILE] };
}

/** Reads the inputs as every carto command reads them (load's readInputs with carto's policies). Throws UsageError. */
export function readInputs(paths: readonly string[], options: ReadOptions = {}): Promise<InputsRead> {
  return readFiles(paths, cartoReadOptions(options));
}

/** The files a list of path arguments stands for, as readInputs lists them (lint orders its report by them). Throws UsageError. */
export function expandPaths(paths: readonly string[], options: ReadOptions = {}): string[] {
  return expandFiles(paths, cartoReadOptions(options));
}
