// Reads the inputs a user names on the command line: files, directories (their *.yaml, *.yml
// and *.json; -R descends; a ytt package wholly, as ytt reads it) and `-` for stdin. This is one of the few places that touches the
// file system; everything it returns is plain data for the pure stages.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_OWNERS, MAX_TOTAL_BYTES, formatBytes, formatCount } from '../util/limits.js';
import { limitDiagnostic, parseText, type ParsedText, type SourceDocument } from './documents.js';
import { decodeUtf8, errnoText, readBounded } from './text.js';
import { isYttInput, isYttPackage, listTree, type TreeFile } from './ytt-package.js';
import { mentionsCartographer, reasonOf, setAsideNote, type SetAside } from './set-aside.js';
import type { RunFile } from './ytt-run.js';
import type { DataValue } from '../ytt/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface ReadOptions {
  /** Descend into subdirectories of directory arguments. */
  recursive?: boolean;
  /** Reads all of stdin; injected so tests and library users can supply it. */
  readStdin?: () => string;
  /** Data values files for inputs that are ytt templates (`--data-values-file`). */
  dataValuesFiles?: readonly string[];
  /** `-v`/`--data-value` and `--data-value-yaml` flags for the ytt run, in the order ytt applies them. */
  dataValues?: readonly DataValue[];
}

const MANIFEST = /\.(ya?ml|json)$/i;
const JSON_FILE = /\.json$/i;

/** The files a list of path arguments stands for, in a stable order. Throws UsageError. */
export function expandPaths(paths: readonly string[], options: ReadOptions = {}): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push('-');
      continue;
    }
    let stat;
    try {
      stat = statSync(path);
    } catch (err) {
      throw new UsageError(`cannot read ${path}: ${errnoText(err)}`);
    }
    if (stat.isDirectory()) {
      files.push(...listManifests(path, options.recursive ?? false).map((f) => f.path));
    } else {
      files.push(path);
    }
  }
  return files;
}

/** The manifests of a directory: its *.yaml, *.yml and *.json, and its subdirectories' with -R. */
function listManifests(dir: string, recursive: boolean): TreeFile[] {
  return manifestsOf(listTree(dir), recursive);
}

function manifestsOf(tree: readonly TreeFile[], recursive: boolean): TreeFile[] {
  return tree.filter((f) => MANIFEST.test(f.name) && (recursive || !f.name.includes('/')));
}

/** What readInputs gives: the documents, the problems, and the files set aside. */
export interface InputsRead extends ParsedText {
  /** Files found under a directory that are not Cartographer inputs and could not be read (one note in diagnostics names them). */
  setAside: SetAside[];
}

/** One input file, read: `named` when the user named it itself rather than a directory holding it. */
interface InputFile {
  path: string;
  text: string;
  named: boolean;
}

/** The inputs in argument order: plain files, and the place where the one ytt run's documents go. */
type Part = { kind: 'plain'; file: InputFile } | { kind: 'ytt' };

/**
 * Reads and parses every input. Unreadable paths are usage errors; bad YAML is a diagnostic, or,
 * for a file found under a directory that holds no carto.run object, a reason to set it aside.
 * The inputs that are ytt inputs (files with top-level `#@` directives, `.star` files, and
 * directories holding any) are evaluated together as one ytt run, as `ytt -f` of them would.
 */
