// Parse options for the `yaml` npm package (v2) that make it read YAML the way kubectl does
// (sigs.k8s.io/yaml over its go-yaml v2 fork): plain scalars resolve through resolve.ts
// ('kubernetes' dialect) — YAML 1.1 bools such as yes/on/n, leading-0 octal, 0x/0o/0b, "_" in
// numbers, .inf/.nan, no sexagesimal numbers, timestamps kept as strings — while quoted and
// block scalars stay strings, `<<` merge keys are honoured and a repeated key keeps the last
// value instead of failing.
//
// Usage: parseAllDocuments(text, kubeYamlOptions), parse(text, kubeYamlOptions). Ints come back
// as numbers when they are safe integers and as bigints beyond that. For non-string keys, use
// toJS({ mapAsMap: true }) (or Document.toJS with that option) to keep them typed and in order.

import type { DocumentOptions, ParseOptions, SchemaOptions, ScalarTag } from 'yaml';
import { resolvePlainScalar, type ResolvedScalar, type ScalarTag as ResolvedTag } from './resolve.js';

// The yaml package asks every default tag's `test` in turn; remember the last answer so each
// scalar is resolved once.
let cachedText: string | undefined;
let cachedResult: ResolvedScalar = { tag: 'null', value: null };

function resolveCached(text: string): ResolvedScalar {
  if (text !== cachedText) {
    cachedResult = resolvePlainScalar(text, 'kubernetes');
    cachedText = text;
  }
  return cachedResult;
}

/** A RegExp stand-in whose test() asks go-yaml's resolver whether the text has a given tag. */
class ResolvesTo extends RegExp {
  constructor(private readonly want: ResolvedTag) {
    super('(?:)');
  }
  override test(text: string): boolean {
    return resolveCached(text).tag === this.want;
  }
}

const TAG_PREFIX = 'tag:yaml.org,2002:';

/** The tag the yaml package picks for an untagged plain scalar that go-yaml resolves to `name`. */
function implicitTag(name: ResolvedTag, identify: (v: unknown) => boolean): ScalarTag {
  return {
    tag: TAG_PREFIX + name,
    default: true,
    identify,
    test: new ResolvesTo(name),
    resolve: (text: string): unknown => resolveCached(text).value,
  };
}

/**
 * The same tag written explicitly (`!!int "12"`): go-yaml resolves the text, quoted or not, and
 * accepts it when it resolves to that tag — or to an int for !!float — and fails otherwise.
 */
function explicitTag(name: ResolvedTag): ScalarTag {
  return {
    tag: TAG_PREFIX + name,
    resolve(text: string, onError: (message: string) => void): unknown {
      const r = resolvePlainScalar(text, 'kubernetes');
      if (r.tag === name) return r.value;
      if (name === 'float' && r.tag === 'int') return Number(r.value);
      // go-yaml only tries timestamps for untagged scalars, so such text counts as a string here.
      onError(`cannot decode !!${r.tag === 'timestamp' ? 'str' : r.tag} \`${text}\` as a !!${name}`);
      return text;
    },
  };
}

const isInteger = (v: unknown): boolean => typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
const implicitTags: ScalarTag[] = [
  implicitTag('null', (v) => v === null || v === undefined),
  implicitTag('bool', (v) => typeof v === 'boolean'),
  implicitTag('int', isInteger),
  implicitTag('float', (v) => typeof v === 'number'),
];
const explicitTags: ScalarTag[] = [explicitTag('null'), explicitTag('bool'), explicitTag('int'), explicitTag('float')];

/** go-yaml v2 / sigs.k8s.io/yaml-compatible parse options for the `yaml` package. */
export const kubeYamlOptions: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'failsafe', // maps, sequences and strings; the scalar tags below do the rest
  customTags: [...implicitTags, ...explicitTags],
  merge: true,
  uniqueKeys: false,
  // Warnings would go to process.emitWarning, i.e. straight to a user's stderr; carto reports
  // what matters itself (e.g. a collection as a map key is an error in load/checks.ts).
  logLevel: 'error',
};
