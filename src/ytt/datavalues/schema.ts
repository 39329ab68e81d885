// Data values schema (`#@data/values-schema` documents) as ytt 0.45 reads it: a type for every
// node, inferred from the value written there or given by `@schema/type any=True` /
// `@schema/nullable`; defaults (arrays empty unless `@schema/default` says otherwise); the
// documentation annotations checked as ytt checks them; `@schema/validation` rules kept on the
// types they belong to.
import { Float, Tuple, typeName } from '../starlark/eval/values.js';
import type { Value } from '../starlark/eval/values.js';
import { YArray, YArrayItem, YDoc, YMap, YMapItem, YNode, deepCopy } from '../template/nodes.js';
import type { NodeAnnotation, NodeValue, Scalar } from '../template/nodes.js';
import { starlarkToNode } from '../template/values.js';
import { schemaError, compactPos, nestedSchemaError, DataValuesError } from './errors.js';
import type { SourcePos, Violation } from './errors.js';
import { stamp } from './sources.js';
import type { SourceTable } from './sources.js';
import { assignType, checkNode, checkType } from './typecheck.js';
import { newValidation } from './validate.js';
import type { NodeValidation } from './validate.js';

export type ScalarName = 'string' | 'integer' | 'float' | 'boolean';

interface TypeBase {
  /** Where the type is defined (ytt's "by schema.yml:3"). */
  pos: SourcePos;
}
export interface DocType extends TypeBase { kind: 'doc'; value: SType; default: NodeValue; doc: YDoc; validations: NodeValidation[] }
export interface MapType extends TypeBase { kind: 'map'; items: MapItemType[]; node: YMap }
export interface MapItemType extends TypeBase { kind: 'mapitem'; key: Scalar; value: SType; default: NodeValue; node: YMapItem; validations: NodeValidation[] }
export interface ArrayType extends TypeBase { kind: 'array'; item: ArrayItemType; default: NodeValue }
export interface ArrayItemType extends TypeBase { kind: 'arrayitem'; value: SType; validations: NodeValidation[] }
export interface ScalarType extends TypeBase { kind: 'scalar'; name: ScalarName; default: NodeValue }
export interface AnyType extends TypeBase { kind: 'any'; default: NodeValue }
export interface NullType extends TypeBase { kind: 'null'; value: SType }
export type SType = DocType | MapType | MapItemType | ArrayType | ArrayItemType | ScalarType | AnyType | NullType;

/** ytt's name for a type, as in "expected: integer (by schema.yml:3)". */
export function typeString(t: SType): string {
  switch (t.kind) {
    case 'doc': return 'document';
    case 'map': return 'map';
    case 'mapitem': return `${String(t.key)}: ${typeString(t.value)}`;
    case 'array': return 'array';
    case 'arrayitem': return `- ${typeString(t.value)}`;
    case 'scalar': return t.name;
    case 'any': return 'any';
    case 'null': return 'null';
  }
}

/** A copy of the default value a type gives (a map gets each of its items' defaults). */
export function defaultValue(t: SType): NodeValue {
  switch (t.kind) {
    case 'map': {
      const m = new YMap(t.items.map(defaultItem));
      m.line = t.node.line;
      m.file = t.node.file;
      return m;
    }
    case 'doc': case 'mapitem': case 'array': case 'scalar': case 'any':
      return deepCopy(t.default);
    case 'arrayitem': return defaultValue(t.value);
    case 'null': return null;
  }
}

/** The item a map type adds for a key the data values lack. */
export function defaultItem(t: MapItemType): YMapItem {
  const it = new YMapItem(t.key, deepCopy(t.default));
  it.line = t.node.line;
  it.file = t.node.file;
  return it;
}

export class Schema {
  constructor(
    public readonly type: DocType | null,
  ) {}

  /** The defaults document (null for the empty schema, which has none). */
  defaults(): YDoc | null {
    if (!this.type) return null;
    const d = new YDoc(deepCopy(this.type.default));
    d.line = this.type.doc.line;
    d.file = this.type.doc.file;
    return d;
  }
}

/** Builds the schema of one (merged) schema document. Throws DataValuesError with ytt's report. */
export function newSchema(doc: YDoc, sources: SourceTable): Schema {
  return new Schema(new Builder(sources).docType(doc));
}

const SCHEMA_NS = ['schema/nullable', 'schema/type', 'schema/default'];

class Builder {
  constructor(private readonly src: SourceTable) {}

