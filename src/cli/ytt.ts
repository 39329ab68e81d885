// `carto ytt`: the built-in ytt engine as a command that prints exactly what the ytt binary
// prints for the same arguments (-f FILE|DIR|NAME=PATH|-, -v/--data-value KEY=VALUE,
// --data-value-yaml KEY=YAML, --data-value-file KEY=PATH, --data-values-file, --data-values-inspect,
// --dangerous-data-values-disable-validation, --ignore-unknown-comments, the symlink flags).
import { statSync, type Stats } from 'node:fs';
import { UsageError } from '../diagnostics/diagnostic.js';
import { errnoText, readTextFile } from '../load/text.js';
import { YttPathError, readYttArgument, yttTreeBudget } from '../load/ytt-tree.js';
import type { YttTreeOptions } from '../load/ytt-tree.js';
import { runYtt, YttError, type DataValue, type YttFile, type YttOptions } from '../ytt/index.js';
import { dataValueFlag, dataValuesError } from '../ytt/datavalues/index.js';
import type { DataValuesFileArg } from '../ytt/types.js';
import { errorText } from '../ytt/errors.js';
import { writeErr, writeOut } from './io.js';

/** What ytt prints on stderr when text templates produced output it does not print. */
export const NON_YAML_WARNING =
  '\nWarning: Found Non-YAML templates in input. Non-YAML templates are not rendered to standard output.\n' +
  'If you want to include those results, use the --output-files or --dangerous-emptied-output-directory flag.\n';

export function runYttCommand(options: Record<string, unknown>): number {
  const allowed = options['allowSymlinkDestination'] as string[];
  const tree: YttTreeOptions = {
    budget: yttTreeBudget(),
    allowSymlinks: options['dangerousAllowAllSymlinkDestinations'] === true ? true : allowed.length > 0 ? allowed : false,
  };
  let files: YttFile[];
  try {
    if ((options['file'] as string[]).filter((f) => f === '-' || f.endsWith('=-')).length > 1) throw new UsageError('stdin (-) can be given only once');
    files = (options['file'] as string[]).flatMap((arg) => readYttArgument(arg, tree));
  } catch (err) {
    // ytt's own words for a path it cannot read, as ytt exits: 1
    if (err instanceof YttPathError) {
      writeErr(errorText(err.ytt));
      return 1;
    }
    throw err;
  }
  if (files.length === 0) throw new UsageError('ytt: give at least one file with -f FILE (or -f - for stdin)');
  try {
    // One run per command, with the engine's default budget: carto's budget for one template.
    const { text, textOutputs } = runYtt(files, {
      ...dataValueOptions(options, tree),
      ignoreUnknownComments: options['ignoreUnknownComments'] === true,
      print: (message) => writeErr(`${message}\n`),
    });
    writeOut(text);
    if (textOutputs && textOutputs.length > 0) writeErr(NON_YAML_WARNING);
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
function dataValueOptions(options: Record<string, unknown>, tree: YttTreeOptions): YttOptions {
  const list = (name: string): string[] => (options[name] as string[] | undefined) ?? [];
  const dataValuesFileArgs = list('dataValuesFile').map((arg) => readValuesFileArg(arg, tree));
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

/** `--data-values-file [@lib:]PATH`: read as ytt reads a `-f` argument (a file, `-`, a directory, NAME=PATH). */
function readValuesFileArg(arg: string, tree: YttTreeOptions): DataValuesFileArg {
  const path = arg.startsWith('@') && arg.includes(':') ? arg.slice(arg.indexOf(':') + 1) : arg;
  try {
    return { arg, files: readYttArgument(path, tree) };
  } catch (err) {
    if (err instanceof YttPathError) throw dataValuesError(`Extracting data value from file: Find files '${path}': ${err.ytt}`);
    throw err;
  }
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
