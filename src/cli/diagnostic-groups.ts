// What many owners meet alike, said once on stderr: notes that name their owner (`Workload
// ns/a: mocked outputs: …`) become one naming a few owners, any other diagnostic that differs only
// in its owner is printed for the first owner and followed by the others' names, and templates the
// inputs lack become one summary naming them and the owners that need them. Presentation only:
// render() still returns one diagnostic per owner, and JSON/SARIF keep them all.
import { formatObjectRef, type Diagnostic, type ObjectRef } from '../diagnostics/diagnostic.js';
import { saidOf, templateExportCommand } from '../render/notes.js';
import { listSome } from '../util/list.js';

/** More owners than this with the same note or error (e.g. the same mocked outputs) get one. */
export const GROUP_AFTER = 3;

/** Places a summary names at most, one line each. */
const SITE_LINES = 10;

/** A summary's extra lines: what it stands for, one line each (printed before the hint). */
export type Summaries = Map<Diagnostic, string[]>;

/**
 * Notes (and, with --strict, errors) that say the same thing of many owners (`Workload ns/a:
 * mocked outputs: …`) become one naming a few of them: a render of a thousand Workloads should not
 * print a thousand lines.
 */
export function groupOwnerNotes(sorted: readonly Diagnostic[]): Diagnostic[] {
  // By severity and code, then by what is said after the owner (a string the notes share).
  const groups = new Map<string, Map<string, Diagnostic[]>>();
  const groupOf = (d: Diagnostic, add: boolean): Diagnostic[] | undefined => {
    const said = saidAfterOwner(d);
    if (said === undefined) return undefined;
    const kind = `${d.severity}\u0000${d.code}`;
    let bySaid = groups.get(kind);
    if (!bySaid) groups.set(kind, (bySaid = new Map()));
    let group = bySaid.get(said);
    if (!group && add) bySaid.set(said, (group = []));
    if (add) group?.push(d);
    return group;
  };
  for (const d of sorted) groupOf(d, true);
  const out: Diagnostic[] = [];
  for (const d of sorted) {
    const group = groupOf(d, false);
    if (!group || group.length <= GROUP_AFTER) {
      out.push(d);
      continue;
    }
    if (group[0] !== d) continue;
    const names = group.slice(0, group.length <= 5 ? 5 : GROUP_AFTER).map((g) => formatObjectRef(g.owner as ObjectRef));
    if (names.length < group.length) names.push(`and ${group.length - names.length} more`);
    const { owner: _owner, ...shared } = d;
    out.push({ ...shared, message: `${group.length} owners (${names.join(', ')}): ${saidAfterOwner(d) as string}` });
  }
  return out;
}

/** What a diagnostic with an owner says after `KIND NAMESPACE/NAME: `, when its message starts so. */
function saidAfterOwner(d: Diagnostic): string | undefined {
  if (!d.owner) return undefined;
  const said = saidOf(d);
  if (said !== undefined) return said;
  const prefix = `${formatObjectRef(d.owner)}: `;
  return d.message.startsWith(prefix) ? d.message.slice(prefix.length) : undefined;
}

/**
 * Diagnostics that differ only in their owner (a template's mistake met by a thousand Workloads,
 * five thousand Workloads no supply chain selects): the first is printed, followed by the names of
 * the other owners; the others map to null. The owner's own name and position do not count as a
 * difference; anything else said (message, hint, controller message) does.
 */
export function repeatsByOwner(sorted: readonly Diagnostic[]): Map<Diagnostic, Diagnostic[] | null> {
  const out = new Map<Diagnostic, Diagnostic[] | null>();
  for (const group of groupBy(sorted, sameness).values()) {
    if (group.length <= GROUP_AFTER) continue;
    out.set(group[0]!, group.slice(1));
    for (const d of group.slice(1)) out.set(d, null);
  }
  return out;
}

