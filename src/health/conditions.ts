// The conditions of an object's `status.conditions`, read the way the controller reads them for a
// health rule: the whole list decoded into metav1.Conditions, so that one malformed entry (a
// number where a string belongs, a time that is not RFC 3339, an entry that is not a mapping)
// leaves the object with no conditions at all; of several with one type, the first counts.
import { decode, t } from '../gotypes/index.js';
import { GoStruct, type GoValue } from '../jsonpath/index.js';
import { condition } from '../model/go-types.js';
import type { JSONObject } from '../model/index.js';
import { isObject, own, setOwn } from '../util/objects.js';

export interface StatusCondition {
  type: string;
  status: string;
  message: string;
}

const conditionList = t.slice(condition);

export function statusConditions(object: JSONObject): StatusCondition[] {
  const status = own(object, 'status');
  const list = isObject(status) ? own(status, 'conditions') : undefined;
  if (!Array.isArray(list)) return [];
  // The object went through Go maps, so encoding/json met each entry's keys in sorted order
  // (which decides between `type` and `Type` when both are there).
  const decoded = decode(conditionList, list.map(sortedKeys));
  if (decoded.errors.length > 0 || !Array.isArray(decoded.value)) return [];
  return decoded.value.map((c) => ({ type: text(c, 'type'), status: text(c, 'status'), message: text(c, 'message') }));
}

export function conditionOfType(object: JSONObject, type: string): StatusCondition | undefined {
  return statusConditions(object).find((c) => c.type === type);
}

function sortedKeys(item: unknown): unknown {
  if (!isObject(item)) return item;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(item).sort()) setOwn(out, key, item[key]);
  return out;
}

function text(value: GoValue, name: string): string {
  const field = value instanceof GoStruct ? value.field(name)?.value : undefined;
  return typeof field === 'string' ? field : '';
}
