// Starlark language tests. Expected values follow the Starlark spec (starlark-go's
// doc/spec.md) and ytt's block dialect (blocks closed by `end`, see ytt docs
// "lang-ref-ytt": indentation is not significant).
import { describe, expect, it } from 'vitest';
import { expr, star, starError } from './helpers.js';

describe('literals and arithmetic', () => {
  it('ints are arbitrary precision', () => {
    expect(expr('9007199254740993 + 1')).toBe('9007199254740994');
    expect(expr('123456789012345678901234567890 * 10')).toBe('1234567890123456789012345678900');
    expect(expr('-7 // 2')).toBe('-4');
    expect(expr('-7 % 3')).toBe('2');
    expect(expr('7 % -3')).toBe('-2');
    expect(expr('0x1F + 0o10 + 0b11')).toBe('42');
  });
  it('floats and division', () => {
    expect(expr('7 / 2')).toBe('3.5');
    // ytt's starlark-go fork prints floats with Go's %g (6 significant digits): no ".0"
    expect(expr('1.0 + 2')).toBe('3');
    expect(expr('[1e6 * 1.0, 0.1 + 0.2, 1234567.0]')).toBe('[1e+06, 0.3, 1.23457e+06]');
    expect(expr('int(3.9)')).toBe('3');
    expect(expr('float("1.5") * 2')).toBe('3');
    expect(expr('1 == 1.0')).toBe('True');
  });
  it('strings', () => {
    expect(expr('"a" + "b" * 3')).toBe('"abbb"');
    expect(expr('"hello"[1:4]')).toBe('"ell"');
    expect(expr('"hello"[::-1]')).toBe('"olleh"');
    expect(expr('"hello"[-1]')).toBe('"o"');
    expect(expr("'it\\'s'")).toBe('"it\'s"');
    expect(expr('"a\\tb\\n"')).toBe('"a\\tb\\n"');
    expect(expr('r"a\\d"')).toBe('"a\\\\d"');
    expect(expr('"""x\ny"""')).toBe('"x\\ny"');
  });
  it('keeps unknown escapes literally (regular expressions in ytt templates rely on it)', () => {
    expect(expr('"a\\.b"')).toBe('"a\\\\.b"');
  });
  it('lists, tuples, dicts', () => {
    expect(expr('[1, 2] + [3]')).toBe('[1, 2, 3]');
    expect(expr('(1,)')).toBe('(1,)');
    expect(expr('{"b": 1, "a": 2}')).toBe('{"b": 1, "a": 2}');
    expect(expr('[0, 1, 2, 3, 4, 5][1:5:2]')).toBe('[1, 3]');
    expect(expr('[1, 2] * 2')).toBe('[1, 2, 1, 2]');
    expect(expr('3 in [1, 2, 3]')).toBe('True');
    expect(expr('"a" not in {"a": 1}')).toBe('False');
    expect(expr('"ell" in "hello"')).toBe('True');
  });
  it('comparisons and boolean operators', () => {
    expect(expr('1 < 2 and "b" > "a"')).toBe('True');
    expect(expr('None or 0 or "x"')).toBe('"x"');
    expect(expr('[] and 1')).toBe('[]');
    expect(expr('not None')).toBe('True');
    expect(expr('[1, 2] < [1, 3]')).toBe('True');
    expect(expr('"y" if 0 else "n"')).toBe('"n"');
  });
});

