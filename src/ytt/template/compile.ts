// Compiles an annotated YAML document set into a Starlark program, as ytt does:
// each YAML node becomes a `start_node(tag)` instruction, `#@` lines are copied as
// code, `#@ expr` on a node's line becomes `set_node(tag, (expr))`, annotations
// become `start_node_annotation(...)` calls. Program line N maps to a source line.
import type { Comment, Scalar } from './nodes.js';
import { YMapItem, YNode } from './nodes.js';
import type { YDocSet } from './nodes.js';

export const INS = {
  setCtxType: '__ytt_tpl2_set_ctx_type',
  startCtx: '__ytt_tpl2_start_ctx',
  endCtx: '__ytt_tpl2_end_ctx',
  startNodeAnnotation: '__ytt_tpl2_start_node_annotation',
  collectNodeAnnotation: '__ytt_tpl2_collect_node_annotation',
  startNode: '__ytt_tpl2_start_node',
  setNode: '__ytt_tpl2_set_node',
  setMapItemKey: '__ytt_tpl2_set_map_item_key',
  startText: '__ytt_tpl2_start_text',
  textAdd: '__ytt_tpl2_text_add',
  textAddValue: '__ytt_tpl2_text_add_value',
  endText: '__ytt_tpl2_end_text',
  endTextWith: '__ytt_tpl2_end_text_with',
} as const;

export interface CodeLine {
  code: string;
  srcLine: number | null; // 1-based line in the template source
  selection?: string; // text shown for this line in errors instead of the source line (text templates)
}

export interface NodeProto {
  kind: YNode['kind'];
  key: Scalar; // map items
  line: number | null;
  parent: number | null; // tag of the parent node
  scalars: Scalar[]; // scalar children (used by set_node without a value)
  annotationNames: string[];
  annotationLines: number[]; // the `#@` comment line of each annotation, as annotationNames
  ancestors?: number[]; // tags from the root down to this node (inclusive), set when first needed
}

export class TemplateCompileError extends Error {
  constructor(
    public readonly msg: string,
    public readonly line: number | null,
  ) {
    super(msg);
  }
}

const NODE_SPECIFIC: [string, string][] = [
  ['if/end', 'if'],
  ['else/end', 'else'],
  ['elif/end', 'elif'],
  ['for/end', 'for'],
  ['def/end', 'def'],
];

interface ParsedComment {
  kind: 'code' | 'value' | 'comment' | 'annotation';
  name: string;
  content: string;
  line: number;
}

function parseComment(c: Comment, nodeLine: number | null, ignoreUnknown: boolean): ParsedComment {
  const d = c.data;
  if (d.length > 0 && d[0] === '!') return { kind: 'comment', name: 'comment', content: d.slice(1), line: c.line };
  if (d.length > 0 && d[0] === '@') {
    const rest = d.slice(1);
    const sp = rest.indexOf(' ');
    const name = sp < 0 ? rest : rest.slice(0, sp);
    const content = sp < 0 ? '' : rest.slice(sp + 1);
    if (name === '') {
      const kind = nodeLine !== null && c.line === nodeLine ? 'value' : 'code';
      return { kind, name, content, line: c.line };
    }
    if (name === 'comment') return { kind: 'comment', name, content, line: c.line };
    if (name === 'template/code') return { kind: 'code', name, content, line: c.line };
    if (name === 'template/value') return { kind: 'value', name, content, line: c.line };
    return { kind: 'annotation', name, content, line: c.line };
  }
  if (ignoreUnknown) return { kind: 'comment', name: 'comment', content: d, line: c.line };
  throw new TemplateCompileError(
    `Failed to parse line ${c.line}: '#${d}': Expected ytt-formatted string (use '#@' for annotations or code, '#!' for comments)`,
    c.line,
  );
}

export interface CompiledYamlTemplate {
  lines: CodeLine[];
  protos: NodeProto[];
  programText: string;
}

