/**
 * Measures what each hostile file costs the real CLI: peak memory (maximum resident set size) and
 * CPU and wall time of `model-compat gate` on it, with the default budgets. The resource bombs are written at
 * full size (fixtures/hostile-bombs.ts), the committed hostile files are used as they are, and two whole-run
 * cases check the per-run budgets (several files each within the per-file budget). The CLI is bundled into a
 * temporary folder (dist/ is not touched) and run under /usr/bin/time -v.
 *
 *   npx tsx scripts/measure-hostile.ts [--only NAME] [--keep]
 *
 * Prints a Markdown table (SECURITY.md keeps one). On a loaded machine, wall time is noisy: CPU time (user +
 * system) is the better figure, and the limits to judge against are 200 MB and 5 s per hostile file.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BOMBS } from '../fixtures/hostile-bombs.js'
import { writeSafetensorsSync } from '../src/formats/safetensors/write.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined

interface Measured {
  name: string
  files: number
  outcome: string
  rssMb: number
  cpuS: number
  wallS: number
}

function measure(bundle: string, baseline: string, name: string, files: string[]): Measured {
  const run = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, bundle, 'gate', '--baseline', baseline, '--threshold', '0', '--json', ...files],
    { env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' }, maxBuffer: 256 * 1024 * 1024 }
  )
  const err = run.stderr.toString()
  const field = (label: string): string => new RegExp(`${label}: (.*)`).exec(err)?.[1]?.trim() ?? ''
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')
    .split(':')
    .reduce((s, p) => s * 60 + Number(p), 0)
  let outcome = `exit ${run.status}`
  try {
    const report = JSON.parse(run.stdout.toString()) as {
      artifacts: Array<{
        status: string
        error?: { code: string }
        flags: Array<{ id: string; failsGate: boolean }>
      }>
    }
    const each = report.artifacts.map(
      (a) => a.error?.code ?? (a.flags.find((f) => f.failsGate)?.id || a.status)
    )
    const counts = new Map<string, number>()
    for (const o of each) counts.set(o, (counts.get(o) ?? 0) + 1)
    outcome = each.length === 1 ? each[0]! : [...counts].map(([o, n]) => `${n} ${o}`).join(', ')
  } catch {
    outcome += `: ${err.split('\n')[0]}`
  }
  return {
    name,
    files: files.length,
    outcome,
    rssMb: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024,
    cpuS: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
    wallS: wall
  }
}

const dir = mkdtempSync(join(tmpdir(), 'measure-hostile-'))
try {
  const bundleDir = join(dir, 'cli')
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle-cli.mjs'), bundleDir], { stdio: 'ignore' })
  const bundle = join(bundleDir, 'index.js')
  const baseline = join(dir, 'baseline.safetensors')
  writeSafetensorsSync(baseline, [{ name: 'w', dtype: 'F32', shape: [2, 2] }])

  const cases: Array<{ name: string; files: string[] }> = [
    { name: '(reference: a tiny benign file)', files: [baseline] }
  ]
  for (const b of BOMBS) {
    if (only !== undefined && b.name !== only) continue
    const path = join(dir, b.name)
    b.write(path)
    cases.push({ name: b.name, files: [path] })
  }
  if (only === undefined || only === 'per-run') {
    // each file within the per-file budget (50,000), the run past its budget (500,000): the last ones fail
    const files = Array.from({ length: 11 }, (_, i) => {
      const path = join(dir, `per-run-${i}.safetensors`)
      BOMBS.find((b) => b.name === 'many-tensors.safetensors')!.write(path, 48_000 / 1_500_000)
      return path
    })
    cases.push({
      name: 'one safetensors of 48,000 tensors (just within the per-file budget)',
      files: [files[0]!]
    })
    cases.push({ name: 'per-run: 11 safetensors of 48,000 tensors', files })
    const bombs = [0, 1, 2, 3, 4, 5].map((i) => {
      const path = join(dir, `per-run-bomb-${i}.pt`)
      BOMBS.find((b) => b.name === 'zip-bomb-data-pkl.pt')!.write(path)
      return path
    })
    cases.push({ name: 'per-run: 6 zip bombs of 1 GiB declared', files: bombs })
  }
  const hostileDir = join(ROOT, '__fixtures__', 'hostile')
  if (only === undefined || only === 'committed') {
    const committed = readdirSync(hostileDir).filter((f) => f !== 'expected.json')
    for (const f of committed) copyFileSync(join(hostileDir, f), join(dir, f))
    cases.push({
      name: `committed hostile files (${committed.length}, one gate run)`,
      files: committed.map((f) => join(dir, f))
    })
  }

  const rows = cases.map((c) => measure(bundle, baseline, c.name, c.files))
  const lines = [
    '| Case | Files | Outcome | Peak RSS (MB) | CPU (s) | Wall (s) |',
    '| --- | ---: | --- | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.files} | ${r.outcome} | ${r.rssMb.toFixed(0)} | ${r.cpuS.toFixed(2)} | ${r.wallS.toFixed(2)} |`
    )
  ]
  console.log(lines.join('\n'))
  writeFileSync(join(dir, 'table.md'), `${lines.join('\n')}\n`)
} finally {
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true })
  else console.error(`kept ${dir}`)
}
