// Paths written in the client-go JSONPath dialect Cartographer evaluates placeholders, output
// paths and selector keys with: one logical path (context head, then fields, indexes, slices,
// filters) written in any of the ways the dialect allows — `a.b`, `.a.b`, `{.a.b}`, `['b']`,
// escaped dots (`carto\.run/x`) — and, now and then, in the ways people get it wrong (an unescaped
// dot inside brackets, which still splits the key).
import { chance, pick, weighted, type Draw } from './draw.js';

export type Step =
  | { field: string }
  | { index: number }
  | { slice: string }
  | { filter: string }
  | { all: true };

/** Characters that end a field name in client-go unless escaped. */
const TERMINATORS = /[ \t\r\n.,[\]$@{}\\]/g;

function escaped(key: string): string {
  return key.replace(TERMINATORS, (c) => `\\${c}`);
}

function fieldText(draw: Draw, key: string): string {
  const special = /[.]/.test(key);
  return weighted<() => string>(draw, [
    [6, () => `.${escaped(key)}`],
    [3, () => `['${escaped(key)}']`],
    // A slip: the dot still splits the key, so the path finds nothing.
    [special ? 1 : 0, () => `['${key}']`],
  ])();
}

function stepText(draw: Draw, step: Step): string {
  if ('field' in step) return fieldText(draw, step.field);
  if ('index' in step) return `[${step.index}]`;
  if ('slice' in step) return `[${step.slice}]`;
  if ('filter' in step) return `[?(${step.filter})]`;
  return '[*]';
}

/** The path as a placeholder or output path writes it, wrapped or not. */
export function writePath(draw: Draw, steps: readonly Step[]): string {
  // The head in brackets (`['workload'].x` becomes `{.['workload'].x}`: an empty field name) never
  // matches: a slip worth making now and then, not in a third of all paths.
  const body = steps.map((s, i) => (i === 0 && 'field' in s && !chance(draw, 0.03) ? `.${escaped(s.field)}` : stepText(draw, s))).join('');
  const bare = body.startsWith('.') ? body.slice(1) : body;
  return weighted<() => string>(draw, [
    [6, () => bare],
    [2, () => body],
    [2, () => `{${body.startsWith('.') ? body : `.${body}`}}`],
  ])();
}

/** How a list of named items (params, env, serviceClaims) is entered: by position or by filter. */
export function listStep(draw: Draw, names: readonly string[]): Step {
  return weighted<() => Step>(draw, [
    [3, () => ({ filter: `@.name=="${pick(draw, names)}"` })],
    [2, () => ({ index: 0 })],
    [1, () => ({ index: -1 })],
    [1, () => ({ filter: `@.name!="${pick(draw, names)}"` })],
    [1, () => ({ filter: `@.value` })],
    [1, () => ({ slice: pick(draw, ['0:1', '1:', ':1']) })],
    [1, () => ({ index: 3 })],
    [1, () => ({ all: true })],
  ])();
}

/** Field steps for a dotted path (`spec.source.git.url`). */
export function fields(path: string): Step[] {
  return path.split('.').map((field) => ({ field }));
}

/** An output path or selector key: mostly plain, sometimes with a leading dot or braces. */
export function simplePath(draw: Draw, path: string): string {
  if (!chance(draw, 0.5)) return path;
  return writePath(draw, fields(path));
}
