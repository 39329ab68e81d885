// Validates a JSON value against a structural schema as the API server does on create, with field
// validation Strict (kubectl apply --validate=strict): a field the schema does not declare is an
// error; types, with integer apart from number, `x-kubernetes-int-or-string` and quantities;
// `required`, `enum`, formats, limits and patterns; `x-kubernetes-preserve-unknown-fields` and
// `x-kubernetes-embedded-resource` (an object of its own, with apiVersion, kind and metadata); and
// nulls: pruned where the schema does not say `nullable` (custom resources), the zero value for
// built-in kinds. Every problem is reported, in document order. Knows nothing of Cartographer.
import { closest } from '../util/suggest.js';
import { formatDecodeError, formatProblem } from './formats.js';
import type { Dialect, Issue, Schema, ValidateOptions } from './types.js';
import { decodeTypeError, describeSchema, describeValue, fieldPath, fieldTypeError, fieldValueError } from './words.js';

type Path = (string | number)[];

/** Fields every object of a kind has whatever its schema declares. */
const OBJECT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

export function validateValue(value: unknown, schema: Schema, options: ValidateOptions): Issue[] {
  const walker = new Walker(options);
  walker.node(value, schema, [], options.rootName ?? '', true);
  return walker.issues;
}

class Walker {
  readonly issues: Issue[] = [];
  private readonly dialect: Dialect;
  constructor(private readonly options: ValidateOptions) {
    this.dialect = options.dialect;
  }

  /** `V1DeploymentSpec` → `v1.DeploymentSpec`, the Go type the decoder names. */
  private goName = (ref: string): string => {
    const m = /^(?:[A-Z][a-z]+)?(V\d+(?:(?:alpha|beta)\d+)?)(.*)$/.exec(ref);
    return m ? `${(m[1] as string).toLowerCase()}.${m[2]}` : ref;
  };

  private resolve(schema: Schema, struct: string): { schema: Schema; struct: string } {
    let s = schema;
    let name = struct;
    for (let i = 0; s.$ref !== undefined && i < 32; i++) {
      name = s.$ref;
      s = this.options.definitions?.[s.$ref] ?? {};
    }
    return { schema: s, struct: name };
  }

  node(value: unknown, raw: Schema, path: Path, struct: string, root = false): void {
    const { schema, struct: here } = this.resolve(raw, struct);
    if (value === null) {
      if (this.dialect === 'custom' && !schema.nullable && !isAny(schema)) this.typeIssue(value, schema, raw, path, struct);
      return;
    }
    if (!this.typeMatches(value, schema)) {
      this.typeIssue(value, schema, raw, path, struct);
      return;
    }
    this.valueChecks(value, schema, path);
    if (Array.isArray(value)) {
      if (schema.items) value.forEach((item, i) => this.node(item, schema.items as Schema, [...path, i], here));
    } else if (typeof value === 'object') {
      this.object(value as Record<string, unknown>, schema, path, here, root);
    }
    for (const sub of schema.allOf ?? []) this.valueChecks(value, sub, path);
    for (const [alternatives, word] of [[schema.anyOf, 'anyOf'], [schema.oneOf, 'oneOf']] as const) {
      if (alternatives && !alternatives.some((alt) => this.passes(value, alt, path))) {
        this.push('enum', path, `matches none of the alternatives its schema allows (${word})`, fieldValueError(value, path, `must validate ${word === 'oneOf' ? 'one and only one' : 'at least one'} schema (${word})`));
      }
    }
  }

  private typeMatches(value: unknown, schema: Schema): boolean {
    if (schema['x-kubernetes-int-or-string']) return typeof value === 'string' || Number.isInteger(value);
    if (schema.format === 'quantity') return typeof value === 'string' || typeof value === 'number';
    switch (schema.type) {
      case undefined: return true;
      case 'object': return typeof value === 'object' && !Array.isArray(value);
      case 'array': return Array.isArray(value);
      case 'integer': return Number.isInteger(value);
      case 'number': return typeof value === 'number';
      default: return typeof value === schema.type;
    }
  }

