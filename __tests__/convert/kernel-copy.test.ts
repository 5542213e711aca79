/**
 * The kernel copy a rename starts before it plans (src/convert/kernel-copy.ts): when it is started, what it leaves
 * behind when discarded, and a writer that takes it over.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  kernelCopy,
  likelyKeepsLayout,
  moveIntoPlace,
  namesKeepLayout,
  startKernelCopy
} from '../../src/convert/kernel-copy.js'
import { writeConversion } from '../../src/convert/index.js'
import { readCheckpoint } from '../../src/formats/index.js'
import { analyzeLora, buildBaseIndex } from '../../src/lora/index.js'
import { scaledModel, specCheckpoint } from '../../fixtures/specs.js'
import {
  dottedLora,
  kohyaLora,
  loraCheckpoint,
  longcatLora,
  targetsOf,
  type LoraFixture
} from '../../fixtures/lora.js'
import { planFor, writeRandomLora, SMALL_LONGCAT, SMALL_WAN } from './helpers.js'
import { TOOL } from '../../src/version.js'

const WAN = SMALL_WAN
const LONGCAT = SMALL_LONGCAT

let dir: string
let lora: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kernel-copy-'))
  lora = join(dir, 'qkv.safetensors')
  await writeRandomLora(
    lora,
    dottedLora(targetsOf(WAN, /^blocks\.\d+\.self_attn\.[qkv]$/), { rank: 4, prefix: 'diffusion_model.' }),
    31
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('likelyKeepsLayout', () => {
  test('separate q/k/v on a base with separate q/k/v: yes; on a fused-qkv base: no', async () => {
    const analysis = analyzeLora(await readCheckpoint(lora))
    expect(likelyKeepsLayout(analysis, buildBaseIndex(specCheckpoint(WAN)))).toBe(true)
    expect(likelyKeepsLayout(analysis, buildBaseIndex(specCheckpoint(LONGCAT)))).toBe(false)
  })

  test('a LoRA of fused projections: no, whatever the base', async () => {
    const fused = join(dir, 'fused.safetensors')
    await writeRandomLora(fused, kohyaLora(targetsOf(LONGCAT, /\.qkv$/), { rank: 4 }), 32)
    const analysis = analyzeLora(await readCheckpoint(fused))
    expect(analysis.modules.length).toBeGreaterThan(0)
    expect(likelyKeepsLayout(analysis, buildBaseIndex(specCheckpoint(WAN)))).toBe(false)
  })
})

describe('namesKeepLayout (the guess from names alone, before the analysis)', () => {
  const keepsByNames = (
    lora: { tensors: readonly { name: string }[] },
    base: { tensors: readonly { name: string }[] }
  ) =>
    namesKeepLayout(
      lora.tensors.map((t) => t.name),
      base.tensors.map((t) => t.name)
    )
  const FLUX = scaledModel('flux.1-dev', { hidden_size: 64, num_heads: 2, depth: 2, depth_single_blocks: 2 })
  const WAN_ATTENTION = /^blocks\.\d+\.(?:self_attn|cross_attn)\.[qkvo]$/
  const loras: Array<[string, LoraFixture]> = [
    ['kohya q/k/v/o', kohyaLora(targetsOf(WAN, WAN_ATTENTION))],
    ['ComfyUI dotted q/k/v/o', dottedLora(targetsOf(WAN, WAN_ATTENTION), { prefix: 'diffusion_model.' })],
    ['PEFT with an adapter name', dottedLora(targetsOf(WAN, /\.ffn\.\d+$/), { adapter: 'default' })],
    ['kohya fused qkv', kohyaLora(targetsOf(LONGCAT, /\.qkv$/))],
    ['LongCat split ups', longcatLora(targetsOf(LONGCAT, /^blocks\.\d+\.attn\.qkv$/))],
    ['LongCat unsplit', longcatLora(targetsOf(LONGCAT, /\.ffn\.w[123]$/))],
    ['LongCat split ffn ups', longcatLora(targetsOf(LONGCAT, /\.ffn\.w1$/), { split: () => 2 })],
    ['Flux single-block linear1', kohyaLora(targetsOf(FLUX, /^single_blocks\.\d+\.linear1$/))],
    ['Flux double-block proj', kohyaLora(targetsOf(FLUX, /^double_blocks\.\d+\.img_attn\.proj$/))]
  ]
  const bases: Array<[string, ReturnType<typeof specCheckpoint>]> = [
    ['Wan', specCheckpoint(WAN)],
    ['LongCat', specCheckpoint(LONGCAT)],
    ['Flux', specCheckpoint(FLUX)]
  ]

  test('a rename between separate projections: yes; a fused base, a fused or split LoRA: no', () => {
    const ckpt = (name: string): ReturnType<typeof loraCheckpoint> =>
      loraCheckpoint(loras.find(([n]) => n === name)![1])
    expect(keepsByNames(ckpt('kohya q/k/v/o'), specCheckpoint(WAN))).toBe(true)
    expect(keepsByNames(ckpt('ComfyUI dotted q/k/v/o'), specCheckpoint(WAN))).toBe(true)
    expect(keepsByNames(ckpt('kohya q/k/v/o'), specCheckpoint(LONGCAT))).toBe(false)
    expect(keepsByNames(ckpt('kohya fused qkv'), specCheckpoint(WAN))).toBe(false)
    expect(keepsByNames(ckpt('LongCat split ups'), specCheckpoint(WAN))).toBe(false)
    expect(keepsByNames(ckpt('Flux single-block linear1'), specCheckpoint(WAN))).toBe(false)
    expect(keepsByNames(ckpt('LongCat split ffn ups'), specCheckpoint(WAN))).toBe(false)
  })

  test('each kind of fused base projection alone is enough to say no', () => {
    const lora = loraCheckpoint(loras[0]![1])
    const without = (tensors: typeof WAN, drop: RegExp): ReturnType<typeof specCheckpoint> =>
      specCheckpoint(tensors.filter((t) => !drop.test(t.name)))
    expect(keepsByNames(lora, without(LONGCAT, /kv_linear/))).toBe(false) // self-attention qkv only
    expect(keepsByNames(lora, without(LONGCAT, /attn\.qkv/))).toBe(false) // cross-attention kv only
    expect(keepsByNames(lora, without(FLUX, /qkv/))).toBe(false) // single-block linear1 only
    expect(keepsByNames(lora, without(LONGCAT, /qkv|kv_linear/))).toBe(true)
  })

  test('never says yes where the analysis-based guess says no (every LoRA against every base)', () => {
    let yes = 0
    for (const [loraName, fx] of loras)
      for (const [baseName, base] of bases) {
        const lora = loraCheckpoint(fx)
        const early = keepsByNames(lora, base)
        const late = likelyKeepsLayout(analyzeLora(lora), buildBaseIndex(base))
        if (early) {
          yes++
          expect({ loraName, baseName, late }).toEqual({ loraName, baseName, late: true })
        }
      }
    expect(yes).toBeGreaterThanOrEqual(3) // the test compares something: some pairs are renames
  })
})

describe('the copy', () => {
  test('is the source byte for byte, with a new file permission bits, and discard removes it', async () => {
    const copy = kernelCopy(lora, join(dir, 'out-a.safetensors'))
    await copy.done
    expect(readFileSync(copy.temp).equals(readFileSync(lora))).toBe(true)
    const fresh = join(dir, 'fresh-file')
    writeFileSync(fresh, '')
    expect(statSync(copy.temp).mode & 0o777).toBe(statSync(fresh).mode & 0o777)
    await copy.discard()
    await copy.discard() // twice is harmless
    expect(readdirSync(dir).filter((f) => f.includes('out-a'))).toEqual([])
  })

  test('discarded before it is done, it leaves no file once it ends', async () => {
    const copy = kernelCopy(lora, join(dir, 'out-b.safetensors'))
    await copy.discard()
    expect(readdirSync(dir).filter((f) => f.includes('out-b'))).toEqual([])
  })

  test('is not started for an output folder that does not exist', () => {
    expect(startKernelCopy(lora, join(dir, 'no-such-folder', 'out.safetensors'))).toBeUndefined()
  })

  test('a writer given a copy made for another output makes its own and drops the other', async () => {
    const { plan, lora: ckpt } = await planFor(lora, specCheckpoint(WAN), 'comfyui')
    const other = kernelCopy(lora, join(dir, 'other.safetensors'))
    const out = join(dir, 'out-c.safetensors')
    const written = await writeConversion(plan, ckpt, out, { tool: TOOL, copy: other })
    expect(written.copy).toBe('kernel')
    await other.discard()
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([])
    expect((await readCheckpoint(out)).tensors.length).toBe(plan.modules.flatMap((m) => m.tensors).length)
  })

  test('a writer whose plan needs another layout drops the copy it was given', async () => {
    const { plan, lora: ckpt } = await planFor(lora, specCheckpoint(LONGCAT), 'base')
    expect(plan.counts.stack).toBeGreaterThan(0)
    const out = join(dir, 'out-d.safetensors')
    const copy = kernelCopy(lora, out)
    const written = await writeConversion(plan, ckpt, out, { tool: TOOL, copy })
    expect(written.copy).toBe('user-space')
    await copy.discard()
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([])
  })
})

describe('moveIntoPlace', () => {
  test('puts the output at a free name, and over an existing file, leaving nothing else behind', () => {
    const sub = mkdtempSync(join(dir, 'place-'))
    const target = join(sub, 'out.safetensors')
    writeFileSync(join(sub, 'a.tmp'), 'first')
    moveIntoPlace(join(sub, 'a.tmp'), target)
    expect(readFileSync(target, 'utf8')).toBe('first')
    writeFileSync(join(sub, 'b.tmp'), 'second')
    moveIntoPlace(join(sub, 'b.tmp'), target)
    expect(readFileSync(target, 'utf8')).toBe('second')
    expect(readdirSync(sub)).toEqual(['out.safetensors'])
  })

  test('a folder at the target is refused and left as it was', () => {
    const sub = mkdtempSync(join(dir, 'place-'))
    const target = join(sub, 'out.safetensors')
    mkdirSync(target)
    writeFileSync(join(target, 'inside'), 'kept')
    writeFileSync(join(sub, 'a.tmp'), 'new')
    expect(() => moveIntoPlace(join(sub, 'a.tmp'), target)).toThrow()
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept')
    expect(readdirSync(sub).sort()).toEqual(['a.tmp', 'out.safetensors'])
  })

  test('an output that cannot be put in place leaves the old file where it was', () => {
    const sub = mkdtempSync(join(dir, 'place-'))
    const target = join(sub, 'out.safetensors')
    writeFileSync(target, 'old')
    expect(() => moveIntoPlace(join(sub, 'missing.tmp'), target)).toThrow()
    expect(readFileSync(target, 'utf8')).toBe('old')
    expect(readdirSync(sub)).toEqual(['out.safetensors'])
  })

  test('a conversion written over a previous output gives the same file as one written afresh', async () => {
    const { plan, lora: ckpt } = await planFor(lora, specCheckpoint(LONGCAT), 'base')
    const sub = mkdtempSync(join(dir, 'place-'))
    const fresh = join(sub, 'fresh.safetensors')
    const over = join(sub, 'over.safetensors')
    writeFileSync(over, 'a previous output')
    await writeConversion(plan, ckpt, fresh, { tool: TOOL })
    await writeConversion(plan, ckpt, over, { tool: TOOL })
    expect(readFileSync(over).equals(readFileSync(fresh))).toBe(true)
    expect(readdirSync(sub).sort()).toEqual(['fresh.safetensors', 'over.safetensors'])
  })
})
