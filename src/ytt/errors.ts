// ytt's error texts: the Starlark traceback layout (`- msg` / `in fn` / `file:line | source`) and
// the "Context: inner error" chains ytt's Go code builds (laid out by error-layout.ts).
import { EvalError, ResolveError, StarlarkSyntaxError } from './starlark/index.js';
import type { CodeLine } from './template/compile.js';
import type { CompiledFile } from './compiled.js';
import { YttError } from './types.js';
import type { YttErrorPosition } from './types.js';
import { errorText } from './error-layout.js';

export { errorText, multiLineError } from './error-layout.js';


/** A YttError for ytt's Go error text `raw`; `detail` defaults to its first message. */
export function yttError(raw: string, positions: YttErrorPosition[] = [], detail?: string): YttError {
  return new YttError(detail ?? firstMessage(raw), positions, errorText(raw), raw);
}

/** `err` as a step that failed because of it reports it: `prefix` + its text (`Templating file 'x': …`). */
export function wrapYttError(prefix: string, err: YttError): YttError {
  return new YttError(err.detail, err.positions, errorText(prefix + err.raw), prefix + err.raw);
}

function firstMessage(raw: string): string {
  const m = /^\n- (.*)/.exec(raw);
  return m ? m[1]! : raw.split('\n')[0]!;
}

// ---------------------------------------------------------------------------
// Starlark tracebacks

const HINTS: Record<string, string> = {
  'undefined: true': "use 'True' instead of 'true' for boolean assignment",
  'undefined: false': "use 'False' instead of 'false' for boolean assignment",
  "got newline, want ':'": "missing colon at the end of 'if/for/def' statement?",
  'undefined: null': "use 'None' instead of 'null' to indicate no value",
  'undefined: nil': "use 'None' instead of 'nil' to indicate no value",
  'undefined: none': "use 'None' instead of 'none' to indicate no value",
  'unhandled index operation struct[string]': 'use getattr(...) to access struct field programmatically',
};

export interface RawPos {
  context: string | null;
  cf: CompiledFile | null;
  line: number; // program line
}

function posLines(p: RawPos): { out: string[]; pos: YttErrorPosition | null } {
  const cf = p.cf;
  if (!cf) return { out: [], pos: null };
  const pad = p.context !== null ? '      ' : '    ';
  // ytt compiles .star files without a file name in their source positions
  const label = (n: number | string): string => (cf.kind === 'star' ? `${n}` : `${cf.name}:${n}`);
  const out: string[] = [];
  if (p.context !== null) out.push(`    in ${p.context}`);
  const lineOf = (n: number): CodeLine | null | undefined => (cf.template ? cf.template.lines[n - 1] : { code: cf.srcLines[n - 1] ?? '', srcLine: n });
  const cl = lineOf(p.line);
  if (!cl) return { out: [], pos: null };
  if (cl.srcLine !== null) {
    const src = cl.selection ?? cf.srcLines[cl.srcLine - 1] ?? '';
    out.push(`${pad}${label(cl.srcLine)} | ${src}`);
    return { out, pos: { context: p.context, file: cf.name, line: cl.srcLine, source: src } };
  }
  let before: CodeLine | null = null;
  for (let n = p.line - 1; n >= 1; n--) {
    const x = lineOf(n);
    if (x && x.srcLine !== null) {
      before = x;
      break;
    }
  }
  let after: CodeLine | null = null;
  for (let n = p.line + 1; ; n++) {
    const x = lineOf(n);
    if (!x) break;
    if (x.srcLine !== null) {
      after = x;
      break;
    }
  }
  if (before) out.push(`${pad}${label(before.srcLine!)} | ${cf.srcLines[before.srcLine! - 1] ?? ''}`);
  out.push(`${pad}${label('?')} | ${cl.code} (generated)`);
  if (after) out.push(`${pad}${label(after.srcLine!)} | ${cf.srcLines[after.srcLine! - 1] ?? ''}`);
  const anchor = before ?? after;
  return {
    out,
    pos: { context: p.context, file: cf.name, line: anchor ? anchor.srcLine : null, source: anchor ? cf.srcLines[anchor.srcLine! - 1] ?? null : null },
  };
}

