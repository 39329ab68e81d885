// Splits YAML/JSON text into the documents carto works on, each remembering where it came from
// (file, document index, line) so every later stage can point a user at the right place.
// Parsing lives here and only here: the fast reader of src/yaml for the YAML manifests are made
// of, and the `yaml` package for everything else (anchors, tags, syntax errors, `kind: List`).
import { LineCounter, parseAllDocuments, isMap, isSeq, type Document, type Node } from 'yaml';
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { kubeYamlOptions, parseYamlStream } from '../yaml/index.js';
import { DEPTH_MESSAGE, checkYamlDocument, findControlCharacter, isStackOverflow } from './checks.js';

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
   *  path of the object inside that document (non-empty for items of a `kind: List`). */
  readonly origin: { readonly text: string; readonly docIndex: number; readonly basePath: readonly (string | number)[] };
}

export interface ParsedText {
  documents: SourceDocument[];
  diagnostics: Diagnostic[];
}

/** Parses a whole file (any number of `---` documents; JSON is YAML). */
export function parseText(text: string, file: string): ParsedText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fast = parseYamlStream(body);
  // A List's items need their own lines, which only the yaml package's nodes give.
  if (fast && !fast.documents.some((d) => isPlainObject(d.value) && isListKind(d.value))) {
    const documents: SourceDocument[] = [];
    const diagnostics: Diagnostic[] = [];
    fast.documents.forEach((d, docIndex) => {
      if (d.value === null || d.value === undefined) return; // an empty document
      if (!isPlainObject(d.value)) diagnostics.push(notAnObject(d.value, docIndex, file, d.line));
      else documents.push({ file, line: d.line, value: d.value, origin: { text: body, docIndex, basePath: [] } });
    });
    return { documents, diagnostics };
  }
  return parseWithYamlPackage(body, file);
}

function parseWithYamlPackage(body: string, file: string): ParsedText {
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
  let docs;
  try {
    docs = parseAllDocuments(body, { ...kubeYamlOptions, lineCounter });
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    diagnostics.push(limitDiagnostic(DEPTH_MESSAGE, file));
    return { documents, diagnostics };
  }
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, docIndex) => {
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
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
    const problem = checkYamlDocument(doc);
    if (problem) {
      const pos = lineCounter.linePos(problem.offset);
      const d = problem.code === 'input-limit'
        ? limitDiagnostic(problem.message, file)
        : { severity: 'error' as const, code: 'yaml-syntax', message: `YAML error: ${problem.message}`, file, hint: '`kubectl apply` would reject this file too' };
      diagnostics.push({ ...d, line: pos.line, column: pos.col });
      return;
    }
    collect(doc, docIndex, body, file, lineCounter, documents, diagnostics);
  });
  return { documents, diagnostics };
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

function collect(
  doc: Document.Parsed,
  docIndex: number,
  text: string,
  file: string,
  lineCounter: LineCounter,
  out: SourceDocument[],
  diagnostics: Diagnostic[],
): void {
  const contents = doc.contents;
  if (contents === null) return; // an empty document, e.g. a trailing `---`
  const line = lineOf(contents, lineCounter);
  let value: unknown;
  try {
    value = doc.toJS(TO_JS) as unknown;
  } catch (err) {
    // e.g. a merge key (`<<`) whose value is not a mapping: the yaml package throws here.
    diagnostics.push({ severity: 'error', code: 'yaml-syntax', message: `YAML error: ${err instanceof Error ? firstLine(err.message) : String(err)}`, file, line });
    return;
  }
  if (value === null || value === undefined) return;
  if (!isPlainObject(value)) {
    diagnostics.push(notAnObject(value, docIndex, file, line));
    return;
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
    return;
  }
  out.push({ file, line, value, origin: { text, docIndex, basePath: [] } });
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

/** Parses one YAML value given on the command line (e.g. `{a: b}`), as kubectl would read it. */
export function parseValue(text: string): unknown {
  const doc = parseAllDocuments(text, kubeYamlOptions);
  const first = Array.isArray(doc) ? doc[0] : undefined;
  if (!first || first.errors.length > 0) return text;
  const problem = checkYamlDocument(first);
  if (problem) throw new UsageError(problem.message);
  return first.toJS(TO_JS) as unknown;
}

/** Every document of a YAML stream as plain data, as sigs.k8s.io/yaml would read each one. */
export function parseDocumentValues(text: string): unknown[] {
  const docs = parseAllDocuments(text, kubeYamlOptions);
  const list = Array.isArray(docs) ? docs : [];
  const bad = list.find((d) => d.errors.length > 0);
  if (bad) throw new Error(firstLine(bad.errors[0]?.message ?? 'invalid YAML'));
  return list.map((d) => {
    const problem = checkYamlDocument(d);
    if (problem) throw new Error(problem.message);
    return d.toJS(TO_JS) as unknown;
  });
}
