// Reads a YAML stream into ytt's node tree, with comments attached to nodes the
// way ytt attaches them: a comment belongs to the first node at or below its line
// (the innermost node when on the same line, the outermost otherwise); comments
// with no node after them go to an extra empty document at the end. The text is read as ytt's
// go-yaml fork reads it where the yaml package would read it otherwise (goYamlText, Builder.scalar:
// line breaks, tabs, a leading BOM, `...`, a block scalar at the end of the file).
// Most files are read by carto's fast reader (src/yaml/parse.ts, FastReader below), which makes
// the same tree for the subset of YAML it covers and declines the rest; the `yaml` package reads
// what it declines, and reports the errors.
import { Composer, CST, Lexer, Parser } from 'yaml';
import { Float } from '../starlark/eval/values.js';
import { FastYamlReader, goYamlTabs, nestingTooDeep, readWith, resolvePlainScalar } from '../../yaml/index.js';
import { isStackOverflow } from '../../util/stack-overflow.js';
import { MAX_DEPTH, formatCount } from '../../util/limits.js';
import { YArray, YArrayItem, YDoc, YDocSet, YMap, YMapItem, YNode, deepCopy } from './nodes.js';
import type { Comment, NodeValue, Scalar } from './nodes.js';

export class YamlParseError extends Error {
  constructor(
    public readonly msg: string,
    public readonly line: number | null,
  ) {
    super(msg);
  }
}

type Tok = CST.Token;

