/**
 * Benchmark harness: runs whole processes (the CLI exactly as a user runs it) and measures wall time and peak RSS,
 * relative to a bare `node -e 0` on the same machine. Cases live in a small registry (`registerCase`), so each
 * feature adds its own without touching the runner.
 *
 * Every timed run starts the command as a user does, under GNU `/usr/bin/time -f %M` where it is (its peak RSS is
 * the command's own: time is its direct parent and a few MB, so the peak a child inherits across fork and exec is
 * time's, not the harness's). Where GNU time is not, each node process is started with
 * `node --import bench/rss-hook.mjs`, which writes the process's own peak RSS (VmHWM, the kernel's high-water mark)
 * to a file at exit; that preload costs node 8-15 ms of start-up, so ratios measured that way read lower
 * (`sample`). Neither polls /proc/PID/status from the parent, which can miss a short-lived peak.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { disturbedNote, undisturbedRun, type DisturbedRuns } from './host-reporting.js'

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url))
export const REPO_DIR = dirname(BENCH_DIR)
export const RSS_HOOK = join(BENCH_DIR, 'rss-hook.mjs')

/**
 * The node binary every measured process (and its `node -e 0` baseline) runs under: `--node PATH` of bench/run.ts,
 * else BENCH_NODE, else the node running the bench. Lets one bench compare Node versions (e.g. Node 24, the
 * Actions runtime) without changing the node that runs tsx.
 */
let nodeBinary = process.env.BENCH_NODE || process.execPath

export function setNodeBinary(path: string): void {
  nodeBinary = path
}

export function nodeBinaryPath(): string {
  return nodeBinary
}

export interface Limits {
  /** Median wall time divided by the median of `node -e 0`. */
  maxWallRatio?: number
  /** Median peak RSS in MB (10^6 bytes). */
  maxRssMB?: number
  /** The limits in words, for a case judged by `judgeOutput` (e.g. "<= 0.2 ms per extra artifact, < 200 MB"). */
  text?: string
}

export interface SetupContext {
  /** A fresh folder for this case's files, removed after the case unless `--keep`. */
  dir: string
  /** Node arguments that start the CLI, e.g. `['dist/cli/index.js']` (absolute paths). */
  cli: readonly string[]
}

export interface PreparedCase {
  /** Arguments after `node` (the harness adds the RSS hook): usually `[...ctx.cli, 'analyze', file, '--json']`. */
  nodeArgs: string[]
  /** Extra environment for the measured runs (not the baseline), e.g. `NODE_DISABLE_COMPILE_CACHE: '1'`. */
  env?: Record<string, string>
  /** Apparent size of the input, shown in the table. */
  inputBytes?: number
  /** Checks one run's stdout, so a fast failure is never timed as a success; throw to reject. */
  check?: (stdout: string) => void
  /** Extra text for the table (e.g. "1095 tensors, BF16"). */
  note?: string
  /**
   * For a child that repeats and times its own work (an in-process benchmark): run it once, with no warm-up, and
   * show no ratio to `node -e 0` (its wall time is the whole series, not one command).
   */
  selfTimed?: boolean
  /** Stops whatever setup started (servers, ...); the case folder itself is removed by the runner. */
  cleanup?: () => Promise<void> | void
  /**
   * Another command to compare with instead of `node -e 0` (e.g. `cp` of the same file), run alternately with the
   * measured runs; the wall ratio and `maxWallRatio` are then relative to it. Not a node process: no peak RSS.
   */
  baseline?: { label: string; command: string[] }
  /**
   * Untimed work before each run of the baseline and of the measured command (warm-up runs included), e.g. removing
   * that side's previous output so each run writes a new file under the same conditions.
   */
  beforeRun?: (side: 'baseline' | 'measured') => void
  /**
   * For a self-timed case that measures something else than its own wall time (a marginal cost, a ratio of two
   * commands): judges the child's stdout. Its verdict replaces the wall-time and RSS limits.
   */
  judgeOutput?: (stdout: string) => Verdict
}

export interface BenchCase {
  name: string
  /** A heading to group related cases (e.g. "readers"). */
  group: string
  /** Cases of one series (the same input at growing sizes) get a flatness line: how much time and RSS grow. */
  series?: string
  limits: Limits
  /** Writes input files into `ctx.dir` and returns the command, or `{skip: why}` when it cannot run here. */
  setup(ctx: SetupContext): Promise<PreparedCase | { skip: string }>
}