  docType(doc: YDoc): DocType {
    const value = this.typeOf(doc);
    const t: DocType = { kind: 'doc', value, default: null, doc, validations: this.validations(doc), pos: this.src.pos(doc) };
    t.default = this.valueOf(doc, value);
    return t;
  }

  private mapItemType(item: YMapItem): MapItemType {
    const value = this.typeOf(item);
    const def = this.valueOf(item, value);
    return { kind: 'mapitem', key: item.key, value, default: def, node: item, validations: this.validations(item), pos: this.src.pos(item) };
  }

  private arrayItemType(item: YArrayItem): ArrayItemType {
    const value = this.typeOf(item);
    this.valueOf(item, value); // checks a @schema/default there (refused)
    return { kind: 'arrayitem', value, validations: this.validations(item), pos: this.src.pos(item) };
  }

  /** ytt's getType: the type the annotations give, or the one the value implies. */
  private typeOf(node: YDoc | YMapItem | YArrayItem): SType {
    const pos = this.src.pos(node);
    let t = this.typeFromAnnotations(node, pos);
    if (t === undefined) t = this.infer(node.value, pos);
    if (t?.kind === 'any') {
      if (node.value instanceof YNode) this.refuseNestedSchema(node.value);
    } else if (node.value === null || t === null) {
      throw schemaError('Invalid schema - null value not allowed here', [{
        pos, expected: 'non-null value', found: 'null value',
        hints: ['in YAML, omitting a value implies null.', 'to set the default value to null, annotate with @schema/nullable.', 'to allow any value, annotate with @schema/type any=True.'],
      }]);
    }
    this.checkDocumentation(node, t!);
    return t!;
  }

  private infer(v: NodeValue, pos: SourcePos): SType | null {
    if (v instanceof YMap) return { kind: 'map', items: v.items.map((it) => this.mapItemType(it)), node: v, pos: this.src.pos(v) };
    if (v instanceof YArray) {
      if (v.items.length !== 1) {
        throw schemaError('Invalid schema - wrong number of items in array definition', [{
          pos: this.src.pos(v), expected: 'exactly 1 array item, of the desired type', found: `${v.items.length} array items`,
          hints: ['in schema, the one item of the array implies the type of its elements.', 'in schema, the default value for an array is always an empty list.', 'default values can be overridden via a data values overlay.'],
        }]);
      }
      const empty = new YArray();
      empty.line = v.line;
      empty.file = v.file;
      return { kind: 'array', item: this.arrayItemType(v.items[0]!), default: empty, pos: this.src.pos(v) };
    }
    if (v === null) return null;
    return { kind: 'scalar', name: scalarName(v as Scalar), default: v, pos };
  }

  /** The type `@schema/type any=True` or `@schema/nullable` gives, null for "none allowed", undefined when neither is there. */
  private typeFromAnnotations(node: YDoc | YMapItem | YArrayItem, pos: SourcePos): SType | null | undefined {
    const typeAnn = node.annotations.find((a) => a.name === 'schema/type');
    const nullAnn = node.annotations.find((a) => a.name === 'schema/nullable');
    const any = typeAnn ? this.anyKwarg(typeAnn, node) : false;
    if (nullAnn && nullAnn.kwargs.length > 0) {
      throw this.invalid(node, nullAnn, {
        description: 'expected @schema/nullable annotation to not contain any keyword arguments', expected: 'starlark.Bool',
        found: `keyword argument in @schema/nullable (by ${compactPos(this.src.annotationPos(node, nullAnn))})`, hints: ["Supported kwargs are 'any'"],
      });
    }
    if (any && nullAnn) return { kind: 'null', value: { kind: 'any', default: node.value, pos }, pos };
    if (any) return { kind: 'any', default: node.value, pos };
    if (nullAnn) {
      let inner: SType | null;
      try {
        inner = this.infer(node.value, pos);
      } catch (e) {
        // ytt reports what is wrong inside a nullable value within an "Invalid schema" report
        if (e instanceof DataValuesError) throw nestedSchemaError('Invalid schema', e);
        throw e;
      }
      return inner === null ? null : { kind: 'null', value: inner, pos };
    }
    return undefined;
  }

