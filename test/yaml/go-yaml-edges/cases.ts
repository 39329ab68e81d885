// The edge cases of test/yaml/go-yaml-edges: YAML text at the edges real files have (end of file,
// comments around block scalars, CRLF, tabs, BOMs, comment-only documents). The recorder (see
// tools.ts) runs each through the real ytt and the real kubectl and writes their answers to
// recorded.json, which is all the tests need. Each case is a small manifest stream so that kubectl can read it too;
// `kubectl: false` marks texts that are not objects (ytt reads them; kubectl has nothing to say).

export interface EdgeCase {
  name: string;
  /** What the case shows. */
  about: string;
  text: string;
  /** false: not a manifest, only ytt reads it. */
  kubectl: boolean;
}

/** A ConfigMap whose `data:` mapping is `body` (indented by two already). */
const cm = (body: string): string => ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', 'data:', ''].join('\n') + body;

const crlf = (s: string): string => s.replace(/\n/g, '\r\n');

const table: [string, string, string, { kubectl: false }?][] = [
  // --- end of file without a final newline, after each kind of scalar
  ['eof-literal', '`|` last, no final newline', cm('  a: |\n    line1\n    line2')],
  ['eof-literal-newline', '`|` last, with the final newline', cm('  a: |\n    line1\n    line2\n')],
  ['eof-literal-strip', '`|-` last, no final newline', cm('  a: |-\n    line1\n    line2')],
  ['eof-literal-keep', '`|+` last, no final newline', cm('  a: |+\n    line1\n    line2')],
  ['eof-literal-keep-blank', '`|+` last, blank lines kept', cm('  a: |+\n    line1\n\n\n')],
  ['eof-literal-keep-blank-spaces', '`|+` last, then an indented blank line without newline', cm('  a: |+\n    line1\n\n    ')],
  ['eof-folded', '`>` last, no final newline', cm('  a: >\n    line1\n    line2')],
  ['eof-folded-strip', '`>-` last, no final newline', cm('  a: >-\n    line1\n    line2')],
  ['eof-folded-more-indented', '`>` last with a more-indented last line', cm('  a: >\n    line1\n      line2')],
  ['eof-literal-indicator', '`|2` last, no final newline', cm('  a: |2\n     line1\n    line2')],
  ['eof-literal-empty', '`|` with no content at the end', cm('  a: |')],
  ['eof-literal-empty-newline', '`|` with no content, then a newline', cm('  a: |\n')],
  ['eof-literal-blank-lines', '`|` then blank lines at the end', cm('  a: |\n    line1\n\n\n')],
  ['eof-literal-trailing-spaces', '`|` whose last line ends in spaces, no newline', cm('  a: |\n    line1\n    line2  ')],
  ['eof-literal-spaces-line', '`|` then a less-indented line of spaces without newline', cm('  a: |\n    line1\n  ')],
  ['eof-literal-more-spaces-line', '`|` then a more-indented line of spaces without newline', cm('  a: |\n    line1\n      ')],
  ['eof-literal-comment', '`|` then a comment line last, no newline', cm('  a: |\n    line1\n# end')],
  ['eof-literal-comment-newline', '`|` then a comment line and a newline', cm('  a: |\n    line1\n# end\n')],
  ['eof-literal-doc-start', '`|` then `---` last', cm('  a: |\n    line1\n---')],
  ['eof-literal-doc-end', '`|` then `...` last', cm('  a: |\n    line1\n...')],
  ['eof-literal-doc-end-newline', '`|` then `...` and a newline', cm('  a: |\n    line1\n...\n')],
  ['eof-literal-then-doc', '`|` then `---` and another object (the first keeps its newline)', cm('  a: |\n    line1\n---\n') + cm('  b: |\n    line2')],
  ['eof-plain', 'a plain scalar last, no newline', cm('  a: line1')],
  ['eof-plain-multiline', 'a multi-line plain scalar last, no newline', cm('  a: line1\n    line2')],
  ['eof-plain-trailing-space', 'a plain scalar with trailing spaces last', cm('  a: line1   ')],
  ['eof-double-quoted', 'a double-quoted scalar last, no newline', cm('  a: "line1\\n"')],
  ['eof-double-quoted-multiline', 'a multi-line double-quoted scalar last', cm('  a: "line1\n    line2\n\n    line3"')],
  ['eof-single-quoted-multiline', 'a multi-line single-quoted scalar last', cm("  a: 'line1\n    line2\n\n    line3'")],
  ['eof-comment', 'a comment last, no newline', cm('  a: b\n# end')],
  ['eof-comment-after-value', 'a comment after the last value, no newline', cm('  a: b # end')],
  ['eof-blank-lines', 'blank lines and spaces at the end', cm('  a: b\n\n  \n\n')],
  ['eof-doc-start', '`---` last', cm('  a: b\n---')],
  ['eof-doc-start-newline', '`---` and a newline last', cm('  a: b\n---\n')],
  ['eof-doc-end', '`...` last', cm('  a: b\n...')],
  ['eof-doc-end-then-text', '`...` then more text (a second document to YAML)', cm('  a: b\n...\n') + cm('  c: d\n')],
  ['eof-empty-value', 'a key without value last', cm('  a:')],
  ['eof-sequence', 'a sequence item last, no newline', cm('  a: b\nimmutable: true\nextra:\n- x\n- y')],
  // --- comments after and inside block scalars
  ['comment-inside-literal', 'a `#` line at the content indentation is content', cm('  a: |\n    x\n    # not a comment\n    y\n')],
  ['comment-less-indented', 'a `#` line less indented than the content ends the scalar', cm('  a: |\n    x\n  # a comment\n  b: c\n')],
  ['comment-column-zero', 'a `#` line at column 0 after a block scalar', cm('  a: |\n    x\n# a comment\n  b: c\n')],
  ['comment-more-indented-first', 'a `#` first line sets the indentation: content', cm('  a: |\n    # first\n    x\n')],
  ['comment-after-header', 'a comment on the header line', cm('  a: | # header comment\n    x\n')],
  ['comment-after-header-strip', 'a comment after `|-`', cm('  a: |- # header comment\n    x\n')],
  ['comment-blank-then-comment', 'blank line then a less-indented comment, keep chomping', cm('  a: |+\n    x\n\n  # c\n  b: c\n')],
  ['comment-between-blocks', 'comments between two block scalars', cm('  a: >\n    x\n  # one\n# two\n  b: |\n    y\n')],
  ['comment-only-document', 'a document holding only comments', cm('  a: b\n---\n# only a comment\n# and another\n---\n') + cm('  c: d\n')],
  ['comment-only-file-end', 'comment-only document last', cm('  a: b\n---\n# only a comment')],
  ['comment-in-sequence', 'comments between sequence items and after the last', cm('  a: b\nlist:\n- x\n# between\n- y\n  # after\n')],
  // --- CRLF line endings
  ['crlf-everywhere', 'CRLF on every line', crlf(cm('  a: b\n  c: "d"\n'))],
  ['crlf-literal', 'CRLF inside `|`', crlf(cm('  a: |\n    line1\n    line2\n  b: c\n'))],
  ['crlf-literal-eof', 'CRLF `|` last, no final newline', crlf(cm('  a: |\n    line1\n    line2'))],
  ['crlf-literal-keep', 'CRLF `|+` with blank lines', crlf(cm('  a: |+\n    line1\n\n  b: c\n'))],
  ['crlf-folded', 'CRLF inside `>`', crlf(cm('  a: >\n    line1\n    line2\n\n    line3\n'))],
  ['crlf-double-quoted', 'CRLF inside a double-quoted scalar', crlf(cm('  a: "line1\n    line2\n\n    line3"\n'))],
  ['crlf-double-quoted-escape', 'CRLF after a `\\` line continuation', crlf(cm('  a: "line1\\\n    line2"\n'))],
  ['crlf-single-quoted', 'CRLF inside a single-quoted scalar', crlf(cm("  a: 'line1\n    line2\n\n    line3'\n"))],
  ['crlf-plain-multiline', 'CRLF inside a multi-line plain scalar', crlf(cm('  a: line1\n    line2\n\n    line3\n'))],
  ['crlf-after-header', 'CRLF right after `|`', cm('  a: |\r\n    x\n')],
  ['crlf-comment', 'CRLF after comments', crlf(cm('  # c\n  a: b # d\n'))],
  ['crlf-doc-markers', 'CRLF on `---` lines', crlf(cm('  a: b\n---\n') + cm('  c: d\n'))],
  ['cr-lone-in-quoted', 'a lone CR inside a double-quoted scalar', cm('  a: "x\ry"\n')],
  ['cr-at-eof', 'a CR as the last character', cm('  a: b\r')],
  // --- tabs
  ['tab-in-literal', 'tabs in block scalar content', cm('  a: |\n    x\ty\n    \tz\n')],
  ['tab-in-literal-first', 'a tab right after the content indentation on the first line', cm('  a: |\n    \tx\n    y\n')],
  ['tab-in-folded', 'a tab-started line in `>`', cm('  a: >\n    x\n    \ty\n    z\n')],
  ['tab-before-comment', 'a tab before a comment', cm('  a: b\t# c\n')],
  ['tab-after-colon', 'a tab as the separator after `:`', cm('  a:\tb\n')],
  ['tab-after-colon-block', 'a tab after `:` before a block scalar header', cm('  a:\t|\n    x\n')],
  ['tab-after-dash', 'a tab as the separator after `-`', cm('  a: b\nlist:\n-\tx\n')],
  ['tab-trailing', 'trailing tabs after a value', cm('  a: b\t\t\n')],
  ['tab-in-plain', 'a tab inside a plain scalar', cm('  a: x\ty\n')],
  ['tab-in-double-quoted', 'a raw tab inside a double-quoted scalar', cm('  a: "x\ty"\n')],
  ['tab-in-flow', 'tabs inside a flow collection', cm('  a: b\nlist: [\tx,\ty\t]\nmap: {\tk:\tv\t}\n')],
  ['tab-indent', 'a tab as indentation: an error', cm('\ta: b\n')],
  ['tab-blank-line', 'a line of only a tab inside a mapping', cm('  a: b\n\t\n  c: d\n')],
  ['tab-blank-line-in-literal', 'a line of only a tab inside `|`', cm('  a: |\n    x\n\t\n    y\n')],
  ['tab-before-key', 'a tab after the indentation, before a key', cm('  a: b\n  \tc: d\n')],
  ['tab-before-colon', 'a tab between a key and its `:`', cm('  a\t: b\n')],
  ['tab-line-after-quoted', 'a tab-only line after a quoted value', cm('  a: "b"\n\t\n  c: d\n')],
  ['tab-line-after-map-start', 'a tab-only line after `data:`', cm('\t\n  a: b\n')],
  ['tab-line-eof', 'a tab-only last line, no newline', cm('  a: b\n\t')],
  ['tab-line-after-literal', 'a tab-only line after `|` content', cm('  a: |\n    x\n\t\n  c: d\n')],
  ['tab-line-in-literal-at-indent', 'a tab after the content indentation of a blank `|` line', cm('  a: |\n    x\n    \t\n    y\n')],
  ['tab-comment-line', 'a tab before a comment line after a plain value', cm('  a: b\n\t# c\n  c: d\n')],
  ['tab-comment-line-after-quoted', 'a tab before a comment line after a quoted value', cm('  a: "b"\n\t# c\n  c: d\n')],
  ['tab-line-in-flow', 'a tab-only line inside a flow sequence', cm('  a: b\nlist: [x,\n\t\n  y]\n')],
  ['tab-indent-in-flow', 'a tab indenting a flow sequence line', cm('  a: b\nlist: [x,\n\ty]\n')],
  ['tab-indent-in-quoted', 'a tab indenting a double-quoted continuation line', cm('  a: b\nc: "x\n\ty"\n')],
  ['tab-indent-in-quoted-shallow', 'a tab indenting a nested double-quoted continuation line', cm('  a: "x\n\ty"\n')],
  ['tab-plain-continuation', 'a tab in the indentation of a plain continuation line', cm('  a: x\n  \t  y\n')],
  ['tab-plain-continuation-deep', 'a tab past the indentation of a plain continuation line', cm('  a: x\n     \ty\n')],
  ['tab-after-complex-value', 'a tab after a complex `:`', cm('  ? a\n  :\tb\n')],
  ['tab-before-comment-in-sequence', 'a tab before a comment after an item', cm('  a: b\nlist:\n- x\t# c\n')],
  ['tab-after-nested-dash', 'a tab after a nested `-`', cm('  a: b\nlist:\n- - x\n  -\ty\n')],
  ['tab-after-dash-space', 'a space then a tab after `-`', cm('  a: b\nlist:\n- \tx\n')],
  ['tab-in-literal-indicator', 'a tab after the indentation an indicator gives', cm('  a: |2\n    \tx\n')],
  ['tab-in-literal-leading-blank', 'a tab on a blank line before the first `|` line', cm('  a: |\n  \t\n    x\n')],
  // --- byte order marks
  ['bom', 'a BOM at the start', '\ufeff' + cm('  a: b\n')],
  ['bom-comment', 'a BOM, then a comment line', '\ufeff# c\n' + cm('  a: b\n')],
  ['bom-doc-start', 'a BOM, then `---`', '\ufeff---\n' + cm('  a: b\n')],
  ['bom-second-document', 'a BOM at the start of the second document', cm('  a: b\n---\n') + '\ufeff' + cm('  c: d\n')],
  ['bom-in-value', 'a BOM inside a quoted value', cm('  a: "x\ufeffy"\n')],
  ['bom-only', 'a BOM before a plain mapping (not an object)', '\ufeffa: 1\n', { kubectl: false }],
  ['bom-ytt-annotation', 'a BOM before a ytt annotation', '\ufeff#@ x = 1\na: 1\n', { kubectl: false }],
  // --- other line breaks (YAML 1.1: NEL, LS and PS are line breaks to go-yaml)
  ['cr-lone-in-plain', 'a lone CR inside a multi-line plain value', cm('  a: x\r    y\n')],
  ['nel-in-plain', 'a NEL inside a plain scalar', cm('  a: x\u0085y\n')],
  ['ls-in-plain', 'an LS inside a plain scalar', cm('  a: x\u2028y\n')],
  ['ls-in-literal', 'an LS inside `|`', cm('  a: |\n    x\u2028    y\n')],
  ['ps-in-quoted', 'a PS inside a double-quoted scalar', cm('  a: "x\u2029y"\n')],
  // --- indentation go-yaml does not check
  ['quoted-continuation-shallow', 'a double-quoted continuation line at column 0', cm('  a: "x\ny"\n')],
  ['flow-continuation-shallow', 'a flow sequence continued at column 0', cm('  a: [x,\ny]\n')],
  // --- document markers
  ['doc-end-then-garbage', 'text after `...` that is not YAML, then `---`', cm('  a: b\n...\n: : bad [\n---\n') + cm('  c: d\n')],
  ['doc-start-comment', '`---` followed by a comment', cm('  a: b\n--- # comment\n') + cm('  c: d\n')],
  ['doc-start-content', 'a document on the `---` line', cm('  a: b\n--- {apiVersion: v1, kind: ConfigMap, metadata: {name: y}}\n')],
  ['doc-start-trailing-spaces', '`---` followed by spaces', cm('  a: b\n---   \n') + cm('  c: d\n')],
  ['doc-start-tab', '`---` followed by a tab', cm('  a: b\n---\t\n') + cm('  c: d\n')],
  ['doc-start-indented', 'an indented `---`', cm('  a: b\n ---\n')],
  ['doc-end-then-doc-start', '`...` then `---`', cm('  a: b\n...\n---\n') + cm('  c: d\n')],
  // --- documents that hold nothing
  ['empty-file', 'an empty file', '', { kubectl: false }],
  ['only-comments', 'a file of comments only', '# one\n# two\n', { kubectl: false }],
  ['only-doc-start', 'a file of `---` only', '---\n', { kubectl: false }],
  ['only-comments-no-newline', 'comments only, no final newline', '# one', { kubectl: false }],
  // --- ytt only (not objects)
  ['top-literal-eof', 'a top-level `|` document, no final newline', '--- |\n  line1\n  line2', { kubectl: false }],
  ['top-plain-eof', 'a top-level plain document, no final newline', 'text', { kubectl: false }],
  ['top-sequence-literal-eof', 'a `|` item of a top-level sequence last', '- |\n  line1\n  line2', { kubectl: false }],
];

export const cases: EdgeCase[] = table.map(([name, about, text, options]) => ({ name, about, text, kubectl: options?.kubectl ?? true }));
