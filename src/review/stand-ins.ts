// Which new values of a changed object are stand-ins: render hands a resource a mocked output when
// the output's path finds nothing on any object it was given (the stamped one, a live one from
// --observed), and the objects stamped from it carry that mock. On a cluster the controller would
// not stamp them with it: it waits for the output. A changed field whose new value holds a mock
// the resource took (the realization core's record of what it used) is marked, so that a reviewer
// does not take it for what the change will apply.
import { same } from '../diff/index.js';
import type { JSONValue } from '../jsonpath/index.js';
import { mockedOutputsUsed, type OwnerReport } from '../realize/index.js';
import type { FieldChange } from '../diff/index.js';

/** The output a new value stands in for. */
export interface StandIn {
  /** The resource whose output it is. */
  resource: string;
  output: string;
  /** The output's path, which found nothing. */
  path?: string;
}

/** The fields of a change, each with the output its new value stands in for, if any. */
export function withStandIns<F extends FieldChange>(fields: readonly F[], resource: string, report: OwnerReport | undefined): Array<F & { standIn?: StandIn }> {
  const mocks = report ? mockedOutputsUsed(report).filter((m) => m.users.includes(resource)).flatMap((m) => m.values) : [];
  if (mocks.length === 0) return [...fields];
  return fields.map((f) => {
    if (f.new === undefined) return f;
    const mock = mocks.find((m) => holds(f.new, m.value));
    return mock ? { ...f, standIn: { resource: mock.resource, output: mock.field, ...(mock.path ? { path: mock.path } : {}) } } : f;
  });
}

/**
 * Whether the value is the mock, or has it inside (a string that embeds a mocked url or image).
 * Only a mock's own marked text (src/outputs/mock.ts: under mock.invalid, or starting mock-) is looked for
 * inside strings: a config mock copied from the stamped object's spec can be any short text ("1",
 * "true"), which would mark every new value that happens to contain it.
 */
export function holds(value: unknown, mock: JSONValue): boolean {
  if (same(value, mock)) return true;
  if (typeof value === 'string') return typeof mock === 'string' && MARKED.test(mock) && value.includes(mock);
  if (Array.isArray(value)) return value.some((v) => holds(v, mock));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => holds(v, mock));
  return false;
}

const MARKED = /mock\.invalid|^mock-/;
