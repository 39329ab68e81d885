// emitYaml / emitYamlStream against go-yaml v2 as forked in ytt. Expected texts are traced by
// hand from encode.go (style requests) and emitterc.go (style downgrades, writers, indentation),
// or taken from go-yaml's own marshal test table.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { YamlFloat, emitYaml, emitYamlStream, kubeYamlOptions } from '../../src/yaml/index.js';

/** `a: <value>` documents, the shape go-yaml's marshal tests use. */
function a(value: unknown, options?: Parameters<typeof emitYaml>[1]): string {
  return emitYaml({ a: value }, options);
}

describe('plain strings', () => {
  it.each(['hi', 'hello world', 'yes please', '1.2.3', 'v1', '<foo>', '你好', 'é', 'a"b', 'a\\b', "it's", 'a#b', 'x:y',
    'http://example.com/x?y=1#z', '-a', '?x', 'a, b', 'a [b] {c}', '--x', '..x', '0x', '2001-13-01', 'Infinity', 'NaN', 'e3',
    '1:60', '_1', '+', 'a\u00a0b', '.iNf'])('%j is written plain', (s) => {
    expect(a(s)).toBe(`a: ${s}\n`);
  });
});

describe('strings that resolve to something else are double-quoted', () => {
  it.each([
    // YAML 1.1 bools and nulls (plain strings in YAML 1.2's core schema)
    'true', 'false', 'True', 'FALSE', 'yes', 'Yes', 'NO', 'y', 'n', 'Y', 'on', 'On', 'off', 'OFF', '~', 'null', 'Null', 'NULL', '',
    // ints: decimal, signs, leading-0 octal, 0x/0o/0b, underscores
    '10', '-10', '+1', '0', '0777', '0x1F', '0o17', '0b101', '1_000', '0b+101', '8080', '1700000000123456789',
    // floats, including go-yaml's exponent forms and leading-0 decimals
    '1.5', '.5', '-.5', '1.', '1e3', '1e+3', '123456e1', '08', '.inf', '-.Inf', '+.INF', '.nan', '.5_5',
    // timestamps (strings when decoded, but tagged, so quoted)
    '2001-12-14', '2015-02-24T18:19:39Z', '2001-12-14 21:59:43.10', '2000-02-29',
    // base-60 look-alikes: quoted for YAML 1.1 parsers
    '1:20', '1:1', '190:20:30',
  ])('%j', (s) => {
    expect(a(s)).toBe(`a: "${s}"\n`);
  });

  it('a big unsigned hex int is plain for ytt but quoted in the kubernetes dialect', () => {
    expect(a('0x10000000000000000')).toBe('a: 0x10000000000000000\n');
    expect(a('0x10000000000000000', { dialect: 'kubernetes' })).toBe('a: "0x10000000000000000"\n');
  });

  it("'<<' is plain for ytt but quoted in the kubernetes dialect (a plain << key would merge)", () => {
    expect(a('<<')).toBe('a: <<\n');
    expect(emitYaml({ '<<': 1 })).toBe('<<: 1\n');
    expect(emitYaml({ '<<': 1 }, { dialect: 'kubernetes' })).toBe('"<<": 1\n');
  });
});

describe('strings the emitter cannot write plain are single-quoted', () => {
  it.each([
    ['b: c', "'b: c'"],
    ['Hello #comment', "'Hello #comment'"],
    ['你好 #comment', "'你好 #comment'"],
    ['#x', "'#x'"],
    ['x:', "'x:'"],
    ['-', "'-'"],
    ['- x', "'- x'"],
    ['? x', "'? x'"],
    [':', "':'"],
    [': x', "': x'"],
    ['[a]', "'[a]'"],
    ['{a}', "'{a}'"],
    [',x', "',x'"],
    ['&x', "'&x'"],
    ['*x', "'*x'"],
    ['!x', "'!x'"],
    ['|x', "'|x'"],
    ['>x', "'>x'"],
    ['%x', "'%x'"],
    ['@x', "'@x'"],
    ['`x', "'`x'"],
    ['"x', `'"x'`],
    ["'x", "'''x'"],
    ["a 'b' #c", "'a ''b'' #c'"],
    [' x', "' x'"],
    ['x ', "'x '"],
    ['  ', "'  '"],
    ['---', "'---'"],
    ['...x', "'...x'"],
    ['--- x', "'--- x'"],
  ])('%j', (s, expected) => {
    expect(a(s)).toBe(`a: ${expected}\n`);
  });
});

