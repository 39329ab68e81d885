// How every command that reads manifests turns its input flags into readInputs' options: -R and
// the data values of input files that are ytt templates (--data-values-file, -v/--data-value,
// --data-value-yaml, --data-value-file, read as `carto ytt` and ytt read them), so render, lint,
// graph and explain read alike.
import { InputError } from '../diagnostics/diagnostic.js';
import type { ReadOptions } from '../load/index.js';
import { YttError } from '../ytt/types.js';
import { dataValueFlags } from './data-value-flags.js';

export function inputOptions(options: Record<string, unknown>): ReadOptions {
  return {
    recursive: options['recursive'] === true,
    dataValuesFiles: (options['dataValuesFile'] as string[] | undefined) ?? [],
    dataValues: inputDataValues(options),
  };
}

/** The data value flags in ytt's order; one ytt refuses is an input error (ytt exits 1), in ytt's words. */
function inputDataValues(options: Record<string, unknown>): ReadOptions['dataValues'] {
  try {
    return dataValueFlags(options);
  } catch (err) {
    if (!(err instanceof YttError)) throw err;
    throw new InputError(`a data value flag cannot be read as ytt reads it: ${err.raw} (give -v KEY=VALUE, --data-value-yaml KEY=YAML or --data-value-file KEY=PATH)`);
  }
}
