// Parser cases re-expressed from client-go's parser_test.go, plus the error texts Cartographer
// surfaces (`failed to parse jsonpath '<expr>': <err>`).
import { describe, expect, it } from 'vitest';
import { JsonPathError, compile, parse } from '../../src/jsonpath/index.js';
import type { ListNode, Node } from '../../src/jsonpath/index.js';
import { parseError } from './helpers.js';

const list = (...nodes: Node[]): ListNode => ({ type: 'list', nodes });
const text = (t: string): Node => ({ type: 'text', text: t });
const field = (name: string): Node => ({ type: 'field', name });
const int = (value: number): Node => ({ type: 'int', value });
const p = (value: number, known: boolean, derived = false) => ({ value, known, derived });
const array = (a: ReturnType<typeof p>, b: ReturnType<typeof p>, c: ReturnType<typeof p>): Node => ({ type: 'array', params: [a, b, c] });
const filter = (left: ListNode, right: ListNode, operator: string): Node => ({ type: 'filter', left, right, operator });

describe('parse trees (parser_test.go)', () => {
  const cases: [string, string, Node[]][] = [
    ['plain', 'hello jsonpath', [text('hello jsonpath')]],
    ['variable', 'hello {.jsonpath}', [text('hello '), list(field('jsonpath'))]],
    ['arrayfiled', "hello {['jsonpath']}", [text('hello '), list(field('jsonpath'))]],
    ['quote', '{"{"}', [list(text('{'))]],
    ['array', '{[1:3]}', [list(array(p(1, true), p(3, true), p(0, false)))]],
    ['allarray', '{.book[*].author}', [list(field('book'), array(p(0, false), p(0, false), p(0, false)), field('author'))]],
    ['wildcard', '{.bicycle.*}', [list(field('bicycle'), { type: 'wildcard' })]],
    ['filter', '{[?(@.price<3)]}', [list(filter(list(field('price')), list(int(3)), '<'))]],
    ['recursive', '{..}', [list({ type: 'recursive' })]],
    ['recurField', '{..price}', [list({ type: 'recursive' }, field('price'))]],
    ['arraydict', "{['book.price']}", [list(field('book'), field('price'))]],
    [
      'union',
      "{['bicycle.price', 3, 'book.price']}",
      [
        list({
          type: 'union',
          lists: [list(field('bicycle'), field('price')), list(array(p(3, true), p(4, true, true), p(0, false))), list(field('book'), field('price'))],
        }),
      ],
    ],
    [
      'range',
      '{range .items}{.name},{end}',
      [list({ type: 'identifier', name: 'range' }, field('items')), list(field('name')), text(','), list({ type: 'identifier', name: 'end' })],
    ],
    ['paired parentheses in quotes', '{[?(@.status.nodeInfo.osImage == "()")]}', [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), list(text('()')), '=='))]],
    [
      'escaped double quotes',
      '{[?(@.status.nodeInfo.osImage == "(\\"\\")")]}',
      [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), list(text('("")')), '=='))],
    ],
    ['unregular parentheses in double quotes', '{[?(@.test == "())(")]}', [list(filter(list(field('test')), list(text('())(')), '=='))]],
    ['plain text in single quotes', "{[?(@.status.nodeInfo.osImage == 'Linux')]}", [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), list(text('Linux')), '=='))]],
    ['test filter suffix', '{[?(@.status.nodeInfo.osImage == "{[()]}")]}', [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), list(text('{[()]}')), '=='))]],
    ['double inside single', `{[?(@.status.nodeInfo.osImage == "''")]}`, [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), list(text("''")), '=='))]],
    ['single inside double', `{[?(@.status.nodeInfo.osImage == '""')]}`, [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), list(text('""')), '=='))]],
    ['single containing escaped single', "{[?(@.status.nodeInfo.osImage == '\\\\\\'')]}", [list(filter(list(field('status'), field('nodeInfo'), field('osImage')), list(text("\\'")), '=='))]],
    ['negative index slice, a[len-5] to a[len-1]', '{[-5:]}', [list(array(p(-5, true), p(0, false), p(0, false)))]],
    ['negative index, a[len-1]', '{[-1]}', [list(array(p(-1, true), p(0, true, true), p(0, false)))]],
    ['negative index slice, a[1] to a[len-1]', '{[1:-1]}', [list(array(p(1, true), p(-1, true), p(0, false)))]],
  ];
  it.each(cases)('%s', (_name, input, nodes) => {
    expect(parse(input).root.nodes).toEqual(nodes);
  });
});

