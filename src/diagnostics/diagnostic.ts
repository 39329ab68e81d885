// The one shape every error, warning and note takes, so render, lint and test report alike.
// A diagnostic names where the problem is (file:line, the object, the field) and, when the
// real Cartographer controller would have said something, what it would have said.

export type Severity = 'error' | 'warning' | 'note';

/** An object in the inputs, as a user would name it: `ClusterSupplyChain/supply-chain`. */
export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** An owner, and where it is written (its first line). */
export interface OwnerSite extends ObjectRef {
  file?: string;
  line?: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable, documented identifier (kebab-case), e.g. `jsonpath-empty-result`. */
  code: string;
  /** One sentence for a person; no trailing period needed. */
  message: string;
  /** Where the problem is: the file, and the 1-based line/column when known. */
  file?: string;
  line?: number;
  column?: number;
  /** The object in that file the problem belongs to. */
  object?: ObjectRef;
  /** Path to the field inside that object, e.g. `spec.template.spec.containers[0].image`. */
  path?: string;
  /** The owner (Workload/Deliverable/Runnable) being rendered, when there is one. */
  owner?: ObjectRef;
  /**
   * One problem met by several owners alike (a template's mistake, said once at the template's
   * line): every one of them, in the order met, and where each is written; `owner` is then absent.
   */
  owners?: OwnerSite[];
  /** The blueprint resource being stamped, when there is one. */
  resource?: string;
  /** What the controller would report (condition message), verbatim, for fidelity. */
  controllerMessage?: string;
  /** How to fix it. */
  hint?: string;
  /** More lines a person may need, e.g. ytt's own error with its `file:line | code` excerpt. */
  detail?: string;
  /**
   * On a template-not-found: the template the inputs lack, when it may be one the platform
   * installs (not a misspelt name, a wrong kind or a nameless reference), so that many such are
   * summarised as one (give an export, or --missing-templates mock).
   */
  platformTemplate?: ObjectRef;
}

/** Thrown by pure stages when they cannot go on; carries the diagnostics that explain why. */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[] | Diagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => d.message).join('; '));
    this.name = 'DiagnosticError';
    this.diagnostics = list;
  }
}

export function formatObjectRef(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The command was used wrongly (unknown flag, unreadable path…): exit code 2, not 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * An input carto cannot process (beyond one of its limits, not UTF-8…) where no diagnostic can
 * say so (e.g. the output would be too large, `carto ytt`'s files): exit code 1, this message.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function isInputError(err: unknown): err is InputError {
  return err instanceof Error && err.name === 'InputError';
}

/**
 * Recognises a UsageError by name, not by class: the CLI's bundles each carry their own copy of
 * the class, so `instanceof` would miss one thrown by another bundle.
 */
export function isUsageError(err: unknown): err is UsageError {
  return err instanceof Error && err.name === 'UsageError';
}
