// What the inputs lack is certainly absent only when every input was read. When a file could not
// be read (a YAML or JSON syntax error, a ytt run that failed, a limit reached), the template,
// ClusterRunTemplate or supply chain a reference misses may be in it: the file's own error is
// the problem, and the reference is a note that says where the object may be, not a second
// error that the object is absent.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { listSome } from '../util/list.js';

/** The codes of an input that was not (wholly) read. */
const UNREAD = new Set(['yaml-syntax', 'json-syntax', 'invalid-encoding', 'ytt-template-file', 'input-limit']);

/** How each reference that found nothing says that it may be in an unread file. */
const MAY_BE_THERE: Readonly<Record<string, string>> = {
  'template-not-found': 'but it may be in',
  'run-template-not-found': 'but it may be in',
  'no-blueprint-match': 'but one may be in',
};

/** The inputs that could not be read, as they are named: each file once, in order. */
export function unreadInputs(inputDiagnostics: readonly Diagnostic[]): string[] {
  const unread = inputDiagnostics.filter((d) => d.severity === 'error' && UNREAD.has(d.code));
  // A ytt error of no file (a --data-values-file that is not YAML): the whole ytt run gave nothing.
  return [...new Set(unread.map((d) => d.file ?? 'the ytt inputs'))];
}

/**
 * Errors that an object is absent become notes naming the unread inputs it may be in; every
 * other diagnostic is kept as it is. Nothing changes when every input was read.
 */
export function referencesIntoUnread(diagnostics: readonly Diagnostic[], unread: readonly string[]): Diagnostic[] {
  if (unread.length === 0) return [...diagnostics];
  const where = unread.length === 1 ? `${unread[0] as string}, which could not be read` : `one of the inputs that could not be read (${listSome(unread, 3)})`;
  const files = unread.length === 1 ? (unread[0] as string) : 'those inputs';
  return diagnostics.map((d) => {
    const clause = d.severity === 'error' ? MAY_BE_THERE[d.code] : undefined;
    if (clause === undefined) return d;
    const { controllerMessage: _controller, platformTemplate: _platform, ...rest } = d;
    return {
      ...rest,
      severity: 'note',
      message: `${d.message}, ${clause} ${where}`,
      hint: `fix the error in ${files} first: the object may be there, so lint says it is missing only when every input could be read`,
    };
  });
}
