// Evaluation cases re-expressed from client-go's jsonpath_test.go (inputs and expected output
// as client-go's Execute prints them), run through findResults.
import { describe, expect, it } from 'vitest';
import { GoStruct, compile, findResults } from '../../src/jsonpath/index.js';
import type { GoField, GoTypeInfo, GoValue } from '../../src/jsonpath/index.js';
import { execute, executeError } from './helpers.js';

const goField = (name: string, value: GoValue, type?: GoTypeInfo): GoField => ({ name, goName: name, value, omitEmpty: false, pointer: false, type });
const FLOAT32: GoTypeInfo = { kind: 'float', name: 'float32' };
const INT: GoTypeInfo = { kind: 'int', name: 'int' };

describe('TestTypesInput', () => {
  const structType = (name: string, value: number, type: string) =>
    new GoStruct([goField('name', name), { ...goField('value', value), goName: 'Value' }, goField('type', type)], 'struct');
  const types = {
    bools: [true, false, true, false],
    integers: [1, 2, 3, 4],
    floats: [1.0, 2.2, 3.3, 4.0],
    strings: ['one', 'two', 'three', 'four'],
    interfaces: [true, 'one', 1, 1.1],
    maps: [
      { name: 'one', value: 1 },
      { name: 'two', value: 2.02 },
      { name: 'three', value: 3.03 },
      { name: 'four', value: 4.04 },
    ],
    structs: [structType('one', 1, 'integer'), structType('two', 2.002, 'float'), structType('three', 3, 'integer'), structType('four', 4.004, 'float')],
  };
  const cases: [string, string][] = [
    ['{ .bools }', '[true,false,true,false]'],
    ['{ .bools[0] }', 'true'],
    ['{ .bools[-1] }', 'false'],
    ['{ .bools[0:2] }', 'true false'],
    ['{ .bools[:2] }', 'true false'],
    ['{ .bools[:4:2] }', 'true true'],
    ['{ .integers }', '[1,2,3,4]'],
    ['{ .integers[0] }', '1'],
    ['{ .integers[-2] }', '3'],
    ['{ .integers[0:2] }', '1 2'],
    ['{ .integers[:2] }', '1 2'],
    ['{ .integers[:4:2] }', '1 3'],
    ['{ .floats }', '[1,2.2,3.3,4]'],
    ['{ .floats[0] }', '1'],
    ['{ .floats[-2] }', '3.3'],
    ['{ .floats[0:2] }', '1 2.2'],
    ['{ .floats[:4:2] }', '1 3.3'],
    ['{ .strings }', '["one","two","three","four"]'],
    ['{ .strings[0] }', 'one'],
    ['{ .strings[-2] }', 'three'],
    ['{ .strings[0:2] }', 'one two'],
    ['{ .strings[:4:2] }', 'one three'],
    ['{ .interfaces }', '[true,"one",1,1.1]'],
    ['{ .interfaces[0] }', 'true'],
    ['{ .interfaces[-2] }', '1'],
    ['{ .interfaces[0:2] }', 'true one'],
    ['{ .interfaces[:4:2] }', 'true 1'],
    ['{ .maps }', '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]'],
    ['{ .maps[0] }', '{"name":"one","value":1}'],
    ['{ .maps[-2] }', '{"name":"three","value":3.03}'],
    ['{ .maps[0:2] }', '{"name":"one","value":1} {"name":"two","value":2.02}'],
    ['{ .maps[::2] }', '{"name":"one","value":1} {"name":"three","value":3.03}'],
    ['{ .maps[1::2] }', '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
    [
      '{ .structs }',
      '[{"name":"one","value":1,"type":"integer"},{"name":"two","value":2.002,"type":"float"},{"name":"three","value":3,"type":"integer"},{"name":"four","value":4.004,"type":"float"}]',
    ],
    ['{ .structs[0] }', '{"name":"one","value":1,"type":"integer"}'],
    ['{ .structs[-2] }', '{"name":"three","value":3,"type":"integer"}'],
    ['{ .structs[:2] }', '{"name":"one","value":1,"type":"integer"} {"name":"two","value":2.002,"type":"float"}'],
    ['{ .structs[::2] }', '{"name":"one","value":1,"type":"integer"} {"name":"three","value":3,"type":"integer"}'],
    ['{ .structs[1::2] }', '{"name":"two","value":2.002,"type":"float"} {"name":"four","value":4.004,"type":"float"}'],
  ];
  it.each(cases)('%s', (template, expected) => {
    expect(execute(template, types)).toBe(expected);
  });
});

function book(category: string, author: string, title: string, price: number): GoStruct {
  return new GoStruct([goField('Category', category), goField('Author', author), goField('Title', title), goField('Price', price, FLOAT32)], 'jsonpath.book');
}
function bicycle(color: string, price: number, isNew: boolean): GoStruct {
  return new GoStruct([goField('Color', color), goField('Price', price, FLOAT32), goField('IsNew', isNew)], 'jsonpath.bicycle');
}
const storeData = new GoStruct(
  [
    goField('Book', [
      book('reference', 'Nigel Rees', 'Sayings of the Centurey', 8.95),
      book('fiction', 'Evelyn Waugh', 'Sword of Honour', 12.99),
      book('fiction', 'Herman Melville', 'Moby Dick', 8.99),
    ]),
    goField('Bicycle', [bicycle('red', 19.95, true), bicycle('green', 20.01, false)]),
    goField('Name', 'jsonpath'),
    goField('Labels', { engieer: 10, 'web/html': 15, 'k8s-app': 20 }, { kind: 'map', name: 'map[string]int', elem: INT }),
    goField('Employees', { jason: 'manager', dan: 'clerk' }, { kind: 'map', name: 'map[jsonpath.empName]jsonpath.job', elem: { kind: 'string', name: 'jsonpath.job' } }),
  ],
  'jsonpath.store',
);

describe('TestStructInput', () => {
  const cases: [string, GoValue, string][] = [
    ['hello jsonpath', null, 'hello jsonpath'],
    ['{..}', [1, 2, 3], '[1,2,3]'],
    ['{"{"}', null, '{'],
    ['{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
    ['{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
    ['hello {.Name}', storeData, 'hello jsonpath'],
    ['{$.Labels.web/html}', storeData, '15'],
    ['{$.Employees.jason}', storeData, 'manager'],
    ['{$.Employees.dan}', storeData, 'clerk'],
    ['{.Labels.k8s-app}', storeData, '20'],
    ['{.Bicycle[*].Color}', storeData, 'red green'],
    ['{.Book[*].Author}', storeData, 'Nigel Rees Evelyn Waugh Herman Melville'],
    ['{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', storeData, '{red 19.95 true} {green 20.01 false} '],
    ['{..Price}', storeData, '8.95 12.99 8.99 19.95 20.01'],
    ['{...Price}', storeData, '8.95 12.99 8.99 19.95 20.01'],
    ['{.Bicycle}', storeData, '[{"Color":"red","Price":19.95,"IsNew":true},{"Color":"green","Price":20.01,"IsNew":false}]'],
    ['{range .Bicycle[*]}{ @ }{ " " }{end}', storeData, '{"Color":"red","Price":19.95,"IsNew":true} {"Color":"green","Price":20.01,"IsNew":false} '],
    ['{.Book[-1:]}', storeData, '{"Category":"fiction","Author":"Herman Melville","Title":"Moby Dick","Price":8.99}'],
    ['{..Book[2]}', storeData, '{"Category":"fiction","Author":"Herman Melville","Title":"Moby Dick","Price":8.99}'],
    ['{.Bicycle[?(@.IsNew==true)]}', storeData, '{"Color":"red","Price":19.95,"IsNew":true}'],
  ];
  it.each(cases)('%s', (template, input, expected) => {
    expect(execute(template, input)).toBe(expected);
  });

  it('filters a []int with an int literal', () => {
    // client-go's input is a Go []int; integral untyped numbers stand in for it here
    expect(execute('{[?(@<5)]}', [2, 6, 3, 7], false, { untypedNumbers: 'unstructured' })).toBe('2 3');
    // the same numbers as encoding/json decodes them (float64) do not compare with an int literal
    expect(executeError('{[?(@<5)]}', [2, 6, 3, 7])).toBe('incompatible types for comparison');
  });

  it('tolerates missing keys when asked', () => {
    expect(execute('{.hello}', storeData, true)).toBe('');
    expect(execute('before-{.hello}after', storeData, true)).toBe('before-after');
  });

  const failures: [string, string][] = [
    ['{hello}', 'unrecognized identifier hello'],
    ['{.hello}', 'hello is not found'],
    ['{.Labels[0]}', 'map[string]int is not array or slice'],
    ['{.Book[?(@.Price<>10)]}', 'unrecognized filter operator <>'],
    ['{range .Labels.*}{@}{end}{end}', 'not in range, nothing to end'],
  ];
  it.each(failures)('%s fails', (template, message) => {
    expect(executeError(template, storeData)).toBe(message);
  });
});

describe('TestJSONInput', () => {
  const points = JSON.parse(`[
    {"id": "i1", "x":4, "y":-5},
    {"id": "i2", "x":-2, "y":-5, "z":1},
    {"id": "i3", "x":  8, "y":  3 },
    {"id": "i4", "x": -6, "y": -1 },
    {"id": "i5", "x":  0, "y":  2, "z": 1 },
    {"id": "i6", "x":  1, "y":  4 },
    {"id": "i7", "x":  null, "y":  4 }
  ]`);
  it('exists filter', () => expect(execute('{[?(@.z)].id}', points)).toBe('i2 i5'));
  it('bracket key', () => expect(execute("{[0]['id']}", points)).toBe('i1'));
  it('a present null is a result', () => expect(findResults(compile("{[-1]['x']}"), points)).toEqual([[null]]));
});

const nodesData = JSON.parse(`{
  "kind": "List",
  "items":[
    {"kind":"None","metadata":{"name":"127.0.0.1","labels":{"kubernetes.io/hostname":"127.0.0.1"}},
     "status":{"capacity":{"cpu":"4"},"ready": true,"addresses":[{"type": "LegacyHostIP", "address":"127.0.0.1"}]}},
    {"kind":"None","metadata":{"name":"127.0.0.2","labels":{"kubernetes.io/hostname":"127.0.0.2"}},
     "status":{"capacity":{"cpu":"8"},"ready": false,"addresses":[{"type": "LegacyHostIP", "address":"127.0.0.2"},{"type": "another", "address":"127.0.0.3"}]}}
  ],
  "users":[{"name": "myself","user": {}},{"name": "e2e","user": {"username": "admin", "password": "secret"}}]
}`);

describe('TestKubernetes', () => {
  const cases: [string, string][] = [
    ['{range .items[*]}{.metadata.name}, {end}{.kind}', '127.0.0.1, 127.0.0.2, List'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{end}', '127.0.0.1\t127.0.0.2\t'],
    ['{.items[*].status.addresses[*].address}', '127.0.0.1 127.0.0.2 127.0.0.3'],
    ['{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
    ['{.items[*].metadata.name}', '127.0.0.1 127.0.0.2'],
    ["{.items[*]['metadata.name', 'status.capacity']}", '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    ['{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ['{.users[?(@.name=="e2e")].user.password}', 'secret'],
    ['{.items[0].metadata.labels.kubernetes\\.io/hostname}', '127.0.0.1'],
    ['{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', 'None'],
    ['{.items[?(@..ready==true)].metadata.name}', '127.0.0.1'],
    // client-go sorts this output because Go's map order is random; carto's order is sorted keys
    ['{..name}', '127.0.0.1 127.0.0.2 myself e2e'],
  ];
  it.each(cases)('%s', (template, expected) => {
    expect(execute(template, nodesData)).toBe(expected);
  });
});

describe('TestEmptyRange (allowMissingKeys)', () => {
  const empty = { items: [] };
  it.each([
    '{range .items[*]}{.metadata.name}{end}',
    '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
  ])('%s', (template) => {
    expect(execute(template, empty, true)).toBe('');
  });
});

describe('TestNestedRanges', () => {
  const data = {
    items: [
      {
        metadata: { name: 'pod1' },
        spec: {
          containers: [
            { name: 'foo', another: [{ name: 'value1' }, { name: 'value2' }] },
            { name: 'bar', another: [{ name: 'value1' }, { name: 'value2' }] },
          ],
        },
      },
      { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
    ],
  };
  it('nested range', () => {
    expect(execute('{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', data)).toBe(
      'pod1:foo,bar,+pod2:baz,+',
    );
  });
  it('range within a nested range', () => {
    expect(
      execute(
        '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
        data,
      ),
    ).toBe('pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#');
  });
  it('two nested ranges at the same level', () => {
    expect(
      execute(
        '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
        data,
      ),
    ).toBe('pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n');
  });
});

describe('TestFilterPartialMatchesSometimesMissingAnnotations', () => {
  const data: GoValue = {
    kind: 'List',
    items: [
      { kind: 'Pod', metadata: { name: 'pod1', annotations: { color: 'blue' } } },
      { kind: 'Pod', metadata: { name: 'pod2' } },
      { kind: 'Pod', metadata: { name: 'pod3', annotations: { color: 'green' } } },
      { kind: 'Pod', metadata: { name: 'pod4', annotations: { color: 'blue' } } },
    ],
  };
  const template = '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}';
  it('tolerates missing items with allowMissingKeys', () => expect(execute(template, data, true)).toBe('pod1 pod4'));
  it('errors on missing items without it', () => expect(executeError(template, data)).toBe('annotations is not found'));
});

describe('TestNegativeIndex', () => {
  const data = { apiVersion: 'v1', kind: 'Pod', spec: { containers: [0, 1, 2, 3].map((i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) } };
  const cases: [string, string][] = [
    ['{.spec.containers[0].name}', 'fake0'],
    ['{.spec.containers[0:0].name}', ''],
    ['{.spec.containers[0:-1].name}', 'fake0 fake1 fake2'],
    ['{.spec.containers[-1].name}', 'fake3'],
    ['{.spec.containers[-1:].name}', 'fake3'],
    ['{.spec.containers[-2].name}', 'fake2'],
    ['{.spec.containers[-2:].name}', 'fake2 fake3'],
    ['{.spec.containers[-3].name}', 'fake1'],
    ['{.spec.containers[-4].name}', 'fake0'],
    ['{.spec.containers[-4:].name}', 'fake0 fake1 fake2 fake3'],
    ['{.spec.containers[5:5].name}', ''],
    ['{.spec.containers[-5:-5].name}', ''],
  ];
  it.each(cases)('%s', (template, expected) => expect(execute(template, data)).toBe(expected));
  const failures: [string, string][] = [
    ['{.spec.containers[-1:0].name}', 'starting index 3 is greater than ending index 0'],
    ['{.spec.containers[-5].name}', 'array index out of bounds: index -1, length 4'],
    ['{.spec.containers[3:1].name}', 'starting index 3 is greater than ending index 1'],
    ['{.spec.containers[-1:-2].name}', 'starting index 3 is greater than ending index 2'],
  ];
  it.each(failures)('%s fails', (template, message) => expect(executeError(template, data)).toBe(message));
});

describe('TestRunningPodsJSONPathOutput', () => {
  it('range over a filter without @', () => {
    const data: GoValue = {
      kind: 'List',
      items: [
        { kind: 'Pod', metadata: { name: 'pod1' }, status: { phase: 'Running' } },
        { kind: 'Pod', metadata: { name: 'pod2' }, status: { phase: 'Running' } },
        { kind: 'Pod', metadata: { name: 'pod3' }, status: { phase: 'Running' } },
        { resourceVersion: '' },
      ],
    };
    expect(execute('{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', data, true)).toBe(
      'pod1 is Running\npod2 is Running\npod3 is Running\n',
    );
  });
});

describe('TestStep', () => {
  const data = { spec: { containers: [0, 1, 2, 3, 4, 5].map((i) => ({ name: `fake${i}` })) } };
  const cases: [string, string][] = [
    ['{.spec.containers[0:].name}', 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[0:6:].name}', 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[0:6:1].name}', 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[1:4:2].name}', 'fake1 fake3'],
    ['{.spec.containers[1:4:3].name}', 'fake1'],
    ['{.spec.containers[1:4:4].name}', 'fake1'],
    ['{.spec.containers[0:6:2].name}', 'fake0 fake2 fake4'],
    ['{.spec.containers[0:6:3].name}', 'fake0 fake3'],
    ['{.spec.containers[0:6:5].name}', 'fake0 fake5'],
    ['{.spec.containers[0:6:6].name}', 'fake0'],
  ];
  it.each(cases)('%s', (template, expected) => expect(execute(template, data)).toBe(expected));
  it.each(['{.spec.containers[0:6:0].name}', '{.spec.containers[0:6:-1].name}'])('%s fails', (template) => {
    expect(executeError(template, data)).toBe('step must be > 0');
  });
});
