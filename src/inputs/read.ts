// What a command reads before it renders or lints, read once for every command: the generic
// loader (src/load) given carto's policies — owners limited in number and files without a
// carto.run object set aside (src/model/inputs.ts), `carto test` suites left out of a directory
// (src/testing) — and, for a render, the files its flags name: the outputs file (--outputs) and
// the observed objects (--observed). `carto render`, `graph`, `explain` and whole-chain tests
// read their inputs here, so a golden test reads exactly what `carto render` would.
import { expandPaths as expandFiles, readInputs as readFiles, type InputsRead, type ReadOptions, type SourceDocument } from '../load/index.js';
import { CARTOGRAPHER_INPUTS, OWNER_LIMIT } from '../model/inputs.js';
import { readOutputsFile, type SuppliedOutputs } from '../outputs/index.js';
import { WHOLE_CHAIN_FILE } from '../testing/whole-chain-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** readInputs' options with carto's policies; the caller's choices (-R, data values, exclusions) kept. */
export function cartoReadOptions(options: ReadOptions = {}): ReadOptions {
  return { ...options, limited: OWNER_LIMIT, setAside: CARTOGRAPHER_INPUTS, skipDirectoriesHolding: [WHOLE_CHAIN_FILE] };
}

/** Reads the inputs as every carto command reads them (load's readInputs with carto's policies). Throws UsageError. */
export function readInputs(paths: readonly string[], options: ReadOptions = {}): Promise<InputsRead> {
  return readFiles(paths, cartoReadOptions(options));
}

/** The files a list of path arguments stands for, as readInputs lists them (lint orders its report by them). Throws UsageError. */
export function expandPaths(paths: readonly string[], options: ReadOptions = {}): string[] {
  return expandFiles(paths, cartoReadOptions(options));
}

export interface RenderFiles {
  /** The inputs: files, directories, `-`. */
  inputs: readonly string[];
  /** How to read them (-R, data values, exclusions). */
  read: ReadOptions;
  /** The outputs file (--outputs), if any. */
  outputs?: string;
  /** The observed objects' files and directories (--observed), read with the inputs' -R. */
  observed: readonly string[];
}

export interface RenderInputs {
  documents: SourceDocument[];
  /** Read from the outputs file; absent without one. */
  outputs?: SuppliedOutputs;
  /** Absent when no --observed was given. */
  observed?: SourceDocument[];
  /** The problems of all of them, in reading order; an error means there is nothing to render. */
  diagnostics: Diagnostic[];
}

/** Reads what a render is given in files: the inputs, the outputs file, the observed objects. Throws UsageError. */
export async function readRenderInputs(files: RenderFiles): Promise<RenderInputs> {
  const diagnostics: Diagnostic[] = [];
  const loaded = await readInputs(files.inputs, files.read);
  diagnostics.push(...loaded.diagnostics);
  let outputs: SuppliedOutputs | undefined;
  if (files.outputs !== undefined) {
    const file = await readInputs([files.outputs]);
    diagnostics.push(...file.diagnostics);
    const read = readOutputsFile(file.documents);
    diagnostics.push(...read.diagnostics);
    outputs = read.outputs;
  }
  let observed: SourceDocument[] | undefined;
  if (files.observed.length > 0) {
    const read = await readInputs(files.observed, { recursive: files.read.recursive ?? false });
    diagnostics.push(...read.diagnostics);
    observed = read.documents;
  }
  return { documents: loaded.documents, diagnostics, ...(outputs ? { outputs } : {}), ...(observed ? { observed } : {}) };
}