const registry: BenchCase[] = []

export function registerCase(c: BenchCase): void {
  if (registry.some((r) => r.name === c.name)) throw new Error(`duplicate bench case ${c.name}`)
  registry.push(c)
}

export function registeredCases(): readonly BenchCase[] {
  return registry
}

export interface RunSample {
  wallMs: number
  maxRssKB: number
}

export interface RunOutcome extends RunSample {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs `argv` once, timing it from spawn to exit, with its output collected; `maxRssKB` is NaN (see `runNode`). */
async function timedRun(
  argv: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv }
): Promise<RunOutcome> {
  const start = process.hrtime.bigint()
  const child = spawn(argv[0]!, argv.slice(1), { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  const out: Buffer[] = []
  const err: Buffer[] = []
  child.stdout.on('data', (b: Buffer) => out.push(b))
  child.stderr.on('data', (b: Buffer) => err.push(b))
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (c, s) => resolve([c, s]))
  })
  return {
    wallMs: Number(process.hrtime.bigint() - start) / 1e6,
    maxRssKB: Number.NaN,
    code,
    signal,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8')
  }
}

/** GNU time, which gives a command's peak RSS from outside it (see `runUnderTime`). */
const GNU_TIME = '/usr/bin/time'
/** Ends GNU time's line on stderr (its format), unlike anything a measured command prints. */
const TIME_MARK = 'bench-time-maxrss-kb:'
let gnuTimeWorks: boolean | undefined

/** Whether /usr/bin/time is GNU time (it reports `%M`); asked once. */
export function gnuTimeAvailable(): boolean {
  if (gnuTimeWorks === undefined) {
    const r = spawnSync(GNU_TIME, ['-f', `${TIME_MARK}%M`, 'true'], { encoding: 'utf8' })
    gnuTimeWorks = r.status === 0 && new RegExp(`${TIME_MARK}\\d+`).test(r.stderr ?? '')
  }
  return gnuTimeWorks
}

/**
 * Runs `argv` under GNU time, timing the whole from spawn to exit: the peak RSS is the command's own (time is its
 * direct parent and a few MB, so the peak a child inherits across fork and exec is time's, not the harness's).
 * Every timed run goes through it where GNU time is (`sample`).
 */
async function runUnderTime(
  argv: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv }
): Promise<RunOutcome> {
  const run = await timedRun([GNU_TIME, '-f', `${TIME_MARK}%M`, ...argv], options)
  const at = run.stderr.lastIndexOf(TIME_MARK)
  if (at < 0) return run
  return {
    ...run,
    maxRssKB: Number(run.stderr.slice(at + TIME_MARK.length).trim()),
    stderr: run.stderr.slice(0, at)
  }
}

/** `node <nodeArgs>` under GNU time (runUnderTime), with no NODE_OPTIONS of the harness's. */
function nodeUnderTime(
  nodeArgs: readonly string[],
  cwd: string,
  extraEnv: Record<string, string> = {}
): Promise<RunOutcome> {
  return runUnderTime([nodeBinary, ...nodeArgs], {
    cwd,
    env: { ...process.env, ...extraEnv, NODE_OPTIONS: '' }
  })
}

/** Runs a command that is not node once (a baseline like `cp`); no peak RSS. */
export function runCommand(argv: readonly string[], cwd = REPO_DIR): Promise<RunOutcome> {
  return timedRun(argv, { cwd })
}

/** Runs `node --import rss-hook <nodeArgs>` once, timing it from spawn to exit. */
export async function runNode(
  nodeArgs: readonly string[],
  cwd = REPO_DIR,
  extraEnv: Record<string, string> = {}
): Promise<RunOutcome> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-rss-'))
  const rssFile = join(scratch, 'rss.json')
  try {
    const run = await timedRun([nodeBinary, '--import', RSS_HOOK, ...nodeArgs], {
      cwd,
      env: { ...process.env, ...extraEnv, BENCH_RSS_FILE: rssFile, NODE_OPTIONS: '' }
    })
    const maxRssKB = existsSync(rssFile)
      ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKB: number }).maxRssKB
      : Number.NaN
    return { ...run, maxRssKB }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** GNU time's peak RSS (KB) for one run, or undefined when /usr/bin/time is not GNU time. */
