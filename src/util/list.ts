// Naming many things in one message without burying the rest of stderr.

/** The first `most` names, then how many more: a few are enough to recognise them, and a thousand would bury every other message. */
export function listSome(names: readonly string[], most: number): string {
  return names.length > most ? `${names.slice(0, most).join(', ')}, and ${names.length - most} more` : names.join(', ');
}

/**
 * Appends one by one: a spread into push() passes every item as an argument and overflows the
 * stack past about 120,000 (a diagnostic per owner of a large estate).
 */
export function append<T>(to: T[], more: readonly T[]): void {
  for (const item of more) to.push(item);
}
