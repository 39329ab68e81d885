// Reads the inputs a user names on the command line: files, directories (their *.yaml, *.yml
// and *.json; -R descends; a ytt package wholly, as ytt reads it) and `-` for stdin. This is one
// of the few places that touches the file system; everything it returns is plain data for the
// pure stages. It knows no object kinds: which objects are limited in number, which unreadable
// files may be set aside and which directories are not inputs are the caller's (ReadOptions;
// carto's policies are put together in src/inputs).
import { helmChartDiagnostic, helmTemplateDiagnostics } from './helm.js';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError, isUsageError } from '../diagnostics/diagnostic.js';
import { MAX_DOCUMENTS, MAX_TOTAL_BYTES, formatCount } from '../util/limits.js';
import { limitDiagnostic, parseText, type ParsedText, type SourceDocument } from './documents.js';
import { errnoText } from './text.js';
import { repeatedKeysOfText } from './repeated-keys.js';
import { readText } from './input-text.js';
import { DirectoryScan } from './directory.js';
import { YAML_FILE, isYttInput, listTree, manifestsOf } from './ytt-package.js';
import { mustRead, reasonOf, setAsideNote, type SetAside, type SetAsidePolicy } from './set-aside.js';
import type { RunFile } from './ytt-run.js';
import type { ValuesFileArg } from './ytt-files.js';
import { dataValuesFilePath, readYttArgument } from './ytt-tree.js';
import type { DataValue } from '../ytt/types.js';
import type { YttBudget } from '../ytt/budget.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface ReadOptions {
  /** Descend into subdirectories of directory arguments. */
  recursive?: boolean;
  /** Reads all of stdin; injected so tests and library users can supply it. */
  readStdin?: () => string;
  /**
   * Data values files for inputs that are ytt templates (`--data-values-file [@lib:]PATH`: a file,
   * a directory or NAME=PATH, read and named as ytt reads them).
   */
  dataValuesFiles?: readonly string[];
  /** `-v`/`--data-value`, `--data-value-yaml` and `--data-value-file` flags for the ytt run, in the order ytt applies them. */
  dataValues?: readonly DataValue[];
  /** Files and directories to leave out wherever they are met (e.g. a test's own files among its inputs). */
  exclude?: readonly string[];
  /** Directories holding a file of one of these names are not read (a `carto test` suite's expectations are not inputs). */
  skipDirectoriesHolding?: readonly string[];
  /** Which unreadable files found under a directory may be set aside with a note; without it, none is. */
  setAside?: SetAsidePolicy;
  /** The paths name files only (a flag such as `--outputs FILE`): a directory is a usage error naming the flag. */
  filesOnly?: string;
  /** Objects that may be kept as text until read, in large files (ParseOptions.deferred). */
  deferred?: (value: Record<string, unknown>) => boolean;
}

/** The files a list of path arguments stands for, in a stable order. Throws UsageError. */
export function expandPaths(paths: readonly string[], options: ReadOptions = {}): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push('-');
      continue;
    }
    if (isDirectoryArgument(path)) {
      files.push(...manifestsOf(listTree(path, options.skipDirectoriesHolding), options.recursive ?? false).map((f) => f.path));
    } else {
      files.push(path);
    }
  }
  return files;
}

/** True for a directory, false for anything else that exists; a UsageError for a path that cannot be read. */
function isDirectoryArgument(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${errnoText(err)}`);
  }
}

/** What readInputs gives: the documents, the problems, and the files set aside. */
export interface InputsRead extends ParsedText {
  /** Files found under a directory that hold nothing the command reads and could not be read (one note in diagnostics names them). */
  setAside: SetAside[];
}

/** One input file, read: `named` when the user named it itself rather than a directory holding it. */
interface InputFile {
  path: string;
  text: string;
  named: boolean;
}

/** The inputs in argument order: plain files, and the places of the ytt runs' documents. */
type Part = { kind: 'plain'; file: InputFile } | { kind: 'ytt'; run: Run };

/** One ytt run: the named inputs' (as `ytt -f A -f B`), or a package found with -R, or a ytt file under none. */
interface Run {
  files: RunFile[];
  /** What to name when the whole run is set aside: the package root or the file. */
  root: string;
  /** The user named these inputs: the run is never set aside as a whole. */
  named: boolean;
}

/**
 * Reads and parses every input. Unreadable paths are usage errors; bad YAML is a diagnostic, or,
 * for a file found under a directory that holds nothing the command reads (options.setAside), a
 * reason to set it aside.
 * The inputs that are ytt inputs (files with top-level `#@` directives, `.star` files, and
 * directories holding any) are evaluated together as one ytt run, as `ytt -f` of them would.
 */
