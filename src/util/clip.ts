// Text cut to what a person reads: a 1 MB value inside a placeholder or a deeply nested JSONPath
// filter should not become a 2 MB line of stderr or of lint's text report.

/** A run of characters without a space longer than this is cut. */
const LONGEST_WORD = 200;
/** A message, hint or controller message longer than this is cut. */
const LONGEST_TEXT = 2000;

/**
 * Each run longer than LONGEST_WORD characters (a value, an expression) keeps its start, then `…`
 * and its length; the whole keeps LONGEST_TEXT characters.
 */
export function clip(text: string): string {
  const words = text.replace(new RegExp(`\\S{${LONGEST_WORD + 1},}`, 'g'), (w) => `${w.slice(0, LONGEST_WORD - 40)}… (${w.length.toLocaleString('en-US')} characters)`);
  return words.length <= LONGEST_TEXT ? words : `${words.slice(0, LONGEST_TEXT - 40)}… (${words.length.toLocaleString('en-US')} characters)`;
}
