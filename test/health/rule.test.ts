// src/health on its own: each form of a health rule evaluated on an object, with the reasons and
// messages Cartographer v0.8.11 writes on the `Healthy` condition. The expected conditions were
// recorded with refharness (Cartographer's own healthcheck code) on the same objects.
import { describe, expect, it } from 'vitest';
import { effectiveRule, judgeRule, liveView, resourceHealth, statusConditions, type HealthCondition } from '../../src/health/index.js';
import { buildCatalog, templateKey, type HealthRule, type JSONObject } from '../../src/model/index.js';
import { parseText } from '../../src/index.js';

const rule = (r: Partial<HealthRule>): HealthRule => ({ alwaysHealthy: false, singleConditionType: '', ...r });
const fields = (...f: Array<{ key: string; operator: string; values?: string[]; messagePath?: string }>) => f.map((x) => ({ messagePath: '', ...x }));
const multi = (healthy: Partial<{ matchConditions: { type: string; status: string }[]; matchFields: ReturnType<typeof fields> }>, unhealthy: typeof healthy) =>
  rule({ multiMatch: { healthy: { matchConditions: [], matchFields: [], ...healthy }, unhealthy: { matchConditions: [], matchFields: [], ...unhealthy } } });
const withConditions = (...conditions: unknown[]): JSONObject => ({ apiVersion: 'example.com/v1', kind: 'Thing', status: { conditions } });
const cond = (status: HealthCondition['status'], reason: string, message = ''): HealthCondition => ({ status, reason, message });
const judge = (r: HealthRule, object: JSONObject) => judgeRule(r, object).condition;

describe('singleConditionType', () => {
  const ready = rule({ singleConditionType: 'Ready' });
  it('takes the status and message of the condition of that type; a status other than True or False is Unknown', () => {
    expect(judge(ready, withConditions({ type: 'Ready', status: 'False', message: 'not yet', reason: 'Waiting' }))).toEqual(cond('False', 'ReadyCondition', 'not yet'));
    expect(judge(ready, withConditions({ type: 'Ready', status: 'True' }))).toEqual(cond('True', 'ReadyCondition'));
    expect(judge(ready, withConditions({ type: 'Ready', status: 'Maybe', message: 'hm' }))).toEqual(cond('Unknown', 'ReadyCondition', 'hm'));
    expect(judge(ready, withConditions({ type: 'Ready', status: 'false', message: 'm' }))).toEqual(cond('Unknown', 'ReadyCondition', 'm'));
  });

  it('is Unknown, saying so, when the object has no such condition', () => {
    expect(judge(ready, { kind: 'Thing' })).toEqual(cond('Unknown', 'ReadyCondition', 'condition with type [Ready] not found on resource status'));
    expect(judge(ready, withConditions({ type: 'Other', status: 'True' }))).toEqual(cond('Unknown', 'ReadyCondition', 'condition with type [Ready] not found on resource status'));
  });

  it('takes the first condition of the type', () => {
    expect(judge(ready, withConditions({ type: 'Ready', status: 'False', message: 'first' }, { type: 'Ready', status: 'True', message: 'second' }))).toEqual(cond('False', 'ReadyCondition', 'first'));
  });
});