export async function readInputs(paths: readonly string[], options: ReadOptions = {}): Promise<InputsRead> {
  const diagnostics: Diagnostic[] = [];
  const setAside: SetAside[] = [];
  const budget = { bytes: MAX_TOTAL_BYTES };
  const values: Array<{ name: string; text: string }> = [];
  for (const path of options.dataValuesFiles ?? []) {
    const read = readText(path, path, budget);
    if (typeof read === 'string') values.push({ name: path, text: read });
    else diagnostics.push(read);
  }
  if (diagnostics.length > 0) return { documents: [], diagnostics, setAside };
  const gathered = gatherInputs(paths, options, budget, diagnostics, setAside);

  const documents: SourceDocument[] = [];
  let owners = 0;
  /** Adds one file's (or the ytt run's) documents; false once a limit is reached. */
  const accept = (parsed: ParsedText, name: string): boolean => {
    // One by one: a spread of a very long array overflows the stack.
    for (const doc of parsed.documents) documents.push(doc);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    for (const doc of parsed.documents) if (isOwner(doc.value)) owners++;
    if (parsed.tooManyDocuments || documents.length > MAX_DOCUMENTS) {
      diagnostics.push(limitDiagnostic(`the inputs hold more than carto's limit of ${formatCount(MAX_DOCUMENTS)} documents`, name));
      return false;
    }
    if (owners > MAX_OWNERS) {
      diagnostics.push(limitDiagnostic(`the inputs hold more than carto's limit of ${formatCount(MAX_OWNERS)} Workloads, Deliverables and Runnables`, name));
      return false;
    }
    return true;
  };
  for (const part of gathered.parts) {
    if (part.kind === 'ytt') {
      const { evaluatePackage } = await import('./ytt-run.js');
      const { yttInputBudget } = await import('./ytt-files.js');
      const run = await evaluatePackage(gathered.ytt, { valuesFiles: values, flags: options.dataValues ?? [], budget: yttInputBudget() });
      setAside.push(...run.setAside);
      if (!accept({ documents: run.documents, diagnostics: run.diagnostics }, gathered.ytt[0]?.path ?? '')) break;
      continue;
    }
    const { file } = part;
    const parsed = parseText(file.text, file.path, { maxDocuments: MAX_DOCUMENTS - documents.length });
    if (!file.named && !parsed.tooManyDocuments && cannotBeRead(parsed.diagnostics) && !mentionsCartographer(file.text)) {
      setAside.push({ file: file.path, reason: reasonOf(parsed.diagnostics.find((d) => d.severity === 'error')!) });
      continue;
    }
    if (!accept(parsed, file.path)) break;
  }
  setAside.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const note = setAsideNote(setAside);
  if (note) diagnostics.push(note);
  return { documents, diagnostics, setAside };
}

/** The codes of a file that cannot be read as YAML (not a limit, which is always an error). */
const UNREADABLE = new Set(['yaml-syntax', 'not-an-object', 'invalid-encoding']);

function cannotBeRead(diagnostics: readonly Diagnostic[]): boolean {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return errors.length > 0 && errors.every((d) => UNREADABLE.has(d.code));
}

/**
 * Reads every argument: plain files and directories into parts, ytt inputs into the one run
 * (in argument order, as `ytt -f A -f B` lists them), whose documents take the place of the first.
 */
function gatherInputs(paths: readonly string[], options: ReadOptions, budget: { bytes: number }, diagnostics: Diagnostic[], setAside: SetAside[]): { parts: Part[]; ytt: RunFile[] } {
  const parts: Part[] = [];
  const ytt: RunFile[] = [];
  const joinRun = (files: RunFile[]): void => {
    if (ytt.length === 0) parts.push({ kind: 'ytt' });
    ytt.push(...files);
  };
  let stdinUsed = false;
  for (const path of paths) {
    if (budget.bytes < 0) break; // the run's byte budget is spent: stop at one message
    if (path === '-') {
      if (stdinUsed) throw new UsageError('stdin (-) can be given only once');
      stdinUsed = true;
      const text = options.readStdin ? options.readStdin() : readText(0, '<stdin>', budget);
      if (typeof text !== 'string') diagnostics.push(text);
      else if (isYttInput('stdin.yml', text)) joinRun([{ name: 'stdin.yml', path: '<stdin>', text, named: true }]);
      else parts.push({ kind: 'plain', file: { path: '<stdin>', text, named: true } });
      continue;
    }
    let stat;
    try {
      stat = statSync(path);
    } catch (err) {
      throw new UsageError(`cannot read ${path}: ${errnoText(err)}`);
    }
    if (!stat.isDirectory()) {
      const text = readText(path, path, budget);
      if (typeof text !== 'string') diagnostics.push(text);
      else if (isYttInput(path, text)) joinRun([{ name: basename(path), path, text, named: true }]);
      else parts.push({ kind: 'plain', file: { path, text, named: true } });
      continue;
    }
    const tree = readDirectory(path, options.recursive ?? false, budget, diagnostics, setAside);
    // ytt takes a package's .json files for data files and never prints them; carto reads them as
    // manifests, as in any directory (JSON holds no ytt annotations, so nothing is lost)
    const plain = tree.ytt ? tree.files.filter((f) => JSON_FILE.test(f.name)) : tree.files;
    if (tree.ytt) joinRun(tree.files.filter((f) => !JSON_FILE.test(f.name)).map((f) => ({ ...f, named: false })));
    for (const f of plain) parts.push({ kind: 'plain', file: { path: f.path, text: f.text, named: false } });
  }
  return { parts, ytt };
}

