// How deep maps and lists nest in a YAML text, found before a parser reads it: the `yaml`
// package takes time superlinear in the depth (seconds for a megabyte of `[`) and would only end
// in a depth error or a stack overflow, so every reader (the loader, the ytt engine) asks this
// one scan first. Its answer is an offset, so each reader words the error its own way.
import { Lexer } from 'yaml';
import { MAX_DEPTH } from '../util/limits.js';

/**
 * The offset of the first `[`/`{`, or compact `- ` at the start of a line (`- - - x`), nested
 * deeper than MAX_DEPTH, or -1. Block collections by indentation are not counted: their depth
 * costs the parsers no such time, and readers measure it on the parsed document.
 */
export function nestingTooDeep(text: string): number {
  const flow = flowDepthExceeded(text);
  const compact = compactDepthExceeded(text);
  return flow < 0 ? compact : compact < 0 ? flow : Math.min(flow, compact);
}

/**
 * Whether flow collections (`[`, `{`) certainly nest deeper than MAX_DEPTH somewhere in `text`:
 * the offset of the first bracket beyond the limit, or -1.
 *
 * It counts the `yaml` package's own lexer's tokens, so brackets inside quoted and block scalars,
 * plain scalars and comments are not counted, exactly as the parser would not count them: every
 * flow collection open at a point is an ancestor of what follows, so a document the yaml package
 * accepts nests at least as deep as this count (block collections only add to it). The lexer
 * stops at the first bracket past the limit; files with few brackets are not lexed at all.
 */
export function flowDepthExceeded(text: string): number {
  let opens = 0;
  for (let i = text.indexOf('[', 0); i >= 0 && opens <= MAX_DEPTH; i = text.indexOf('[', i + 1)) opens++;
  for (let i = text.indexOf('{', 0); i >= 0 && opens <= MAX_DEPTH; i = text.indexOf('{', i + 1)) opens++;
  if (opens <= MAX_DEPTH) return -1;
  // JSON (a cluster export, `kubectl get -o json`) is flow YAML whose strings are all double-quoted:
  // a plain scan finds its depth exactly, far faster than the lexer.
  const json = jsonDepthExceeded(text);
  if (json !== undefined) return json;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const c = token.charCodeAt(0);
    if (token.length === 1 && (c === 0x5b || c === 0x7b)) {
      if (++depth > MAX_DEPTH) return offset;
    } else if (token.length === 1 && (c === 0x5d || c === 0x7d)) {
      if (depth > 0) depth--;
    } else if (token === '---' || token === '...' || c === 0x02 || c === 0x18) {
      // A new document, or the lexer leaving flow context after an error.
      depth = 0;
    }
    // Tokens are slices of the text, but for the lexer's markers (document, flow error end, scalar).
    if (!(token.length === 1 && (c === 0x02 || c === 0x18 || c === 0x1f))) offset += token.length;
  }
  return -1;
}

/**
 * For a text that is valid JSON: the offset of the first bracket nested deeper than MAX_DEPTH,
 * or -1. undefined when the text is not JSON (the lexer decides then).
 */
function jsonDepthExceeded(text: string): number | undefined {
  const first = /\S/.exec(text);
  if (!first || (first[0] !== '{' && first[0] !== '[')) return undefined;
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  let depth = 0;
  for (let i = first.index; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote (valid JSON, so there is one).
      for (i++; text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return -1;
}

/**
 * The offset of the first compact block sequence indicator (`- ` after nothing but indentation
 * and other `- ` on its line) nested deeper than MAX_DEPTH, or -1. Each `- ` opens a sequence
 * inside the one before; a thousand of them on one line are no real YAML.
 */
function compactDepthExceeded(text: string): number {
  let dashes = 0;
  for (let i = text.indexOf('-', 0); i >= 0 && dashes <= MAX_DEPTH; i = text.indexOf('-', i + 1)) dashes++;
  if (dashes <= MAX_DEPTH) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    const next = text.charCodeAt(i + 1);
    if (c === 45 /* - */ && (next === 32 || next === 9)) {
      if (++depth > MAX_DEPTH) return i;
      i++;
      continue;
    }
    // anything else ends the line's indicators: go to the next line
    depth = 0;
    const nl = c === 10 ? i : text.indexOf('\n', i);
    if (nl < 0) break;
    i = nl;
  }
  return -1;
}