describe('special characters force double quotes with go-yaml escapes', () => {
  it.each([
    ['a\tb', '"a\\tb"'],
    ['\t', '"\\t"'],
    ['\x00', '"\\0"'],
    ['\x07\x08\x0b\x0c\x1b', '"\\a\\b\\v\\f\\e"'],
    ['\x01', '"\\x01"'],
    ['\x7f', '"\\x7F"'],
    ['a\rb', '"a\\rb"'],
    ['\x85', '"\\N"'],
    ['x\u0080y', '"x\\x80y"'],
    ['\ufffe', '"\\uFFFE"'],
    ['😀', '"\\U0001F600"'],
    ['say "hi"\t', '"say \\"hi\\"\\t"'],
    ['back\\slash\t', '"back\\\\slash\\t"'],
    ['a\r\nb', '"a\\r\\nb"'], // has \n, but CR rules out a block scalar
  ])('%j', (s, expected) => {
    expect(a(s)).toBe(`a: ${expected}\n`);
  });

  it('a value starting with a byte-order mark has every character escaped (go-yaml checks the BOM at the start of the value for each character)', () => {
    expect(a('\ufeffab c')).toBe('a: "\\uFEFF\\x61\\x62\\x20\\x63"\n');
  });

  it('line and paragraph separators are line breaks: written raw in single quotes, then re-indented', () => {
    // write_break copies the character and resets the column; the next character triggers
    // write_indent, which pads to the scalar's indentation on the same line.
    expect(a('x\u2028y')).toBe("a: 'x\u2028  y'\n");
    // A multi-line key is never a simple key: "? " form, at key indentation + 2.
    expect(emitYaml({ 'x\u2029y': 1 })).toBe("? 'x\u2029  y'\n: 1\n");
  });

  it('a lone surrogate is written as U+FFFD once encoded as UTF-8', () => {
    expect(Buffer.from(a('x\ud800y'))).toEqual(Buffer.from('a: x\ufffdy\n'));
    expect(Buffer.from(a('\ud800\t'))).toEqual(Buffer.from('a: "\ufffd\\t"\n'));
  });
});

describe('multi-line strings: literal block scalars', () => {
  it.each([
    ['a\nb', 'a: |-\n  a\n  b\n'],
    ['a\nb\n', 'a: |\n  a\n  b\n'],
    ['a\nb\n\n', 'a: |+\n  a\n  b\n\n'],
    ['a\n\nb', 'a: |-\n  a\n\n  b\n'],
    ['a\n\n\nb\n', 'a: |\n  a\n\n\n  b\n'],
    ['\n', 'a: |2+\n\n'],
    ['\n\n', 'a: |2+\n\n\n'],
    ['\na', 'a: |2-\n\n  a\n'],
    [' a\nb', 'a: |2-\n   a\n  b\n'],
    ['a\n b', 'a: |-\n  a\n   b\n'],
    ['a\n\tb\n', 'a: "a\\n\\tb\\n"\n'], // tab: not printable, no block scalar
    ['a \nb', 'a: "a \\nb"\n'], // space before a break
    ['a\nb ', 'a: "a\\nb "\n'], // trailing space
    ['"q"\n\\', 'a: |-\n  "q"\n  \\\n'],
    ['é\n😀', 'a: "é\\n\\U0001F600"\n'],
    ['é\nñ\n', 'a: |\n  é\n  ñ\n'],
    ['x: 1\ny: [2]\n', 'a: |\n  x: 1\n  y: [2]\n'],
  ])('%j', (s, expected) => {
    expect(a(s)).toBe(expected);
  });

  it('indents under nested mappings and sequences, and at the document root', () => {
    expect(emitYaml({ x: { p: 'a\nb' } })).toBe('x:\n  p: |-\n    a\n    b\n');
    expect(emitYaml(['a\nb', 'c'])).toBe('- |-\n  a\n  b\n- c\n');
    expect(emitYaml({ v: ['A', 'B\nC'] })).toBe('v:\n- A\n- |-\n  B\n  C\n');
    expect(emitYaml('a\nb')).toBe('|-\n  a\n  b\n');
    expect(emitYaml('a\nb\n')).toBe('|\n  a\n  b\n');
    expect(emitYaml({ x: 'a\n', z: 1 })).toBe('x: |\n  a\nz: 1\n');
    expect(emitYaml({ x: { p: 'a\n\n' }, z: 1 })).toBe('x:\n  p: |+\n    a\n\nz: 1\n');
  });

  it('keeps a line separator inside a literal, resetting the column', () => {
    expect(a('x\u2028y\nz')).toBe('a: |-\n  x\u2028  y\n  z\n');
  });
});

