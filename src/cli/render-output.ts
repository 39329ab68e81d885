// Where `carto render` writes each owner's objects as they are rendered, all or nothing: stdout
// (a YAML stream or a JSON List, held in a spool — memory, then a temporary file — and copied to
// stdout only once the render succeeded) or --output-dir (files under temporary names, renamed
// into place at the end). Either is discarded on failure, and on an interruption.
import { DirectoryPlan, DirectoryWriter, JSON_LIST, Spool, YAML_STREAM, type StreamFormat } from '../emit/index.js';
import type { StampedObject } from '../render/index.js';
import { onInterrupt } from './interrupt.js';
import { writeOut } from './io.js';

export interface RenderOutput {
  /** One owner's objects. */
  add(objects: readonly StampedObject[]): void;
  /** Releases everything added; returns what to tell the person on stderr, if anything. */
  commit(): string | undefined;
  /** Drops everything added. Safe to call more than once, and after commit(). */
  discard(): void;
}

export function renderOutput(options: { outputDir?: string; json: boolean }): RenderOutput {
  return options.outputDir !== undefined ? new DirectoryOutput(options.outputDir) : new StreamOutput(options.json ? JSON_LIST : YAML_STREAM);
}

class StreamOutput implements RenderOutput {
  private readonly spool = new Spool();
  private empty = true;
  /**
   * An interruption has something to remove only once the output is in a temporary file (one that
   * could not be removed while open): an output in memory goes with the process, and listening for
   * signals costs every start a little.
   */
  private forget: (() => void) | undefined;

  constructor(private readonly format: StreamFormat) {}

  add(objects: readonly StampedObject[]): void {
    if (objects.length === 0) return;
    if (this.empty) this.spool.write(this.format.open);
    this.spool.write(this.format.objects(objects, this.empty));
    this.empty = false;
    this.listenOnceOnDisk();
  }

  commit(): undefined {
    if (this.empty) this.spool.write(this.format.open);
    this.spool.write(this.format.close(this.empty));
    this.listenOnceOnDisk();
    this.spool.drain(writeOut);
    this.forget?.();
    return undefined;
  }

  discard(): void {
    this.spool.discard();
    this.forget?.();
  }

  private listenOnceOnDisk(): void {
    if (this.forget === undefined && this.spool.onDisk) this.forget = onInterrupt(() => this.spool.discard());
  }
}

class DirectoryOutput implements RenderOutput {
  private readonly plan = new DirectoryPlan();
  private readonly writer: DirectoryWriter;
  private readonly forget: () => void;

  constructor(private readonly dir: string) {
    this.writer = new DirectoryWriter(dir);
    this.forget = onInterrupt(() => this.writer.abort());
  }

  add(objects: readonly StampedObject[]): void {
    if (objects.length > 0) this.writer.write(this.plan.plan(objects));
  }

  commit(): string {
    const count = this.writer.count;
    this.writer.commit();
    this.forget();
    return `wrote ${count} file${count === 1 ? '' : 's'} under ${this.dir}\n`;
  }

  discard(): void {
    this.writer.abort();
    this.forget();
  }
}
