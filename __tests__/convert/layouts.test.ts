import { describe, expect, test, beforeAll, afterAll } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scaledModel, specCheckpoint } from '../../fixtures/specs.js'
import {
  dottedLora,
  fluxDiffusersTargets,
  kohyaLora,
  longcatLora,
  targetsOf,
  targetTensors,
  type Target
} from '../../fixtures/lora.js'
import { readCheckpoint } from '../../src/formats/index.js'
import {
  convertFile,
  deltasOf,
  loadablePercent,
  relativeError,
  rowsOf,
  writeRandomLora,
  type Delta
} from './helpers.js'

const TOL = 1e-6
const H = 64
const WAN = scaledModel('wan2.1-t2v-14b', { dim: H, ffn_dim: 128, num_layers: 2 })
const LONGCAT = scaledModel('longcat-video', {
  hidden_size: H,
  num_heads: 2,
  head_dim: 32,
  depth: 2,
  ffn_hidden: 160
})
const FLUX = scaledModel('flux.1-dev', { hidden_size: H, num_heads: 2, depth: 2, depth_single_blocks: 3 })
const FLUX_DIFFUSERS = targetTensors(fluxDiffusersTargets(2, 3, H))

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convert-layouts-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function expectSame(a: Delta | undefined, b: Delta | undefined, what: string): void {
  if (!a || !b) throw new Error(`${what}: missing delta (${a ? 'after' : 'before'})`)
  const err = relativeError(a, b)
  if (!(err <= TOL)) throw new Error(`${what}: relative error ${err}`)
}

/** Each expected base weight of the converted file equals the given rows of a source weight's delta. */
function expectMapped(
  before: Map<string, Delta>,
  after: Map<string, Delta>,
  map: [string, string, number, number][]
): void {
  for (const [afterKey, beforeKey, a, b] of map) {
    const src = before.get(beforeKey)
    if (!src) throw new Error(`no delta for ${beforeKey}`)
    expectSame(rowsOf(src, a, b), after.get(afterKey), `${afterKey} <- ${beforeKey} rows ${a}-${b}`)
  }
  expect(after.size).toBe(map.length)
}

describe('separate q/k/v LoRA onto a fused-qkv base (LongCat-like): stack', () => {
  const targets: Target[] = []
  for (let i = 0; i < 2; i++) {
    for (const p of [
      'self_attn.q',
      'self_attn.k',
      'self_attn.v',
      'self_attn.o',
      'cross_attn.q',
      'cross_attn.k',
      'cross_attn.v'
    ])
      targets.push({ path: `blocks.${i}.${p}`, shape: [H, H] })
  }

  test.each(['base', 'kohya'] as const)(
    'F32 comfyui-named parts -> %s: deltas equal, 100%% loadable',
    async (to) => {
      const src = join(dir, `lc-parts-${to}.safetensors`)
      const out = join(dir, `lc-parts-${to}.out.safetensors`)
      await writeRandomLora(
        src,
        dottedLora(targets, {
          rank: 4,
          alpha: 2,
          dtype: 'F32',
          style: 'down-up',
          prefix: 'diffusion_model.'
        }),
        1
      )
      const base = specCheckpoint(LONGCAT)
      const plan = await convertFile(src, base, out, to)
      expect(plan.counts).toEqual({ rename: 4, stack: 4, split: 0, 'split+stack': 0, reorder: 0 })
      const qkv = plan.modules.find((m) => m.baseKey === 'blocks.0.attn.qkv.weight')!
      // rank 3 x 4, alpha = (2/4) x 12 so alpha/rank stays 0.5
      expect(qkv.rank).toBe(12)
      expect(qkv.alpha).toBe(6)
      expect(qkv.tensors.map((t) => t.shape)).toEqual([[12, H], [3 * H, 12], []])
      const before = await deltasOf(src, base)
      const after = await deltasOf(out, base)
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
      for (const [k, d] of before) expectSame(d, after.get(k), k)
      expect(await loadablePercent(out, base)).toBe(100)
    }
  )

  test('parts with different scales are refused with the reason', async () => {
    const src = join(dir, 'lc-scales.safetensors')
    const fx = dottedLora(targets.slice(0, 3), {
      rank: 4,
      alpha: 2,
      dtype: 'F32',
      style: 'down-up',
      prefix: 'diffusion_model.'
    })
    fx.scalars.set('diffusion_model.blocks.0.self_attn.k.alpha', 4)
    await writeRandomLora(src, fx, 2)
    const { planFor } = await import('./helpers.js')
    const { plan } = await planFor(src, specCheckpoint(LONGCAT), 'kohya')
    expect(plan.ok).toBe(false)
    expect(plan.refused.map((r) => r.stem).sort()).toEqual(
      targets
        .slice(0, 3)
        .map((t) => `diffusion_model.${t.path}`)
        .sort()
    )
    expect(plan.refused[0]!.reason).toBe(
      'parts on blocks.0.attn.qkv.weight have different scales (0.5, 1); one alpha cannot keep them all'
    )
  })
})

