// Splits YAML/JSON text into the documents carto works on, each remembering where it came from
// (file, document index, line) so every later stage can point a user at the right place.
// Parsing lives here and only here: the fast reader of src/yaml for the YAML manifests are made
// of, and the `yaml` package for everything else (anchors, tags, syntax errors, `kind: List`).
import { findTrailingComma } from './json-commas.js';
import { Composer, LineCounter, Parser, parseAllDocuments, isMap, isSeq, type Alias, type Document, type Node, type YAMLError } from 'yaml';
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { kubeYamlOptions, kubectlSource, parseYamlStream, type FastDocument } from '../yaml/index.js';
import { DEPTH_MESSAGE, aliasTargets, checkYamlDocument, documentToJS, findControlCharacter, flowDepthExceeded, repeatedKeys } from './checks.js';
import { isStackOverflow } from '../util/stack-overflow.js';
import { DEFER_FROM_BYTES, DeferredReading, deferredHead } from './deferred.js';
import { holdsStandIn, narrowText } from './one-byte.js';
import { repeatedKeyDiagnostics, repeatedKeysInRange } from './repeated-keys.js';

/** The basePath of a document that is the object itself (one array for all: 100,000 empty ones are 3 MB). */
const TOP: readonly (string | number)[] = Object.freeze([]);

/** toJS options: aliases are checked by checkYamlDocument (go-yaml's limits, not the yaml package's 100). */
const TO_JS = { maxAliasCount: -1 } as const;

/** One Kubernetes object read from the inputs. */
export interface SourceDocument {
  /** The path as the user gave it (or `<stdin>`). */
  readonly file: string;
  /** 1-based line of the object's first key. */
  readonly line: number;
  /** The object itself, as plain JSON-compatible data. */
  readonly value: Record<string, unknown>;
  /** Where to find it again for locating fields: the file's text, the document index, and the
   *  path of the object inside that document (non-empty for items of a `kind: List`). For an
   *  object a ytt run produced, `text` is ytt's output and `template` says where each field was
   *  written. */
  readonly origin: {
    readonly text: string;
    readonly docIndex: number;
    readonly basePath: readonly (string | number)[];
    readonly template?: TemplateOrigin;
  };
}

/** Where the fields of an object a ytt run produced were written, in the run's input files. */
export interface TemplateOrigin {
  /**
   * The template node that produced the value at `path` (from the document's root), or the
   * nearest ancestor that was written in a template: its file (as the user can open it), that
   * file's text, its line, and how many elements of `path` lead to it.
   */
  lookup(path: readonly (string | number)[]): { file: string; text: string; line: number; depth: number } | null;
  /** The text of one of the run's files, by its path. */
  textOf(file: string): string | undefined;
}

export interface ParsedText {
  documents: SourceDocument[];
  diagnostics: Diagnostic[];
  /** Set when parsing stopped because the text holds more than ParseOptions.maxDocuments objects. */
  tooManyDocuments?: boolean;
}

export interface ParseOptions {
  /**
   * Stop once more than this many objects have been read (what is left of MAX_DOCUMENTS): the
   * caller reports the limit, and the rest of the file is not parsed.
   */
  maxDocuments?: number;
  /**
   * Objects that may be kept as text until read (deferred.ts), in a file long enough for it to
   * matter: their `value` is parsed again on each read (a few recent ones are remembered).
   */
  deferred?: (value: Record<string, unknown>) => boolean;
}

/** Parses a whole file (any number of `---` documents; JSON is YAML). */
export function parseText(text: string, file: string, options: ParseOptions = {}): ParsedText {
  const maxDocuments = options.maxDocuments ?? Infinity;
  // A million tiny documents take the parsers seconds and gigabytes: count first.
  if (certainDocuments(text, maxDocuments) > maxDocuments) return { documents: [], diagnostics: [], tooManyDocuments: true };
  // Both readers read what kubectl's YAML reader hands go-yaml (final newline, CRs, BOMs, tabs).
  const source = kubectlSource(text);
  if (source.error) return { documents: [], diagnostics: [kubectlSyntaxError(source.error, file)] };
  const body = source.text;
  // kubectl reads a text starting with `{` as JSON, which has no trailing commas (YAML would take them).
  const comma = findTrailingComma(text);
  if (comma) {
    return { documents: [], diagnostics: [{
      severity: 'error', code: 'json-syntax', message: `JSON syntax error: a trailing comma before '${comma.closer}'`, file, line: comma.line, column: comma.column,
      controllerMessage: `error parsing ${file}: ${comma.kubectlMessage}`,
      hint: 'remove the comma: kubectl reads a file starting with { as JSON, and JSON allows no comma before } or ]',
    }] };
  }
  const deferring = options.deferred && body.length >= DEFER_FROM_BYTES ? new DeferredReading(options.deferred) : undefined;
  const fast = deferring ? deferring.read(body) : parseNarrow(body);
  // A List's items need their own lines, which only the yaml package's nodes give.
  if (fast && !fast.some((d) => isPlainObject(d.value) && isListKind(d.value))) {
    const documents: SourceDocument[] = [];
    const diagnostics: Diagnostic[] = [];
    fast.forEach((d, docIndex) => {
      if (d.value === null || d.value === undefined) return; // an empty document
      if (documents.length > maxDocuments) return;
      const head = deferredHead(d.value);
      if (d.repeatedKeyAt !== undefined) diagnostics.push(...repeatedKeysInRange(body, d.range, file, head ? undefined : d.value));
      const origin = { text: body, docIndex, basePath: TOP };
      if (head && deferring) documents.push(deferring.document<SourceDocument>(file, d.line, origin, d.range, head));
      else if (!isPlainObject(d.value)) diagnostics.push(notAnObject(d.value, docIndex, file, d.line));
      else documents.push({ file, line: d.line, value: d.value, origin });
    });
    return { documents, diagnostics };
  }
  return parseWithYamlPackage(body, file, maxDocuments);
}

