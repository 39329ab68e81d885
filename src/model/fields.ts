// Reads fields of loaded objects with their expected shapes, reporting a misshapen field once,
// with its file, line and path, instead of failing later with a less helpful message.
import type { Diagnostic, ObjectRef } from '../diagnostics/diagnostic.js';
import { locate, type SourceDocument } from '../load/index.js';
import { own } from '../util/objects.js';

export type Path = readonly (string | number)[];

export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

export class FieldReader {
  constructor(
    readonly doc: SourceDocument,
    readonly ref: ObjectRef,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** `key`: point at the field's key rather than its value (a field that should not be there, or is missing). */
  report(severity: Diagnostic['severity'], code: string, path: Path, message: string, hint?: string, controllerMessage?: string, key = false): void {
    const pos = locate(this.doc, path, { key });
    this.diagnostics.push({
      severity,
      code,
      message,
      file: pos.file,
      line: pos.line,
      column: pos.column,
      object: this.ref,
      path: formatPath(path),
      ...(hint ? { hint } : {}),
      ...(controllerMessage ? { controllerMessage } : {}),
    });
  }

  private wrongType(path: Path, expected: SchemaType, value: unknown): void {
    // The same sentence lint's schema check gives, and the API server's words as the controller line.
    const field = formatPath(path);
    const actual = schemaTypeOf(value);
    const who = this.who();
    this.report('error', 'invalid-field', path, `${who}: ${wrongTypeSentence(field, actual, expected)}`, undefined,
      `${field}: Invalid value: "${actual}": ${field} in body must be of type ${expected}: "${actual}"`);
  }

  /** The object as lint's schema check names it: `Workload dev/app`, the namespace as the file writes it (not the ref's default). */
  who(): string {
    const meta = own(this.doc.value, 'metadata');
    const written = meta !== null && typeof meta === 'object' ? own(meta as Record<string, unknown>, 'namespace') : undefined;
    return typeof written === 'string' && written !== '' ? `${this.ref.kind} ${written}/${this.ref.name}` : `${this.ref.kind} ${this.ref.name}`;
  }

  string(parent: Record<string, unknown>, key: string, path: Path): string | undefined {
    const value = own(parent, key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.wrongType([...path, key], 'string', value);
      return undefined;
    }
    return value;
  }

  object(parent: Record<string, unknown>, key: string, path: Path): Record<string, unknown> | undefined {
    const value = own(parent, key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.wrongType([...path, key], 'object', value);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  array(parent: Record<string, unknown>, key: string, path: Path): unknown[] {
    const value = own(parent, key);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.wrongType([...path, key], 'array', value);
      return [];
    }
    return value;
  }

  /** Items of a list that must be mappings; misshapen items are reported and skipped. */
  objects(parent: Record<string, unknown>, key: string, path: Path): Array<{ item: Record<string, unknown>; index: number }> {
    const out: Array<{ item: Record<string, unknown>; index: number }> = [];
    this.array(parent, key, path).forEach((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        this.wrongType([...path, key, index], 'object', item);
      } else {
        out.push({ item: item as Record<string, unknown>, index });
      }
    });
    return out;
  }

  stringMap(parent: Record<string, unknown>, key: string, path: Path): Record<string, string> {
    const map = this.object(parent, key, path);
    const out: Record<string, string> = {};
    if (!map) return out;
    for (const [k, v] of Object.entries(map)) {
      if (typeof v === 'string') out[k] = v;
      else this.wrongType([...path, key, k], 'string', v);
    }
    return out;
  }

  strings(parent: Record<string, unknown>, key: string, path: Path): string[] | undefined {
    const value = own(parent, key);
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.wrongType([...path, key], 'array', value);
      return undefined;
    }
    const out: string[] = [];
    value.forEach((v, i) => {
      if (typeof v === 'string') out.push(v);
      else this.wrongType([...path, key, i], 'string', v);
    });
    return out;
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

/** The types of an OpenAPI schema, as the API server names them. */
export type SchemaType = 'string' | 'object' | 'array' | 'integer' | 'number' | 'boolean';

export function schemaTypeOf(value: unknown): SchemaType | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number' || typeof value === 'bigint') return Number.isInteger(Number(value)) ? 'integer' : 'number';
  return typeof value === 'boolean' ? 'boolean' : 'string';
}

/** `metadata.labels.enabled is a boolean, where the schema wants a string`: lint and render say a wrong type alike. */
export function wrongTypeSentence(field: string, actual: string, expected: string): string {
  const article = (type: string) => type.split(' or ').map((t) => `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`).join(' or ');
  return `${field} is ${article(actual)}, where the schema wants ${article(expected)}`;
}
