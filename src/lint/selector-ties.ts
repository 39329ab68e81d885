// Finds selectors that tie: two blueprints of a kind (or two options of a resource) that would
// both select some owner with the same specificity while no more specific one selects it, so
// the controller would refuse that owner. Each selector is a conjunction of terms on label keys
// and owner fields; a tie is a satisfiable conjunction of both selectors and, for each more
// specific selector, the negation of one of its terms. The search is exact for labels; for
// fields it knows that a field inside another needs that one to be an object, and that a
// Workload's source is git or image, not both. Cartographer 0.0.6 did not rank selectors: any
// two that can match the same labels tie.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Blueprint, Resource, Selector, TemplateOption } from '../model/index.js';
import { own, ownAt } from '../util/objects.js';
import { lintDiagnostic, refOf } from './report.js';
import { optionLabel } from '../select/index.js';
import { selectorKey } from './webhook-blueprints.js';

type Domain = { kind: 'in' | 'notIn'; values: ReadonlySet<string> };
/** What a key may be: absent (or null), and which present values. */
interface Constraint {
  absent: boolean;
  present: Domain;
}
interface Term {
  key: string;
  constraint: Constraint;
}
type Constraints = ReadonlyMap<string, Constraint>;

const ANY: Domain = { kind: 'notIn', values: new Set() };
const NONE: Domain = { kind: 'in', values: new Set() };
const BUDGET = 20_000;

function intersectDomain(a: Domain, b: Domain): Domain {
  if (a.kind === 'in' && b.kind === 'in') return { kind: 'in', values: new Set([...a.values].filter((v) => b.values.has(v))) };
  if (a.kind === 'in') return { kind: 'in', values: new Set([...a.values].filter((v) => !b.values.has(v))) };
  if (b.kind === 'in') return intersectDomain(b, a);
  return { kind: 'notIn', values: new Set([...a.values, ...b.values]) };
}

const presentPossible = (c: Constraint) => c.present.kind === 'notIn' || c.present.values.size > 0;
const mustBePresent = (c: Constraint) => !c.absent && presentPossible(c);

function complement(c: Constraint): Constraint {
  return { absent: !c.absent, present: { kind: c.present.kind === 'in' ? 'notIn' : 'in', values: c.present.values } };
}

/** A selector's terms; undefined when it cannot be evaluated (the webhook reports that). */
function termsOf(selector: Selector): Term[] | undefined {
  const terms: Term[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels)) terms.push({ key: `l:${key}`, constraint: { absent: false, present: { kind: 'in', values: new Set([value]) } } });
  for (const req of selector.matchExpressions) {
    const values = new Set(req.values ?? []);
    const key = `l:${req.key}`;
    switch (req.operator) {
      case 'In': terms.push({ key, constraint: { absent: false, present: { kind: 'in', values } } }); break;
      case 'NotIn': terms.push({ key, constraint: { absent: true, present: { kind: 'notIn', values } } }); break;
      case 'Exists': terms.push({ key, constraint: { absent: false, present: ANY } }); break;
      case 'DoesNotExist': terms.push({ key, constraint: { absent: true, present: NONE } }); break;
      default: return undefined;
    }
  }
  for (const req of selector.matchFields) {
    const values = new Set(req.values ?? []);
    const key = `f:${req.key.replace(/^\{?\.?/, '').replace(/\}$/, '')}`;
    switch (req.operator) {
      case 'In': terms.push({ key, constraint: { absent: false, present: { kind: 'in', values } } }); break;
      // A missing field does not satisfy NotIn (Cartographer's matcher returns early).
      case 'NotIn': terms.push({ key, constraint: { absent: false, present: { kind: 'notIn', values } } }); break;
      case 'Exists': terms.push({ key, constraint: { absent: false, present: ANY } }); break;
      case 'DoesNotExist': terms.push({ key, constraint: { absent: true, present: NONE } }); break;
      default: return undefined;
    }
  }
  return terms;
}

