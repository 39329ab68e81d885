// How every command that reads manifests turns its input flags into readInputs' options: -R and
// the data values of input files that are ytt templates (--data-values-file, -v/--data-value,
// --data-value-yaml, with ytt's meanings), so render, lint, graph and explain read alike.
import { UsageError } from '../diagnostics/diagnostic.js';
import type { ReadOptions } from '../load/index.js';
import type { DataValue } from '../ytt/types.js';

export function inputOptions(options: Record<string, unknown>): ReadOptions {
  return {
    recursive: options['recursive'] === true,
    dataValuesFiles: (options['dataValuesFile'] as string[] | undefined) ?? [],
    dataValues: dataValueFlags(options),
  };
}

/** `-v KEY=VALUE` (a string) and `--data-value-yaml KEY=YAML` flags, in the order ytt applies them. */
export function dataValueFlags(options: Record<string, unknown>): DataValue[] {
  return [
    ...((options['dataValue'] as string[] | undefined) ?? []).map((flag) => {
      const [key, value] = keyValue(flag, '--data-value', 'VALUE');
      return { key, value };
    }),
    ...((options['dataValueYaml'] as string[] | undefined) ?? []).map((flag) => {
      const [key, yaml] = keyValue(flag, '--data-value-yaml', 'YAML');
      return { key, yaml };
    }),
  ];
}

function keyValue(flag: string, name: string, what: string): [string, string] {
  const eq = flag.indexOf('=');
  if (eq <= 0) throw new UsageError(`${name} ${flag}: expected KEY=${what}`);
  return [flag.slice(0, eq), flag.slice(eq + 1)];
}
