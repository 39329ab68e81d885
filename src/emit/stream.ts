// Formats stamped objects for stdout: a YAML stream (each document after `---` and a
// `# Source:` comment) or one JSON `List`, as `kubectl get -o json` prints lists. Output longer
// than MAX_OUTPUT is a InputError (a template can repeat a large value many times over).
import { emitYaml, type EmitOptions } from '../yaml/index.js';
import type { StampedObject } from '../render/index.js';
import { InputError } from '../diagnostics/diagnostic.js';
import { MAX_OUTPUT, formatBytes } from '../util/limits.js';
import { sourceOf } from './source-comment.js';

// kubectl reads the output: quote what sigs.k8s.io/yaml would misread, and never fold lines
// (long strings stay on one line, which diffs and greps better). One object may be as long as
// the whole output may be; the total is checked after each object.
const OPTIONS: EmitOptions = { lineWidth: 0, dialect: 'kubernetes', maxLength: MAX_OUTPUT };

export function formatYamlStream(objects: readonly StampedObject[]): string {
  const parts: string[] = new Array(objects.length);
  let length = 0;
  for (let i = 0; i < objects.length; i++) {
    const stamped = objects[i] as StampedObject;
    parts[i] = `---\n# Source: ${sourceOf(stamped)}\n${emitLimited(stamped.object)}`;
    length += (parts[i] as string).length;
    if (length > MAX_OUTPUT) throw outputTooLarge();
  }
  return parts.join('');
}

/** One object's YAML (at most MAX_OUTPUT characters). */
export function formatObject(stamped: StampedObject): string {
  return emitLimited(stamped.object);
}

export function formatJsonList(objects: readonly StampedObject[]): string {
  let text: string;
  try {
    text = `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects.map((s) => s.object) }, null, 4)}\n`;
  } catch (err) {
    // JavaScript's own limit on a string's length (about 512 MiB) came first.
    if (err instanceof RangeError) throw outputTooLarge();
    throw err;
  }
  if (text.length > MAX_OUTPUT) throw outputTooLarge();
  return text;
}

function emitLimited(value: unknown): string {
  try {
    return emitYaml(value, OPTIONS);
  } catch (err) {
    if (err instanceof Error && err.name === 'EmitLengthError') throw outputTooLarge();
    throw err;
  }
}

export function outputTooLarge(): InputError {
  return new InputError(
    `the output would be larger than carto's limit of ${formatBytes(MAX_OUTPUT)}: a template repeats a large value many times over, or the inputs stamp very many objects`,
  );
}
