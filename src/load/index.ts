// load: files, directories and stdin → documents that know their file and line.
export { parseText, parseValue, parseDocumentValues, isPlainObject, type SourceDocument, type ParsedText, type TemplateOrigin } from './documents.js';
export { readInputs, expandPaths, type ReadOptions } from './read.js';
export { locate, locateBodyLine, type Position } from './locate.js';
export { MANIFEST } from './ytt-package.js';
