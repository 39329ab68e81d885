// Reads the inputs a user names on the command line: files, directories (their *.yaml, *.yml
// and *.json; -R descends) and `-` for stdin. This is one of the few places that touches the
// file system; everything it returns is plain data for the pure stages.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_OWNERS, MAX_TOTAL_BYTES, formatBytes, formatCount } from '../util/limits.js';
import { limitDiagnostic, parseText, type ParsedText, type SourceDocument } from './documents.js';
import { decodeUtf8, errnoText, readBounded } from './text.js';
import { isYttTemplateFile } from './ytt-detect.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface ReadOptions {
  /** Descend into subdirectories of directory arguments. */
  recursive?: boolean;
  /** Reads all of stdin; injected so tests and library users can supply it. */
  readStdin?: () => string;
  /** Data values files for inputs that are ytt templates (`--data-values-file`). */
  dataValuesFiles?: readonly string[];
}

const MANIFEST = /\.(ya?ml|json)$/i;
/** The file that marks a directory as a whole-chain `carto test` suite. */
const TEST_SUITE = 'carto-test.yaml';

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
      files.push(...listDirectory(path, options.recursive ?? false));
    } else {
      files.push(path);
    }
  }
  return files;
}

function listDirectory(dir: string, recursive: boolean): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new UsageError(`cannot read directory ${dir}: ${errnoText(err)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // A `carto test` suite's expectations are outputs, not inputs: -R passes over it (name the
      // directory itself to read it anyway).
      if (recursive && !existsSync(join(path, TEST_SUITE))) out.push(...listDirectory(path, true));
    } else if (MANIFEST.test(entry.name)) {
      // Only regular files (or symlinks to one): not a directory, a device (/dev/zero), a FIFO
      // or a socket that happens to be named *.yaml, which could block or never end.
      if (!entry.isFile()) {
        const problem = entry.isSymbolicLink() ? symlinkProblem(path) : 'not a regular file';
        if (problem) throw new UsageError(`cannot read ${path}: ${problem}`);
      }
      out.push(path);
    }
  }
  return out;
}

/** Reads and parses every input. Unreadable paths are usage errors; bad YAML is a diagnostic. */
export async function readInputs(paths: readonly string[], options: ReadOptions = {}): Promise<ParsedText> {
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const budget = { bytes: MAX_TOTAL_BYTES };
  const values: Array<{ name: string; text: string }> = [];
  for (const path of options.dataValuesFiles ?? []) {
    const read = readText(path, path, budget);
    if (typeof read === 'string') values.push({ name: path, text: read });
    else diagnostics.push(read);
  }
  if (diagnostics.length > 0) return { documents, diagnostics };
  let stdinUsed = false;
  let yttBudget: { left: number } | undefined;
  let owners = 0;
  for (const file of expandPaths(paths, options)) {
    let text: string;
    let name = file;
    if (file === '-') {
      if (stdinUsed) throw new UsageError('stdin (-) can be given only once');
      stdinUsed = true;
      name = '<stdin>';
      if (options.readStdin) {
        text = options.readStdin();
      } else {
        const read = readText(0, name, budget);
        if (typeof read !== 'string') {
          diagnostics.push(read);
          continue;
        }
        text = read;
      }
    } else {
      const read = readText(file, file, budget);
      if (typeof read !== 'string') {
        diagnostics.push(read);
        if (budget.bytes < 0) break; // the run's byte budget is spent: stop at one message
        continue;
      }
      text = read;
    }
    let parsed: ParsedText;
    if (isYttTemplateFile(text)) {
      if (values.length === 0) {
        diagnostics.push({
          severity: 'error',
          code: 'ytt-template-file',
          message: `${name} is a ytt template (it has #@ directives at the top level), so it needs data values before it can be read`,
          file: name,
          line: lineOf(text, /^#@/m),
          hint: 'give its data values with --data-values-file FILE (as for ytt -f FILE --data-values-file FILE), or render it with ytt first',
        });
        continue;
      }
      // The ytt engine is loaded only for inputs that need it.
      const { evaluateYttRun, yttInputBudget } = await import('./ytt-files.js');
      yttBudget ??= yttInputBudget();
      const evaluated = evaluateYttRun([{ name, path: name, text }], { valuesFiles: values, flags: [], budget: yttBudget });
      if (!evaluated.ok) {
        diagnostics.push({
          severity: 'error',
          code: 'ytt-template-file',
          message: `${name}: ytt failed: ${evaluated.message}`,
          file: name,
          ...(evaluated.line !== undefined ? { line: evaluated.line } : {}),
          detail: evaluated.detail,
        });
        continue;
      }
      parsed = { documents: evaluated.documents, diagnostics: evaluated.diagnostics };
    } else {
      parsed = parseText(text, name, { maxDocuments: MAX_DOCUMENTS - documents.length });
    }
    // One by one: a spread of a very long array overflows the stack.
    for (const doc of parsed.documents) documents.push(doc);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    for (const doc of parsed.documents) if (isOwner(doc.value)) owners++;
    if (parsed.tooManyDocuments || documents.length > MAX_DOCUMENTS) {
      diagnostics.push(limitDiagnostic(`the inputs hold more than carto's limit of ${formatCount(MAX_DOCUMENTS)} documents`, name));
      break;
    }
    if (owners > MAX_OWNERS) {
      diagnostics.push(limitDiagnostic(`the inputs hold more than carto's limit of ${formatCount(MAX_OWNERS)} Workloads, Deliverables and Runnables`, name));
      break;
    }
  }
  return { documents, diagnostics };
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

function symlinkProblem(path: string): string | null {
  try {
    return statSync(path).isFile() ? null : 'a symlink to something other than a regular file';
  } catch (err) {
    return `a symlink to nothing readable (${errnoText(err)})`;
  }
}

function lineOf(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index).split('\n').length : 1;
}
