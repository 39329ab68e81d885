// An explanation as text for a person, within 80 columns: the owner, the blueprint chosen and
// why each candidate won or lost, then each resource in the order the controller walks them
// (option, inputs, params and where each came from, the stamped object, outputs and their
// provenance), then the mocks. Written from the same data as the JSON.
import { wrap } from '../graph/wrap.js';
import { clip } from '../util/clip.js';
import type { ParamLevel } from '../stamp/params.js';
import type {
  CandidateExplanation,
  DiagnosticExplanation,
  Explanation,
  InputExplanation,
  OptionExplanation,
  OutputExplanation,
  ParamExplanation,
  ReadinessExplanation,
  ResourceExplanation,
  Verdict,
} from './types.js';
import { MARKS } from '../status/index.js';

export const EXPLAIN_WIDTH = 80;

class Text {
  readonly lines: string[] = [];

  /** Adds `text` at `indent` spaces, wrapped; continuation lines `more` spaces further in. */
  add(indent: number, text: string, more = 4): void {
    const pad = ' '.repeat(indent);
    const [first = '', ...rest] = wrap(text, EXPLAIN_WIDTH - indent, EXPLAIN_WIDTH - indent - more);
    this.lines.push(pad + first, ...rest.map((l) => pad + ' '.repeat(more) + l));
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }
}

export function formatExplanation(e: Explanation): string {
  const out = new Text();
  const words = wordsFor(e);
  out.add(0, `${e.owner.kind} ${e.owner.namespace}/${e.owner.name} (${e.owner.file}:${e.owner.line})`);
  const labels = Object.entries(e.owner.labels).map(([k, v]) => `${k}=${v}`);
  out.add(2, `labels: ${labels.length > 0 ? labels.join(', ') : 'none'}`);
  out.add(2, e.semantics === '0.0.6' ? 'rendered as Cartographer 0.0.6 would' : 'rendered as current Cartographer (v0.8) would');
  out.add(2, e.ok ? 'renders without errors' : 'does not render: the errors are below');
  if (e.readiness) {
    const r = e.readiness;
    out.add(2, `Ready: ${r.status}${r.reason ? `, ${r.reason}` : ''} (as carto status reports it: no mocks)`);
    if (r.message) out.add(4, `controller: ${clip(r.message.replace(/\n/g, ' '))}`);
  }

  out.blank();
  const sel = e.selection;
  out.add(0, sel.chosen ? `${words.Blueprint}: ${sel.chosen.name} (${sel.chosen.file}:${sel.chosen.line})` : `${words.Blueprint}: none`);
  if (sel.message) out.add(2, `controller: ${sel.message}`);
  if (sel.outcome === 'not-evaluated') out.add(2, `not chosen: the ${e.owner.kind} could not be read (see the errors)`);
  if (sel.candidates.length === 0 && sel.outcome !== 'not-evaluated') out.add(2, `no ${sel.kind} was compared`);
  for (const c of sel.candidates) candidate(out, c);

  if (e.resources.length > 0) {
    out.blank();
    out.add(0, `Resources, in the order the controller walks them:`);
    e.resources.forEach((r, i) => {
      out.blank();
      resource(out, r, i + 1, words, e.diagnostics.filter((d) => d.resource === r.name), e.readiness?.resources?.find((v) => v.name === r.name));
    });
  }

  if (e.mocks.length > 0) {
    out.blank();
    out.add(0, 'Mocks: fake outputs that reached a stamped object; give the real values with --outputs, --set-output or --observed:');
    for (const m of e.mocks) out.add(2, `${m.resource}.${m.field}${m.path ? ` (${m.path})` : ''}, used by ${m.usedBy.join(', ')}`);
  }

  // Errors and warnings of a resource are told with it; the rest here (stderr has them all, with hints).
  const general = e.diagnostics.filter((d) => d.severity !== 'note' && (d.resource === null || !e.resources.some((r) => r.name === d.resource)));
  if (general.length > 0) {
    out.blank();
    out.add(0, 'Errors and warnings:');
    // The controller's message of a selection that failed is printed with the blueprints already.
    for (const d of general) problem(out, 2, d.controllerMessage === sel.message ? { ...d, controllerMessage: undefined } : d, `${d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : ''}${d.message}`);
  }
  return `${out.lines.join('\n')}\n`;
}