describe('fused LoRA onto a separate q/k/v base (Wan-like): split', () => {
  const lcTargets = targetsOf(
    LONGCAT,
    /^blocks\.\d+\.(?:attn\.(?:qkv|proj)|cross_attn\.(?:q_linear|kv_linear))$/
  )
  const wanMap = (): [string, string, number, number][] => {
    const map: [string, string, number, number][] = []
    for (let i = 0; i < 2; i++) {
      const b = `blocks.${i}`
      map.push(
        [`${b}.self_attn.q.weight`, `${b}.attn.qkv.weight`, 0, H],
        [`${b}.self_attn.k.weight`, `${b}.attn.qkv.weight`, H, 2 * H],
        [`${b}.self_attn.v.weight`, `${b}.attn.qkv.weight`, 2 * H, 3 * H],
        [`${b}.self_attn.o.weight`, `${b}.attn.proj.weight`, 0, H],
        [`${b}.cross_attn.q.weight`, `${b}.cross_attn.q_linear.weight`, 0, H],
        [`${b}.cross_attn.k.weight`, `${b}.cross_attn.kv_linear.weight`, 0, H],
        [`${b}.cross_attn.v.weight`, `${b}.cross_attn.kv_linear.weight`, H, 2 * H]
      )
    }
    return map
  }

  test('F16 LongCat-format LoRA (lora_up.blocks, alpha_scale) -> comfyui on Wan: rank chunks, exact', async () => {
    const src = join(dir, 'lc-own.safetensors')
    const out = join(dir, 'lc-own.out.safetensors')
    await writeRandomLora(src, longcatLora(lcTargets, { rank: 4, dtype: 'F16', alphaScale: 0.25 }), 3)
    const plan = await convertFile(src, specCheckpoint(WAN), out, 'comfyui')
    expect(plan.counts).toEqual({ rename: 4, stack: 0, split: 10, 'split+stack': 0, reorder: 0 })
    const q = plan.modules.find((m) => m.stem === 'diffusion_model.blocks.0.self_attn.q')!
    // LongCat's block j of up with rank chunk j of down: a plain rank-4 module, alpha = 0.25 x 4.
    expect(q.tensors.map((t) => t.shape)).toEqual([[4, H], [H, 4], []])
    expect(q.alpha).toBe(1)
    expect(q.sources).toEqual([
      {
        stem: 'lora___lorahyphen___blocks___lorahyphen___0___lorahyphen___attn___lorahyphen___qkv',
        rows: { start: 0, end: H }
      }
    ])
    expectMapped(
      await deltasOf(src, specCheckpoint(LONGCAT)),
      await deltasOf(out, specCheckpoint(WAN)),
      wanMap()
    )
    expect(await loadablePercent(out, specCheckpoint(WAN))).toBe(100)
  })

  test('BF16 kohya fused LoRA (dense up) -> kohya on Wan: down copied, up split by rows', async () => {
    const src = join(dir, 'lc-kohya.safetensors')
    const out = join(dir, 'lc-kohya.out.safetensors')
    await writeRandomLora(src, kohyaLora(lcTargets, { rank: 4, alpha: 8, dtype: 'BF16' }), 4)
    const plan = await convertFile(src, specCheckpoint(WAN), out, 'kohya')
    const k = plan.modules.find((m) => m.stem === 'lora_unet_blocks_1_cross_attn_k')!
    expect(k.transform).toBe('split')
    expect(k.tensors.map((t) => t.shape)).toEqual([[4, H], [H, 4], []])
    expect(k.alpha).toBe(8)
    expectMapped(
      await deltasOf(src, specCheckpoint(LONGCAT)),
      await deltasOf(out, specCheckpoint(WAN)),
      wanMap()
    )
    expect(await loadablePercent(out, specCheckpoint(WAN))).toBe(100)
  })
})

