// review: carto diff's comparison of two renders (what a change to the inputs does to every owner).
export { compareRenders, type Review, type ObjectChange, type OwnerChange, type ChangeKind, type OwnerChangeKind } from './compare.js';
export { objectLabel, ownerKey, type ObjectId, type OwnerId } from './identity.js';
export type { TemplateChange } from './templates.js';
export type { StandIn } from './stand-ins.js';