describe('status.conditions decoded as the controller decodes them', () => {
  const notFound = cond('Unknown', 'ReadyCondition', 'condition with type [Ready] not found on resource status');
  const ready = rule({ singleConditionType: 'Ready' });
  it('one malformed entry leaves no conditions at all', () => {
    for (const bad of [
      ['x', { type: 'Ready', status: 'True', message: 'ok' }],
      [{ type: 'Ready', status: true }],
      [{ type: 'Ready', status: 'False', message: 5 }],
      [{ type: 'Other', status: { a: 1 } }, { type: 'Ready', status: 'True' }],
      [{ type: 'Ready', status: 'False', observedGeneration: 1.5 }],
      [{ type: 'Ready', status: 'False', observedGeneration: '3' }],
      [{ type: 'Ready', status: 'False', lastTransitionTime: '' }],
      [{ type: 'Ready', status: 'False', lastTransitionTime: '2020-01-01 00:00:00Z' }],
      [{ type: 'Ready', status: 'False', lastTransitionTime: '2020-02-30T00:00:00Z' }],
      [{ type: 'Ready', status: 'False', lastTransitionTime: '2020-01-01T10:00:00+0200' }],
    ]) {
      expect(judge(ready, withConditions(...bad)), JSON.stringify(bad)).toEqual(notFound);
    }
    expect(judge(ready, { status: { conditions: 'nope' } })).toEqual(notFound);
    expect(judge(ready, { status: 'weird' })).toEqual(notFound);
  });

  it('well-formed entries with times, generations, nulls and keys in any case are read', () => {
    for (const good of [
      [{ type: 'Ready', status: 'False', message: 'm', lastTransitionTime: '2020-01-01T00:00:00.123+02:00', observedGeneration: 3 }],
      [{ type: 'Ready', status: 'False', message: 'm', lastTransitionTime: '2020-01-01T10:00:00,5Z' }],
      [{ type: 'Ready', status: 'False', message: 'm', lastTransitionTime: null }],
      [null, { type: 'Ready', status: 'False', message: 'm' }],
      [{ TYPE: 'Ready', Status: 'False', message: 'm' }],
      // Sorted as encoding/json meets them, `type` comes after `Type` and wins.
      [{ type: 'Ready', Type: 'Other', status: 'False', message: 'm' }],
    ]) {
      expect(judge(ready, withConditions(...good)), JSON.stringify(good)).toEqual(cond('False', 'ReadyCondition', 'm'));
    }
    expect(statusConditions(withConditions({ type: 'A', status: 'True', extra: [1] }))).toEqual([{ type: 'A', status: 'True', message: '' }]);
  });
});

