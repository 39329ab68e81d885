// `carto ytt`: the built-in ytt engine as a command that prints exactly what the ytt binary
// prints for the same arguments (-f FILE|-, -v/--data-value KEY=VALUE, --data-value-yaml KEY=YAML,
// --data-value-file KEY=PATH, --data-values-file, --data-values-inspect,
// --dangerous-data-values-disable-validation).
import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { errnoText, readTextFile } from '../load/text.js';
import { runYtt, YttError, type DataValue, type YttFile, type YttOptions } from '../ytt/index.js';
import { dataValueFlag, dataValuesError } from '../ytt/datavalues/index.js';
import type { DataValuesFileArg } from '../ytt/types.js';
import { writeErr, writeOut } from './io.js';

export function runYttCommand(options: Record<string, unknown>): number {
  const files: YttFile[] = [];
  for (const path of options['file'] as string[]) {
    if (path === '-') files.push({ name: 'stdin.yml', text: readTextFile(0) });
    else files.push(...readTree(path));
  }
  if (files.length === 0) throw new UsageError('ytt: give at least one file with -f FILE (or -f - for stdin)');
  try {
    // One run per command, with the engine's default budget: carto's budget for one template.
    const { text } = runYtt(files, {
      ...dataValueOptions(options),
      ignoreUnknownComments: options['ignoreUnknownComments'] === true,
      print: (message) => writeErr(`${message}\n`),
    });
    writeOut(text);
    return 0;
  } catch (err) {
    if (err instanceof YttError) {
      writeErr(err.text.endsWith('\n') ? err.text : `${err.text}\n`);
      return 1;
    }
    throw err;
  }
}

/**
 * The data values flags as ytt reads them, in its order: `--data-values-file` arguments, then
 * `-v`, `--data-value-yaml` and `--data-value-file` flags (each kind in flag order). Throws
 * YttError with ytt's message for a malformed flag or a file it cannot read.
 */
function dataValueOptions(options: Record<string, unknown>): YttOptions {
  const list = (name: string): string[] => (options[name] as string[] | undefined) ?? [];
  const dataValuesFileArgs = list('dataValuesFile').map(readValuesFileArg);
  const dataValues: DataValue[] = [
    ...list('dataValue').map((arg) => dataValueFlag('data-value', arg)),
    ...list('dataValueYaml').map((arg) => dataValueFlag('data-value-yaml', arg)),
    ...list('dataValueFile').map(readDataValueFile),
  ];
  return {
    dataValues,
    dataValuesFileArgs,
    skipDataValuesValidation: options['dangerousDataValuesDisableValidation'] === true,
    dataValuesInspect: options['dataValuesInspect'] === true,
  };
}

/** `--data-values-file [@lib:]PATH`: the file (`-`: stdin), or every file under the directory (named relative to it), in name order. */
function readValuesFileArg(arg: string): DataValuesFileArg {
  const path = arg.startsWith('@') && arg.includes(':') ? arg.slice(arg.indexOf(':') + 1) : arg;
  if (path === '-') return { arg, files: [{ name: 'stdin.yml', text: readTextFile(0) }] };
  const stat = statOrYttError(path, `Find files '${path}'`);
  if (!stat.isDirectory()) return { arg, files: [{ name: basename(path), text: readTextFile(path) }] };
  const files = readTree(path).map((f) => ({ name: relative(path, f.name), text: f.text }));
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { arg, files };
}

/** `--data-value-file [@lib:]KEY=PATH`: the file's (`-`: stdin's) contents, as a string value. */
function readDataValueFile(arg: string): DataValue {
  const eq = arg.indexOf('=');
  if (eq < 0) throw dataValuesError('Extracting data value from file: Expected format key=/file/path');
  const path = arg.slice(eq + 1);
  if (path === '-') return { key: arg.slice(0, eq), file: path, text: readTextFile(0) };
  if (statOrYttError(path, `Finding file '${path}'`).isDirectory()) {
    throw dataValuesError(`Extracting data value from file: Expected '${path}' to be a file, but is a directory`);
  }
  return { key: arg.slice(0, eq), file: path, text: readTextFile(path) };
}

/** The file's stat, or ytt's error for a path it cannot find (`what` says which flag looked). */
function statOrYttError(path: string, what: string): Stats {
  try {
    return statSync(path);
  } catch (err) {
    throw dataValuesError(`Extracting data value from file: ${what}: Checking file '${path}': lstat ${path}: ${errnoText(err)}`);
  }
}

/** A file, or every file under a directory (as ytt reads `-f DIR`), in name order. */
function readTree(path: string): YttFile[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`cannot read ${path}: no such file or directory`);
  }
  if (!stat.isDirectory()) return [{ name: path, text: readTextFile(path) }];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => readTree(join(path, entry)));
}
