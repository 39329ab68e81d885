// Renders a Runnable the way the Runnable controller does (spec §10): its ClusterRunTemplate is
// stamped against `{runnable, selected}` with the same interpolation as supply-chain templates,
// given the Runnable's namespace, a Runnable ownerReference and the two runnable labels; then the
// template's `spec.outputs` are read like any other output (stamped, observed, mock).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decode } from '../gotypes/index.js';
import { GoStruct, type GoField, type GoValue, type JSONValue } from '../jsonpath/index.js';
import type { SourceDocument } from '../load/index.js';
import { runnableType } from '../model/go-types.js';
import type { Catalog, JSONObject, Runnable } from '../model/index.js';
import { findObserved, mockRunnableOutput, mockUid, readPath } from '../outputs/index.js';
import { goMap, resolveSelected } from '../select/index.js';
import { finishObject } from '../stamp/finish.js';
import { interpolateTemplate, type SubstitutionBudget } from '../stamp/interpolate.js';
import { diagnostic, type Where } from './diagnose.js';
import type { RunnableReport, RunnableStamped } from './report.js';
import { holdsText, readsUid, uidSentence, withMockHint } from './mocks.js';
import { withUid } from './typed-owner.js';

export interface RunnableOptions {
  observed?: readonly SourceDocument[];
  ownerReferences: boolean;
  /** The render's substitution budget (a fresh one when absent). */
  substitution?: SubstitutionBudget;
  /** For a Runnable a supply chain stamped: what its inputs owe to mocked values, if anything. */
  inputsMockHint?: () => string | undefined;
}

