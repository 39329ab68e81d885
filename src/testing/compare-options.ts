// cartotest's compareOptions (spec §11.2, §11.3): what the comparison leaves out, and the
// shared-pointer quirk of their inheritance. A directory whose info.yaml sets compareOptions
// creates the object when it inherited none; when it inherited one, it changes that very object,
// which its parent, its siblings and their descendants share. Cases run after the whole tree is
// read, so such a change reaches every case sharing the object, whichever directory made it.
// Pure.
import type { CompareOptionsInfo } from './info.js';

export interface CompareOptions {
  ignoreMetadata: boolean;
  ignoreOwnerRefs: boolean;
  ignoreLabels: boolean;
  ignoreMetadataFields: string[];
  namedCMPOptionFuncs: string[];
}

/**
 * The one named comparison function cartotest knows. It makes int64 3 equal float64 3; carto
 * has one number type, so numbers always compare by value and naming it changes nothing.
 */
export const CONVERT_NUMBERS = 'ConvertNumbersToFloatsDuringComparison';

/** The compareOptions a directory ends up with: `inherited` (changed in place) or a new object. */
export function applyCompareOptions(inherited: CompareOptions | undefined, info: CompareOptionsInfo | undefined): CompareOptions | undefined {
  if (!info) return inherited;
  const target = inherited ?? { ignoreMetadata: false, ignoreOwnerRefs: false, ignoreLabels: false, ignoreMetadataFields: [], namedCMPOptionFuncs: [] };
  if (info.ignoreMetadata !== undefined) target.ignoreMetadata = info.ignoreMetadata;
  if (info.ignoreOwnerRefs !== undefined) target.ignoreOwnerRefs = info.ignoreOwnerRefs;
  if (info.ignoreLabels !== undefined) target.ignoreLabels = info.ignoreLabels;
  if (info.ignoreMetadataFields !== undefined) target.ignoreMetadataFields = [...info.ignoreMetadataFields];
  if (info.namedCMPOptionFuncs !== undefined) target.namedCMPOptionFuncs = [...info.namedCMPOptionFuncs];
  return target;
}

/** A named function cartotest does not know, or undefined. */
export function unknownCmpFunc(options: CompareOptions | undefined): string | undefined {
  return options?.namedCMPOptionFuncs.find((name) => name !== CONVERT_NUMBERS);
}

/**
 * Removes what the comparison ignores from both objects (changed in place), in cartotest's
 * order: status always; then labels, the whole metadata, ownerReferences and the named
 * metadata fields as configured.
 */
export function stripIgnored(expected: Record<string, unknown>, actual: Record<string, unknown>, options: CompareOptions | undefined): void {
  for (const object of [expected, actual]) {
    delete object['status'];
    if (!options) continue;
    if (options.ignoreLabels) {
      const meta = metadataOf(object);
      if (meta) delete meta['labels'];
    }
    if (options.ignoreMetadata) delete object['metadata'];
    const meta = metadataOf(object);
    if (!meta) continue;
    if (options.ignoreOwnerRefs) delete meta['ownerReferences'];
    for (const field of options.ignoreMetadataFields) delete meta[field];
  }
}

function metadataOf(object: Record<string, unknown>): Record<string, unknown> | undefined {
  const meta = Object.prototype.hasOwnProperty.call(object, 'metadata') ? object['metadata'] : undefined;
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? (meta as Record<string, unknown>) : undefined;
}