describe('statements (block dialect)', () => {
  it('if/elif/else closed with end', () => {
    const src = 'def f(n):\n  if n < 0:\n    return "neg"\n  elif n == 0:\n    return "zero"\n  else:\n    return "pos"\n  end\nend\nx = [f(-1), f(0), f(5)]\n';
    expect(star(src)).toBe('["neg", "zero", "pos"]');
  });
  it('indentation is not significant', () => {
    const src = 'def f(n):\nif n:\nreturn 1\nend\nreturn 2\nend\nx = [f(True), f(False)]\n';
    expect(star(src)).toBe('[1, 2]');
  });
  it('for with break/continue and tuple unpacking', () => {
    const src = 'x = []\nfor i, v in enumerate(["a", "b", "c", "d"]):\n  if i == 1:\n    continue\n  end\n  if v == "d":\n    break\n  end\n  x.append(v)\nend\n';
    expect(star(src)).toBe('["a", "c"]');
  });
  it('while loops', () => {
    expect(star('def f():\n  n = 0\n  while n < 5:\n    n += 2\n  end\n  return n\nend\nx = f()\n')).toBe('6');
  });
  it('augmented assignment on list extends in place', () => {
    expect(star('a = [1]\nb = a\nb += [2]\nx = a\n')).toBe('[1, 2]');
  });
  it('one-line suites', () => {
    expect(star('def f(x): return x * 2\nx = f(4)\n')).toBe('8');
  });
  it('pass is rejected', () => {
    expect(starError('def f():\n  pass\nend\n')).toBe("use of reserved keyword 'pass' is not allowed");
  });
  it('unbalanced end is reported', () => {
    expect(starError('def f():\n  return 1\n')).toBe('mismatched set of block openings (if/else/elif/for/def) and closing (end)');
  });
});

describe('functions', () => {
  it('defaults, *args, **kwargs, keyword-only parameters', () => {
    const src = 'def f(a, b=2, *args, c=3, **kw):\n  return [a, b, args, c, kw]\nend\nx = [f(1), f(1, 5, 6, 7, c=8, d=9)]\n';
    expect(star(src)).toBe('[[1, 2, (), 3, {}], [1, 5, (6, 7), 8, {"d": 9}]]');
  });
  it('bare * makes keyword-only parameters', () => {
    expect(star('def f(a, *, b):\n  return a + b\nend\nx = f(1, b=2)\n')).toBe('3');
    expect(starError('def f(a, *, b):\n  return a + b\nend\nx = f(1, 2)\n')).toBe('function f accepts 1 positional argument (2 given)');
  });
  it('argument errors match starlark-go', () => {
    expect(starError('def f(a, b):\n  return 1\nend\nf(1)\n')).toBe('function f missing 1 argument (b)');
    expect(starError('def f(a):\n  return 1\nend\nf(1, c=2)\n')).toBe('function f got an unexpected keyword argument c');
  });
  it('closures see later assignments of enclosing variables', () => {
    expect(star('def outer():\n  v = 1\n  def inner():\n    return v\n  end\n  v = 2\n  return inner()\nend\nx = outer()\n')).toBe('2');
  });
  it('lambda and recursion', () => {
    expect(star('def fact(n):\n  return 1 if n <= 1 else n * fact(n - 1)\nend\nsq = lambda v: v * v\nx = [fact(20), sq(7)]\n')).toBe('[2432902008176640000, 49]');
  });
  it('call arguments with * and **', () => {
    expect(star('def f(a, b, c=0):\n  return a + b + c\nend\nx = f(*[1, 2], **{"c": 3})\n')).toBe('6');
  });
});

describe('comprehensions', () => {
  it('nested for/if clauses', () => {
    expect(expr('[(i, j) for i in range(3) for j in range(i) if (i + j) % 2 == 1]')).toBe('[(1, 0), (2, 1)]');
    expect(expr('{k: v * 2 for k, v in {"a": 1, "b": 2}.items()}')).toBe('{"a": 2, "b": 4}');
  });
  it('comprehension variables do not leak', () => {
    expect(starError('y = [i for i in range(3)]\nx = i\n')).toBe('undefined: i');
  });
});

describe('scoping and resolution', () => {
  it('undefined names fail before running', () => {
    expect(starError('x = 1\nfail("ran")\ny = nope\n')).toBe('undefined: nope');
  });
  it('globals referenced before assignment', () => {
    expect(starError('def f():\n  return g\nend\nx = f()\ng = 1\n')).toBe('global variable g referenced before assignment');
  });
  it('locals referenced before assignment', () => {
    expect(starError('def f():\n  y = v\n  v = 1\nend\nf()\n')).toBe('local variable v referenced before assignment');
  });
  it('top-level if/for and global reassignment are allowed (ytt enables them)', () => {
    expect(star('x = 1\nif True:\n  x = 2\nend\nfor i in [1]:\n  x += i\nend\n')).toBe('3');
  });
});

