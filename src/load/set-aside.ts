// Files found under a directory that the command does not read and that cannot be read (another
// tool's overlay, a Helm template, invalid JSON, a Secret whose ytt needs values nobody gave)
// are set aside instead of stopping the command: render and lint read a repository alike, and
// one note names what was left out. A file the user named, or one that holds an object the
// command reads, is never set aside: its problem is an error. Which objects those are is the
// caller's policy (carto's is in src/model/inputs.ts): load knows no object kinds.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { listSome } from '../util/list.js';

export interface SetAside {
  /** The file, as the user can open it. */
  file: string;
  /** Why it could not be read, in a few words. */
  reason: string;
}

/** Which files the command can do without, and what its messages call what it reads. */
export interface SetAsidePolicy {
  /** True when a file's text holds an object the command reads: such a file is never set aside. */
  holdsInput(text: string): boolean;
  /** One such object, for messages (`carto.run object`). */
  object: string;
  /** One input of the command, for messages (`Cartographer input`). */
  input: string;
}

/** Whether a file must be read (its problem an error): without a policy every file must. */
export function mustRead(policy: SetAsidePolicy | undefined, text: string): boolean {
  return policy === undefined || policy.holdsInput(text);
}

/** How many set-aside files the note's message names, and its detail lists (lint's JSON keeps them all in InputsRead). */
const NAMED = 5;
const LISTED = 20;

/** One note for all the files set aside, or none. */
export function setAsideNote(files: readonly SetAside[], policy: SetAsidePolicy): Diagnostic | undefined {
  if (files.length === 0) return undefined;
  const one = files.length === 1;
  const lines = files.slice(0, LISTED).map((f) => `${f.file}: ${f.reason}`);
  if (files.length > LISTED) lines.push(`… and ${files.length - LISTED} more`);
  return {
    severity: 'note',
    code: 'input-set-aside',
    message: `set aside ${one ? 'a file that is' : `${files.length} files that are`} not ${one ? `a ${policy.input}` : `${policy.input}s`} and cannot be read: ${listSome(files.map((f) => f.file), NAMED)}`,
    // Headed by the file only when it is one: for several, the message and the detail list them all.
    ...(one ? { file: files[0]!.file } : {}),
    detail: lines.join('\n'),
    hint: `${one ? 'it holds' : 'they hold'} no ${policy.object} and ${one ? 'changes' : 'change'} nothing that is rendered; name a file itself to have its problem reported as an error`,
  };
}

/** The reason a diagnostic gives for a file that cannot be read, in a few words (its first line). */
export function reasonOf(d: Diagnostic): string {
  const message = d.message.split('\n')[0]!.replace(/:\s*$/, '');
  return d.line !== undefined ? `line ${d.line}: ${message}` : message;
}