/**
 * parseYamlStream, of the text with its wide characters stood in for when no string read holds one
 * (one-byte.ts). Not past NARROW_UP_TO characters: a large text whose values hold such characters
 * would be parsed twice (templates and blueprints, whose strings every owner's objects repeat, are
 * in small files).
 */
function parseNarrow(body: string): FastDocument[] | undefined {
  const narrow = body.length <= NARROW_UP_TO ? narrowText(body) : undefined;
  if (narrow) {
    const documents = parseYamlStream(narrow.text)?.documents;
    if (documents && !documents.some((d) => holdsStandIn(d.value, narrow.standIn))) return documents;
  }
  return parseYamlStream(body)?.documents;
}

const NARROW_UP_TO = 1024 * 1024;

/** What kubectl's reader refuses before the YAML itself is parsed (kubectlSource). */
function kubectlSyntaxError(error: { message: string; line: number; column: number }, file: string): Diagnostic {
  return {
    severity: 'error',
    code: 'yaml-syntax',
    message: `YAML syntax error: ${error.message}`,
    file,
    line: error.line,
    column: error.column,
    hint: error.message.startsWith('invalid Yaml')
      ? 'start the document on the line after `---`; `kubectl apply` rejects this file too'
      : 'indent with spaces, not tabs; `kubectl apply` rejects this file too',
  };
}

function parseWithYamlPackage(body: string, file: string, maxDocuments: number): ParsedText {
  const lineCounter = new LineCounter();
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  // go-yaml refuses these characters anywhere in a file (the fast reader declined the text, so
  // it may hold one); the yaml package would take them.
  const control = findControlCharacter(body);
  if (control) {
    diagnostics.push({
      severity: 'error',
      code: 'yaml-syntax',
      message: `YAML syntax error: control character ${control.char} is not allowed`,
      file,
      line: control.line,
      column: control.column,
      hint: 'remove it, or write it as an escape in a double-quoted string ("\\x00"); `kubectl apply` would reject this file too',
    });
    return { documents, diagnostics };
  }
  // Deep flow nesting costs the yaml package time superlinear in the depth: refuse it first.
  const deep = flowDepthExceeded(body);
  if (deep >= 0) {
    diagnostics.push({ ...limitDiagnostic(DEPTH_MESSAGE, file), ...linePosOf(body, deep) });
    return { documents, diagnostics };
  }
  // Document by document (parseAllDocuments() would hold them all), so that reading stops as soon
  // as the documents are more than the limit.
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer(kubeYamlOptions);
  let docIndex = 0;
  try {
    for (const doc of composer.compose(parser.parse(body))) {
      parseDocument(doc, docIndex++);
      if (documents.length > maxDocuments) break;
    }
  } catch (err) {
    if (!isStackOverflow(err)) throw err;
    return { documents: [], diagnostics: [limitDiagnostic(DEPTH_MESSAGE, file)] };
  }
  return { documents, diagnostics };

  function parseDocument(doc: Document.Parsed, docIndex: number): void {
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        prettifyError(body, lineCounter, err);
        const pos = err.linePos?.[0];
        const where = pos ? { line: pos.line, column: pos.col } : {};
        if (isStackOverflow(err.message)) {
          diagnostics.push({ ...limitDiagnostic(DEPTH_MESSAGE, file), ...where });
          break;
        }
        diagnostics.push({
          severity: 'error',
          code: 'yaml-syntax',
          message: `YAML syntax error: ${firstLine(err.message)}`,
          file,
          ...where,
          hint: 'fix the YAML syntax; `kubectl apply` would reject this file too',
        });
      }
      return;
    }
    const targets = aliasTargets(doc);
    const problem = checkYamlDocument(doc, targets);
    if (problem) {
      const pos = lineCounter.linePos(problem.offset);
      const d = problem.code === 'input-limit'
        ? limitDiagnostic(problem.message, file)
        : { severity: 'error' as const, code: 'yaml-syntax', message: `YAML error: ${problem.message}`, file, hint: '`kubectl apply` would reject this file too' };
      diagnostics.push({ ...d, line: pos.line, column: pos.col });
      return;
    }
    const value = collect(doc, targets, docIndex, body, file, lineCounter, documents, diagnostics);
    // The object is kept, as kubectl reads it: the error says what it lost (no follow-on errors for a missing object).
    // (A List is given whole: its errors name the item, not the List.)
    const lineOf = (offset: number) => lineCounter.linePos(offset);
    diagnostics.push(...repeatedKeyDiagnostics(doc, lineOf, file, value, targets));
  }
}

