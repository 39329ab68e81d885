// The statuses for a person: one block per owner (its Ready verdict and blueprint), then a line
// per resource with a mark — ready, waiting or failed — and, for what is not ready, the reason,
// the field or rule involved with its file:line, and what to give carto to get further.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ConditionStatus } from '../health/index.js';
import type { ResourceReport } from '../realize/index.js';
import { clip } from '../util/clip.js';
import type { Condition } from './conditions.js';
import type { ResourceStatus } from './resource.js';
import type { OwnerStatusResult, StatusResult } from './status.js';

/** How marks are coloured (plain text when not on a terminal). */
export interface Paint {
  error(text: string): string;
  warning(text: string): string;
  success(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const MARKS: Record<ConditionStatus, { mark: string; word: string; paint: keyof Paint }> = {
  True: { mark: '✓', word: 'ready', paint: 'success' },
  Unknown: { mark: '…', word: 'waiting', paint: 'warning' },
  False: { mark: '✗', word: 'failed', paint: 'error' },
};

export function formatStatusText(result: StatusResult, paint: Paint): string {
  if (result.owners.length === 0) return 'no Workload or Deliverable in the inputs\n';
  return result.owners.map((o) => ownerBlock(o, result.diagnostics, paint)).join('\n');
}

function ownerBlock(o: OwnerStatusResult, diagnostics: readonly Diagnostic[], paint: Paint): string {
  const status = o.status;
  const name = `${o.owner.kind} ${o.owner.namespace}/${o.owner.name}`;
  if (!status) return `${paint.bold(name)}: ${paint.error('no status')} (the API server would refuse it)\n`;
  const ready = status.conditions.at(-1) as Condition;
  const ref = status.blueprintRef.name ? ` (${status.blueprintRef.kind} ${status.blueprintRef.name})` : '';
  let out = `${paint.bold(name)}${ref}: ${mark(ready.status, paint)}${ready.status === 'True' ? '' : ` ${ready.reason}`}\n`;
  if (ready.status !== 'True' && ready.message !== '' && !status.resources?.length) out += `    ${clip(ready.message)}\n`;
  const mine = diagnostics.filter((d) => d.owner?.kind === o.owner.kind && d.owner.name === o.owner.name && d.owner.namespace === o.owner.namespace);
  if (!status.resources?.length) return out + ownerHints(mine);
  const width = Math.max(...status.resources.map((r) => r.name.length));
  status.resources.forEach((r, i) => {
    out += resourceLines(r, o.report.resources[i] as ResourceReport, width, mine.filter((d) => d.resource === r.name), paint);
  });
  return out;
}

function mark(status: ConditionStatus, paint: Paint): string {
  const m = MARKS[status];
  return paint[m.paint](`${m.mark} ${m.word}`);
}

/** The owner's own diagnostics (no blueprint, templates missing): where, and the fix. */
function ownerHints(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => `    ${at(d)}${d.hint ? `\n    to get further: ${clip(d.hint)}` : ''}\n`).join('');
}

function resourceLines(r: ResourceStatus, entry: ResourceReport, width: number, diagnostics: readonly Diagnostic[], paint: Paint): string {
  const ready = r.conditions.at(-1) as Condition;
  const object = r.stampedRef ? `  ${r.stampedRef.kind} ${r.stampedRef.name}` : entry.passThrough !== undefined ? `  (passes ${entry.passThrough} through)` : '';
  let out = `  ${mark(ready.status, paint)}  ${r.name.padEnd(width)}${object}\n`;
  if (ready.status === 'True') return out;
  out += `      ${ready.reason}${ready.message !== '' ? `: ${clip(ready.message)}` : ''}\n`;
  const told = diagnostics.filter((d) => d.severity !== 'note');
  for (const d of told) out += `      ${paint.dim(at(d))}\n${d.hint ? `      to get further: ${clip(d.hint)}\n` : ''}`;
  const waitsFor = entry.inputs?.absent.map((a) => a.resource) ?? [];
  if (waitsFor.length > 0) out += `      it needs the output of ${[...new Set(waitsFor)].join(', ')}, which ${waitsFor.length === 1 ? 'has' : 'have'} none yet\n`;
  if (told.length === 0 && ready.reason !== 'MissingValueAtPath') out += healthLine(r, entry);
  return out;
}

/** A diagnostic as `file:line: message`. */
function at(d: Diagnostic): string {
  return `${d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : ''}${clip(d.message)}`;
}

/** For a resource held back by its health rule: the rule's verdict and where the rule is. */
function healthLine(r: ResourceStatus, entry: ResourceReport): string {
  const healthy = r.conditions.find((c) => c.type === 'Healthy');
  if (!healthy || healthy.status === 'True' || !entry.template) return '';
  const where = `${entry.template.kind} ${entry.template.name} (${entry.template.doc.file}:${entry.template.doc.line})`;
  return `      Healthy ${healthy.status}: ${healthy.reason}${healthy.message ? ` (${clip(healthy.message)})` : ''}, by the health rule of ${where}\n` +
    `      to get further: give the live ${r.stampedRef?.kind ?? 'object'} with --observed, so its status can be judged\n`;
}
