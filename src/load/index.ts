// load: files, directories and stdin → documents that know their file and line. Generic: the
// caller says which objects are limited, which files may be set aside, which directories are not inputs.
export { parseText, parseValue, parseDocumentValues, isPlainObject, type SourceDocument, type ParsedText, type TemplateOrigin } from './documents.js';
export { readInputs, expandPaths, type ReadOptions, type InputsRead } from './read.js';
export { type SetAsidePolicy, type SetAside } from './set-aside.js';
export { locate, locateBodyLine, keySpan, type Position } from './locate.js';
export { MANIFEST } from './ytt-package.js';
export { isDeferredDocument, headOf } from './deferred.js';
export { ignoredPaths, readRevision, workTreeFiles, type RevisionTree } from './git.js';
