// Validation of stamped objects for `carto render --validate` and `carto lint` (a bundle of its
// own, loaded only when a command validates): reads the schemas — the built-in kinds of the
// Kubernetes version asked for (--kube-version, from schemas/kubernetes/), and the CRDs among the
// inputs and in --crds files — and runs src/validate over what a render stamped.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { readInputs } from '../inputs/index.js';
import { asApiServerError, customSchemas, StampedValidator, YttSources, type KubeSchemas, type ValidationSchemas } from '../validate/index.js';
import { append } from '../util/list.js';

export { YttSources, asApiServerError };

/** The Kubernetes version validated against when --kube-version is not given. */
export const DEFAULT_KUBE_VERSION = '1.34';

export interface Validation {
  schemas: ValidationSchemas;
  /** Problems of the --crds files (unreadable YAML, a CRD without a schema). */
  diagnostics: Diagnostic[];
  strictSchemas: boolean;
}

/** Reads the schemas the flags ask for; a Kubernetes version carto does not have is a usage error. */
export async function prepareValidation(documents: readonly SourceDocument[], options: Record<string, unknown>): Promise<Validation> {
  const kube = readKubeSchemas(typeof options['kubeVersion'] === 'string' ? options['kubeVersion'] : DEFAULT_KUBE_VERSION);
  const crdPaths = (options['crds'] as string[] | undefined) ?? [];
  const diagnostics: Diagnostic[] = [];
  let crdDocuments: SourceDocument[] = [];
  if (crdPaths.length > 0) {
    const read = await readInputs(crdPaths, { recursive: true });
    append(diagnostics, read.diagnostics);
    crdDocuments = read.documents;
  }
  const found = customSchemas([...documents, ...crdDocuments]);
  append(diagnostics, found.diagnostics);
  return { schemas: { kube, custom: found.custom }, diagnostics, strictSchemas: options['strictSchemas'] === true };
}

/** What validates the objects a render stamps, owner by owner, as they come. */
export function ownerValidator(validation: Validation, ytt: YttSources): StampedValidator {
  return new StampedValidator({ schemas: validation.schemas, strictSchemas: validation.strictSchemas, ytt });
}

/** The versions just below and above `minor` when it falls between two carto has (a gap in what ships). */
function nearest(minor: string, available: readonly string[]): string[] {
  const below = available.filter((v) => byVersion(v, minor) < 0).at(-1);
  const above = available.find((v) => byVersion(v, minor) > 0);
  return below !== undefined && above !== undefined ? [below, above] : [];
}

/** `1.34`, `v1.34` or `1.34.2` → the schemas of Kubernetes 1.34. */
function readKubeSchemas(asked: string): KubeSchemas {
  const dir = schemasDirectory();
  const available = readdirSync(dir).filter((f) => /^v\d+\.\d+\.json$/.test(f)).map((f) => f.slice(1, -5)).sort(byVersion);
  const minor = /^v?(\d+\.\d+)(\.\d+)?$/.exec(asked)?.[1];
  if (!minor || !available.includes(minor)) {
    const near = minor ? nearest(minor, available) : [];
    const hint = near.length > 0 ? `; the nearest to ${minor} are ${near.join(' and ')}` : '';
    throw new UsageError(`--kube-version ${asked}: carto has the schemas of Kubernetes ${available.join(', ')}${hint}; give one of them (the patch version does not matter)`);
  }
  return JSON.parse(readFileSync(join(dir, `v${minor}.json`), 'utf8')) as KubeSchemas;
}

/** schemas/kubernetes of this installation, found from the running bundle (dist/ or dist/lazy/). */
function schemasDirectory(): string {
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'schemas', 'kubernetes');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('the Kubernetes schemas (schemas/kubernetes/) are missing from this installation');
}

function byVersion(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number) as [number, number];
  const [bm, bn] = b.split('.').map(Number) as [number, number];
  return am - bm || an - bn;
}