  private anyKwarg(ann: NodeAnnotation, node: YNode): boolean {
    const by = compactPos(this.src.annotationPos(node, ann));
    if (ann.kwargs.length === 0) {
      throw this.invalid(node, ann, {
        description: 'expected @schema/type annotation to have keyword argument and value', expected: 'valid keyword argument and value',
        found: `missing keyword argument and value (by ${by})`, hints: ["Supported key-value pairs are 'any=True', 'any=False'"],
      });
    }
    let any = false;
    for (const [name, v] of ann.kwargs) {
      if (name !== 'any') {
        throw this.invalid(node, ann, { description: 'unknown @schema/type annotation keyword argument', expected: 'A valid kwarg', found: `${name} (by ${by})`, hints: ["Supported kwargs are 'any'"] });
      }
      if (typeof v !== 'boolean') {
        throw this.invalid(node, ann, { description: 'unknown @schema/type annotation keyword argument', expected: 'starlark.Bool', found: `${goStarlarkType(v as Value)} (by ${by})`, hints: ["Supported kwargs are 'any'"] });
      }
      any = v;
    }
    return any;
  }

  private invalid(node: YNode, ann: NodeAnnotation, v: Omit<Violation, 'pos'>): DataValuesError {
    return schemaError('Invalid schema', [{ ...v, pos: this.src.pos(node), annotations: [this.src.annotationPos(node, ann)] }]);
  }

  /** `@schema/type any=True` values hold no schema: nested type annotations are an error. */
  private refuseNestedSchema(n: YNode): void {
    const found = n.annotations.filter((a) => SCHEMA_NS.includes(a.name));
    if (found.length > 0) {
      throw schemaError('Invalid schema', [{
        pos: this.src.pos(n), annotations: found.map((a) => this.src.annotationPos(n, a)),
        description: 'Schema was specified within an "any type" fragment', expected: "no '@schema/...' on nodes within a node annotated '@schema/type any=True'",
        found: `@${found.map((a) => a.name).join(', @')} annotation(s)`,
        hints: ['an "any type" fragment has no constraints; nested schema annotations conflict and are disallowed'],
      }]);
    }
    for (const c of n.values()) if (c instanceof YNode) this.refuseNestedSchema(c);
  }

  /** ytt's getValue: the `@schema/default` (checked against the type), or the type's default. */
  private valueOf(node: YDoc | YMapItem | YArrayItem, t: SType): NodeValue {
    const ann = node.annotations.find((a) => a.name === 'schema/default');
    if (ann) {
      if (node instanceof YArrayItem) {
        throw nestedSchemaError('Invalid schema', schemaError('Invalid schema - @schema/default not supported on array item', [{
          pos: this.src.pos(node), annotations: [this.src.annotationPos(node, ann)],
          hints: ['do you mean to set a default value for the array?', "set an array's default by annotating its parent."],
        }]));
      }
      return this.defaultFromAnnotation(node, ann, t);
    }
    if (t.kind === 'any') return node.value;
    return defaultValue(t);
  }

  private defaultFromAnnotation(node: YNode, ann: NodeAnnotation, t: SType): NodeValue {
    const annPos = this.src.annotationPos(node, ann);
    const syntax = (found: string, hints?: string[]): DataValuesError =>
      this.invalid(node, ann, { description: 'syntax error in @schema/default annotation', expected: `${typeString(t)} (by ${compactPos(t.pos)})`, found, ...(hints ? { hints } : {}) });
    if (ann.kwargs.length > 0) {
      throw syntax(`keyword argument in @schema/default (by ${compactPos(annPos)})`, ['this annotation only accepts one argument: the default value.', "value must be in Starlark format, e.g.: {'key': 'value'}, True."]);
    }
    if (ann.args.length !== 1) {
      throw syntax(ann.args.length === 0 ? `missing value in @schema/default (by ${compactPos(annPos)})` : `${ann.args.length} values in @schema/default (by ${compactPos(annPos)})`);
    }
    let value = starlarkToNode(ann.args[0] as Value);
    if (value instanceof YNode) {
      const d = stamp(Object.assign(new YDoc(value), { line: node.line, file: node.file }), node.file ?? '');
      value = d.value;
    }
    const violations = checkValue(value, t, this.src);
    if (violations.length > 0) {
      throw schemaError('Invalid schema - @schema/default is wrong type', violations.map((v) => ({ ...v, annotations: [annPos], found: `${v.found} (at ${compactPos(annPos)})` })));
    }
    return value;
  }

  private validations(node: YNode): NodeValidation[] {
    const ann = node.annotations.find((a) => a.name === 'schema/validation');
    if (!ann) return [];
    return [newValidation(ann, this.src.annotationPos(node, ann), 'schema/validation')];
  }

