// What the realization core found, per owner and per resource: the library API's result types,
// rich enough for render, `carto explain`, `carto graph` and lint to read instead of re-deriving:
// the template or option chosen and why, inputs, params with their origin, the stamped object or
// a structured failure, and outputs with their provenance.
import type { ResourceInputs } from '../chain/index.js';
import type { Blueprint, Format, JSONObject, Owner, Resource, Runnable, RunTemplate, Template, TemplateOption } from '../model/index.js';
import type { JSONValue } from '../jsonpath/index.js';
import type { OutputValue, Provenance } from '../outputs/index.js';
import type { BlueprintSelection, OptionChoice, Selected, SelectorVerdict } from '../select/index.js';
import type { ParamValue } from '../stamp/params.js';
import type { StampFailure } from '../stamp/stamp.js';
import type { NotReadyKind, OutputMissing, OutputPathError } from '../outputs/index.js';
import type { SourceDocument } from '../load/index.js';
import type { DuplicateResource, MissingRef } from './blueprint-checks.js';
import type { HealthCondition } from '../health/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Why a Runnable stamped nothing: the step that failed, with what it knew. */
export type RunnableFailure =
  | { step: 'run-template-not-found' }
  | { step: 'invalid-fields'; errors: ReadonlyArray<{ path: string; message: string }> }
  | { step: 'selector'; selected: Extract<Selected, { ok: false }> }
  | { step: 'stamp'; failure: StampFailure };

/** Why a resource has no output: the step that failed, with what it knew. */
export type ResourceFailure =
  | { step: 'option'; choice: Extract<OptionChoice, { ok: false }> }
  | { step: 'pass-through'; input: string; error: string }
  /** A ClusterDeploymentTemplate (stamped or absent) without a deployment input to pass on. */
  | { step: 'deployment-input'; error: string }
  | { step: 'stamp'; failure: StampFailure }
  | { step: 'output-path'; error: OutputPathError }
  /** Without mocks: an output is on no object given (the controller waits for it). */
  | { step: 'output-missing'; missing: OutputMissing }
  /** Without mocks: an immutable or tekton ClusterDeploymentTemplate's object is not known
   *  healthy, so the controller judges its deployment on no object at all (an output error). */
  | { step: 'no-healthy-object' }
  /** The API server refuses the stamped object (status, with an admission check): it is not
   *  applied, so the controller has no stamped object and no outputs for the resource. */
  | { step: 'apply'; refused: Refused };

/** What an admission check (RealizeOptions.admit) says of one stamped object before it is applied. */
export interface Admission {
  /** The API server refuses it: its words, and the diagnostics saying why, where the fix is. */
  refused?: Refused;
  /** It is applied, but the API server stores it without some fields (unknown ones, dropped
   *  with a warning): the object as stored, which outputs and health rules read. */
  stored?: JSONObject;
  /** Why it is stored so: the fields dropped, each with its warning (where the template writes it).
   *  With `refused`: the fields it would drop once the rest is fixed (no warning: it is refused). */
  dropped?: DroppedField[];
}

/** A field of a stamped object the API server drops (unknown to its schema): it is not on the cluster. */
export interface DroppedField {
  /** Its path in the object: `spec.template.spec.containers[0].resoruces`. */
  field: string;
  /** The declared field it most likely meant. */
  suggestion?: string;
  diagnostic: Diagnostic;
}

export interface Refused {
  /** The object as stamped (never applied). */
  object: JSONObject;
  /** The API server's error: `ConfigMap "orders_config" is invalid: metadata.name: Invalid value: …`. */
  apiServer: string;
  /** Why, in the API server's order: the first is the one its error names. */
  diagnostics: Diagnostic[];
  /** The first is a value that does not decode: the API server stops there, and names none of the others. */
  undecodable?: boolean;
}

/** Judges a stamped object as the API server would on create (src/validate's admission). */
export type Admit = (stamped: BlueprintStamped, entry: ResourceReport) => Admission;

/** An object stamped for a blueprint resource, or by a Runnable from its ClusterRunTemplate. */
export type StampedObject = BlueprintStamped | RunnableStamped;

