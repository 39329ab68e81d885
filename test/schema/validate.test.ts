// The schema engine on its own: each structural rule the API server applies, for custom
// resources (field errors, nulls pruned) and built-in kinds (Go decoding, nulls as zero values).
import { describe, expect, it } from 'vitest';
import { validateValue, type Schema } from '../../src/schema/index.js';

const custom = (value: unknown, schema: Schema) => validateValue(value, schema, { dialect: 'custom' });
const rules = (value: unknown, schema: Schema) => custom(value, schema).map((i) => `${i.rule} ${i.path.join('.')}`);

const spec: Schema = {
  type: 'object',
  required: ['tag'],
  properties: {
    tag: { type: 'string', minLength: 3, pattern: '^[a-z./:-]+$' },
    replicas: { type: 'integer', format: 'int32', minimum: 1 },
    port: { 'x-kubernetes-int-or-string': true },
    size: { type: 'string', format: 'quantity' },
    kind: { type: 'string', enum: ['Builder', 'ClusterBuilder'] },
    when: { type: 'string', format: 'date-time' },
    note: { type: 'string', nullable: true },
    config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    items: { type: 'array', maxItems: 2, items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
    object: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object' } } },
  },
};

describe('structural schema validation', () => {
  it('accepts a valid value', () => {
    expect(custom({ tag: 'reg/app', replicas: 2, port: 'http', size: 1.5, kind: 'Builder', when: '2024-01-02T03:04:05Z', note: null, config: { any: { thing: 1 } }, labels: { a: 'b' }, items: [{ name: 'x' }], object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, spec: {} } }, spec)).toEqual([]);
  });

  it('refuses an unknown field, with the declared one meant', () => {
    const [issue] = custom({ tag: 'reg/app', replcas: 2 }, spec);
    expect(issue).toMatchObject({ rule: 'unknown-field', path: ['replcas'], suggestion: 'replicas', apiServer: 'strict decoding error: unknown field "replcas"' });
  });

  it('a misspelling of a required field that is missing is one issue, not two; at its own level only', () => {
    expect(custom({ tga: 'reg/app' }, spec)).toEqual([expect.objectContaining({ rule: 'unknown-field', path: ['tga'], suggestion: 'tag', suggestionMissing: true })]);
    // the field meant is there: no more than the unknown field
    expect(custom({ tag: 'reg/app', tga: 'x' }, spec)[0]).not.toHaveProperty('suggestionMissing');
    // a misspelling meaning another field leaves the missing one required
    expect(rules({ replcas: 2 }, spec)).toEqual(['unknown-field replcas', 'required tag']);
    // nested: an item's misspelt name
    expect(rules({ tag: 'reg/app', items: [{ nmae: 'x' }] }, spec)).toEqual(['unknown-field items.0.nmae']);
  });

  it('tells integers from strings and numbers, and int-or-string from both', () => {
    expect(custom({ tag: 'reg/app', replicas: '1' }, spec)[0]).toMatchObject({ rule: 'type', message: 'expected integer, got string "1"', apiServer: 'replicas: Invalid value: "string": replicas in body must be of type integer: "string"' });
    expect(rules({ tag: 'reg/app', replicas: 1.5 }, spec)).toEqual(['type replicas']);
    expect(rules({ tag: 'reg/app', port: 8080 }, spec)).toEqual([]);
    expect(rules({ tag: 'reg/app', port: true }, spec)).toEqual(['type port']);
  });

  it('checks required fields, enums, formats, limits and patterns', () => {
    expect(rules({}, spec)).toEqual(['required tag']);
    expect(custom({ tag: 'reg/app', kind: 'Other' }, spec)[0]?.apiServer).toBe('kind: Unsupported value: "Other": supported values: "Builder", "ClusterBuilder"');
    expect(rules({ tag: 'reg/app', when: 'yesterday', size: '1 Gi', replicas: 4294967296 }, spec)).toEqual(['format when', 'format size', 'format replicas']);
    expect(rules({ tag: 'R', replicas: 0, items: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }, spec)).toEqual(['limit tag', 'pattern tag', 'limit replicas', 'limit items']);
  });

  it('prunes a null where the schema is not nullable (a required one is then missing), and keeps it where it is', () => {
    expect(rules({ tag: null, replicas: null, note: null }, spec)).toEqual(['required tag']);
    expect(rules({ tag: 'reg/app', items: [null] }, spec)).toEqual(['type items.0']);
  });

  it('keeps unknown fields where the schema preserves them, and checks an embedded object\'s apiVersion and kind', () => {
    expect(rules({ tag: 'reg/app', config: { a: [1, { b: 2 }] } }, spec)).toEqual([]);
    expect(rules({ tag: 'reg/app', object: { metadata: {}, spec: {}, extra: 1 } }, spec)).toEqual(['unknown-field object.extra', 'required object.apiVersion', 'required object.kind']);
    expect(rules({ tag: 'reg/app', items: [{}] }, spec)).toEqual(['required items.0.name']);
  });

  it('words built-in kinds as the Go decoder and validation do, and takes a null as the zero value', () => {
    const definitions: Record<string, Schema> = {
      V1DeploymentSpec: { type: 'object', required: ['selector'], properties: { replicas: { type: 'integer', format: 'int32' }, selector: { type: 'object' }, strategy: { $ref: 'V1DeploymentStrategy' } } },
      V1DeploymentStrategy: { type: 'object', properties: { type: { type: 'string' } } },
    };
    const issues = validateValue({ replicas: '1', strategy: 'Recreate', paused: true, selector: null }, { $ref: 'V1DeploymentSpec' }, { dialect: 'builtin', definitions, rootName: 'V1DeploymentSpec' });
    expect(issues.map((i) => i.apiServer)).toEqual([
      'json: cannot unmarshal string into Go struct field DeploymentSpec.replicas of type int32',
      'json: cannot unmarshal string into Go struct field DeploymentSpec.strategy of type v1.DeploymentStrategy',
      'strict decoding error: unknown field "paused"',
      'selector: Required value',
    ]);
  });

  it('takes format and required names from a CRD as plain text (no Object.prototype keys)', () => {
    expect(rules({ a: 'x' }, { type: 'object', required: ['__proto__', 'constructor'], properties: { a: { type: 'string', format: 'constructor' } } })).toEqual(['required __proto__', 'required constructor']);
  });

  it('does not run a pattern that could backtrack for ever', () => {
    expect(rules({ tag: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' }, { type: 'object', properties: { tag: { type: 'string', pattern: '^(a+)+$' } } })).toEqual([]);
  });
});
