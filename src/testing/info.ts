// cartotest's info.yaml (spec §11.2): its schema, and reading one directory's file into the
// typed TestInfo. The file is decoded as cartotest decodes it (sigs.k8s.io/yaml: YAML → JSON → encoding/json, gotypes): keys match
// case-insensitively, unknown keys are ignored, null means "not given". A missing info.yaml is
// an empty one. Pure: the text comes in, the caller reads the file.
import { parseText } from '../load/index.js';
import { decode, field, t, type FieldType, type GoType, type StructType } from '../gotypes/index.js';
import { GoOpaque, GoStruct, setOwn, type GoValue, type JSONValue } from '../jsonpath/value.js';

export interface SourceInputInfo {
  url?: unknown;
  revision?: unknown;
  name?: string;
}

export interface BlueprintInputsInfo {
  sources?: Record<string, SourceInputInfo | null>;
  images?: Record<string, { image?: unknown; name?: string } | null>;
  configs?: Record<string, { config?: unknown; name?: string } | null>;
  /** Accepted, and (as in cartotest) never put into the mock context. */
  deployment?: SourceInputInfo;
}

export interface BlueprintParamInfo {
  name?: string;
  value?: unknown;
  default?: unknown;
}

/** One resource's outputs in `previousOutputs` (realizer.Outputs: resource → *templates.Output). */
export interface OutputInfo {
  source?: { url?: unknown; revision?: unknown };
  image?: unknown;
  config?: unknown;
}

export interface CompareOptionsInfo {
  ignoreMetadata?: boolean;
  ignoreOwnerRefs?: boolean;
  ignoreLabels?: boolean;
  ignoreMetadataFields?: string[];
  namedCMPOptionFuncs?: string[];
}

export interface TestInfo {
  metadata?: { name?: string; description?: string };
  focus?: boolean;
  expected?: string;
  given?: {
    template?: { path?: string; yttPath?: string };
    workload?: string;
    mockSupplyChain?: { blueprintInputs?: BlueprintInputsInfo; blueprintParams?: BlueprintParamInfo[] };
    supplyChain?: {
      paths?: string[];
      yttPath?: string;
      targetResourceName?: string;
      previousOutputs?: Record<string, OutputInfo | null>;
    };
  };
  compareOptions?: CompareOptionsInfo;
}

// Every field is a pointer, so that "absent" and "null" stay apart from a zero value: a nil field
// is left out of the TestInfo. interface{} fields (`any`) keep the JSON as it is.
const opt = (name: string, type: GoType): FieldType => field(name, t.ptr(type));
const str = t.string();
const bool = t.bool();
const any = t.any();
const struct = (name: string, fields: Record<string, GoType>): StructType =>
  t.struct(name, Object.entries(fields).map(([key, type]) => opt(key, type)));

const sourceInput = struct('SourceInput', { url: any, revision: any, name: str });
const output = struct('Output', { source: struct('Source', { url: any, revision: any }), image: any, config: any });

export const TEST_INFO_TYPE = struct('testInfo', {
  metadata: struct('testInfoMetadata', { name: str, description: str }),
  given: struct('testInfoGiven', {
    template: struct('testInfoTemplate', { path: str, yttPath: str }),
    workload: str,
    mockSupplyChain: struct('testInfoMockSC', {
      blueprintInputs: struct('Inputs', {
        sources: t.map(t.ptr(sourceInput)),
        images: t.map(t.ptr(struct('ImageInput', { image: any, name: str }))),
        configs: t.map(t.ptr(struct('ConfigInput', { config: any, name: str }))),
        deployment: sourceInput,
      }),
      blueprintParams: t.slice(struct('BlueprintParam', { name: str, value: any, default: any })),
    }),
    supplyChain: struct('testInfoSupplyChain', {
      paths: t.slice(str),
      yttPath: str,
      targetResourceName: str,
      previousOutputs: t.map(t.ptr(output)),
    }),
  }),
  expected: str,
  focus: bool,
  compareOptions: struct('testInfoCompareOptions', {
    ignoreMetadata: bool,
    ignoreOwnerRefs: bool,
    ignoreLabels: bool,
    ignoreMetadataFields: t.slice(str),
    namedCMPOptionFuncs: t.slice(str),
  }),
});

/** A decoded value as plain data: a struct is an object of its non-nil fields. */
function plain(v: GoValue): unknown {
  if (v instanceof GoStruct) {
    const out: Record<string, unknown> = {};
    for (const f of v.fields) if (f.value !== null) setOwn(out, f.name, plain(f.value) as JSONValue);
    return out;
  }
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object' && !(v instanceof GoOpaque)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) setOwn(out, k, plain(v[k]!) as JSONValue);
    return out;
  }
  return v;
}

export type InfoRead = { ok: true; info: TestInfo } | { ok: false; message: string };

/** Reads the text of an info.yaml (`file` names it in messages). Only the first document counts. */
export function readInfo(text: string, file: string): InfoRead {
  const parsed = parseText(text, file);
  const problem = parsed.diagnostics.find((d) => d.severity === 'error');
  if (problem?.code === 'not-an-object') {
    return { ok: false, message: `unmarshal failed: ${file}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${/a list/.test(problem.message) ? 'array' : 'string'} into Go value of type testing.testInfo` };
  }
  if (problem) return { ok: false, message: `unmarshal failed: ${file}: ${problem.message}${problem.line ? ` (line ${problem.line})` : ''}` };
  const decoded = decode(TEST_INFO_TYPE, parsed.documents[0]?.value ?? null);
  if (decoded.goError !== undefined) return { ok: false, message: `unmarshal failed: ${file}: error unmarshaling JSON: while decoding JSON: ${decoded.goError}` };
  return { ok: true, info: plain(decoded.value) as TestInfo };
}
