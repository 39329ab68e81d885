// Which outputs each template kind has, and the template field holding each one's path.
import type { Template, TemplateKind } from '../model/index.js';

export type OutputField = 'url' | 'revision' | 'image' | 'config';

const FIELDS: Record<TemplateKind, ReadonlyArray<{ field: OutputField; pathKey: 'urlPath' | 'revisionPath' | 'imagePath' | 'configPath' }>> = {
  ClusterSourceTemplate: [
    { field: 'url', pathKey: 'urlPath' },
    { field: 'revision', pathKey: 'revisionPath' },
  ],
  ClusterImageTemplate: [{ field: 'image', pathKey: 'imagePath' }],
  ClusterConfigTemplate: [{ field: 'config', pathKey: 'configPath' }],
  ClusterTemplate: [],
  // Its output is its deployment input passed through, never read from its object.
  ClusterDeploymentTemplate: [],
};

/** The outputs a template of `kind` has, whether or not the template itself is at hand. */
export function outputFieldsOfKind(kind: TemplateKind): readonly OutputField[] {
  return FIELDS[kind].map(({ field }) => field);
}

const fieldsOf = new WeakMap<Template, ReadonlyArray<{ readonly field: OutputField; readonly path: string | undefined; readonly pathKey: string }>>();

/** A template's outputs and their paths (worked out once per template: every owner reads them). */
export function outputFieldsOf(template: Template): ReadonlyArray<{ readonly field: OutputField; readonly path: string | undefined; readonly pathKey: string }> {
  let fields = fieldsOf.get(template);
  if (fields === undefined) {
    fields = Object.freeze(FIELDS[template.kind].map(({ field, pathKey }) => Object.freeze({ field, path: template[pathKey], pathKey })));
    fieldsOf.set(template, fields);
  }
  return fields;
}

export const OUTPUT_FIELDS: readonly OutputField[] = ['url', 'revision', 'image', 'config'];

/**
 * Whether the controller holds this output value: an image or a config that is null is no output
 * at all (its status lists none, the Healthy condition of a template without a rule says
 * OutputNotAvailable, and what takes it finds no input); a source's url and revision count even
 * when null (they come as a pair).
 */
export function isHeldOutput(output: { field: OutputField; value: unknown }): boolean {
  return output.value !== null || output.field === 'url' || output.field === 'revision';
}
