// Turns the benchmark's rows into a text table (stdout), a Markdown table (for the README) and the
// JSON written to bench/results/latest.json.
//
// A row: { id, short, target, vs, limit: { max, text, on? } | undefined, unit: 'ms' | 'MB',
//          cols: { [envId]: { carto, peer, ratio, result, note } } }
// where carto/peer are numbers or undefined, result is PASS/FAIL/n/a/'' and note says why n/a.

const fmt = (x, unit) => (x === undefined ? '' : unit === 'MB' ? `${x.toFixed(1)} MB` : `${x.toFixed(1)} ms`);
const fmtRatio = (r) => (r === undefined ? '' : r < 0.1 ? r.toFixed(3) : r.toFixed(2));

/** PASS/FAIL of `value` against `limit.max`, or n/a with the reason. */
export function judge(value, limit, naReason) {
  if (naReason) return { result: 'n/a', note: naReason };
  if (!limit) return { result: '' };
  return { result: value <= limit.max ? 'PASS' : 'FAIL' };
}

function cells(row, envs) {
  const out = [row.id, row.short, row.limit?.text ?? ''];
  for (const e of envs) {
    const c = row.cols[e.id] ?? {};
    out.push(fmt(c.carto, row.unit), fmt(c.peer, row.unit), fmtRatio(c.ratio), c.result === 'n/a' ? `n/a: ${c.note}` : c.result ?? '');
  }
  return out;
}

const FIXED = 3; // id, target, limit; then four columns per environment
function headers(envs, suffix) {
  const h = ['id', 'target', 'limit'];
  for (const e of envs) h.push(...['carto', 'other', 'ratio', 'result'].map((c) => (suffix ? `${c} (${e.short})` : c)));
  return h;
}

/** The table for a terminal: one group of four columns per environment, named above them. */
export function textTable(rows, envs) {
  const table = [headers(envs, false), ...rows.map((r) => cells(r, envs))];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i >= FIXED && i !== r.length - 1 && (i - FIXED) % 4 === 3 ? `${c.padEnd(widths[i])} |` : c.padEnd(widths[i]))).join('  ').trimEnd();
  const fixedWidth = widths.slice(0, FIXED).reduce((a, w) => a + w + 2, 0);
  let group = ' '.repeat(fixedWidth);
  envs.forEach((e, k) => {
    const w = widths.slice(FIXED + 4 * k, FIXED + 4 * k + 4).reduce((a, x) => a + x + 2, 0) + (k < envs.length - 1 ? 2 : 0);
    group += `[${e.short}] ${e.title}`.slice(0, w - 1).padEnd(w);
  });
  return [group.trimEnd(), line(table[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n');
}

/** What each row measures, in full: "id: target — compared with". */
export function legend(rows) {
  return rows.map((r) => `${r.id}: ${r.target}${r.vs ? ` — compared with ${r.vs}` : ''}`).join('\n');
}

export function markdownTable(rows, envs) {
  const esc = (s) => s.replace(/\|/g, '\\|');
  const lines = [`| ${headers(envs, true).join(' | ')} |`, `|${headers(envs, true).map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${cells(r, envs).map(esc).join(' | ')} |`);
  return lines.join('\n');
}

export function toJson({ rows, envs, machine, peers, settings }) {
  return {
    date: machine.date,
    machine,
    peers,
    settings,
    envs: envs.map(({ id, short, label }) => ({ id, short, label })),
    rows: rows.map((r) => ({
      id: r.id,
      short: r.short,
      target: r.target,
      vs: r.vs,
      unit: r.unit,
      limit: r.limit,
      results: Object.fromEntries(
        Object.entries(r.cols).map(([env, c]) => [env, { ...c, carto: round(c.carto), peer: round(c.peer), ratio: c.ratio === undefined ? undefined : +c.ratio.toFixed(4) }]),
      ),
    })),
  };
}

const round = (x) => (x === undefined ? undefined : +x.toFixed(1));