/** `error: …`, then the controller's own words on an indented line, as lint and render print them (long values cut). */
function problem(out: Text, indent: number, d: DiagnosticExplanation, said: string): void {
  out.add(indent, `${d.severity}: ${said}`);
  if (d.controllerMessage !== undefined) out.add(indent + 2, `controller: ${clip(d.controllerMessage.replace(/\n/g, ' '))}`);
}

function candidate(out: Text, c: CandidateExplanation): void {
  out.add(2, `${c.name}: ${verdict(c)}`);
  out.add(6, `selector: ${c.selector}`);
  if (!c.chosen) out.add(6, `at ${c.file}:${c.line}`);
}

type StatusVerdict = NonNullable<ReadinessExplanation['resources']>[number];

function resource(out: Text, r: ResourceExplanation, n: number, words: Words, problems: readonly DiagnosticExplanation[], judged: StatusVerdict | undefined): void {
  const template = r.passThrough !== null ? `${r.templateKind}, passThrough of input ${r.passThrough}` : r.template ? `${r.templateKind} ${r.template.name}` : r.templateKind;
  out.add(0, `${n}. ${r.name}: ${template}`);
  const status = {
    stamped: undefined,
    'passed-through': `stamps nothing: hands on input ${r.passThrough} as its output`,
    'template-missing': 'stamps nothing: its template is not in the inputs (--missing-templates mock)',
    failed: 'failed:',
    'not-reached': 'not reached: the controller stopped before it',
  }[r.status];
  if (r.template) out.add(3, `template at ${r.template.file}:${r.template.line}`);
  // carto status's verdict (no mocks), beside what this render (which may mock) made of it below.
  if (judged) out.add(3, `carto status: ${MARKS[judged.verdict].mark} ${judged.verdict}${judged.verdict === 'ready' ? '' : judged.verdict === 'blocked' ? `, waiting for ${judged.waitingFor.join(', ')}` : `, ${judged.reason}`}`);
  if (status) out.add(3, status);
  if (r.health) out.add(3, `${judged ? "render's health" : 'health'}: ${r.health.status}, ${r.health.reason}${r.health.assumed ? ' (taken as healthy: no live object given)' : ''}${r.health.message ? `: ${clip(r.health.message.replace(/\n/g, ' '))}` : ''}`);
  for (const d of problems) problem(out, 5, d, d.message);
  if (r.options) {
    out.add(3, 'options:');
    for (const o of r.options) option(out, o);
  }
  if (r.inputs.length > 0) {
    out.add(3, 'inputs:');
    for (const i of r.inputs) out.add(5, input(i));
  }
  if (r.params.length > 0) {
    out.add(3, 'params:');
    for (const p of r.params) param(out, p, words);
  }
  if (r.object) {
    const o = r.object;
    const name = o.name ?? (o.generateName !== null ? `${o.generateName}… (generateName)` : '(no name)');
    out.add(3, `stamps ${o.kind ?? '(no kind)'} ${o.namespace ? `${o.namespace}/` : ''}${name}${o.apiVersion ? ` (${o.apiVersion})` : ''}`);
  }
  if (r.outputs.length > 0) {
    out.add(3, 'outputs:');
    for (const o of r.outputs) output(out, o, r.name);
  }
}

function option(out: Text, o: OptionExplanation): void {
  const name = o.passThrough !== null ? `passThrough ${o.passThrough}` : (o.name ?? '(no name)');
  out.add(5, `${name}: ${verdict(o)}`);
  out.add(9, `selector: ${o.selector}`);
}

/** `chosen (score 2): …`, `lost (no match): …`. */
function verdict(v: Verdict): string {
  return `${v.chosen ? 'chosen' : 'lost'} (${v.score === null ? 'no match' : `score ${v.score}`}): ${v.reason}`;
}