/**
 * What parseAllDocuments() does to each error when given a LineCounter (the yaml package's
 * prettifyError, which it does not export), as far as carto uses it: linePos and the message's
 * first line (`… at line L, column C:` when the line has text to show). Adapted from the yaml
 * package's src/errors.ts (ISC licence, copyright Eemeli Aro), so that messages stay identical.
 */
function prettifyError(src: string, lc: LineCounter, error: YAMLError): void {
  if (error.pos[0] === -1) return;
  error.linePos = [lc.linePos(error.pos[0]), lc.linePos(error.pos[1])];
  const { line, col } = lc.linePos(error.pos[0]);
  error.message += ` at line ${line}, column ${col}`;
  let ci = col - 1;
  // (The line's end from the text: while streaming, the LineCounter may not have reached it yet.)
  const start = lc.lineStarts[line - 1] ?? 0;
  const nl = src.indexOf('\n', start);
  let lineStr = src.substring(start, nl < 0 ? src.length : nl + 1).replace(/[\n\r]+$/, '');
  if (ci >= 60 && lineStr.length > 80) {
    const trimStart = Math.min(ci - 39, lineStr.length - 79);
    lineStr = '…' + lineStr.substring(trimStart);
    ci -= trimStart - 1;
  }
  if (lineStr.length > 80) lineStr = lineStr.substring(0, 79) + '…';
  if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
    let prev = src.substring(lc.lineStarts[line - 2] ?? 0, lc.lineStarts[line - 1]);
    if (prev.length > 80) prev = prev.substring(0, 79) + '…\n';
    lineStr = prev + lineStr;
  }
  if (/[^ ]/.test(lineStr)) error.message += `:\n\n${lineStr}\n${' '.repeat(Math.max(0, ci))}^\n`;
}

/** Line and column (1-based) of an offset, without a LineCounter. */
function linePosOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const MARKER = /^---(?=[ \t\r\n]|$)/gm;
const TOP_LEVEL_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*:(?=[ \t\r\n]|$)/m;

/**
 * A lower bound of the objects the text holds, counted without parsing and only as far as
 * `limit + 1`: the `---`-separated parts with a top-level `key:` line (at column 0), which makes
 * the document a mapping (or a syntax error). Parts that mention `List` are not counted (a
 * `kind: List` may hold no items). A `---` at column 0 always starts a new document for the
 * yaml package (it ends any scalar; inside a flow collection it is an error), so each counted
 * part is one object, or an error that fails the run anyway: going by this count never rejects
 * input that would have been read.
 */
export function certainDocuments(text: string, limit: number): number {
  if (!Number.isFinite(limit)) return 0;
  let markers = 0;
  MARKER.lastIndex = 0;
  while (markers <= limit && MARKER.test(text)) markers++;
  if (markers + 1 <= limit) return 0; // too few documents to matter
  let count = 0;
  let start = 0;
  MARKER.lastIndex = 0;
  for (;;) {
    const m = MARKER.exec(text);
    const end = m ? m.index : text.length;
    const part = text.slice(start, end);
    if (TOP_LEVEL_KEY.test(part) && !part.includes('List')) {
      if (++count > limit) return count;
    }
    if (!m) return count;
    start = end + 3;
  }
}

/** A document (or file) beyond one of carto's limits (src/util/limits.ts). */
export function limitDiagnostic(message: string, file: string): Diagnostic {
  return {
    severity: 'error',
    code: 'input-limit',
    message,
    file,
    hint: 'no manifest a cluster accepts comes near this limit; check the file is what you meant to give (README: "Security and limits")',
  };
}

