// YAML node tree used by the ytt templating layer (both for parsed templates and
// for the values templates evaluate to). Scalars are Starlark-compatible values:
// null, boolean, number/bigint (int), Float (float) and string.
import { Float, chargeSteps } from '../starlark/eval/values.js';
import { YamlFloat } from '../../yaml/index.js';

export type Scalar = null | boolean | number | bigint | string | Float;

export interface Comment {
  data: string; // text after '#'
  line: number;
}

export interface NodeAnnotation {
  name: string;
  args: unknown[];
  kwargs: [string, unknown][];
  /** The line of the annotation's own `#@` comment. */
  line: number | null;
}

export type NodeValue = Scalar | YMap | YArray | YDocSet;

/**
 * Where a node of a template's result was written: the template file (as named in the run, and
 * its index among the files given to runYtt when it is one of them) and the line. Only set when
 * positions are asked for (runYtt's `positions`); one shared object per template node.
 */
export interface NodeSource {
  readonly file: string;
  readonly index: number | undefined;
  readonly line: number;
}

const NO_COMMENTS: Comment[] = [];
const NO_ANNOTATIONS: NodeAnnotation[] = [];

export abstract class YNode {
  // plain assignments (no class-field initialisers: nodes are created in bulk on hot paths);
  // comment/annotation arrays are shared empty ones until something is attached
  declare comments: Comment[];
  declare line: number | null;
  /** The file (YttFile.name, or a pseudo-file such as a data value flag) the node was written in, when known. */
  declare file: string | null;
  declare annotations: NodeAnnotation[];
  /** Set only when positions are asked for (not assigned otherwise: nodes keep one shape on hot paths). */
  declare src?: NodeSource;
  constructor() {
    this.comments = NO_COMMENTS;
    this.line = null;
    this.file = null;
    this.annotations = NO_ANNOTATIONS;
  }
  addComment(c: Comment): void {
    if (this.comments === NO_COMMENTS) this.comments = [];
    this.comments.push(c);
  }
  abstract readonly kind: 'docset' | 'doc' | 'map' | 'mapitem' | 'array' | 'arrayitem';
  /** Children (nodes or scalars), as ytt's GetValues. */
  abstract values(): (YNode | Scalar)[];
}

export class YDocSet extends YNode {
  get kind(): 'docset' {
    return 'docset';
  }
  constructor(public docs: YDoc[] = []) {
    super();
  }
  values(): (YNode | Scalar)[] {
    return this.docs;
  }
}

export class YDoc extends YNode {
  get kind(): 'doc' {
    return 'doc';
  }
  injected = false;
  constructor(public value: NodeValue = null) {
    super();
  }
  values(): (YNode | Scalar)[] {
    return [this.value];
  }
}

export class YMap extends YNode {
  get kind(): 'map' {
    return 'map';
  }
  constructor(public items: YMapItem[] = []) {
    super();
  }
  values(): (YNode | Scalar)[] {
    return this.items;
  }
}

export class YMapItem extends YNode {
  get kind(): 'mapitem' {
    return 'mapitem';
  }
  constructor(
    public key: Scalar,
    public value: NodeValue = null,
  ) {
    super();
  }
  values(): (YNode | Scalar)[] {
    return [this.value];
  }
}

export class YArray extends YNode {
  get kind(): 'array' {
    return 'array';
  }
  constructor(public items: YArrayItem[] = []) {
    super();
  }
  values(): (YNode | Scalar)[] {
    return this.items;
  }
}

export class YArrayItem extends YNode {
  get kind(): 'arrayitem' {
    return 'arrayitem';
  }
  constructor(public value: NodeValue = null) {
    super();
  }
  values(): (YNode | Scalar)[] {
    return [this.value];
  }
}

export function isNode(v: unknown): v is YNode {
  return v instanceof YNode;
}

/**
 * Steps charged for each YAML node a template's values make (conversion of Starlark values to
 * nodes, copies of fragments): a node costs far more time and memory than an interpreter step,
 * and everything after evaluation (output, emitting) is proportional to the nodes, so this is
 * what bounds `a: #@ [[1]*5000]*5000` (small in Starlark, 25,000,000 nodes in YAML).
 */
export const NODE_STEPS = 20;

/** Deep copy of a value tree (nodes are copied; scalars shared). Comments are not copied. Charged NODE_STEPS a node. */
export function deepCopy<T extends NodeValue | YNode>(v: T): T {
  if (!(v instanceof YNode)) return v;
  chargeSteps(NODE_STEPS);
  let out: YNode;
  switch (v.kind) {
    case 'docset': out = new YDocSet((v as YDocSet).docs.map((d) => deepCopy(d))); break;
    case 'doc': {
      const d = new YDoc(deepCopy((v as YDoc).value));
      d.injected = (v as YDoc).injected;
      out = d;
      break;
    }
    case 'map': out = new YMap((v as YMap).items.map((i) => deepCopy(i))); break;
    case 'mapitem': out = new YMapItem((v as YMapItem).key, deepCopy((v as YMapItem).value)); break;
    case 'array': out = new YArray((v as YArray).items.map((i) => deepCopy(i))); break;
    case 'arrayitem': out = new YArrayItem(deepCopy((v as YArrayItem).value)); break;
  }
  out.line = v.line;
  out.file = v.file;
  if (v.src !== undefined) out.src = v.src;
  if (v.annotations.length > 0) out.annotations = v.annotations.slice();
  return out as T;
}

/** Charges what deepCopy(v) would, without copying: for callers that only read the nodes. */
export function chargeCopy(v: NodeValue | YNode): void {
  if (!(v instanceof YNode)) return;
  chargeSteps(NODE_STEPS);
  const children = v.values();
  for (let i = 0; i < children.length; i++) chargeCopy(children[i]!);
}

/**
 * Converts a node value to plain JS: Map for maps (ordered, any keys), arrays, scalars.
 * Floats become numbers, or `YamlFloat`s when `forEmitter` (so they print as Go float64s).
 */
export function toPlain(v: NodeValue | YNode, forEmitter = false): unknown {
  if (v instanceof Float) return forEmitter ? new YamlFloat(v.v) : v.v;
  if (!(v instanceof YNode)) return v;
  switch (v.kind) {
    case 'map': {
      const m = new Map<unknown, unknown>();
      for (const it of (v as YMap).items) m.set(toPlain(it.key, forEmitter), toPlain(it.value, forEmitter));
      return m;
    }
    case 'array':
      return (v as YArray).items.map((i) => toPlain(i.value, forEmitter));
    case 'docset':
      return (v as YDocSet).docs.map((d) => toPlain(d.value, forEmitter));
    case 'doc':
    case 'mapitem':
    case 'arrayitem':
      return toPlain((v as YDoc).value, forEmitter);
  }
}
