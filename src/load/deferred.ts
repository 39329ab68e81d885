// Documents kept as their text until they are read: in a file of thousands of Workloads, the
// parsed objects would be most of the memory a render holds (about 900 bytes each, against the
// 300 bytes of text the file keeps anyway for locating fields). The caller says which objects
// may be deferred (ReadOptions.deferred); the load parses each such document once, to check it,
// keeps its place in the text, and parses it again whenever its `value` is read. A few recently
// read values are remembered, so that reading a document field by field parses it once. What is
// remembered belongs to one file's reading (DeferredReading), never to the module: a library user
// that drops the documents of a render drops the file's text and the values with them.
import { FastYamlReader, readWith, type FastDocument } from '../yaml/index.js';

/**
 * A file at least this long (about 27,000 Workloads) has its deferrable documents deferred. Each
 * is parsed about three times more (the catalog, the render), which at 10,000 Workloads cost 15%
 * more CPU for memory that did not matter (150 MB).
 */
export const DEFER_FROM_BYTES = 8_000_000;

const RANGE = Symbol('carto.deferredRange');

/** What is kept of a deferred document besides its text: the first fields every pass reads. */
type Head = Readonly<Record<string, unknown>> & { readonly apiVersion?: unknown; readonly kind?: unknown };
interface DeferredPlace {
  readonly start: number;
  readonly end: number;
  readonly head: Head;
  /** The values last read of the file's deferred documents (shared by them all). */
  readonly recent: Map<Deferred, Record<string, unknown>>;
}

type Deferrable = (value: Record<string, unknown>) => boolean;

class DeferringReader extends FastYamlReader {
  constructor(text: string, start: number, private readonly reading: DeferredReading) {
    super(text, start);
  }

  protected override finished(doc: FastDocument): FastDocument {
    const v = doc.value;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && this.reading.deferrable(v as Record<string, unknown>)) return { ...doc, value: { [HEAD]: this.reading.headFor(v as Record<string, unknown>) } };
    return doc;
  }
}

const HEAD = Symbol('carto.deferredHead');

/** One file's reading with deferred documents: its heads, and its documents' recently read values. */
export class DeferredReading {
  /** One head per apiVersion and kind, shared by the file's documents alike. */
  private readonly heads = new Map<unknown, Map<unknown, Head>>();
  private readonly recent = new Map<Deferred, Record<string, unknown>>();

  constructor(readonly deferrable: Deferrable) {}

  /** The fast reader's documents of `text`, those `deferrable` says left as their head (deferredHead); null where the fast reader declines. */
  read(text: string): FastDocument[] | null {
    return readWith(text, (t, start) => new DeferringReader(t, start, this));
  }

  /** A document's apiVersion and kind, one object for all documents alike. */
  headFor(value: Record<string, unknown>): Head {
    const apiVersion = value['apiVersion'];
    const kind = value['kind'];
    let byKind = this.heads.get(apiVersion);
    if (!byKind) this.heads.set(apiVersion, (byKind = new Map()));
    let head = byKind.get(kind);
    if (!head) byKind.set(kind, (head = Object.freeze({ apiVersion, kind })));
    return head;
  }

  /** A SourceDocument whose value is read from `text[range]` when asked for (keys in SourceDocument's order). */
  document<T extends object>(file: string, line: number, origin: { text: string; docIndex: number; basePath: readonly (string | number)[] }, range: readonly [number, number], head: Head): T {
    const doc = { file, line } as Record<string | symbol, unknown>;
    Object.defineProperty(doc, 'value', VALUE);
    doc['origin'] = origin;
    Object.defineProperty(doc, RANGE, { value: { start: range[0], end: range[1], head, recent: this.recent } satisfies DeferredPlace });
    return doc as T;
  }
}

/** The head of a document the reader deferred, or undefined for any other value. */
export function deferredHead(value: unknown): Head | undefined {
  return typeof value === 'object' && value !== null ? (value as { [HEAD]?: Head })[HEAD] : undefined;
}

/**
 * A document's apiVersion and kind without reading a deferred one: those of its value, or for a
 * deferred document the ones it was read with (what walks every document to pick some reads).
 */
export function headOf(doc: { readonly value: Record<string, unknown> }): Head {
  const deferred = (doc as { [RANGE]?: DeferredPlace })[RANGE];
  return deferred ? deferred.head : doc.value;
}

/** Whether a document's value is read from its text on each read (a copy of it is better not kept). */
export function isDeferredDocument(doc: object): boolean {
  return RANGE in doc;
}

interface Deferred {
  readonly origin: { readonly text: string };
  readonly [RANGE]: DeferredPlace;
}

// One descriptor for every deferred document: objects defined alike share V8's hidden class
// (an accessor written in each object literal would make each a dictionary of 500 bytes).
const VALUE: PropertyDescriptor = {
  get(this: Deferred): Record<string, unknown> {
    return valueOf(this);
  },
  enumerable: true,
  configurable: true,
};

const RECENT = 8;

function valueOf(doc: Deferred): Record<string, unknown> {
  const { start, end, recent } = doc[RANGE];
  const seen = recent.get(doc);
  if (seen !== undefined) return seen;
  const docs = readWith(doc.origin.text.slice(start, end), (t, s) => new FastYamlReader(t, s));
  const value = docs?.find((d) => d.value !== null && d.value !== undefined)?.value;
  // The text was read the same way when it was loaded: anything else is a bug, not an input.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`internal error: a deferred document (${start}–${end}) reads differently the second time`);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value as Deferred);
  recent.set(doc, value as Record<string, unknown>);
  return value as Record<string, unknown>;
}