describe('multiMatch', () => {
  it('an unhealthy matchField that matches is False, quoting the field and the messagePath (Go %v)', () => {
    const r = multi({ matchConditions: [{ type: 'Ready', status: 'True' }] }, { matchFields: fields({ key: 'spec.bad', operator: 'In', values: ['yes'], messagePath: 'spec.why' }) });
    expect(judge(r, { spec: { bad: 'yes', why: { k: [true, null, 3] } } })).toEqual(cond('False', 'MatchedField', 'field value: yes, message: map[k:[true <nil> 3]]'));
    expect(judge(r, { spec: { bad: 'yes' } })).toEqual(cond('False', 'MatchedField', 'field value: yes, message: unknown, error retrieving message path [spec.why]'));
  });

  it('the immutables scenario: NotIn on a present value matches, and an empty messagePath cannot be read', () => {
    const r = multi({ matchFields: fields({ key: 'spec.value.revision', operator: 'In', values: ['dev'] }) }, { matchFields: fields({ key: 'spec.value.revision', operator: 'NotIn', values: ['dev'] }) });
    expect(judge(r, { spec: { value: { revision: 'main' } } })).toEqual(cond('False', 'MatchedField', 'field value: main, message: unknown, error retrieving message path []'));
    expect(judge(r, { spec: { value: { revision: 'dev' } } })).toEqual(cond('True', 'MatchedField', 'field value: dev, message: unknown, error retrieving message path []'));
  });

  it('DoesNotExist matches a missing or null field; Exists and In never match a missing one; In compares strings only', () => {
    const unhealthy = (f: ReturnType<typeof fields>) => multi({ matchFields: fields({ key: 'spec.ok', operator: 'In', values: ['yes'] }) }, { matchFields: f });
    expect(judge(unhealthy(fields({ key: 'status.x', operator: 'DoesNotExist' })), {})).toEqual(cond('False', 'MatchedField', 'field value: <error retrieving field value>, message: unknown, error retrieving message path []'));
    expect(judge(unhealthy(fields({ key: 'spec.num', operator: 'DoesNotExist', messagePath: 'spec.num' })), { spec: { num: null } })).toEqual(cond('False', 'MatchedField', 'field value: <nil>, message: <nil>'));
    expect(judge(unhealthy(fields({ key: 'spec.num', operator: 'Exists' })), { spec: { num: null } }).reason).toBe('NoMatchesFulfilled');
    expect(judge(unhealthy(fields({ key: 'status.x', operator: 'NotIn', values: ['a'] })), {}).reason).toBe('NoMatchesFulfilled');
    expect(judge(unhealthy(fields({ key: 'spec.num', operator: 'In', values: ['1'] })), { spec: { num: 1 } }).reason).toBe('NoMatchesFulfilled');
    expect(judge(unhealthy(fields({ key: 'spec.num', operator: 'Weird' })), { spec: { num: 'x' } }).reason).toBe('NoMatchesFulfilled');
    expect(judge(unhealthy(fields({ key: 'spec.num', operator: 'Exists', messagePath: 'spec.num' })), { spec: { num: 1.5e21 } })).toEqual(cond('False', 'MatchedField', 'field value: 1.5e+21, message: 1.5e+21'));
    expect(judge(unhealthy(fields({ key: 'spec.num', operator: 'Exists', messagePath: 'spec.num[*]' })), { spec: { num: ['a', 'b'] } })).toEqual(cond('False', 'MatchedField', 'field value: [a b], message: unknown, error retrieving message path [spec.num[*]]'));
  });

  it('conditions are tried before fields, on each side; the first healthy requirement words a True verdict', () => {
    const r = multi(
      { matchConditions: [{ type: 'Ready', status: 'True' }], matchFields: fields({ key: 'spec.url', operator: 'Exists', messagePath: 'spec.url' }) },
      { matchFields: fields({ key: 'spec.url', operator: 'In', values: ['zz'] }), matchConditions: [{ type: 'Ready', status: 'False' }] },
    );
    expect(judge(r, { spec: { url: 'zz' }, status: { conditions: [{ type: 'Ready', status: 'False', message: 'cond-first' }] } })).toEqual(cond('False', 'MatchedCondition', 'condition status: False, message: cond-first'));
    expect(judge(r, { spec: { url: 'u' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } })).toEqual(cond('True', 'MatchedCondition', 'condition status: True, message: '));
    const two = multi({ matchConditions: [{ type: 'A', status: 'True' }, { type: 'B', status: 'True' }] }, { matchConditions: [{ type: 'C', status: 'True' }] });
    expect(judge(two, withConditions({ type: 'A', status: 'True', message: 'a-msg' }, { type: 'B', status: 'True', message: 'b-msg' }))).toEqual(cond('True', 'MatchedCondition', 'condition status: True, message: a-msg'));
    expect(judge(two, withConditions({ type: 'A', status: 'True' }))).toEqual(cond('Unknown', 'NoMatchesFulfilled'));
    const unknown = multi({ matchConditions: [{ type: 'Ready', status: 'True' }] }, { matchConditions: [{ type: 'Ready', status: 'Unknown' }] });
    expect(judge(unknown, withConditions({ type: 'Ready', status: 'Unknown', message: 'wait' }))).toEqual(cond('False', 'MatchedCondition', 'condition status: Unknown, message: wait'));
  });

  it('a healthy field requirement that cannot be evaluated is not met', () => {
    const r = multi({ matchFields: fields({ key: 'spec[', operator: 'Exists' }) }, { matchFields: fields({ key: 'spec[', operator: 'Exists' }) });
    expect(judgeRule(r, { spec: {} })).toMatchObject({ condition: cond('Unknown', 'NoMatchesFulfilled'), decider: { by: 'no-match', unmet: { part: 'matchFields', side: 'healthy', index: 0 } } });
  });

  it('says which requirement decided', () => {
    const r = multi({ matchFields: fields({ key: 'spec.v', operator: 'In', values: ['dev'] }) }, { matchFields: fields({ key: 'spec.v', operator: 'NotIn', values: ['dev'] }) });
    expect(judgeRule(r, { spec: { v: 'main' } }).decider).toEqual({ by: 'match', requirement: { part: 'matchFields', side: 'unhealthy', index: 0, requirement: r.multiMatch!.unhealthy.matchFields[0], value: 'main' } });
  });
});

