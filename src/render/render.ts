// render(): the library's main entry point. Loaded documents in; for every Workload, Deliverable
// and Runnable, the objects the controller would stamp and the report of how (src/realize), plus
// diagnostics (errors, warnings and notes such as which outputs were mocked, and what the admission
// webhooks would refuse, in lint's words). It collects what
// renderOwners() (owners.ts) yields owner by owner; a caller that writes each owner out as it
// comes uses that generator instead and holds one owner's objects at a time. Pure: no file
// system, no process.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import type { Format } from '../model/index.js';
import type { SuppliedOutputs } from '../outputs/index.js';
import type { OwnerReport, RunnableReport, StampedObject } from '../realize/index.js';
import type { Shard } from '../util/shard.js';
import type { YttRunner } from '../stamp/ytt.js';
import { renderOwners } from './owners.js';

export interface RenderOptions {
  /** `auto` (default): 0.0.6 semantics for blueprints written in the 0.0.6 format. */
  semantics?: 'auto' | Format;
  /** Namespace of owners whose file has none (kubectl's current namespace). Default `default`. */
  defaultNamespace?: string;
  /** Render only these owners: `NAME` or `NAMESPACE/NAME`. */
  owners?: readonly string[];
  /** Render only the owners of this shard (--shard I/N): a stable hash of NAMESPACE/NAME picks them. */
  shard?: Shard;
  /** Outputs the user supplies (`--outputs`, `--set-output`). */
  outputs?: SuppliedOutputs;
  /** Live objects to read outputs from (`--observed`). */
  observed?: readonly SourceDocument[];
  /** Any mocked output that reaches a stamped object is an error. */
  strict?: boolean;
  /** Emit ownerReferences for owners with a uid (default true). */
  ownerReferences?: boolean;
  /** Also render what the Runnables a supply chain stamps would stamp (--expand-runnables). */
  expandRunnables?: boolean;
  /** Runs `spec.ytt` templates (the built-in engine, or a ytt binary). The library's `render`
   *  passes the built-in engine; without one, a ytt template is an error. */
  ytt?: YttRunner;
  /** `mock`: templates not in the inputs are taken as installed by the platform (their resources
   *  stamp nothing, their outputs are mocks, one note names them). `error` (default): as the controller. */
  missingTemplates?: 'error' | 'mock';
}

export interface RenderResult {
  /** True when nothing is an error: the objects are exactly what the controller would stamp. */
  ok: boolean;
  /** Stamped objects in output order (owners by namespace/name, then blueprint order). */
  objects: StampedObject[];
  diagnostics: Diagnostic[];
  owners: OwnerReport[];
  /** Runnables from the inputs. */
  runnables: RunnableReport[];
}

export function render(documents: readonly SourceDocument[], options: RenderOptions = {}): RenderResult {
  const objects: StampedObject[] = [];
  const owners: OwnerReport[] = [];
  const runnables: RunnableReport[] = [];
  const run = renderOwners(documents, options);
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return { ok: step.value.ok, objects, diagnostics: step.value.diagnostics, owners, runnables };
    const rendered = step.value;
    // One by one: a spread of a very long array overflows the stack.
    for (const object of rendered.objects) objects.push(object);
    if (rendered.kind === 'owner') owners.push(rendered.report);
    else runnables.push(rendered.report);
  }
}
