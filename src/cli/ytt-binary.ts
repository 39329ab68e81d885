// `--ytt PATH` / CARTO_YTT: run a ytt binary the way Cartographer does (spec §7.1): the body on
// stdin as `-f -`, one `--data-value-yaml key=<compact Go JSON>` per context key, a 4 s timeout.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { UsageError } from '../diagnostics/diagnostic.js';
import { marshal } from '../jsonpath/index.js';
import { parseDocumentValues } from '../load/index.js';
import { summarizeYttError, type YttRunner } from '../stamp/ytt.js';

/** The controller's timeout for one ytt run. */
export const YTT_TIMEOUT_MS = 4000;

/**
 * Runs that may time out in one render before the binary is no longer started: a template that
 * hangs ytt, selected by many Workloads, would otherwise cost 4 s for each of them (the built-in
 * engine has the same allowance: YTT_TOTAL_STEPS).
 */
export const YTT_MAX_TIMEOUTS = 3;

/** The most a ytt run may print (spawnSync's buffer). */
const MAX_BUFFER = 256 * 1024 * 1024;

export function binaryYtt(path: string, timeoutMs = YTT_TIMEOUT_MS): YttRunner {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new UsageError(`--ytt ${path}: no executable ytt there (give the path of a ytt binary, or leave --ytt out to use the built-in engine)`);
  }
  let timeouts = 0;
  return (body, dataValues) => {
    if (timeouts >= YTT_MAX_TIMEOUTS) {
      const text = `not run: ytt timed out ${timeouts} times in this render already, so carto no longer starts it`;
      return { ok: false, text, detail: text };
    }
    const args = ['-f', '-'];
    for (const { key, value } of dataValues) args.push('--data-value-yaml', `${key}=${marshal(value)}`);
    const run = spawnSync(path, args, { input: body, encoding: 'utf8', timeout: timeoutMs, maxBuffer: MAX_BUFFER, killSignal: 'SIGKILL' });
    if (run.error) {
      const code = (run.error as NodeJS.ErrnoException).code;
      if (code === 'ETIMEDOUT') timeouts++;
      const text =
        code === 'ETIMEDOUT'
          ? `ytt did not finish within ${timeoutMs / 1000} s (signal: killed)`
          : code === 'ENOBUFS'
            ? `ytt printed more than ${MAX_BUFFER / (1024 * 1024)} MiB (stopped)`
            : `fork/exec ${path}: ${run.error.message}`;
      return { ok: false, text, detail: text };
    }
    if (run.status !== 0) {
      const text = run.stderr !== '' ? run.stderr : `exit status ${run.status ?? run.signal}`;
      return { ok: false, text, ...summarizeYttError(text) };
    }
    try {
      return { ok: true, documents: parseDocumentValues(run.stdout) };
    } catch (err) {
      const text = `ytt printed output that is not YAML: ${err instanceof Error ? err.message : String(err)}`;
      return { ok: false, text, detail: text };
    }
  };
}