/** Adds the document's objects (a List's items) to `out`; returns the value read, for the repeated keys' words. */
function collect(
  doc: Document.Parsed,
  targets: ReadonlyMap<Alias, Node>,
  docIndex: number,
  text: string,
  file: string,
  lineCounter: LineCounter,
  out: SourceDocument[],
  diagnostics: Diagnostic[],
): unknown {
  const contents = doc.contents;
  if (contents === null) return undefined; // an empty document, e.g. a trailing `---`
  const line = lineOf(contents, lineCounter);
  let value: unknown;
  try {
    value = documentToJS(doc, targets, TO_JS);
  } catch (err) {
    // e.g. a merge key (`<<`) whose value is not a mapping: the yaml package throws here.
    diagnostics.push({ severity: 'error', code: 'yaml-syntax', message: `YAML error: ${err instanceof Error ? firstLine(err.message) : String(err)}`, file, line });
    return undefined;
  }
  if (value === null || value === undefined) return value;
  if (!isPlainObject(value)) {
    diagnostics.push(notAnObject(value, docIndex, file, line));
    return value;
  }
  // `kubectl get … -o yaml` of several objects gives `kind: List`; its items are the objects.
  if (isListKind(value) && isMap(contents)) {
    const itemsNode = contents.get('items', true);
    const items = value['items'];
    if (Array.isArray(items)) {
      items.forEach((item, i) => {
        const node = isSeq(itemsNode) ? (itemsNode.items[i] as Node | undefined) : undefined;
        const itemLine = node ? lineOf(node, lineCounter) : line;
        if (!isPlainObject(item)) {
          diagnostics.push({
            severity: 'error',
            code: 'not-an-object',
            message: `item ${i} of the List is not a Kubernetes object`,
            file,
            line: itemLine,
          });
          return;
        }
        out.push({ file, line: itemLine, value: item, origin: { text, docIndex, basePath: ['items', i] } });
      });
    }
    return value;
  }
  out.push({ file, line, value, origin: { text, docIndex, basePath: [] } });
  return value;
}

function notAnObject(value: unknown, docIndex: number, file: string, line: number): Diagnostic {
  return {
    severity: 'error',
    code: 'not-an-object',
    message: `document ${docIndex + 1} is not a Kubernetes object (it is ${Array.isArray(value) ? 'a list' : `a ${typeof value}`})`,
    file,
    line,
    hint: 'each YAML document must be a mapping with apiVersion, kind and metadata',
  };
}

function isListKind(value: Record<string, unknown>): boolean {
  const kind = value['kind'];
  return typeof kind === 'string' && kind.endsWith('List') && Array.isArray(value['items']) && (kind === 'List' || !('spec' in value));
}

function lineOf(node: Node, lineCounter: LineCounter): number {
  const offset = node.range?.[0] ?? 0;
  return lineCounter.linePos(offset).line;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl < 0 ? message : message.slice(0, nl);
}

/**
 * Parses one YAML value given on the command line (e.g. `{a: b}`), as kubectl would read it. Text
 * that is not YAML (`{a: b`) throws a UsageError rather than becoming a string nobody meant; an
 * empty text is the empty string.
 */
export function parseValue(text: string): unknown {
  const doc = parseAllDocuments(text, kubeYamlOptions);
  const first = Array.isArray(doc) ? doc[0] : undefined;
  if (!first) return text;
  if (first.errors.length > 0) throw new UsageError(`not valid YAML: ${firstLine(first.errors[0]?.message ?? 'invalid YAML').replace(/:$/, '')}`);
  const targets = aliasTargets(first);
  const problem = checkYamlDocument(first, targets);
  if (problem) throw new UsageError(problem.message);
  const repeated = repeatedKeys(first, targets)[0];
  if (repeated) throw new UsageError(`not valid YAML: the key ${JSON.stringify(repeated.key)} is given twice in one mapping (give it once)`);
  return documentToJS(first, targets, TO_JS);
}

/** Every document of a YAML stream as plain data, as sigs.k8s.io/yaml would read each one. */
export function parseDocumentValues(text: string): unknown[] {
  if (flowDepthExceeded(text) >= 0) throw new Error(DEPTH_MESSAGE);
  const docs = parseAllDocuments(text, kubeYamlOptions);
  const list = Array.isArray(docs) ? docs : [];
  const bad = list.find((d) => d.errors.length > 0);
  if (bad) throw new Error(firstLine(bad.errors[0]?.message ?? 'invalid YAML'));
  return list.map((d) => {
    const targets = aliasTargets(d);
    const problem = checkYamlDocument(d, targets);
    if (problem) throw new Error(problem.message);
    return documentToJS(d, targets, TO_JS);
  });
}
