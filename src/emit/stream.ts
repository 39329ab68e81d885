// Formats stamped objects for stdout: a YAML stream (each document after `---` and a
// `# Source:` comment) or one JSON `List`, as `kubectl get -o json` prints lists. Each format is
// also a StreamFormat, which formats the objects a few at a time (one owner's, as the CLI writes
// them out) into exactly the bytes the whole would be. Output longer than MAX_OUTPUT (in all) or
// MAX_OWNER_OUTPUT (one owner's, one object's) is an InputError (a template can repeat a large
// value many times over).
import { emitYaml, type EmitOptions } from '../yaml/index.js';
import type { StampedObject } from '../render/index.js';
import { InputError } from '../diagnostics/diagnostic.js';
import { MAX_OUTPUT, MAX_OWNER_OUTPUT, formatBytes } from '../util/limits.js';
import { sourceOf } from './source-comment.js';

// kubectl reads the output: quote what sigs.k8s.io/yaml would misread, and never fold lines
// (long strings stay on one line, which diffs and greps better). One object may be as long as
// one owner's output may be; the total is checked after each object.
const OPTIONS: EmitOptions = { lineWidth: 0, dialect: 'kubernetes', maxLength: MAX_OWNER_OUTPUT };

/** An output format written in pieces: `open`, the objects in batches, then `close`. */
export interface StreamFormat {
  open: string;
  /** Some objects' text; `first` when no object was formatted before them. */
  objects(objects: readonly StampedObject[], first: boolean): string;
  /** `empty` when no object was formatted at all. */
  close(empty: boolean): string;
}

export const YAML_STREAM: StreamFormat = {
  open: '',
  objects: (objects) => joinLimited(objects.map(yamlDocument)),
  close: () => '',
};

// JSON.stringify(list, null, 4), piece by piece: each item is indented two levels (8 spaces);
// strings hold no raw newline (JSON escapes it), so indenting after each newline is exact.
const ITEM_INDENT = '\n        ';
export const JSON_LIST: StreamFormat = {
  open: '{\n    "apiVersion": "v1",\n    "kind": "List",\n    "items": [',
  objects: (objects, first) => joinLimited(objects.map((s, i) => `${first && i === 0 ? '' : ','}${ITEM_INDENT}${jsonItem(s.object).replaceAll('\n', ITEM_INDENT)}`)),
  close: (empty) => (empty ? ']\n}\n' : '\n    ]\n}\n'),
};

export function formatYamlStream(objects: readonly StampedObject[]): string {
  return formatWhole(YAML_STREAM, objects);
}

export function formatJsonList(objects: readonly StampedObject[]): string {
  return formatWhole(JSON_LIST, objects);
}

/** One format's whole text, as one string (the library's formatters). */
function formatWhole(format: StreamFormat, objects: readonly StampedObject[]): string {
  const parts: string[] = [format.open];
  let length = format.open.length;
  // One by one, so that the total is checked as it grows, not only at the end.
  for (let i = 0; i < objects.length; i++) {
    const text = format.objects([objects[i] as StampedObject], i === 0);
    length += text.length;
    if (length > MAX_OUTPUT) throw outputTooLarge();
    parts.push(text);
  }
  parts.push(format.close(objects.length === 0));
  try {
    return parts.join('');
  } catch (err) {
    // JavaScript's own limit on a string's length (about 512 Mi characters) came first.
    if (err instanceof RangeError) throw outputTooLarge();
    throw err;
  }
}

/** One object as a document of the YAML stream: `---`, its `# Source:` comment, its YAML. */
function yamlDocument(stamped: StampedObject): string {
  return `---\n# Source: ${sourceOf(stamped)}\n${emitLimited(stamped.object)}`;
}

/** One object's YAML (at most MAX_OWNER_OUTPUT characters). */
export function formatObject(stamped: StampedObject): string {
  return emitLimited(stamped.object);
}

function jsonItem(value: unknown): string {
  try {
    return JSON.stringify(value, null, 4);
  } catch (err) {
    if (err instanceof RangeError) throw outputTooLarge();
    throw err;
  }
}

/** Pieces of one owner's output joined, within MAX_OWNER_OUTPUT. */
function joinLimited(parts: readonly string[]): string {
  let length = 0;
  for (const p of parts) length += p.length;
  if (length > MAX_OWNER_OUTPUT) throw outputTooLarge();
  return parts.join('');
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
    `the output would be larger than carto's limit of ${formatBytes(MAX_OUTPUT)} (${formatBytes(MAX_OWNER_OUTPUT)} for one owner): a template repeats a large value many times over, or the inputs stamp very many objects`,
  );
}
