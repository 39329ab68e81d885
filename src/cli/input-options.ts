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
    // (not a flag: carto diff --base leaves the asked paths out of the rest of the repository)
    ...(options['exclude'] ? { exclude: options['exclude'] as string[] } : {}),
    dataValuesFiles: (options['dataValuesFile'] as string[] | undefined) ?? [],
    dataValues: inputDataValues(options),
  };
}

const FLAGS = [
  ['dataValue', '-v', 'KEY=VALUE'],
  ['dataValueYaml', '--data-value-yaml', 'KEY=YAML'],
  ['dataValueFile', '--data-value-file', 'KEY=PATH'],
] as const;

/** The data value flags in ytt's order; one ytt refuses is an input error (ytt exits 1), naming the flag, in ytt's words. */
function inputDataValues(options: Record<string, unknown>): ReadOptions['dataValues'] {
  try {
    return dataValueFlags(options);
  } catch (err) {
    if (!(err instanceof YttError)) throw err;
    // which flag: read each on its own (only on this error path)
    for (const [key, name, form] of FLAGS) {
      for (const arg of (options[key] as string[] | undefined) ?? []) {
        try {
          dataValueFlags({ [key]: [arg] });
        } catch (one) {
          if (one instanceof YttError) throw new InputError(`${name} ${arg}: the data value cannot be read as ytt reads it: ${one.raw} (give ${name} ${form})`);
          throw one;
        }
      }
    }
    throw new InputError(`a data value flag cannot be read as ytt reads it: ${err.raw}`);
  }
}
