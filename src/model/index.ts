// model: loaded documents → typed carto.run objects (the 0.0.6 format normalised on the way in).
export * from './types.js';
export { buildCatalog, ownerRefOf, ownerShardKey, type CatalogOptions } from './catalog.js';
export { namespaceOf } from './owner.js';
export { formatPath, schemaTypeOf, wrongTypeSentence, type Path, type SchemaType } from './fields.js';
export { isTemplateKind, TEMPLATE_KINDS } from './template.js';
export { paramValueHint, requiredFieldSentence, unknownFieldHint, unknownFieldSentence } from './owner-schema.js';
export { OWNER_KINDS, CARTOGRAPHER_INPUTS, holdsCartographerObject, isDeferrableOwner } from './inputs.js';
export { noOwnersWarning } from './no-owners.js';
export { CARTO_KINDS, CARTO_VERSION, cartoKindProblem, type KindProblem } from './kinds.js';
export { guessPlural, qualifiedResource } from './resource-name.js';
