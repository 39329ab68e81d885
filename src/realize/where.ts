// Builds diagnostics that point into a loaded object: file, line and column of a field path.
import type { Diagnostic, ObjectRef } from '../diagnostics/diagnostic.js';
import { locate, type SourceDocument } from '../load/index.js';
import { formatPath, type Owner } from '../model/index.js';

export interface Where {
  doc: SourceDocument;
  object: ObjectRef;
  path?: readonly (string | number)[];
  /** Overrides the line found for `path` (e.g. a line inside a ytt body). */
  line?: number;
  /** Point at the key of `path` rather than its value (a label key at fault, say). */
  key?: boolean;
}

export function diagnostic(
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  where: Where | undefined,
  extra: Omit<Partial<Diagnostic>, 'severity' | 'code' | 'message'> = {},
): Diagnostic {
  const d: Diagnostic = { severity, code, message };
  if (where) {
    // Finding a field's exact line re-reads the file with the full YAML parser. Errors and
    // warnings are worth it; a note (printed on every run) points at its object instead.
    const pos = severity === 'note' ? { file: where.doc.file, line: where.doc.line, column: 0 } : locate(where.doc, where.path ?? [], { key: where.key ?? false });
    d.file = pos.file;
    d.line = where.line ?? pos.line;
    if (where.line === undefined && pos.column > 0) d.column = pos.column;
    d.object = where.object;
    if (where.path && where.path.length > 0) d.path = formatPath(where.path);
  }
  return Object.assign(d, extra);
}

export function ownerRef(owner: Owner): ObjectRef {
  return { kind: owner.kind, name: owner.name, namespace: owner.namespace };
}
