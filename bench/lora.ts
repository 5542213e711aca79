/**
 * LoRA resolution benchmark: resolving a 1,500-module LoRA against a Wan2.1-14B-shaped base. Registers a whole-process
 * case (`model-compat lora LORA --base BASE --json`, at most 3x `node -e 0`) with the bench harness, and runs
 * standalone (`npx tsx bench/lora.ts`) to time the pure core in-process: read both headers, analyse, index the
 * base, resolve, at 0.5x..2x the module count (near-linear growth expected).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expandModel, type SpecTensor } from '../fixtures/specs.js'
import {
  dottedLora,
  fullDiffLora,
  lohaLora,
  kohyaLora,
  mergeFixtures,
  targetsOf,
  writeLoraFile,
  type LoraFixture
} from '../fixtures/lora.js'
import { readCheckpoint } from '../src/formats/index.js'
import { writeSafetensors } from '../src/formats/safetensors/write.js'
import { analyzeLora, buildBaseIndex, resolveLora } from '../src/lora/index.js'
import { registerCase } from './lib.js'

const GROUP = 'LoRA resolution'
export const LORA_MODULES = 1500

/**
 * A lightx2v-style Wan2.1-I2V-14B LoRA: every linear of the blocks and the top level as kohya LoRA modules (with
 * alpha), plus full deltas (`.diff` / `.diff_b`) for every norm, bias-only and modulation parameter in dotted
 * ComfyUI names, then the linears again in other conventions (ai-toolkit Wan2.2 expert prefixes, PEFT, LoHa,
 * DiffSynth `.default.`) until `modules` are reached (at most about 3,400). Against a T2V base the I2V modules fail and get nearest-key explanations (the slow path).
 */
export function benchLora(modules: number): LoraFixture {
  const i2v = expandModel('wan2.1-i2v-14b')
  const linears = targetsOf(i2v, /./)
  const others = i2v
    .filter((t) => t.shape.length !== 2 && !t.name.endsWith('.bias'))
    .map((t) => ({ path: t.name.replace(/\.weight$/, ''), shape: [...t.shape] }))
  const parts: LoraFixture[] = [
    kohyaLora(linears, { rank: 32, alpha: 16 }),
    fullDiffLora(others, { bias: false })
  ]
  // More modules in other conventions on the same linears, each resolving like a real file of that kind would.
  const more: ((t: typeof linears) => LoraFixture)[] = [
    (t) => dottedLora(t, { rank: 32, alpha: 16, style: 'down-up', prefix: 'diffusion_model.transformer_1.' }),
    (t) => dottedLora(t, { rank: 32, alpha: 16, style: 'down-up', prefix: 'diffusion_model.transformer_2.' }),
    (t) => dottedLora(t, { rank: 16, prefix: 'base_model.model.' }),
    (t) => lohaLora(t, { rank: 8, alpha: 8 }),
    (t) => dottedLora(t, { rank: 16, adapter: 'default' })
  ]
  let count = linears.length + others.length
  for (let i = 0; count < modules && i < more.length; i++) {
    const extra = linears.slice(0, modules - count)
    parts.push(more[i]!(extra))
    count += extra.length
  }
  const fx = mergeFixtures(...parts)
  // Trim to exactly `modules` stems (a stem's tensors are adjacent).
  const stems = new Set<string>()
  fx.tensors = fx.tensors.filter((t) => {
    const stem = t.name.replace(/\.(?:lora_down\.weight|lora_up\.weight|alpha|diff|diff_b)$/, '')
    if (!stems.has(stem) && stems.size >= modules) return false
    stems.add(stem)
    return true
  })
  return fx
}

function baseTensors(): SpecTensor[] {
  return expandModel('wan2.1-t2v-14b', { dtype: 'BF16' })
}

registerCase({
  name: `lora resolve ${LORA_MODULES} modules vs wan2.1-14b`,
  group: GROUP,
  limits: { maxWallRatio: 3, maxRssMB: 150 },
  async setup(ctx) {
    const lora = join(ctx.dir, 'lora.safetensors')
    const base = join(ctx.dir, 'wan14b.safetensors')
    writeLoraFile(lora, benchLora(LORA_MODULES))
    await writeSafetensors(base, baseTensors(), { data: 'sparse' })
    return {
      nodeArgs: [...ctx.cli, 'lora', lora, '--base', base, '--json'],
      inputBytes: statSync(lora).size,
      note: `${LORA_MODULES} modules, base 1095 tensors`,
      check(stdout) {
        const doc = JSON.parse(stdout) as { loras: { resolution?: { modules: number } }[] }
        const n = doc.loras[0]?.resolution?.modules
        if (n !== LORA_MODULES) throw new Error(`expected ${LORA_MODULES} resolved modules, got ${n}`)
      }
    }
  }
})

async function standalone(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lora-'))
  try {
    const base = join(dir, 'wan14b.safetensors')
    await writeSafetensors(base, baseTensors(), { data: 'sparse' })
    console.log(
      '| modules | read LoRA ms | analyse ms | index base ms | resolve ms | ok | failing | us/module |'
    )
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|')
    for (const n of [LORA_MODULES / 2, LORA_MODULES, 2 * LORA_MODULES]) {
      const file = join(dir, `lora-${n}.safetensors`)
      writeLoraFile(file, benchLora(n))
      const baseCkpt = await readCheckpoint(base)
      const runs: number[][] = []
      let last: ReturnType<typeof resolveLora> | undefined
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now()
        const ckpt = await readCheckpoint(file)
        const t1 = performance.now()
        const analysis = analyzeLora(ckpt)
        const t2 = performance.now()
        const index = buildBaseIndex(baseCkpt)
        const t3 = performance.now()
        last = resolveLora(analysis, index)
        const t4 = performance.now()
        runs.push([t1 - t0, t2 - t1, t3 - t2, t4 - t3])
      }
      const med = (k: number) => runs.map((r) => r[k]!).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!
      const total = med(1) + med(2) + med(3)
      const failing = last!.modules - last!.loadable
      console.log(
        `| ${last!.modules} | ${med(0).toFixed(1)} | ${med(1).toFixed(1)} | ${med(2).toFixed(1)} | ${med(3).toFixed(1)} | ${last!.loadable} | ${failing} | ${((1000 * total) / last!.modules).toFixed(1)} |`
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  standalone().catch((e: unknown) => {
    console.error(e)
    process.exitCode = 1
  })
}
