// Preloaded by the benchmark harness (`node --import bench/rss-hook.mjs ...`): when BENCH_RSS_FILE is set, the
// process writes its own peak resident set size there as it exits. The kernel's high-water mark cannot miss a
// short peak the way polling /proc from outside can. It is read from /proc/self/status (VmHWM, this process's
// own memory) where that exists: getrusage's ru_maxrss is inherited across fork and exec, so a child of a large
// parent (a jest worker, a harness that generated fixtures) would report the parent's peak instead of its own.
import { readFileSync, writeFileSync } from 'node:fs'
import process from 'node:process'

function peakRssKB() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (m) return Number(m[1])
  } catch {
    // not Linux: fall back to getrusage
  }
  return process.resourceUsage().maxRSS
}

const out = process.env.BENCH_RSS_FILE
if (out) {
  process.on('exit', () => {
    writeFileSync(out, JSON.stringify({ maxRssKB: peakRssKB() }))
  })
}
