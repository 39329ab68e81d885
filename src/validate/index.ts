// Validates what a render stamped as the API server would on create, with strict field
// validation: built-in kinds against the schemas of one Kubernetes version, custom resources
// against their CRDs' schemas (src/schema does the checking). Each problem becomes a diagnostic
// naming the owner, the resource, the stamped object and the field, pointing at the template line
// (or the placeholder) that produced it, with the API server's words and a hint. Kinds no schema
// covers are named in one note (an error with strictSchemas). Pure: objects in, diagnostics out.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { mockedOutputsUsed, type MockedOutput, type OwnerReport, type ResourceReport, type StampedObject } from '../realize/index.js';
import { check, kindKey } from './check.js';
import { ProblemGroups } from './groups.js';
import { mocksOf, toDiagnostic } from './problem.js';
import type { ValidationSchemas } from './schemas.js';
import { uncheckedKinds } from './unchecked.js';
import type { YttSources } from './ytt-sources.js';

export { customSchemas, isCrd, gvk, type CustomSchema, type KubeSchemas, type ValidationSchemas } from './schemas.js';
export { YttSources } from './ytt-sources.js';
export { admission, type AdmissionCheck } from './admission.js';
export { asApiServerError } from './refusals.js';
export { kindKey } from './check.js';
export { metaOrigin } from './meta-origin.js';

export interface ValidateStampedOptions {
  schemas: ValidationSchemas;
  /** A kind with no schema is an error, not a note (--strict-schemas). */
  strictSchemas?: boolean;
  /** Where ytt templates wrote each field (the render's runs, recorded). */
  ytt?: YttSources;
  /** The render's owner reports: where a param's value was set. */
  owners?: readonly OwnerReport[];
}


/** The problems of the objects, each said once (a template's mistake met by many owners too: groups.ts), then the note naming the kinds no schema covered. */
export function validateStamped(objects: readonly StampedObject[], options: ValidateStampedOptions): Diagnostic[] {
  const validator = new StampedValidator(options);
  validator.add(objects, options.owners ?? []);
  return validator.finish();
}

/**
 * validateStamped() owner by owner, for a render that writes each owner out as it comes: add()
 * takes one owner's objects and report and gives their problems (so that the caller can tell
 * whether that owner fails); finish() gives every problem of the whole render, each said once —
 * a template's mistake met by many owners as one diagnostic naming them — then the note naming the
 * kinds no schema covered. The same diagnostics, in the same order, as validateStamped() of all
 * the objects.
 */
export class StampedValidator {
  private readonly unchecked = new Map<string, StampedObject>();
  private readonly problems = new ProblemGroups();

  constructor(private readonly options: ValidateStampedOptions) {}

  add(objects: readonly StampedObject[], owners: readonly OwnerReport[]): Diagnostic[] {
    const reports = new Map<unknown, ResourceReport>();
    const ownerOf = new Map<unknown, OwnerReport>();
    /** The mocked outputs each stamped object's template took as inputs. */
    const mocks = new Map<unknown, MockedOutput[]>();
    for (const owner of owners) {
      const used = mockedOutputsUsed(owner);
      for (const r of owner.resources) {
        if (!r.object) continue;
        reports.set(r.object, r);
        ownerOf.set(r.object, owner);
        const mine = used.filter((m) => m.users.includes(r.resource.name));
        if (mine.length > 0) mocks.set(r.object, mine);
      }
    }
    const out: Diagnostic[] = [];
    for (const stamped of objects) {
      const checked = check(stamped.object, this.options.schemas);
      if (checked === undefined) {
        const key = kindKey(stamped.object);
        if (!this.unchecked.has(key)) this.unchecked.set(key, stamped);
        continue;
      }
      for (const issue of checked.issues) {
        const met = toDiagnostic(stamped, issue, checked.against, reports.get(stamped.object), mocksOf(mocks.get(stamped.object), ownerOf.get(stamped.object), reports.get(stamped.object)), this.options.ytt);
        if (this.problems.add(met)) out.push(met.diagnostic);
      }
    }
    return out;
  }

  finish(): Diagnostic[] {
    return [...this.problems.diagnostics(), ...(this.unchecked.size > 0 ? [uncheckedKinds(this.unchecked, this.options.strictSchemas ?? false)] : [])];
  }
}
