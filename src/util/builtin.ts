// One of Node's own modules, loaded when first asked for rather than imported up front (some cost a
// cold start milliseconds: node:crypto and node:v8 bring in Node's streams). Not `await import()`:
// the CLI's bundles run as scripts (bin/carto.js), where a dynamic import has no loader to go to.

/** `name` (`node:crypto`, `node:v8`…): process.getBuiltinModule on Node 20.16+; before it, the
 *  CommonJS require every build of carto runs with (the CLI's bundles are CommonJS, the library's
 *  ESM bundle defines one). */
export function builtinModule<T>(name: string): T {
  if (typeof process.getBuiltinModule === 'function') return process.getBuiltinModule(name) as T;
  return require(name) as T;
}
