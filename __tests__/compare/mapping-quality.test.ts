/**
 * Precision and recall of the high-confidence key mappings on real pairs of naming conventions for the same
 * network. The truth comes from the converters' own name maps (model-specs.json); the mapper never sees them.
 * Thresholds from issue 3: precision >= 99%, recall >= 95%.
 */
import { describe, expect, it } from '@jest/globals'
import {
  longcatPair,
  mappingQuality,
  wanPair,
  type ModelPair,
  type TruthMap
} from '../../fixtures/compare-pairs.js'
import { expandModel, specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import { compareCheckpoints } from '../../src/compare/index.js'
import type { Comparison } from '../../src/compare/types.js'

const MIN_PRECISION = 0.99
const MIN_RECALL = 0.95

function exactKeys(p: ModelPair): string[] {
  const b = new Set(p.b.tensors.map((t) => t.name))
  return p.a.tensors.map((t) => t.name).filter((k) => b.has(k))
}

function measure(label: string, p: ModelPair): { c: Comparison; q: ReturnType<typeof mappingQuality> } {
  const c = compareCheckpoints(p.a, p.b)
  const q = mappingQuality(c.mappings, p.truth, exactKeys(p))
  console.log(
    `${label}: precision ${(q.precision * 100).toFixed(2)}% (${q.highCorrect}/${q.highMapped}), ` +
      `recall ${(q.recall * 100).toFixed(2)}% of ${q.truthCount} true correspondences; ` +
      `mappings high ${c.mappingCounts.high}, medium ${c.mappingCounts.medium}, low ${c.mappingCounts.low}`
  )
  return { c, q }
}

describe('mapping quality on same-network pairs (truth from the reference name maps)', () => {
  const pairs: [string, () => ModelPair][] = [
    ['Wan2.1 T2V-14B original -> diffusers', () => wanPair('wan2.1-t2v-14b', 'wan2.1-t2v-14b-diffusers')],
    [
      'Wan2.1 T2V-1.3B model.diffusion_model.-prefixed -> diffusers',
      () => wanPair('wan2.1-t2v-1.3b', 'wan2.1-t2v-1.3b-diffusers', 'model.diffusion_model.')
    ],
    ['Wan2.1 I2V-14B original -> diffusers', () => wanPair('wan2.1-i2v-14b', 'wan2.1-i2v-14b-diffusers')],
    ['LongCat-Video original -> FastVideo (qkv and kv splits)', () => longcatPair()]
  ]
  it.each(pairs)('%s', (label, make) => {
    const p = make()
    const { c, q } = measure(label, p)
    expect(q.wrong).toEqual([])
    expect(q.precision).toBeGreaterThanOrEqual(MIN_PRECISION)
    expect(q.recall).toBeGreaterThanOrEqual(MIN_RECALL)
    expect(c.verdict.tier).toBe('compatible')
    expect(c.verdict.basis).toBe('mapped')
  })

  it('LongCat: the fused qkv and kv become splits in q, k, v / k, v row order, with the ordering assumption stated', () => {
    const c = compareCheckpoints(longcatPair().a, longcatPair().b)
    const qkv = c.mappings.find((m) => m.source[0] === 'blocks.7.attn.qkv.weight')
    expect(qkv).toMatchObject({
      kind: 'split',
      confidence: 'high',
      target: [
        'blocks.7.self_attn.to_q.weight',
        'blocks.7.self_attn.to_k.weight',
        'blocks.7.self_attn.to_v.weight'
      ],
      shapes: {
        source: [[12288, 4096]],
        target: [
          [4096, 4096],
          [4096, 4096],
          [4096, 4096]
        ]
      },
      shapeCompatible: true
    })
    expect(qkv?.ambiguity).toMatch(/q, k, v/)
    const kv = c.mappings.find((m) => m.source[0] === 'blocks.7.cross_attn.kv_linear.bias')
    expect(kv).toMatchObject({
      kind: 'split',
      target: ['blocks.7.cross_attn.to_k.bias', 'blocks.7.cross_attn.to_v.bias']
    })
    expect(kv?.ambiguity).toMatch(/k, v/)
    const mod = c.mappings.find((m) => m.source[0] === 'blocks.7.adaLN_modulation.1.weight')
    expect(mod?.target).toEqual(['blocks.7.adaln_linear_1.weight'])
    expect(mod?.ambiguity).toMatch(/shift\/scale\/gate/)
  })

  it('the reverse direction (FastVideo -> LongCat) proposes fuses with the same precision', () => {
    const p = longcatPair()
    const truth: TruthMap = new Map()
    for (const [src, targets] of p.truth) for (const t of targets) truth.set(t, [src])
    const { c, q } = measure('FastVideo -> LongCat-Video original (fuses)', { a: p.b, b: p.a, truth })
    expect(q.precision).toBeGreaterThanOrEqual(MIN_PRECISION)
    expect(q.recall).toBeGreaterThanOrEqual(MIN_RECALL)
    const fuse = c.mappings.find((m) => m.target[0] === 'blocks.0.attn.qkv.weight')
    expect(fuse).toMatchObject({
      kind: 'fuse',
      source: [
        'blocks.0.self_attn.to_q.weight',
        'blocks.0.self_attn.to_k.weight',
        'blocks.0.self_attn.to_v.weight'
      ]
    })
  })
})

/**
 * A convention pair the vocabulary was not tuned on: Hugging Face CLIP text-encoder naming vs OpenCLIP naming.
 * The truth is the correspondence of transformers' convert_open_clip script (q/k/v_proj <-> the fused
 * in_proj_weight rows, fc1 <-> c_fc, fc2 <-> c_proj, layer_norm1/2 <-> ln_1/2). Built here at a small width.
 */
function clipPair(): ModelPair {
  const d = 64
  const layers = 12
  const a: SpecTensor[] = []
  const b: SpecTensor[] = []
  const truth: TruthMap = new Map()
  const t = (name: string, shape: number[]): SpecTensor => ({ name, shape, dtype: 'F16' })
  const add = (an: string[], bn: string, shape: number[], bShape = shape): void => {
    for (const n of an) a.push(t(n, shape))
    b.push(t(bn, bShape))
    for (const n of an) truth.set(n, [bn])
  }
  for (let i = 0; i < layers; i++) {
    const pa = `text_model.encoder.layers.${i}.`
    const pb = `transformer.resblocks.${i}.`
    add([`${pa}layer_norm1.weight`], `${pb}ln_1.weight`, [d])
    add([`${pa}layer_norm1.bias`], `${pb}ln_1.bias`, [d])
    for (const leaf of ['weight', 'bias']) {
      const shape = leaf === 'weight' ? [d, d] : [d]
      const fusedShape = leaf === 'weight' ? [3 * d, d] : [3 * d]
      const parts = ['q_proj', 'k_proj', 'v_proj'].map((p) => `${pa}self_attn.${p}.${leaf}`)
      for (const n of parts) a.push(t(n, shape))
      b.push(t(`${pb}attn.in_proj_${leaf}`, fusedShape))
      // The truth of a fuse is stated per source tensor: each part maps into the one fused tensor.
      for (const n of parts) truth.set(n, [`${pb}attn.in_proj_${leaf}`])
      add([`${pa}self_attn.out_proj.${leaf}`], `${pb}attn.out_proj.${leaf}`, shape)
    }
    add([`${pa}layer_norm2.weight`], `${pb}ln_2.weight`, [d])
    add([`${pa}layer_norm2.bias`], `${pb}ln_2.bias`, [d])
    add([`${pa}mlp.fc1.weight`], `${pb}mlp.c_fc.weight`, [4 * d, d])
    add([`${pa}mlp.fc1.bias`], `${pb}mlp.c_fc.bias`, [4 * d])
    add([`${pa}mlp.fc2.weight`], `${pb}mlp.c_proj.weight`, [d, 4 * d])
    add([`${pa}mlp.fc2.bias`], `${pb}mlp.c_proj.bias`, [d])
  }
  return { a: specCheckpoint(a, 'clip-hf.safetensors'), b: specCheckpoint(b, 'open-clip.safetensors'), truth }
}

/**
 * HunyuanVideo original naming vs the Flux-style internal naming ComfyUI runs it with (key-formats.md §4.4:
 * `img_attn_qkv` -> `img_attn.qkv`, `img_mod.linear` -> `img_mod.lin`, `img_mlp.fc1` -> `img_mlp.0`, RMSNorm
 * `weight` -> `norm.query_norm.scale`, `time_in.mlp.0/2` -> `time_in.in_layer/out_layer`). Truth: these rules.
 */
const HUNYUAN_TO_FLUX_STYLE: [RegExp, string][] = [
  [/^(double_blocks\.\d+\.(?:img|txt))_attn_qkv\./, '$1_attn.qkv.'],
  [/^(double_blocks\.\d+\.(?:img|txt))_attn_proj\./, '$1_attn.proj.'],
  [/^(double_blocks\.\d+\.(?:img|txt))_attn_q_norm\.weight$/, '$1_attn.norm.query_norm.scale'],
  [/^(double_blocks\.\d+\.(?:img|txt))_attn_k_norm\.weight$/, '$1_attn.norm.key_norm.scale'],
  [/^(double_blocks\.\d+\.(?:img|txt))_mod\.linear\./, '$1_mod.lin.'],
  [/^(double_blocks\.\d+\.(?:img|txt))_mlp\.fc1\./, '$1_mlp.0.'],
  [/^(double_blocks\.\d+\.(?:img|txt))_mlp\.fc2\./, '$1_mlp.2.'],
  [/^(single_blocks\.\d+)\.q_norm\.weight$/, '$1.norm.query_norm.scale'],
  [/^(single_blocks\.\d+)\.k_norm\.weight$/, '$1.norm.key_norm.scale'],
  [/^(single_blocks\.\d+)\.modulation\.linear\./, '$1.modulation.lin.'],
  [/^(time_in|guidance_in)\.mlp\.0\./, '$1.in_layer.'],
  [/^(time_in|guidance_in)\.mlp\.2\./, '$1.out_layer.']
]

function hunyuanPair(): ModelPair {
  const a = expandModel('hunyuanvideo-t2v')
  const truth: TruthMap = new Map()
  const b = a.map((t) => {
    const rule = HUNYUAN_TO_FLUX_STYLE.find(([re]) => re.test(t.name))
    const name = rule ? t.name.replace(rule[0], rule[1]) : t.name
    truth.set(t.name, [name])
    return { ...t, name }
  })
  return {
    a: specCheckpoint(a, 'hunyuan.safetensors'),
    b: specCheckpoint(b, 'hunyuan-comfy.safetensors'),
    truth
  }
}

describe('mapping quality on unseen convention pairs', () => {
  it('HunyuanVideo original -> Flux-style (ComfyUI) naming', () => {
    const { q } = measure('HunyuanVideo original -> Flux-style naming (unseen pair)', hunyuanPair())
    expect(q.wrong).toEqual([])
    expect(q.precision).toBeGreaterThanOrEqual(MIN_PRECISION)
    expect(q.recall).toBeGreaterThanOrEqual(MIN_RECALL)
  })

  it('HF CLIP text encoder -> OpenCLIP: fuses q/k/v into in_proj and renames the rest', () => {
    const p = clipPair()
    const { c, q } = measure('HF CLIP -> OpenCLIP (unseen pair)', p)
    expect(q.precision).toBeGreaterThanOrEqual(MIN_PRECISION)
    expect(q.recall).toBeGreaterThanOrEqual(MIN_RECALL)
    expect(c.familyPairs).toEqual([
      { a: 'text_model.encoder.layers', b: 'resblocks', countA: 12, countB: 12 }
    ])
    const fuse = c.mappings.find((m) => m.target[0] === 'transformer.resblocks.3.attn.in_proj_weight')
    expect(fuse?.kind).toBe('fuse')
    expect(fuse?.source).toEqual([
      'text_model.encoder.layers.3.self_attn.q_proj.weight',
      'text_model.encoder.layers.3.self_attn.k_proj.weight',
      'text_model.encoder.layers.3.self_attn.v_proj.weight'
    ])
  })
})

describe('a cross-architecture pair: Wan2.1 T2V-14B vs LongCat-Video', () => {
  const wan = specCheckpoint(expandModel('wan2.1-t2v-14b'), 'wan2.1-t2v-14b.safetensors')
  const longcat = specCheckpoint(expandModel('longcat-video'), 'longcat-video.safetensors')
  const c = compareCheckpoints(wan, longcat, { names: ['Wan2.1', 'LongCat'] })

  it('proposes no high-confidence mapping (every dim differs) and rates the pair incompatible', () => {
    console.log(
      `Wan2.1-14B vs LongCat: mapped ${(c.overlap.mapped * 100).toFixed(1)}%, high ${c.mappingCounts.high}, ` +
        `medium ${c.mappingCounts.medium}, low ${c.mappingCounts.low}; verdict ${c.verdict.tier}`
    )
    expect(c.mappings.filter((m) => m.confidence === 'high' && !m.shapeCompatible)).toEqual([])
    expect(c.mappingCounts.high).toBe(0)
    expect(c.verdict.tier).toBe('incompatible')
    expect(c.models.a.name).toBe('Wan2.1')
  })

  it('raises red flags with both sides as evidence', () => {
    const byCode = new Map(c.flags.filter((f) => f.kind === 'red').map((f) => [f.code, f]))
    expect(byCode.get('block-count')?.evidence).toEqual({
      familyA: 'blocks',
      familyB: 'blocks',
      blocksA: 40,
      blocksB: 48
    })
    expect(byCode.get('hidden-dim')?.evidence).toMatchObject({ hiddenDimA: 5120, hiddenDimB: 4096 })
    expect(byCode.get('attention-layout')?.evidence).toEqual({
      layoutsA: ['cross separate', 'self separate'],
      layoutsB: ['cross q-fused-kv', 'self fused-qkv']
    })
    expect(byCode.get('model-family')?.message).toMatch(/Wan2\.1 T2V-14B.* vs LongCat-Video/)
    expect(c.flags.some((f) => f.kind === 'green')).toBe(false)
  })

  it('links nothing at high or medium confidence between the two networks (no conversion exists)', () => {
    expect(c.mappings.filter((m) => m.confidence !== 'low')).toEqual([])
    expect(c.overlap.parameters).toBe(0)
  })
})
