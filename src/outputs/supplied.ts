// Outputs the user supplies (`--outputs FILE`, `--set-output RESOURCE.FIELD=VALUE`): the most
// trusted source of an output value. A key is `RESOURCE`, `OWNER/RESOURCE` or
// `NAMESPACE/OWNER/RESOURCE`; the most specific key that sets a field wins.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JSONValue } from '../jsonpath/index.js';
import { locate, type SourceDocument } from '../load/index.js';
import { isObject } from '../util/objects.js';
import { OUTPUT_FIELDS, type OutputField } from './fields.js';

export interface SuppliedValue {
  value: JSONValue;
  /** Where it was supplied: `file:line` or `--set-output`. */
  origin: string;
}

export class SuppliedOutputs {
  private readonly entries = new Map<string, Partial<Record<OutputField, SuppliedValue>>>();

  set(key: string, field: OutputField, value: SuppliedValue): void {
    const entry = this.entries.get(key) ?? {};
    entry[field] = value;
    this.entries.set(key, entry);
  }

  lookup(owner: { namespace: string; name: string }, resource: string, field: OutputField): SuppliedValue | undefined {
    for (const key of [`${owner.namespace}/${owner.name}/${resource}`, `${owner.name}/${resource}`, resource]) {
      const value = this.entries.get(key)?.[field];
      if (value) return value;
    }
    return undefined;
  }

  /** Every key, for spotting ones that match no resource. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Reads an outputs file: a mapping from key to `{url, revision}` | `{image}` | `{config}`, or
 * cartotest's previousOutputs form `{source: {url, revision}}`.
 */
export function readOutputsFile(documents: readonly SourceDocument[], into = new SuppliedOutputs()): { outputs: SuppliedOutputs; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  for (const doc of documents) {
    const report = (path: (string | number)[], message: string, hint?: string) => {
      const pos = locate(doc, path, { key: true });
      diagnostics.push({ severity: 'error', code: 'invalid-outputs-file', message, file: pos.file, line: pos.line, column: pos.column, ...(hint ? { hint } : {}) });
    };
    // A live object given to the wrong flag: one message saying so, not one per top-level field.
    if (typeof doc.value['apiVersion'] === 'string' && typeof doc.value['kind'] === 'string') {
      const metadata = doc.value['metadata'];
      const name = isObject(metadata) && typeof metadata['name'] === 'string' ? ` ${metadata['name']}` : '';
      report([], `the outputs file holds a Kubernetes object (${doc.value['kind']}${name}), not outputs`, `give live objects with --observed FILE (carto reads their outputs through the templates' paths); --outputs takes a mapping such as {source-provider: {url: …, revision: …}}`);
      continue;
    }
    for (const key of Object.keys(doc.value)) {
      const entry = doc.value[key];
      if (!isObject(entry)) {
        report([key], `outputs of ${key} must be a mapping such as {url, revision}, {image} or {config}`);
        continue;
      }
      const at = locate(doc, [key]);
      const origin = `${at.file}:${at.line}`;
      for (const name of Object.keys(entry)) {
        const value = entry[name] as JSONValue;
        if (name === 'source') {
          if (!isObject(value)) {
            report([key, name], `${key}.source must be a mapping {url, revision}`);
            continue;
          }
          for (const sub of Object.keys(value)) {
            if (sub === 'url' || sub === 'revision') into.set(key, sub, { value: value[sub] as JSONValue, origin });
            else report([key, name, sub], `unknown output ${key}.source.${sub}`, 'a source output has url and revision');
          }
        } else if ((OUTPUT_FIELDS as readonly string[]).includes(name)) {
          into.set(key, name as OutputField, { value, origin });
        } else {
          report([key, name], `unknown output field ${name} for ${key}`, `use one of ${OUTPUT_FIELDS.join(', ')} (or source: {url, revision})`);
        }
      }
    }
  }
  return { outputs: into, diagnostics };
}

/**
 * The loader's complaint that a document of the outputs file is not an object (a list, a string),
 * or repeats a key, worded for the outputs file: it is not a manifest, so "not a Kubernetes
 * object" or what kubectl would do would mislead.
 */
export function outputsFileProblem(d: Diagnostic): Diagnostic {
  if (d.code === 'duplicate-key') {
    // carto's own file: no kubectl reads it after carto, so no other tool's words.
    const { detail: _kubectl, ...rest } = d;
    return { ...rest, hint: 'give each key once: the outputs of one resource go under one key (RESOURCE and OWNER/RESOURCE may both be given: the more specific wins, field by field)' };
  }
  if (d.code !== 'not-an-object') return d;
  const what = /\(it is (an? \w+)\)/.exec(d.message)?.[1];
  return {
    ...d,
    code: 'invalid-outputs-file',
    message: `the outputs file must be a mapping from resource to its outputs${what ? `, not ${what}` : ''}`,
    hint: 'write one entry per resource, e.g. source-provider: {url: …, revision: …}; keys are RESOURCE, OWNER/RESOURCE or NAMESPACE/OWNER/RESOURCE',
  };
}

/**
 * Parses one `--set-output RESOURCE.FIELD=VALUE`. `parseValue` turns the text of a config value
 * into data (url, revision and image are always strings). Returns a message on misuse.
 */
export function parseSetOutput(text: string, parseValue: (text: string) => JSONValue): { key: string; field: OutputField; value: JSONValue } | string {
  const eq = text.indexOf('=');
  if (eq < 0) return `--set-output ${text}: expected RESOURCE.FIELD=VALUE`;
  const target = text.slice(0, eq);
  const dot = target.lastIndexOf('.');
  const field = target.slice(dot + 1);
  const key = target.slice(0, Math.max(dot, 0));
  if (dot <= 0 || !(OUTPUT_FIELDS as readonly string[]).includes(field)) {
    return `--set-output ${text}: expected RESOURCE.FIELD=VALUE with FIELD one of ${OUTPUT_FIELDS.join(', ')}`;
  }
  const raw = text.slice(eq + 1);
  return { key, field: field as OutputField, value: field === 'config' ? parseValue(raw) : raw };
}
