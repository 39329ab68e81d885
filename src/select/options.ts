// Chooses among a resource's templateRef.options the way the controller does: the most
// specific option whose selector matches the owner; none or a tie is an error.
import type { GoValue } from '../jsonpath/index.js';
import type { Blueprint, Format, Owner, Resource, TemplateOption } from '../model/index.js';
import { bestSelectorMatches, type SelectorVerdict } from './best-match.js';
import type { SelectorSpot } from './labels.js';

export type OptionChoice =
  | { ok: true; option: TemplateOption; verdicts: SelectorVerdict[] }
  | { ok: false; code: 'option-match' | 'option-error'; message: string; verdicts: SelectorVerdict[]; at?: { option: number; spot: SelectorSpot } };

export function chooseOption(
  resource: Resource,
  blueprint: Blueprint,
  owner: Owner,
  typedOwner: GoValue,
  semantics: Format,
): OptionChoice {
  const options = resource.templateRef.options ?? [];
  const result = bestSelectorMatches(options.map((o) => o.selector), owner.labels, typedOwner, semantics);
  if (!result.ok) {
    const option = options[result.index] as TemplateOption;
    return {
      ok: false,
      code: 'option-error',
      // The controller names the option by its `name`, which a passThrough option does not have.
      message: `error matching against template option [${option.name ?? ''}] for resource [${resource.name}] in supply chain [${blueprint.name}]: ${result.message}`,
      verdicts: [],
      at: { option: result.index, spot: result.at },
    };
  }
  if (result.best.length !== 1) {
    const names = result.best.map((i) => (options[i] as TemplateOption).name ?? '');
    const list = names.length > 0 ? ` [${names.join(', ')}]` : '';
    return {
      ok: false,
      code: 'option-match',
      message: `expected exactly 1 option to match, found [${names.length}] matching options${list} for resource [${resource.name}] in supply chain [${blueprint.name}]`,
      verdicts: result.verdicts,
    };
  }
  return { ok: true, option: options[result.best[0] as number] as TemplateOption, verdicts: result.verdicts };
}

/** How messages, graphs and explanations name an option: its template, or `passThrough INPUT`. */
export function optionLabel(option: Pick<TemplateOption, 'name' | 'passThrough'>): string {
  if (option.passThrough !== undefined) return `passThrough ${option.passThrough}`;
  return option.name ?? '(no name)';
}
