import { describe, expect, it } from '@jest/globals'
import { expandModel } from '../../fixtures/specs.js'
import {
  LONGCAT_CFG_STEP,
  LONGCAT_REFINEMENT,
  dottedLora,
  fullDiffLora,
  ia3Lora,
  kohyaLora,
  legacyDiffusersLora,
  lohaLora,
  lokrLora,
  longcatLora,
  loraCheckpoint,
  mergeFixtures,
  targetsOf,
  type LoraFixture
} from '../../fixtures/lora.js'
import { analyzeLora } from '../../src/lora/index.js'
import { layerKind, blockOf } from '../../src/lora/layers.js'
import { parseStem, parseSuffix } from '../../src/lora/keys.js'

const wan14 = expandModel('wan2.1-t2v-14b')
const wanBlocks = targetsOf(wan14, /^blocks\.[0-3]\.(?:self_attn|cross_attn|ffn)\.\w+$/)
const longcat = expandModel('longcat-video')

function analyze(fx: LoraFixture, withScalars = true) {
  return analyzeLora(loraCheckpoint(fx), withScalars ? { scalars: fx.scalars } : {})
}

describe('key parsing', () => {
  it('splits stems and roles for every convention', () => {
    expect(parseSuffix('lora_unet_blocks_0_self_attn_q.lora_down.weight')).toMatchObject({
      stem: 'lora_unet_blocks_0_self_attn_q',
      role: 'down'
    })
    expect(parseSuffix('blocks.0.self_attn.q.lora_A.default.weight')).toMatchObject({
      role: 'down',
      adapterName: 'default'
    })
    expect(parseSuffix('x.lora_up.blocks.2.weight')).toMatchObject({ stem: 'x', role: 'up-block', index: 2 })
    expect(parseSuffix('unet.a.attn1.processor.to_q_lora.down.weight')).toMatchObject({
      stem: 'unet.a.attn1.processor.to_q',
      legacy: true
    })
    expect(parseSuffix('diffusion_model.blocks.0.diff_m')).toMatchObject({
      stem: 'diffusion_model.blocks.0',
      role: 'diff-modulation'
    })
    expect(parseSuffix('blocks.0.self_attn.q.weight')).toBeNull()
  })

  it('reads prefixes, components and LongCat mangling', () => {
    expect(parseStem('lora_unet__blocks_0_cross_attn_k', {})).toMatchObject({
      naming: 'kohya',
      prefix: 'lora_unet__',
      path: 'blocks_0_cross_attn_k'
    })
    expect(parseStem('lora_te2_text_model_encoder_layers_0_mlp_fc1', {})).toMatchObject({
      component: 'text-encoder',
      textEncoder: 2
    })
    expect(
      parseStem('lora___lorahyphen___blocks___lorahyphen___0___lorahyphen___attn___lorahyphen___qkv', {})
    ).toMatchObject({
      naming: 'longcat',
      path: 'blocks.0.attn.qkv'
    })
    expect(parseStem('unet.down_blocks.0.attn1.processor.to_out', { legacy: true })).toMatchObject({
      naming: 'diffusers-legacy',
      path: 'down_blocks.0.attn1.to_out.0'
    })
    expect(parseStem('blocks.0.self_attn.q', { adapterName: 'default' }).naming).toBe('peft')
    expect(parseStem('blocks.0.self_attn.q', {}).naming).toBe('bare')
  })

  it('classifies layer kinds and blocks on dotted and underscore paths alike', () => {
    expect(layerKind('blocks.3.self_attn.q')).toBe('self-attn q')
    expect(layerKind('blocks_3_self_attn_q')).toBe('self-attn q')
    expect(layerKind('blocks.3.attn2.to_out.0')).toBe('cross-attn o')
    expect(layerKind('blocks_3_cross_attn_k_img')).toBe('cross-attn k_img')
    expect(layerKind('blocks.0.attn.qkv')).toBe('self-attn qkv')
    expect(layerKind('blocks.0.cross_attn.kv_linear')).toBe('cross-attn kv')
    expect(layerKind('blocks.0.ffn.w2')).toBe('ffn')
    expect(layerKind('blocks.0.adaLN_modulation.1')).toBe('modulation')
    expect(layerKind('single_blocks.0.linear1')).toBe('fused qkv+mlp')
    // q/k norms are norms (the old suffix table read `norm_k` as the k projection); a SAT `attention.dense` is o.
    expect(layerKind('blocks.3.self_attn.norm_k')).toBe('self-attn norm')
    expect(layerKind('blocks_3_cross_attn_norm_k_img')).toBe('cross-attn norm')
    expect(layerKind('transformer.layers.3.attention.dense')).toBe('self-attn o')
    expect(layerKind('down_blocks.1.attentions.0.transformer_blocks.0.attn1.to_out.0')).toBe('self-attn o')
    expect(layerKind('img_emb.proj.1')).toBe('embedding (image)')
    expect(layerKind('text_model.encoder.layers.0.mlp.fc1', true)).toBe('text-encoder ffn')
    expect(blockOf('input_blocks_4_1_transformer_blocks_0_attn2_to_k')).toEqual({
      series: 'input_blocks',
      index: 4
    })
    expect(blockOf('single_transformer_blocks.7.proj_mlp')).toEqual({
      series: 'single_transformer_blocks',
      index: 7
    })
  })
})

