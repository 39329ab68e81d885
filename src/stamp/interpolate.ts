// `$(…)$` placeholders in spec.template, exactly as the controller substitutes them:
// - a string that is one whole tag takes the value with its JSON type (null included);
// - any other string has each tag replaced by text: strings raw, null an error, anything
//   else as Go-JSON (compact, sorted keys, <>& escaped); a `$(` with no `)$` is left alone;
// - map keys are never interpolated; numbers, booleans and null pass through.
// Current Cartographer substitutes once. 0.0.6 substituted again into every value that
// changed (with a loop detector) and turned empty lists into null.
import { evaluateJsonPath, evaluatePrepared, prepareJsonPath, type EvalFailure, type PreparedPath } from '../eval/index.js';
import { goValueText, marshal, type GoValue, type JSONValue } from '../jsonpath/index.js';
import type { Format } from '../model/index.js';
import { setOwn } from '../util/objects.js';
import { MAX_DEPTH, MAX_OBJECT_SUBSTITUTION, MAX_OWNER_SUBSTITUTION, MAX_RENDER_SUBSTITUTION, MAX_SUBSTITUTIONS, MAX_REINTERPOLATION, MAX_STRING, formatCount } from '../util/limits.js';

const START = '$(';
const END = ')$';

export interface InterpolationError {
  /** Where in spec.template the failing string is. */
  path: (string | number)[];
  /** The placeholder expression (without `$(`/`)$`). */
  expression: string;
  /** The innermost reason, e.g. `jsonpath returned empty list: params.foo`. */
  reason: string;
  /** The controller's full message chain below the realizer's own prefix. */
  controllerMessage: string;
  /** The path found nothing (as opposed to a syntax error, a nil in text, a loop…). */
  missing: boolean;
  /** What went wrong, as the diagnostic code render reports it with. */
  code: InterpolationCode;
}

export type InterpolationCode =
  | 'jsonpath-no-result'
  | 'jsonpath-many-results'
  | 'jsonpath-syntax'
  | 'jsonpath-error'
  | 'nil-in-text'
  | 'placeholder-loop'
  | 'render-limit';

const EVAL_CODES: Record<EvalFailure, InterpolationCode> = {
  'not-found': 'jsonpath-no-result',
  many: 'jsonpath-many-results',
  syntax: 'jsonpath-syntax',
  error: 'jsonpath-error',
};

export interface Interpolated {
  value: JSONValue;
  errors: InterpolationError[];
}

export function isSingleTag(text: string): boolean {
  return text.startsWith(START) && text.endsWith(END) && text.indexOf(START, 1) === -1;
}

/**
 * What is left of one render's substitution budgets: the owner's (MAX_OWNER_SUBSTITUTION, which
 * bounds the memory of the objects held until the owner is written out) and the render's
 * (MAX_RENDER_SUBSTITUTION, shared by all owners, so that a huge value substituted for every
 * owner stops early).
 */
export interface SubstitutionBudget {
  left: number;
  ownerLeft: number;
}

export function substitutionBudget(): SubstitutionBudget {
  return { left: MAX_RENDER_SUBSTITUTION, ownerLeft: MAX_OWNER_SUBSTITUTION };
}

/** The next owner of the render begins: a full budget of its own; the render's goes on. */
export function startOwner(budget: SubstitutionBudget): void {
  budget.ownerLeft = MAX_OWNER_SUBSTITUTION;
}

export function interpolateTemplate(template: JSONValue, context: GoValue, semantics: Format, budget: SubstitutionBudget = substitutionBudget()): Interpolated {
  const errors: InterpolationError[] = [];
  const walker = new Walker(context, semantics, errors, budget);
  const value = walker.run(compiled(template, semantics), template);
  return { value, errors };
}

// A template is compiled once per semantics and evaluated for every owner: the structure is
// walked and every placeholder parsed only once ("no work repeated per object").
const enum Kind {
  Const,
  Leaf,
  Array,
  Object,
}

type Program =
  /** No placeholder inside: the same (frozen) value for every owner. */
  | { readonly k: Kind.Const; readonly value: JSONValue }
  | { readonly k: Kind.Leaf; readonly text: string; readonly path: readonly (string | number)[]; readonly single?: PreparedPath; readonly parts?: ReadonlyArray<string | PreparedPath> }
  | { readonly k: Kind.Array; readonly items: readonly Program[] }
  /** `plain`: no key is `__proto__`, so each can be assigned (setOwn otherwise). */
  | { readonly k: Kind.Object; readonly keys: readonly string[]; readonly values: readonly Program[]; readonly plain: boolean };