export async function readInputs(paths: readonly string[], options: ReadOptions = {}): Promise<InputsRead> {
  const diagnostics: Diagnostic[] = [];
  const setAside: SetAside[] = [];
  const budget = { bytes: MAX_TOTAL_BYTES };
  const values: ValuesFileArg[] = (options.dataValuesFiles ?? []).map((arg) => ({ arg, files: readValuesFileArg(arg, options, budget) }));
  for (const file of values.flatMap((v) => v.files)) diagnostics.push(...repeatedKeysOfText(file.text, file.path, 'ytt-values'));
  const gathered = gatherInputs(paths, options, budget, diagnostics, setAside);

  const documents: SourceDocument[] = [];
  let yttBudget: YttBudget | undefined;
  const kindless: SourceDocument[] = [];
  /** Adds one file's (or the ytt run's) documents; false once a limit is reached. */
  const accept = (parsed: ParsedText, name: string): boolean => {
    // One by one: a spread of a very long array overflows the stack.
    for (const doc of parsed.documents) documents.push(doc);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    if (parsed.tooManyDocuments || documents.length > MAX_DOCUMENTS) {
      diagnostics.push(limitDiagnostic(`the inputs hold more than carto's limit of ${formatCount(MAX_DOCUMENTS)} documents`, name));
      return false;
    }
    return true;
  };
  for (const part of gathered) {
    if (part.kind === 'ytt') {
      const { evaluatePackage } = await import('./ytt-run.js');
      const { yttInputBudget } = await import('./ytt-files.js');
      yttBudget ??= yttInputBudget();
      const { run } = part;
      diagnostics.push(...plainFileRepeats(run, options.setAside));
      const how = { policy: options.setAside, ...(run.named ? {} : { root: run.root }) };
      const result = await evaluatePackage(run.files, { valuesFileArgs: values, flags: options.dataValues ?? [], budget: yttBudget }, how);
      setAside.push(...result.setAside);
      if (!accept({ documents: result.documents, diagnostics: result.diagnostics }, run.root)) break;
      continue;
    }
    const { file } = part;
    const read = parseText(file.text, file.path, { maxDocuments: MAX_DOCUMENTS - documents.length, ...(options.deferred ? { deferred: options.deferred } : {}) });
    const parsed = { ...read, diagnostics: helmTemplateDiagnostics(read.diagnostics, file.path, file.text) };
    if (!file.named && !parsed.tooManyDocuments && cannotBeRead(parsed.diagnostics) && !mustRead(options.setAside, file.text)) {
      setAside.push({ file: file.path, reason: reasonOf(parsed.diagnostics.find((d) => d.severity === 'error')!) });
      continue;
    }
    if (file.named) {
      const found = parsed.documents.find((d) => d.value['kind'] === undefined && d.value['apiVersion'] === undefined);
      if (found) kindless.push(found);
    }
    if (!accept(parsed, file.path)) break;
  }
  if (yttBudget === undefined && (values.length > 0 || (options.dataValues ?? []).length > 0)) diagnostics.push(UNUSED_DATA_VALUES);
  // beside a ytt package, a named file that holds no object is most likely its data values
  if (yttBudget !== undefined) for (const doc of kindless) diagnostics.push(kindlessNote(doc));
  setAside.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const note = options.setAside && setAsideNote(setAside, options.setAside);
  if (note) diagnostics.push(note);
  return { documents, diagnostics, setAside };
}

/**
 * Repeated keys in a ytt run's YAML files without any `#@`, which ytt reads as plain YAML (keeping
 * the last value; in a file with annotations it refuses the repeat, and so does the built-in
 * engine): a file named itself, or holding what the command reads (as for a file ytt fails on,
 * what else a package holds is none of the command's business).
 */
function plainFileRepeats(run: Run, policy: SetAsidePolicy | undefined): Diagnostic[] {
  return run.files.flatMap((f) => (YAML_FILE.test(f.name) && !f.text.includes('#@') && (f.named || mustRead(policy, f.text)) ? repeatedKeysOfText(f.text, f.path, 'ytt-file') : []));
}

/** A `--data-values-file` argument's files, read as ytt reads them; one that cannot be read is a usage error naming the flag. */
function readValuesFileArg(arg: string, options: ReadOptions, budget: { bytes: number }): ValuesFileArg['files'] {
  try {
    return readYttArgument(dataValuesFilePath(arg), { budget, ...(options.readStdin ? { readStdin: options.readStdin } : {}) });
  } catch (err) {
    if (isUsageError(err)) throw new UsageError(`--data-values-file ${arg}: ${err.message}`);
    throw err;
  }
}

/** Data values given for input files that are ytt templates, when none is: a flag meant for another command is easy to miss. */
const UNUSED_DATA_VALUES: Diagnostic = {
  severity: 'note',
  code: 'data-values-unused',
  message: 'data values were given (--data-values-file, -v, --data-value-yaml, --data-value-file) but no input is a ytt template, so nothing reads them',
  hint: 'they are for input files with top-level #@ directives (a ytt package); spec.ytt templates get the Workload and the inputs instead',
};

