// The select step of the walk, for render and lint alike: which semantics an owner is realized
// with, the owner as the controller's Go code sees it, the blueprint that selects it, and, per
// resource, the template (or option, or passThrough) it stamps with.
import type { GoValue } from '../jsonpath/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Blueprint, Format, Owner, Resource, TemplateOption } from '../model/index.js';
import { blueprintKindFor, chooseOption, selectBlueprint, type BlueprintSelection, type OptionChoice, type SelectorVerdict } from '../select/index.js';
import { typedOwner } from './typed-owner.js';

/** 0.0.6 semantics apply when every candidate blueprint is written in the 0.0.6 format. */
export function semanticsFor(owner: Owner, blueprints: readonly Blueprint[], requested: 'auto' | Format = 'auto'): Format {
  if (requested !== 'auto') return requested;
  const pool = blueprints.filter((b) => b.kind === blueprintKindFor(owner));
  return pool.length > 0 && pool.every((b) => b.format === '0.0.6') ? '0.0.6' : 'current';
}

export interface OwnerPlan {
  /** The owner as a Go value (with the stand-in uid, when given one). */
  typed: GoValue;
  /** Fields the API server would reject: the owner is not realized. */
  invalid: Diagnostic[];
  selection?: BlueprintSelection;
}

/**
 * The owner decoded, then the blueprint selected for it (not when it could not be decoded). The
 * controller writes the selected blueprint into the owner's status.supplyChainRef (deliveryRef)
 * before it realizes anything, and templates read the owner it holds: from there on, the owner
 * is decoded with that reference.
 */
export function planOwner(owner: Owner, blueprints: readonly Blueprint[], semantics: Format, standInUid?: string): OwnerPlan {
  const typed = typedOwner(owner, semantics, standInUid);
  if (typed.diagnostics.length > 0) return { typed: typed.value, invalid: typed.diagnostics };
  const selection = selectBlueprint(owner, blueprints, typed.value, semantics);
  if (!selection.ok || semantics !== 'current') return { typed: typed.value, invalid: [], selection };
  return { typed: typedOwner(owner, semantics, standInUid, selection.blueprint).value, invalid: [], selection };
}

export type TemplateChoice =
  | { ok: true; name: string; option?: TemplateOption; verdicts?: SelectorVerdict[] }
  | { ok: true; passThrough: string; option: TemplateOption; verdicts: SelectorVerdict[] }
  | { ok: false; choice: Extract<OptionChoice, { ok: false }> };

/** The template a resource stamps for this owner: its templateRef's name, or the option that matches best. */
export function chooseTemplate(resource: Resource, blueprint: Blueprint, owner: Owner, typed: GoValue, semantics: Format): TemplateChoice {
  const options = resource.templateRef.options;
  if (!options || options.length === 0) return { ok: true, name: resource.templateRef.name ?? '' };
  const choice = chooseOption(resource, blueprint, owner, typed, semantics);
  if (!choice.ok) return { ok: false, choice };
  if (choice.option.passThrough !== undefined) return { ok: true, passThrough: choice.option.passThrough, option: choice.option, verdicts: choice.verdicts };
  return { ok: true, name: choice.option.name ?? '', option: choice.option, verdicts: choice.verdicts };
}
