// select: which blueprint an owner gets, and which template option each resource uses.
export { selectBlueprint, blueprintKindFor, wording, goMap, noBlueprintMessage, type BlueprintSelection, type CandidateVerdict } from './blueprint.js';
export { chooseOption, optionLabel, type OptionChoice } from './options.js';
export { bestSelectorMatches, type SelectorVerdict, type BestMatch } from './best-match.js';
export { matchLabelSelector, labelKeyProblem, labelValueProblem, objectNameProblem, type SelectorSpot } from './labels.js';
export { matchFieldRequirement } from './fields.js';
export { resolveSelected, type Selected } from './selected.js';
