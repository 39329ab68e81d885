// spec.ytt bodies, compiled without data values (render has them; lint does not): YAML and
// Starlark syntax, an `#@ if`/`#@ def`/`#@ for` without its `#@ end`, and load() of a module that
// does not exist (a spec.ytt template is a run of one file, so only ytt's built-in modules are
// there). Reported at the body's line in the file, as render reports the same failure.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locateBodyLine } from '../load/index.js';
import type { Template } from '../model/index.js';
import type { YttCheck } from '../stamp/ytt.js';
import { lintDiagnostic, refOf } from './report.js';

export function checkYttBody(template: Template, check: YttCheck): Diagnostic[] {
  if (typeof template.ytt !== 'string') return [];
  const failure = check(template.ytt);
  if (!failure) return [];
  const d = lintDiagnostic('ytt-error', failure.detail, { doc: template.doc, object: refOf(template.kind, template.name), path: ['spec', 'ytt'] }, {
    detail: failure.text.trimEnd(),
    hint: `every resource stamping ${template.kind} ${template.name} fails with this error, whatever the owner`,
  });
  if (failure.line !== undefined) {
    const at = locateBodyLine(template.doc, ['spec', 'ytt'], failure.line, template.ytt);
    d.line = at.line;
    d.column = at.column;
  }
  return [d];
}
