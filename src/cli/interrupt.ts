// What carto removes when it is interrupted (Ctrl-C, a cancelled CI job: SIGINT, SIGTERM, SIGHUP)
// while it writes its output: the temporary files of --output-dir, a temporary output file that
// could not be removed while open. The cleanups run, then the signal is raised again, so carto
// ends as an interrupted process does. Node runs signal handlers between tasks only: a long
// render yields now and then (pause()) so that an interruption is heard within a moment.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const cleanups = new Set<() => void>();

/** Runs `cleanup` if carto is interrupted; the function returned forgets it. */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const signal of SIGNALS) process.on(signal, interrupted);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) for (const signal of SIGNALS) process.removeListener(signal, interrupted);
  };
}

function interrupted(signal: NodeJS.Signals): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // the others still run
    }
  }
  cleanups.clear();
  for (const s of SIGNALS) process.removeListener(s, interrupted);
  // With no handler left, the signal ends the process as it would have without carto's.
  process.kill(process.pid, signal);
}

// Date.now(), not performance.now(): the global `performance` loads Node's perf_hooks (a dozen
// modules) on first use, which every render's start would pay for.
let last = Date.now();

/** Lets pending signals be handled, at most every 50 ms (a render is synchronous otherwise). */
export async function pause(): Promise<void> {
  const now = Date.now();
  // (a clock set back does not stop the pauses until it catches up)
  if (now >= last && now - last < 50) return;
  last = now;
  await new Promise<void>((resolve) => setImmediate(resolve));
}