describe('the rest of the rule', () => {
  it('alwaysHealthy wins over the others; a rule with none of the three is Unknown with reason Unknown', () => {
    expect(judge(rule({ alwaysHealthy: true, singleConditionType: 'Ready' }), {})).toEqual(cond('True', 'AlwaysHealthy'));
    expect(judge(rule({}), {})).toEqual(cond('Unknown', 'Unknown'));
  });

  it('without a rule, outputs and the kind decide; with one and nothing stamped, NoStampedObject (alwaysHealthy) or Unknown', () => {
    const t = (kind: 'ClusterSourceTemplate' | 'ClusterTemplate', extra: object = {}) => ({ kind, lifecycle: 'mutable' as const, ...extra });
    expect(resourceHealth({ template: t('ClusterSourceTemplate'), object: {}, outputsAvailable: true }).condition).toEqual(cond('True', 'OutputsAvailable'));
    expect(resourceHealth({ template: t('ClusterSourceTemplate'), object: {}, outputsAvailable: false }).condition).toEqual(cond('Unknown', 'OutputNotAvailable'));
    expect(resourceHealth({ template: t('ClusterSourceTemplate'), outputsAvailable: false }).condition).toEqual(cond('Unknown', 'OutputNotAvailable'));
    expect(resourceHealth({ template: t('ClusterTemplate'), object: {}, outputsAvailable: false }).condition).toEqual(cond('True', 'AlwaysHealthy'));
    expect(resourceHealth({ template: t('ClusterTemplate'), outputsAvailable: false }).condition).toEqual(cond('Unknown', 'NoStampedObject'));
    expect(resourceHealth({ template: t('ClusterSourceTemplate', { healthRule: rule({ alwaysHealthy: true }) }), outputsAvailable: false }).condition).toEqual(cond('Unknown', 'NoStampedObject'));
    expect(resourceHealth({ template: t('ClusterSourceTemplate', { healthRule: rule({ singleConditionType: 'Ready' }) }), outputsAvailable: false }).condition).toEqual(cond('Unknown', 'Unknown'));
  });

  it('lifecycle tekton without a rule reads the Succeeded condition, for a ClusterTemplate too', () => {
    expect(effectiveRule({ lifecycle: 'tekton' })).toEqual(rule({ singleConditionType: 'Succeeded' }));
    expect(effectiveRule({ lifecycle: 'immutable' })).toBeUndefined();
    expect(resourceHealth({ template: { kind: 'ClusterTemplate', lifecycle: 'tekton' }, object: {}, outputsAvailable: false }).condition)
      .toEqual(cond('Unknown', 'SucceededCondition', 'condition with type [Succeeded] not found on resource status'));
  });

  it('the live view keeps what was stamped and takes status and server-set metadata from the live object', () => {
    const stamped = { kind: 'Thing', metadata: { name: 'a', labels: { x: '1' } }, spec: { v: 1 } };
    const live = { kind: 'Thing', metadata: { name: 'a', generation: 3, labels: { old: '1' } }, spec: { v: 0 }, status: { conditions: [] } };
    expect(liveView(stamped, live)).toEqual({ kind: 'Thing', metadata: { name: 'a', generation: 3, labels: { x: '1' } }, spec: { v: 1 }, status: { conditions: [] } });
    expect(liveView(stamped, undefined)).toBe(stamped);
  });
});

describe('the model reads spec.healthRule once, into the typed Template', () => {
  const read = (healthRule: string) => {
    const text = `apiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata: {name: t}\nspec:\n  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n  healthRule: ${healthRule}\n`;
    const { catalog, diagnostics } = buildCatalog(parseText(text, 't.yaml').documents, { defaultNamespace: 'default' });
    return { rule: catalog.templates.get(templateKey('ClusterTemplate', 't'))?.healthRule, diagnostics };
  };

  it('every part, with absent lists empty and an absent messagePath ""', () => {
    expect(read('{alwaysHealthy: {}}').rule).toEqual(rule({ alwaysHealthy: true }));
    expect(read('{singleConditionType: Ready}').rule).toEqual(rule({ singleConditionType: 'Ready' }));
    expect(read('{multiMatch: {healthy: {matchConditions: [{type: Ready, status: "True"}]}, unhealthy: {matchFields: [{key: spec.x, operator: In, values: [a], messagePath: spec.m}, {key: spec.y, operator: Exists}]}}}').rule)
      .toEqual(multi({ matchConditions: [{ type: 'Ready', status: 'True' }] }, { matchFields: [{ key: 'spec.x', operator: 'In', values: ['a'], messagePath: 'spec.m' }, { key: 'spec.y', operator: 'Exists', messagePath: '' }] }));
    expect(read('null').rule).toBeUndefined();
  });

  it('a misshapen rule is the API server\'s error, and reads as no rule', () => {
    const { rule: r, diagnostics } = read('Ready');
    expect(r).toBeUndefined();
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'invalid-field', path: 'spec.healthRule', message: 'ClusterTemplate t: spec.healthRule is a string, where the schema wants an object' }));
  });
});