class LineIndex {
  private starts: number[] = [0];
  constructor(src: string) {
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** The message for YAML nested deeper than MAX_DEPTH (the loader's wording). */
export const DEPTH_LIMIT_MESSAGE = `maps and lists nest deeper than carto's limit of ${formatCount(MAX_DEPTH)} levels`;

export function parseYamlWithComments(text: string, opts: { withComments?: boolean } = {}): YDocSet {
  const src = goYamlText(text);
  // deep flow or compact nesting: refused before the yaml package spends seconds on it
  const deep = nestingTooDeep(src);
  if (deep >= 0) {
    const line = new LineIndex(src).line(deep);
    throw new YamlParseError(`yaml: line ${line}: ${DEPTH_LIMIT_MESSAGE}`, line);
  }
  const fast = readFast(src, opts.withComments !== false);
  if (fast) return fast;
  return parseSlow(src, opts);
}

/** parseYamlWithComments with the `yaml` package only (what the fast path is checked against). */
export function parseSlow(src: string, opts: { withComments?: boolean } = {}): YDocSet {
  try {
    return parseChecked(src, opts);
  } catch (e) {
    // deep nesting the scan let through (indentation alone) can still exhaust the stack
    if (isStackOverflow(e)) throw new YamlParseError(`yaml: line 1: ${DEPTH_LIMIT_MESSAGE}`, 1);
    throw e;
  }
}

/**
 * The text to give the `yaml` package so that it reads what ytt's go-yaml fork reads: a lone CR
 * is a line break to go-yaml; tabs follow go-yaml's rules (goYamlTabs: its errors, and tabs it
 * skips as white space where the yaml package would refuse them); a byte order mark at the start
 * is not skipped by ytt but read as the first character of the first token (`\ufeffkind: x` has
 * the key "\ufeffkind", a BOM before a comment or `---` makes a plain scalar that runs into the
 * next line), so it becomes BOM_STAND_IN, a character the yaml package reads as text (see
 * Builder.scalar). Same length and lines as the input.
 */
export function goYamlText(text: string): string {
  let src = text.indexOf('\r') >= 0 ? text.replace(/\r(?!\n)/g, '\n') : text;
  const tabs = goYamlTabs(src);
  if (tabs.problem) {
    const { line, message } = tabs.problem;
    throw new YamlParseError(`yaml: line ${line}: ${message}`, line);
  }
  src = tabs.text;
  return src.charCodeAt(0) === 0xfeff ? BOM_STAND_IN + src.slice(1) : src;
}

/** Private-use character standing in for a leading BOM while the yaml package reads the text. */
const BOM_STAND_IN = '\ue000';

function parseChecked(src: string, opts: { withComments?: boolean }): YDocSet {
  const tokens = Array.from(new Parser().parse(src));
  const lines = new LineIndex(src);

  // go-yaml wants `---` before a document that follows `...`: an error at that document's
  // content, unless the yaml package found one earlier in the text
  const missingStart = documentAfterEnd(tokens);
  const startError = (): YamlParseError => {
    const line = lines.line(missingStart!) - 1; // go-yaml's parser errors name the line before
    return new YamlParseError(`yaml: line ${line}: did not find expected <document start>`, line);
  };

  // validation (the composer reports structural errors the CST keeps silent about)
  const composer = new Composer({ uniqueKeys: false, version: '1.1' });
  for (const doc of composer.compose(tokens, true)) {
    const err = doc.errors[0];
    if (err) {
      if (missingStart !== null && err.pos[0] >= missingStart) throw startError();
      const line = lines.line(err.pos[0]);
      if (isStackOverflow(err.message)) throw new YamlParseError(`yaml: line ${line}: ${DEPTH_LIMIT_MESSAGE}`, line);
      throw new YamlParseError(`yaml: line ${line}: ${firstLine(err.message)}`, line);
    }
  }
  if (missingStart !== null) throw startError();

  const b = new Builder(lines, src.charCodeAt(0) === BOM_STAND_IN.charCodeAt(0));
  const docset = new YDocSet();
  for (const t of tokens) {
    if (t.type === 'document') docset.docs.push(b.document(t));
    if (t.type === 'error') {
      const line = lines.line(t.offset);
      throw new YamlParseError(`yaml: line ${line}: ${t.message}`, line);
    }
  }
  if (docset.docs.length === 0) docset.docs.push(new YDoc(null));

  if (opts.withComments !== false) {
    const comments = collectComments(src, lines);
    assignComments(docset, comments);
  }
  return docset;
}

/**
 * The fast path: `src` (goYamlText's) read by carto's fast reader into the tree parseChecked
 * makes, with the same lines and comments; null where that reader declines, and where this tree
 * would need what only parseChecked does (a leading BOM, a block scalar that ends the text without
 * a line break, `...` markers, CR line breaks: rare in templates, and not worth a second copy).
 */
export function readFast(src: string, withComments: boolean, rethrow = false): YDocSet | null {
  if (src.charCodeAt(0) === BOM_STAND_IN.charCodeAt(0) || src.indexOf('\r') >= 0 || DOCUMENT_END.test(src)) return null;
  if (src.length > 0 && src.charCodeAt(src.length - 1) !== 10 && (src.indexOf('|') >= 0 || src.indexOf('>') >= 0)) return null;
  const lines = new LineIndex(src);
  let reader: FastReader | undefined;
  const docs = readWith(src, (text, start) => (reader = new FastReader(text, start, lines, withComments)), rethrow);
  if (!docs || !reader) return null;
  const docset = new YDocSet();
  for (const d of docs) {
    const doc = new YDoc(d.value as NodeValue);
    const at = d.range[0];
    // a document that starts with `---` has that line; one without has none (as parseChecked's)
    doc.line = src.startsWith('---', at) && isBlank(src.charCodeAt(at + 3)) ? lines.line(at) : null;
    docset.docs.push(doc);
  }
  if (docset.docs.length === 0) docset.docs.push(new YDoc(null));
  if (withComments) assignComments(docset, reader.comments);
  return docset;
}

const DOCUMENT_END = /^\.\.\.(?:[ \t\n]|$)/m;

function isBlank(c: number): boolean {
  return c !== c || c === 32 || c === 9 || c === 10;
}

/** The fast reader making ytt's nodes: items with the lines of their keys and `-`, scalars as resolvePlain reads them. */
class FastReader extends FastYamlReader {
  readonly comments: Comment[] = [];
  constructor(
    text: string,
    start: number,
    private readonly lines: LineIndex,
    private readonly withComments: boolean,
  ) {
    super(text, start);
    // parseChecked reads scalars with CST.resolveAsScalar
    this.unindentedRootBlockScalars = false;
  }
  protected override newMap(): unknown {
    return new YMap();
  }
  protected override mapSet(map: unknown, key: unknown, at: number, value: unknown): void {
    const item = new YMapItem(key as Scalar, value as NodeValue);
    item.line = this.lines.line(at);
    (map as YMap).items.push(item);
  }
  protected override newSeq(): unknown {
    return new YArray();
  }
  protected override seqPush(seq: unknown, value: unknown, at: number): void {
    const item = new YArrayItem(value as NodeValue);
    item.line = this.lines.line(at);
    (seq as YArray).items.push(item);
  }
  protected override plainKey(text: string): unknown {
    // a merge key to the yaml package (YAML 1.1), whose rules parseChecked applies
    if (text === '<<') this.decline('merge key <<');
    return resolvePlain(text);
  }
  protected override quotedKey(text: string): unknown {
    if (text === '<<') this.decline('quoted << key');
    return text;
  }
  protected override plainValue(text: string): unknown {
    return resolvePlain(text);
  }
  protected override comment(at: number): void {
    if (!this.withComments) return;
    const end = this.s.indexOf('\n', at);
    this.comments.push({ data: this.s.slice(at + 1, end < 0 ? this.s.length : end), line: this.lines.line(at) });
  }
}

/** Offset of the content of a document that follows a `...` without its own `---`, or null. */
function documentAfterEnd(tokens: Tok[]): number | null {
  let afterEnd = false;
  for (const t of tokens) {
    if (t.type === 'document' && afterEnd && t.value && !t.start.some((s) => s.type === 'doc-start')) return t.value.offset;
    afterEnd = t.type === 'doc-end';
  }
  return null;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}

/**
 * All comments with their lines. Read from the lexer's token stream (which covers every
 * source character) rather than the CST, which drops some comments (e.g. one between
 * `key: #comment` and a following `---`).
 */
function collectComments(src: string, lines: LineIndex): Comment[] {
  const out: Comment[] = [];
  let offset = 0;
  let prev = '';
  for (const t of new Lexer().lex(src)) {
    if (t === '\x02' || t === '\x18' || t === '\x1f') {
      prev = t;
      continue;
    }
    if (t.charCodeAt(0) === 35 /* # */ && prev !== '\x1f') out.push({ data: t.slice(1), line: lines.line(offset) });
    offset += t.length;
    prev = t;
  }
  return out;
}

function assignComments(docset: YDocSet, comments: Comment[]): void {
  const byLine = new Map<number, YNode[]>();
  const visit = (n: YNode): void => {
    if (n.line !== null) {
      let arr = byLine.get(n.line);
      if (!arr) byLine.set(n.line, (arr = []));
      arr.push(n);
    }
    for (const c of n.values()) if (c instanceof YNode) visit(c);
  };
  for (const d of docset.docs) visit(d);
  const sorted = Array.from(byLine.keys()).sort((a, b) => a - b);
  comments.sort((a, b) => a.line - b.line);
  let endDoc: YDoc | null = null;
  for (const c of comments) {
    // smallest node line >= comment line
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < c.line) lo = mid + 1;
      else hi = mid;
    }
    if (lo < sorted.length) {
      const l = sorted[lo]!;
      const nodes = byLine.get(l)!;
      const owner = l === c.line ? nodes[nodes.length - 1]! : nodes[0]!;
      owner.addComment(c);
    } else {
      if (!endDoc) {
        endDoc = new YDoc(null);
        endDoc.injected = true;
        docset.docs.push(endDoc);
      }
      endDoc.addComment(c);
    }
  }
}

/**
 * Nodes that aliases may copy into one stream. Each alias is a deep copy here, so a "billion
 * laughs" (anchors of aliases of aliases…) would take exponential time and memory; go-yaml stops
 * such a document with the same message.
 */
const MAX_ALIAS_NODES = 1_000_000;

/** Nodes in a value (maps, items, scalars). */
function countNodes(v: NodeValue): number {
  if (v instanceof YMap) return v.items.reduce((n, it) => n + 1 + countNodes(it.value), 1);
  if (v instanceof YArray) return v.items.reduce((n, it) => n + 1 + countNodes(it.value), 1);
  return 1;
}

class Builder {
  private anchors = new Map<string, NodeValue>();
  /** Sizes of the anchored values, and how many nodes aliases have copied so far. */
  private anchorSizes = new Map<string, number>();
  private aliasNodes = 0;
  constructor(
    private readonly lines: LineIndex,
    /** The text starts with BOM_STAND_IN: the scalar at offset 0 starts with a BOM (ytt). */
    private readonly leadingBom = false,
  ) {}

