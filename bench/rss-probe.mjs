// Preloaded into a measured node process (`node --import bench/rss-probe.mjs ...`) when GNU time is
// missing: writes the process's peak RSS in KB (process.resourceUsage().maxRSS) to
// $CARTO_BENCH_RSS_OUT when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.CARTO_BENCH_RSS_OUT) writeFileSync(process.env.CARTO_BENCH_RSS_OUT, String(process.resourceUsage().maxRSS));
});
