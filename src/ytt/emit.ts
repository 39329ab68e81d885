// Output through carto's go-yaml v2 compatible emitter (src/yaml), configured as ytt
// uses it: ytt dialect, no line folding (ytt's fork sets an unlimited width).
import { emitYaml } from '../yaml/index.js';

/** One YAML document, as ytt's go-yaml Marshal prints it (ends with a newline). */
export function emitYamlDoc(value: unknown): string {
  return emitYaml(value, { dialect: 'ytt' });
}
