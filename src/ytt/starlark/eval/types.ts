// Additional built-in value types: range and set.
import { Builtin, StarObject, fail, hashKey, iterate, repr } from './values.js';
import type { Value } from './values.js';

/** The immutable integer sequence returned by range(). */
export class RangeValue extends StarObject {
  readonly count: number;
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {
    super();
    let n = 0;
    if (step > 0 && stop > start) n = Math.floor((stop - 1 - start) / step) + 1;
    else if (step < 0 && start > stop) n = Math.floor((start - 1 - stop) / -step) + 1;
    this.count = n;
  }
  typeName(): string {
    return 'range';
  }
  override str(): string {
    if (this.step !== 1) return `range(${this.start}, ${this.stop}, ${this.step})`;
    if (this.start !== 0) return `range(${this.start}, ${this.stop})`;
    return `range(${this.stop})`;
  }
  override truth(): boolean {
    return this.count > 0;
  }
  override iterate(): Value[] {
    if (this.count > 10_000_000) fail(`range too large to materialise (${this.count} elements)`);
    const out: Value[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.start + i * this.step;
    return out;
  }
  override len_(): number {
    return this.count;
  }
  override index(i: number): Value {
    return this.start + i * this.step;
  }
  override equals(o: Value): boolean {
    if (!(o instanceof RangeValue)) return false;
    if (this.count !== o.count) return false;
    if (this.count === 0) return true;
    if (this.start !== o.start) return false;
    return this.count === 1 || this.step === o.step;
  }
}

/** Starlark set (ytt enables resolve.AllowSet). Insertion-ordered. */
export class StarSet extends StarObject {
  readonly map = new Map<string, Value>();
  frozen = false;
  typeName(): string {
    return 'set';
  }
  add(v: Value): void {
    if (this.frozen) fail('cannot insert into frozen set');
    const h = hashKey(v);
    if (!this.map.has(h)) this.map.set(h, v);
  }
  has(v: Value): boolean {
    return this.map.has(hashKey(v));
  }
  override str(): string {
    return 'set([' + Array.from(this.map.values(), (v) => repr(v)).join(', ') + '])';
  }
  override truth(): boolean {
    return this.map.size > 0;
  }
  override iterate(): Value[] {
    return Array.from(this.map.values());
  }
  override len_(): number {
    return this.map.size;
  }
  override contains(v: Value): boolean {
    return this.has(v);
  }
  override attr(name: string): Value | undefined {
    if (name === 'union') {
      return new Builtin('union', (_t, args) => {
        if (args.length !== 1) fail(`union: got ${args.length} arguments, want 1`);
        const out = new StarSet();
        for (const v of this.map.values()) out.add(v);
        for (const v of iterate(args[0]!)) out.add(v);
        return out;
      });
    }
    return undefined;
  }
  override attrNames(): string[] {
    return ['union'];
  }
  override equals(o: Value): boolean {
    if (!(o instanceof StarSet) || o.map.size !== this.map.size) return false;
    for (const h of this.map.keys()) if (!o.map.has(h)) return false;
    return true;
  }
}

