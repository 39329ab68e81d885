// Data values of one ytt library: schema defaults, data values documents, data values files
// and command-line flags, merged in ytt's order into the value templates see as `data.values`.
// The engine supplies the evaluation of annotated files (they are templates too); everything
// about how values combine and are checked lives here.
import { YArray, YDoc, YMap, YMapItem, deepCopy } from '../template/nodes.js';
import type { NodeValue } from '../template/nodes.js';
import { YamlParseError, parseYamlWithComments } from '../template/yamlparse.js';
import { plainToNode } from '../template/values.js';
import { YttError } from '../types.js';
import type { DataValue, YttFile } from '../types.js';
import type { YDocSet } from '../template/nodes.js';

/** What one library's data values are made of, in the order ytt takes them. */
export interface DataValuesSources {
  /** The library's files annotated `#@data/values-schema` or `#@data/values`, in ytt's file order. */
  files: readonly YttFile[];
  /**
   * Evaluates one of `files` as a template with `data.values` set to `values` and returns its
   * documents (supplied by the engine; throws YttError as the engine formats it).
   */
  evaluate: (file: YttFile, values: NodeValue) => readonly YDoc[];
  /** `--data-values-file` files (plain YAML), in flag order. */
  valuesFiles?: readonly YttFile[];
  /** `-v`/`--data-value-yaml` flags, in the order ytt applies them. */
  flags?: readonly DataValue[];
  /**
   * Data values a parent library gives this one with `library.get(…).with_data_values(value,
   * plain=…)`, in call order: applied after the library's own data values.
   */
  libraryValues?: readonly { value: NodeValue; plain: boolean }[];
}

/**
 * The library's data values: valuesFiles, then the library's schema and data values documents
 * (in file order, each file seeing the values so far), then flags. (The order carto has always
 * used; where ytt 0.45.9 differs, ytt wins.)
 */
export function computeDataValues(src: DataValuesSources): NodeValue {
  let values: NodeValue = buildDataValues({ dataValuesFiles: src.valuesFiles ?? [] });
  for (const f of src.files) {
    for (const d of src.evaluate(f, values)) {
      const names = d.annotations.map((a) => a.name);
      if (names.includes('data/values-schema')) {
        if (d.value !== null) values = mergeValues(values, schemaDefaults(d.value));
      } else if (names.includes('data/values')) {
        if (d.value !== null) values = mergeValues(values, d.value);
      } else if (!isEmptyDoc(d)) {
        const detail = `Expected data values file '${f.name}' to only contain data values documents`;
        throw new YttError(detail, [], `ytt: Error: \n- ${detail}\n`);
      }
    }
  }
  for (const lv of src.libraryValues ?? []) values = mergeValues(values, deepCopy(lv.value));
  return buildDataValues({ dataValues: src.flags ?? [] }, values);
}

/** True for documents with no content (ytt drops them from its output). */
export function isEmptyDoc(d: YDoc): boolean {
  const v = d.value;
  if (v === null) return true;
  if (v instanceof YMap) return v.items.length === 0;
  if (v instanceof YArray) return v.items.length === 0;
  return false;
}

/** Defaults implied by a schema document: the values given, with arrays defaulting to empty. */
function schemaDefaults(v: NodeValue): NodeValue {
  if (v instanceof YMap) return new YMap(v.items.map((it) => new YMapItem(it.key, schemaDefaults(it.value))));
  if (v instanceof YArray) return new YArray();
  return v;
}

function mergeValues(base: NodeValue, over: NodeValue): NodeValue {
  if (base instanceof YMap && over instanceof YMap) {
    for (const it of over.items) {
      const cur = base.items.find((x) => x.key === it.key);
      if (cur) cur.value = mergeValues(cur.value, it.value);
      else base.items.push(it);
    }
    return base;
  }
  return over;
}

function dataValueNode(dv: DataValue): NodeValue {
  if ('yaml' in dv) {
    try {
      return parseYamlWithComments(dv.yaml, { withComments: false }).docs[0]?.value ?? null;
    } catch (e) {
      if (e instanceof YamlParseError) {
        const detail = `Extracting data value from KV: Deserializing value for key '${dv.key}': ${e.msg}`;
        throw new YttError(detail, [], `ytt: Error: ${detail}\n`);
      }
      throw e;
    }
  }
  return plainToNode(dv.value);
}

function buildDataValues(opts: { dataValuesFiles?: readonly YttFile[]; dataValues?: readonly DataValue[] }, base: NodeValue = new YMap()): NodeValue {
  let values: NodeValue = base;
  for (const f of opts.dataValuesFiles ?? []) {
    let ds: YDocSet;
    try {
      ds = parseYamlWithComments(f.text, { withComments: false });
    } catch (e) {
      if (e instanceof YamlParseError) {
        const detail = `Unmarshaling YAML data values file '${f.name}': ${e.msg}`;
        throw new YttError(detail, [{ context: null, file: f.name, line: e.line, source: null }], `ytt: Error: ${detail}\n`);
      }
      throw e;
    }
    for (const d of ds.docs) if (d.value !== null) values = mergeValues(values, d.value);
  }
  for (const dv of opts.dataValues ?? []) {
    const node = dataValueNode(dv);
    const path = dv.key.split('.');
    let m = values instanceof YMap ? values : (values = new YMap());
    for (let i = 0; i < path.length; i++) {
      const k = path[i]!;
      let cur = m.items.find((x) => x.key === k);
      if (i === path.length - 1) {
        if (cur) cur.value = node;
        else m.items.push(new YMapItem(k, node));
        break;
      }
      if (!cur) m.items.push((cur = new YMapItem(k, new YMap())));
      if (!(cur.value instanceof YMap)) cur.value = new YMap();
      m = cur.value;
    }
  }
  return values;
}
