// Prints diagnostics for a person (stderr): where, what, for which owner and resource, the
// fix, and what the controller itself would have said. Notes of one kind share one hint, what
// many owners meet alike is said once (diagnostic-groups.ts), long values are cut, and the whole
// stays under a budget whatever the inputs: a flood of messages hides the one that matters.
import { formatObjectRef, type Diagnostic, type ObjectRef } from '../diagnostics/diagnostic.js';
import type { Style } from './style.js';
import { listSome } from '../util/list.js';
import { clip } from '../util/clip.js';
import { GROUP_AFTER, groupOwnerNotes, repeatsByOwner, summariseMissingTemplates, type Summaries } from './diagnostic-groups.js';

/** Past this many bytes, the rest is counted, not printed (one diagnostic may end a little over). */
const BUDGET = 16 * 1024;
/** Lines of a diagnostic's detail (e.g. ytt's excerpt) printed at most. */
const DETAIL_LINES = 30;

export function formatDiagnostics(diagnostics: readonly Diagnostic[], style: Style): string {
  const order = { error: 0, warning: 1, note: 2 } as const;
  const summaries: Summaries = new Map();
  const sorted = summariseMissingTemplates(groupOwnerNotes([...diagnostics].sort((a, b) => order[a.severity] - order[b.severity])), summaries);
  const repeats = repeatsByOwner(sorted);
  const hintShown = new Set<string>();
  let out = '';
  const shown = new Set<Diagnostic>();
  for (const d of sorted) {
    const others = repeats.get(d);
    if (others === null) continue; // said once, for the first owner
    const text = formatOne(d, style, others, summaries.get(d), hintShown);
    if (out.length > 0 && out.length + text.length > BUDGET) break;
    out += text;
    shown.add(d);
    for (const o of others ?? []) shown.add(o);
  }
  return out + untold(sorted.filter((d) => !shown.has(d)), style);
}

function formatOne(d: Diagnostic, style: Style, others: Diagnostic[] | undefined, lines: string[] | undefined, hintShown: Set<string>): string {
  let out = `${label(d, style)} ${where(d, style)}${clip(d.message)}\n`;
  const context: string[] = [];
  if (d.owner) context.push(`owner ${formatObjectRef(d.owner)}`);
  if (d.resource) context.push(`resource ${d.resource}`);
  // The object, unless it is the owner itself (a problem in the Workload's own file).
  const isOwner = d.object && d.owner && d.object.kind === d.owner.kind && d.object.name === d.owner.name;
  if (d.object && (d.owner || d.owners || d.resource) && !isOwner) context.push(`${d.object.kind} ${d.object.name}`);
  if (d.path) context.push(`field ${d.path}`);
  if (context.length > 0 && d.severity !== 'note') out += `    ${style.dim(clip(context.join(', ')))}\n`;
  for (const line of lines ?? []) out += `    ${clip(line)}\n`;
  const hintKey = `${d.code}\u0000${d.hint ?? ''}`;
  if (d.hint && (d.severity !== 'note' || !hintShown.has(hintKey))) {
    out += `    hint: ${clip(d.hint)}\n`;
    hintShown.add(hintKey);
  }
  if (d.detail) out += detailLines(d.detail).map((l) => `    | ${l}\n`).join('');
  if (d.controllerMessage && d.controllerMessage !== d.message && !d.detail) out += `    ${style.dim(`controller: ${clip(d.controllerMessage)}`)}\n`;
  if (others?.length) {
    const names = listSome(others.map((o) => formatObjectRef(o.owner as ObjectRef)), GROUP_AFTER);
    out += `    ${style.dim(d.severity === 'note' ? `for ${others.length + 1} owners: ${formatObjectRef(d.owner as ObjectRef)}, ${names}` : `the same for ${others.length} more owners: ${names}`)}\n`;
  }
  return out;
}

/** What the budget left out, counted by severity, so nothing is dropped silently. */
function untold(rest: readonly Diagnostic[], style: Style): string {
  if (rest.length === 0) return '';
  const count = (s: Diagnostic['severity'], word: string) => {
    const n = rest.filter((d) => d.severity === s).length;
    return n === 0 ? [] : [`${n.toLocaleString('en-US')} more ${word}${n === 1 ? '' : 's'}`];
  };
  const parts = [...count('error', 'error'), ...count('warning', 'warning'), ...count('note', 'note')];
  return `${style.dim(`… and ${parts.join(', ')}, not shown to keep this short: fix the ones above first (--workload NAME takes one owner)`)}\n`;
}


function detailLines(detail: string): string[] {
  const lines = detail.replace(/\n$/, '').split('\n');
  const kept = lines.slice(0, DETAIL_LINES).map(clip);
  return lines.length > DETAIL_LINES ? [...kept, `… ${lines.length - DETAIL_LINES} more lines`] : kept;
}

function label(d: Diagnostic, style: Style): string {
  return d.severity === 'error' ? style.error('error:') : d.severity === 'warning' ? style.warning('warning:') : style.note('note:');
}

function where(d: Diagnostic, style: Style): string {
  if (!d.file) return '';
  const pos = d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : '';
  return `${style.bold(`${clip(d.file)}${pos}`)}: `;
}
