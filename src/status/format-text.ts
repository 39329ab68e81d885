// The statuses for a person: one block per owner (its Ready verdict and blueprint), then a line
// per resource with a mark — ready, waiting, failed, or blocked by a resource before it — and, for
// what is not ready, the reason in plain words, the field or rule involved with its file:line, and
// what to give carto (or fix) to get further. A resource held back only by one before it says
// which, and no more: only the root cause reads as failed. An owner with no status says why: the
// API server would refuse it, its blueprint is in the 0.0.6 format, or the webhook refuses the
// blueprint that would select it.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { effectiveRule, isTektonDefault, type ConditionStatus } from '../health/index.js';
import { locate } from '../load/index.js';
import { isHeldOutput } from '../outputs/index.js';
import { describeAbsent, type ResourceReport } from '../realize/index.js';
import { clip } from '../util/clip.js';
import type { Condition } from './conditions.js';
import type { RefusedBlueprint } from './refused.js';
import type { ResourceStatus } from './resource.js';
import type { OwnerStatusResult, StatusResult } from './status.js';
import { diagnosticsByOwner } from './told.js';
import { resourceVerdict, type Verdict } from './verdict.js';

/** How marks are coloured (plain text when not on a terminal). */
export interface Paint {
  error(text: string): string;
  warning(text: string): string;
  success(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

/** The mark, word and colour of each verdict (graph and explain show the same marks). */
export const MARKS: Record<Verdict, { mark: string; word: string; paint: keyof Paint }> = {
  ready: { mark: '✓', word: 'ready', paint: 'success' },
  waiting: { mark: '…', word: 'waiting', paint: 'warning' },
  failed: { mark: '✗', word: 'failed', paint: 'error' },
  blocked: { mark: '·', word: 'blocked', paint: 'dim' },
};
const OWNER_VERDICT: Record<ConditionStatus, Verdict> = { True: 'ready', Unknown: 'waiting', False: 'failed' };
const MARK_WIDTH = 10;
const INDENT = '      ';

export function formatStatusText(result: StatusResult, paint: Paint): string {
  // Nothing to show is said on stderr (the result's no-owners warning): stdout stays data only.
  if (result.owners.length === 0) return '';
  const about = diagnosticsByOwner(result.diagnostics);
  return result.owners.map((o) => ownerBlock(o, about(o.owner), paint)).join('\n');
}

/** One owner's block; `diagnostics` are those about this owner. */
function ownerBlock(o: OwnerStatusResult, diagnostics: readonly Diagnostic[], paint: Paint): string {
  const name = `${o.owner.kind} ${o.owner.namespace}/${o.owner.name}`;
  const status = o.status;
  if (o.legacy) {
    return `${paint.bold(name)}  ${paint.warning('no status')}: ${o.legacy.kind} ${o.legacy.name}, which selects it, is in Cartographer 0.0.6's format (spec.components), which has no status of this kind\n` +
      `    to get further: rewrite it in the current format with carto migrate (${o.legacy.doc.file}:${o.legacy.doc.line}), then run carto status on the result\n`;
  }
  if (!status) return `${paint.bold(name)}  ${paint.error('no status')}: the API server would refuse the ${o.owner.kind} (see the errors above)\n`;
  const ready = status.conditions.at(-1) as Condition;
  const ref = status.blueprintRef.name ? `  ${paint.dim(`${status.blueprintRef.kind} ${status.blueprintRef.name}`)}` : '';
  let out = `${paint.bold(name)}  ${verdict(ready, paint)}${ref}\n`;
  const mine = diagnostics.filter((d) => d.severity === 'error');
  if (!status.resources?.length) {
    if (ready.status !== 'True') out += `    ${firstLine(ready.message)}\n`;
    // With a refused blueprint that would select it, "no blueprint selects it" is said by refusedLines.
    const own = o.refused ? mine.filter((d) => d.code !== 'no-blueprint-match') : mine;
    return out + (o.refused ?? []).map((r) => refusedLines(r, o, paint)).join('') + own.map((d) => explain(d, '    ', paint)).join('');
  }
  // Another blueprint took the owner: say which refused one would have been in the running.
  out += (o.refused ?? []).map((r) => refusedLines(r, o, paint)).join('');
  const width = Math.max(...status.resources.map((r) => r.name.length));
  status.resources.forEach((r, i) => {
    const entry = o.report.resources[i] as ResourceReport;
    out += resourceLines(r, entry, width, diagnostics.filter((d) => d.resource === r.name), paint);
  });
  return out;
}

/** A blueprint that would select the owner, but that the webhook refuses: why, in lint's words. */
function refusedLines(r: RefusedBlueprint, o: OwnerStatusResult, paint: Paint): string {
  const head = `    ${r.blueprint.kind} ${r.blueprint.name} would select this ${o.owner.kind}, but Cartographer's admission webhook refuses it, so it is not on a cluster:\n`;
  return head + r.diagnostics.map((d) => explain(d, '      ', paint)).join('');
}

/** `✓ ready`, or `… waiting: MissingValueAtPath`. */
function verdict(c: Condition, paint: Paint): string {
  const m = MARKS[OWNER_VERDICT[c.status]];
  return paint[m.paint](`${m.mark} ${m.word}`) + (c.status === 'True' ? '' : `: ${c.reason}`);
}

function resourceLines(r: ResourceStatus, entry: ResourceReport, width: number, diagnostics: readonly Diagnostic[], paint: Paint): string {
  const ready = r.conditions.at(-1) as Condition;
  const judged = resourceVerdict(r, entry);
  const m = MARKS[judged.verdict];
  const object = r.stampedRef ? `  ${r.stampedRef.kind} ${r.stampedRef.name}` : entry.passThrough !== undefined ? `  passes input ${entry.passThrough} through` : '';
  let out = `  ${paint[m.paint](`${m.mark} ${m.word}`.padEnd(MARK_WIDTH))} ${object ? r.name.padEnd(width) + object : r.name}\n`;
  if (judged.verdict === 'ready') return out + droppedLines(entry, undefined, paint);
  // Held back by a resource before it: that is where to look, not here.
  if (judged.verdict === 'blocked') {
    const [one] = judged.upstream;
    const them = judged.upstream.length === 1 ? `${one}, which has` : `${judged.upstream.join(', ')}, which have`;
    return out + `${INDENT}waiting for ${them} no outputs to hand on yet (the controller reports ${ready.reason} here until then)\n`;
  }
  // a dropped field leads only when it is what the resource waits for (its own line says it otherwise)
  const aside = new Set((entry.dropped ?? []).filter((d) => !awaited(entry, d.field)).map((d) => d.diagnostic));
  const told = diagnostics.filter((d) => d.severity !== 'note' && !aside.has(d));
  const first = told[0];
  // The live object given fails the health rule: its condition says why (a build that failed), not a missing value.
  const healthy = r.conditions.find((c) => c.type === 'Healthy');
  if (healthy?.status === 'False' && entry.live) {
    // the condition's message leads; the rule's line does not say it again
    out += `${INDENT}${ready.reason}: ${firstLine(healthy.message || healthy.reason)}\n` + healthLines(r, entry, true);
    return out + (first ? `${INDENT}${clip(first.message)}\n${first.hint ? `${INDENT}to get further: ${clip(first.hint)}\n` : ''}` : '') + droppedLines(entry, first, paint);
  }
  const why = first ? clip(first.message) : firstLine(ready.message);
  out += `${INDENT}${ready.reason}${why ? `: ${why}` : ''}\n`;
  if (first?.file) out += `${INDENT}${paint.dim(`at ${first.file}${first.line ? `:${first.line}` : ''}${first.path ? ` (${first.path})` : ''}`)}\n`;
  // An input naming a resource the blueprint does not have (or a later one): the fix is in the blueprint.
  const wrong = (entry.inputs?.absent ?? []).filter((a) => a.reason === 'unknown-resource' || a.reason === 'later-resource');
  if (wrong.length > 0) return out + wrong.map((a) => `${INDENT}${clip(describeAbsent(a))}\n`).join('');
  if (first?.hint) out += `${INDENT}to get further: ${clip(first.hint)}\n`;
  if (!first) out += healthLines(r, entry);
  return out + alsoRefused(entry, paint) + droppedLines(entry, first, paint);
}

/**
 * The other reasons the API server refuses the object, after the one its error leads with (what
 * the condition says), so that all are fixed at once: one line each, with where.
 */
function alsoRefused(entry: ResourceReport, paint: Paint): string {
  if (entry.failure?.step !== 'apply') return '';
  const { diagnostics, undecodable } = entry.failure.refused;
  if (diagnostics.length < 2) return '';
  const head = undecodable
    ? `${INDENT}also to fix (the API server stops at the first value that does not decode, and would refuse these next):\n`
    : `${INDENT}also to fix (the API server's error names them all):\n`;
  return head + diagnostics.slice(1).map((d) => `${INDENT}  ${clip(d.message)}${d.file ? paint.dim(` (${d.file}${d.line ? `:${d.line}` : ''})`) : ''}\n`).join('');
}

/** The resource waits for an output whose path reads into this field (`.spec.extra` for `spec.extra`). */
function awaited(entry: ResourceReport, field: string): boolean {
  if (entry.failure?.step !== 'output-missing') return false;
  const path = entry.failure.missing.path.replace(/^\{?\.?|\}$/g, '');
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

/**
 * The fields the API server drops from the object (unknown to its schema): not a condition (the
 * controller's status does not show them), but the object on the cluster lacks them. One already
 * said (the lead of a resource waiting for it) is not said again.
 */
function droppedLines(entry: ResourceReport, said: Diagnostic | undefined, paint: Paint): string {
  const dropped = (entry.dropped ?? []).filter((d) => d.diagnostic !== said && d.diagnostic.message !== said?.message);
  return dropped.map((d) => {
    const at = d.diagnostic.file ? `, at ${paint.dim(`${d.diagnostic.file}${d.diagnostic.line ? `:${d.diagnostic.line}` : ''}`)}` : '';
    return `${INDENT}dropped by the API server: ${d.field}${at}${d.suggestion ? ` (did you mean ${d.suggestion}?)` : ''}\n`;
  }).join('');
}

/** A diagnostic of the owner itself: what, where, and the fix. */
function explain(d: Diagnostic, indent: string, paint: Paint): string {
  const at = d.file ? paint.dim(`${d.file}${d.line ? `:${d.line}` : ''}: `) : '';
  return `${indent}${at}${clip(d.message)}\n${d.hint ? `${indent}to get further: ${clip(d.hint)}\n` : ''}`;
}

/**
 * For a resource its health rule holds back: the verdict, the rule's place (its healthRule, or its
 * lifecycle for tekton's default), and what would tell more. `said`: the condition's message
 * leads the resource's lines already.
 */
function healthLines(r: ResourceStatus, entry: ResourceReport, said = false): string {
  const healthy = r.conditions.find((c) => c.type === 'Healthy');
  if (!healthy || healthy.status === 'True' || !entry.template) return '';
  const t = entry.template;
  if (!effectiveRule(t)) return noRuleLines(healthy, entry, t);
  const live = entry.live;
  const supplied = entry.outputs.filter((v) => v.provenance === 'supplied').map((v) => v.field);
  const used = supplied.length > 0 && !live ? `${INDENT}its outputs (${supplied.join(', ')}) are the ones supplied, handed on as if its live object had them\n` : '';
  const pos = locate(t.doc, isTektonDefault(t) ? ['spec', 'lifecycle'] : ['spec', 'healthRule'], { key: true });
  const rule = isTektonDefault(t) ? `lifecycle tekton of ${t.kind} ${t.name} (no health rule: the Succeeded condition)` : `the health rule of ${t.kind} ${t.name}`;
  const condition = said ? '' : ` (${healthy.reason}${healthy.message ? `: ${firstLine(healthy.message)}` : ''})`;
  return used + `${INDENT}Healthy ${healthy.status}${condition}, by ${rule} at ${pos.file}:${pos.line}\n` +
    (live
      ? `${INDENT}the live object given (${live.file}:${live.line}) ${healthy.status === 'False' ? 'fails the rule' : 'does not say yet'}\n`
      : `${INDENT}to get further: give the live ${r.stampedRef?.kind ?? 'object'} with --observed, whose status the rule reads\n`);
}

/** Without a health rule its outputs decide: say which of them the controller does not count (a null image or config). */
function noRuleLines(healthy: Condition, entry: ResourceReport, t: NonNullable<ResourceReport['template']>): string {
  const none = entry.outputs.filter((o) => !isHeldOutput(o)).map((o) => `${o.field} output${o.path ? ` (${o.path})` : ''}`);
  const why = none.length > 0 ? `, and its ${none.join(', ')} is null on the object, which the controller counts as no output` : '';
  return `${INDENT}Healthy ${healthy.status} (${healthy.reason}): ${t.kind} ${t.name} at ${t.doc.file}:${t.doc.line} has no health rule, so its outputs decide${why}\n`;
}

/** A controller message's first line (ytt's run over several), clipped. */
function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return clip(nl < 0 ? message : `${message.slice(0, nl).trimEnd()} …`);
}
