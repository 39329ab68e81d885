// One data value flag of ytt's command line read as ytt reads it, and ytt's error for a flag it
// refuses. Kept free of the engine: the commands read their flags before they know whether any
// input needs it.
import { errorText } from '../error-layout.js';
import { YttError } from '../types.js';
import type { DataValue } from '../types.js';

/** A `-v`/`--data-value-yaml` command-line argument `[@lib:]KEY=VALUE`. Throws YttError as ytt. */
export function dataValueFlag(kind: 'data-value' | 'data-value-yaml', arg: string): DataValue {
  const eq = arg.indexOf('=');
  if (eq < 0) throw dataValuesError('Extracting data value from KV: Expected format key=value');
  const key = arg.slice(0, eq);
  return kind === 'data-value' ? { key, value: arg.slice(eq + 1) } : { key, yaml: arg.slice(eq + 1) };
}

/** A data values failure reported in ytt's words and layout (`message` is its Go text). */
export function dataValuesError(message: string): YttError {
  return new YttError(message, [], errorText(message), message);
}
