// cartotest's info.yaml (spec §11.2): its schema, and reading one directory's file into the
// typed TestInfo. The file is decoded as cartotest decodes it (see go-decode.ts): keys match
// case-insensitively, unknown keys are ignored, null means "not given". A missing info.yaml is
// an empty one. Pure: the text comes in, the caller reads the file.
import { parseText } from '../load/index.js';
import { any, bool, decodeGo, map, slice, str, struct } from './go-decode.js';

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

const sourceInput = struct('SourceInput', { url: any, revision: any, name: str });
const output = struct('Output', { source: struct('Source', { url: any, revision: any }), image: any, config: any });

export const TEST_INFO_SHAPE = struct('testInfo', {
  metadata: struct('testInfoMetadata', { name: str, description: str }),
  given: struct('testInfoGiven', {
    template: struct('testInfoTemplate', { path: str, yttPath: str }),
    workload: str,
    mockSupplyChain: struct('testInfoMockSC', {
      blueprintInputs: struct('Inputs', {
        sources: map(sourceInput),
        images: map(struct('ImageInput', { image: any, name: str })),
        configs: map(struct('ConfigInput', { config: any, name: str })),
        deployment: sourceInput,
      }),
      blueprintParams: slice(struct('BlueprintParam', { name: str, value: any, default: any })),
    }),
    supplyChain: struct('testInfoSupplyChain', {
      paths: slice(str),
      yttPath: str,
      targetResourceName: str,
      previousOutputs: map(output),
    }),
  }),
  expected: str,
  focus: bool,
  compareOptions: struct('testInfoCompareOptions', {
    ignoreMetadata: bool,
    ignoreOwnerRefs: bool,
    ignoreLabels: bool,
    ignoreMetadataFields: slice(str),
    namedCMPOptionFuncs: slice(str),
  }),
});

export type InfoRead = { ok: true; info: TestInfo } | { ok: false; message: string };

/** Reads the text of an info.yaml (`file` names it in messages). Only the first document counts. */
export function readInfo(text: string, file: string): InfoRead {
  const parsed = parseText(text, file);
  const problem = parsed.diagnostics.find((d) => d.severity === 'error');
  if (problem?.code === 'not-an-object') {
    return { ok: false, message: `unmarshal failed: ${file}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${/a list/.test(problem.message) ? 'array' : 'string'} into Go value of type testing.testInfo` };
  }
  if (problem) return { ok: false, message: `unmarshal failed: ${file}: ${problem.message}${problem.line ? ` (line ${problem.line})` : ''}` };
  const decoded = decodeGo(parsed.documents[0]?.value ?? null, TEST_INFO_SHAPE);
  if (!decoded.ok) return { ok: false, message: `unmarshal failed: ${file}: error unmarshaling JSON: while decoding JSON: ${decoded.message}` };
  return { ok: true, info: decoded.value as TestInfo };
}