export interface BlueprintStamped {
  via: 'blueprint';
  object: JSONObject;
  owner: Owner;
  blueprint: Blueprint;
  resource: Resource;
  template: Template;
}

export interface RunnableStamped {
  via: 'runnable';
  object: JSONObject;
  /** The Runnable; `runnable.stampedBy` is set when a supply chain stamped it (--expand-runnables). */
  runnable: Runnable;
  runTemplate: RunTemplate;
}

export interface RunnableReport {
  runnable: Runnable;
  runTemplate?: RunTemplate;
  /** The object `spec.selector` chose (`$(selected)$`), or null without a selector. */
  selected?: JSONObject | null;
  object?: JSONObject;
  outputs: Array<{ name: string; value: JSONValue; provenance: Provenance; path: string; origin?: string }>;
  failed: boolean;
  /** What failed, when `failed`. */
  failure?: RunnableFailure;
  /** The stand-in uid of a Runnable that has none, when its ClusterRunTemplate read it. */
  mockedUid?: string;
}

export interface ResourceReport {
  resource: Resource;
  /** The template used (after choosing among options); absent for a passThrough. */
  template?: Template;
  /** The option chosen, when the resource has options, and how every option fared. */
  option?: TemplateOption;
  optionVerdicts?: SelectorVerdict[];
  passThrough?: string;
  params?: ReadonlyMap<string, ParamValue>;
  inputs?: ResourceInputs;
  object?: JSONObject;
  outputs: OutputValue[];
  failed: boolean;
  /** What failed, when `failed`. */
  failure?: ResourceFailure;
  /** The template failed (ytt, a placeholder, the stamper) on an error these mocked values may
   *  have caused: the ones its error names. */
  mocksInvolved?: OutputValue[];
  /** With --missing-templates mock: the template the resource names is not in the inputs, so
   *  it stamps nothing and its outputs are mocks. */
  missingTemplate?: { kind: string; name: string };
  /** The resource's `Healthy` condition as the controller writes it: the template's health rule
   *  on the stamped object (with its live object's status, from --observed), or without a rule
   *  what its outputs say (a mocked output is not one the controller would have). Set wherever
   *  the controller writes one: whenever the template was found, stamped or not; absent for a
   *  passThrough, a template not in the inputs, or an option that could not be chosen. */
  health?: HealthCondition;
  /** A ClusterDeploymentTemplate's object that is not ready (its outputs are not passed on yet). */
  notReady?: { kind: NotReadyKind; reason: string; expression?: string };
  /** Render took an immutable or tekton resource's object as healthy, and read its outputs,
   *  though `health` is Unknown: only because no live object was given (--observed), as the
   *  stamped object has no status to judge. `carto status`, which uses no mocks, reads Unknown
   *  as not healthy: the controller hands on no outputs until the rule says True. */
  healthAssumed?: boolean;
  /** The fields of its object the API server drops (status, with an admission check): the
   *  object on the cluster lacks them. */
  dropped?: DroppedField[];
  /** The live object given with --observed that stands for the stamped one: its status (and,
   *  for generateName, its name) is what the health rule and status paths read. */
  live?: SourceDocument;
}

export interface OwnerReport {
  owner: Owner;
  semantics: Format;
  selection?: BlueprintSelection;
  blueprint?: Blueprint;
  resources: ResourceReport[];
  /** Runnables this owner's supply chain stamped, rendered with --expand-runnables. */
  runnables: RunnableReport[];
  /** The stand-in uid of an owner that has none, and the resources whose templates read it. */
  mockedUid?: { value: string; users: string[] };
  /** With --missing-templates mock: the templates the blueprint names that are not in the inputs. */
  missingTemplates?: ReadonlyArray<{ kind: string; name: string; resource: Resource }>;
  /** The templates the blueprint names that are not in the inputs, when that stopped the walk
   *  (the controller's TemplatesNotFound: the blueprint is not ready). */
  templatesNotFound?: readonly MissingRef[];
  /** Resources named twice: the webhook refuses the blueprint, so nothing was realized. */
  duplicateResources?: readonly DuplicateResource[];
}
