// The limits that keep carto prompt and within memory whatever it is given (README "Security and
// limits", SECURITY.md). Each is far above what real manifests need: a Kubernetes object is at
// most ~1.5 MiB (etcd's request limit), so inputs and values beyond these can never be applied
// to a cluster anyway. Going over one is an error that names the limit, never a crash or a hang.

/** One input file (or stdin), in bytes. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** All inputs of one run together, in bytes. */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/**
 * YAML documents (and items of `kind: List`s) in all inputs together: each costs a few hundred
 * bytes of memory beyond its text (a million tiny documents, about 500 MB at the peak of reading),
 * so that an estate of 100,000 Workloads and more fits. There is no limit on the number of owners:
 * render keeps one owner's objects at a time (streaming), and each owner has limits of its own.
 */
export const MAX_DOCUMENTS = 1_000_000;
/** Nesting of maps and lists in one document, aliases expanded. */
export const MAX_DEPTH = 1_000;
/** Nodes that aliases (`*anchor`) may add to one document when expanded. */
export const MAX_ALIAS_NODES = 1_000_000;
/** Characters in one string: a scalar read from the inputs, or a string interpolation builds. */
export const MAX_STRING = 16 * 1024 * 1024;
/** Cartographer 0.0.6's re-interpolation of substituted values, in levels. */
export const MAX_REINTERPOLATION = 100;
/** Values (and placeholders) Cartographer 0.0.6's re-interpolation may go through for one template. */
export const MAX_SUBSTITUTIONS = 10_000;
/**
 * What placeholders may substitute into one stamped object, in units: one per map, list or scalar
 * and one per character of a string, a map or list counting 16 (each costs that much memory and
 * output). The API server refuses objects above ~1.5 MiB, so no real object comes near it.
 */
export const MAX_OBJECT_SUBSTITUTION = 2 * 1024 * 1024;
/** The same, for all the objects of one owner together (they are held until the owner is written out). */
export const MAX_OWNER_SUBSTITUTION = 64 * 1024 * 1024;
/**
 * The same, for all the owners of one render together: it bounds time, not memory (a placeholder
 * that substitutes a large value for each of a million owners). About 2,000 times what a Workload of
 * the source-to-url example substitutes (~520 units), times a million.
 */
export const MAX_RENDER_SUBSTITUTION = 1024 * 1024 * 1024;
/** Objects one owner may stamp (held in memory until the owner is written out). */
export const MAX_OWNER_OBJECTS = 10_000;
/**
 * Objects one render may stamp, all owners together: it bounds time (a minute or two of rendering)
 * and, for the library's render(), which keeps them all, memory.
 */
export const MAX_OBJECTS = 2_000_000;
/**
 * Steps of the built-in ytt engine for one template (a step is one expression evaluated; calls,
 * loop iterations, comprehension items, the size of strings and lists built and of values
 * printed or converted to YAML cost more, in proportion to their work): about two seconds for
 * the costliest code that can be written, inside the controller's 4 s timeout for ytt.
 */
export const YTT_MAX_STEPS = 100_000_000;
/**
 * Steps all the ytt runs of one command may take together (the spec.ytt templates of a render;
 * separately, the input files that are ytt templates): three runaway templates' worth, thousands
 * of times what real templates need (~100s of steps a run). Without it, a runaway template
 * selected by many Workloads would cost its full budget for each of them.
 */
export const YTT_TOTAL_STEPS = 3 * YTT_MAX_STEPS;
/**
 * Characters of output of one owner (its objects' YAML or JSON, held in memory until written
 * out) and of one object.
 */
export const MAX_OWNER_OUTPUT = 256 * 1024 * 1024;
/**
 * Characters of output in all (the YAML stream, the JSON List, or all files of --output-dir):
 * the CLI keeps at most a few MB in memory and the rest in a temporary file (src/emit/spool.ts),
 * so this bounds disk and time. The library's formatters build one string, which JavaScript
 * limits to about 512 Mi characters.
 */
export const MAX_OUTPUT = 4 * 1024 * 1024 * 1024;

/** `64 MiB`, `4 GiB`: a limit as the messages and the README write it. */
export function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024 * 1024) === 0) return `${bytes / (1024 * 1024 * 1024)} GiB`;
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

export function formatCount(n: number): string {
  // Not toLocaleString: loading ICU's data costs a cold start ~20 ms.
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
