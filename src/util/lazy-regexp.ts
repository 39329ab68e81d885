// Regular expressions made on first use. V8 builds a Unicode property class (`\p{L}`) from its
// Unicode tables when the expression is created, about a millisecond each at a cold start; a
// module-level constant would make every start pay for them, though most inputs are ASCII and
// never reach them.

/** `new RegExp(source, flags)`, made the first time `test` is called. */
export function lazyRegExp(source: string, flags: string): { test(text: string): boolean } {
  let made: RegExp | undefined;
  return { test: (text) => (made ??= new RegExp(source, flags)).test(text) };
}
