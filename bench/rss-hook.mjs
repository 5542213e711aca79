// Preloaded by the benchmark harness (`node --import bench/rss-hook.mjs ...`): when BENCH_RSS_FILE is set, the
// process writes its own peak resident set size there as it exits. getrusage(RUSAGE_SELF).ru_maxrss is the
// kernel's high-water mark, so it cannot miss a short peak the way polling /proc from outside can.
import { writeFileSync } from 'node:fs'
import process from 'node:process'

const out = process.env.BENCH_RSS_FILE
if (out) {
  process.on('exit', () => {
    writeFileSync(out, JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS }))
  })
}