  document(t: CST.Document): YDoc {
    const doc = new YDoc(null);
    const ds = t.start.find((s) => s.type === 'doc-start');
    doc.line = ds ? this.lines.line(ds.offset) : null;
    const props = this.props(t.start);
    doc.value = t.value ? this.value(t.value, props) : null;
    return doc;
  }

  private props(tokens: CST.SourceToken[] | undefined): { tag?: string; anchor?: string } {
    const out: { tag?: string; anchor?: string } = {};
    if (!tokens) return out;
    for (const s of tokens) {
      if (s.type === 'tag') out.tag = s.source;
      else if (s.type === 'anchor') out.anchor = s.source.slice(1);
    }
    return out;
  }

  private value(t: Tok, props: { tag?: string; anchor?: string }): NodeValue {
    let v: NodeValue;
    switch (t.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar': {
        const p = t.type === 'block-scalar' ? { ...props, ...this.props(t.props as CST.SourceToken[]) } : props;
        v = this.scalar(t, p.tag);
        if (p.anchor) this.setAnchor(p.anchor, v);
        return v;
      }
      case 'alias': {
        const name = t.source.slice(1);
        const a = this.anchors.get(name);
        if (a === undefined) throw new YamlParseError(`yaml: unknown anchor '${name}' referenced`, this.lines.line(t.offset));
        this.aliasNodes += this.anchorSizes.get(name) ?? 1;
        if (this.aliasNodes > MAX_ALIAS_NODES) throw new YamlParseError(`yaml: document contains excessive aliasing`, this.lines.line(t.offset));
        return deepCopy(a);
      }
      case 'block-map':
        v = this.map(t.items, t.offset);
        break;
      case 'block-seq':
        v = this.seq(t.items);
        break;
      case 'flow-collection':
        v = t.start.source === '{' ? this.map(t.items, t.offset) : this.seq(t.items);
        break;
      default:
        return null;
    }
    if (props.anchor) this.setAnchor(props.anchor, v);
    return v;
  }

