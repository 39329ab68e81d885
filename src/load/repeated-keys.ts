// A mapping that gives the same key twice, said as an input error: kubectl reads the last value
// without a word, so the first one (often the line a user just edited) silently does nothing.
// kustomize, ytt templates and the API server's strict YAML decoding refuse such a document; carto
// refuses it too, naming both lines. The fast reader only marks a document that repeats a key
// (FastDocument.repeatedKeyAt): that document's text is read again here with the `yaml` package,
// whose nodes know both keys' places — the cost falls on the rare document, not on every key.
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { formatObjectRef, type Diagnostic, type ObjectRef } from '../diagnostics/diagnostic.js';
import { fieldPath } from '../schema/words.js';
import { kubeYamlOptions, parseYamlStream } from '../yaml/index.js';
import { aliasTargets, checkYamlDocument, repeatedKeys, type RepeatedKey } from './checks.js';

/** Top-level keys that, repeated, mean two objects were joined into one document. */
const OBJECT_KEYS = new Set(['apiVersion', 'kind']);

/** Who reads the text after carto: kubectl (manifests), ytt (a data values file, a package's file without annotations); what it does with a repeated key differs. */
export type Reader = 'kubectl' | 'ytt-values' | 'ytt-file';

/** What the reader after carto would do with the repeated key, for the hint. */
const WOULD: Record<Reader, (spot: string) => string> = {
  kubectl: (spot) => `kubectl apply would silently keep the value at ${spot}`,
  'ytt-values': (spot) => `ytt would keep the value at ${spot}, or stop with a panic when the key is new to the data values`,
  // (in a file with any #@, ytt refuses the repeat itself: the built-in engine says so as ytt does)
  'ytt-file': (spot) => `ytt reads a file without #@ annotations as plain YAML and would silently keep the value at ${spot}`,
};

/** What a strict reader says (kubectl's sigs.k8s.io/yaml in strict mode), for a manifest's detail. */
const STRICT = 'sigs.k8s.io/yaml, strict (the API server given YAML under strict field validation): yaml: unmarshal errors:';

/** The diagnostics for a document the yaml package parsed: one per repeated key, or one for two objects joined. */
export function repeatedKeyDiagnostics(doc: Document.Parsed, lineOf: (offset: number) => { line: number; col: number }, file: string, value?: unknown, targets = aliasTargets(doc), reader: Reader = 'kubectl'): Diagnostic[] {
  const found = repeatedKeys(doc, targets);
  if (found.length === 0) return [];
  const where = (k: RepeatedKey, node: 'first' | 'again') => lineOf(k[node].range?.[0] ?? 0);
  const object = objectOf(value);
  const top = found.filter((k) => k.path.length === 0);
  const joined = top.some((k) => OBJECT_KEYS.has(k.key));
  const out: Diagnostic[] = [];
  if (joined) out.push(joinedObjects(top, where, file, object));
  for (const k of found) {
    if (joined && k.path.length === 0) continue;
    const first = where(k, 'first');
    const again = where(k, 'again');
    // Two spots on one line (a JSON file, a flow mapping) are told apart by their columns.
    const [a, b] = first.line === again.line ? [`${first.line}:${first.col}`, `${again.line}:${again.col}`] : [`line ${first.line}`, `line ${again.line}`];
    // In a List (`kubectl get -o yaml` of several objects) the field is the item's, named by its kind and name.
    const item = listItemOf(value, k.path);
    const owner = item ?? object;
    const field = fieldPath([...(item ? k.path.slice(2) : k.path), k.key]);
    out.push({
      severity: 'error',
      code: 'duplicate-key',
      message: `${field}${owner ? ` of ${formatObjectRef(owner)}` : ''} is given twice in the same mapping, at ${a} and ${b}: only the value at ${b} would be read`,
      file,
      line: again.line,
      column: again.col,
      ...(owner ? { object: owner } : {}),
      path: field,
      // A string key and a boolean (`"true"` and `yes`) are two keys to go-yaml's strict check: they meet only as JSON.
      ...(reader === 'kubectl' && k.sameType ? { detail: `${STRICT}\n  line ${again.line}: key ${keyWords(k)} already set in map` } : {}),
      hint: `keep one of the two: merge what the one at ${a} says into the one at ${b}, or delete the one you do not mean (${WOULD[reader](b)})`,
    });
  }
  return out;
}

