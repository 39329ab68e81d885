// migrate: 0.0.6 blueprints rewritten in the current format, with what behaves differently (carto migrate).
export { migrate, fieldPath, type Migration, type MigrationNote, type Behaviour } from './migrate.js';
export { applyEdits, type Edit } from './edits.js';
