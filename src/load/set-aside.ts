// Files found under a directory that are not Cartographer inputs and cannot be read (another
// tool's overlay, a Helm template, invalid JSON, a Secret whose ytt needs values nobody gave)
// are set aside instead of stopping the command: render and lint read a repository alike, and
// one note names what was left out. A file the user named, or one that holds a carto.run object,
// is never set aside: its problem is an error.
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface SetAside {
  /** The file, as the user can open it. */
  file: string;
  /** Why it could not be read, in a few words. */
  reason: string;
}

/** True when a file's text holds (or names) a carto.run object. */
export function mentionsCartographer(text: string): boolean {
  return text.includes('carto.run');
}

/** How many set-aside files the note names before "and N more" (the detail lists all). */
const NAMED = 5;

/** One note for all the files set aside, or none. */
export function setAsideNote(files: readonly SetAside[]): Diagnostic | undefined {
  if (files.length === 0) return undefined;
  const names = files.slice(0, NAMED).map((f) => f.file);
  const more = files.length > NAMED ? ` and ${files.length - NAMED} more` : '';
  const count = files.length === 1 ? 'a file' : `${files.length} files`;
  return {
    severity: 'note',
    code: 'input-set-aside',
    message: `set aside ${count} that ${files.length === 1 ? 'is' : 'are'} not Cartographer input${files.length === 1 ? '' : 's'} and cannot be read: ${names.join(', ')}${more}`,
    detail: files.map((f) => `${f.file}: ${f.reason}`).join('\n'),
    hint: 'they hold no carto.run object and change nothing that is rendered; name a file itself to have its problem reported as an error',
  };
}

/** The reason a diagnostic gives for a file that cannot be read, in a few words. */
export function reasonOf(d: Diagnostic): string {
  return d.line !== undefined ? `line ${d.line}: ${d.message}` : d.message;
}
