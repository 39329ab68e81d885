// Data values given on the command line, as ytt 0.45 turns them into overlays: each
// `-v`/`--data-value-yaml`/`--data-value-file KEY=…` a one-key document (dotted keys nest; every
// level may be new; the value replaces what was there), each `--data-values-file` document a
// "plain merge" (maps merge, new keys allowed, arrays and scalars replace). `@lib:` addresses a
// library instead.
import { YArray, YDoc, YMap, YMapItem, YNode } from '../template/nodes.js';
import type { NodeAnnotation, NodeValue } from '../template/nodes.js';
import { YamlParseError, parseYamlWithComments } from '../template/yamlparse.js';
import { plainToNode } from '../template/values.js';
import type { DataValue, DataValuesFileArg } from '../types.js';
import { DataValuesError } from './errors.js';
import { stamp } from './sources.js';
import type { SourceTable } from './sources.js';

/** A data values document from outside the library's own files, with its destination. */
export interface OverlayDoc {
  doc: YDoc;
  /** The library it is addressed to (`@a@b:` gives ['a', 'b']); empty for the library computing its values. */
  library: string[];
  /** `#@data/values after_library_module=True` (documents addressed to a library only). */
  afterLibraryModule?: boolean;
  /** How ytt names a document handed down to a library below (as written: "'@a@b' on line f:3"). */
  desc?: string;
}

const MISSING_OK: NodeAnnotation = { name: 'overlay/match', args: [], kwargs: [['missing_ok', true]], line: null };
const OR_ADD: NodeAnnotation = { name: 'overlay/replace', args: [], kwargs: [['or_add', true]], line: null };

/** ytt's name for a `-v`/`--data-value-yaml`/`--data-value-file` flag in its messages. */
function flagDesc(dv: DataValue, key: string): string {
  if ('text' in dv) return `(data-value-file arg) ${key}=${dv.file}`;
  if ('yaml' in dv) return '(data-value-yaml arg)';
  return typeof dv.value === 'string' ? '(data-value arg)' : '(data-value-yaml arg)';
}

/** One flag as the overlay ytt makes of it. Throws DataValuesError with ytt's message. */
export function flagOverlay(dv: DataValue, src: SourceTable): OverlayDoc {
  const what = 'text' in dv ? 'Extracting data value from file: ' : 'Extracting data value from KV: ';
  try {
    const value = flagValue(dv, src);
    const [library, key] = libraryAndKey(dv.key);
    const desc = flagDesc(dv, key);
    const line = 'text' in dv ? dv.text : 'yaml' in dv ? `${dv.key}=${dv.yaml}` : `${dv.key}=${typeof dv.value === 'string' ? dv.value : JSON.stringify(dv.value)}`;
    const file = src.addPseudo(desc, [line]);
    return { doc: keyOverlay(key.split('.'), value, file), library };
  } catch (e) {
    if (e instanceof DataValuesError) throw e.wrap(what);
    throw e;
  }
}

function flagValue(dv: DataValue, src: SourceTable): NodeValue {
  if ('text' in dv) return dv.text;
  if (!('yaml' in dv)) return plainToNode(dv.value);
  let parsed: NodeValue;
  try {
    parsed = parseYamlWithComments(dv.yaml, { withComments: false }).docs[0]?.value ?? null;
  } catch (e) {
    if (e instanceof YamlParseError) throw new DataValuesError(`Deserializing value for key '${dv.key}': Deserializing YAML value: ${e.msg}`);
    throw e;
  }
  // values inside a YAML value are positioned in that text, in a file with no name
  if (parsed instanceof YNode) parsed = stamp(new YDoc(parsed), src.addPseudo('', dv.yaml.split('\n'))).value;
  return parsed;
}

/** Splits `@lib:key` (ytt's libraryRefAndKey). */
function libraryAndKey(arg: string): [string[], string] {
  let library: string[] = [];
  let key = arg;
  if (arg.startsWith('@')) {
    const colon = arg.indexOf(':');
    if (colon >= 0) {
      if (colon === 1) throw new DataValuesError('Expected library ref to not be empty');
      library = libraryRef(arg.slice(0, colon));
      key = arg.slice(colon + 1);
    }
  }
  if (key.includes(':')) throw new DataValuesError(`Expected at most one library-key separator ':' in '${key}'`);
  return [library, key];
}

