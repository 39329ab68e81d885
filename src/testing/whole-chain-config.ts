// carto-test.yaml: the file that makes a directory one of carto's whole-chain golden tests, and
// says how to render it (the same choices as `carto render` flags). Every key is optional; an
// empty file renders the directory's own manifests. Paths are relative to the directory.
// Unknown keys and wrong types are errors (this is carto's own format, so typos should not
// pass silently). Pure.
import { parseText } from '../load/index.js';

export { WHOLE_CHAIN_FILE } from '../inputs/index.js';

export interface WholeChainConfig {
  name?: string;
  description?: string;
  focus: boolean;
  /** Files or directories to render, relative to the test directory; default: the directory itself. */
  inputs?: string[];
  recursive: boolean;
  /** Like --outputs. */
  outputs?: string;
  /** Like --observed. */
  observed: string[];
  /** Like --data-values-file. */
  dataValuesFiles: string[];
  expandRunnables: boolean;
  cartographer?: 'current' | '0.0.6';
  namespace: string;
  ownerReferences: boolean;
  strict: boolean;
  /** Like --workload: render only these owners. */
  owners: string[];
  /** What --update writes when neither expected.yaml nor expected/ exists yet. */
  expected: 'stream' | 'directory';
}

type Kind = 'string' | 'boolean' | 'strings';
const KEYS: Record<string, Kind | readonly string[]> = {
  name: 'string',
  description: 'string',
  focus: 'boolean',
  inputs: 'strings',
  recursive: 'boolean',
  outputs: 'string',
  observed: 'strings',
  dataValuesFiles: 'strings',
  expandRunnables: 'boolean',
  cartographer: ['current', '0.0.6'],
  namespace: 'string',
  ownerReferences: 'boolean',
  strict: 'boolean',
  owners: 'strings',
  expected: ['stream', 'directory'],
};

export type ConfigRead = { ok: true; config: WholeChainConfig } | { ok: false; message: string };

export function readWholeChainConfig(text: string, file: string): ConfigRead {
  const parsed = parseText(text, file);
  const problem = parsed.diagnostics.find((d) => d.severity === 'error');
  if (problem) return { ok: false, message: `${file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}` };
  const value = parsed.documents[0]?.value ?? {};
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const kind = Object.prototype.hasOwnProperty.call(KEYS, key) ? KEYS[key] : undefined;
    if (kind === undefined) return { ok: false, message: `${file}: unknown key ${key} (known: ${Object.keys(KEYS).join(', ')})` };
    const v = value[key];
    if (v === null || v === undefined) continue;
    const wrong = (what: string) => ({ ok: false as const, message: `${file}: ${key} must be ${what}` });
    if (Array.isArray(kind)) {
      if (typeof v !== 'string' || !kind.includes(v)) return wrong(`one of ${kind.join(', ')}`);
    } else if (kind === 'string') {
      if (typeof v !== 'string') return wrong('a string');
    } else if (kind === 'boolean') {
      if (typeof v !== 'boolean') return wrong('true or false');
    } else if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
      // A single path is accepted where a list is expected.
      if (typeof v !== 'string') return wrong('a list of strings');
      raw[key] = [v];
      continue;
    }
    raw[key] = v;
  }
  const s = (key: string) => raw[key] as string | undefined;
  const b = (key: string, fallback: boolean) => (raw[key] as boolean | undefined) ?? fallback;
  const l = (key: string) => (raw[key] as string[] | undefined) ?? [];
  return {
    ok: true,
    config: {
      ...(s('name') !== undefined ? { name: s('name') } : {}),
      ...(s('description') !== undefined ? { description: s('description') } : {}),
      focus: b('focus', false),
      ...(raw['inputs'] !== undefined ? { inputs: l('inputs') } : {}),
      recursive: b('recursive', false),
      ...(s('outputs') !== undefined ? { outputs: s('outputs') } : {}),
      observed: l('observed'),
      dataValuesFiles: l('dataValuesFiles'),
      expandRunnables: b('expandRunnables', false),
      ...(s('cartographer') !== undefined ? { cartographer: s('cartographer') as 'current' | '0.0.6' } : {}),
      namespace: s('namespace') ?? 'default',
      ownerReferences: b('ownerReferences', true),
      strict: b('strict', false),
      owners: l('owners'),
      expected: (s('expected') as 'stream' | 'directory' | undefined) ?? 'stream',
    },
  };
}