  private typeIssue(value: unknown, schema: Schema, raw: Schema, path: Path, struct: string): void {
    const expected = describeSchema(schema);
    const apiServer = this.dialect === 'builtin'
      ? decodeTypeError(value, raw.$ref ? raw : schema, this.goName(struct).split('.').pop() ?? struct, path, this.goName)
      : fieldTypeError(value, schema['x-kubernetes-int-or-string'] ? 'integer-or-string' : schema.type ?? 'object', path);
    this.push('type', path, `expected ${expected}, got ${describeValue(value)}`, apiServer, this.dialect === 'builtin' ? 'decode' : 'validate');
  }

  /** Does the value pass a schema of value validations (an anyOf/oneOf alternative)? */
  private passes(value: unknown, schema: Schema, path: Path): boolean {
    const probe = new Walker(this.options);
    probe.valueChecks(value, schema, path);
    if (schema.required && value !== null && typeof value === 'object') probe.requiredFields(value as Record<string, unknown>, schema, path);
    return probe.issues.length === 0;
  }

  /** enum, format, limits and pattern of one value. */
  valueChecks(value: unknown, schema: Schema, path: Path): void {
    // a built-in kind's empty string is the zero value, which the API server defaults
    if (schema.enum && !(this.dialect === 'builtin' && value === '') && !schema.enum.some((e) => sameValue(e, value))) {
      const allowed = schema.enum.map((e) => JSON.stringify(e)).join(', ');
      this.issues.push({ rule: 'enum', path, message: `${describeValue(value)} is not one of ${allowed}`, apiServer: `${fieldPath(path)}: Unsupported value: ${JSON.stringify(value)}: supported values: ${allowed}`, stage: 'validate', allowed: schema.enum });
    }
    const format = schema.format ? formatProblem(schema.format, value) : undefined;
    if (format) {
      const apiServer = this.dialect === 'builtin' ? formatDecodeError(schema.format as string, value) : fieldValueError(value, path, `must be of type ${schema.format}`);
      this.push('format', path, `${describeValue(value)} is ${format}`, apiServer, this.dialect === 'builtin' ? 'decode' : 'validate');
    }
    for (const [should, plain] of limitProblems(value, schema)) this.push('limit', path, `${describeValue(value)} ${plain}`, fieldValueError(value, path, should));
    if (schema.pattern !== undefined && typeof value === 'string' && !safeTest(schema.pattern, value)) {
      this.push('pattern', path, `${describeValue(value)} does not match ${schema.pattern}`, fieldValueError(value, path, `should match '${schema.pattern}'`));
    }
    if (schema.required && value !== null && typeof value === 'object' && !Array.isArray(value) && schema.type === undefined && schema.properties === undefined) {
      this.requiredFields(value as Record<string, unknown>, schema, path);
    }
  }

  private object(value: Record<string, unknown>, schema: Schema, path: Path, struct: string, root: boolean): void {
    const embedded = schema['x-kubernetes-embedded-resource'] === true;
    /** Required fields an unknown sibling most likely meant: its misspelling says it, not a second error. */
    const explained = new Set<string>();
    for (const [key, field] of Object.entries(value)) {
      const declared = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
      if (declared) {
        // A null where the schema does not allow one is pruned (custom) or the zero value (built-in).
        if (field === null && !this.resolve(declared, struct).schema.nullable) continue;
        this.node(field, declared, [...path, key], struct);
      } else if (typeof schema.additionalProperties === 'object') {
        this.node(field, schema.additionalProperties, [...path, key], struct);
      } else if (!(schema.additionalProperties === true || schema['x-kubernetes-preserve-unknown-fields'] || isAny(schema) || ((root || embedded) && OBJECT_FIELDS.has(key)))) {
        const suggestion = closest(key, Object.keys(schema.properties ?? {}));
        const missing = suggestion !== undefined && (schema.required ?? []).includes(suggestion) && isAbsent(value, suggestion);
        if (missing) explained.add(suggestion);
        this.push('unknown-field', [...path, key], `unknown field${suggestion ? `: did you mean ${suggestion}?` : ''}`, `strict decoding error: unknown field ${JSON.stringify([...path, key].filter((p) => typeof p === 'string').join('.'))}`, 'decode', suggestion, missing);
      }
    }
    this.requiredFields(value, schema, path, explained);
    if (embedded) {
      for (const key of ['apiVersion', 'kind']) {
        if (typeof value[key] !== 'string' || value[key] === '') this.push('required', [...path, key], 'required, and missing (an embedded object needs its apiVersion and kind)', `${fieldPath([...path, key])}: Required value: must not be empty`);
      }
    }
  }