function input(i: InputExplanation): string {
  const what = i.type === 'deployment' ? 'deployment' : `${i.name} (${i.type})`;
  if (i.available) return `${what} ← ${i.resource}: ${i.provenance.join(', ') || 'no value'}`;
  const why: Record<string, string> = {
    failed: `${i.resource} failed`,
    'no-output': `${i.resource} has no such output`,
    'not-ready': `the deployment of ${i.resource} is not ready`,
    unhealthy: `the object of ${i.resource} is not healthy`,
    'unknown-resource': `there is no resource ${i.resource}`,
    'later-resource': `${i.resource} comes after it, so its output is never there`,
  };
  return `${what} ← ${i.resource}: missing, ${i.reason ? (why[i.reason] ?? i.reason) : 'not gathered'}`;
}

const ORDER: readonly ParamLevel[] = ['template', 'blueprint', 'resource', 'owner'];

function param(out: Text, p: ParamExplanation, words: Words): void {
  out.add(5, `${p.name} = ${show(p.value)}`);
  const won = p.setAt.findLastIndex((s) => s.level === p.level);
  const winner = p.setAt[won] ?? { level: p.level, value: p.value, protected: p.protected };
  const from = p.level === 'owner' ? `the ${words.level.owner}` : `${setter(winner, words)}${p.protected ? ` (protected from the ${words.level.owner})` : ''}`;
  const rank = ORDER.indexOf(p.level);
  const replaced = p.setAt.filter((s, i) => ORDER.indexOf(s.level) < rank || (s.level === p.level && i < won));
  const ignored = p.setAt.filter((s) => ORDER.indexOf(s.level) > rank);
  const parts = [`from ${from}`];
  if (replaced.length > 0) parts.push(`over ${replaced.map((s) => `${setter(s, words)} ${show(s.value)}`).join(', ')}`);
  out.add(9, parts.join(', '));
  if (ignored.length > 0) {
    out.add(9, `ignored: ${ignored.map((s) => `${setter(s, words)} ${show(s.value)}`).join(', ')}${words.legacy ? ' (Cartographer 0.0.6 reads only template defaults and resource values)' : ''}`);
  }
}

function setter(s: ParamExplanation['setAt'][number], words: Words): string {
  if (s.level === 'template') return 'the template default';
  if (s.level === 'owner') return `the ${words.level.owner}'s`;
  return `the ${words.level[s.level]} ${s.protected ? 'value' : 'default'}`;
}

function output(out: Text, o: OutputExplanation, resource: string): void {
  out.add(5, `${o.field} = ${show(o.value)}`);
  const path = o.path ? ` at ${o.path}` : '';
  const how = {
    supplied: `supplied by ${o.origin ?? 'the user'}`,
    stamped: `read from the stamped object${path}${o.origin ? ` (${o.origin})` : ''}`,
    observed: `read from the live object in ${o.origin ?? '--observed'}${path}`,
    mock: o.path
      ? `mock: nothing supplied, and ${o.path} is not on the stamped object or an observed one${o.origin ? `; ${o.origin}` : ''}`
      : `mock: nothing supplied, and ${o.origin ?? 'no path to read it with'}`,
  }[o.provenance];
  out.add(9, o.resource === resource ? how : `from ${o.resource}, ${how}`);
}

/** A value as compact JSON: strings quoted, so `""`, `null` and `"8080"` read unambiguously. */
function show(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

interface Words {
  Blueprint: string;
  level: Record<Exclude<ParamLevel, 'template'>, string>;
  legacy: boolean;
}

function wordsFor(e: Explanation): Words {
  const chain = e.selection.kind === 'ClusterSupplyChain';
  return {
    Blueprint: chain ? 'Supply chain' : 'Delivery',
    level: { blueprint: chain ? 'supply chain' : 'delivery', resource: 'resource', owner: e.owner.kind },
    legacy: e.semantics === '0.0.6',
  };
}
