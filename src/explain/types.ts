// The shape of an explanation: what `carto explain --format json` prints (JSON.stringify of an
// Explanation) and what its text is written from. Version 1; documented in the README
// ("Explaining a render"). Every field of the first version is always present: absent things are
// null or []. Fields added since are optional (`?`): absent when there is nothing to say, so a
// reader written for the first version reads them all. Only removing, renaming or retyping a
// field makes a new version.
import type { Provenance } from '../outputs/index.js';
import type { ParamLevel } from '../stamp/params.js';
import type { InputType } from '../chain/index.js';

export interface Explanation {
  version: 1;
  owner: {
    kind: 'Workload' | 'Deliverable';
    namespace: string;
    name: string;
    labels: Record<string, string>;
    file: string;
    line: number;
  };
  /** The controller reproduced: `current` (v0.8) or `0.0.6`. */
  semantics: 'current' | '0.0.6';
  /** True when the owner renders without errors. */
  ok: boolean;
  selection: Selection;
  /** Every resource of the chosen blueprint, in blueprint order ([] when none was chosen). */
  resources: ResourceExplanation[];
  /** Mocked outputs that reached a stamped object, and the resources that took them. */
  mocks: MockExplanation[];
  /** Everything render reported (errors, warnings, notes), as on stderr. */
  diagnostics: DiagnosticExplanation[];
  /** The owner's Ready condition as `carto status` reports it: without mocks, so what only a live
   *  cluster knows stays unknown. Absent when not computed (0.0.6 semantics, --missing-templates mock). */
  readiness?: ReadinessExplanation;
}

export interface ReadinessExplanation {
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  /** Each resource's verdict in that status (`blocked`: held back only by the resources in
   *  `waitingFor`), with its Ready condition's reason. */
  resources?: ReadonlyArray<{ name: string; verdict: 'ready' | 'waiting' | 'failed' | 'blocked'; reason: string; waitingFor: readonly string[] }>;
}

/** A resource's `Healthy` condition (its template's health rule on the stamped or live object). */
export interface HealthExplanation {
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  /** Unknown only because no live object was given: render took it as healthy. */
  assumed: boolean;
}

export interface Selection {
  /** `ClusterSupplyChain` for a Workload, `ClusterDelivery` for a Deliverable. */
  kind: 'ClusterSupplyChain' | 'ClusterDelivery';
  /** `chosen`, or why none was: the render's error code. */
  outcome: 'chosen' | 'owner-labels-missing' | 'no-blueprint-match' | 'blueprint-tie' | 'invalid-selector' | 'not-evaluated';
  /** The controller's own message when none was chosen. */
  message: string | null;
  chosen: { name: string; file: string; line: number } | null;
  /** Every blueprint of that kind in the inputs, in input order. */
  candidates: CandidateExplanation[];
}

/** How one selector (a blueprint's, or a template option's) fared against the owner. */
export interface Verdict {
  /** `app=web, tier In [a, b], field spec.source.git Exists`. */
  selector: string;
  /** Every term of the selector holds. */
  matched: boolean;
  /** Its number of terms, when it matched: the most specific (highest) wins. */
  score: number | null;
  chosen: boolean;
  /** Why it was chosen or lost: the term that failed, or the better match. */
  reason: string;
}

export interface CandidateExplanation extends Verdict {
  name: string;
  file: string;
  line: number;
}

export interface OptionExplanation extends Verdict {
  /** The template's name; null for a passThrough option. */
  name: string | null;
  /** The input a passThrough option hands on; null otherwise. */
  passThrough: string | null;
}

export interface ResourceExplanation {
  name: string;
  /** `not-reached`: Cartographer 0.0.6 stopped at an earlier failure, or nothing was realized. */
  status: 'stamped' | 'passed-through' | 'template-missing' | 'failed' | 'not-reached';
  /** `templateRef.kind`. */
  templateKind: string;
  /** The template used (after choosing an option); null for a passThrough or when none was. */
  template: { name: string; file: string; line: number } | null;
  /** null when the resource names its template directly. */
  options: OptionExplanation[] | null;
  passThrough: string | null;
  params: ParamExplanation[];
  inputs: InputExplanation[];
  object: { apiVersion: string | null; kind: string | null; namespace: string | null; name: string | null; generateName: string | null } | null;
  outputs: OutputExplanation[];
  /** Absent when nothing was stamped (or under 0.0.6 semantics, which has no health). */
  health?: HealthExplanation;
}

export interface ParamExplanation {
  name: string;
  /** The value the template sees (`$(params.<name>)$`). */
  value: unknown;
  /** Where it came from: `template` (the template's default), `blueprint`, `resource`, `owner`. */
  level: ParamLevel;
  /** Set with `value` in the blueprint or resource: the owner cannot override it. */
  protected: boolean;
  /** Every level that sets the param, lowest first, including the one that won. */
  setAt: Array<{ level: ParamLevel; value: unknown; protected: boolean }>;
}

export interface InputExplanation {
  type: InputType;
  /** The name the template sees it by (`$(sources.<name>.url)$`); `deployment` for a deployment. */
  name: string;
  /** The resource whose output feeds it. */
  resource: string;
  available: boolean;
  /** Why it has no value: `failed`, `no-output`, `not-ready`, `unhealthy`, `unknown-resource`, `later-resource`. */
  reason: string | null;
  /** Where the values it carries came from, distinct, in field order. */
  provenance: Provenance[];
}

export interface OutputExplanation {
  field: 'url' | 'revision' | 'image' | 'config';
  value: unknown;
  /** `supplied` (--outputs, --set-output), `stamped` (read from the stamped object), `observed`
   *  (read from a live object given with --observed) or `mock`. */
  provenance: Provenance;
  /** The resource that produced it: another one when this resource passes it through. */
  resource: string;
  /** The template's path for it (`.status.artifact.url`). */
  path: string | null;
  /** `file:line` of a supplied or observed value, or `--set-output`. */
  origin: string | null;
}

export interface MockExplanation {
  resource: string;
  field: 'url' | 'revision' | 'image' | 'config';
  value: unknown;
  path: string | null;
  usedBy: string[];
}

export interface DiagnosticExplanation {
  severity: 'error' | 'warning' | 'note';
  code: string;
  message: string;
  file: string | null;
  line: number | null;
  resource: string | null;
  hint: string | null;
  /** What the controller (the API server, a webhook) would say, in its own words, when it says something else. Added to version 1. */
  controllerMessage?: string;
}