  requiredFields(value: Record<string, unknown>, schema: Schema, path: Path, explained: ReadonlySet<string> = new Set()): void {
    for (const key of schema.required ?? []) {
      if (isAbsent(value, key) && !explained.has(key)) this.push('required', [...path, key], 'required, and missing', `${fieldPath([...path, key])}: Required value`);
    }
  }

  private push(rule: Issue['rule'], path: Path, message: string, apiServer: string, stage: Issue['stage'] = 'validate', suggestion?: string, suggestionMissing = false): void {
    this.issues.push({ rule, path, message, apiServer, stage, ...(suggestion ? { suggestion } : {}), ...(suggestionMissing ? { suggestionMissing } : {}) });
  }
}

/** A field that is not there, or null (which `required` takes as missing). */
function isAbsent(value: Record<string, unknown>, key: string): boolean {
  return !Object.hasOwn(value, key) || value[key] === undefined || value[key] === null;
}

/** A schema that takes anything (`x-kubernetes-preserve-unknown-fields` without a type, RawExtension). */
function isAny(schema: Schema): boolean {
  return schema.type === undefined && schema.properties === undefined && schema.items === undefined && !schema['x-kubernetes-int-or-string'] && schema.format !== 'quantity';
}

function limitProblems(value: unknown, s: Schema): Array<[should: string, plain: string]> {
  const out: Array<[string, string]> = [];
  if (typeof value === 'number') {
    if (s.minimum !== undefined && (s.exclusiveMinimum ? value <= s.minimum : value < s.minimum)) out.push([`should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${s.minimum}`, `is below the minimum ${s.minimum}`]);
    if (s.maximum !== undefined && (s.exclusiveMaximum ? value >= s.maximum : value > s.maximum)) out.push([`should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${s.maximum}`, `is above the maximum ${s.maximum}`]);
  } else if (typeof value === 'string') {
    const length = [...value].length;
    if (s.minLength !== undefined && length < s.minLength) out.push([`should be at least ${s.minLength} chars long`, `is shorter than ${s.minLength} characters`]);
    if (s.maxLength !== undefined && length > s.maxLength) out.push([`should be at most ${s.maxLength} chars long`, `is longer than ${s.maxLength} characters`]);
  } else if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) out.push([`should have at least ${s.minItems} items`, `has fewer than ${s.minItems} items`]);
    if (s.maxItems !== undefined && value.length > s.maxItems) out.push([`should have at most ${s.maxItems} items`, `has more than ${s.maxItems} items`]);
  } else if (value !== null && typeof value === 'object') {
    const n = Object.keys(value).length;
    if (s.minProperties !== undefined && n < s.minProperties) out.push([`should have at least ${s.minProperties} properties`, `has fewer than ${s.minProperties} fields`]);
    if (s.maxProperties !== undefined && n > s.maxProperties) out.push([`should have at most ${s.maxProperties} properties`, `has more than ${s.maxProperties} fields`]);
  }
  return out;
}

/** A quantified group that is itself quantified (`(a+)+`): JavaScript's backtracking can take exponential time on it. */
const NESTED_QUANTIFIER = /\([^()]*[+*}][^()]*\)[+*{]/;

/**
 * A pattern from a CRD is untrusted: one that does not compile, or that could backtrack for ever
 * (the API server's RE2 cannot, JavaScript's engine can), is not checked.
 */
function safeTest(pattern: string, text: string): boolean {
  if (NESTED_QUANTIFIER.test(pattern) || text.length > 10_000) return true;
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}
