/**
 * `npm run fuzz`: the long fuzz pass over every reader. Mutations of valid fixtures must end in a valid
 * result or a typed `CheckpointError`, within a time bound, with bounded memory. Cases run in worker threads
 * (`--jobs`), each with a capped heap and a watchdog, so a hang or a runaway allocation is caught and reported as
 * a failure of that case instead of stopping the run. Exits 1 when anything failed.
 *
 *   npm run fuzz                                   100,000 cases per reader, all readers
 *   npm run fuzz -- --cases 5000 --reader gguf,pickle --seed 7
 *   npm run fuzz -- --reader pickle --seed 7 --case 1234     replay one case (prints input, outcome, stack)
 *   options: --jobs N (2)  --case-ms MS (1000)  --mem-mb MB (256)  --heap-growth-mb MB (64)  --hang-ms MS (30000)
 *            --worker-heap-mb MB (1024)  --json FILE (report)  --save-failures DIR (.tmp/fuzz/failures)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import {
  BATCH,
  emptyStats,
  describeCase,
  generateCases,
  mergeStats,
  type FuzzFailure,
  type RangeStats
} from '../fixtures/fuzz/run-cases.js'
import {
  TARGET_NAMES,
  caseArbOf,
  type AnyCase,
  inputOf,
  loadTarget,
  outcomeLabel,
  runCase,
  type TargetName
} from '../fixtures/fuzz/targets.js'
import type { WorkerJob, WorkerMessage } from '../fixtures/fuzz/worker.js'

interface Options {
  cases: number
  readers: TargetName[]
  seed: number
  jobs: number
  caseMs: number
  memMb: number
  heapGrowthMb: number
  hangMs: number
  workerHeapMb: number
  json?: string
  saveDir: string
  replay?: number
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    cases: 100_000,
    readers: [...TARGET_NAMES],
    seed: 20261126,
    jobs: 2,
    caseMs: 1000,
    memMb: 256,
    heapGrowthMb: 64,
    hangMs: 30_000,
    workerHeapMb: 1024,
    saveDir: '.tmp/fuzz/failures'
  }
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v)
    if (v === undefined || !Number.isSafeInteger(n) || n < 0)
      throw new Error(`${flag} needs a non-negative integer`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    const v = argv[i + 1]
    i++
    switch (a) {
      case '--cases':
        o.cases = num(a, v)
        break
      case '--seed':
        o.seed = num(a, v)
        break
      case '--jobs':
        o.jobs = Math.max(1, num(a, v))
        break
      case '--case-ms':
        o.caseMs = num(a, v)
        break
      case '--mem-mb':
        o.memMb = num(a, v)
        break
      case '--heap-growth-mb':
        o.heapGrowthMb = num(a, v)
        break
      case '--hang-ms':
        o.hangMs = num(a, v)
        break
      case '--worker-heap-mb':
        o.workerHeapMb = num(a, v)
        break
      case '--case':
        o.replay = num(a, v)
        break
      case '--json':
        o.json = v
        break
      case '--save-failures':
        o.saveDir = v ?? o.saveDir
        break
      case '--reader': {
        const names = (v ?? '').split(',').filter(Boolean)
        for (const n of names)
          if (!(TARGET_NAMES as readonly string[]).includes(n))
            throw new Error(`unknown reader ${n}; one of ${TARGET_NAMES.join(', ')}`)
        o.readers = names as TargetName[]
        break
      }
      default:
        throw new Error(`unknown option ${a}`)
    }
  }
  return o
}

async function replay(o: Options): Promise<number> {
  const name = o.readers[0] as TargetName
  const target = await loadTarget(name)
  const [index, c] = [
    ...generateCases(caseArbOf(target), o.seed, o.replay as number, (o.replay as number) + 1)
  ][0] as [number, AnyCase]
  const input = inputOf(target, c)
  const t0 = performance.now()
  const outcome = await runCase(target, input)
  const d = describeCase(target, c)
  console.log(`reader ${name}, seed ${o.seed}, case ${index}: seed ${d.seedName}`)
  console.log(`mutations ${d.mutations}`)
  console.log(
    `input ${input.bytes.length} bytes + ${input.tail} zero bytes; outcome ${outcomeLabel(outcome)} in ${(performance.now() - t0).toFixed(1)} ms`
  )
  if (outcome.kind === 'failure') console.log(outcome.stack ?? outcome.detail)
  return outcome.kind === 'failure' ? 1 : 0
}

interface Job {
  target: TargetName
  from: number
  to: number
  skip: number[]
}

interface ReaderReport extends RangeStats {
  heapGrowthMb: number
}

async function runAll(o: Options): Promise<Map<TargetName, ReaderReport>> {
  const reports = new Map<TargetName, ReaderReport>(
    o.readers.map((r) => [r, { ...emptyStats(), heapGrowthMb: 0 }])
  )
  const chunk = Math.max(BATCH, Math.ceil(o.cases / Math.max(1, Math.ceil(o.cases / 25_000)) / BATCH) * BATCH)
  const queue: Job[] = []
  for (const target of o.readers)
    for (let f = 0; f < o.cases; f += chunk)
      queue.push({ target, from: f, to: Math.min(o.cases, f + chunk), skip: [] })
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('../fixtures/fuzz/worker.ts', import.meta.url).href)}) })`
  const started = Date.now()
  let done = 0
  const total = o.cases * o.readers.length

  const runJob = (job: Job): Promise<void> =>
    new Promise((resolve) => {
      const progress = new SharedArrayBuffer(4)
      const view = new Int32Array(progress)
      Atomics.store(view, 0, -1) // -1 until the worker starts its first case
      const report = reports.get(job.target) as ReaderReport
      let next = job.from
      let finished = false
      const data: WorkerJob = {
        target: job.target,
        seed: o.seed,
        from: job.from,
        to: job.to,
        caseMs: o.caseMs,
        memMb: o.memMb,
        skip: job.skip,
        progress
      }
      const worker = new Worker(bootstrap, {
        eval: true,
        workerData: data,
        resourceLimits: { maxOldGenerationSizeMb: o.workerHeapMb }
      })
      let lastIndex = -1
      let lastChange = Date.now()
      const watchdog = setInterval(() => {
        const i = Atomics.load(view, 0)
        if (i !== lastIndex) {
          lastIndex = i
          lastChange = Date.now()
        } else if (Date.now() - lastChange > o.hangMs) {
          abandon('hang', `no progress for ${o.hangMs} ms`)
          void worker.terminate()
        }
      }, 250)
      const abandon = (reason: FuzzFailure['reason'], detail: string, stack?: string): void => {
        if (finished) return
        finished = true
        clearInterval(watchdog)
        const index = Atomics.load(view, 0)
        report.failures.push({
          target: job.target,
          seed: o.seed,
          index,
          reason,
          detail,
          ...(stack ? { stack } : {})
        })
        report.cases++
        report.outcomes[`FAILURE:${reason}`] = (report.outcomes[`FAILURE:${reason}`] ?? 0) + 1
        done++
        // rerun the rest of the range without the case that killed the worker; a worker that died before its
        // first case (a broken target) would die again, so its range is not retried
        if (index >= 0 && next < job.to) queue.push({ ...job, from: next, skip: [...job.skip, index] })
        resolve()
      }
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'batch') {
          mergeStats(report, m.stats)
          done += m.stats.cases
          next = m.next
        } else {
          finished = true
          clearInterval(watchdog)
          const growth = m.heapEndMb - m.heapStartMb
          report.heapGrowthMb = Math.max(report.heapGrowthMb, growth)
          if (growth > o.heapGrowthMb) {
            report.failures.push({
              target: job.target,
              seed: o.seed,
              index: job.to - 1,
              reason: 'heap-growth',
              detail: `retained heap grew ${growth.toFixed(1)} MB over cases ${job.from}..${job.to - 1} (bound ${o.heapGrowthMb} MB)`
            })
          }
          resolve()
        }
      })
      worker.on('error', (e: Error & { code?: string }) => {
        abandon(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'exception',
          `worker died: ${e.code ?? e.name}: ${e.message}`,
          e.stack
        )
      })
      worker.on('exit', (code) => {
        if (!finished) abandon('exception', `worker exited with code ${code} during the case`)
      })
    })

  const ticker = setInterval(() => {
    const s = (Date.now() - started) / 1000
    process.stderr.write(`fuzz: ${done}/${total} cases, ${s.toFixed(0)} s\n`)
  }, 15_000)
  const lanes = Array.from({ length: o.jobs }, async () => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) await runJob(job)
  })
  await Promise.all(lanes)
  clearInterval(ticker)
  return reports
}

function printReport(o: Options, reports: Map<TargetName, ReaderReport>, seconds: number): number {
  let failures = 0
  console.log(
    `model-compat fuzz: seed ${o.seed}, ${o.cases} cases per reader, case bound ${o.caseMs} ms, memory bound ${o.memMb} MB per case, ${seconds.toFixed(0)} s`
  )
  for (const [name, r] of reports) {
    const outcomes = Object.entries(r.outcomes)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')
    console.log(
      `\n${name}: ${r.cases} cases, ${r.failures.length} failures, max case ${r.maxCaseMs.toFixed(1)} ms, mean ${(r.totalMs / Math.max(1, r.cases)).toFixed(3)} ms, max case memory growth ${r.maxCaseGrowthMb.toFixed(1)} MB, retained heap growth ${r.heapGrowthMb.toFixed(1)} MB`
    )
    console.log(`  outcomes: ${outcomes}`)
    for (const f of r.failures.slice(0, 10)) {
      console.log(
        `  FAILURE ${f.reason} at case ${f.index} (replay: npm run fuzz -- --reader ${name} --seed ${o.seed} --case ${f.index}): ${f.detail}`
      )
      if (f.seedName) console.log(`    seed file ${f.seedName}; mutations ${f.mutations}`)
      if (f.stack)
        console.log(
          f.stack
            .split('\n')
            .slice(0, 8)
            .map((l) => `    ${l}`)
            .join('\n')
        )
    }
    if (r.failures.length > 10) console.log(`  ... and ${r.failures.length - 10} more failures`)
    failures += r.failures.length
  }
  return failures
}

function saveFailures(o: Options, reports: Map<TargetName, ReaderReport>): void {
  const all = [...reports.values()].flatMap((r) => r.failures).filter((f) => f.input !== undefined)
  if (all.length === 0) return
  mkdirSync(o.saveDir, { recursive: true })
  for (const f of all.slice(0, 200)) {
    const base = join(o.saveDir, `${f.target}-seed${o.seed}-case${f.index}-${f.reason}`)
    const input = f.input as NonNullable<FuzzFailure['input']>
    const bytes = new Uint8Array(input.bytes.length + input.tail)
    bytes.set(input.bytes)
    writeFileSync(`${base}.bin`, bytes)
  }
  console.log(`\nfailing inputs written to ${o.saveDir}/`)
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2))
  if (o.replay !== undefined) return replay(o)
  const t0 = Date.now()
  const reports = await runAll(o)
  const failures = printReport(o, reports, (Date.now() - t0) / 1000)
  saveFailures(o, reports)
  if (o.json !== undefined) {
    const plain = Object.fromEntries(
      [...reports].map(([k, r]) => [k, { ...r, failures: r.failures.map(({ input: _input, ...f }) => f) }])
    )
    writeFileSync(
      o.json,
      JSON.stringify(
        {
          seed: o.seed,
          casesPerReader: o.cases,
          caseMs: o.caseMs,
          memMb: o.memMb,
          seconds: (Date.now() - t0) / 1000,
          readers: plain
        },
        null,
        2
      )
    )
  }
  console.log(failures === 0 ? '\nno failures' : `\n${failures} failures`)
  return failures === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(2)
  }
)