export function realizeRunnable(
  runnable: Runnable,
  catalog: Catalog,
  options: RunnableOptions,
): { report: RunnableReport; objects: RunnableStamped[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report: RunnableReport = { runnable, outputs: [], failed: false };
  const objects: RunnableStamped[] = [];
  const who = { kind: 'Runnable', name: runnable.name, namespace: runnable.namespace };
  const at: Where = { doc: runnable.doc, object: who, path: runnable.stampedBy ? ['spec', 'template', 'spec'] : ['spec'] };
  const context = runnable.stampedBy ? { owner: { kind: runnable.stampedBy.owner.kind, name: runnable.stampedBy.owner.name, namespace: runnable.stampedBy.owner.namespace }, resource: runnable.stampedBy.resource } : { owner: who };
  const fail = (code: string, message: string, where: Where, extra: Partial<Diagnostic> = {}) => {
    diagnostics.push(diagnostic('error', code, message, where, { ...context, ...extra }));
    report.failed = true;
    return { report, objects, diagnostics };
  };

  const runTemplate = catalog.runTemplates.get(runnable.runTemplateName);
  if (!runTemplate) {
    return fail('run-template-not-found', `ClusterRunTemplate ${runnable.runTemplateName || '(no name)'} is not in the inputs (Runnable ${runnable.namespace}/${runnable.name})`, { ...at, path: [...(at.path ?? []), 'runTemplateRef'] }, {
      controllerMessage: `unable to get runnable '${runnable.namespace}/${runnable.name}': 'clusterruntemplates.carto.run "${runnable.runTemplateName}" not found'`,
      hint: 'add the ClusterRunTemplate to the inputs (-f)',
    });
  }
  report.runTemplate = runTemplate;
  // A Runnable written by hand, or stamped by a supply chain, has no uid until the API server gives it one.
  const uid = runnable.uid ? undefined : mockUid({ kind: 'Runnable', namespace: runnable.namespace, name: runnable.name });
  const whole = { apiVersion: runnable.apiVersion, kind: 'Runnable', ...runnable.object };
  const typed = decode(runnableType, uid === undefined ? whole : withUid(whole, uid));
  for (const err of typed.errors) {
    diagnostics.push(diagnostic('error', 'invalid-owner-field', `${err.path}: ${err.message}`, { ...at, path: [] }, context));
  }
  if (typed.errors.length > 0) {
    report.failed = true;
    return { report, objects, diagnostics };
  }

  const selected = resolveSelected(runnable, catalog.documents);
  if (!selected.ok) {
    const s = runnable.selector;
    return fail('runnable-selector', `the selector of Runnable ${runnable.namespace}/${runnable.name} ${selected.message.replace('selector ', '')}`, { ...at, path: [...(at.path ?? []), 'selector'] }, {
      controllerMessage: `unable to resolve selector '(apiVersion:${s?.apiVersion ?? ''} kind:${s?.kind ?? ''} labels:${goMap(s?.matchingLabels ?? {})})': '${selected.message}'`,
      hint: selected.matches.length > 1
        ? `it matches ${selected.matches.map((d) => `${d.file}:${d.line}`).join(', ')}; make the matchingLabels pick exactly one`
        : `give the object it selects (${s?.apiVersion} ${s?.kind} with labels ${Object.entries(s?.matchingLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}) in the inputs`,
    });
  }
  report.selected = selected.object;

  const templateWhere = (path: readonly (string | number)[]): Where => ({ doc: runTemplate.doc, object: { kind: 'ClusterRunTemplate', name: runTemplate.name }, path });
  if (!runTemplate.template) return fail('template-empty', `ClusterRunTemplate ${runTemplate.name} has no spec.template`, templateWhere(['spec']));
  const stampContext = new GoStruct([field('runnable', 'Runnable', typed.value), field('selected', 'Selected', (selected.object ?? null) as GoValue)]);
  if (uid !== undefined && readsUid(runTemplate)) report.mockedUid = uid;
  const stamped = interpolateTemplate(runTemplate.template as JSONValue, stampContext, 'current', options.substitution);
  if (stamped.errors.length > 0) {
    for (const err of stamped.errors) {
      const mock = runnableMockHint(err.expression, runnable.name, uid, options.inputsMockHint);
      const hint = err.missing && err.expression.startsWith('selected') && !runnable.selector
        ? 'the Runnable has no spec.selector, so $(selected)$ is null'
        : err.missing && /^runnable\.spec\.inputs\.[^.]+\./.test(err.expression)
          ? 'Runnable inputs are opaque in spec.template: $(runnable.spec.inputs.x)$ gives the whole value, but nothing inside it can be selected'
          : undefined;
      fail(err.code, err.reason, templateWhere(['spec', 'template', ...err.path]), {
        // Past one of carto's own limits the controller has no message to quote: it would run on.
        ...(err.code === 'render-limit' ? {} : { controllerMessage: `unable to stamp object '${runnable.namespace}/${runnable.name}': 'failed to recursively evaluate template: ${err.controllerMessage}'` }),
        ...withMockHint(mock, hint),
      });
    }
    return { report, objects, diagnostics };
  }
  const finished = finishObject(stamped.value as JSONObject, {
    namespace: runnable.namespace,
    labels: { 'carto.run/runnable-name': runnable.name, 'carto.run/run-template-name': runTemplate.name },
    ...(options.ownerReferences && runnable.uid
      ? { ownerReference: { apiVersion: runnable.apiVersion, kind: 'Runnable', name: runnable.name, uid: runnable.uid, controller: true as const, blockOwnerDeletion: true as const } }
      : {}),
    semantics: 'current',
  });
  if (!finished.ok) {
    return fail('foreign-namespace', finished.reason, templateWhere(['spec', 'template', ...finished.path]), {
      controllerMessage: `unable to stamp object '${runnable.namespace}/${runnable.name}': '${finished.reason}'`,
    });
  }
  report.object = finished.object;
  // named by the template but not in what it stamped: the stand-in was not used
  if (report.mockedUid !== undefined && !holdsText(finished.object, report.mockedUid)) delete report.mockedUid;
  objects.push({ via: 'runnable', object: finished.object, runnable, runTemplate });

  // Outputs come from the newest run that succeeded (condition Succeeded = True).
  const observed = options.observed?.length ? findObserved(finished.object, options.observed, succeeded) : undefined;
  for (const [name, path] of Object.entries(runTemplate.outputs)) {
    const read = readPath(path, finished.object, observed, 'current');
    report.outputs.push(
      read.found
        ? { name, value: read.value, provenance: read.from, path, ...(read.origin ? { origin: read.origin } : {}) }
        : { name, value: mockRunnableOutput(runnable, name), provenance: 'mock', path },
    );
  }
  return { report, objects, diagnostics };
}

/** What a failing placeholder of a run template owes to mocks: the Runnable's uid, or its inputs. */
function runnableMockHint(expression: string, name: string, uid: string | undefined, inputsMockHint: (() => string | undefined) | undefined): string | undefined {
  if (uid !== undefined && /^\{?\.?runnable\.metadata\.uid\b/.test(expression)) {
    return uidSentence({ ownerKind: 'Runnable', ownerName: name, value: uid });
  }
  return /^\{?\.?runnable\.spec\.inputs\b/.test(expression) ? inputsMockHint?.() : undefined;
}

function field(name: string, goName: string, value: GoValue): GoField {
  return { name, goName, value, omitEmpty: false, pointer: false };
}

function succeeded(doc: SourceDocument): boolean {
  const status = doc.value['status'];
  const conditions = typeof status === 'object' && status !== null ? (status as Record<string, unknown>)['conditions'] : undefined;
  return Array.isArray(conditions) && conditions.some((c) => typeof c === 'object' && c !== null && (c as Record<string, unknown>)['type'] === 'Succeeded' && (c as Record<string, unknown>)['status'] === 'True');
}
