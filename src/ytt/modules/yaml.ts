// @ytt:yaml — encode (go-yaml v2 output) and decode.
import { fail, typeName } from '../starlark/eval/values.js';
import { unpackArgs } from '../starlark/eval/builtins.js';
import { emitYamlDoc } from '../emit.js';
import { YDocSet, toPlain } from '../template/nodes.js';
import { parseYamlWithComments, YamlParseError } from '../template/yamlparse.js';
import { nodeToStarlarkPlain, starlarkToNodeToRead } from '../template/values.js';
import { module } from './util.js';

export function yamlEncode(v: import('../starlark/eval/values.js').Value): string {
  const node = starlarkToNodeToRead(v);
  if (node instanceof YDocSet) {
    return node.docs.map((d) => emitYamlDoc(toPlain(d.value, true))).join('---\n');
  }
  return emitYamlDoc(toPlain(node, true));
}

export const yamlModule = module('yaml', {
  encode: (_t, args, kw) => {
    const [v] = unpackArgs('yaml.encode', args, kw, ['value']);
    return yamlEncode(v!);
  },
  decode: (_t, args, kw) => {
    const [s] = unpackArgs('yaml.decode', args, kw, ['value']);
    if (typeof s !== 'string') fail(`yaml.decode: expected string, but was ${typeName(s!)}`);
    let ds: YDocSet;
    try {
      ds = parseYamlWithComments(s, { withComments: false });
    } catch (e) {
      if (e instanceof YamlParseError) fail(`yaml.decode: ${e.msg}`);
      throw e;
    }
    const first = ds.docs[0];
    return first ? nodeToStarlarkPlain(first.value, false) : null;
  },
});
