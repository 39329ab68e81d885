// Breaks text into lines of at most `width` characters (`nextWidth` for the lines after the
// first) at spaces; a word longer than a line (a URL, a digest) is cut. Keeps graph labels narrow
// and terminal text within 80 columns.

export function wrap(text: string, width: number, nextWidth = width): string[] {
  const lines: string[] = [];
  const max = () => Math.max(lines.length === 0 ? width : nextWidth, 8);
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') {
      line = word;
    } else if (line.length + 1 + word.length <= max()) {
      line += ` ${word}`;
    } else {
      lines.push(line);
      line = word;
    }
    while (line.length > max()) {
      const cut = max();
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  lines.push(line);
  return lines;
}
