// A whole generated case: one to three blueprints (supply chains, or deliveries), the templates
// they name (now and then one missing, one extra), one to three owners, sometimes a Runnable,
// sometimes a webhook slip, and an outputs file supplying what only a live object would have.
// `caseArbitrary` is the fast-check arbitrary; `writeCase` writes a case as the files both
// tools read: DIR/inputs/*.yaml and DIR/outputs.yaml (outside the inputs: both tools take it
// with --outputs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { generateBlueprint, type GeneratedBlueprint, type NeededTemplate } from './blueprints.js';
import { chance, count, drawFrom, pick, times, weighted, type Draw } from './draw.js';
import { generateOwner } from './owners.js';
import { makeSlip } from './slips.js';
import { generateTemplate, type GeneratedTemplate } from './templates.js';
import { jsonValue, PARAM_NAMES, type Json } from './values.js';

type Doc = Record<string, Json>;

export interface GeneratedCase {
  templates: Doc[];
  blueprints: Doc[];
  owners: Doc[];
  /** Objects the controller's realizer does not drive (Runnables and their ClusterRunTemplates). */
  others: Doc[];
  /** The outputs file: RESOURCE, OWNER/RESOURCE or NS/OWNER/RESOURCE → fields. */
  outputs: Record<string, Record<string, Json>>;
}

/** A ClusterRunTemplate and a Runnable using it: carto renders them, refharness does not. */
function runnable(): Doc[] {
  return [
    { apiVersion: 'carto.run/v1alpha1', kind: 'ClusterRunTemplate', metadata: { name: 'run-t' }, spec: { template: { apiVersion: 'tekton.dev/v1beta1', kind: 'TaskRun', metadata: { generateName: 'run-' }, spec: { params: [{ name: 'x', value: '$(runnable.spec.inputs.x)$' }] } } } },
    { apiVersion: 'carto.run/v1alpha1', kind: 'Runnable', metadata: { name: 'runner', namespace: 'dev', uid: '00000000-1111-2222-3333-999999999999' }, spec: { runTemplateRef: { name: 'run-t' }, inputs: { x: 1 } } },
  ];
}

function templatesFor(draw: Draw, needed: readonly NeededTemplate[]): Map<string, GeneratedTemplate> {
  const out = new Map<string, GeneratedTemplate>();
  for (const n of needed) {
    const key = `${n.kind}/${n.name}`;
    if (out.has(key)) continue;
    out.set(key, generateTemplate(draw, n.kind, n.name, n.ctx, n.resource));
  }
  return out;
}

/** Output values of a resource of `kind`, all of its fields (so both tools take them whole). */
function suppliedFields(draw: Draw, kind: string): Record<string, Json> | undefined {
  switch (kind) {
    case 'ClusterSourceTemplate':
      return { url: pick(draw, ['https://example.com/supplied.tar.gz', 'oci://registry/x']), revision: pick(draw, ['abc123', 'main/0a1b']) };
    case 'ClusterImageTemplate':
      return { image: pick(draw, ['registry.example.com/app@sha256:1234', 'supplied:latest']) };
    case 'ClusterConfigTemplate':
      return { config: jsonValue(draw) };
    default:
      return undefined;
  }
}

function outputsFor(draw: Draw, blueprints: readonly GeneratedBlueprint[], templates: ReadonlyMap<string, GeneratedTemplate>, owners: readonly Doc[]): GeneratedCase['outputs'] {
  const outputs: GeneratedCase['outputs'] = {};
  for (const b of blueprints) {
    for (const s of b.supplyable) {
      const live = s.templates.some((t) => templates.get(`${s.kind}/${t}`)?.liveOutputs);
      if (!chance(draw, live ? 0.85 : 0.08)) continue;
      const fields = suppliedFields(draw, s.kind);
      if (!fields) continue;
      const owner = pick(draw, owners);
      const meta = owner['metadata'] as Record<string, Json>;
      const key = weighted<() => string>(draw, [
        [7, () => s.resource],
        [2, () => `${String(meta['name'])}/${s.resource}`],
        [1, () => `${String(meta['namespace'] ?? 'default')}/${String(meta['name'])}/${s.resource}`],
      ])();
      outputs[key] = fields;
    }
  }
  return outputs;
}

function generateCase(draw: Draw): GeneratedCase {
  const delivery = chance(draw, 0.25);
  const ownerParams = PARAM_NAMES.filter(() => chance(draw, 0.5));
  const blueprints = times(count(draw, 1, 3), (b) => generateBlueprint(draw, b, delivery, ownerParams));
  const generated = templatesFor(draw, blueprints.flatMap((b) => b.templates));
  // A template the blueprints name but nobody installed.
  const templates = [...generated.values()].filter(() => !chance(draw, 0.02)).map((t) => t.doc);
  const owners = times(count(draw, 1, 3), (i) => generateOwner(draw, i, delivery, blueprints.map((b) => b.doc), ownerParams));
  const others = chance(draw, 0.05) ? runnable() : [];
  if (chance(draw, 0.12)) makeSlip(draw, templates, blueprints.map((b) => b.doc));
  return { templates, blueprints: blueprints.map((b) => b.doc), owners, others, outputs: outputsFor(draw, blueprints, generated, owners) };
}

/** Generated cases; each shrinks toward fewer, plainer objects. */
export const caseArbitrary: fc.Arbitrary<GeneratedCase> = fc.gen().map((g) => generateCase(drawFrom(g)));

/** YAML as both tools read it: YAML 1.1 quoting (go-yaml's), no line folding. */
export function yamlStream(docs: readonly Json[]): string {
  return docs.map((d) => `---\n${stringify(d, { version: '1.1', lineWidth: 0, blockQuote: 'literal' })}`).join('');
}

/** The files of a case, relative to its directory. */
export function caseFiles(c: GeneratedCase): Record<string, string> {
  const files: Record<string, string> = {
    'inputs/templates.yaml': yamlStream(c.templates),
    'inputs/blueprints.yaml': yamlStream(c.blueprints),
    'inputs/owners.yaml': yamlStream([...c.owners, ...c.others]),
  };
  if (Object.keys(c.outputs).length > 0) files['outputs.yaml'] = stringify(c.outputs, { version: '1.1', lineWidth: 0 });
  return files;
}

/** Writes a case under `dir` (created); returns the inputs directory and the outputs file, if any. */
export function writeCase(dir: string, c: GeneratedCase): { inputs: string; outputs?: string } {
  const files = caseFiles(c);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return { inputs: join(dir, 'inputs'), ...(files['outputs.yaml'] ? { outputs: join(dir, 'outputs.yaml') } : {}) };
}
