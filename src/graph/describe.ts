// Short, stable words for the things graphs and explanations show: a selector, a template, a
// stamped object, an input. Shared by `carto graph` and `carto explain` so they say the same.
import type { InputType } from '../chain/index.js';
import type { JSONObject, Selector } from '../model/index.js';

/** `app=web, label tier In [a, b], field spec.source.git Exists`; `(empty selector)`. */
export function describeSelector(selector: Selector): string {
  const terms = [
    ...Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`),
    ...selector.matchExpressions.map((e) => `${e.key} ${e.operator}${values(e.values)}`),
    ...selector.matchFields.map((f) => `field ${f.key} ${f.operator}${values(f.values)}`),
  ];
  return terms.length > 0 ? terms.join(', ') : '(empty selector)';
}

function values(list: readonly string[] | undefined): string {
  return list && list.length > 0 ? ` [${list.join(', ')}]` : '';
}

/** `git-repository`, or `passThrough source` for an option that stamps nothing. */

/** `GitRepository petclinic`, `PipelineRun (generateName petclinic-)`. */
export function describeObject(object: JSONObject): string {
  const meta = (typeof object['metadata'] === 'object' && object['metadata'] !== null ? object['metadata'] : {}) as JSONObject;
  const kind = typeof object['kind'] === 'string' ? object['kind'] : '(no kind)';
  if (typeof meta['name'] === 'string' && meta['name'] !== '') return `${kind} ${meta['name']}`;
  if (typeof meta['generateName'] === 'string') return `${kind} (generateName ${meta['generateName']})`;
  return `${kind} (no name)`;
}

/** `source (source)`, `app-config (config)`, `deployment`. */
export function describeInput(input: { type: InputType; name: string }): string {
  return input.type === 'deployment' ? 'deployment' : `${input.name} (${input.type})`;
}
