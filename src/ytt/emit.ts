// Bridge to the YAML emitter (src/yaml, go-yaml v2 compatible). Until that module
// is available in this branch, a stand-in based on the `yaml` package is used;
// `setYamlEmitter` lets the host install the real one.
import { Document } from 'yaml';

export type YamlEmitter = (value: unknown) => string;

let emitter: YamlEmitter = (value) => {
  const doc = new Document(value, { keepSourceTokens: false });
  return doc.toString({ indentSeq: false, lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', doubleQuotedAsJSON: true });
};

export function setYamlEmitter(e: YamlEmitter): void {
  emitter = e;
}

/** One YAML document, as go-yaml's Marshal prints it (ends with a newline). */
export function emitYamlDoc(value: unknown): string {
  return emitter(value);
}

let goYaml = false;
/** True once the go-yaml v2 compatible emitter is installed (byte-exact output). */
export function usingGoYamlEmitter(): boolean {
  return goYaml;
}
export function markGoYamlEmitter(v: boolean): void {
  goYaml = v;
}
