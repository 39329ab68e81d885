// The owners with their status, for tools: a YAML stream (one document per owner, as
// `kubectl get -o yaml` prints one: sigs.k8s.io/yaml, so go-yaml v2 folding long strings at 80
// columns and quoting only what it must) or one JSON List.
import { emitYaml } from '../yaml/index.js';
import type { StatusResult } from './status.js';

export function formatStatusYaml(result: StatusResult): string {
  return result.owners.map((o) => `---\n${emitYaml(o.object ?? o.owner.object, { lineWidth: 80, dialect: 'ytt' })}`).join('');
}

export function formatStatusJson(result: StatusResult): string {
  return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: result.owners.map((o) => o.object ?? o.owner.object) }, null, 4)}\n`;
}
