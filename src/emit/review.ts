// carto diff's reports of a Review (src/review): a unified diff per changed object (default), one
// line per owner (--stat), JSON for machines, and Markdown for a pull-request comment. Objects are
// shown as YAML with sorted keys, so two renders that wrote keys in another order line up.
import { hunkHeader, sortKeys, unifiedHunks, type FieldChange } from '../diff/index.js';
import { emitYaml } from '../yaml/index.js';
import { objectLabel, ownerKey, type ObjectChange, type OwnerChange, type Review, type StandIn } from '../review/index.js';

export interface DiffStyle {
  bold(text: string): string;
  dim(text: string): string;
  added(text: string): string;
  removed(text: string): string;
  note(text: string): string;
}

const plain: DiffStyle = { bold: (t) => t, dim: (t) => t, added: (t) => t, removed: (t) => t, note: (t) => t };

function yamlLines(value: unknown): string[] {
  if (value === undefined) return [];
  const text = emitYaml(sortKeys(value), { lineWidth: 0, dialect: 'kubernetes' });
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `Workload default/app, resource image-builder (ClusterImageTemplate kpack): Image default/app` */
export function changeTitle(c: ObjectChange): string {
  return `${ownerKey(c.owner)}, resource ${c.resource} (${c.template.kind} ${c.template.name}): ${objectLabel(c.object)}`;
}

/**
 * The unified diff of one object's YAML, old to new, with `context` lines around each change. Each
 * hunk header ends with the field the first change is under (`@@ -22,7 +22,7 @@ spec.template`), as
 * git names the function a hunk is in.
 */
export function objectPatch(c: ObjectChange, context: number): string {
  const a = yamlLines(c.old);
  const b = yamlLines(c.new);
  return unifiedHunks(a, b, context)
    .map((h) => {
      const first = h.lines.findIndex((l) => l.op !== ' ');
      const before = h.lines.slice(0, first);
      const removed = h.lines[first]?.op === '-';
      const index = removed ? h.oldStart - 1 + before.length : h.newStart - 1 + before.filter((l) => l.op !== '-').length;
      const under = enclosingKeys(removed ? a : b, index);
      return `${hunkHeader(h)}${under ? ` ${under}` : ''}\n${h.lines.map((l) => `${l.op}${l.text}\n`).join('')}`;
    })
    .join('');
}

/**
 * `spec.template.spec.containers.env`: the keys of the less indented lines above line `index` of a
 * YAML text. A sequence is not indented under its key (`containers:` then `- env:` at the same
 * column), so above a `- ` line the parent may sit at the same indent, and the first key of an item
 * (`- env:`) is the parent of an item below it but the sibling of a key below it.
 */
function enclosingKeys(lines: readonly string[], index: number): string {
  const keys: string[] = [];
  const isItem = (line: string) => line.trimStart().startsWith('- ');
  let indent = indentOf(lines[index] ?? '');
  let item = isItem(lines[index] ?? '');
  for (let j = index - 1; j >= 0 && (indent > 0 || item); j--) {
    const line = lines[j] as string;
    const own = indentOf(line);
    if (own > indent || (own === indent && (!item || isItem(line)))) continue;
    const key = /^\s*(?:- )?([^\s:][^:]*):(?:\s|$)/.exec(line);
    // `- env: …` then `  name: app` below it: name is env's sibling in the item, not under env.
    const sibling = isItem(line) && !item && indent === own + 2;
    if (key && !sibling) keys.unshift(key[1] as string);
    indent = own;
    item = isItem(line);
  }
  return keys.join('.');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The default report: owner changes, then for each changed object a header and its patch. */
export function formatReviewText(review: Review, context = 3, style: DiffStyle = plain): string {
  let out = '';
  for (const t of review.templates) out += `${style.note(`# ${t.message}`)}\n`;
  for (const o of review.owners) out += `${style.note(`# ${o.message}`)}\n`;
  for (const c of review.changes) {
    const id = `${c.object.namespace ? `${c.object.namespace}/` : ''}${c.object.kind}/${c.object.name}${c.object.generateName ? '…' : ''}`;
    out += style.bold(`diff ${changeTitle(c)}: ${c.change}${c.why ? ` (${c.why})` : ''}`) + '\n';
    out += style.bold(`--- ${c.old ? `old/${id}` : '/dev/null'}`) + '\n';
    out += style.bold(`+++ ${c.new ? `new/${id}` : '/dev/null'}`) + '\n';
    for (const line of objectPatch(c, context).split('\n')) {
      if (line === '') continue;
      out += (line.startsWith('@@') ? style.note(line) : line.startsWith('+') ? style.added(line) : line.startsWith('-') ? style.removed(line) : line) + '\n';
    }
    for (const note of standInNotes(c)) out += `${style.note(`# ${note}`)}\n`;
  }
  return out;
}

/** For each new value that is a mocked output: what it stands in for, and that the controller would wait for it. */
export function standInNotes(c: ObjectChange): string[] {
  return c.fields.flatMap((f) => f.standIn
    ? [`${f.path}: the new value is a stand-in for the ${f.standIn.output} output of resource ${f.standIn.resource}${f.standIn.path ? `, whose path ${f.standIn.path} finds nothing on any object carto was given` : ''}: the controller would wait for that output, not apply this value`]
    : []);
}

/** `--stat`: one line per owner with what changed. */
export function formatReviewStat(review: Review): string {
  const byOwner = new Map<string, { added: number; removed: number; modified: number; other: string[] }>();
  const entry = (key: string) => {
    let e = byOwner.get(key);
    if (!e) byOwner.set(key, (e = { added: 0, removed: 0, modified: 0, other: [] }));
    return e;
  };
  for (const o of review.owners) entry(ownerKey(o.owner)).other.push(ownerChangeWord(o));
  for (const c of review.changes) entry(ownerKey(c.owner))[c.change]++;
  const keys = [...byOwner.keys()].sort();
  const templates = review.templates.map((t) => [`${t.template.kind} ${t.template.name}`, `${t.fields.map((f) => f.path).join(', ')} changed`] as const);
  const width = Math.max(0, ...keys.map((k) => k.length), ...templates.map(([k]) => k.length));
  const rows = keys.map((key) => {
    const e = byOwner.get(key) as { added: number; removed: number; modified: number; other: string[] };
    const parts = [e.added ? `${e.added} added` : '', e.removed ? `${e.removed} removed` : '', e.modified ? `${e.modified} modified` : '', ...e.other].filter((p) => p !== '');
    return [key, parts.join(', ')] as const;
  });
  return [...templates, ...rows].map(([key, text]) => `${key.padEnd(width)} | ${text}\n`).join('');
}

function ownerChangeWord(o: OwnerChange): string {
  switch (o.change) {
    case 'owner-added':
      return 'new owner';
    case 'owner-removed':
      return 'owner removed';
    case 'blueprint':
      return o.new ? `selects ${o.new}` : 'matches no blueprint';
    case 'option':
      return `${o.resource}: ${o.new ?? 'no option'}`;
    case 'resource-renamed':
      return `resource ${o.old} renamed to ${o.new}`;
    case 'resource-removed':
      return `resource ${o.resource} gone`;
    case 'resource-added':
      return `resource ${o.resource} new`;
    case 'fails':
      return 'fails to render';
    case 'recovers':
      return 'renders again';
  }
}

/** stderr's last line: `2 owners, 3 objects: 1 added, 0 removed, 2 modified`. */
export function reviewSummary(review: Review): string {
  const s = review.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const templates = review.templates.length > 0 ? `${plural(review.templates.length, 'template')} changing what the controller reads from stamped objects` : '';
  if (s.owners === 0) return templates === '' ? 'no changes' : `no stamped object changes; ${templates}`;
  return `${plural(s.owners, 'owner')}, ${plural(s.objects, 'object')}: ${s.added} added, ${s.removed} removed, ${s.modified} modified${templates === '' ? '' : `; ${templates}`}`;
}

const field = (f: FieldChange & { standIn?: StandIn }) => ({ path: f.path, ...('old' in f ? { old: f.old } : {}), ...('new' in f ? { new: f.new } : {}), ...(f.standIn ? { standIn: f.standIn } : {}) });

/** `-o json`: the changes and the owners' changes, for machines (keys as documented in the README). */
export function formatReviewJson(review: Review): string {
  const changes = review.changes.map((c) => ({
    owner: c.owner,
    resource: c.resource,
    template: c.template,
    object: { apiVersion: c.object.apiVersion, kind: c.object.kind, ...(c.object.namespace !== undefined ? { namespace: c.object.namespace } : {}), [c.object.generateName ? 'generateName' : 'name']: c.object.name },
    change: c.change,
    fields: c.fields.map(field),
    ...(c.from ? { from: c.from } : {}),
    ...(c.why ? { why: c.why } : {}),
  }));
  const owners = review.owners.map((o) => ({ owner: o.owner, change: o.change, ...(o.resource ? { resource: o.resource } : {}), ...(o.old ? { old: o.old } : {}), ...(o.new ? { new: o.new } : {}), message: o.message }));
  const templates = review.templates.map((t) => ({ template: t.template, fields: t.fields.map(field), message: t.message }));
  return `${JSON.stringify({ changes, owners, templates, summary: review.summary }, null, 2)}\n`;
}

/** `-o markdown`: a summary table and one collapsible diff per object, for a pull-request comment. */
export function formatReviewMarkdown(review: Review, context = 3): string {
  if (review.changes.length === 0 && review.owners.length === 0 && review.templates.length === 0) return '**carto diff**: no changes to stamped objects.\n';
  let out = `**carto diff**: ${reviewSummary(review)}\n\n`;
  const notes = [...review.templates, ...review.owners];
  if (notes.length > 0) out += notes.map((o) => `- ${cell(o.message)}\n`).join('') + '\n';
  if (review.changes.length > 0) {
    out += '| owner | resource | object | change |\n|---|---|---|---|\n';
    for (const c of review.changes) {
      out += `| ${cell(ownerKey(c.owner))} | ${cell(c.resource)} | ${cell(objectLabel(c.object))} | ${c.change}${c.change === 'modified' ? ` (${c.fields.length} field${c.fields.length === 1 ? '' : 's'})` : ''}${c.why ? `: ${cell(c.why)}` : ''} |\n`;
    }
    for (const c of review.changes) {
      const patch = objectPatch(c, context);
      // A fence longer than any run of backticks in the patch.
      const fence = '`'.repeat(Math.max(3, ...[...patch.matchAll(/`+/g)].map((m) => m[0].length + 1)));
      const notes = standInNotes(c).map((n) => `> ${html(n)}\n\n`).join('');
      out += `\n<details><summary>${html(`${changeTitle(c)}: ${c.change}${c.why ? ` (${c.why})` : ''}`)}</summary>\n\n${notes}${fence}diff\n${patch}${fence}\n\n</details>\n`;
    }
  }
  return out;
}

function cell(text: string): string {
  return html(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
