// Files found under a directory that are not Cartographer inputs and cannot be read (another
// tool's overlay, a Helm template, invalid JSON, a Secret whose ytt needs values nobody gave)
// are set aside instead of stopping the command: render and lint read a repository alike, and
// one note names what was left out. A file the user named, or one that holds a carto.run object,
// is never set aside: its problem is an error.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { listSome } from '../util/list.js';

export interface SetAside {
  /** The file, as the user can open it. */
  file: string;
  /** Why it could not be read, in a few words. */
  reason: string;
}

/**
 * True when a file's text holds a carto.run object: an `apiVersion: carto.run/…` line (YAML or
 * JSON). Not a mere mention: RBAC rules grant `apiGroups: [carto.run]`, and such a Role is
 * another tool's file.
 */
export function mentionsCartographer(text: string): boolean {
  return CARTO_API_VERSION.test(text);
}

const CARTO_API_VERSION = /["']?apiVersion["']?\s*:\s*["']?carto\.run\//;

/** How many set-aside files the note's message names, and its detail lists (lint's JSON keeps them all in InputsRead). */
const NAMED = 5;
const LISTED = 20;

/** One note for all the files set aside, or none. */
export function setAsideNote(files: readonly SetAside[]): Diagnostic | undefined {
  if (files.length === 0) return undefined;
  const one = files.length === 1;
  const lines = files.slice(0, LISTED).map((f) => `${f.file}: ${f.reason}`);
  if (files.length > LISTED) lines.push(`… and ${files.length - LISTED} more`);
  return {
    severity: 'note',
    code: 'input-set-aside',
    message: `set aside ${one ? 'a file that is' : `${files.length} files that are`} not ${one ? 'a Cartographer input' : 'Cartographer inputs'} and cannot be read: ${listSome(files.map((f) => f.file), NAMED)}`,
    file: files[0]!.file,
    detail: lines.join('\n'),
    hint: `${one ? 'it holds' : 'they hold'} no carto.run object and ${one ? 'changes' : 'change'} nothing that is rendered; name a file itself to have its problem reported as an error`,
  };
}

/** The reason a diagnostic gives for a file that cannot be read, in a few words (its first line). */
export function reasonOf(d: Diagnostic): string {
  const message = d.message.split('\n')[0]!.replace(/:\s*$/, '');
  return d.line !== undefined ? `line ${d.line}: ${message}` : message;
}
