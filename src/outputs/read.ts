// Reads one value by a template's JSONPath the way outputs are read: from the stamped object
// when the path resolves there, else from the observed live object, else nothing.
import { evaluateJsonPath } from '../eval/index.js';
import type { GoValue, JSONValue } from '../jsonpath/index.js';
import type { SourceDocument } from '../load/index.js';
import type { Format, JSONObject } from '../model/index.js';

export type Read =
  | { found: true; value: JSONValue; from: 'stamped' | 'observed'; origin?: string }
  | {
      found: false;
      /** The path fails on the stamped object itself (does not parse, index out of range…):
       *  it would fail on the live object too. */
      error?: string;
      /** The failure on the observed object, when there was one to read. */
      observedError?: string;
      /** Found on neither, and no path error: the controller's words for a path that finds nothing. */
      missing?: string;
    };

export function readPath(path: string, stamped: JSONObject, observed: SourceDocument | undefined, semantics: Format): Read {
  // Missing keys are allowed on the stamped object whatever the semantics: it stands in for the
  // live one, and what it lacks (status) is looked for elsewhere, not an error.
  const own = evaluateJsonPath(path, stamped as GoValue, 'current');
  if (own.ok) return { found: true, value: own.value, from: 'stamped' };
  if (!own.missing) return { found: false, error: own.message };
  if (!observed) return { found: false, missing: own.message };
  const live = evaluateJsonPath(path, observed.value as GoValue, semantics);
  if (live.ok) return { found: true, value: live.value, from: 'observed', origin: `${observed.file}:${observed.line}` };
  return { found: false, observedError: live.message, ...(live.missing ? { missing: live.message } : {}) };
}