/** What a diagnostic says with its owner left out, or undefined when it has no owner. */
function sameness(d: Diagnostic): string | undefined {
  if (!d.owner) return undefined;
  const long = formatObjectRef(d.owner);
  const short = `${d.owner.namespace ?? ''}/${d.owner.name}`;
  const strip = (s: string | undefined) => (s ?? '').split(long).join('\u0001').split(short).join('\u0002');
  const ofOwner = d.object?.kind === d.owner.kind && d.object.name === d.owner.name;
  const where = ofOwner ? 'owner' : [d.file, d.line, d.column, d.object?.kind, d.object?.name].join('\u0003');
  return [d.severity, d.code, where, d.path, d.resource, strip(d.message), strip(d.hint), strip(d.controllerMessage), strip(d.detail)].join('\u0000');
}

/**
 * Templates the inputs lack, met by many owners or several at once: one error naming each missing
 * template (where the blueprint references it) and the owners that need them, with one hint. A
 * missing template with a hint of its own (a wrong kind, a nameless templateRef) stays as it is.
 */
export function summariseMissingTemplates(sorted: readonly Diagnostic[], summaries: Summaries): Diagnostic[] {
  // The core marks the templates the platform may install; a wrong kind or a slip of a name is not one.
  const missing = sorted.filter((d) => d.code === 'template-not-found' && d.severity === 'error' && d.platformTemplate !== undefined);
  if (missing.length <= 1) return [...sorted];
  const sites = new Map<string, Diagnostic>();
  for (const d of missing) {
    const key = [d.file, d.line, d.column, d.message, d.object?.kind, d.object?.name].join('\u0000');
    if (!sites.has(key)) sites.set(key, d);
  }
  const owners = unique(missing.flatMap((d) => (d.owner ? [formatObjectRef(d.owner)] : [])));
  const controller = unique(missing.flatMap((d) => (d.controllerMessage ? [d.controllerMessage] : [])));
  // One template, however many resources name it.
  const templates = unique(missing.map((d) => formatObjectRef(d.platformTemplate as ObjectRef)));
  const [it, its] = templates.length === 1 ? ['it', 'its'] : ['them', 'their'];
  const first = missing[0] as Diagnostic;
  const summary: Diagnostic = {
    severity: 'error',
    code: 'template-not-found',
    message: `${templates.length === 1 ? 'a template is' : `${templates.length} templates are`} not in the inputs, needed by ${owners.length === 1 ? 'the owner' : `${owners.length} owners`}: ${listSome(owners, GROUP_AFTER)}`,
    hint: `add ${it} to the inputs (-f), e.g. exported from the cluster: ${templateExportCommand(templates.some((t) => t.startsWith('ClusterDeploymentTemplate ')))}, then -f platform-templates.yaml; or fix the names; if the platform installs ${it} (a distribution's out-of-the-box templates), pass --missing-templates mock to take ${it} as installed, with ${its} outputs mocked`,
    ...(controller.length > 0 ? { controllerMessage: listSome(controller, 2) } : {}),
  };
  const lines = [...sites.values()].map((d) => `${d.file ? `${d.file}:${d.line ?? 1}${d.column ? `:${d.column}` : ''}: ` : ''}${d.message}${d.object ? `, ${d.object.kind} ${d.object.name}` : ''}`);
  summaries.set(summary, lines.length > SITE_LINES ? [...lines.slice(0, SITE_LINES), `… and ${lines.length - SITE_LINES} more`] : lines);
  const folded = new Set(missing);
  return sorted.flatMap((d) => (d === first ? [summary] : folded.has(d) ? [] : [d]));
}

function groupBy<K>(list: readonly Diagnostic[], key: (d: Diagnostic) => K | undefined): Map<K, Diagnostic[]> {
  const groups = new Map<K, Diagnostic[]>();
  for (const d of list) {
    const k = key(d);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(d);
    else groups.set(k, [d]);
  }
  return groups;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