describe('client-go name scanning', () => {
  it('keeps -, /, : and ) inside names', () => {
    expect(parse('{.Labels.k8s-app}').root.nodes).toEqual([list(field('Labels'), field('k8s-app'))]);
    expect(parse('{$.Labels.web/html}').root.nodes).toEqual([list(field('Labels'), field('web/html'))]);
    expect(parse('{.a:b)c}').root.nodes).toEqual([list(field('a:b)c'))]);
  });
  it('unescapes backslashes, so an escaped dot stays in the name', () => {
    expect(parse('{.metadata.labels.app\\.kubernetes\\.io/name}').root.nodes).toEqual([
      list(field('metadata'), field('labels'), field('app.kubernetes.io/name')),
    ]);
  });
  it("re-parses ['key'] as .key: dots inside brackets still split", () => {
    expect(parse("{.labels['carto.run/workload-name']}").root.nodes).toEqual([list(field('labels'), field('carto'), field('run/workload-name'))]);
    expect(parse("{.labels['carto\\.run/workload-name']}").root.nodes).toEqual([list(field('labels'), field('carto.run/workload-name'))]);
  });
  it('treats [*] as [:] and [] as [0]', () => {
    expect(parse('{[*]}').root.nodes).toEqual(parse('{[:]}').root.nodes);
    expect(parse('{[]}').root.nodes).toEqual([list(array(p(0, false), p(1, true, true), p(0, false)))]);
  });
  it('parses number, bool and string literals', () => {
    expect(parse('{1.5}{-3}{+7}{true}{false}{"x"}').root.nodes).toEqual([
      list({ type: 'float', value: 1.5 }),
      list(int(-3)),
      list(int(7)),
      list({ type: 'bool', value: true }),
      list({ type: 'bool', value: false }),
      list(text('x')),
    ]);
  });
  it('an existence filter has no operator', () => {
    expect(parse('{[?(@.z)]}').root.nodes).toEqual([list(filter(list(field('z')), list(), 'exists'))]);
  });
  it('unquotes Go escapes in string literals', () => {
    expect(parse('{"\\t\\u00e9\\x41\\101"}').root.nodes).toEqual([list(text('\té' + 'AA'))]);
  });
  it('accepts what Cartographer wraps odd expressions into', () => {
    // `$(^)$` becomes `{.^}`: a field named "^", not a parse error
    expect(parse('{.^}').root.nodes).toEqual([list(field('^'))]);
    // `$([0])$` becomes `{.[0]}`: an empty field name, then an index
    expect(parse('{.[0]}').root.nodes).toEqual([list(field(''), array(p(0, true), p(1, true, true), p(0, false)))]);
  });
  it('wraps a Cartographer expression as {.a.b}', () => {
    expect(parse('{.a.b}').root.nodes).toEqual([list(field('a'), field('b'))]);
  });
  it('keeps an operator client-go does not know for evaluation to reject', () => {
    expect(parse('{.Book[?(@.Price<>10)]}').root.nodes).toEqual([list(field('Book'), filter(list(field('Price')), list(int(10)), '<>'))]);
  });
});

describe('parse errors (client-go wording)', () => {
  const cases: [string, string][] = [
    // TestFailParser
    ['{.hello', 'unclosed action'],
    ['{*}', "unrecognized character in action: U+002A '*'"],
    ['{+12.3.0}', 'cannot parse number +12.3.0'],
    ['{[1}', 'unterminated array'],
    ['{[?(.price]}', 'unterminated filter'],
    ['{........}', 'invalid multiple recursive descent'],
    // parser_test "malformat input"
    ['{\\\\\\}', "unrecognized character in action: U+005C '\\'"],
    // superrecurfields in jsonpath_test.go
    ['{............................................................Price}', 'invalid multiple recursive descent'],
    // what Cartographer users meet
    ['{.,}', "unrecognized character in action: U+002C ','"],
    ['{.a,.b}', "unrecognized character in action: U+002C ','"],
    ['{.a["key"]}', 'invalid array index "key"'],
    ['{.a[x]}', 'invalid array index x'],
    ['{.a[-]}', 'array index - is not a number'],
    ['{.a[99999999999999999999]}', 'array index 99999999999999999999 is not a number'],
    ['{.a[?(@.b=="x")}', 'unclosed array expect ]'],
    ['{"abc}', 'unterminated quoted string'],
    ['{"\\q"}', 'unquote string "\\q" error invalid syntax'],
    ['{-}', 'cannot parse number -'],
    ['{.a\n}', 'unclosed action'],
    ['{.a\t}', 'unrecognized character in action: U+0009'],
    ['{..*}', "unrecognized character in action: U+002A '*'"],
    // client-go v0.28 has no =~ : the `~` lands in the right-hand side
    ["{.a[?(@.b=~'x')]}", "unrecognized character in action: U+007E '~'"],
    ['{.a[?(@.b=="x"\n)]}', 'unterminated filter'],
    ['{.😀}', 'nil'],
    ['{😀}', "unrecognized character in action: U+1F600 '😀'"],
  ];
  it.each(cases)('%j', (input, message) => {
    expect(parseError(input)).toBe(message);
  });

  it('throws JsonPathError', () => {
    expect(() => parse('{.a,}')).toThrow(JsonPathError);
  });
});

describe('compile cache', () => {
  it('returns the same template for the same text and rethrows cached parse errors', () => {
    const a = compile('{.cache.test}');
    expect(compile('{.cache.test}')).toBe(a);
    expect(() => compile('{.cache,}')).toThrow("unrecognized character in action: U+002C ','");
    expect(() => compile('{.cache,}')).toThrow(JsonPathError);
  });
  it('keeps each text it compiled, errors too, until it is full', async () => {
    const { compiledCount } = await import('../../src/jsonpath/compile.js');
    const before = compiledCount();
    const first = Array.from({ length: 50 }, (_, i) => compile(`{.kept${i}}`));
    expect(() => compile('{.kept,}')).toThrow(JsonPathError);
    expect(compiledCount()).toBe(before + 51);
    // all 50 are still there: compiling them again parses nothing and adds nothing
    first.forEach((t, i) => expect(compile(`{.kept${i}}`)).toBe(t));
    expect(compiledCount()).toBe(before + 51);
  });
  it('stays bounded, dropping the text used least recently', async () => {
    const { compiledCount } = await import('../../src/jsonpath/compile.js');
    const hot = compile('{.hot}');
    const cold = compile('{.cold}');
    for (let i = 0; i < 5000; i++) {
      compile(`{.bounded${i}}`);
      if (i % 1000 === 0) expect(compile('{.hot}')).toBe(hot);
    }
    expect(compiledCount()).toBe(4096);
    expect(compile('{.hot}')).toBe(hot);
    expect(compile('{.bounded4999}')).toBe(compile('{.bounded4999}'));
    // .cold was not used since: evicted, so it is parsed again into a new template
    expect(compile('{.cold}')).not.toBe(cold);
    expect(compile('{.cold}')).toEqual(cold);
  });
});