describe('folding long scalars', () => {
  const words = (n: number, sep = ' '): string => Array.from({ length: n }, () => 'lorem').join(sep);

  it('is off by default, as in ytt (best_width -1)', () => {
    const s = words(40);
    expect(a(s)).toBe(`a: ${s}\n`);
    expect(a(s, { lineWidth: 0 })).toBe(`a: ${s}\n`);
    expect(a(s, { lineWidth: Infinity })).toBe(`a: ${s}\n`);
  });

  it("folds single-quoted text at 80 like stock go-yaml v2's TestLineWrapping", () => {
    const s =
      'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ';
    expect(a(s, { lineWidth: 80 })).toBe(
      "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n" +
        "  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n",
    );
    expect(a(s)).toBe(`a: '${s}'\n`);
  });

  it('folds plain text at the first space past the width, continuing at the scalar indentation', () => {
    // "a: " + word k ends at column 2 + 6k: the first space past column 80 follows word 14.
    expect(a(words(20), { lineWidth: 80 })).toBe(`a: ${words(14)}\n  ${words(6)}\n`);
    // Nested one level: "  p: " + word k ends at column 4 + 6k: fold after word 13, indent 4.
    expect(emitYaml({ x: { p: words(20) } }, { lineWidth: 80 })).toBe(`x:\n  p: ${words(13)}\n    ${words(7)}\n`);
    // Continuation lines fold again.
    expect(a(words(30), { lineWidth: 40 })).toBe(`a: ${words(7)}\n  ${words(7)}\n  ${words(7)}\n  ${words(7)}\n  ${words(2)}\n`);
  });

  it('never folds at a space followed by another space (plain cannot have one; single-quoted)', () => {
    const s = `${words(13)}  ${words(3)} `; // trailing space: single-quoted
    // Column after "a: '" + 13 words is 4 + 77 = 81 > 80, but the next char is a space: no fold
    // there; the second space is preceded by a space: no fold either; the next single space is.
    expect(a(s, { lineWidth: 80 })).toBe(`a: '${words(13)}  lorem\n  ${words(2)} '\n`);
  });

  it('never folds single-quoted text at its first or last character', () => {
    // With width 3 the column is already past the width at the opening quote.
    expect(a(' lorem lorem', { lineWidth: 3 })).toBe("a: ' lorem\n  lorem'\n");
    expect(a('lorem ', { lineWidth: 3 })).toBe("a: 'lorem '\n");
    expect(a(' lorem ', { lineWidth: 3 })).toBe("a: ' lorem '\n");
  });

  it('folds double-quoted text, escaping a leading space on the continuation line', () => {
    // 'a: "' + word k ends at column 3 + 6k: fold after word 13.
    expect(a(`${words(20)}\t`, { lineWidth: 80 })).toBe(`a: "${words(13)}\n  ${words(7)}\\t"\n`);
    // Words joined by two spaces: word k ends at column 2 + 7k; fold at the first space after
    // word 12, and the kept second space is written as "\ ".
    expect(a(`${words(16, '  ')}\t`, { lineWidth: 80 })).toBe(`a: "${words(12, '  ')}\n  \\ ${words(4, '  ')}\\t"\n`);
  });

  it('never folds keys, literal blocks, or text without spaces', () => {
    const key = words(20); // 119 bytes: still a simple key
    expect(emitYaml({ [key]: 1 }, { lineWidth: 80 })).toBe(`${key}: 1\n`);
    const block = `${words(30)}\n`;
    expect(a(block, { lineWidth: 80 })).toBe(`a: |\n  ${words(30)}\n`);
    const long = 'x'.repeat(200);
    expect(a(long, { lineWidth: 80 })).toBe(`a: ${long}\n`);
  });
});

