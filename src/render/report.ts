// What rendering produced, per owner and per resource: the library API's result types, rich
// enough for `carto explain` and `carto graph` to tell where everything came from.
import type { ResourceInputs } from '../chain/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Blueprint, Format, JSONObject, Owner, Resource, Template, TemplateOption } from '../model/index.js';
import type { OutputValue } from '../outputs/index.js';
import type { BlueprintSelection, SelectorVerdict } from '../select/index.js';
import type { ParamValue } from '../stamp/params.js';

export interface StampedObject {
  object: JSONObject;
  owner: Owner;
  blueprint: Blueprint;
  resource: Resource;
  template: Template;
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
}

export interface OwnerReport {
  owner: Owner;
  semantics: Format;
  selection?: BlueprintSelection;
  blueprint?: Blueprint;
  resources: ResourceReport[];
}

export interface RenderResult {
  /** True when nothing is an error: the objects are exactly what the controller would stamp. */
  ok: boolean;
  /** Stamped objects in output order (owners by namespace/name, then blueprint order). */
  objects: StampedObject[];
  diagnostics: Diagnostic[];
  owners: OwnerReport[];
}
