// Colour for messages on stderr (or on stdout, for lint's report), only when that stream is a
// terminal and the user has not asked for none (NO_COLOR, --no-color). chalk is loaded only
// when colour is actually used.
import { fstatSync, statSync } from 'node:fs';
export interface Style {
  error(text: string): string;
  warning(text: string): string;
  note(text: string): string;
  /** What is fine (a ready resource in carto status). */
  success(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  /** Lines a diff adds and removes, as git colours them. */
  added(text: string): string;
  removed(text: string): string;
}

const plain: Style = { error: (t) => t, warning: (t) => t, note: (t) => t, success: (t) => t, bold: (t) => t, dim: (t) => t, added: (t) => t, removed: (t) => t };

/** `fd`: 2 (stderr, the default) or 1 (stdout, where lint prints its report). */
export async function makeStyle(wantColor: boolean, fd: 1 | 2 = 2): Promise<Style> {
  const env = process.env['NO_COLOR'];
  if (!wantColor || (env !== undefined && env !== '') || !isTerminal(fd)) return plain;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { error: chalk.red.bold, warning: chalk.yellow.bold, note: chalk.cyan, success: chalk.green, bold: chalk.bold, dim: chalk.dim, added: chalk.green, removed: chalk.red };
}

/**
 * Asks the file descriptor, without creating process.stdout/stderr or loading the tty module
 * (both costly at start-up): a terminal is a character device that is not /dev/null.
 */
export function isTerminal(fd: 1 | 2): boolean {
  try {
    const err = fstatSync(fd);
    if (!err.isCharacterDevice()) return false;
    const devNull = statSync('/dev/null');
    return !(err.dev === devNull.dev && err.ino === devNull.ino);
  } catch {
    return false;
  }
}
