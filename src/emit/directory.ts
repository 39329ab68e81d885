// `--output-dir DIR`: one file per stamped object, DIR/<namespace>/<owner kind>-<owner name>/
// <resource>.yaml (what a stamped Runnable stamps: <resource>-run.yaml; a Runnable from the
// inputs: runnable-<name>/<run template>.yaml). Every file is written to a temporary name and
// renamed into place, and nothing is written unless rendering succeeded (the caller renders
// first, then writes).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatObject } from './stream.js';
import type { StampedObject } from '../render/index.js';
import { placeOf, sourceOf } from './source-comment.js';

export interface PlannedFile {
  /** Relative to the output directory. */
  path: string;
  text: string;
}

/** The files an output directory would receive (pure: nothing is written). */
export function planDirectory(objects: readonly StampedObject[]): PlannedFile[] {
  const used = new Set<string>();
  return objects.map((stamped) => {
    const place = placeOf(stamped);
    const dir = join(safeName(place.namespace), safeName(place.owner));
    let base = safeName(place.base);
    for (let n = 2; used.has(join(dir, base)); n++) base = `${safeName(place.base)}-${n}`;
    used.add(join(dir, base));
    const text = `# Source: ${sourceOf(stamped)}\n${formatObject(stamped)}`;
    return { path: join(dir, `${base}.yaml`), text };
  });
}

export function writeDirectory(root: string, files: readonly PlannedFile[]): void {
  for (const file of files) {
    const target = join(root, file.path);
    mkdirSync(join(target, '..'), { recursive: true });
    const temp = `${target}.tmp-${process.pid}`;
    writeFileSync(temp, file.text);
    renameSync(temp, target);
  }
}

/** A name that is one safe path segment: no separators, no `..`, no control characters. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_').slice(0, 200);
  return cleaned === '' ? '_' : cleaned;
}
