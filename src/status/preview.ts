// An output as an owner's status shows it: `preview`, the value as gopkg.in/yaml.v3 writes it,
// cut to its first 1024 bytes, and `digest`, the SHA-256 of that whole YAML text. Numbers in
// the value are Go float64s (how the controller decoded the stamped object, and supplied
// values), so 1234567 previews as 1.234567e+06; numbers read from a live object (--observed) are
// the API server's integers where integral.
import type { JSONValue } from '../jsonpath/index.js';
import type { OutputValue } from '../outputs/index.js';
import { sha256Hex } from '../util/digest.js';
import { setOwn } from '../util/objects.js';
import { emitYaml, inGoYamlKeyOrder, YamlFloat } from '../yaml/index.js';

/** The controller's limit on a preview, in bytes (k8s.io/utils strings.ShortenString). */
const PREVIEW_BYTES = 1024;

export interface OutputStatus {
  name: string;
  preview: string;
  digest: string;
}

export function outputStatus(output: OutputValue): OutputStatus {
  const text = emitYaml(inGoYamlKeyOrder(goNumbers(output.value, output.provenance !== 'observed')), { goYaml: 'v3' });
  return { name: output.field, preview: firstBytes(text, PREVIEW_BYTES), digest: `sha256:${sha256Hex(text)}` };
}

/** Every number as a float64, or (from a live object) integral ones as integers. */
function goNumbers(value: JSONValue, floats: boolean): unknown {
  if (typeof value === 'number') return floats || !Number.isInteger(value) ? new YamlFloat(value) : value;
  if (Array.isArray(value)) return value.map((v) => goNumbers(v, floats));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, goNumbers(v, floats));
    return out;
  }
  return value;
}

/**
 * The first `limit` bytes of the UTF-8 text. A character cut in two leaves bytes that are not
 * UTF-8; written as JSON, each becomes U+FFFD, one per byte, as Go's encoder does.
 */
export function firstBytes(text: string, limit: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return text;
  const cut = bytes.subarray(0, limit);
  // The start of the last character: a lead byte (not 10xxxxxx) at most 3 bytes back.
  let start = cut.length - 1;
  while (start > 0 && start > cut.length - 4 && ((cut[start] as number) & 0xc0) === 0x80) start--;
  const lead = cut[start] as number;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  const whole = cut.length - start >= need ? cut.length : start;
  return cut.subarray(0, whole).toString('utf8') + '\ufffd'.repeat(cut.length - whole);
}
