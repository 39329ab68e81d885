// `carto ytt`: the built-in ytt engine as a command that prints exactly what the ytt binary
// prints for the same arguments (-f FILE|DIR|NAME=PATH|-, -v/--data-value KEY=VALUE,
// --data-value-yaml KEY=YAML, --data-value-file KEY=PATH, --data-values-file, --data-values-inspect,
// --dangerous-data-values-disable-validation, --ignore-unknown-comments, the symlink flags).
import { UsageError } from '../diagnostics/diagnostic.js';
import { YttPathError, readYttArgument, yttTreeBudget } from '../load/ytt-tree.js';
import type { YttTreeOptions } from '../load/ytt-tree.js';
import { runYtt, YttError, type YttFile, type YttOptions } from '../ytt/index.js';
import { errorText } from '../ytt/errors.js';
import { dataValueFlags, readDataValuesFileArgs } from './data-value-flags.js';
import { writeErr, writeOut } from './io.js';

/** What ytt prints on stderr when text templates produced output it does not print. */
const NON_YAML_WARNING =
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

/** The data values flags as ytt reads them, in its order (files first). Throws YttError as ytt. */
function dataValueOptions(options: Record<string, unknown>, tree: YttTreeOptions): YttOptions {
  const dataValuesFileArgs = readDataValuesFileArgs(options, tree);
  return {
    dataValues: dataValueFlags(options),
    dataValuesFileArgs,
    skipDataValuesValidation: options['dangerousDataValuesDisableValidation'] === true,
    dataValuesInspect: options['dataValuesInspect'] === true,
  };
}
