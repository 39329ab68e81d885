// Reads one value by a template's JSONPath the way outputs are read: from the stamped object
// when the path resolves there, else from the observed live object, else nothing.
import { evaluateJsonPath } from '../eval/index.js';
import type { GoValue, JSONValue } from '../jsonpath/index.js';
import type { SourceDocument } from '../load/index.js';
import type { Format, JSONObject } from '../model/index.js';

export type Read =
  | { found: true; value: JSONValue; from: 'stamped' | 'observed'; origin?: string }
  | { found: false; /** The failure on the observed object, when there was one to read. */ observedError?: string };

export function readPath(path: string, stamped: JSONObject, observed: SourceDocument | undefined, semantics: Format): Read {
  const own = evaluateJsonPath(path, stamped as GoValue, semantics);
  if (own.ok) return { found: true, value: own.value, from: 'stamped' };
  if (!observed) return { found: false };
  const live = evaluateJsonPath(path, observed.value as GoValue, semantics);
  if (live.ok) return { found: true, value: live.value, from: 'observed', origin: `${observed.file}:${observed.line}` };
  return { found: false, observedError: live.message };
}
