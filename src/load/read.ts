// Reads the inputs a user names on the command line: files, directories (their *.yaml, *.yml
// and *.json; -R descends) and `-` for stdin. This is one of the few places that touches the
// file system; everything it returns is plain data for the pure stages.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { parseText, type ParsedText, type SourceDocument } from './documents.js';
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
      throw new UsageError(`cannot read ${path}: ${reason(err)}`);
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
    throw new UsageError(`cannot read directory ${dir}: ${reason(err)}`);
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
      out.push(path);
    }
  }
  return out;
}

/** Reads and parses every input. Unreadable paths are usage errors; bad YAML is a diagnostic. */
export async function readInputs(paths: readonly string[], options: ReadOptions = {}): Promise<ParsedText> {
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const values = (options.dataValuesFiles ?? []).map((path) => ({ name: path, text: readText(path) }));
  let stdinUsed = false;
  for (const file of expandPaths(paths, options)) {
    let text: string;
    let name = file;
    if (file === '-') {
      if (stdinUsed) throw new UsageError('stdin (-) can be given only once');
      stdinUsed = true;
      name = '<stdin>';
      text = (options.readStdin ?? (() => readFileSync(0, 'utf8')))();
    } else {
      text = readText(file);
    }
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
      const { evaluateYttFile } = await import('./ytt-files.js');
      const evaluated = evaluateYttFile({ name, text }, values);
      if (!evaluated.ok) {
        diagnostics.push({
          severity: 'error',
          code: 'ytt-template-file',
          message: `${name}: ytt failed: ${evaluated.message.split('\n').find((l) => l.startsWith('- '))?.slice(2) ?? 'see below'}`,
          file: name,
          ...(evaluated.line !== undefined ? { line: evaluated.line } : {}),
          detail: evaluated.message,
        });
        continue;
      }
      // Lines now count in ytt's output, not in the template file.
      text = evaluated.text;
    }
    const parsed = parseText(text, name);
    documents.push(...parsed.documents);
    diagnostics.push(...parsed.diagnostics);
  }
  return { documents, diagnostics };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${reason(err)}`);
  }
}

function lineOf(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index).split('\n').length : 1;
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return err instanceof Error ? err.message : String(err);
}