describe('keys', () => {
  it('quotes keys with the same rules as values', () => {
    const keys = new Map<string, number>([['on', 1], ['', 2], ['1', 3], ['a: b', 4], ['#c', 5], ['x y', 6], ['2001-12-14', 7]]);
    expect(emitYaml(keys)).toBe(
      '"on": 1\n"": 2\n"1": 3\n\'a: b\': 4\n\'#c\': 5\nx y: 6\n"2001-12-14": 7\n',
    );
  });

  it('writes non-string keys of a Map in insertion order', () => {
    const m = new Map<unknown, unknown>([
      ['b', 1],
      [1, 'one'],
      [true, 't'],
      [null, 'm'],
      [1.5, 'f'],
      [12345678901234567890n, 'big'],
      ['a', 2],
    ]);
    expect(emitYaml(m)).toBe('b: 1\n1: one\ntrue: t\nnull: m\n1.5: f\n12345678901234567890: big\na: 2\n');
  });

  it('single-letter YAML 1.1 booleans are quoted as keys and values', () => {
    expect(emitYaml({ y: 'n', n: 'Y', x: 'z' })).toBe('"y": "n"\n"n": "Y"\nx: z\n');
  });

  it('uses "? " complex keys past 128 UTF-8 bytes or for multi-line keys', () => {
    const k128 = 'k'.repeat(128);
    const k129 = 'k'.repeat(129);
    expect(emitYaml({ [k128]: 'v' })).toBe(`${k128}: v\n`);
    expect(emitYaml({ [k129]: 'v' })).toBe(`? ${k129}\n: v\n`);
    const e64 = 'é'.repeat(64); // 128 bytes
    const e65 = 'é'.repeat(65); // 130 bytes
    expect(emitYaml({ [e64]: 1 })).toBe(`${e64}: 1\n`);
    expect(emitYaml({ [e65]: 1 })).toBe(`? ${e65}\n: 1\n`);
    expect(emitYaml({ 'a\nb': 1 })).toBe('? |-\n  a\n  b\n: 1\n');
    expect(emitYaml({ x: { 'a\nb': [1] } })).toBe('x:\n  ? |-\n    a\n    b\n  : - 1\n');
  });

  it('writes collection keys: empty ones inline, others as complex keys', () => {
    expect(emitYaml(new Map<unknown, unknown>([[new Map(), 1], [[], 2]]))).toBe('{}: 1\n[]: 2\n');
    expect(emitYaml(new Map<unknown, unknown>([[['a', 'b'], 1]]))).toBe('? - a\n  - b\n: 1\n');
    expect(emitYaml(new Map<unknown, unknown>([[['a'], { b: 1, c: 2 }]]))).toBe('? - a\n: b: 1\n  c: 2\n');
    expect(emitYaml(new Map<unknown, unknown>([[{ k: 'v' }, 'x']]))).toBe('? k: v\n: x\n');
  });
});

