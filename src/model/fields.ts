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

  report(severity: Diagnostic['severity'], code: string, path: Path, message: string, hint?: string): void {
    const pos = locate(this.doc, path);
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
    });
  }

  private wrongType(path: Path, expected: string, value: unknown): void {
    this.report('error', 'invalid-field', path, `${formatPath(path)} must be ${expected}, not ${describe(value)}`);
  }

  string(parent: Record<string, unknown>, key: string, path: Path): string | undefined {
    const value = own(parent, key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.wrongType([...path, key], 'a string', value);
      return undefined;
    }
    return value;
  }

  object(parent: Record<string, unknown>, key: string, path: Path): Record<string, unknown> | undefined {
    const value = own(parent, key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.wrongType([...path, key], 'a mapping', value);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  array(parent: Record<string, unknown>, key: string, path: Path): unknown[] {
    const value = own(parent, key);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.wrongType([...path, key], 'a list', value);
      return [];
    }
    return value;
  }

  /** Items of a list that must be mappings; misshapen items are reported and skipped. */
  objects(parent: Record<string, unknown>, key: string, path: Path): Array<{ item: Record<string, unknown>; index: number }> {
    const out: Array<{ item: Record<string, unknown>; index: number }> = [];
    this.array(parent, key, path).forEach((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        this.wrongType([...path, key, index], 'a mapping', item);
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
      else this.wrongType([...path, key, k], 'a string', v);
    }
    return out;
  }

  strings(parent: Record<string, unknown>, key: string, path: Path): string[] | undefined {
    const value = own(parent, key);
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.wrongType([...path, key], 'a list of strings', value);
      return undefined;
    }
    const out: string[] = [];
    value.forEach((v, i) => {
      if (typeof v === 'string') out.push(v);
      else this.wrongType([...path, key, i], 'a string', v);
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