/** A Starlark error (one or more messages, each with its positions, innermost last) as ytt prints it. */
export function formatError(items: { msg: string; positions: RawPos[] }[]): YttError {
  const lines: string[] = [''];
  const allPos: YttErrorPosition[] = [];
  for (const it of items) {
    const nl = it.msg.indexOf('\n');
    const topic = nl < 0 ? it.msg : it.msg.slice(0, nl);
    const rest = nl < 0 ? [] : it.msg.slice(nl + 1).split('\n');
    const hint = HINTS[topic];
    lines.push(`- ${topic}${hint ? ` (hint: ${hint})` : ''}`);
    const blocks: string[][] = [];
    for (const p of it.positions) {
      const r = posLines(p);
      blocks.push(r.out);
      if (r.pos) allPos.push(r.pos);
    }
    lines.push(...collapseRepeats(blocks));
    if (rest.length > 0) {
      lines.push('', '    reason:');
      for (const l of rest) lines.push(`     ${l}`);
    }
  }
  const raw = lines.join('\n');
  return new YttError(items[0]?.msg ?? 'unknown error', allPos, `ytt: Error: ${raw}\n`, raw);
}

/** Runs of one frame (or of a cycle of a few frames) repeated more often than this are collapsed (Python keeps three). */
const MAX_REPEATS_SHOWN = 3;
/** The longest cycle of frames recognised (mutual recursion of up to this many functions). */
const MAX_CYCLE = 4;

/**
 * The frames of a traceback (each a block of lines), with consecutive repeats collapsed as Python
 * does: deep recursion shows the repeated frames once and then
 * `    [the frame above repeated 197 more times]` (or `the 2 frames above` for mutual recursion),
 * so that an error stays a dozen lines instead of hundreds. Short tracebacks are unchanged.
 */
function collapseRepeats(blocks: string[][]): string[] {
  const keys = blocks.map((b) => b.join('\n'));
  const out: string[] = [];
  let i = 0;
  while (i < blocks.length) {
    let best = { period: 0, times: 1 };
    for (let period = 1; period <= MAX_CYCLE && i + 2 * period <= blocks.length; period++) {
      let times = 1;
      while (i + (times + 1) * period <= blocks.length && sameRun(keys, i, i + times * period, period)) times++;
      // prefer the shortest cycle that covers the most frames
      if (times > MAX_REPEATS_SHOWN && times * period > best.times * Math.max(best.period, 1)) best = { period, times };
    }
    if (best.period === 0) {
      out.push(...blocks[i]!);
      i++;
      continue;
    }
    for (let k = 0; k < best.period; k++) out.push(...blocks[i + k]!);
    const what = best.period === 1 ? 'the frame above' : `the ${best.period} frames above`;
    out.push(`    [${what} repeated ${best.times - 1} more times]`);
    i += best.times * best.period;
  }
  return out;
}

function sameRun(keys: string[], a: number, b: number, period: number): boolean {
  for (let k = 0; k < period; k++) if (keys[a + k] !== keys[b + k]) return false;
  return true;
}

/** A parse or resolve error of a compiled program as ytt prints it; anything else is rethrown. */
export function starlarkCompileError(e: unknown, cf: CompiledFile): YttError {
  if (e instanceof StarlarkSyntaxError) {
    return formatError([{ msg: e.msg, positions: [{ context: null, cf, line: e.pos.line }] }]);
  }
  if (e instanceof ResolveError) {
    return formatError(e.errors.map((x) => ({ msg: x.msg, positions: [{ context: null, cf, line: x.pos.line }] })));
  }
  throw e;
}

/**
 * An evaluation error as ytt prints it: the frames from `fromDepth` on (those of the evaluation
 * that failed, not of the one that started it), innermost last.
 */
export function evalErrorText(e: EvalError, compiledOf: (file: string) => CompiledFile | null, fromDepth = 0): YttError {
  const positions: RawPos[] = [];
  for (let i = e.frames.length - 1; i >= fromDepth; i--) {
    const fr = e.frames[i]!;
    if (!fr.pos || !fr.file || fr.pos.line === 0) continue;
    positions.push({ context: fr.name, cf: compiledOf(fr.file), line: fr.pos.line });
  }
  return formatError([{ msg: e.msg, positions }]);
}
