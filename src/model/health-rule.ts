// Reads a template's `spec.healthRule` into the typed HealthRule, once, for render, status and
// lint alike. Misshapen fields are reported by the FieldReader and read as absent.
import { readRequirement } from './blueprint.js';
import type { FieldReader, Path } from './fields.js';
import { own } from '../util/objects.js';
import type { HealthMatchRule, HealthRule } from './types.js';

export function readHealthRule(r: FieldReader, spec: Record<string, unknown>, at: Path): HealthRule | undefined {
  const rule = r.object(spec, 'healthRule', at);
  if (!rule) return undefined;
  const path = [...at, 'healthRule'];
  const always = own(rule, 'alwaysHealthy');
  const multi = r.object(rule, 'multiMatch', path);
  return {
    alwaysHealthy: always !== undefined && always !== null,
    singleConditionType: r.string(rule, 'singleConditionType', path) ?? '',
    ...(multi
      ? { multiMatch: { healthy: readSide(r, multi, 'healthy', [...path, 'multiMatch']), unhealthy: readSide(r, multi, 'unhealthy', [...path, 'multiMatch']) } }
      : {}),
  };
}

function readSide(r: FieldReader, multi: Record<string, unknown>, side: 'healthy' | 'unhealthy', at: Path): HealthMatchRule {
  const rule = r.object(multi, side, at) ?? {};
  const path = [...at, side];
  return {
    matchConditions: r.objects(rule, 'matchConditions', path).map(({ item, index }) => ({
      type: r.string(item, 'type', [...path, 'matchConditions', index]) ?? '',
      status: r.string(item, 'status', [...path, 'matchConditions', index]) ?? '',
    })),
    matchFields: r.objects(rule, 'matchFields', path).map(({ item, index }) => {
      const at = [...path, 'matchFields', index];
      return { ...readRequirement(r, item, at), messagePath: r.string(item, 'messagePath', at) ?? '' };
    }),
  };
}
