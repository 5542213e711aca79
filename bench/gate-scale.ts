/**
 * The gate's marginal cost per artifact. `model-compat gate` of 200 and of 1,500 LoRAs against one
 * Wan2.1-14B-shaped base (28.6 GB sparse), run alternately; (median at 1,500 - median at 200) / 1,300 must be at
 * most 0.2 ms, and the 1,500-LoRA run's peak RSS under 200 MB. The LoRAs are 20 distinct releases (the action
 * benchmark's: 400 modules, rank 16 to 64), each present many times under other names, as in a folder of copies
 * and re-uploads; their data regions are holes.
 *
 * Registered with the harness as a self-timed case (the child below runs both sizes and prints the figures), and
 * runs standalone: `npx tsx bench/gate-scale.ts [--runs N]`.
 */
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { expandModel } from '../fixtures/specs.js'
import { kohyaLora, targetsOf } from '../fixtures/lora.js'
import { writeSafetensors } from '../src/formats/safetensors/write.js'
import { median, registerCase, REPO_DIR, runNode, type Verdict } from './lib.js'

const THIS_FILE = fileURLToPath(import.meta.url)
const SMALL = 200
const LARGE = 1500
const DISTINCT = 20
const MAX_MARGINAL_MS = 0.2
const MAX_RSS_MB = 200

/** The base and two folders of LoRAs (`small/` with SMALL files, `large/` with LARGE), under `dir`. */
export async function prepare(dir: string): Promise<{ base: string; small: string; large: string }> {
  const baseTensors = expandModel('wan2.1-t2v-14b', { dtype: 'BF16' })
  const base = join(dir, 'wan2.1-t2v-14b.safetensors')
  await writeSafetensors(base, baseTensors, { data: 'sparse' })
  const targets = targetsOf(
    baseTensors,
    /^blocks\.\d+\.(?:self_attn|cross_attn)\.[qkvo]$|^blocks\.\d+\.ffn\.[02]$/
  )
  const templates: Array<{ header: Uint8Array; size: number }> = []
  for (let i = 0; i < DISTINCT; i++) {
    const file = join(dir, `template-${i}.safetensors`)
    const fx = kohyaLora(targets, { rank: 16 << (i % 3), alpha: 16 + i })
    await writeSafetensors(file, fx.tensors, { data: 'sparse' })
    templates.push({ header: headerBytes(file), size: statSync(file).size })
    rmSync(file)
  }
  const small = join(dir, 'small')
  const large = join(dir, 'large')
  for (const [folder, count] of [
    [small, SMALL],
    [large, LARGE]
  ] as const) {
    mkdirSync(folder)
    for (let i = 0; i < count; i++) {
      const t = templates[i % DISTINCT]!
      const fd = openSync(join(folder, `lora-${String(i).padStart(4, '0')}.safetensors`), 'w')
      writeSync(fd, t.header)
      ftruncateSync(fd, t.size)
      closeSync(fd)
    }
  }
  return { base, small, large }
}

/** A safetensors file's first 8 + N bytes (its data region is a hole and is never read). */
function headerBytes(file: string): Uint8Array {
  const fd = openSync(file, 'r')
  try {
    const prefix = Buffer.alloc(8)
    readSync(fd, prefix, 0, 8, 0)
    const header = Buffer.alloc(8 + Number(prefix.readBigUInt64LE(0)))
    readSync(fd, header, 0, header.length, 0)
    return header
  } finally {
    closeSync(fd)
  }
}

export interface GateScaleResult {
  runs: number
  smallMs: number
  largeMs: number
  marginalMs: number
  largeRssMB: number
}

/** Runs the gate over both folders `runs` times, alternately; medians. */
async function measureScale(dir: string, cli: string[], runs: number): Promise<GateScaleResult> {
  const { base, small, large } = await prepare(dir)
  const gate = (folder: string) => [...cli, 'gate', '--baseline', base, join(folder, '*.safetensors')]
  const times = { small: [] as number[], large: [] as number[], rss: [] as number[] }
  for (let i = 0; i <= runs; i++) {
    for (const [which, folder] of [
      ['small', small],
      ['large', large]
    ] as const) {
      const r = await runNode(gate(folder))
      if (r.code !== 0)
        throw new Error(`gate over ${folder} exited with ${r.code}: ${r.stderr.slice(0, 500)}`)
      if (i === 0) continue // warm-up (page cache, compiled-code cache)
      times[which].push(r.wallMs)
      if (which === 'large') times.rss.push(r.maxRssKB / 1000)
    }
  }
  const smallMs = median(times.small)
  const largeMs = median(times.large)
  return {
    runs,
    smallMs,
    largeMs,
    marginalMs: (largeMs - smallMs) / (LARGE - SMALL),
    largeRssMB: median(times.rss)
  }
}

function judgeScale(stdout: string): Verdict {
  const r = JSON.parse(stdout) as GateScaleResult
  const marginalOk = r.marginalMs <= MAX_MARGINAL_MS
  const rssOk = r.largeRssMB < MAX_RSS_MB
  return {
    pass: marginalOk && rssOk,
    details: [
      `${SMALL} LoRAs ${r.smallMs.toFixed(0)} ms, ${LARGE} LoRAs ${r.largeMs.toFixed(0)} ms`,
      `${r.marginalMs.toFixed(3)} ms per extra artifact ${marginalOk ? '<=' : '>'} ${MAX_MARGINAL_MS}`,
      `RSS ${r.largeRssMB.toFixed(1)} MB ${rssOk ? '<' : '>='} ${MAX_RSS_MB} MB`
    ]
  }
}

registerCase({
  name: `gate marginal cost per artifact, ${SMALL} -> ${LARGE} LoRAs vs wan2.1-14b`,
  group: 'gate: many artifacts',
  limits: { text: `<= ${MAX_MARGINAL_MS} ms per extra artifact, < ${MAX_RSS_MB} MB at ${LARGE}` },
  async setup(ctx) {
    return {
      nodeArgs: ['--import', 'tsx', THIS_FILE, '--child', ctx.dir, ...ctx.cli],
      selfTimed: true,
      note: `${DISTINCT} distinct 400-module LoRAs, each copied under many names; model-compat gate, 3 runs each`,
      check: (stdout) => void judgeScale(stdout),
      judgeOutput: judgeScale
    }
  }
})

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const child = process.argv.indexOf('--child')
  const runsAt = process.argv.indexOf('--runs')
  const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) || 3 : 3
  const task = async (): Promise<void> => {
    if (child > 0) {
      const [dir, ...cli] = process.argv.slice(child + 1)
      process.stdout.write(`${JSON.stringify(await measureScale(dir!, cli, runs))}\n`)
      return
    }
    const dir = mkdtempSync(join(tmpdir(), 'bench-gate-scale-'))
    try {
      const verdict = judgeScale(
        JSON.stringify(await measureScale(dir, [join(REPO_DIR, 'dist', 'cli', 'index.js')], runs))
      )
      console.log(`${verdict.pass ? 'PASS' : 'FAIL'}: ${verdict.details.join('; ')}`)
      if (!verdict.pass) process.exitCode = 1
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  task().catch((e: unknown) => {
    console.error(e)
    process.exitCode = 1
  })
}
