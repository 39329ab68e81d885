// emit: stamped objects → YAML stream, JSON List, or one file per object.
export { formatYamlStream, formatJsonList } from './stream.js';
export { planDirectory, writeDirectory, safeName, type PlannedFile } from './directory.js';
export { sourceOf } from './source-comment.js';
export { formatReviewText, formatReviewStat, formatReviewJson, formatReviewMarkdown, reviewSummary, type DiffStyle } from './review.js';
