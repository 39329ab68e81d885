// The qualified resource name of a kind (`configmaps`, `tests.test.run`,
// `gitrepositories.source.toolkit.fluxcd.io`): what Cartographer writes in an owner's
// `status.resources[].stampedRef.resource` and in its "waiting to read value" messages. A cluster
// answers from API discovery; offline there is none, so the plural is guessed the way client-go's
// meta.UnsafeGuessKindToResource guesses it (as refharness does): lower-case the kind, then add
// "es" after an s, "ies" in place of a final y, "s" otherwise ("endpoints" stays as it is). A CRD
// with an irregular plural (a kind Gateway served as `gateways`) comes out as the guess
// (`gatewaies`).

/** The guessed plural of a kind, lower case. */
export function guessPlural(kind: string): string {
  const singular = kind.toLowerCase();
  if (singular === '' || singular.endsWith('endpoints')) return singular;
  if (singular.endsWith('s')) return `${singular}es`;
  if (singular.endsWith('y')) return `${singular.slice(0, -1)}ies`;
  return `${singular}s`;
}

/** `resource.group`, or the bare plural for the core group (`v1`). */
export function qualifiedResource(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const plural = guessPlural(kind);
  return group === '' ? plural : `${plural}.${group}`;
}