  /** `@schema/desc`, `title`, `examples` and `deprecated`: only checked (carto prints no schema). */
  private checkDocumentation(node: YDoc | YMapItem | YArrayItem, t: SType): void {
    for (const name of ['schema/desc', 'schema/title', 'schema/examples', 'schema/deprecated']) {
      const ann = node.annotations.find((a) => a.name === name);
      if (!ann) continue;
      if (name === 'schema/deprecated' && node instanceof YDoc) {
        throw schemaError('Invalid schema', [{
          pos: this.src.pos(node), annotations: [this.src.annotationPos(node, ann)], description: '@schema/deprecated not supported on a document',
          hints: ['do you mean to deprecate the entire schema document?', 'use schema/deprecated on individual keys.'],
        }]);
      }
      if (name === 'schema/examples') this.checkExamples(node, ann, t);
      else this.checkStringAnnotation(node, ann);
    }
  }

  private checkStringAnnotation(node: YNode, ann: NodeAnnotation): void {
    const by = compactPos(this.src.annotationPos(node, ann));
    const fail = (found: string, hints?: string[]): DataValuesError =>
      this.invalid(node, ann, { description: `syntax error in @${ann.name} annotation`, expected: 'string', found, ...(hints ? { hints } : {}) });
    if (ann.kwargs.length > 0) throw fail(`keyword argument in @${ann.name} (by ${by})`, ['this annotation only accepts one argument: a string.']);
    if (ann.args.length === 0) throw fail(`missing value in @${ann.name} (by ${by})`);
    if (ann.args.length > 1) throw fail(`${ann.args.length} values in @${ann.name} (by ${by})`);
    if (typeof ann.args[0] !== 'string') throw fail(`Non-string value in @${ann.name} (by ${by})`);
  }

  private checkExamples(node: YNode, ann: NodeAnnotation, t: SType): void {
    const annPos = this.src.annotationPos(node, ann);
    const expected = '2-tuple containing description (string) and example value (of expected type)';
    const fail = (found: string): DataValuesError => this.invalid(node, ann, { description: 'syntax error in @schema/examples annotation', expected, found });
    if (ann.kwargs.length > 0) throw fail(`keyword argument in @schema/examples (by ${compactPos(annPos)})`);
    if (ann.args.length === 0) throw fail(`missing value in @schema/examples (by ${compactPos(annPos)})`);
    const violations: Violation[] = [];
    for (const ex of ann.args as Value[]) {
      if (!(ex instanceof Tuple)) throw fail(`${typeName(ex)} for @schema/examples (at ${compactPos(annPos)})`);
      if (ex.items.length < 2) throw fail(`empty tuple in @schema/examples (by ${compactPos(annPos)})`);
      if (ex.items.length > 2) throw fail(`${ex.items.length}-tuple argument in @schema/examples (by ${compactPos(annPos)})`);
      if (typeof ex.items[0] !== 'string') throw fail(`${typeName(ex.items[0]!)} value for @schema/examples (at ${compactPos(annPos)})`);
      let value = starlarkToNode(ex.items[1]!);
      if (value instanceof YNode) value = stamp(Object.assign(new YDoc(value), { line: node.line, file: node.file }), node.file ?? '').value;
      violations.push(...checkValue(value, t, this.src));
    }
    if (violations.length > 0) {
      throw schemaError('Invalid schema - @schema/examples has wrong type', violations.map((v) => ({ ...v, annotations: [annPos], found: `${v.found} (by ${compactPos(annPos)})` })));
    }
  }
}

/** Type-checks a value given in an annotation (a default, an example) against `t`. */
function checkValue(value: NodeValue, t: SType, src: SourceTable): Violation[] {
  if (value instanceof YNode) {
    const copy = deepCopy(value);
    const chk = assignType(t, copy, src);
    return chk.length > 0 ? chk : checkNode(copy, src);
  }
  // ytt checks a scalar as a map item positioned where the type is defined
  return checkType(t, new YMapItem(null, value), src).map((v) => ({ ...v, pos: t.pos }));
}

export function scalarName(v: Scalar): ScalarName {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (v instanceof Float) return 'float';
  return 'integer';
}

/** Go's %T of a Starlark value, as ytt prints it in some schema messages. */
function goStarlarkType(v: Value): string {
  switch (typeName(v)) {
    case 'string': return 'starlark.String';
    case 'int': return 'starlark.Int';
    case 'float': return 'starlark.Float';
    case 'NoneType': return 'starlark.NoneType';
    case 'list': return '*starlark.List';
    case 'dict': return '*starlark.Dict';
    case 'tuple': return 'starlark.Tuple';
    default: return typeName(v);
  }
}
