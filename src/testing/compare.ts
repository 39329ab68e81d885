// Deep comparison of an expected and an actual object, and a readable diff when they differ.
// Values compare as JSON data: same keys (a key set to null is not a missing key), same
// lists in the same order, same scalars. cartotest compares Go values with exact types, so an
// int64 3 from YAML differs from a float64 3 stamped from spec.template unless a test names
// ConvertNumbersToFloatsDuringComparison; JavaScript has one number type, so carto always
// compares numbers by value, as if every test named it. The diff shows both sides as YAML
// (keys sorted, so the two line up) with `-` for expected and `+` for actual lines. Pure.
import { diffOps, sortKeys, type Op } from '../diff/index.js';
import { emitYaml } from '../yaml/index.js';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isNumber(a) && isNumber(b)) return Number(a) === Number(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(ra[k], rb[k]));
}

function isNumber(v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

/** `value` as YAML with every map's keys sorted (how a diff of two objects lines up best). */
export function canonicalYaml(value: unknown): string {
  return emitYaml(sortKeys(value), { lineWidth: 0, dialect: 'kubernetes' });
}

/** The diff of two objects, rendered as sorted-key YAML: `-` expected, `+` actual, 3 lines of context. */
export function objectDiff(expected: unknown, actual: unknown): string {
  return lineDiff(lines(canonicalYaml(expected)), lines(canonicalYaml(actual)));
}

function lines(text: string): string[] {
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * A unified-style line diff: changed lines with `context` lines around them, `…` where lines
 * are left out. Each hunk starts with the lines that enclose it (less indented, as YAML nests),
 * so a change deep in an object still shows which field it is under.
 */
export function lineDiff(a: readonly string[], b: readonly string[], context = 3): string {
  const ops = diffOps(a, b);
  const keep = new Array<boolean>(ops.length).fill(false);
  ops.forEach((o, i) => {
    if (o.op === ' ') return;
    for (let j = Math.max(0, i - context); j <= Math.min(ops.length - 1, i + context); j++) keep[j] = true;
  });
  // Enclosing lines of each hunk, from the lines both sides share.
  for (let i = 0; i < ops.length; i++) {
    if (!keep[i] || (i > 0 && keep[i - 1])) continue;
    let indent = indentOf((ops[i] as Op).text);
    for (let j = i - 1; j >= 0 && indent > 0; j--) {
      const o = ops[j] as Op;
      if (o.op !== ' ' || o.text.trim() === '') continue;
      const own = indentOf(o.text);
      if (own < indent) {
        keep[j] = true;
        indent = own;
      }
    }
  }
  let out = '';
  let skipped = false;
  ops.forEach((o, i) => {
    if (!keep[i]) {
      skipped = true;
      return;
    }
    if (skipped) out += '  …\n';
    skipped = false;
    out += `${o.op} ${o.text}\n`;
  });
  if (skipped && out !== '') out += '  …\n';
  return out;
}

/** Nesting depth of a YAML line: its indentation, plus one for a `- ` list item. */
function indentOf(line: string): number {
  const spaces = line.length - line.trimStart().length;
  return spaces + (line.startsWith('- ', spaces) || line.slice(spaces) === '-' ? 1 : 0);
}