/**
 * The pieces of a library reference (`@a@b~alias` gives ['a', 'b~alias']: a library, then one
 * of its libraries, by path, alias or both). Throws DataValuesError with ytt's message.
 */
export function libraryRef(ref: string): string[] {
  if (ref === '') throw new DataValuesError('Expected library ref to not be empty');
  if (!ref.startsWith('@')) throw new DataValuesError("Expected library ref to start with '@'");
  const pieces = ref.split('@').slice(1);
  for (const p of pieces) {
    const parts = p.split('~');
    if (parts.length === 2 && parts[1] === '') throw new DataValuesError('Expected library alias to not be empty');
    if (parts.length > 2) throw new DataValuesError(`Expected library ref to have form: '@path', '@~alias', or '@path~alias', got: '${ref}'`);
  }
  return pieces;
}

/** `a.b=v` as the document `a: {b: v}`: every level may be missing, the value replaces. */
function keyOverlay(pieces: string[], value: NodeValue, file: string): YDoc {
  const root = new YMap();
  let map = root;
  let last: YMapItem | null = null;
  for (const piece of pieces) {
    last = new YMapItem(piece, new YMap());
    last.line = 1; // ytt positions every level of a flag at its text, "line 1"
    last.annotations = [MISSING_OK];
    map.items.push(last);
    map = last.value as YMap;
  }
  last!.value = value;
  last!.annotations = [MISSING_OK, OR_ADD];
  const doc = new YDoc(root);
  doc.line = 1;
  return stamp(doc, file);
}

/**
 * The documents of one `--data-values-file` argument (a file, or the files of a directory), each
 * made a plain merge. Throws DataValuesError with ytt's message.
 */
export function valuesFileOverlays(arg: DataValuesFileArg, src: SourceTable): OverlayDoc[] {
  let library: string[] = [];
  let path = arg.arg;
  if (path.startsWith('@') && path.includes(':')) {
    const colon = path.indexOf(':');
    if (colon === 1) throw new DataValuesError('Extracting data value from file: Expected library ref to not be empty');
    try {
      library = libraryRef(path.slice(0, colon));
    } catch (e) {
      if (e instanceof DataValuesError) throw e.wrap('Extracting data value from file: ');
      throw e;
    }
    path = path.slice(colon + 1);
  }
  const out: OverlayDoc[] = [];
  for (const f of arg.files) {
    let docs: YDoc[];
    try {
      docs = parseYamlWithComments(f.text).docs;
    } catch (e) {
      if (e instanceof YamlParseError) throw new DataValuesError(`Extracting data value from file: Unmarshaling YAML data values file '${f.name}': ${e.msg}`);
      throw e;
    }
    const key = src.addFile(f.name, f.text);
    for (const doc of docs) {
      if (doc.value === null) continue;
      if (hasTemplating(doc)) {
        throw new DataValuesError(`Extracting data value from file: Checking data values file '${path}': Expected to be plain YAML, having no annotations (hint: remove comments starting with \`#@\`)`);
      }
      plainMerge(doc);
      out.push({ doc: stamp(doc, key), library });
    }
  }
  return out;
}

function hasTemplating(n: YNode): boolean {
  if (n.comments.some((c) => c.data.startsWith('@'))) return true;
  return n.values().some((c) => c instanceof YNode && hasTemplating(c));
}

/**
 * Annotates a plain YAML document as ytt's AnnotateForPlainMerge does: every node may be new
 * (`overlay/match missing_ok=True`), arrays and scalars replace (`overlay/replace or_add=True`).
 */
export function plainMerge(n: YNode): void {
  const anns: NodeAnnotation[] = [MISSING_OK];
  let replace = false;
  for (const v of n.values()) {
    if (v instanceof YNode && !(v instanceof YArray)) plainMerge(v);
    else replace = true;
  }
  if (replace) anns.push(OR_ADD);
  n.annotations = anns;
}
