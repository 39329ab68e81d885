// Where data values came from, for ytt's messages: every node of a data values, schema or
// overlay document is stamped with a source key (its file, or a pseudo-file for a command-line
// flag), and the table turns a node back into "file:line" and that line's text.
import { YArray, YArrayItem, YDoc, YDocSet, YMap, YMapItem, YNode } from '../template/nodes.js';
import type { NodeAnnotation, NodeValue } from '../template/nodes.js';
import { goKeyString } from '../modules/overlay.js';
import { goFloatV } from '../../util/go-float.js';
import type { SourcePos } from './errors.js';

interface Source {
  /** The name ytt shows (a file name, or e.g. "(data-value-yaml arg)"). */
  name: string;
  /** The text of each line (a flag is a single "line" holding all of its text). */
  lines: readonly string[];
}

export class SourceTable {
  private readonly sources = new Map<string, Source>();
  private flags = 0;

  /** `fileText`: the text of another file of the run (nodes built by a template elsewhere, e.g. with_data_values()). */
  constructor(private readonly fileText?: (name: string) => string | undefined) {}

  /** Registers a file by its YttFile name. */
  addFile(name: string, text: string): string {
    if (!this.sources.has(name)) this.sources.set(name, { name, lines: text.split('\n') });
    return name;
  }

  /** Registers a pseudo-file (a flag, a value parsed from a flag) and returns its key. */
  addPseudo(name: string, lines: readonly string[]): string {
    const key = `\u0000${this.flags++}`;
    this.sources.set(key, { name, lines });
    return key;
  }

  /** The position of a node (or of a line in a node's file, e.g. an annotation's). */
  pos(node: YNode, line: number | null = node.line): SourcePos {
    if (node.file === IN_MEMORY) return { file: '', line: null, source: memoryText(node), memory: true };
    const src = node.file === null ? undefined : this.sources.get(node.file) ?? this.otherFile(node.file);
    if (!src) return { file: '', line, source: '' }; // computed in memory: ytt prints ":" and "?"
    return { file: src.name, line, source: line === null ? '' : src.lines[line - 1] ?? '' };
  }

  private otherFile(name: string): Source | undefined {
    const text = name.startsWith('\u0000') ? undefined : this.fileText?.(name);
    if (text === undefined) return undefined;
    this.addFile(name, text);
    return this.sources.get(name);
  }

  annotationPos(node: YNode, ann: NodeAnnotation): SourcePos {
    return this.pos(node, ann.line ?? node.line);
  }
}

/** The file of nodes made from a Starlark value given to a library (ytt gives them no file or line, only a text). */
const IN_MEMORY = '\u0000memory';

/** Marks the nodes of a value given as a Starlark value (not those a template built) as ytt places them: in memory. */
export function markInMemory(n: YNode): void {
  if (n.file === null && n.line === null) n.file = IN_MEMORY;
  for (const c of n.values()) if (c instanceof YNode) markInMemory(c);
}

/** ytt's text for a node in memory: `key: value` or `- value`, the value as Go's %#v prints a scalar. */
function memoryText(n: YNode): string {
  if (n instanceof YMapItem) return `${goKeyString(n.key)}: ${goValue(n.value)}`;
  if (n instanceof YArrayItem) return `- ${goValue(n.value)}`;
  return '';
}

function goValue(v: NodeValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return String(v);
  if (v instanceof YNode) return '';
  return goFloatV(v.v);
}

/**
 * Gives the nodes of `doc` written in its file the source `key`, and a map or array its parent's
 * line (ytt positions them at the node that holds them; a document without `---` starts at
 * line 1). Values computed by Starlark (items without a line) keep no position, as in ytt ("?").
 */
export function stamp(doc: YDoc, key: string): YDoc {
  if (doc.line === null) doc.line = 1;
  stampNode(doc, key, doc.line);
  return doc;
}

function stampNode(n: YNode, key: string, parentLine: number | null): void {
  if (n.line === null && (n instanceof YMap || n instanceof YArray) && !computed(n)) n.line = parentLine;
  if (n.line !== null && n.file === null) n.file = key;
  for (const c of n.values()) if (c instanceof YNode) stampNode(c, key, n.line);
}

/** A map or array made from a Starlark value: its items have no line (parsed ones always do). */
function computed(n: YMap | YArray): boolean {
  return n.items.length > 0 && n.items.every((it) => it.line === null);
}

/** True for documents with no content (ytt drops them from its output). */
export function isEmptyDoc(d: YDoc): boolean {
  const v = d.value;
  if (v === null) return true;
  if (v instanceof YMap) return v.items.length === 0;
  if (v instanceof YArray) return v.items.length === 0;
  if (v instanceof YDocSet) return v.docs.length === 0;
  return false;
}