const programs = new WeakMap<object, { current?: Program; legacy?: Program }>();

function compiled(template: JSONValue, semantics: Format): Program {
  if (template === null || typeof template !== 'object') return compile(template, [], semantics);
  let entry = programs.get(template);
  if (!entry) programs.set(template, (entry = {}));
  const slot = semantics === '0.0.6' ? 'legacy' : 'current';
  return (entry[slot] ??= compile(template, [], semantics));
}

function compile(value: JSONValue, path: (string | number)[], semantics: Format): Program {
  if (typeof value === 'string') {
    if (value.indexOf(START) === -1) return { k: Kind.Const, value };
    if (isSingleTag(value)) return { k: Kind.Leaf, text: value, path: [...path], single: prepareJsonPath(value.slice(START.length, value.length - END.length)) };
    return { k: Kind.Leaf, text: value, path: [...path], parts: scan(value) };
  }
  if (Array.isArray(value)) {
    // 0.0.6 turned every empty list into null, the template's own included.
    if (value.length === 0) return { k: Kind.Const, value: semantics === '0.0.6' ? null : Object.freeze([]) as unknown as JSONValue };
    const items = value.map((item, i) => {
      path.push(i);
      const p = compile(item, path, semantics);
      path.pop();
      return p;
    });
    return items.every((p) => p.k === Kind.Const) ? constant(items.map((p) => (p as { value: JSONValue }).value)) : { k: Kind.Array, items };
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const values = keys.map((key) => {
      path.push(key);
      const p = compile(value[key] as JSONValue, path, semantics);
      path.pop();
      return p;
    });
    if (values.every((p) => p.k === Kind.Const)) {
      const out: Record<string, JSONValue> = {};
      keys.forEach((key, i) => setOwn(out, key, (values[i] as { value: JSONValue }).value));
      return constant(out);
    }
    return { k: Kind.Object, keys, values, plain: !keys.includes('__proto__') };
  }
  return { k: Kind.Const, value };
}

/** Shared between owners, so frozen: nobody can change one owner's object through another's. */
function constant(value: JSONValue): Program {
  return { k: Kind.Const, value: Object.freeze(value) as JSONValue };
}

