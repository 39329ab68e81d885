// Prints diagnostics for a person (stderr): where, what, for which owner and resource, the
// fix, and what the controller itself would have said. Notes of one kind share one hint, and what
// many owners meet alike is said once.
import { formatObjectRef, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Style } from './style.js';
import { listSome } from '../util/list.js';

export function formatDiagnostics(diagnostics: readonly Diagnostic[], style: Style): string {
  const order = { error: 0, warning: 1, note: 2 } as const;
  const sorted = groupOwnerNotes([...diagnostics].sort((a, b) => order[a.severity] - order[b.severity]));
  const repeats = repeatsByOwner(sorted);
  const hintShown = new Set<string>();
  let out = '';
  for (const d of sorted) {
    const others = repeats.get(d);
    if (others === null) continue; // said once, for the first owner
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
    if (others) out += `    ${style.dim(`the same for ${others.length} more owners: ${listSome(others.map((o) => formatObjectRef(o.owner as NonNullable<Diagnostic['owner']>)), GROUP_AFTER)}`)}\n`;
  }
  return out;
}

/**
 * Errors and warnings that differ only in their owner (a template's mistake met by a thousand
 * Workloads): the first is printed, followed by the names of the other owners; the others map to
 * null. Presentation only: render() still returns one diagnostic per owner.
 */
function repeatsByOwner(sorted: readonly Diagnostic[]): Map<Diagnostic, Diagnostic[] | null> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of sorted) {
    if (d.severity === 'note' || !d.owner) continue;
    const key = [d.severity, d.code, d.file, d.line, d.column, d.message, d.resource, d.object?.kind, d.object?.name, d.path].join('\u0000');
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const out = new Map<Diagnostic, Diagnostic[] | null>();
  for (const group of groups.values()) {
    if (group.length <= GROUP_AFTER) continue;
    out.set(group[0]!, group.slice(1));
    for (const d of group.slice(1)) out.set(d, null);
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

/** More owners than this with the same note or error (e.g. the same mocked outputs) get one. */
const GROUP_AFTER = 3;

/**
 * Notes (and, with --strict, errors) that say the same thing of many owners (`Workload ns/a:
 * mocked outputs: …`) become one naming a few of them: a render of a thousand Workloads should not
 * print a thousand lines.
 */
function groupOwnerNotes(sorted: readonly Diagnostic[]): Diagnostic[] {
  const rest = (d: Diagnostic): string | undefined => {
    if (!d.owner) return undefined;
    const prefix = `${formatObjectRef(d.owner)}: `;
    return d.message.startsWith(prefix) ? `${d.severity}\u0000${d.code}\u0000${d.message.slice(prefix.length)}` : undefined;
  };
  const groups = new Map<string, Diagnostic[]>();
  for (const d of sorted) {
    const key = rest(d);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const out: Diagnostic[] = [];
  for (const d of sorted) {
    const key = rest(d);
    const group = key === undefined ? undefined : groups.get(key);
    if (!group || group.length <= GROUP_AFTER) {
      out.push(d);
      continue;
    }
    if (group[0] !== d) continue;
    const names = group.slice(0, group.length <= 5 ? 5 : GROUP_AFTER).map((g) => formatObjectRef(g.owner as NonNullable<Diagnostic['owner']>));
    if (names.length < group.length) names.push(`and ${group.length - names.length} more`);
    const said = d.message.slice(`${formatObjectRef(d.owner as NonNullable<Diagnostic['owner']>)}: `.length);
    const { owner: _owner, ...shared } = d;
    out.push({ ...shared, message: `${group.length} owners (${names.join(', ')}): ${said}` });
  }
  return out;
}