export function compileYamlTemplate(docset: YDocSet, opts: { ignoreUnknownComments: boolean; fileName?: string }): CompiledYamlTemplate {
  const protos: NodeProto[] = [];
  const lines: CodeLine[] = [];

  const build = (node: YNode, parentTag: number | null, textTemplated: boolean): void => {
    // (index loops, and one values() a node: a template is compiled once, cold, where each
    // for-of step and array costs)
    const children = node.values();
    const blocks: ParsedComment[] = [];
    const values: ParsedComment[] = [];
    const anns: ParsedComment[] = [];
    let needsEnds = 0;
    for (const c of node.comments) {
      const p = parseComment(c, node.line, opts.ignoreUnknownComments);
      const fileName = opts.fileName ?? 'stdin.yml';
      switch (p.kind) {
        case 'value': {
          const first = children[0];
          if (first !== undefined && first !== null) {
            throw new TemplateCompileError(
              `Expected YAML node at line ${fileName}:${p.line} to have either computed or YAML value, but found both`,
              p.line,
            );
          }
          values.push(p);
          break;
        }
        case 'code': {
          if (needsEnds > 0) {
            throw new TemplateCompileError(`Unexpected code at line ${fileName}:${p.line} after use of '*/end', expected YAML node`, p.line);
          }
          let code = p.content;
          const prefix = /^\s*/.exec(code)![0];
          for (const [kw, repl] of NODE_SPECIFIC) {
            if (code.startsWith(prefix + kw)) {
              needsEnds++;
              code = code.replace(prefix + kw, prefix + repl);
            }
          }
          blocks.push({ ...p, content: code });
          break;
        }
        case 'comment':
          break;
        case 'annotation':
          anns.push(p);
          break;
      }
    }
    const tag = protos.length;
    const scalars: Scalar[] = [];
    for (let i = 0; i < children.length; i++) {
      const v = children[i]!;
      if (!(v instanceof YNode)) scalars.push(v);
    }
    protos.push({
      kind: node.kind,
      key: node instanceof YMapItem ? node.key : null,
      line: node.line,
      parent: parentTag,
      scalars,
      annotationNames: anns.map((a) => a.name),
      annotationLines: anns.map((a) => a.line),
    });
    const srcLine = node.line ?? (parentTag !== null ? nearestLine(protos, parentTag) : null);

    let tt = textTemplated;
    if (anns.some((a) => a.name === 'yaml/text-templated-strings')) tt = true;

    for (const b of blocks) lines.push({ code: b.content, srcLine: b.line });
    for (const a of anns) {
      lines.push({
        code: `${INS.startNodeAnnotation}(${tag}, ${JSON.stringify(a.name)}, ${INS.collectNodeAnnotation}(${a.content}))`,
        srcLine: a.line,
      });
    }
    if (node instanceof YMapItem && tt && typeof node.key === 'string' && node.key.includes('(@')) {
      buildText(node.key, srcLine, (expr) => `${INS.setMapItemKey}(${tag}, (${expr}))`);
    }
    lines.push({ code: `${INS.startNode}(${tag})`, srcLine });
    if (values.length > 0) {
      for (const v of values) lines.push({ code: `${INS.setNode}(${tag}, (${v.content}))`, srcLine: v.line });
    } else {
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child instanceof YNode) build(child, tag, tt);
        else if (tt && typeof child === 'string' && child.includes('(@')) {
          buildText(child, srcLine, (expr) => `${INS.setNode}(${tag}, (${expr}))`);
        } else lines.push({ code: `${INS.setNode}(${tag})`, srcLine });
      }
    }
    for (let i = 0; i < needsEnds; i++) lines.push({ code: 'end', srcLine: null });
  };

  const buildText = (s: string, srcLine: number | null, finish: (expr: string) => string): void => {
    const pieces = parseTextTemplate(s, srcLine);
    lines.push({ code: `${INS.startText}()`, srcLine });
    for (const p of pieces) {
      // ytt positions pieces at the node's line plus the line offset inside the string
      const at = srcLine === null ? null : srcLine + p.lineOffset;
      if (p.kind === 'text') {
        if (p.content !== '') lines.push({ code: `${INS.textAdd}(${JSON.stringify(p.content)})`, srcLine: at, selection: p.raw });
      } else if (p.kind === 'value') {
        lines.push({ code: `${INS.textAddValue}((${p.content}))`, srcLine: at, selection: p.raw });
      } else {
        lines.push({ code: p.content, srcLine: at, selection: p.raw });
      }
    }
    lines.push({ code: finish(`${INS.endText}()`), srcLine });
  };

  lines.push({ code: `${INS.setCtxType}("yaml")`, srcLine: null });
  lines.push({ code: `${INS.startCtx}("yaml")`, srcLine: null });
  build(docset, null, false);
  lines.push({ code: `${INS.endCtx}(None)`, srcLine: null });

  return { lines, protos, programText: programText(lines) };
}