/** Objects joined in one document (a `---` left out when files were joined): one diagnostic, not one per key. */
function joinedObjects(top: readonly RepeatedKey[], where: (k: RepeatedKey, node: 'first' | 'again') => { line: number; col: number }, file: string, object: ObjectRef | undefined): Diagnostic {
  // Each repeat of the object key given most often starts another object.
  const counts = new Map<string, number>();
  for (const k of top) if (OBJECT_KEYS.has(k.key)) counts.set(k.key, (counts.get(k.key) ?? 0) + 1);
  const marker = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const starts = top.filter((k) => k.key === marker).map((k) => where(k, 'again').line);
  const first = Math.min(...top.map((k) => where(k, 'first').line));
  const keys = [...new Set(top.map((k) => k.key))];
  const named = keys.length === 1 ? keys[0]! : `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]!}`;
  const objects = starts.length + 1;
  const lines = top.map((k) => `  line ${where(k, 'again').line}: key ${keyWords(k)} already set in map`);
  return {
    severity: 'error',
    code: 'duplicate-key',
    message: `${objects === 2 ? 'two' : objects} objects are written as one document, from line ${first}: ${named} ${keys.length === 1 ? 'is' : 'are'} given again from line ${starts[0]!}, and each object's values overwrite those of the one before`,
    file,
    line: starts[0]!,
    column: 1,
    ...(object ? { object } : {}),
    detail: `${STRICT}\n${lines.length > 6 ? [...lines.slice(0, 5), `  … and ${lines.length - 5} more`].join('\n') : lines.join('\n')}`,
    hint: `put a line \`---\` before line${starts.length > 1 ? "s" : ""} ${listLines(starts)}, where ${objects === 2 ? 'the second object starts' : 'each next object starts'} (kubectl apply would silently apply one object mixing them)`,
  };
}

function listLines(lines: readonly number[]): string {
  if (lines.length === 1) return String(lines[0]);
  const shown = lines.length > 6 ? [...lines.slice(0, 5).map(String), `${lines.length - 5} more`] : lines.map(String);
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`;
}

/** The key as go-yaml's message prints it (%#v): a string quoted, anything else as written. */
function keyWords(k: RepeatedKey): string {
  return k.quoted ? JSON.stringify(k.key) : k.key;
}

/** The item of a List a repeated key's mapping is in (`items[i]…`), when the item is an object with a name. */
function listItemOf(value: unknown, path: readonly (string | number)[]): ObjectRef | undefined {
  if (path[0] !== 'items' || typeof path[1] !== 'number' || typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v['kind'] !== 'string' || !v['kind'].endsWith('List') || !Array.isArray(v['items'])) return undefined;
  return objectOf(v['items'][path[1]]);
}

function objectOf(value: unknown): ObjectRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const metadata = v['metadata'];
  const name = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)['name'] : undefined;
  const namespace = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)['namespace'] : undefined;
  if (typeof v['kind'] !== 'string' || typeof name !== 'string') return undefined;
  return { kind: v['kind'], name, ...(typeof namespace === 'string' ? { namespace } : {}) };
}

/**
 * For a document the fast reader read and marked: its text (`body[range]`) read again with the
 * yaml package, for both keys' lines. Lines count from the start of `body`.
 */
export function repeatedKeysInRange(body: string, range: readonly [number, number], file: string, value: unknown, reader: Reader = 'kubectl'): Diagnostic[] {
  const [start, end] = range;
  let base = 0;
  for (let i = body.indexOf('\n'); i >= 0 && i < start; i = body.indexOf('\n', i + 1)) base++;
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(body.slice(start, end), { ...kubeYamlOptions, lineCounter });
  const out: Diagnostic[] = [];
  for (const doc of Array.isArray(docs) ? docs : []) {
    // The fast reader read this text, so the yaml package reads it without errors or limits.
    if (doc.errors.length > 0 || checkYamlDocument(doc)) continue;
    const lineOf = (offset: number) => {
      const p = lineCounter.linePos(offset);
      return { line: p.line + base, col: p.col };
    };
    out.push(...repeatedKeyDiagnostics(doc, lineOf, file, value, undefined, reader));
  }
  return out;
}

/**
 * The repeated keys of a YAML text that ytt reads and the loader does not otherwise parse (a
 * `--data-values-file`; a package's file without annotations): ytt keeps the last value of such a
 * key, or, for data values, stops with a panic when the key is new to them. Syntax errors are left
 * to the reader that reads it.
 */
export function repeatedKeysOfText(text: string, file: string, reader: Reader): Diagnostic[] {
  const fast = parseYamlStream(text);
  if (fast) return fast.documents.flatMap((d) => (d.repeatedKeyAt === undefined ? [] : repeatedKeysInRange(text, d.range, file, d.value, reader)));
  return repeatedKeysInRange(text, [0, text.length], file, undefined, reader);
}
