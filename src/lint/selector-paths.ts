// The JSONPaths of a blueprint's field requirements (spec.selectorMatchFields, and each option's
// selector.matchFields): the controller evaluates each key against every owner, wrapped in `{.…}`
// (client-go dialect), so a key that cannot parse fails the selection of every owner. The webhook
// parses the key as written, where text outside braces is literal, and lets such a key through:
// lint reports it once, at the key, with or without owners in the inputs.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import type { Path } from '../model/index.js';
import { isObject, own } from '../util/objects.js';
import { parseSteps, SYNTAX_HINT } from './jsonpath-steps.js';
import { lintDiagnostic, refOf } from './report.js';

export function checkSelectorPaths(doc: SourceDocument, kind: string, name: string): Diagnostic[] {
  const spec = own(doc.value, 'spec');
  if (!isObject(spec)) return [];
  const out: Diagnostic[] = [];
  const object = refOf(kind, name);
  const check = (list: unknown, path: Path) => {
    if (!Array.isArray(list)) return;
    list.forEach((req: unknown, i) => {
      const key = isObject(req) ? own(req, 'key') : undefined;
      if (typeof key !== 'string' || key === '') return;
      const parsed = parseSteps(key);
      if (parsed.ok) return;
      const at = [...path, i, 'key'];
      out.push(lintDiagnostic('jsonpath-syntax', `${at.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').slice(1)} ${key}: ${parsed.reason}`, { doc, object, path: at }, {
        hint: `${SYNTAX_HINT}; the controller evaluates this key against every owner, and fails the selection of each`,
      }));
    });
  };
  check(own(spec, 'selectorMatchFields'), ['spec', 'selectorMatchFields']);
  const resources = own(spec, 'resources');
  if (Array.isArray(resources)) {
    resources.forEach((resource: unknown, r) => {
      const ref = isObject(resource) ? own(resource, 'templateRef') : undefined;
      const options = isObject(ref) ? own(ref, 'options') : undefined;
      if (!Array.isArray(options)) return;
      options.forEach((option: unknown, o) => {
        const selector = isObject(option) ? own(option, 'selector') : undefined;
        if (isObject(selector)) check(own(selector, 'matchFields'), ['spec', 'resources', r, 'templateRef', 'options', o, 'selector', 'matchFields']);
      });
    });
  }
  return out;
}
