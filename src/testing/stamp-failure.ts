// A stamping failure as cartotest reports it: "could not stamp: " and the Stamper's error, with
// ytt's own text after it when ytt failed.
import type { JSONObject } from '../model/index.js';
import { stamperError, type StampFailure } from '../stamp/stamp.js';

export type CaseStamp = { ok: true; object: JSONObject } | { ok: false; message: string; detail?: string };

export function stampFailureText(failure: StampFailure): CaseStamp {
  const detail = failure.step === 'ytt' ? failure.ytt.detail : undefined;
  return { ok: false, message: `could not stamp: ${stamperError(failure).message}`, ...(detail ? { detail } : {}) };
}