describe('collections', () => {
  it.each([
    [{}, '{}\n'],
    [[], '[]\n'],
    [new Map(), '{}\n'],
    [{ a: {} }, 'a: {}\n'],
    [{ a: [] }, 'a: []\n'],
    [[[]], '- []\n'],
    [[{}], '- {}\n'],
    [{ a: [{}, []] }, 'a:\n- {}\n- []\n'],
    [{ a: 1, b: undefined }, 'a: 1\n'],
    [{ a: undefined }, '{}\n'],
    [[undefined, null], '- null\n- null\n'],
  ])('%j', (v, expected) => {
    expect(emitYaml(v)).toBe(expected);
  });

  it('does not indent a sequence under a mapping key, but does under a sequence item', () => {
    expect(emitYaml({ v: ['A', 1, { B: [2, 3] }] })).toBe('v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n');
    expect(emitYaml([[1, 2], [3]])).toBe('- - 1\n  - 2\n- - 3\n');
    expect(emitYaml([[[1]], 2])).toBe('- - - 1\n- 2\n');
    expect(emitYaml({ a: [[1, 2]] })).toBe('a:\n- - 1\n  - 2\n');
    expect(emitYaml([{ a: 1, b: [2] }])).toBe('- a: 1\n  b:\n  - 2\n');
    expect(emitYaml({ a: { b: [{ c: 1, d: { e: [] } }] } })).toBe('a:\n  b:\n  - c: 1\n    d:\n      e: []\n');
  });

  it('keeps Map and object insertion order', () => {
    expect(emitYaml(new Map<string, unknown>([['b', 2], ['a', 1], ['d', 4], ['c', 3], ['sub', new Map([['e', 5]])]]))).toBe(
      'b: 2\na: 1\nd: 4\nc: 3\nsub:\n  e: 5\n',
    );
    expect(emitYaml({ z: 1, q: { x: 2, w: 3 } })).toBe('z: 1\nq:\n  x: 2\n  w: 3\n');
  });

  it('rejects values YAML cannot hold', () => {
    expect(() => emitYaml({ f: () => 1 })).toThrow(TypeError);
    expect(() => emitYaml(Symbol('s'))).toThrow(TypeError);
  });
});