describe('analyzeLora', () => {
  it('reports kohya conventions with evidence, ranks, alpha, scale and coverage', () => {
    const a = analyze(kohyaLora(wanBlocks, { rank: 16, alpha: 8 }))
    expect(a.primary).toBe('kohya')
    expect(a.mixed).toBe(false)
    expect(a.family).toBe('wan')
    expect(a.width).toBe(5120)
    expect(a.conventions[0]).toMatchObject({ convention: 'kohya', keyCount: wanBlocks.length * 3 })
    expect(a.conventions[0]!.markers).toEqual(
      expect.arrayContaining(['prefix lora_unet_', 'suffix .lora_down.weight', 'suffix .alpha'])
    )
    const s = a.statistics
    expect(s.modules).toBe(wanBlocks.length)
    expect(s.rank).toMatchObject({ min: 16, median: 16, max: 16 })
    expect(s.alpha.values).toEqual({ '8': wanBlocks.length })
    expect(s.scale).toMatchObject({ min: 0.5, max: 0.5 })
    expect(s.blocks).toEqual({ blocks: [0, 1, 2, 3] })
    expect(s.layerKinds['self-attn q']).toBe(4)
    expect(s.layerKinds['ffn']).toBe(8)
    // down [16, in] BF16 + up [out, 16] BF16 + F32 alpha per module
    const expectedBytes = wanBlocks.reduce((n, t) => n + 2 * 16 * (t.shape[0]! + t.shape[1]!) + 4, 0)
    expect(s.bytes).toBe(expectedBytes)
    expect(s.dtypes).toEqual({ BF16: 2 * wanBlocks.length, F32: wanBlocks.length })
  })

  it('says when alpha is stored but not read, and uses ss_network_alpha when present', () => {
    const fx = kohyaLora(wanBlocks, { rank: 16, alpha: 8 })
    const unread = analyze(fx, false)
    expect(unread.statistics.alpha.unread).toBe(wanBlocks.length)
    expect(unread.statistics.scale).toBeNull()
    fx.metadata = {
      ss_network_alpha: '4',
      ss_network_dim: '16',
      ss_base_model_version: 'wan21_14b',
      modelspec_x: 'no'
    }
    const meta = analyze(fx, false)
    expect(meta.modules[0]!.scaleSource).toBe('metadata')
    expect(meta.statistics.scale).toMatchObject({ min: 0.25, max: 0.25 })
    expect(meta.metadata.summary).toMatchObject({
      'base model': 'wan21_14b',
      'network dim': '16',
      'network alpha': '4'
    })
  })

  it('applies each convention’s missing-alpha rule', () => {
    const comfy = analyze(dottedLora(wanBlocks, { prefix: 'diffusion_model.' }))
    expect(comfy.primary).toBe('comfyui')
    expect(comfy.modules.every((m) => m.scale === 1 && m.scaleSource === 'default-no-alpha')).toBe(true)
    const longcatNoAlpha = analyze(
      longcatLora(targetsOf(longcat, LONGCAT_CFG_STEP).slice(0, 7), { alphaScale: null })
    )
    expect(longcatNoAlpha.modules.every((m) => m.scale === null)).toBe(true)
    expect(longcatNoAlpha.warnings.join(' ')).toMatch(/alpha_scale/)
    expect(longcatNoAlpha.statistics.alpha.defaultRule).toMatch(/strict/)
  })

  it('reads the shipped LongCat LoRA layouts: 1152 and 1543 keys, rank 128 stored as n x 128', () => {
    const cfg = longcatLora(targetsOf(longcat, LONGCAT_CFG_STEP), { rank: 128, alphaScale: 0.5 })
    const ref = longcatLora(targetsOf(longcat, LONGCAT_REFINEMENT), { rank: 128, alphaScale: 0.5 })
    expect(cfg.tensors).toHaveLength(1152)
    expect(ref.tensors).toHaveLength(1543)
    const a = analyze(ref)
    expect(a.primary).toBe('longcat')
    expect(a.family).toBe('longcat-video')
    expect(a.statistics.rank).toMatchObject({ min: 128, max: 128 })
    const qkv = a.modules.find((m) => m.path === 'blocks.0.attn.qkv')!
    expect(qkv).toMatchObject({ storedRank: 384, rank: 128, splitCount: 3, scale: 0.5, alpha: 64 })
    expect(a.statistics.rankNotes.join('\n')).toMatch(/48 modules: stored rank 384 = 3 x trained rank 128/)
    expect(a.statistics.rankNotes.join('\n')).toMatch(/stored rank 768 = 6 x trained rank 128/)
  })

  it('flags a fused target whose stored rank is a multiple of the file rank (split_qkv merge)', () => {
    const flux = expandModel('flux.1-dev')
    const qkv = kohyaLora(targetsOf(flux, /^double_blocks\.0\.img_attn\.qkv$/), { rank: 12 })
    const rest = kohyaLora(targetsOf(flux, /^double_blocks\.0\.img_(?:attn\.proj|mlp\.[02])$/), { rank: 4 })
    const a = analyze(mergeFixtures(qkv, rest))
    expect(a.statistics.rankNotes.join()).toMatch(/stored rank 12 = 3 x 4 on a fused target/)
  })

  it('detects LyCORIS algorithms, DoRA and legacy diffusers, and reports mixed files', () => {
    const loha = analyze(lohaLora(wanBlocks.slice(0, 3), { rank: 8 }))
    expect(loha.primary).toBe('lycoris')
    expect(loha.statistics.algorithms).toEqual({ loha: 3 })
    expect(loha.statistics.rank).toMatchObject({ min: 8, max: 8 })
    expect(analyze(lokrLora(wanBlocks.slice(0, 3))).statistics.algorithms).toEqual({ lokr: 3 })
    const ia3 = analyze(ia3Lora(wanBlocks.slice(0, 3)))
    expect(ia3.statistics.algorithms).toEqual({ ia3: 3 })
    expect(ia3.unknownKeys).toEqual([])
    const full = analyze(fullDiffLora(wanBlocks.slice(0, 2)))
    expect(full.conventions.map((c) => c.convention)).toEqual(expect.arrayContaining(['comfyui', 'lycoris']))
    const dora = analyze(kohyaLora(wanBlocks.slice(0, 2), { dora: true }))
    expect(dora.conventions.find((c) => c.convention === 'dora')?.markers).toEqual([
      'suffix .dora_scale (LyCORIS DoRA)'
    ])
    const peftDora = analyze(dottedLora(wanBlocks.slice(0, 2), { prefix: 'transformer.', magnitude: true }))
    expect(peftDora.conventions.find((c) => c.convention === 'dora')?.keyCount).toBe(2)
    const legacy = analyze(
      legacyDiffusersLora([
        { path: 'down_blocks.1.attentions.0.transformer_blocks.0.attn1.to_out.0', shape: [640, 640] }
      ])
    )
    expect(legacy.primary).toBe('diffusers-legacy')
    expect(legacy.modules[0]!.path).toBe('down_blocks.1.attentions.0.transformer_blocks.0.attn1.to_out.0')

    const mixed = analyze(
      mergeFixtures(
        kohyaLora(wanBlocks.slice(0, 4)),
        dottedLora(wanBlocks.slice(4, 6), { prefix: 'diffusion_model.' })
      )
    )
    expect(mixed.mixed).toBe(true)
    expect(mixed.conventions.map((c) => c.convention)).toEqual(['kohya', 'comfyui'])
  })

  it('counts text-encoder and denoiser parts and keeps unknown keys', () => {
    const fx = kohyaLora([{ path: 'text_model.encoder.layers.0.mlp.fc1', shape: [3072, 768] }], {
      prefix: 'lora_te1_'
    })
    fx.tensors.push({ name: 'something.else', shape: [3], dtype: 'F32' })
    const a = analyze(mergeFixtures(fx, kohyaLora(wanBlocks.slice(0, 2))))
    expect(a.statistics.components).toEqual({ denoiser: 2, textEncoder: 1 })
    expect(a.unknownKeys).toEqual(['something.else'])
    expect(a.warnings[0]).toMatch(/1 key\(s\) match no known adapter suffix/)
  })
})

