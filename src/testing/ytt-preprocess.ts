// ytt preprocessing of template and supply-chain files (spec §7.2): cartotest runs
// `ytt --ignore-unknown-comments -f <file> -f <values file>…` and reads what it prints as the
// template or supply chain. Here the built-in engine does it (a directory given as a values
// file contributes its files, as `ytt -f DIR` does); the CLI can swap in a ytt binary.
import { join } from 'node:path';
import { runYtt, YttError, type YttFile } from '../ytt/index.js';
import type { SuiteFs } from '../load/suite-fs.js';
import { YTT_MAX_STEPS } from '../util/limits.js';

/** Runs ytt over `files` (the file to preprocess first, then its values files). */
export type Preprocessor = (files: readonly string[]) => { ok: true; text: string } | { ok: false; message: string };

export function builtinPreprocessor(fs: SuiteFs): Preprocessor {
  return (paths) => {
    let files: YttFile[];
    try {
      files = paths.flatMap((path) => readTree(path, fs));
    } catch (err) {
      return { ok: false, message: `ytt: Error: ${err instanceof Error ? err.message : String(err)}` };
    }
    try {
      return { ok: true, text: runYtt(files, { ignoreUnknownComments: true, maxSteps: YTT_MAX_STEPS }).text };
    } catch (err) {
      if (err instanceof YttError) return { ok: false, message: err.text.trimEnd() };
      throw err;
    }
  };
}

function readTree(path: string, fs: SuiteFs): YttFile[] {
  if (fs.kind(path) !== 'dir') return [{ name: path, text: fs.read(path) }];
  return fs.list(path).flatMap((entry) => readTree(join(path, entry.name), fs));
}