describe('builtins', () => {
  it('len/str/repr/type/bool', () => {
    expect(expr('[len("abc"), len([1]), len({"a": 1})]')).toBe('[3, 1, 1]');
    expect(expr('str(1) + str(None) + str(True)')).toBe('"1NoneTrue"');
    expect(expr('repr("a")')).toBe('"\\"a\\""');
    expect(expr('[type(1), type(1.0), type(""), type([]), type({}), type(None), type(len)]')).toBe(
      '["int", "float", "string", "list", "dict", "NoneType", "builtin_function_or_method"]',
    );
  });
  it('sorted/reversed/min/max/any/all/zip/range', () => {
    expect(expr('sorted([3, 1, 2], reverse=True)')).toBe('[3, 2, 1]');
    expect(expr('sorted(["bb", "a", "ccc"], key=len)')).toBe('["a", "bb", "ccc"]');
    expect(expr('list(reversed([1, 2, 3]))')).toBe('[3, 2, 1]');
    expect(expr('[min(3, 1, 2), max([4, 9, 2]), any([0, 1]), all([1, 0])]')).toBe('[1, 9, True, False]');
    expect(expr('zip([1, 2], "ab".elems())')).toBe('[(1, "a"), (2, "b")]');
    expect(expr('list(range(10, 0, -3))')).toBe('[10, 7, 4, 1]');
  });
  it('int() parsing', () => {
    expect(expr('int("42") + int("0x10", 16) + int("-7")')).toBe('51');
    expect(starError('int("abc")')).toMatch(/^int: invalid literal/);
  });
  it('getattr/hasattr/dir', () => {
    expect(expr('hasattr("", "upper")')).toBe('True');
    expect(expr('getattr("abc", "upper")()')).toBe('"ABC"');
    expect(expr('getattr([], "nope", 5)')).toBe('5');
    expect(expr('"upper" in dir("")')).toBe('True');
  });
  it('range values, chr/ord, sets (the universe of ytt\'s starlark-go fork)', () => {
    expect(expr('[type(range(3)), str(range(3)), str(range(1, 5, 2)), len(range(0, 10, 3)), range(5)[2], 3 in range(5)]')).toBe(
      '["range", "range(3)", "range(1, 5, 2)", 4, 2, True]',
    );
    expect(expr('[chr(65), ord("a")]')).toBe('["A", 97]');
    expect(expr('set([1, 2, 2, 3])')).toBe('set([1, 2, 3])');
    expect(expr('[2 in set([1, 2]), len(set([1, 1]))]')).toBe('[True, 1]');
    expect(starError('x = abs(1)')).toBe('undefined: abs');
    expect(starError('x = "ab".removeprefix("a")')).toBe('string has no .removeprefix field or method');
    expect(starError('x = getattr("", "nope")')).toBe('getattr: string has no .nope field or method');
    expect(starError('x = max([])')).toBe('max: argument is an empty sequence');
    expect(starError('x = "{:>3}".format(1)')).toBe('format spec features not supported in replacement fields: >3');
    expect(starError('x = {}.pop("k")')).toBe('pop: missing key');
  });
  it('fail()', () => {
    expect(starError('fail("boom", 1)')).toBe('fail: boom 1');
  });
});

