// pause(): a render yields to pending signals at most every 50 ms of the wall clock, and still does
// when that clock is set back (Date.now() is not monotonic).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pause } from '../../src/cli/interrupt.js';

afterEach(() => vi.restoreAllMocks());

/** Whether pause() let a task already queued run (it yielded) before it returned. */
async function yielded(): Promise<boolean> {
  let ran = false;
  setImmediate(() => (ran = true));
  await pause();
  const result = ran;
  await new Promise<void>((resolve) => setImmediate(resolve));
  return result;
}

describe('pause', () => {
  it('yields once per 50 ms, and again after the clock is set back an hour', async () => {
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(10_000_000);
    expect(await yielded()).toBe(true);
    now.mockReturnValue(10_000_010);
    expect(await yielded()).toBe(false);
    now.mockReturnValue(10_000_000 - 3_600_000);
    expect(await yielded()).toBe(true);
  });
});