test('a LongCat LoRA with more blocks than the Wan base: those modules refused with the block reason', async () => {
  const lc3 = scaledModel('longcat-video', {
    hidden_size: H,
    num_heads: 2,
    head_dim: 32,
    depth: 3,
    ffn_hidden: 160
  })
  const src = join(dir, 'lc-3blocks.safetensors')
  await writeRandomLora(
    src,
    longcatLora(targetsOf(lc3, /^blocks\.\d+\.(?:attn\.qkv|cross_attn\.q_linear)$/), { rank: 4 }),
    18
  )
  const { planFor } = await import('./helpers.js')
  const { plan } = await planFor(src, specCheckpoint(WAN), 'comfyui')
  expect(plan.refused.map((r) => r.reason)).toEqual([
    'block blocks.2 does not exist: the base has blocks 0-1',
    'block blocks.2 does not exist: the base has blocks 0-1'
  ])
  expect(plan.causes).toMatchObject([
    { cause: "blocks beyond the base's depth (base has blocks 0-1)", modules: 2 }
  ])
  expect(plan.counts).toEqual({ rename: 2, stack: 0, split: 6, 'split+stack': 0, reorder: 0 })
})

describe('unequal split: Flux single-block linear1 = q, k, v + mlp', () => {
  const bflTargets = targetsOf(FLUX, /^(?:single_blocks\.\d+\.linear1|double_blocks\.\d+\.img_attn\.qkv)$/)

  test('BF16 kohya BFL LoRA -> diffusers against a diffusers Flux base', async () => {
    const src = join(dir, 'flux-bfl.safetensors')
    const out = join(dir, 'flux-bfl.out.safetensors')
    await writeRandomLora(src, kohyaLora(bflTargets, { rank: 4, alpha: 4, dtype: 'BF16' }), 5)
    const base = specCheckpoint(FLUX_DIFFUSERS)
    const plan = await convertFile(src, base, out, 'diffusers')
    expect(plan.counts.split).toBe(3 * 4 + 2 * 3)
    const mlp = plan.modules.find((m) => m.stem === 'transformer.single_transformer_blocks.2.proj_mlp')!
    expect(mlp.tensors.map((t) => t.shape)).toEqual([
      [4, H],
      [4 * H, 4]
    ])
    // scale 1: diffusers needs no alpha
    expect(mlp.alpha).toBeNull()
    const map: [string, string, number, number][] = []
    for (let i = 0; i < 3; i++) {
      const s = `single_blocks.${i}.linear1.weight`
      const d = `single_transformer_blocks.${i}`
      map.push([`${d}.attn.to_q.weight`, s, 0, H], [`${d}.attn.to_k.weight`, s, H, 2 * H])
      map.push([`${d}.attn.to_v.weight`, s, 2 * H, 3 * H], [`${d}.proj_mlp.weight`, s, 3 * H, 7 * H])
    }
    for (let i = 0; i < 2; i++) {
      const s = `double_blocks.${i}.img_attn.qkv.weight`
      const d = `transformer_blocks.${i}.attn`
      map.push(
        [`${d}.to_q.weight`, s, 0, H],
        [`${d}.to_k.weight`, s, H, 2 * H],
        [`${d}.to_v.weight`, s, 2 * H, 3 * H]
      )
    }
    expectMapped(await deltasOf(src, specCheckpoint(FLUX)), await deltasOf(out, base), map)
    expect(await loadablePercent(out, base)).toBe(100)
  })

  test('F16 diffusers parts (one with k missing) -> kohya on the BFL base: unequal stack, zero rows for k', async () => {
    const parts = fluxDiffusersTargets(2, 3, H).filter((t) =>
      /^(?:single_transformer_blocks\.\d+\.(?:attn\.to_[qkv]|proj_mlp)|transformer_blocks\.\d+\.attn\.to_[qv])$/.test(
        t.path
      )
    )
    const src = join(dir, 'flux-parts.safetensors')
    const out = join(dir, 'flux-parts.out.safetensors')
    await writeRandomLora(
      src,
      dottedLora(parts, { rank: 4, alpha: 2, dtype: 'F16', prefix: 'transformer.' }),
      6
    )
    const base = specCheckpoint(FLUX)
    const plan = await convertFile(src, base, out, 'kohya')
    expect(plan.counts).toEqual({ rename: 0, stack: 5, split: 0, 'split+stack': 0, reorder: 0 })
    const l1 = plan.modules.find((m) => m.stem === 'lora_unet_single_blocks_0_linear1')!
    expect(l1.tensors.map((t) => t.shape)).toEqual([[16, H], [7 * H, 16], []])
    expect(l1.alpha).toBe(8)
    const before = await deltasOf(src, base)
    const after = await deltasOf(out, base)
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
    for (const [k, d] of before) expectSame(d, after.get(k), k)
    // the k rows of a double block stay zero
    const qkv = after.get('double_blocks.0.img_attn.qkv.weight')!
    expect(rowsOf(qkv, H, 2 * H).data.every((x) => x === 0)).toBe(true)
    expect(await loadablePercent(out, base)).toBe(100)
  })
})