/** fasttemplate's scan, done once: text, then each `$(` up to the next `)$` as a tag. */
function scan(text: string): Array<string | PreparedPath> {
  const parts: Array<string | PreparedPath> = [];
  let rest = text;
  for (;;) {
    const start = rest.indexOf(START);
    if (start < 0) break;
    if (start > 0) parts.push(rest.slice(0, start));
    rest = rest.slice(start + START.length);
    const end = rest.indexOf(END);
    if (end < 0) {
      parts.push(START);
      break;
    }
    parts.push(prepareJsonPath(rest.slice(0, end)));
    rest = rest.slice(end + END.length);
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

class LeafFailure {
  constructor(
    readonly expression: string,
    readonly reason: string,
    readonly chain: string,
    readonly missing: boolean,
    readonly code: InterpolationCode,
  ) {}
}

/** A map or array the 0.0.6 walk descended through, and the child value it passed down. */
interface Frame {
  readonly container: 'map' | 'array';
  readonly child: JSONValue;
}

const TOO_MANY = `substituting placeholders into substituted values makes more than carto's limit of ${formatCount(MAX_SUBSTITUTIONS)} values`;

/** A value for a message: at most 60 characters of it. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** A string a placeholder would make longer than MAX_STRING: an error, not an out-of-memory crash. */
const TOO_LONG = `the text would be longer than carto's limit of ${formatCount(MAX_STRING)} characters`;

function tooLong(expression: string): LeafFailure {
  return new LeafFailure(expression, TOO_LONG, `interpolate tag: ${TOO_LONG}`, false, 'render-limit');
}

const TOO_BIG_OBJECT = `the placeholders substitute more into this object than carto's limit allows (${formatCount(MAX_OBJECT_SUBSTITUTION)} units: a character, or 16 for a map or list); the API server would refuse an object this large anyway`;
const TOO_BIG_RENDER = `the placeholders of this render substitute more than carto's limit of ${formatCount(MAX_RENDER_SUBSTITUTION)} units in all (a character, or 16 for a map or list)`;
const TOO_BIG_OWNER = `the placeholders substitute more into the objects of this owner than carto's limit of ${formatCount(MAX_OWNER_SUBSTITUTION)} units (a character, or 16 for a map or list)`;
const TOO_DEEP = `substituted values nest deeper than carto's limit of ${formatCount(MAX_DEPTH)} levels`;

/** The size of a substituted value in budget units, counting no further than `limit`. */
function sizeOf(value: JSONValue, limit: number): number {
  if (typeof value === 'string') return value.length;
  if (value === null || typeof value !== 'object') return 1;
  let size = 16;
  const stack: JSONValue[] = [value];
  while (stack.length > 0 && size <= limit) {
    const v = stack.pop() as JSONValue;
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, JSONValue>);
    for (const child of children) {
      if (typeof child === 'string') size += child.length + 1;
      else if (child !== null && typeof child === 'object') {
        size += 16;
        stack.push(child);
      } else size += 1;
    }
  }
  return size;
}

class Walker {
  /** Values the 0.0.6 walk has produced for this template (bounded: see walkLegacy). */
  private legacyValues = 0;
  /** The walk went past one of carto's limits (or, in 0.0.6, hit a loop): reported once, nothing more is walked. */
  private stopped = false;
  /** What this template's placeholders have substituted so far (MAX_OBJECT_SUBSTITUTION). */
  private substituted = 0;

  constructor(
    private readonly context: GoValue,
    private readonly semantics: Format,
    private readonly errors: InterpolationError[],
    private readonly budget: SubstitutionBudget,
  ) {}

  /** Charges a substituted value to the object's, the owner's and the render's budgets. */
  private charge(value: JSONValue, expression: string): LeafFailure | undefined {
    const objectRoom = MAX_OBJECT_SUBSTITUTION - this.substituted;
    const room = Math.min(objectRoom, this.budget.ownerLeft, this.budget.left);
    const size = typeof value === 'string' ? value.length : sizeOf(value, room);
    if (size > room) {
      // The smallest budget is the one exceeded (on a tie the object's, then the render's).
      const reason = objectRoom === room ? TOO_BIG_OBJECT : this.budget.left === room ? TOO_BIG_RENDER : TOO_BIG_OWNER;
      return new LeafFailure(expression, reason, `interpolate tag: ${reason}`, false, 'render-limit');
    }
    this.substituted += size;
    this.budget.ownerLeft -= size;
    this.budget.left -= size;
    return undefined;
  }

  /** Evaluates a compiled template; `template` is the source, for 0.0.6's error messages. */
  run(program: Program, template: JSONValue): JSONValue {
    switch (program.k) {
      case Kind.Const:
        return program.value;
      case Kind.Array: {
        const out: JSONValue[] = new Array(program.items.length);
        for (let i = 0; i < program.items.length; i++) out[i] = this.run(program.items[i] as Program, template);
        return out;
      }
      case Kind.Object: {
        const out: Record<string, JSONValue> = {};
        const { keys, values } = program;
        if (program.plain) for (let i = 0; i < keys.length; i++) out[keys[i] as string] = this.run(values[i] as Program, template);
        else for (let i = 0; i < keys.length; i++) setOwn(out, keys[i] as string, this.run(values[i] as Program, template));
        return out;
      }
      case Kind.Leaf: {
        if (this.stopped) return program.text;
        let result = program.single ? this.single(program.text, program.single) : this.embeddedParts(program.parts ?? []);
        if (!(result instanceof LeafFailure)) result = this.charge(result, program.single?.expression ?? program.text) ?? result;
        if (result instanceof LeafFailure && result.code === 'render-limit') this.stopped = true;
        const path = program.path as (string | number)[];
        if (this.semantics === '0.0.6') {
          const frames = () => framesAlong(template, path);
          if (result instanceof LeafFailure) {
            this.fail(result, path, frames(), 'failed to interpolate leaf node: ');
            return program.text;
          }
          if (result === program.text) return result;
          // What walkLegacy would do with text that holds no placeholder (most substituted
          // values: names, URLs), without working out the frames its messages would need.
          if (typeof result === 'string' && result.indexOf(START) === -1 && path.length <= MAX_DEPTH && this.legacyValues < MAX_SUBSTITUTIONS) {
            this.legacyValues++;
            return result;
          }
          return this.walkLegacy(result, path, [program.text], frames(), true);
        }
        if (result instanceof LeafFailure) {
          this.fail(result, path);
          return program.text;
        }
        return result;
      }
    }
  }

  private single(text: string, prepared: PreparedPath): JSONValue | LeafFailure {
    const result = evaluatePrepared(prepared, this.context, this.semantics);
    if (!result.ok) return new LeafFailure(prepared.expression, result.message, `evaluate tag ${text}: ${result.message}`, result.missing, EVAL_CODES[result.kind]);
    return result.value;
  }

  private embeddedParts(parts: ReadonlyArray<string | PreparedPath>): string | LeafFailure {
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const result = evaluatePrepared(part, this.context, this.semantics);
      if (!result.ok) return new LeafFailure(part.expression, result.message, `interpolate tag: evaluate jsonpath: ${result.message}`, result.missing, EVAL_CODES[result.kind]);
      if (result.value === null) {
        const reason = `tag must not point to nil value: ${part.expression}`;
        return new LeafFailure(part.expression, reason, `interpolate tag: ${reason}`, false, 'nil-in-text');
      }
      out += typeof result.value === 'string' ? result.value : marshal(result.value);
      if (out.length > MAX_STRING) return tooLong(part.expression);
    }
    return out.length > MAX_STRING ? tooLong(parts.find((p) => typeof p !== 'string')?.expression ?? '') : out;
  }

  /**
   * 0.0.6: re-interpolate what changed; `[]` becomes null; a placeholder seen twice is a loop.
   * Its errors carry no path: each map or array level wraps them with the child's Go `%v`.
   */
  walkLegacy(value: JSONValue, path: (string | number)[], seen: string[], frames: Frame[], substituted = false): JSONValue {
    // Inside a substituted value the template location stays that of the placeholder.
    const at = (step: string | number) => (substituted ? path : [...path, step]);
    // The controller's loop detector only catches a placeholder coming back; values that keep
    // growing (`a: $(params.a)$x`) or doubling (maps of maps of…) would recurse or expand without
    // end there. carto stops them with an error.
    if (this.stopped) return value;
    if (frames.length > MAX_DEPTH) {
      this.fail(new LeafFailure(seen[0] ?? '', TOO_DEEP, TOO_DEEP, false, 'render-limit'), path, frames.slice(0, 3));
      this.stopped = true;
      return null;
    }
    if (++this.legacyValues > MAX_SUBSTITUTIONS) {
      this.fail(new LeafFailure(seen[0] ?? '', TOO_MANY, TOO_MANY, false, 'render-limit'), path, frames);
      this.stopped = true;
      return null;
    }
    if (typeof value === 'string') {
      const loopAt = seen.indexOf(value);
      if (loopAt >= 0) {
        const loop = [...seen.slice(loopAt), value].join(' -> ');
        this.fail(new LeafFailure(value, `infinite tag loop detected: ${loop}`, `infinite tag loop detected: ${loop}`, false, 'placeholder-loop'), path, frames);
        // The controller stops at its first error; walking on, params that refer to each other
        // several times would report the same loop thousands of times.
        this.stopped = true;
        return value;
      }
      if (value.indexOf(START) !== -1 && seen.length >= MAX_REINTERPOLATION) {
        const reason = `placeholders keep producing new placeholders: substituted ${formatCount(MAX_REINTERPOLATION)} times over, carto's limit (${seen.slice(0, 3).map(clip).join(' -> ')} -> …)`;
        this.fail(new LeafFailure(seen[0] ?? value, reason, reason, false, 'render-limit'), path, frames);
        this.stopped = true;
        return value;
      }
      if (value.indexOf(START) === -1) return value;
      let result = this.leaf(value);
      if (!(result instanceof LeafFailure)) result = this.charge(result, value) ?? result;
      if (result instanceof LeafFailure) {
        this.fail(result, path, frames, 'failed to interpolate leaf node: ');
        // Past a limit, every other branch of the same runaway value would fail the same way.
        if (result.code === 'render-limit') this.stopped = true;
        return value;
      }
      if (result === value) return value;
      return this.walkLegacy(result, path, [...seen, value], frames, true);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return null;
      return value.map((item, i) => this.walkLegacy(item, at(i), seen, [...frames, { container: 'array', child: item }], substituted));
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, JSONValue> = {};
      for (const key of Object.keys(value)) {
        const child = value[key] as JSONValue;
        setOwn(out, key, this.walkLegacy(child, at(key), seen, [...frames, { container: 'map', child }], substituted));
      }
      return out;
    }
    return value;
  }

  private fail(failure: LeafFailure, path: (string | number)[], legacyFrames?: Frame[], leafWrap = ''): void {
    const controllerMessage = legacyFrames
      ? `${legacyFrames.map((f) => `failed to interpolate ${f.container} value [${goValueText(f.child)}]: `).join('')}${leafWrap}${failure.chain}`
      : `failed to interpolate template at path [${controllerPath(path)}]: ${failure.chain}`;
    this.errors.push({ path, expression: failure.expression, reason: failure.reason, controllerMessage, missing: failure.missing, code: failure.code });
  }

  private leaf(text: string): JSONValue | LeafFailure {
    if (isSingleTag(text)) {
      const expression = text.slice(START.length, text.length - END.length);
      const result = evaluateJsonPath(expression, this.context, this.semantics);
      if (!result.ok) return new LeafFailure(expression, result.message, `evaluate tag ${text}: ${result.message}`, result.missing, EVAL_CODES[result.kind]);
      return result.value;
    }
    return this.embedded(text);
  }

  /** fasttemplate's scan: each `$(` up to the next `)$` is a tag. */
  private embedded(text: string): string | LeafFailure {
    let out = '';
    let rest = text;
    for (;;) {
      const start = rest.indexOf(START);
      if (start < 0) break;
      out += rest.slice(0, start);
      rest = rest.slice(start + START.length);
      const end = rest.indexOf(END);
      if (end < 0) {
        out += START;
        break;
      }
      const expression = rest.slice(0, end);
      // Each tag counts towards the 0.0.6 walk's budget too (this runs only for it).
      if (++this.legacyValues > MAX_SUBSTITUTIONS) return new LeafFailure(expression, TOO_MANY, TOO_MANY, false, 'render-limit');
      const result = evaluateJsonPath(expression, this.context, this.semantics);
      if (!result.ok) {
        return new LeafFailure(expression, result.message, `interpolate tag: evaluate jsonpath: ${result.message}`, result.missing, EVAL_CODES[result.kind]);
      }
      if (result.value === null) {
        const reason = `tag must not point to nil value: ${expression}`;
        return new LeafFailure(expression, reason, `interpolate tag: ${reason}`, false, 'nil-in-text');
      }
      out += typeof result.value === 'string' ? result.value : marshal(result.value);
      if (out.length > MAX_STRING) return tooLong(expression);
      rest = rest.slice(end + END.length);
    }
    return out.length + rest.length > MAX_STRING ? tooLong(text) : out + rest;
  }
}

