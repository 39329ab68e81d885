// The text kubectl's YAML parser actually sees. `kubectl apply -f` does not hand a file to go-yaml
// as it is: k8s.io/apimachinery's YAMLReader reads it line by line (bufio ReadLine, which drops
// "\n" and "\r\n") and writes every line back with "\n" — also the last one, so a file without a
// final newline gets one — and splits it into one chunk per document at the lines that start
// with `---` followed only by white space or a comment (anything else after `---` is refused:
// "invalid Yaml document separator"). Each chunk goes to sigs.k8s.io/yaml, i.e. its go-yaml v2
// fork, which reads the chunk's first document only (text after a `...` line is never parsed)
// and skips a byte order mark at the chunk's start. go-yaml itself takes a lone CR for a line
// break. kubectlText() applies all of that to a whole file, keeping every line where it was, so
// that both carto readers (the fast one and the `yaml` package) read what kubectl reads.
//
// ytt reads files differently (its go-yaml fork gets the file as it is): see src/yaml/README.md.
import { goYamlTabs } from './go-yaml-tabs.js';

export type KubectlText = { text: string; error?: undefined } | { error: { message: string; line: number; column: number } };

const SEPARATOR = /^---(?=[ \t]*(?:#|$))/;

/**
 * The text kubectl's YAML reader gives go-yaml, as one stream (see above). Documents stay on
 * the lines they had; only characters are dropped (CRs of line ends, byte order marks at a
 * document's start) or blanked (what follows a `...` line up to the next separator). An error
 * when a `---` line holds content, which kubectl refuses.
 */
export function kubectlText(input: string): KubectlText {
  let text = input.indexOf('\r') >= 0 ? input.replace(/\r\n?/g, '\n') : input;
  if (text.length > 0 && text.charCodeAt(text.length - 1) !== 0x0a) text += '\n';
  // Fast path: nothing else to do unless a line starts with `...` or a BOM, or holds `---` and more.
  if (!/^(?:\.\.\.|\ufeff|---[ \t]*[^\s#])/m.test(text)) return { text };
  const lines = text.split('\n');
  let chunkStart = true; // this line starts a chunk (a BOM at its very start is skipped)
  let ignored = false; // after a `...` line: kubectl never parses these lines
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest !== '' && !rest.startsWith('#')) {
        return { error: { message: `invalid Yaml document separator: ${rest}`, line: i + 1, column: 4 } };
      }
      if (SEPARATOR.test(line)) {
        chunkStart = true;
        ignored = false;
        continue;
      }
    }
    if (ignored) {
      lines[i] = line.replace(/[^\s]/g, ' ');
      continue;
    }
    if (chunkStart && line.charCodeAt(0) === 0xfeff) lines[i] = line = line.slice(1);
    chunkStart = false;
    if (/^\.\.\.(?:[ \t]|$)/.test(line)) ignored = true;
  }
  return { text: lines.join('\n') };
}

/**
 * kubectlText() followed by go-yaml's rules for tabs (goYamlTabs): the text both carto readers
 * should parse to read a manifest as kubectl does, or the error kubectl would give first.
 */
export function kubectlSource(input: string): KubectlText {
  const k = kubectlText(input);
  if (k.error) return k;
  const t = goYamlTabs(k.text);
  if (t.problem) return { error: t.problem };
  return { text: t.text };
}