describe('alpha values that make a module change nothing', () => {
  const attention = targetsOf(wan14, /^blocks\.[0-1]\.self_attn\.[qk]$/)

  it('warns of stored alpha 0 with how the runtimes differ, and only for values read', () => {
    const zero = kohyaLora(attention, { rank: 8, alpha: 0 })
    const a = analyze(zero)
    const warning = a.warnings.find((w) => w.includes('alpha 0'))
    expect(warning).toBe(
      '4 of 4 module(s) store alpha 0, e.g. lora_unet_blocks_0_self_attn_q: ComfyUI and diffusers scale a ' +
        'module by alpha / rank, so these change nothing there, while kohya sd-scripts and LyCORIS read alpha 0 ' +
        'as alpha = rank (scale 1)'
    )
    // not read: nothing is claimed about the value
    expect(analyze(zero, false).warnings.some((w) => w.includes('alpha'))).toBe(false)
    // a usual alpha, and no alpha at all (scale 1): no warning
    expect(analyze(kohyaLora(attention, { rank: 8, alpha: 4 })).warnings).toEqual([])
    expect(analyze(dottedLora(attention, { rank: 8 })).warnings).toEqual([])
  })

  it('counts only the modules with alpha 0 in a mixed file', () => {
    const fx = kohyaLora(attention, { rank: 8, alpha: 8 })
    fx.scalars.set('lora_unet_blocks_1_self_attn_q.alpha', 0)
    expect(analyze(fx).warnings.filter((w) => w.includes('alpha 0'))).toEqual([
      expect.stringMatching(/^1 of 4 module\(s\) store alpha 0, e\.g\. lora_unet_blocks_1_self_attn_q:/)
    ])
  })

  it('warns of LongCat alpha_scale 0, which every loader multiplies by', () => {
    const fx = longcatLora(targetsOf(longcat, /^blocks\.0\.attn\.qkv$/), { alphaScale: 0 })
    expect(analyze(fx).warnings).toEqual([
      expect.stringMatching(/^1 of 1 module\(s\) store alpha_scale 0, e\.g\. .+: the loader multiplies/)
    ])
  })
})
