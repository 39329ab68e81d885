// One ytt run over the input files that are ytt inputs, with the files that only make sense to
// other tools set aside: when ytt fails while evaluating a file that no one named, that holds no
// object the command reads (the caller's set-aside policy) and is not a data values or schema
// file, that file is left out and the run is tried again without it, so a repository's other
// YAML never stops a render.
import type { SourceDocument } from './documents.js';
import { mustRead, type SetAside, type SetAsidePolicy } from './set-aside.js';
import type { YttInputFile, YttRunOptions, YttRunResult } from './ytt-files.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isDataValuesText } from './ytt-package.js';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

export interface RunFile extends YttInputFile {
  /** The user named this file itself (not a directory holding it): it is never set aside. */
  named: boolean;
}

export interface PackageResult {
  documents: SourceDocument[];
  diagnostics: Diagnostic[];
  setAside: SetAside[];
}

/** Which of a run's files may be set aside. */
export interface RunSetAside {
  /** Given for a run the user did not name (a package -R found, a ytt file under none): what to name when the whole run is set aside. */
  root?: string;
  /** The command's set-aside policy; without one nothing is set aside. */
  policy?: SetAsidePolicy;
}

/**
 * Evaluates one run. For a run with a `root`, when none of its files holds an object the command
 * reads, its failure sets it aside as a whole, whichever file failed (another package's schema
 * and values included).
 */
export async function evaluatePackage(files: readonly RunFile[], options: YttRunOptions, how: RunSetAside = {}): Promise<PackageResult> {
  const { root, policy } = how;
  const { evaluateYttRun } = await import('./ytt-files.js');
  const setAside: Array<{ file: string; failure: Failure }> = [];
  const noted = (list: typeof setAside): SetAside[] => list.map(({ file, failure }) => ({ file, reason: `ytt: ${headline(failure)}` }));
  let current = [...files];
  for (;;) {
    const result = evaluateYttRun(current, options);
    if (result.ok) return { documents: result.documents, diagnostics: result.diagnostics, setAside: noted(setAside) };
    if (root !== undefined && !current.some((f) => mustRead(policy, f.text))) {
      return { documents: [], diagnostics: [], setAside: noted([...setAside, { file: root, failure: result }]) };
    }
    const culprit = current.find((f) => f.path === result.evaluating);
    if (culprit && mayBeSetAside(culprit, current, policy)) {
      setAside.push({ file: culprit.path, failure: result });
      current = current.filter((f) => f !== culprit);
      continue;
    }
    // A failure that names a file set aside before (a load of it) is that file's own failure.
    const cause = setAside.find((s) => result.message.includes(baseName(s.file)))?.failure ?? result;
    return { documents: [], setAside: noted(setAside.filter((s) => s.failure !== cause)), diagnostics: [failureDiagnostic(cause, current)] };
  }
}

type Failure = Extract<YttRunResult, { ok: false }>;

function failureDiagnostic(failure: Failure, run: readonly RunFile[]): Diagnostic {
  const file = failure.file ?? failure.evaluating;
  return {
    severity: 'error',
    code: 'ytt-template-file',
    message: `ytt failed on the input files: ${headline(failure)}`,
    ...(file !== undefined ? { file } : {}),
    ...(failure.line !== undefined ? { line: failure.line } : {}),
    detail: failure.detail,
    ...hintFor(failure, run),
  };
}

/**
 * A file may be left out when it is a YAML template of its own: not named, no object the command
 * reads, no data values (they shape every template), not Starlark or a library, and loaded by no
 * other file of the run (leaving it out would only turn its error into "cannot load").
 */
function mayBeSetAside(file: RunFile, run: readonly RunFile[], policy: SetAsidePolicy | undefined): boolean {
  if (file.named || mustRead(policy, file.text) || isDataValuesText(file.text)) return false;
  if (!/\.ya?ml$/i.test(file.name) || /\.lib\.ya?ml$/i.test(file.name)) return false;
  const name = baseName(file.name);
  return !run.some((f) => f !== file && f.text.includes('load(') && f.text.includes(name));
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}

