// What rendering produced, per owner and per resource: the library API's result types, rich
// enough for `carto explain` and `carto graph` to tell where everything came from.
import type { ResourceInputs } from '../chain/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Blueprint, Format, JSONObject, Owner, Resource, Runnable, RunTemplate, Template, TemplateOption } from '../model/index.js';
import type { JSONValue } from '../jsonpath/index.js';
import type { OutputValue, Provenance } from '../outputs/index.js';
import type { BlueprintSelection, SelectorVerdict } from '../select/index.js';
import type { ParamValue } from '../stamp/params.js';

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
  /** The template failed (ytt, a placeholder, the stamper) on an error these mocked values may
   *  have caused: the ones its error names. */
  mocksInvolved?: OutputValue[];
  /** With --missing-templates mock: the template the resource names is not in the inputs, so
   *  it stamps nothing and its outputs are mocks. */
  missingTemplate?: { kind: string; name: string };
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
}

export interface RenderResult {
  /** True when nothing is an error: the objects are exactly what the controller would stamp. */
  ok: boolean;
  /** Stamped objects in output order (owners by namespace/name, then blueprint order). */
  objects: StampedObject[];
  diagnostics: Diagnostic[];
  owners: OwnerReport[];
  /** Runnables from the inputs. */
  runnables: RunnableReport[];
}