describe('reorder: chunk order differs between conventions', () => {
  test('Flux diffusers norm_out.linear (scale, shift) -> BFL final_layer.adaLN_modulation.1 (shift, scale)', async () => {
    const targets: Target[] = [
      { path: 'norm_out.linear', shape: [2 * H, H] },
      { path: 'transformer_blocks.0.attn.to_out.0', shape: [H, H] },
      { path: 'transformer_blocks.1.attn.to_out.0', shape: [H, H] }
    ]
    const src = join(dir, 'flux-norm-out.safetensors')
    const out = join(dir, 'flux-norm-out.out.safetensors')
    await writeRandomLora(src, dottedLora(targets, { rank: 4, alpha: 4, prefix: 'transformer.' }), 21)
    const plan = await convertFile(src, specCheckpoint(FLUX), out, 'comfyui')
    expect(plan.counts).toEqual({ rename: 2, stack: 0, split: 0, 'split+stack': 0, reorder: 1 })
    const final = plan.modules.find((m) => m.baseKey === 'final_layer.adaLN_modulation.1.weight')!
    expect(final.transform).toBe('reorder')
    // The source delta on its own names, the converted one on the BFL base: the two halves trade places.
    const before = (await deltasOf(src, specCheckpoint(targetTensors(targets)))).get('norm_out.linear.weight')
    const after = (await deltasOf(out, specCheckpoint(FLUX))).get('final_layer.adaLN_modulation.1.weight')
    expectSame(rowsOf(before!, H, 2 * H), rowsOf(after!, 0, H), 'shift rows')
    expectSame(rowsOf(before!, 0, H), rowsOf(after!, H, 2 * H), 'scale rows')
  })
})

test('BFL final_layer.adaLN_modulation.1 (shift, scale) -> a diffusers base norm_out.linear (scale, shift): reordered', async () => {
  const targets: Target[] = [
    { path: 'final_layer.adaLN_modulation.1', shape: [2 * H, H] },
    ...targetsOf(FLUX, /^double_blocks\.\d+\.img_(?:attn\.proj|mlp\.[02]|mod\.lin)$/)
  ]
  const base = specCheckpoint([
    ...FLUX_DIFFUSERS,
    ...targetTensors([{ path: 'norm_out.linear', shape: [2 * H, H] }])
  ])
  const src = join(dir, 'flux-final-layer.safetensors')
  const out = join(dir, 'flux-final-layer.out.safetensors')
  await writeRandomLora(src, kohyaLora(targets, { rank: 4, alpha: 4 }), 23)
  const plan = await convertFile(src, base, out, 'diffusers')
  expect(plan.counts).toEqual({ rename: 8, stack: 0, split: 0, 'split+stack': 0, reorder: 1 })
  const before = (await deltasOf(src, specCheckpoint(FLUX))).get('final_layer.adaLN_modulation.1.weight')
  const after = (await deltasOf(out, base)).get('norm_out.linear.weight')
  expectSame(rowsOf(before!, 0, H), rowsOf(after!, H, 2 * H), 'shift rows')
  expectSame(rowsOf(before!, H, 2 * H), rowsOf(after!, 0, H), 'scale rows')
})

