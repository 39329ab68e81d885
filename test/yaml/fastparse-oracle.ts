// The differential oracle for src/yaml/parse.ts: the `yaml` package with kubeYamlOptions, read the
// way src/load/documents.ts reads it (values from doc.toJS(), lines from doc.contents.range[0]).
import { LineCounter, parseAllDocuments } from 'yaml';
import { kubeYamlOptions } from '../../src/yaml/index.js';
import { parseYamlStreamOrThrow, type FastParse } from '../../src/yaml/parse.js';

/** The first difference between two values, compared strictly (types, -0, key order, own
 *  properties, prototypes), as a path and a description; null when they are the same. */
export function strictDiff(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a !== typeof b) return `${path}: ${describe(a)} vs ${describe(b)}`;
  if (typeof a === 'number') return Object.is(a, b) ? null : `${path}: ${describe(a)} vs ${describe(b)}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return a === b ? null : `${path}: ${describe(a)} vs ${describe(b)}`;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: different prototypes`;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return `${path}: length ${a.length} vs ${bb.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = strictDiff(a[i], bb[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) {
    return `${path}: keys ${JSON.stringify(ka.map(String))} vs ${JSON.stringify(kb.map(String))}`;
  }
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k)!;
    const db = Object.getOwnPropertyDescriptor(b, k)!;
    if (da.enumerable !== db.enumerable || da.writable !== db.writable) return `${path}.${String(k)}: descriptors differ`;
    const d = strictDiff(da.value, db.value, `${path}.${String(k)}`);
    if (d) return d;
  }
  return null;
}

function describe(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 60) + '…' : v);
  if (Array.isArray(v)) return 'array';
  return v === null ? 'null' : typeof v;
}

export interface Reference {
  /** Some document has errors: the fast parser must return null. */
  errors: boolean;
  docs: { value: unknown; line: number }[];
}

export function reference(text: string): Reference {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { ...kubeYamlOptions, lineCounter });
  const list = Array.isArray(parsed) ? parsed : [];
  let errors = list.some((d) => d.errors.length > 0);
  const docs = list.map((d) => {
    let value: unknown;
    try {
      value = errors ? undefined : (d.toJS() as unknown);
    } catch {
      errors = true; // e.g. `<<: scalar` (merge of a non-map): toJS throws
    }
    return { value, line: d.contents ? lineCounter.linePos(d.contents.range[0]).line : 0 };
  });
  return { errors, docs };
}

export type Outcome =
  | { kind: 'match'; fast: FastParse }
  | { kind: 'fallback' } // valid YAML, fast parser declined
  | { kind: 'rejected' } // invalid YAML, fast parser declined (as it must)
  | { kind: 'wrong'; message: string }; // a contract violation

/** Runs both parsers on `text` and checks the contract. */
export function compare(text: string, checkRanges = true): Outcome {
  const ref = reference(text);
  let fast: FastParse | null;
  try {
    fast = parseYamlStreamOrThrow(text);
  } catch (e) {
    return { kind: 'wrong', message: `fast parser threw: ${(e as Error).stack ?? String(e)}` };
  }
  if (fast === null) return ref.errors ? { kind: 'rejected' } : { kind: 'fallback' };
  if (ref.errors) return { kind: 'wrong', message: 'fast parser accepted text the yaml package rejects' };
  if (fast.documents.length !== ref.docs.length) {
    return { kind: 'wrong', message: `${fast.documents.length} documents vs ${ref.docs.length}` };
  }
  for (let i = 0; i < ref.docs.length; i++) {
    const f = fast.documents[i]!;
    const r = ref.docs[i]!;
    const d = strictDiff(f.value, r.value);
    if (d) return { kind: 'wrong', message: `document ${i}: ${d}` };
    if (f.line !== r.line) return { kind: 'wrong', message: `document ${i}: line ${f.line} vs ${r.line}` };
  }
  if (checkRanges) {
    const problem = checkDocumentRanges(text, fast);
    if (problem) return { kind: 'wrong', message: problem };
  }
  return { kind: 'match', fast };
}

/** Ranges are ordered, inside the text, and re-parsing each slice gives that one document. */
export function checkDocumentRanges(text: string, fast: FastParse): string | null {
  let prevEnd = 0;
  for (let i = 0; i < fast.documents.length; i++) {
    const [start, end] = fast.documents[i]!.range;
    if (!(start >= prevEnd && start <= end && end <= text.length)) return `document ${i}: bad range [${start}, ${end})`;
    prevEnd = end;
    const again = parseAllDocuments(text.slice(start, end), kubeYamlOptions);
    const list = Array.isArray(again) ? again : [];
    if (list.length !== 1 || list[0]!.errors.length > 0) {
      return `document ${i}: its range [${start}, ${end}) re-parses as ${list.length} documents`;
    }
    const d = strictDiff(list[0]!.toJS() as unknown, fast.documents[i]!.value);
    if (d) return `document ${i}: its range re-parses differently: ${d}`;
  }
  return null;
}