/**
 * A directory argument: a ytt package (a ytt file anywhere below it) gives every file under it,
 * named as ytt names them; any other directory its manifests (its subdirectories' with -R).
 */
function readDirectory(dir: string, recursive: boolean, budget: { bytes: number }, diagnostics: Diagnostic[], setAside: SetAside[]): { ytt: boolean; files: Array<{ name: string; path: string; text: string }> } {
  const tree = listTree(dir);
  const texts = new Map<string, string | Diagnostic>();
  const textOf = (f: TreeFile): string | Diagnostic => {
    let t = texts.get(f.path);
    if (t === undefined) texts.set(f.path, (t = readText(f.path, f.path, { bytes: MAX_TOTAL_BYTES })));
    return t;
  };
  const isPackage = isYttPackage(tree, (f) => {
    const t = textOf(f);
    return typeof t === 'string' ? t : undefined;
  });
  const chosen = isPackage ? tree : manifestsOf(tree, recursive);
  const files: Array<{ name: string; path: string; text: string }> = [];
  for (const f of chosen) {
    const t = textOf(f);
    if (typeof t !== 'string') {
      // a data file ytt never reads (an image, an archive) is no business of carto's
      if (isPackage && !MANIFEST.test(f.name)) continue;
      if (t.code === 'input-limit' || readBounded(f.path, MAX_FILE_BYTES).includes('carto.run')) diagnostics.push(t);
      else setAside.push({ file: f.path, reason: reasonOf(t) });
      continue;
    }
    budget.bytes -= Buffer.byteLength(t);
    if (budget.bytes < 0) {
      diagnostics.push(limitDiagnostic(`the inputs are larger than carto's limit of ${formatBytes(MAX_TOTAL_BYTES)} together`, f.path));
      break;
    }
    files.push({ name: f.name, path: f.path, text: t });
  }
  return { ytt: isPackage, files };
}

const OWNER_KINDS = new Set(['Workload', 'Deliverable', 'Runnable']);

function isOwner(value: Record<string, unknown>): boolean {
  return typeof value['kind'] === 'string' && OWNER_KINDS.has(value['kind']) && typeof value['apiVersion'] === 'string' && value['apiVersion'].startsWith('carto.run/');
}

/**
 * A file's text (or stdin's, for fd 0): at most MAX_FILE_BYTES, within what is left of the run's
 * byte budget, and valid UTF-8. Unreadable is a usage error (thrown); too large or not UTF-8 is a
 * diagnostic (returned).
 */
function readText(path: string | 0, name: string, budget: { bytes: number }): string | Diagnostic {
  let bytes: Buffer;
  try {
    bytes = readBounded(path, Math.max(0, Math.min(MAX_FILE_BYTES, budget.bytes)) + 1);
  } catch (err) {
    throw new UsageError(`cannot read ${name}: ${errnoText(err)}`);
  }
  if (bytes.length > MAX_FILE_BYTES) return limitDiagnostic(`${name} is larger than carto's limit of ${formatBytes(MAX_FILE_BYTES)} for one file`, name);
  if (bytes.length > budget.bytes) {
    budget.bytes = -1;
    return limitDiagnostic(`the inputs are larger than carto's limit of ${formatBytes(MAX_TOTAL_BYTES)} together`, name);
  }
  budget.bytes -= bytes.length;
  const decoded = decodeUtf8(bytes);
  if (typeof decoded === 'string') return decoded;
  return {
    severity: 'error',
    code: 'invalid-encoding',
    message: `the file is not UTF-8 text: ${decoded.message}`,
    file: name,
    ...(decoded.line !== undefined ? { line: decoded.line, column: decoded.column } : {}),
    hint: decoded.hint,
  };
}