describe('modulation chunk order the names cannot tell', () => {
  test('a modulation linear under a naming of no known convention is refused, never called exact', async () => {
    const base = targetTensors(
      [0, 1].flatMap((i) => [
        { path: `blocks.${i}.adaLN_modulation.1`, shape: [6 * H, H] },
        { path: `blocks.${i}.attn.q`, shape: [H, H] }
      ])
    )
    const targets: Target[] = [0, 1].flatMap((i) => [
      { path: `blocks.${i}.norm1.emb`, shape: [6 * H, H] },
      { path: `blocks.${i}.attn.to_q`, shape: [H, H] }
    ])
    const src = join(dir, 'mod-unknown.safetensors')
    await writeRandomLora(src, dottedLora(targets, { rank: 4, alpha: 4, prefix: 'transformer.' }), 22)
    const { planFor } = await import('./helpers.js')
    const { plan } = await planFor(src, specCheckpoint(base), 'comfyui')
    expect(plan.counts.rename).toBe(2)
    expect(plan.refused.map((r) => r.stem).sort()).toEqual([
      'transformer.blocks.0.norm1.emb',
      'transformer.blocks.1.norm1.emb'
    ])
    expect(plan.refused[0]!.reason).toMatch(/cannot be told from the headers \(modulation-chunks\)/)
  })
})

describe('rename across conventions', () => {
  const wanTargets = targetsOf(WAN, /^blocks\.\d+\.(?:self_attn|cross_attn|ffn)\./)

  test.each(['comfyui', 'peft', 'diffusers', 'base', 'kohya'] as const)(
    'BF16 kohya Wan LoRA -> %s',
    async (to) => {
      const src = join(dir, `wan-kohya-${to}.safetensors`)
      const out = join(dir, `wan-kohya-${to}.out.safetensors`)
      await writeRandomLora(src, kohyaLora(wanTargets, { rank: 4, alpha: 2, dtype: 'BF16' }), 7)
      const base = specCheckpoint(WAN)
      const plan = await convertFile(src, base, out, to)
      expect(plan.counts.rename).toBe(wanTargets.length)
      const keys = (await readCheckpoint(out)).tensors.map((t) => t.name)
      const expected: Record<string, string> = {
        comfyui: 'diffusion_model.blocks.0.self_attn.q.lora_down.weight',
        peft: 'base_model.model.blocks.0.self_attn.q.lora_A.weight',
        diffusers: 'transformer.blocks.0.self_attn.q.lora_A.weight',
        base: 'blocks.0.self_attn.q.lora_A.weight',
        kohya: 'lora_unet_blocks_0_self_attn_q.lora_down.weight'
      }
      expect(keys).toContain(expected[to])
      // scale 0.5 is kept: an alpha tensor even where the convention has none by default
      expect(keys.filter((k) => k.endsWith('.alpha')).length).toBe(wanTargets.length)
      const before = await deltasOf(src, base)
      const after = await deltasOf(out, base)
      for (const [k, d] of before) expectSame(d, after.get(k), k)
      expect(after.size).toBe(before.size)
      expect(await loadablePercent(out, base)).toBe(100)
    }
  )

  test('F32 diffusers-named Wan LoRA onto the original-named base -> kohya', async () => {
    const diffusersTargets = wanTargets
      .filter((t) => /self_attn\.[qkvo]$/.test(t.path))
      .map((t) => ({
        ...t,
        path: t.path.replace('self_attn.o', 'attn1.to_out.0').replace(/self_attn\.([qkv])$/, 'attn1.to_$1')
      }))
    const src = join(dir, 'wan-diffusers.safetensors')
    const out = join(dir, 'wan-diffusers.out.safetensors')
    await writeRandomLora(
      src,
      dottedLora(diffusersTargets, { rank: 4, dtype: 'F32', prefix: 'transformer.' }),
      8
    )
    const base = specCheckpoint(WAN)
    const plan = await convertFile(src, base, out, 'kohya')
    expect(plan.modules.map((m) => m.stem)).toContain('lora_unet_blocks_1_self_attn_o')
    const before = await deltasOf(src, base)
    const after = await deltasOf(out, base)
    for (const [k, d] of before) expectSame(d, after.get(k), k)
    expect(await loadablePercent(out, base)).toBe(100)
  })
})

