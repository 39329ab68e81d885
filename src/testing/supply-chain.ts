// cartotest's SupplyChainFileSet (spec §11.3 step 5): stamping the template under test as the
// resource of a real supply chain would. The supply chains are read from the given paths (a
// directory contributes each of its files, not descending; each file is one supply chain, its
// first document, preprocessed with ytt when the test names values files); the Workload's
// supply chain is chosen by the controller's rules (most specific selector; there is no
// "workload has no labels" check here); the target resource must select the template under
// test (options included); then the controller's own params, inputs (from previousOutputs),
// 7 labels and context are used — the same pipeline pieces `carto render` uses.
import { join } from 'node:path';
import type { OutputMap, ResourceOutput } from '../chain/index.js';
import { chooseTemplate, stampTarget } from '../realize/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GoValue, JSONValue } from '../jsonpath/index.js';
import { parseText, type SourceDocument } from '../load/index.js';
import { readBlueprint } from '../model/blueprint.js';
import type { Blueprint, Owner, Template } from '../model/index.js';
import { bestSelectorMatches, goMap } from '../select/index.js';
import type { OwnerReference } from '../stamp/finish.js';
import type { YttRunner } from '../stamp/ytt.js';
import { FsError, type SuiteFs } from '../load/suite-fs.js';
import type { OutputInfo } from './info.js';
import type { SupplyChainFileSet } from './types.js';
import type { Preprocessor } from './ytt-preprocess.js';
import { stampFailureText, type CaseStamp } from './stamp-failure.js';

export interface RealStampInput {
  set: SupplyChainFileSet;
  owner: Owner;
  typedOwner: GoValue;
  template: Template;
  ownerReference: OwnerReference;
  fs: SuiteFs;
  preprocess: Preprocessor;
  ytt: YttRunner;
}

/** The stamped object, or cartotest's error message (what follows "failed to get actual object: "). */
export function stampWithSupplyChain(input: RealStampInput): CaseStamp {
  const { set, owner, typedOwner, template } = input;
  const read = readSupplyChains(set, input.fs, input.preprocess);
  if (!read.ok) return { ok: false, message: `get supplychain: read all paths, ${read.message}` };

  const chains = read.chains;
  const best = bestSelectorMatches(chains.map((c) => c.selector), owner.labels, typedOwner, 'current');
  if (!best.ok) {
    const bp = chains[best.index] as Blueprint;
    return {
      ok: false,
      message: `get supplychain: get selected supply chain, evaluating supply chain selectors against workload [${owner.namespace}/${owner.name}] failed: error handling selectors, selectorMatchExpressions or selectorMatchFields of [ClusterSupplyChain/${bp.name}]: ${best.message}`,
    };
  }
  if (best.best.length === 0) {
    return { ok: false, message: `get supplychain: no supply chain [${owner.namespace}/${owner.name}] found where full selector is satisfied by labels: ${goMap(owner.labels)}` };
  }
  if (best.best.length > 1) {
    const names = best.best.map((i) => (chains[i] as Blueprint).name);
    return { ok: false, message: `get supplychain: more than one supply chain selected for workload [${owner.namespace}/${owner.name}]: [${names.join(' ')}]` };
  }
  const blueprint = chains[best.best[0] as number] as Blueprint;

  const resource = blueprint.resources.find((r) => r.name === set.targetResourceName);
  if (!resource) return { ok: false, message: `get target resource: did not find a supply chain resource with target name: ${set.targetResourceName}` };

  const choice = chooseTemplate(resource, blueprint, owner, typedOwner, 'current');
  if (!choice.ok) return { ok: false, message: `get template name: ${choice.choice.message}` };
  const selected = 'name' in choice ? choice.name : '';
  if (selected !== template.name || resource.templateRef.kind !== template.kind) {
    return { ok: false, message: `template '${template.name}' is not selected by resource/stage '${resource.name}' in supply chain '${blueprint.name}'` };
  }

  const at = { owner, typed: typedOwner, blueprint, resource, template, semantics: 'current' as const };
  const { stamped } = stampTarget(at, outputMap(set.previousOutputs), { ownerReference: input.ownerReference, ytt: input.ytt });
  return stamped.ok ? stamped : stampFailureText(stamped.failure);
}

type Chains = { ok: true; chains: Blueprint[] } | { ok: false; message: string };

function readSupplyChains(set: SupplyChainFileSet, fs: SuiteFs, preprocess: Preprocessor): Chains {
  const chains: Blueprint[] = [];
  for (const path of set.paths) {
    const kind = fs.kind(path);
    if (kind === undefined) return { ok: false, message: `could not get fileinfo for path: stat ${path}: no such file or directory` };
    let files: string[];
    try {
      files = kind === 'dir' ? fs.list(path).map((e) => join(path, e.name)) : [path];
    } catch (err) {
      return { ok: false, message: `read supply chain directory: ${err instanceof Error ? err.message : String(err)}` };
    }
    for (const file of files) {
      const chain = readSupplyChainFile(file, set.yttFiles, fs, preprocess);
      if (typeof chain === 'string') return { ok: false, message: kind === 'dir' ? `read supply chain directory: read supply chain file: ${file}, ${chain}` : `could not read supply chain file: ${chain}` };
      if (chain) chains.push(chain);
    }
  }
  return { ok: true, chains };
}

/** One file's supply chain (its first document, whatever its kind says), undefined for an empty file, or an error. */
function readSupplyChainFile(file: string, yttFiles: readonly string[], fs: SuiteFs, preprocess: Preprocessor): Blueprint | undefined | string {
  let text: string;
  if (yttFiles.length > 0) {
    const done = preprocess([file, ...yttFiles]);
    if (!done.ok) return `failed to preprocess ytt: ${done.message}`;
    text = done.text;
  } else {
    try {
      text = fs.read(file);
    } catch (err) {
      return `could not read supplyChain file: ${err instanceof FsError ? err.message : String(err)}`;
    }
  }
  const parsed = parseText(text, file);
  const problem = parsed.diagnostics.find((d) => d.severity === 'error');
  if (problem) return `unmarshall supply chain: ${problem.message}`;
  const doc: SourceDocument | undefined = parsed.documents[0];
  if (!doc) return undefined;
  const diagnostics: Diagnostic[] = [];
  const metadata = doc.value['metadata'];
  const name = typeof metadata === 'object' && metadata !== null && typeof (metadata as Record<string, unknown>)['name'] === 'string' ? ((metadata as Record<string, unknown>)['name'] as string) : '';
  const chain = readBlueprint(doc, 'ClusterSupplyChain', name, diagnostics);
  const bad = diagnostics.find((d) => d.severity === 'error');
  if (bad) return `unmarshall supply chain: ${bad.message}`;
  return chain;
}

/** previousOutputs as the realizer's outputs: a null entry is a resource without output. */
function outputMap(previous: Record<string, OutputInfo | null> | undefined): OutputMap {
  const outputs: OutputMap = new Map();
  for (const [name, info] of Object.entries(previous ?? {})) {
    if (!info) {
      outputs.set(name, null);
      continue;
    }
    const output: ResourceOutput = {};
    if (info.source) output.source = { url: (info.source.url ?? null) as JSONValue, revision: (info.source.revision ?? null) as JSONValue };
    if (info.image !== undefined) output.image = info.image as JSONValue;
    if (info.config !== undefined) output.config = info.config as JSONValue;
    outputs.set(name, output);
  }
  return outputs;
}