/** Say how to give what the run lacked: a data value nobody gave, a file outside the run, a values file given the wrong way. */
function hintFor(failure: Failure, run: readonly RunFile[]): { hint: string } | Record<string, never> {
  if (/Checking data values file .*Expected to be plain YAML/s.test(failure.message)) {
    return { hint: 'a file annotated #@data/values is part of the package: give it with -f FILE (--data-values-file takes plain YAML)' };
  }
  // ytt's own "did you mean" already points at a misspelt name in the template
  if (/data\.values/.test(failure.detail) && /struct has no \./.test(failure.message) && !/did you mean/.test(failure.detail)) {
    if (!run.some((f) => isDataValuesText(f.text))) {
      return { hint: 'no data values or schema file is in this ytt run: name the package directory that holds them (-f config/), or give the values with --data-values-file FILE, -v KEY=VALUE or --data-value-yaml KEY=YAML, as for ytt -f' };
    }
    return { hint: "give the data value with --data-values-file FILE, -v KEY=VALUE or --data-value-yaml KEY=YAML, as for ytt -f (or declare it in the package's schema)" };
  }
  if (/cannot load /.test(failure.message)) {
    const holder = directoryHolding(failure.message, run);
    if (holder) return { hint: `name the package's own directory, -f ${holder.dir}, which holds ${holder.wanted.slice(1)}: a load of ${holder.wanted} reads from the top of the directory ytt is given (here ${holder.top}); give the files beside it on their own (-f for manifests, --data-values-file for plain values); -R finds a package only where a data values or .star file sits at its top` };
    return { hint: 'name the whole package directory (-f DIR) so that the file it loads is in the same ytt run; -R finds a package only where a data values or .star file sits at its top' };
  }
  return {};
}

/**
 * For `cannot load /x.star` (a path from the package's top) where the run holds x.star deeper
 * (the user named the directory above the package, e.g. `-f examples/ytt-package/`), or a
 * directory a few levels above the run holds it (named from below: `-f config/templates/`): the
 * directory to name instead, the one that holds the file at the path the template loads.
 */
function directoryHolding(message: string, run: readonly RunFile[]): { dir: string; top: string; wanted: string } | undefined {
  const wanted = /cannot load (\/[^:\s]+): Expected to find file/.exec(message)?.[1];
  if (wanted === undefined) return undefined;
  const found = run.find((f) => f.name.endsWith(wanted) && f.path.endsWith(wanted));
  if (found) return { dir: found.path.slice(0, found.path.length - wanted.length + 1), top: found.path.slice(0, found.path.length - found.name.length) || './', wanted };
  // Named from below the package (-f config/templates/): the file may sit a few directories up.
  const any = run.find((f) => f.path.endsWith(f.name));
  if (!any) return undefined;
  const top = any.path.slice(0, any.path.length - any.name.length) || './';
  for (let dir = dirname(resolve(top)), i = 0; i < 4; dir = dirname(dir), i++) {
    if (existsSync(join(dir, wanted))) return { dir: `${isAbsolute(top) ? dir : relative(process.cwd(), dir)}/`, top, wanted };
    if (dirname(dir) === dir) break;
  }
  return undefined;
}

/**
 * One line that says what went wrong. ytt's data values errors put a wrapper on the first line
 * (`Overlaying data values (in following order: …): `) and the substance below it, in a report
 * with a title, a `(data-value arg):`-style place, a source excerpt and `= found/expected/hint`
 * lines: keep the title, the place and those lines.
 */
function headline(failure: Failure): string {
  const first = firstLine(failure.message).trim();
  if (!first.endsWith(':')) return first;
  const kept: string[] = [];
  for (const raw of failure.detail.split('\n').slice(1)) {
    const line = raw.trim();
    if (line === '' || /^=+$/.test(line) || /^\d*\s*\|/.test(line) || line.startsWith('|')) continue;
    kept.push(line.replace(/^= /, ''));
  }
  return kept.length > 0 ? kept.join('; ').replace(/:;/g, ':') : first.replace(/:$/, '');
}
