// kubectl reads a file whose first non-blank character is `{` as a stream of JSON objects, not as
// YAML; JSON has no trailing commas, so `{"name": "w",}` is refused there, while a YAML parser
// (JSON being YAML) would take it. This finds the first trailing comma of such a file, so carto
// refuses what kubectl refuses, at the same place.

export interface TrailingComma {
  /** 1-based line and column of the `}` or `]` after the comma. */
  line: number;
  column: number;
  /** kubectl's message (encoding/json's, with its byte offset into the file). */
  kubectlMessage: string;
  closer: '}' | ']';
}

/** The first trailing comma of a text kubectl would read as JSON, or undefined. */
export function findTrailingComma(text: string): TrailingComma | undefined {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '{') return undefined;
  let inString = false;
  let comma = -1;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      comma = -1;
    } else if (c === ',') {
      comma = i;
    } else if (c === '}' || c === ']') {
      if (comma >= 0) return at(text, i, c);
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      comma = -1;
    }
  }
  return undefined;
}

function at(text: string, index: number, closer: '}' | ']'): TrailingComma {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  // encoding/json counts bytes read, the offending one included.
  const offset = Buffer.byteLength(before, 'utf8') + 1;
  const expected = closer === '}' ? 'beginning of object key string' : 'beginning of value';
  return { line, column, closer, kubectlMessage: `json: offset ${offset}: invalid character '${closer}' looking for ${expected}` };
}