describe('modules convert cannot rewrite exactly', () => {
  test('DoRA and LoHa modules and unknown keys are refused with the reason, dropped on request', async () => {
    const { kohyaLora: k, lohaLora, mergeFixtures } = await import('../../fixtures/lora.js')
    const { planFor } = await import('./helpers.js')
    const wanTargets = targetsOf(WAN, /^blocks\.0\.self_attn\.[qk]$/)
    const fx = mergeFixtures(
      k(wanTargets.slice(0, 1), { rank: 4, alpha: 4, dora: true }),
      lohaLora(wanTargets.slice(1), { rank: 4, alpha: 4 }),
      k(targetsOf(WAN, /^blocks\.1\.ffn\.0$/), { rank: 4, alpha: 4 })
    )
    fx.tensors.push({ name: 'stray_tensor', shape: [4], dtype: 'F32' })
    const src = join(dir, 'mixed-algos.safetensors')
    await writeRandomLora(src, fx, 9)
    const refused = (await planFor(src, specCheckpoint(WAN), 'comfyui')).plan
    expect(refused.ok).toBe(false)
    expect(refused.refused).toMatchObject([
      {
        stem: 'lora_unet_blocks_0_self_attn_q',
        reason: 'has dora-scale tensors, which convert does not rewrite exactly'
      },
      {
        stem: 'lycoris_blocks_0_self_attn_k',
        reason: 'loha module: convert rewrites plain LoRA (down/up) modules only'
      }
    ])
    expect(refused.unknownKeys).toEqual(['stray_tensor'])
    const dropped = (await planFor(src, specCheckpoint(WAN), 'comfyui', true)).plan
    expect(dropped.ok).toBe(true)
    expect(dropped.dropped.map((d) => d.stem)).toEqual([
      'lora_unet_blocks_0_self_attn_q',
      'lycoris_blocks_0_self_attn_k'
    ])
    expect(dropped.modules.map((m) => m.stem)).toEqual(['diffusion_model.blocks.1.ffn.0'])
  })
})

describe('LongCat LoRA on its own base, and one module in two conventions', () => {
  test('BF16 LongCat-format -> kohya on LongCat: up blocks become one block-diagonal up, alpha = alpha_scale x n x r', async () => {
    const targets = targetsOf(
      LONGCAT,
      /^blocks\.\d+\.(?:attn\.qkv|cross_attn\.kv_linear|adaLN_modulation\.1|ffn\.w1)$/
    )
    const src = join(dir, 'lc-self.safetensors')
    const out = join(dir, 'lc-self.out.safetensors')
    await writeRandomLora(src, longcatLora(targets, { rank: 4, dtype: 'BF16', alphaScale: 0.5 }), 10)
    const base = specCheckpoint(LONGCAT)
    const plan = await convertFile(src, base, out, 'kohya')
    const qkv = plan.modules.find((m) => m.stem === 'lora_unet_blocks_0_attn_qkv')!
    expect(qkv.tensors.map((t) => [t.shape, t.recipe.kind])).toEqual([
      [[12, H], 'rows'],
      [[3 * H, 12], 'blocks'],
      [[], 'scalar']
    ])
    expect(qkv.alpha).toBe(6)
    const mod = plan.modules.find((m) => m.stem === 'lora_unet_blocks_1_adaLN_modulation_1')!
    expect(mod.rank).toBe(24)
    const before = await deltasOf(src, base)
    const after = await deltasOf(out, base)
    expect(after.size).toBe(before.size)
    for (const [key, d] of before) expectSame(d, after.get(key), key)
    expect(await loadablePercent(out, base)).toBe(100)
  })

  test('the same weight in two conventions: one module whose delta is the sum, with a note', async () => {
    const t = targetsOf(WAN, /^blocks\.0\.self_attn\.v$/)
    const { mergeFixtures } = await import('../../fixtures/lora.js')
    const src = join(dir, 'twice.safetensors')
    const out = join(dir, 'twice.out.safetensors')
    const fx = mergeFixtures(
      kohyaLora(t, { rank: 4, alpha: 2, dtype: 'F32' }),
      dottedLora(t, { rank: 2, alpha: 1, dtype: 'F32', style: 'down-up', prefix: 'diffusion_model.' })
    )
    await writeRandomLora(src, fx, 17)
    const base = specCheckpoint(WAN)
    const plan = await convertFile(src, base, out, 'comfyui')
    expect(plan.modules).toHaveLength(1)
    expect(plan.modules[0]!.rank).toBe(6)
    expect(plan.notes.join('\n')).toMatch(/1 output module\(s\) merge LoRA modules that patch the same rows/)
    const before = await deltasOf(src, base)
    const after = await deltasOf(out, base)
    expectSame(before.get('blocks.0.self_attn.v.weight'), after.get('blocks.0.self_attn.v.weight'), 'summed')
  })
})