/** The containers a 0.0.6 walk passed through to reach `path` in the template (for its messages). */
function framesAlong(template: JSONValue, path: readonly (string | number)[]): Frame[] {
  const frames: Frame[] = [];
  let node: JSONValue = template;
  for (const step of path) {
    if (node === null || typeof node !== 'object') break;
    const child: JSONValue = Array.isArray(node) ? (node[step as number] as JSONValue) : ((node as Record<string, JSONValue>)[step as string] as JSONValue);
    frames.push({ container: Array.isArray(node) ? 'array' : 'map', child });
    node = child;
  }
  return frames;
}

/** One `$(…)$` tag found in a template, where it is, and whether it is the whole string. */
export interface Placeholder {
  /** Where in the template the string holding it is. */
  path: (string | number)[];
  /** The expression between `$(` and `)$`. */
  expression: string;
  /** The whole string is this one tag (its value keeps its type). */
  single: boolean;
}

/**
 * Every tag the controller would evaluate in `template`, in document order: the same compiled
 * program the stamper runs (single tag, else each `$(` up to the next `)$`; keys never count).
 */
export function listPlaceholders(template: JSONValue, path: (string | number)[] = []): Placeholder[] {
  const found: Placeholder[] = [];
  const visit = (program: Program): void => {
    switch (program.k) {
      case Kind.Leaf:
        if (program.single) found.push({ path: [...path, ...program.path], expression: program.single.expression, single: true });
        for (const part of program.parts ?? []) {
          if (typeof part !== 'string') found.push({ path: [...path, ...program.path], expression: part.expression, single: false });
        }
        return;
      case Kind.Array:
        program.items.forEach(visit);
        return;
      case Kind.Object:
        program.values.forEach(visit);
        return;
      default:
        return;
    }
  };
  visit(compiled(template, 'current'));
  return found;
}

/**
 * The controller's path notation: keys joined by `.`, an index as `.[i]`, and no dot after an
 * index (`list.[0][1]key`): it ends each key with the dot, not each index.
 */
export function controllerPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    const text = typeof part === 'number' ? `[${part}]` : part;
    out += out === '' || out.endsWith(']') ? text : `.${text}`;
  }
  return out;
}