export async function gnuTimeMaxRssKB(
  nodeArgs: readonly string[],
  cwd = REPO_DIR
): Promise<number | undefined> {
  if (!gnuTimeAvailable()) return undefined
  const r = await nodeUnderTime(nodeArgs, cwd)
  return Number.isNaN(r.maxRssKB) ? undefined : r.maxRssKB
}

export interface Measurement {
  samples: RunSample[]
  medianWallMs: number
  minWallMs: number
  medianRssMB: number
  maxRssMB: number
  /** Runs the VM's host disturbed (host-reporting.ts): set aside and run again, or kept after too many tries. */
  disturbed?: DisturbedRuns
}

export function summarize(samples: RunSample[], disturbed?: DisturbedRuns): Measurement {
  return {
    samples,
    ...(disturbed && { disturbed }),
    medianWallMs: median(samples.map((s) => s.wallMs)),
    minWallMs: Math.min(...samples.map((s) => s.wallMs)),
    medianRssMB: median(samples.map((s) => s.maxRssKB)) / 1000,
    maxRssMB: Math.max(...samples.map((s) => s.maxRssKB)) / 1000
  }
}

/** A command to run: node arguments (the usual), or a non-node command line. */
export type Runnable = readonly string[] | { command: readonly string[] }

/**
 * One timed run. Under GNU time where it is (runUnderTime): the process then starts as a user's does, with no
 * preload. The RSS hook's `--import` costs node 8-15 ms of start-up (15-21 alternating rounds on the 2-core VM:
 * `node -e 0` 64 against 75 ms, `compare` of the SDXL UNet pair 175 against 188 ms), which flattered every ratio
 * to `node -e 0` (2.49x against 2.73x for that compare) and burdened a node process compared with `cp`. The hook
 * (runNode) is the fallback where GNU time is not.
 */
async function sample(
  what: Runnable,
  check?: (stdout: string) => void,
  env?: Record<string, string>,
  underTime = gnuTimeAvailable()
): Promise<RunSample> {
  if ('command' in what) {
    const r = underTime ? await runUnderTime(what.command, { cwd: REPO_DIR }) : await runCommand(what.command)
    if (r.code !== 0)
      throw new Error(
        `${what.command.join(' ')} exited with ${r.code ?? r.signal}:\n${r.stderr.slice(0, 2000)}`
      )
    return { wallMs: r.wallMs, maxRssKB: r.maxRssKB }
  }
  const nodeArgs = what
  const r = underTime ? await nodeUnderTime(nodeArgs, REPO_DIR, env) : await runNode(nodeArgs, REPO_DIR, env)
  if (r.code !== 0) {
    const output = r.stderr.slice(0, 2000) || r.stdout.slice(0, 2000)
    throw new Error(`node ${nodeArgs.join(' ')} exited with ${r.code ?? r.signal}:\n${output}`)
  }
  check?.(r.stdout)
  if (Number.isNaN(r.maxRssKB)) throw new Error(`node ${nodeArgs.join(' ')} did not report its peak RSS`)
  return { wallMs: r.wallMs, maxRssKB: r.maxRssKB }
}

/** One warm-up run (page cache, lazy compilation caches), then `runs` measured runs; each must pass `check`. */
export async function measure(
  nodeArgs: readonly string[],
  runs: number,
  check?: (stdout: string) => void
): Promise<Measurement> {
  await sample(nodeArgs, check)
  const samples: RunSample[] = []
  const disturbed: DisturbedRuns = { discarded: 0, kept: 0 }
  for (let i = 0; i < runs; i++) samples.push(await undisturbedRun(() => sample(nodeArgs, check), disturbed))
  return summarize(samples, disturbed)
}

/**
 * Like `measure`, alternating each run with a baseline run, so the ratio compares runs made under the same
 * machine load (a shared or busy machine drifts over the minutes a benchmark takes). A run the VM's host disturbed
 * is made again on either side alike (host-reporting.ts).
 */