describe('string methods', () => {
  it('split/rsplit/join/strip/replace', () => {
    expect(expr('"a,b,,c".split(",")')).toBe('["a", "b", "", "c"]');
    expect(expr('"  a  b ".split()')).toBe('["a", "b"]');
    expect(expr('"a/b/c".split("/", 1)')).toBe('["a", "b/c"]');
    expect(expr('"a/b/c".rsplit("/", 1)')).toBe('["a/b", "c"]');
    expect(expr('"-".join(["x", "y"])')).toBe('"x-y"');
    expect(expr('"  hi\\n".strip()')).toBe('"hi"');
    expect(expr('"a\\nb\\n".splitlines()')).toBe('["a", "b"]');
    expect(expr('"a\\nb".splitlines(True)')).toBe('["a\\n", "b"]');
    expect(expr('"xxhixx".strip("x")')).toBe('"hi"');
    expect(expr('"aaa".replace("a", "b", 2)')).toBe('"bba"');
  });
  it('find/index/count/startswith/endswith/partition', () => {
    expect(expr('["hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".count("l")]')).toBe('[2, 3, -1, 2]');
    expect(expr('["abc".startswith(("x", "a")), "abc".endswith("bc")]')).toBe('[True, True]');
    expect(expr('"k=v=w".partition("=")')).toBe('("k", "=", "v=w")');
    expect(starError('"abc".index("z")')).toBe('index: substring not found');
  });
  it('case and predicates', () => {
    expect(expr('["Ab".lower(), "Ab".upper(), "hello world".title(), "hELLO".capitalize()]')).toBe('["ab", "AB", "Hello World", "Hello"]');
    expect(expr('["123".isdigit(), "a1".isalnum(), "ab".isalpha(), " ".isspace()]')).toBe('[True, True, True, True]');
  });
  it('format and % formatting', () => {
    expect(expr('"{}-{}".format("a", 1)')).toBe('"a-1"');
    expect(expr('"{1}{0}{x}".format("a", "b", x="c")')).toBe('"bac"');
    expect(expr('"{!r}".format("q")')).toBe('"\\"q\\""');
    expect(expr('"{{}}".format()')).toBe('"{}"');
    expect(expr('"%s/%d/%r/%x" % ("a", 42, "q", 255)')).toBe('"a/42/\\"q\\"/ff"');
    expect(expr('"%(name)s!" % {"name": "n"}')).toBe('"n!"');
  });
});

describe('list and dict methods', () => {
  it('list methods', () => {
    expect(star('x = [3, 1]\nx.append(2)\nx.extend([5])\nx.insert(0, 9)\nx.remove(1)\ny = x.pop()\nx.append(x.index(2))\n')).toBe('[9, 3, 2, 2]');
  });
  it('dict methods keep insertion order', () => {
    const src = 'x = {"b": 1}\nx["a"] = 2\nx.update({"c": 3}, d=4)\nx.setdefault("e", 5)\nx.pop("b")\nx = [x, x.get("zz", 0), x.keys(), x.values()]\n';
    expect(star(src)).toBe('[{"a": 2, "c": 3, "d": 4, "e": 5}, 0, ["a", "c", "d", "e"], [2, 3, 4, 5]]');
  });
  it('dict errors', () => {
    expect(starError('x = {}["k"]')).toBe('key "k" not in dict');
    expect(starError('x = {[1]: 2}')).toBe('unhashable type: list');
    expect(starError('x = {"a": 1, "a": 2}')).toBe('duplicate key: "a"');
  });
  it('mutation during iteration is an error', () => {
    expect(starError('x = [1]\nfor i in x:\n  x.append(i)\nend\n')).toBe('cannot append to list during iteration');
  });
});

describe('runtime errors use starlark-go messages', () => {
  it('binary ops and indexing', () => {
    expect(starError('x = None + "a"')).toBe('unknown binary op: NoneType + string');
    expect(starError('x = [1][1]')).toBe('list index 1 out of range [-1:0]');
    expect(starError('x = "a".nope')).toBe('string has no .nope field or method');
    expect(starError('x = "a".uper()')).toBe('string has no .uper field or method (did you mean .upper?)');
    expect(starError('x = 1 < "a"')).toBe('int < string not implemented');
    expect(starError('x = 1 // 0')).toBe('floored division by zero');
  });
  it('strings are not iterable', () => {
    expect(starError('for c in "ab":\n  pass_ = c\nend\n')).toBe('string value is not iterable');
  });
});

describe('strings are UTF-8 byte strings (as in starlark-go)', () => {
  it('len, indexes, slices and find offsets count bytes', () => {
    expect(expr('len("héllo")')).toBe('6');
    expect(expr('"héllo".find("l")')).toBe('3');
    expect(expr('"héllo"[3:]')).toBe('"llo"');
    expect(expr('"héllo"[:3]')).toBe('"hé"');
    expect(expr('"héllo".index("o", 4)')).toBe('5');
    expect(expr('len("héllo".elems())')).toBe('6');
    expect(expr('"aéaéa".count("é")')).toBe('2');
    expect(expr('"héllo".endswith("llo", 3)')).toBe('True');
  });
});