  private setAnchor(name: string, v: NodeValue): void {
    this.anchors.set(name, v);
    this.anchorSizes.set(name, countNodes(v));
  }

  private scalar(t: CST.FlowScalar | CST.BlockScalar, tag: string | undefined): Scalar {
    const r = CST.resolveAsScalar(t, false);
    if (!r) return null;
    let value = r.value;
    if (this.leadingBom && t.offset === 0) value = '\ufeff' + value.slice(1);
    if (t.type === 'block-scalar' && endsInContent(t) && value.endsWith('\n')) value = value.slice(0, -1);
    if (tag) return applyTag(tag, value);
    if (r.type === 'PLAIN') return resolvePlain(value);
    return value;
  }

  private map(items: CST.CollectionItem[], offset: number): YMap {
    const m = new YMap();
    for (const it of items) {
      if (it.key === undefined && it.value === undefined && !(it.sep && it.sep.length)) continue;
      const keyTok = it.key ?? null;
      const keyProps = this.props(it.start);
      let key: Scalar = null;
      if (keyTok) {
        const kv = this.value(keyTok, keyProps);
        if (kv instanceof YNode) throw new YamlParseError('yaml: complex map keys are not supported', this.lines.line(keyTok.offset));
        key = kv;
      }
      const item = new YMapItem(key, null);
      item.line = this.lines.line(keyTok ? keyTok.offset : itemOffset(it, offset));
      item.value = it.value ? this.value(it.value, this.props(it.sep)) : null;
      m.items.push(item);
    }
    return m;
  }