describe('numbers', () => {
  it.each([
    [1, '1'],
    [-10, '-10'],
    [0, '0'],
    [-0, '0'], // an integral JS number prints as an int
    [4294967296, '4294967296'],
    [2 ** 53, '9007199254740992'],
    [2 ** 60, '1152921504606846976'], // exact, as an int64 would print
    [-(2 ** 63), '-9223372036854775808'],
    [2 ** 63, '9.223372036854776e+18'], // beyond int64: a float
    [1e21, '1e+21'],
    [0.1, '0.1'],
    [-0.1, '-0.1'],
    [1.5, '1.5'],
    [123456.789, '123456.789'],
    [1234567.5, '1.2345675e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [NaN, '.nan'],
    [Infinity, '.inf'],
    [-Infinity, '-.inf'],
    [123456789012345678901234567890n, '123456789012345678901234567890'],
    [-5n, '-5'],
  ])('%s prints as %s', (n, expected) => {
    expect(emitYaml(n)).toBe(`${expected}\n`);
    expect(a(n)).toBe(`a: ${expected}\n`);
  });

  it('YamlFloat prints as a Go float64 (strconv g, shortest)', () => {
    expect(emitYaml([new YamlFloat(1e6), new YamlFloat(100000), new YamlFloat(3), new YamlFloat(-0), new YamlFloat(123456789), new YamlFloat(1.5e300), new YamlFloat(0.5)])).toBe(
      '- 1e+06\n- 100000\n- 3\n- -0\n- 1.23456789e+08\n- 1.5e+300\n- 0.5\n',
    );
  });

  it('every printed number reads back as the same number', () => {
    for (const n of [1, -10, 1e21, 0.1, 1234567.5, 0.00001, 5e-324, -(2 ** 63), 2 ** 63, NaN, -Infinity]) {
      expect(Number(parse(emitYaml(n), kubeYamlOptions))).toBe(n);
    }
  });
});

describe('other scalars', () => {
  it('booleans, null, dates', () => {
    expect(emitYaml({ t: true, f: false, z: null, u: undefined, d: new Date(Date.UTC(2015, 1, 24, 18, 19, 39)) })).toBe(
      't: true\nf: false\nz: null\nd: 2015-02-24T18:19:39Z\n',
    );
    expect(a(new Date(Date.UTC(2015, 1, 24, 18, 19, 39, 120)))).toBe('a: 2015-02-24T18:19:39.12Z\n');
  });

  it('document-level scalars', () => {
    expect(emitYaml('hello')).toBe('hello\n');
    expect(emitYaml('true')).toBe('"true"\n');
    expect(emitYaml('')).toBe('""\n');
    expect(emitYaml('- x')).toBe("'- x'\n");
    expect(emitYaml(null)).toBe('null\n');
    expect(emitYaml(undefined)).toBe('null\n');
    expect(emitYaml(false)).toBe('false\n');
  });
});

describe('streams', () => {
  it('separates documents with --- as ytt does (none before the first)', () => {
    expect(emitYamlStream([{ a: 'b' }, { c: 'd' }])).toBe('a: b\n---\nc: d\n');
    expect(emitYamlStream(['x', 5, ['w']])).toBe('x\n---\n5\n---\n- w\n');
    expect(emitYamlStream([])).toBe('');
  });

  it('leaves out empty documents like ytt, unless asked to keep them', () => {
    const docs = [null, {}, [], { a: 1 }, undefined, new Map(), { b: undefined }];
    expect(emitYamlStream(docs)).toBe('a: 1\n');
    expect(emitYamlStream(docs, { keepEmptyDocuments: true })).toBe(
      'null\n---\n{}\n---\n[]\n---\na: 1\n---\nnull\n---\n{}\n---\n{}\n',
    );
  });

  it('passes lineWidth and dialect to every document', () => {
    const s = Array.from({ length: 20 }, () => 'lorem').join(' ');
    expect(emitYamlStream([{ a: s }, { b: '<<' }], { lineWidth: 40, dialect: 'kubernetes' })).toBe(
      `${emitYaml({ a: s }, { lineWidth: 40 })}---\nb: "<<"\n`,
    );
  });
});

describe('round trip through a go-yaml-compatible reader', () => {
  // Whatever the emitter picks (plain, quotes, escapes, block scalars, complex keys, folding),
  // reading it back must give the same value. (U+2028/U+2029 are left out: go-yaml treats them
  // as line breaks and re-indents after them, which a YAML 1.2 reader keeps as content.)
  const tricky = [
    '', ' ', 'a', 'yes', 'No', 'on', '~', 'null', '0', '0777', '0x1F', '1_000', '1e3', '.5', '1:20', '2001-12-14', '<<', '-',
    '- a', '? a', ': a', 'a: b', 'a #b', '#', "'", '"', '\\', '\t', '\x00\x01\x7f', 'a\nb', 'a\nb\n', 'a\nb\n\n', '\n', '\n\n a',
    ' a\n b ', 'a \nb', 'a\r\nb', 'é😀', '\ufeffbom', '\x85', '---', '...', '--- a', 'a,b', '[a]',
    '{a: b}', '&a', '*a', '!a', '|', '>', '%', '@', '`', 'a  b', '  a  ', `${'lorem '.repeat(30)}`, `${'lorem  '.repeat(30)}\t`,
    `'${'x '.repeat(60)}'`, 'k'.repeat(129),
  ];
  // In the ytt dialect a "<<" key is written plain, and a reader takes it as a merge key.
  for (const [width, dialect] of [[Infinity, 'ytt'], [80, 'ytt'], [20, 'ytt'], [80, 'kubernetes']] as const) {
    it(`values and keys survive at lineWidth ${width} (${dialect})`, () => {
      for (const s of tricky) {
        if (dialect === 'ytt' && s === '<<') continue;
        const text = emitYaml({ [s]: s, list: [s, [s]], nested: { deeper: s } }, { lineWidth: width, dialect });
        const back = parse(text, { ...kubeYamlOptions, mapAsMap: false }) as Record<string, unknown>;
        expect(back[s], JSON.stringify(text)).toStrictEqual(s);
        expect(back['list'], text).toStrictEqual([s, [s]]);
        expect(back['nested'], text).toStrictEqual({ deeper: s });
        expect(parse(emitYaml(s, { lineWidth: width }), kubeYamlOptions), s).toStrictEqual(s);
      }
    });
  }
});
