// Running out of JavaScript stack, told apart from V8's other RangeErrors (a string or array
// grown too long). Deep nesting or recursion the limits did not stop first ends here: each
// engine turns it into its own depth error.

/** Whether `e` (a thrown value, or the message a parser recorded) is a stack overflow. */
export function isStackOverflow(e: unknown): boolean {
  if (typeof e === 'string') return e.includes('Maximum call stack size exceeded');
  return e instanceof Error && /maximum call stack/i.test(e.message);
}
