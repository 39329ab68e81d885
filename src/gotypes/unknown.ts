// The fields of a JSON value that a Go type does not define, matched by their exact JSON names
// (as a structural schema prunes them, not as encoding/json's case-insensitive fallback matches),
// each with the names that were defined beside it, so that a caller can say which was meant.
import { isObject, own } from '../util/objects.js';
import type { GoType } from './types.js';

export interface UnknownField {
  /** Where the field is: keys and list indexes from the value's root. */
  readonly path: readonly (string | number)[];
  /** The JSON names the struct that holds it does define. */
  readonly known: readonly string[];
}

/**
 * Every field of `value` that `type` has no field for, in document order. Where the value does
 * not have the type's shape (a string where a struct belongs) nothing is looked for: that is a
 * type error, for whoever checks types.
 */
export function unknownFields(type: GoType, value: unknown, path: readonly (string | number)[] = []): UnknownField[] {
  switch (type.kind) {
    case 'pointer':
      return unknownFields(type.elem, value, path);
    case 'slice':
      return Array.isArray(value) ? value.flatMap((item, i) => unknownFields(type.elem, item, [...path, i])) : [];
    case 'map':
      return isObject(value) ? Object.keys(value).flatMap((k) => unknownFields(type.elem, own(value, k), [...path, k])) : [];
    case 'struct': {
      if (!isObject(value)) return [];
      const known = type.fields.map((f) => f.name);
      return Object.keys(value).flatMap((k) => {
        const field = type.fields.find((f) => f.name === k);
        return field ? unknownFields(field.type, own(value, k), [...path, k]) : [{ path: [...path, k], known }];
      });
    }
    default:
      return [];
  }
}