export async function measurePaired(
  baselineArgs: Runnable,
  nodeArgs: readonly string[],
  runs: number,
  check?: (stdout: string) => void,
  env?: Record<string, string>,
  warmUp = true,
  beforeRun?: (side: 'baseline' | 'measured') => void,
  /** False for a child that times its own series (its runs are not repeatable, nor one sample each). */
  retryDisturbed = true
): Promise<{ baseline: Measurement; measured: Measurement }> {
  const baselineRun = (): Promise<RunSample> => (beforeRun?.('baseline'), sample(baselineArgs))
  const measuredRun = (): Promise<RunSample> => (beforeRun?.('measured'), sample(nodeArgs, check, env))
  if (warmUp) {
    await baselineRun()
    await measuredRun()
  }
  const base: RunSample[] = []
  const measured: RunSample[] = []
  const baseDisturbed: DisturbedRuns = { discarded: 0, kept: 0 }
  const measuredDisturbed: DisturbedRuns = { discarded: 0, kept: 0 }
  const run = (fn: () => Promise<RunSample>, tally: DisturbedRuns): Promise<RunSample> =>
    retryDisturbed ? undisturbedRun(fn, tally) : fn()
  for (let i = 0; i < runs; i++) {
    base.push(await run(baselineRun, baseDisturbed))
    measured.push(await run(measuredRun, measuredDisturbed))
  }
  return { baseline: summarize(base, baseDisturbed), measured: summarize(measured, measuredDisturbed) }
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

export interface Verdict {
  pass: boolean
  /** One entry per limit, e.g. "wall 1.62x <= 2x". */
  details: string[]
}

/** Above this ratio of a side's slowest run to its fastest, the verdict says the runs scattered (see `spread`). */
export const NOISY_SPREAD = 1.5

/**
 * The range of a side's run times when it is wide enough to doubt its median: `runs 626-1,595 ms`. On the 2-core
 * VMs these benchmarks were written on, the writes of a conversion or a copy took anything from 0.3 to 4.9 s for
 * the same bytes (BENCHMARKS.md), so a ratio of medians over such runs says more about the machine than about the
 * commands; the verdict still judges the medians, the note tells the reader how far to trust them.
 */
export function spread(m: Measurement, label: string): string | undefined {
  const walls = m.samples.map((s) => s.wallMs)
  if (walls.length < 2) return undefined
  const lo = Math.min(...walls)
  const hi = Math.max(...walls)
  if (!(lo > 0) || hi / lo <= NOISY_SPREAD) return undefined
  const ms = (v: number): string => Math.round(v).toLocaleString('en-US')
  return `${label} ${ms(lo)}-${ms(hi)} ms`
}

export function judge(m: Measurement, baseline: Measurement, limits: Limits): Verdict {
  const details: string[] = []
  let pass = true
  const ratio = m.medianWallMs / baseline.medianWallMs
  if (limits.maxWallRatio !== undefined) {
    const ok = ratio <= limits.maxWallRatio
    pass &&= ok
    details.push(`wall ${ratio.toFixed(2)}x ${ok ? '<=' : '>'} ${limits.maxWallRatio}x`)
    const scattered = [spread(m, 'runs'), spread(baseline, 'baseline')].filter((x) => x !== undefined)
    if (scattered.length > 0) details.push(`scattered: ${scattered.join(', ')}`)
    const disturbed = [
      disturbedNote('runs', m.disturbed),
      disturbedNote('baseline', baseline.disturbed)
    ].filter((x) => x !== undefined)
    if (disturbed.length > 0) details.push(`host-disturbed: ${disturbed.join(', ')}`)
  }
  if (limits.maxRssMB !== undefined) {
    const ok = m.medianRssMB < limits.maxRssMB
    pass &&= ok
    details.push(`RSS ${m.medianRssMB.toFixed(1)} MB ${ok ? '<' : '>='} ${limits.maxRssMB} MB`)
  }
  return { pass, details }
}

/** Human size with decimal units (the way model sizes are quoted: "28.6 GB"). */
export function formatBytes(n: number | undefined): string {
  if (n === undefined) return ''
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let v = n
  let u = 0
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000
    u++
  }
  return `${v.toFixed(u === 0 ? 0 : 1)} ${units[u]}`
}

/** A check for `analyze --json` output: valid JSON whose manifest lists `expected` tensors. */
export function expectManifestTensors(expected: number): (stdout: string) => void {
  return (stdout) => {
    const doc = JSON.parse(stdout) as unknown
    // Accept one manifest or a list of them (one per file).
    const first = (Array.isArray(doc) ? doc[0] : doc) as { tensors?: Record<string, unknown> } | undefined
    const n = first?.tensors ? Object.keys(first.tensors).length : -1
    if (n !== expected) throw new Error(`analyze --json listed ${n} tensors; expected ${expected}`)
  }
}