function sourceGroup(key: string): string | undefined {
  for (const group of ['spec.source.git', 'spec.source.image']) if (key === `f:${group}` || key.startsWith(`f:${group}.`)) return group;
  return undefined;
}

/** Adds a term; null when no owner can satisfy the result. */
function add(constraints: Constraints, term: Term): Constraints | null {
  const before = constraints.get(term.key);
  const merged = before ? { absent: before.absent && term.constraint.absent, present: intersectDomain(before.present, term.constraint.present) } : term.constraint;
  if (!merged.absent && !presentPossible(merged)) return null;
  const next = new Map(constraints);
  next.set(term.key, merged);
  // A Workload's source is git or image.
  const groups = new Set<string>();
  for (const [key, c] of next) {
    const group = sourceGroup(key);
    if (group && mustBePresent(c)) groups.add(group);
  }
  if (groups.size > 1) return null;
  // A field inside another needs that one to be an object, not a string from a list.
  for (const [inner, c] of next) {
    if (!inner.startsWith('f:') || !mustBePresent(c)) continue;
    for (const [outer, o] of next) {
      if (outer !== inner && outer.startsWith('f:') && inner.startsWith(`${outer}.`) && o.present.kind === 'in') return null;
    }
  }
  return next;
}

function addAll(constraints: Constraints, terms: readonly Term[]): Constraints | null {
  let current: Constraints | null = constraints;
  for (const term of terms) {
    current = current && add(current, term);
    if (!current) return null;
  }
  return current;
}

/** A witness where `base` holds and none of `higher` matches, or null. */
function escape(base: Constraints, higher: readonly Term[][], budget: { left: number }): Constraints | null {
  const search = (i: number, cs: Constraints): Constraints | null => {
    if (--budget.left < 0) return null;
    if (i === higher.length) return cs;
    const terms = higher[i] as Term[];
    if (!addAll(cs, terms)) return search(i + 1, cs); // that selector cannot match here anyway
    for (const term of terms) {
      const next = add(cs, { key: term.key, constraint: complement(term.constraint) });
      const found = next && search(i + 1, next);
      if (found) return found;
    }
    return null;
  };
  return search(0, base);
}

interface Candidate {
  index: number;
  terms: Term[];
  score: number;
}

/** Pairs (a before b) that tie, each with a witness. */
function ties(selectors: readonly Selector[], ranked: boolean): Array<{ a: number; b: number; witness: Constraints }> {
  const candidates: Candidate[] = selectors.flatMap((selector, index) => {
    const terms = termsOf(selector);
    return terms ? [{ index, terms, score: terms.length }] : [];
  });
  const found: Array<{ a: number; b: number; witness: Constraints }> = [];
  const budget = { left: BUDGET };
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i] as Candidate;
      const b = candidates[j] as Candidate;
      if (ranked && (a.score !== b.score || a.score === 0)) continue;
      const base = addAll(new Map(), [...a.terms, ...b.terms]);
      if (!base) continue;
      const higher = ranked ? candidates.filter((c) => c.score > a.score).map((c) => c.terms) : [];
      const witness = escape(base, higher, budget);
      if (witness) found.push({ a: a.index, b: b.index, witness });
    }
  }
  return found;
}

/** `app=web, tier set, spec.source.git set`: an owner the witness describes. */
function describeWitness(witness: Constraints): string {
  const parts: string[] = [];
  for (const [key, c] of [...witness].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    if (!mustBePresent(c)) continue;
    const name = key.slice(2);
    const value = c.present.kind === 'in' ? [...c.present.values].sort()[0] : pickOutside(c.present.values);
    if (key.startsWith('l:')) parts.push(`${name}=${value}`);
    else parts.push(c.present.kind === 'in' ? `${name}=${value}` : `${name} set`);
  }
  return parts.length > 0 ? parts.join(', ') : 'any labels';
}

function pickOutside(excluded: ReadonlySet<string>): string {
  for (const candidate of ['true', 'yes', 'x', 'other']) if (!excluded.has(candidate)) return candidate;
  let n = 0;
  while (excluded.has(`value-${n}`)) n++;
  return `value-${n}`;
}

