// Formats stamped objects for stdout: a YAML stream (each document after `---` and a
// `# Source:` comment) or one JSON `List`, as `kubectl get -o json` prints lists.
import { emitYaml } from '../yaml/index.js';
import type { StampedObject } from '../render/index.js';
import { sourceOf } from './source-comment.js';

// kubectl reads the output: quote what sigs.k8s.io/yaml would misread, and never fold lines
// (long strings stay on one line, which diffs and greps better).
const OPTIONS = { lineWidth: 0, dialect: 'kubernetes' } as const;

export function formatYamlStream(objects: readonly StampedObject[]): string {
  const parts: string[] = new Array(objects.length);
  for (let i = 0; i < objects.length; i++) {
    const stamped = objects[i] as StampedObject;
    parts[i] = `---\n# Source: ${sourceOf(stamped)}\n${emitYaml(stamped.object, OPTIONS)}`;
  }
  return parts.join('');
}

export function formatObject(stamped: StampedObject): string {
  return emitYaml(stamped.object, OPTIONS);
}

export function formatJsonList(objects: readonly StampedObject[]): string {
  return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects.map((s) => s.object) }, null, 4)}\n`;
}
