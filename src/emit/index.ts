// emit: stamped objects → YAML stream, JSON List, or one file per object; whole, or owner by owner.
export { formatYamlStream, formatJsonList, YAML_STREAM, JSON_LIST, type StreamFormat } from './stream.js';
export { planDirectory, writeDirectory, safeName, DirectoryPlan, DirectoryWriter, type PlannedFile } from './directory.js';
export { Spool, SPOOL_MEMORY } from './spool.js';
export { sourceOf } from './source-comment.js';
export { formatReviewText, formatReviewStat, formatReviewJson, formatReviewMarkdown, reviewSummary, type DiffStyle } from './review.js';
