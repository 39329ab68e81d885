// The multi-line layout ytt's CLI gives the first line of an error chain ("Context: inner error"):
// a new, further indented line at each ": " before a capital letter. Kept free of the engine so
// that command-line flag errors can be laid out without loading it.

/** The complete stderr text ytt prints for an error whose Go text is `raw`. */
export function errorText(raw: string): string {
  return `ytt: Error: ${multiLineError(raw)}\n`;
}

interface Piece {
  value: string;
  open: string; // '' for text pieces and the root
  pieces: Piece[];
  leaf: boolean; // a raw `...| |...` container: brackets inside are text
  closed: boolean;
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * ytt prints `ytt: Error: ` + this: the first line of `raw` is split after each ": " that is
 * followed by a capital letter, outside brackets, each new line indented two spaces more; the other
 * lines are kept. (As in ytt, a closing bracket that closes nothing ends the first line there.)
 */
export function multiLineError(raw: string): string {
  const nl = raw.indexOf('\n');
  const first = nl < 0 ? raw : raw.slice(0, nl);
  if (!/: [A-Z]|[)\]}]/.test(first)) return raw;
  const root = parsePieces(first);
  for (const p of root.pieces) if (p.value.length > 0) p.value = p.value.replace(/: ([A-Z])/g, ':\n$1');
  const laid = asString(root)
    .split('\n')
    .map((chunk, i) => '  '.repeat(i) + chunk)
    .join('\n');
  return nl < 0 ? laid : laid + raw.slice(nl);
}

function parsePieces(s: string): Piece {
  const root: Piece = { value: '', open: '', pieces: [], leaf: false, closed: false };
  const stack: Piece[] = [root];
  const addText = (p: Piece, ch: string): void => {
    const last = p.pieces[p.pieces.length - 1];
    if (last && last.open === '' && !last.leaf) last.value += ch;
    else p.pieces.push({ value: ch, open: '', pieces: [], leaf: false, closed: false });
  };
  for (let i = 0; i < s.length; i++) {
    const top = stack[stack.length - 1];
    if (!top) break;
    const ch = s[i]!;
    if (!top.leaf) {
      if (ch === '(' || ch === '[' || ch === '{') {
        const piece: Piece = { value: '', open: ch, pieces: [], leaf: false, closed: false };
        top.pieces.push(piece);
        stack.push(piece);
        continue;
      }
      if (ch === ')' || ch === ']' || ch === '}') {
        top.closed = true;
        stack.pop();
        continue;
      }
    }
    if (i + 4 < s.length && s.startsWith('...|', i)) {
      const piece: Piece = { value: '', open: '', pieces: [], leaf: true, closed: false };
      addText(piece, ch);
      top.pieces.push(piece);
      stack.push(piece);
    } else if (i >= 3 && s.startsWith('|...', i - 3)) {
      addText(top, ch);
      top.closed = true;
      stack.pop();
    } else {
      addText(top, ch);
    }
  }
  return root;
}

function asString(p: Piece): string {
  if (p.value.length > 0) return p.value;
  let out = p.open;
  for (const c of p.pieces) out += asString(c);
  return p.closed ? out + (CLOSERS[p.open] ?? '') : out;
}
