// What a render is given in files, read once for every command that renders: the inputs, the
// outputs file (--outputs) and the observed objects (--observed). `carto render`, `graph`,
// `explain` (src/cli/render-options.ts) and whole-chain tests (src/testing/whole-chain.ts) read
// here, so a golden test reads exactly what `carto render` would.
import type { ReadOptions, SourceDocument } from '../load/index.js';
import { outputsFileProblem, readOutputsFile, type SuppliedOutputs } from '../outputs/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readInputs } from './read.js';
import { isDeferrableOwner } from '../model/index.js';

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
  const loaded = await readInputs(files.inputs, { ...files.read, deferred: isDeferrableOwner });
  diagnostics.push(...loaded.diagnostics);
  let outputs: SuppliedOutputs | undefined;
  if (files.outputs !== undefined) {
    const file = await readInputs([files.outputs], { filesOnly: '--outputs' });
    diagnostics.push(...file.diagnostics.map(outputsFileProblem));
    const read = readOutputsFile(file.documents);
    diagnostics.push(...read.diagnostics);
    outputs = read.outputs;
  }
  let observed: SourceDocument[] | undefined;
  if (files.observed.length > 0) {
    const read = await readInputs(files.observed, { recursive: files.read.recursive ?? false });
    diagnostics.push(...read.diagnostics.map(observedFileProblem));
    observed = read.documents;
  }
  return { documents: loaded.documents, diagnostics, ...(outputs ? { outputs } : {}), ...(observed ? { observed } : {}) };
}

/**
 * The loader's complaint that a key is given twice, worded for an --observed file: a `kubectl get`
 * export, which no one applies (kubectl apply and the API server's strict reading are beside the point).
 */
function observedFileProblem(d: Diagnostic): Diagnostic {
  if (d.code !== 'duplicate-key') return d;
  const { detail: _kubectl, ...rest } = d;
  return {
    ...rest,
    hint: 'an export from `kubectl get -o yaml` never gives a key twice, so the file was edited or joined by hand: delete the one you do not mean, or export the object again',
  };
}
