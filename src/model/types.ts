// Typed carto.run objects as the pipeline sees them. Whatever format they were written in
// (Cartographer ≥ v0.0.7 `resources`, or 0.0.6 `components`), they look the same from here on;
// `format` remembers which, because the 0.0.6 controller also behaved differently.
import type { SourceDocument } from '../load/index.js';

export type Format = 'current' | '0.0.6';

export type TemplateKind =
  | 'ClusterSourceTemplate'
  | 'ClusterImageTemplate'
  | 'ClusterConfigTemplate'
  | 'ClusterTemplate'
  | 'ClusterDeploymentTemplate';

export type BlueprintKind = 'ClusterSupplyChain' | 'ClusterDelivery';
export type OwnerKind = 'Workload' | 'Deliverable';
export type Lifecycle = 'mutable' | 'immutable' | 'tekton';
export type JSONObject = Record<string, unknown>;

export interface Template {
  readonly kind: TemplateKind;
  readonly name: string;
  readonly doc: SourceDocument;
  /** `spec.template`: the object to stamp (exactly one of template/ytt is set when valid). */
  readonly template?: JSONObject;
  readonly ytt?: string;
  readonly params: readonly TemplateParam[];
  readonly urlPath?: string;
  readonly revisionPath?: string;
  readonly imagePath?: string;
  readonly configPath?: string;
  /** Unknown values count as mutable, as in the controller. */
  readonly lifecycle: Lifecycle;
  /** `spec.healthRule` as written (absent or null: none; tekton's default is applied by src/health). */
  readonly healthRule?: HealthRule;
  readonly observedMatches?: readonly { input: string; output: string }[];
  readonly observedCompletion?: {
    succeeded?: { key: string; value: string };
    failed?: { key: string; value: string };
  };
}

/**
 * A template's `spec.healthRule`, shaped like the controller's struct: each part set or not, in
 * the order the controller tries them (alwaysHealthy, singleConditionType, multiMatch). The
 * webhook wants exactly one; a rule with none or several is still evaluated in that order.
 */
export interface HealthRule {
  /** `alwaysHealthy` is present and not null (its content is ignored). */
  readonly alwaysHealthy: boolean;
  /** `""` when absent. */
  readonly singleConditionType: string;
  readonly multiMatch?: { readonly healthy: HealthMatchRule; readonly unhealthy: HealthMatchRule };
}

/** One side of a multiMatch rule: conditions of the object's status, and fields of the object. */
export interface HealthMatchRule {
  readonly matchConditions: readonly { readonly type: string; readonly status: string }[];
  readonly matchFields: readonly HealthFieldRequirement[];
}

export interface HealthFieldRequirement extends FieldSelectorRequirement {
  /** A JSONPath into the object whose value the condition's message quotes (`""` when absent). */
  readonly messagePath: string;
}

export interface TemplateParam {
  readonly name: string;
  readonly default: unknown;
}

/** A blueprint or resource param: `value` is protected from the owner, `default` is not. */
export interface BlueprintParam {
  readonly name: string;
  readonly value?: unknown;
  readonly default?: unknown;
  readonly hasValue: boolean;
  readonly hasDefault: boolean;
}

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[];
}

export interface FieldSelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[];
}

export interface Selector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly LabelSelectorRequirement[];
  readonly matchFields: readonly FieldSelectorRequirement[];
}

export interface TemplateOption {
  readonly name?: string;
  readonly passThrough?: string;
  readonly selector: Selector;
}

export interface InputRef {
  /** The input name the template sees (`$(sources.<name>.url)$`). */
  readonly name: string;
  /** The blueprint resource whose output feeds it. */
  readonly resource: string;
}

export interface Resource {
  readonly name: string;
  readonly templateRef: {
    readonly kind: string;
    readonly name?: string;
    readonly options?: readonly TemplateOption[];
  };
  readonly params: readonly BlueprintParam[];
  readonly sources: readonly InputRef[];
  readonly images: readonly InputRef[];
  readonly configs: readonly InputRef[];
  readonly deployment?: { readonly resource: string };
  /** Path of this resource inside the blueprint object, for pointing at it. */
  readonly path: readonly (string | number)[];
}

export interface Blueprint {
  readonly kind: BlueprintKind;
  readonly name: string;
  readonly doc: SourceDocument;
  readonly format: Format;
  readonly selector: Selector;
  readonly params: readonly BlueprintParam[];
  readonly resources: readonly Resource[];
}

export interface Owner {
  readonly kind: OwnerKind;
  readonly apiVersion: string;
  readonly name: string;
  /** The owner's namespace, defaulted (like kubectl) when the file has none. */
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly uid?: string;
  readonly doc: SourceDocument;
  /** The object as written (with the defaulted namespace filled in). */
  readonly object: JSONObject;
}

/** A Runnable: from the inputs, or stamped by a supply chain (then `stampedBy` says where). */
export interface Runnable {
  readonly kind: 'Runnable';
  readonly apiVersion: string;
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly uid?: string;
  /** Where to point diagnostics: the Runnable's file, or the template that stamped it. */
  readonly doc: SourceDocument;
  readonly object: JSONObject;
  readonly runTemplateName: string;
  readonly selector?: {
    readonly apiVersion: string;
    readonly kind: string;
    readonly matchingLabels: Readonly<Record<string, string>>;
  };
  readonly stampedBy?: { readonly owner: Owner; readonly resource: string };
}

export interface RunTemplate {
  readonly name: string;
  readonly doc: SourceDocument;
  readonly template?: JSONObject;
  readonly outputs: Readonly<Record<string, string>>;
}

/** Everything the inputs hold, indexed for the pipeline. */
export interface Catalog {
  /** Keyed by `Kind/name`. */
  readonly templates: ReadonlyMap<string, Template>;
  readonly blueprints: readonly Blueprint[];
  readonly owners: readonly Owner[];
  readonly runTemplates: ReadonlyMap<string, RunTemplate>;
  readonly runnables: readonly Runnable[];
  /** Every loaded object, in input order (Runnable selectors choose among them). */
  readonly documents: readonly SourceDocument[];
  /** Objects of kinds carto does not render from (Runnable selectors may match them). */
  readonly others: readonly SourceDocument[];
}

export function templateKey(kind: string, name: string): string {
  return `${kind}/${name}`;
}
