// Prints diagnostics for a person (stderr): where, what, for which owner and resource, the
// fix, and what the controller itself would have said. Notes of one kind share one hint.
import { formatObjectRef, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Style } from './style.js';

export function formatDiagnostics(diagnostics: readonly Diagnostic[], style: Style): string {
  const order = { error: 0, warning: 1, note: 2 } as const;
  const sorted = [...diagnostics].sort((a, b) => order[a.severity] - order[b.severity]);
  const hintShown = new Set<string>();
  let out = '';
  for (const d of sorted) {
    out += `${label(d, style)} ${where(d, style)}${d.message}\n`;
    const context: string[] = [];
    if (d.owner) context.push(`owner ${formatObjectRef(d.owner)}`);
    if (d.resource) context.push(`resource ${d.resource}`);
    if (d.object && (d.owner || d.resource)) context.push(`${d.object.kind} ${d.object.name}`);
    if (d.path) context.push(`field ${d.path}`);
    if (context.length > 0 && d.severity !== 'note') out += `    ${style.dim(context.join(', '))}\n`;
    const hintKey = `${d.code}\u0000${d.hint ?? ''}`;
    if (d.hint && (d.severity !== 'note' || !hintShown.has(hintKey))) {
      out += `    hint: ${d.hint}\n`;
      hintShown.add(hintKey);
    }
    if (d.detail) out += d.detail.replace(/\n$/, '').split('\n').map((l) => `    | ${l}\n`).join('');
    if (d.controllerMessage && d.controllerMessage !== d.message && !d.detail) out += `    ${style.dim(`controller: ${d.controllerMessage}`)}\n`;
  }
  return out;
}

function label(d: Diagnostic, style: Style): string {
  return d.severity === 'error' ? style.error('error:') : d.severity === 'warning' ? style.warning('warning:') : style.note('note:');
}

function where(d: Diagnostic, style: Style): string {
  if (!d.file) return '';
  const pos = d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : '';
  return `${style.bold(`${d.file}${pos}`)}: `;
}
