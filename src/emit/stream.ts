// Formats stamped objects for stdout: a YAML stream (each document after `---` and a
// `# Source:` comment) or one JSON `List`, as `kubectl get -o json` prints lists.
import { emitYaml } from '../yaml/index.js';
import type { StampedObject } from '../render/index.js';
import { sourceOf } from './source-comment.js';

export function formatYamlStream(objects: readonly StampedObject[]): string {
  let out = '';
  for (const stamped of objects) {
    // No folding: long strings stay on one line, which diffs and greps better.
    out += `---\n# Source: ${sourceOf(stamped)}\n${emitYaml(stamped.object, { lineWidth: 0 })}`;
  }
  return out;
}

export function formatJsonList(objects: readonly StampedObject[]): string {
  return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects.map((s) => s.object) }, null, 4)}\n`;
}
