// Naming many things in one message without burying the rest of stderr.

/** The first `most` names, then how many more: a few are enough to recognise them, and a thousand would bury every other message. */
export function listSome(names: readonly string[], most: number): string {
  return names.length > most ? `${names.slice(0, most).join(', ')}, and ${names.length - most} more` : names.join(', ');
}