  private seq(items: CST.CollectionItem[]): YArray {
    const a = new YArray();
    for (const it of items) {
      const dash = it.start.find((s) => s.type === 'seq-item-ind');
      if (!dash && it.value === undefined && !it.key) continue;
      const item = new YArrayItem(null);
      const off = dash ? dash.offset : it.value ? it.value.offset : it.key ? it.key.offset : 0;
      item.line = this.lines.line(off);
      if (it.key) {
        // single-pair map inside a flow sequence: [a: b]
        const m = this.map([it], off);
        item.value = m;
      } else {
        item.value = it.value ? this.value(it.value, this.props(it.start)) : null;
      }
      a.items.push(item);
    }
    return a;
  }
}

/**
 * Whether a block scalar's last line is content that ends the stream without a line break. go-yaml
 * gives such a line no final newline (`|` or `|+` → `line1\nline2`); the yaml package adds one.
 * A last line of white space only is content when it is indented past the content's indentation.
 */
function endsInContent(t: CST.BlockScalar): boolean {
  const src = t.source;
  if (src.endsWith('\n')) return false;
  const last = src.slice(src.lastIndexOf('\n') + 1);
  if (last.trim() !== '') return true;
  const header = t.props.find((p) => p.type === 'block-scalar-header');
  const explicit = header && 'source' in header ? /[1-9]/.exec(header.source) : null;
  const indent = explicit ? Math.max(t.indent, 0) + Number(explicit[0]) : (/^( *)\S/m.exec(src)?.[1]?.length ?? Infinity);
  return last.length > indent;
}

function itemOffset(it: CST.CollectionItem, dflt: number): number {
  if (it.start.length > 0) return it.start[it.start.length - 1]!.offset;
  if (it.sep && it.sep.length > 0) return it.sep[0]!.offset;
  return dflt;
}

function applyTag(tag: string, s: string): Scalar {
  switch (tag) {
    case '!!str':
    case '!':
      return s;
    case '!!int': {
      const v = resolvePlain(s);
      if (typeof v === 'number' || typeof v === 'bigint') return v;
      throw new YamlParseError(`yaml: cannot decode !!str \`${s}\` as a !!int`, null);
    }
    case '!!float': {
      const v = resolvePlain(s);
      if (typeof v === 'number' || typeof v === 'bigint') return new Float(Number(v));
      if (v instanceof Float) return v;
      throw new YamlParseError(`yaml: cannot decode !!str \`${s}\` as a !!float`, null);
    }
    case '!!bool':
    case '!!null':
      return resolvePlain(s);
    default:
      return resolvePlain(s);
  }
}

/** go-yaml v2 resolution of a plain scalar, as ytt's fork does it (YAML 1.1 booleans, 0777 octal, ...). */
export function resolvePlain(s: string): Scalar {
  const r = resolvePlainScalar(s, 'ytt');
  switch (r.tag) {
    case 'null': return null;
    case 'bool': return r.value;
    case 'int': return r.value;
    case 'float': return new Float(r.value);
    default: return r.value; // str, and timestamps (kept as their text)
  }
}
