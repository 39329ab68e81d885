// The string and number formats the API server checks: int32/int64 ranges, RFC 3339 times,
// base64, resource quantities, and the common formats of CRD schemas. A format it does not know is
// not checked (as the API server ignores it). Each check answers the reason a value fails, or
// undefined.

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const QUANTITY_SUFFIX = /^(|[numkMGTPE]|[KMGTPE]i|[eE][-+]?[0-9]+)$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const RANGES: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** Why `value` does not have `format`, or undefined (also for a format not checked). */
export function formatProblem(format: string, value: unknown): string | undefined {
  // a CRD's format is untrusted text: only the table's own keys count, never Object.prototype's
  const range = Object.hasOwn(RANGES, format) ? RANGES[format] : undefined;
  if (range && typeof value === 'number') {
    return value < range[0] || value > range[1] ? `out of the range of ${format}` : undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (format === 'quantity') return isQuantity(value) ? undefined : 'not a quantity (a number with an optional suffix: 500m, 1.5, 2Gi)';
  const text = Object.hasOwn(TEXT_FORMATS, format) ? TEXT_FORMATS[format] : undefined;
  return text && !text[0].test(value) ? text[1] : undefined;
}

/** Formats of strings checked with a regular expression, and what a value that fails is not. */
const TEXT_FORMATS: Record<string, [RegExp, string]> = {
  'date-time': [DATE_TIME, 'not an RFC 3339 date-time (2006-01-02T15:04:05Z)'],
  date: [DATE, 'not a date (2006-01-02)'],
  byte: [BASE64, 'not base64'],
  uuid: [UUID, 'not a UUID'],
  ipv4: [IPV4, 'not an IPv4 address'],
  hostname: [HOSTNAME, 'not a hostname'],
};

/** resource.Quantity's syntax: a signed decimal, then a binary or decimal suffix or an exponent. */
export function isQuantity(text: string): boolean {
  const m = QUANTITY.exec(text);
  if (!m) return false;
  const number = m[1] as string;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(number) && QUANTITY_SUFFIX.test(m[2] as string);
}

/** What the API server's decoder says of a value a format refuses (built-in kinds). */
export function formatDecodeError(format: string, value: unknown): string {
  if (format === 'quantity') return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  if (format === 'date-time') return `parsing time ${JSON.stringify(JSON.stringify(value))} as "\\"2006-01-02T15:04:05Z07:00\\"": cannot parse ${JSON.stringify(String(value))} as "2006"`;
  if (format === 'byte') return 'illegal base64 data';
  return `invalid ${format}: ${JSON.stringify(value)}`;
}
