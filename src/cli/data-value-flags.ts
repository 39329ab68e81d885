// ytt's data values flags read as ytt 0.45.9 reads them, for `carto ytt` and for the commands
// whose inputs may be ytt templates (render, lint, graph, explain): `-v KEY=VALUE` (a string),
// `--data-value-yaml KEY=YAML`, `--data-value-file KEY=PATH` (the file's text), each `[@lib:]KEY`,
// in the order ytt applies them (by kind, each kind in flag order); and `--data-values-file`
// arguments read as ytt reads a `-f` argument.
import { statSync, type Stats } from 'node:fs';
import { errnoText, readTextFile } from '../load/text.js';
import { YttPathError, dataValuesFilePath, readYttArgument } from '../load/ytt-tree.js';
import type { YttTreeOptions } from '../load/ytt-tree.js';
import { dataValueFlag, dataValuesError } from '../ytt/datavalues/flag-arg.js';
import type { DataValue, DataValuesFileArg } from '../ytt/types.js';

/**
 * The `-v`, `--data-value-yaml` and `--data-value-file` flags of commander's `options`, in ytt's
 * order. Throws YttError with ytt's message (and exit code, 1) for a flag ytt refuses.
 */
export function dataValueFlags(options: Record<string, unknown>): DataValue[] {
  return [
    ...list(options, 'dataValue').map((arg) => dataValueFlag('data-value', arg)),
    ...list(options, 'dataValueYaml').map((arg) => dataValueFlag('data-value-yaml', arg)),
    ...list(options, 'dataValueFile').map(readDataValueFile),
  ];
}

/** The `--data-values-file [@lib:]PATH` arguments, each read as ytt reads a `-f` argument. Throws YttError as ytt. */
export function readDataValuesFileArgs(options: Record<string, unknown>, tree: YttTreeOptions): DataValuesFileArg[] {
  return list(options, 'dataValuesFile').map((arg) => {
    const path = dataValuesFilePath(arg);
    try {
      return { arg, files: readYttArgument(path, tree) };
    } catch (err) {
      if (err instanceof YttPathError) throw dataValuesError(`Extracting data value from file: Find files '${path}': ${err.ytt}`);
      throw err;
    }
  });
}

function list(options: Record<string, unknown>, name: string): string[] {
  return (options[name] as string[] | undefined) ?? [];
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
