/**
 * In-process benchmark of `analyzeStructure` (one model's structure must be near-linear; 20k keys well
 * under a second). Run: `npx tsx bench/structure.ts [--runs N]`. Inputs are spec-expanded key lists (no files):
 * Wan2.1-14B with more layers (flat families), and repeated SDXL UNets under distinct prefixes (nested families).
 * Prints the median wall and CPU time per size and the CPU time ratio of each doubling; exits 1 when 20k keys take
 * 1 s or more, or the last doubling (20k -> 40k keys) costs more than 2.5x.
 */
import { expandModel, scaledModel, specCheckpoint, type SpecTensor } from '../fixtures/specs.js'
import { analyzeStructure } from '../src/analysis/index.js'
import type { Checkpoint } from '../src/formats/types.js'

const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 7) : 7
const MAX_MS_AT_20K = 1000
const MAX_DOUBLING_RATIO = 2.5

function wanWithLayers(layers: number): Checkpoint {
  return specCheckpoint(
    scaledModel('wan2.1-t2v-14b', { num_layers: layers }, { prefix: 'model.diffusion_model.' })
  )
}

function repeatedUnets(copies: number): Checkpoint {
  const unet = expandModel('sdxl-base-1.0')
  const tensors: SpecTensor[] = []
  for (let c = 0; c < copies; c++) for (const t of unet) tensors.push({ ...t, name: `unet${c}.${t.name}` })
  return specCheckpoint(tensors)
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function time(ckpt: Checkpoint): { wall: number; cpu: number } {
  analyzeStructure(ckpt)
  const walls: number[] = []
  const cpus: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    analyzeStructure(ckpt)
    walls.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpus.push((c.user + c.system) / 1000)
  }
  return { wall: median(walls), cpu: median(cpus) }
}

let failed = false
const rows: string[] = [
  '| input | keys | wall ms (median) | cpu ms | x previous |',
  '| --- | --- | --- | --- | --- |'
]
for (const [label, make, sizes] of [
  ['Wan 14B, # layers', wanWithLayers, [185, 370, 740, 1480]],
  ['SDXL UNet x #', repeatedUnets, [3, 6, 12, 24]]
] as const) {
  let previous: number | null = null
  for (const n of sizes) {
    const ckpt = make(n)
    const { wall, cpu } = time(ckpt)
    const keys = ckpt.tensors.length
    const ratio = previous === null ? null : cpu / previous
    rows.push(
      `| ${label.replace('#', String(n))} | ${keys} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} | ${ratio === null ? '-' : ratio.toFixed(2)} |`
    )
    if (keys >= 19000 && keys <= 21000 && wall >= MAX_MS_AT_20K) failed = true
    // Only the last doubling is judged: the small sizes are the most sensitive to machine noise.
    if (ratio !== null && n === sizes[sizes.length - 1] && ratio > MAX_DOUBLING_RATIO) failed = true
    previous = cpu
  }
}
console.log(rows.join('\n'))
console.log(failed ? '\nFAIL' : '\nPASS')
process.exitCode = failed ? 1 : 0