/** A program's lines joined as ytt joins them: leading whitespace dropped unless the previous line continues. */
export function programText(lines: readonly CodeLine[]): string {
  const out: string[] = [];
  let cont = false;
  for (const l of lines) {
    let src = l.code;
    // (most lines start with a printable ASCII character: no regular expression for them)
    const c = src.charCodeAt(0);
    if (!cont && !(c > 32 && c < 127)) src = src.replace(/^\s+/, '');
    cont = src.endsWith('\\');
    out.push(src);
  }
  return out.join('\n');
}

function nearestLine(protos: NodeProto[], tag: number): number | null {
  for (let t: number | null = tag; t !== null; t = protos[t]!.parent) {
    if (protos[t]!.line !== null) return protos[t]!.line;
  }
  return null;
}

interface TextPiece {
  kind: 'text' | 'value' | 'code';
  content: string;
  raw: string; // as written between the markers
  lineOffset: number; // lines between the start of the string and the piece
}

/** Splits a string into text and `(@ ... @)` code pieces; handles `=` (value) and `-` (trim) markers. */
export function parseTextTemplate(s: string, line: number | null): TextPiece[] {
  const raw: TextPiece[] = [];
  let i = 0;
  let textStart = 0;
  let inCode = false;
  let codeStart = 0;
  const off = (at: number): number => {
    let n = 0;
    for (let k = 0; k < at; k++) if (s.charCodeAt(k) === 10) n++;
    return n;
  };
  while (i < s.length) {
    if (!inCode && s[i] === '(' && s[i + 1] === '@') {
      raw.push({ kind: 'text', content: s.slice(textStart, i), raw: s.slice(textStart, i), lineOffset: off(textStart) });
      inCode = true;
      codeStart = i + 2;
      i += 2;
      continue;
    }
    if (s[i] === '@' && s[i + 1] === ')') {
      if (!inCode) throw new TemplateCompileError(`Unexpected code closing '@)'`, line);
      raw.push({ kind: 'code', content: s.slice(codeStart, i), raw: s.slice(codeStart, i), lineOffset: off(codeStart) });
      inCode = false;
      textStart = i + 2;
      i += 2;
      continue;
    }
    if (inCode && s[i] === '(' && s[i + 1] === '@') throw new TemplateCompileError(`Unexpected code opening '(@'`, line);
    i++;
  }
  if (inCode) throw new TemplateCompileError(`Missing code closing '@)'`, line);
  raw.push({ kind: 'text', content: s.slice(textStart), raw: s.slice(textStart), lineOffset: off(textStart) });

  // trim markers
  for (let k = 0; k < raw.length; k++) {
    const p = raw[k]!;
    if (p.kind !== 'code') continue;
    let c = p.content;
    if (c.startsWith('-')) {
      c = c.slice(1);
      const prev = raw[k - 1];
      if (prev && prev.kind === 'text') prev.content = prev.content.replace(/[ \t\r\n]+$/, '');
    }
    if (c.endsWith('-')) {
      c = c.slice(0, -1);
      const next = raw[k + 1];
      if (next && next.kind === 'text') next.content = next.content.replace(/^[ \t\r\n]+/, '');
    }
    if (c.startsWith('=')) {
      p.kind = 'value';
      c = c.slice(1);
    }
    p.content = c.trim();
  }
  return raw;
}
