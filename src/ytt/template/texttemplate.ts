// Text templates (`.txt` files): text with `(@ code @)`, `(@= value @)` and the `-` trim markers,
// read and laid out as a Starlark program the way ytt's texttemplate package does, so that errors
// name the same lines and show the same source text.
import { INS, TemplateCompileError, programText } from './compile.js';
import type { CodeLine } from './compile.js';

/** The instruction a text file's program ends with: receives the file's text. */
export const TEXT_RESULT = '__ytt_tpl2_text_result';

interface TextNode {
  kind: 'text' | 'code';
  content: string;
  line: number;
}

/** Splits a text template into text and code nodes, with ytt's errors (line and column of the marker). */
export function parseTextTemplateFile(data: string): TextNode[] {
  const nodes: TextNode[] = [];
  let cur: TextNode & { start: number } = { kind: 'text', content: '', line: 1, start: 0 };
  let last = '';
  let line = 1;
  let col = 1;
  for (let i = 0; i < data.length; i++) {
    const ch = data[i]!;
    if (last === '(' && ch === '@') {
      if (cur.kind === 'code') throw new TemplateCompileError(`Unexpected code opening '(@' at line ${line} col ${col}`, line);
      nodes.push({ kind: 'text', content: data.slice(cur.start, i - 1), line: cur.line });
      cur = { kind: 'code', content: '', line, start: i + 1 };
    }
    if (last === '@' && ch === ')') {
      if (cur.kind === 'text') throw new TemplateCompileError(`Unexpected code closing '@)' at line ${line} col ${col}`, line);
      nodes.push({ kind: 'code', content: data.slice(cur.start, i - 1), line: cur.line });
      cur = { kind: 'text', content: '', line, start: i + 1 };
    }
    if (ch === '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
    last = ch;
  }
  if (cur.kind === 'code') throw new TemplateCompileError(`Missing code closing '@)' at line ${line} col ${col}`, line);
  nodes.push({ kind: 'text', content: data.slice(cur.start), line: cur.line });
  return nodes;
}

/** Go's unicode.IsSpace, for the trim markers. */
const SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const TRAILING_SPACE = new RegExp(`${SPACE}+$`);
const LEADING_SPACE = new RegExp(`^${SPACE}+`);

/**
 * The program of a text template: one line per instruction, mapped to the template's lines. It
 * hands the file's text to TEXT_RESULT; defs that produce text return it (see insertTemplateContexts).
 */
export function compileTextTemplate(nodes: TextNode[]): { lines: CodeLine[]; programText: string } {
  const lines: CodeLine[] = [{ code: `${INS.startText}()`, srcLine: null }];
  let trimNext = false;
  nodes.forEach((node, i) => {
    if (node.kind === 'text') {
      if (trimNext) {
        node.content = node.content.replace(LEADING_SPACE, '');
        trimNext = false;
      }
      return;
    }
    const c = node.content;
    trimNext = c.endsWith('-');
    const prev = nodes[i - 1];
    if (c.startsWith('-') && prev?.kind === 'text') prev.content = prev.content.replace(TRAILING_SPACE, '');
  });
  for (const node of nodes) {
    if (node.kind === 'text') {
      if (node.content !== '') lines.push({ code: `${INS.textAdd}(${JSON.stringify(node.content)})`, srcLine: node.line, selection: node.content });
      continue;
    }
    const c = node.content;
    let code = c.startsWith('-=') ? c.slice(2) : c;
    if (code.startsWith('=')) code = code.slice(1);
    if (code.startsWith('-')) code = code.slice(1);
    if (code.endsWith('-')) code = code.slice(0, -1);
    if (c.startsWith('=') || c.startsWith('-=')) {
      lines.push({ code: `${INS.textAddValue}((${code}))`, srcLine: node.line, selection: c });
    } else {
      code.split('\n').forEach((l, k) => lines.push({ code: l, srcLine: node.line + k, selection: l }));
    }
  }
  lines.push({ code: `${TEXT_RESULT}(${INS.endText}())`, srcLine: null });
  return { lines, programText: programText(lines) };
}