/** Blueprints of one kind that would tie for some owner. */
export function checkBlueprintTies(blueprints: readonly Blueprint[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const kind of ['ClusterSupplyChain', 'ClusterDelivery'] as const) {
    const pool = blueprints.filter((b) => b.kind === kind);
    const legacy = pool.length > 0 && pool.every((b) => b.format === '0.0.6');
    // 0.0.6 selected on spec.selector alone, with no ranking.
    const selectors = pool.map((b) => (legacy ? { matchLabels: b.selector.matchLabels, matchExpressions: [], matchFields: [] } : b.selector));
    const ownerKind = kind === 'ClusterSupplyChain' ? 'Workload' : 'Deliverable';
    const words = kind === 'ClusterSupplyChain' ? { owner: 'workload', blueprint: 'supply chain' } : { owner: 'deliverable', blueprint: 'delivery' };
    for (const { a, b, witness } of ties(selectors, !legacy)) {
      const first = pool[a] as Blueprint;
      const second = pool[b] as Blueprint;
      out.push(lintDiagnostic('selector-tie', `${kind} ${first.name} and ${kind} ${second.name} would both select a ${ownerKind} with ${describeWitness(witness)}${legacy ? '' : ', equally specific'}, and the controller would refuse it`, {
        doc: second.doc,
        object: refOf(kind, second.name),
        path: selectorPath(second),
        key: true,
      }, {
        controllerMessage: `${words.owner} may only match a single ${words.blueprint}'s selector`,
        hint: legacy
          ? 'Cartographer 0.0.6 does not rank selectors: make the two selectors exclude each other (a label both set differently)'
          : 'make one selector more specific (more labels or fields), or make the two exclude each other',
      }));
    }
  }
  return out;
}

/** Options of one resource that would tie for some owner. */
export function checkOptionTies(blueprint: Blueprint, resource: Resource): Diagnostic[] {
  const options = resource.templateRef.options ?? [];
  if (options.length < 2) return [];
  const out: Diagnostic[] = [];
  const written = ownAt(blueprint.doc.value, [...resource.path, 'templateRef', 'options']);
  const rawOptions = Array.isArray(written) ? (written as Array<Record<string, unknown>>) : undefined;
  for (const { a, b, witness } of ties(options.map((o) => o.selector), true)) {
    const first = options[a] as TemplateOption;
    const second = options[b] as TemplateOption;
    // Selectors the webhook calls identical are its duplicate-selector error already.
    if (rawOptions && selectorKey(rawOptions[a] ?? {}) === selectorKey(rawOptions[b] ?? {})) continue;
    const names = [first.name ?? '', second.name ?? ''];
    out.push(lintDiagnostic('option-tie', `options ${optionLabel(first)} and ${optionLabel(second)} of resource ${resource.name} would both match a ${blueprint.kind === 'ClusterDelivery' ? 'Deliverable' : 'Workload'} with ${describeWitness(witness)}, equally specific, and the controller would stamp nothing for it`, {
      doc: blueprint.doc,
      object: refOf(blueprint.kind, blueprint.name),
      path: [...resource.path, 'templateRef', 'options', b, 'selector'],
      key: true,
    }, {
      resource: resource.name,
      controllerMessage: `expected exactly 1 option to match, found [2] matching options [${names.join(', ')}] for resource [${resource.name}] in supply chain [${blueprint.name}]`,
      hint: 'make one selector more specific, or make the two exclude each other (e.g. Exists on one, DoesNotExist on the other)',
    }));
  }
  return out;
}

function selectorPath(blueprint: Blueprint): (string | number)[] {
  const spec = own(blueprint.doc.value, 'spec');
  for (const key of ['selector', 'selectorMatchExpressions', 'selectorMatchFields']) {
    if (spec && typeof spec === 'object' && own(spec as Record<string, unknown>, key) !== undefined) return ['spec', key];
  }
  return ['spec'];
}
