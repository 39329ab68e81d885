// Tells input files that are themselves ytt templates from plain manifests, cheaply, so the
// ytt engine is loaded only when one is found.

/** A `#@` directive at the start of a line (not inside an indented spec.ytt body). */
const DIRECTIVE = /^#@/m;

export function isYttTemplateFile(text: string): boolean {
  return DIRECTIVE.test(text);
}