/** A file named on its own whose document is no object at all: usually data values given the wrong way. */
function kindlessNote(doc: SourceDocument): Diagnostic {
  return {
    severity: 'note',
    code: 'no-kind',
    message: 'a document with neither apiVersion nor kind: carto reads no object from it',
    file: doc.file,
    line: doc.line,
    hint: 'if it holds data values for the input files that are ytt templates, give it with --data-values-file FILE',
  };
}

/** The codes of a file that cannot be read as YAML (not a limit, which is always an error). */
const UNREADABLE = new Set(['yaml-syntax', 'json-syntax', 'not-an-object', 'invalid-encoding', 'duplicate-key']);

function cannotBeRead(diagnostics: readonly Diagnostic[]): boolean {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return errors.length > 0 && errors.every((d) => UNREADABLE.has(d.code));
}

/** One argument, read: a file (or stdin) and whether it is a ytt input, or a directory looked at. */
type Arg = { kind: 'file'; path: string; name: string; text: string; ytt: boolean } | { kind: 'dir'; scan: DirectoryScan };

/**
 * Reads every argument into parts, in argument order. When an input the user named is a ytt
 * input, the named inputs form one ytt run, as `ytt -f A -f B` (its documents take the place of
 * the first): the named directories, read as ytt reads them, and the named ytt files; named plain
 * files are read as they are. With -R, a directory holding package roots below its top (a
 * repository) is searched instead: each package a run of its own.
 */
function gatherInputs(paths: readonly string[], options: ReadOptions, budget: { bytes: number }, diagnostics: Diagnostic[], setAside: SetAside[]): Part[] {
  const args = readArguments(paths, options, budget, diagnostics, setAside);
  const recursive = options.recursive ?? false;
  const searched = (a: DirectoryScan) => recursive && !a.isRoot && a.roots.length > 0;
  const namedYtt = args.some((a) => (a.kind === 'file' ? a.ytt : !searched(a.scan) && a.scan.holdsYtt));
  const parts: Part[] = [];
  let namedRun: Run | undefined;
  const joinNamed = (files: RunFile[], root: string): void => {
    if (files.length === 0) return;
    if (!namedRun) parts.push({ kind: 'ytt', run: (namedRun = { files: [], root, named: true }) });
    namedRun.files.push(...files);
  };
  const plain = (path: string, text: string, named: boolean): void => void parts.push({ kind: 'plain', file: { path, text, named } });
  for (const a of args) {
    if (a.kind === 'file') {
      if (a.ytt) joinNamed([{ name: a.name, path: a.path, text: a.text, named: true }], a.path);
      else plain(a.path, a.text, true);
    } else if (searched(a.scan)) {
      const found = a.scan.discover();
      for (const run of found.runs) parts.push({ kind: 'ytt', run: { files: run.files.map((f) => ({ ...f, named: false })), root: run.root, named: false } });
      for (const f of found.plain) plain(f.path, f.text, false);
    } else if (namedYtt) {
      joinNamed(a.scan.asPackage().map((f) => ({ ...f, named: false })), a.scan.dir);
    } else {
      for (const f of a.scan.asManifests(recursive)) plain(f.path, f.text, false);
    }
  }
  return parts;
}

/** Reads the files named and looks at the directories named, in argument order, under the byte budget. */
function readArguments(paths: readonly string[], options: ReadOptions, budget: { bytes: number }, diagnostics: Diagnostic[], setAside: SetAside[]): Arg[] {
  const args: Arg[] = [];
  let stdinUsed = false;
  // a file named on its own is read once, as named, not again as part of a directory
  const namedFiles = paths.filter((p) => p !== '-' && !isDirectoryArgument(p));
  const exclude = [...(options.exclude ?? []), ...namedFiles];
  for (const path of paths) {
    if (budget.bytes < 0) break; // the run's byte budget is spent: stop at one message
    if (path !== '-' && isDirectoryArgument(path)) {
      if (options.filesOnly) throw new UsageError(`${options.filesOnly} ${path}: this is a directory; ${options.filesOnly} takes one file`);
      // A chart's values.yaml and templates are not manifests: say what it is, read nothing of it.
      const chart = helmChartDiagnostic(path);
      if (chart) {
        diagnostics.push(chart);
        continue;
      }
      const how = { exclude, skipHolding: options.skipDirectoriesHolding ?? [], setAside: options.setAside };
      args.push({ kind: 'dir', scan: new DirectoryScan(path, how, budget, diagnostics, setAside) });
      continue;
    }
    if (path === '-') {
      if (stdinUsed) throw new UsageError('stdin (-) can be given only once');
      stdinUsed = true;
    }
    const [name, shown] = path === '-' ? ['stdin.yml', '<stdin>'] : [basename(path), path];
    const text = path === '-' && options.readStdin ? options.readStdin() : readText(path === '-' ? 0 : path, shown, budget);
    if (typeof text !== 'string') diagnostics.push(text);
    else args.push({ kind: 'file', path: shown, name, text, ytt: isYttInput(name, text) });
  }
  return args;
}
