/**
 * analyzeStructure against the full key lists of real models, expanded from fixtures/model-specs.json. The
 * expected values come from the reference notes (key-formats.md §1, §2, §4), not from the analysis itself.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { expandModel, listModels, modelSpec, specCheckpoint } from '../../fixtures/specs.js'
import {
  analyzeStructure,
  structureEssentials,
  type AttentionModule,
  type StructureAnalysis
} from '../../src/analysis/index.js'

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/structure.schema.json', import.meta.url), 'utf8')
) as object
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)

const cache = new Map<string, StructureAnalysis>()
function analyze(id: string, prefix?: string): StructureAnalysis {
  const key = `${id}|${prefix ?? ''}`
  let a = cache.get(key)
  if (!a) {
    a = analyzeStructure(specCheckpoint(expandModel(id, { prefix })))
    cache.set(key, a)
  }
  return a
}

function attn(a: StructureAnalysis, family: string, path: string): AttentionModule {
  const m = a.attention.find((x) => x.family === family && x.path === path)
  if (!m)
    throw new Error(
      `no attention module ${family}.*.${path}; have ${a.attention.map((x) => `${x.family}:${x.path}`)}`
    )
  return m
}

function families(a: StructureAnalysis): Record<string, number> {
  return Object.fromEntries(a.blockFamilies.map((f) => [f.pattern, f.count]))
}

describe('every model in model-specs.json', () => {
  it.each(listModels())('%s: totals are consistent and the result is plain JSON', (id) => {
    const a = analyze(id)
    const spec = modelSpec(id)
    expect(a.tensorCount).toBe(spec.expected_key_count)
    expect(a.paramCount).toBe(spec.expected_param_count)
    expect(a.paramCountExact).toBe(true)
    const cats = Object.values(a.parameterTypes)
    expect(cats.reduce((s, c) => s + c.keys, 0)).toBe(a.tensorCount)
    expect(cats.reduce((s, c) => s + c.params, 0)).toBe(a.paramCount)
    expect(a.dtypes.reduce((s, d) => s + d.keys, 0)).toBe(a.tensorCount)
    const topFamilyKeys = a.blockFamilies.filter((f) => f.parent === null).reduce((s, f) => s + f.keys, 0)
    expect(topFamilyKeys + a.topLevelKeys).toBe(a.tensorCount)
    expect(JSON.parse(JSON.stringify(a))).toEqual(a)
    expect(validate(a) ? [] : validate.errors).toEqual([])
    expect(a.family).not.toBeNull()
    expect(a.family?.confidence).toBe('high')
    expect(a.notes).toEqual([])
  })

  // compare reads these three alone, computed without the report's per-key statistics: they must not differ.
  it.each(listModels())('%s: the essentials compare reads equal the full analysis', (id) => {
    const a = analyze(id)
    const e = structureEssentials(specCheckpoint(expandModel(id)))
    expect(e).toEqual({ attention: a.attention, dimensions: a.dimensions, family: a.family })
  })

  it('the essentials strip a wrapper prefix as the full analysis does', () => {
    const ckpt = specCheckpoint(expandModel('sdxl-base-1.0', { prefix: 'model.diffusion_model.' }))
    const a = analyzeStructure(ckpt)
    expect(a.naming.analysisPrefix).toBe('model.diffusion_model.')
    expect(structureEssentials(ckpt)).toEqual({
      attention: a.attention,
      dimensions: a.dimensions,
      family: a.family
    })
  })
})

describe('Wan2.1 / Wan2.2 (original naming)', () => {
  it.each([
    ['wan2.1-t2v-1.3b', 't2v-1.3b', 30, 1536, 8960, 16, 16, 12],
    ['wan2.1-t2v-14b', 't2v-14b', 40, 5120, 13824, 16, 16, 40],
    ['wan2.2-t2v-a14b', 't2v-14b', 40, 5120, 13824, 16, 16, 40],
    ['wan2.1-i2v-14b', 'i2v-14b', 40, 5120, 13824, 36, 16, 40],
    ['wan2.1-flf2v-14b', 'flf2v-14b', 40, 5120, 13824, 36, 16, 40],
    ['wan2.2-i2v-a14b', 'i2v-a14b', 40, 5120, 13824, 36, 16, 40],
    ['wan2.2-ti2v-5b', 'ti2v-5b', 30, 3072, 14336, 48, 48, 24]
  ])('%s -> %s, %i blocks, dim %i, ffn %i', (id, variant, layers, dim, ffnDim, inCh, outCh, heads) => {
    const a = analyze(id)
    expect(a.family).toMatchObject({ id: 'wan', variant, confidence: 'high' })
    expect(a.family?.naming).toMatch(/original/)
    expect(families(a)).toEqual({ blocks: layers })
    const f = a.blockFamilies[0]
    expect(f.uniform).toBe(true)
    expect(f.keysPerBlock).toBe(id.includes('i2v-14b') || id.includes('flf2v') ? 32 : 27)
    const self = attn(a, 'blocks', 'self_attn')
    expect(self).toMatchObject({ layout: 'separate', kind: 'self', hiddenDim: dim, blocks: layers })
    expect(self.qkNorm).toMatchObject({ present: true, perHead: false, size: dim })
    expect(self.headDim).toBeNull()
    const cross = attn(a, 'blocks', 'cross_attn')
    expect(cross).toMatchObject({ layout: 'separate', kind: 'cross', contextDim: null })
    expect(cross.projections.some((p) => p.role === 'k_img')).toBe(
      id.includes('i2v-14b') || id.includes('flf2v')
    )
    const d = a.dimensions
    expect(d.hiddenDim.value).toBe(dim)
    expect(d.ffnDim.value).toBe(ffnDim)
    expect(d.ffnKind).toBe('mlp')
    expect(d.layers.value).toBe(layers)
    expect(d.inChannels.value).toBe(inCh)
    expect(d.outChannels.value).toBe(outCh)
    expect(d.patchSize).toEqual([1, 2, 2])
    expect(d.contextDim.value).toBe(4096)
    // Full-dim q/k norms do not show heads: the value comes from the family rule, and says so.
    expect(d.headDim).toMatchObject({ value: 128, source: 'family' })
    expect(d.heads).toMatchObject({ value: heads, source: 'family' })
  })

  it('counts parameter types and roles of Wan2.1 T2V-1.3B', () => {
    const a = analyze('wan2.1-t2v-1.3b')
    // Per block: q/k norms of two attentions (4) + norm3 weight and bias (2) = 6 norm tensors.
    expect(a.parameterTypes.normalization.keys).toBe(30 * 6)
    // patch_embedding, text_embedding.{0,2}, time_embedding.{0,2}: weights and biases.
    expect(a.parameterTypes.embedding.keys).toBe(10)
    // Block modulation [1,6,dim] and head.modulation are plain parameters.
    expect(a.parameterTypes.other.keys).toBe(31)
    expect(a.roles.attention).toEqual({ keys: 30 * 20, blocks: 30 })
    expect(a.roles.feedforward).toEqual({ keys: 30 * 4, blocks: 30 })
    expect(a.roles.modulation.keys).toBe(31)
    expect(a.roles.embedding.blocks).toBe(0)
  })
})

describe('Wan2.1 (diffusers naming)', () => {
  it.each([
    ['wan2.1-t2v-1.3b-diffusers', 't2v-1.3b', 30, 1536],
    ['wan2.1-t2v-14b-diffusers', 't2v-14b', 40, 5120],
    ['wan2.1-i2v-14b-diffusers', 'i2v-14b', 40, 5120]
  ])('%s', (id, variant, layers, dim) => {
    const a = analyze(id)
    expect(a.family).toMatchObject({ id: 'wan', variant })
    expect(a.family?.naming).toMatch(/diffusers/)
    expect(families(a)).toEqual({ blocks: layers })
    expect(attn(a, 'blocks', 'attn1')).toMatchObject({ layout: 'separate', kind: 'self', hiddenDim: dim })
    const cross = attn(a, 'blocks', 'attn2')
    // The I2V image k/v are add_k_proj/add_v_proj without add_q_proj: still cross attention, not joint.
    expect(cross).toMatchObject({ layout: 'separate', kind: 'cross', hasAddedStream: false })
    expect(a.dimensions.ffnKind).toBe('mlp')
    expect(a.ffn[0].path).toBe('ffn')
    expect(a.dimensions.outChannels.value).toBe(16)
  })
})

describe('LongCat-Video', () => {
  const a = () => analyze('longcat-video')
  it('is named with its evidence', () => {
    expect(a().family).toMatchObject({ id: 'longcat-video', name: 'LongCat-Video', confidence: 'high' })
    expect(a().family?.evidence.join(' ')).toContain('cross_attn.kv_linear.weight [8192, 4096]')
    expect(a().familyCandidates.map((c) => c.id)).toEqual(['longcat-video'])
  })
  it('has fused QKV self attention and Q plus fused KV cross attention with per-head norms', () => {
    const self = attn(a(), 'blocks', 'attn')
    expect(self).toMatchObject({
      layout: 'fused-qkv',
      kind: 'self',
      hiddenDim: 4096,
      headDim: 128,
      heads: 32
    })
    expect(self.projections.find((p) => p.role === 'qkv')).toMatchObject({ shape: [12288, 4096], bias: true })
    expect(self.qkNorm).toMatchObject({ perHead: true, size: 128 })
    const cross = attn(a(), 'blocks', 'cross_attn')
    expect(cross).toMatchObject({ layout: 'q-fused-kv', kind: 'cross', headDim: 128 })
    expect(cross.projections.find((p) => p.role === 'kv')?.shape).toEqual([8192, 4096])
    expect(cross.projections.find((p) => p.role === 'out')?.key).toBe('cross_attn.proj.weight')
  })
  it('has a gated SwiGLU FFN and shape-derived heads', () => {
    const f = a().ffn.find((x) => x.path === 'ffn')
    expect(f).toMatchObject({ kind: 'gated', intermediateDim: 11008, hiddenDim: 4096 })
    expect(f?.projections.map((p) => [p.role, p.key])).toEqual([
      ['gate', 'ffn.w1.weight'],
      ['up', 'ffn.w3.weight'],
      ['down', 'ffn.w2.weight']
    ])
    const d = a().dimensions
    expect(d.headDim).toMatchObject({ value: 128, source: 'shape' })
    expect(d.heads).toMatchObject({ value: 32, source: 'shape' })
    expect(d.layers.value).toBe(48)
    expect(d.inChannels.value).toBe(16)
    expect(d.outChannels.value).toBe(16)
    expect(a().parameterTypes.other.keys).toBe(0)
  })
})

describe('Flux.1', () => {
  it.each([
    ['flux.1-dev', 'dev'],
    ['flux.1-schnell', 'schnell']
  ])('%s: fused QKV double blocks and an unequal fused linear1 in single blocks', (id, variant) => {
    const a = analyze(id)
    expect(a.family).toMatchObject({ id: 'flux', variant, confidence: 'high' })
    expect(families(a)).toEqual({ double_blocks: 19, single_blocks: 38 })
    for (const stream of ['img_attn', 'txt_attn']) {
      expect(attn(a, 'double_blocks', stream)).toMatchObject({
        layout: 'fused-qkv',
        kind: 'joint',
        hiddenDim: 3072,
        headDim: 128,
        heads: 24
      })
    }
    const single = attn(a, 'single_blocks', '')
    expect(single).toMatchObject({ layout: 'fused-qkv-mlp', hiddenDim: 3072, fusedMlpDim: 12288, heads: 24 })
    expect(single.projections.find((p) => p.role === 'out')?.shape).toEqual([3072, 15360])
    expect(a.ffn.find((f) => f.family === 'single_blocks')).toMatchObject({
      kind: 'fused-with-attention',
      intermediateDim: 12288
    })
    expect(a.ffn.find((f) => f.path === 'img_mlp')).toMatchObject({ kind: 'mlp', intermediateDim: 12288 })
    // img_in is a Linear over packed latents: in-features are shown, channels are not split out.
    expect(a.dimensions.inChannels.value).toBe(64)
    expect(a.dimensions.patchSize).toBeNull()
    expect(a.dimensions.outChannels.value).toBeNull()
    expect(a.dimensions.outFeatures.value).toBe(64)
  })
})

describe('SDXL UNet', () => {
  const a = () => analyze('sdxl-base-1.0')
  it('finds outer and nested block families with their parents', () => {
    expect(a().family).toMatchObject({ id: 'sdxl' })
    const byPattern = Object.fromEntries(a().blockFamilies.map((f) => [f.pattern, f]))
    expect(byPattern['input_blocks'].count).toBe(9)
    expect(byPattern['output_blocks'].count).toBe(9)
    expect(byPattern['middle_block'].count).toBe(3)
    const inner = byPattern['input_blocks.{}.{}.transformer_blocks']
    expect(inner).toMatchObject({
      count: 2 + 2 + 10 + 10,
      parent: 'input_blocks',
      uniformKeys: true,
      uniform: false
    })
    expect(byPattern['output_blocks.{}.{}.transformer_blocks'].count).toBe(3 * 10 + 3 * 2)
    expect(byPattern['middle_block.{}.transformer_blocks']).toMatchObject({ count: 10, uniform: true })
    // The 640-wide blocks deviate from the 1280-wide template by shape only.
    const v = inner.variants[0]
    expect(v.blocks).toEqual(['4.1.0', '4.1.1', '5.1.0', '5.1.1'])
    expect(v.missing).toEqual([])
    expect(v.shapeDifferences[0]).toEqual({
      key: 'attn1.to_q.weight',
      shape: [640, 640],
      templateShape: [1280, 1280]
    })
    // UNet levels differ, so the outer families are not uniform.
    expect(byPattern['input_blocks'].uniform).toBe(false)
  })
  it('reads attention, GEGLU FFN, context and channels', () => {
    const m = attn(a(), 'input_blocks.{}.{}.transformer_blocks', 'attn2')
    expect(m).toMatchObject({ layout: 'separate', kind: 'cross', hiddenDim: 1280, contextDim: 2048 })
    expect(attn(a(), 'input_blocks.{}.{}.transformer_blocks', 'attn1')).toMatchObject({
      kind: 'self',
      qkNorm: { present: false }
    })
    expect(a().attention.every((x) => x.family !== 'input_blocks')).toBe(true)
    const d = a().dimensions
    expect(d.ffnKind).toBe('gated-fused')
    expect(d.ffnDim.value).toBe(5120)
    expect(d.contextDim.value).toBe(2048)
    expect(d.inChannels.value).toBe(4)
    expect(d.outChannels.value).toBe(4)
    expect(d.headDim).toMatchObject({ value: 64, source: 'family' })
    expect(a().roles.attention.blocks).toBe(4 + 1 + 6)
  })
})

describe('HunyuanVideo and Qwen-Image', () => {
  it('HunyuanVideo: underscore-joined attention names, refiner blocks, fused single blocks', () => {
    const a = analyze('hunyuanvideo-t2v')
    expect(a.family).toMatchObject({ id: 'hunyuan-video', confidence: 'high' })
    expect(families(a)).toEqual({
      double_blocks: 20,
      single_blocks: 40,
      'txt_in.individual_token_refiner.blocks': 2
    })
    expect(attn(a, 'double_blocks', 'img_attn')).toMatchObject({
      layout: 'fused-qkv',
      kind: 'joint',
      headDim: 128
    })
    expect(attn(a, 'single_blocks', '')).toMatchObject({ layout: 'fused-qkv-mlp', fusedMlpDim: 12288 })
    expect(attn(a, 'txt_in.individual_token_refiner.blocks', 'self_attn')).toMatchObject({
      layout: 'fused-qkv',
      kind: 'self'
    })
    expect(a.dimensions.inChannels.value).toBe(16)
    expect(a.dimensions.patchSize).toEqual([1, 2, 2])
    expect(a.dimensions.outChannels.value).toBe(16)
  })

  it('Qwen-Image: joint attention with an added stream and two MLPs', () => {
    const a = analyze('qwen-image')
    expect(a.family).toMatchObject({ id: 'qwen-image', confidence: 'high' })
    expect(families(a)).toEqual({ transformer_blocks: 60 })
    const m = attn(a, 'transformer_blocks', 'attn')
    expect(m).toMatchObject({
      layout: 'separate',
      kind: 'joint',
      hasAddedStream: true,
      headDim: 128,
      heads: 24
    })
    expect(m.projections.map((p) => p.role).sort()).toEqual(
      ['added_k', 'added_out', 'added_q', 'added_v', 'k', 'out', 'q', 'v'].sort()
    )
    expect(a.ffn.map((f) => [f.path, f.kind, f.intermediateDim])).toEqual([
      ['img_mlp', 'mlp', 12288],
      ['txt_mlp', 'mlp', 12288]
    ])
    expect(a.dimensions.contextDim.value).toBe(3584)
  })
})

describe('prefixed checkpoints', () => {
  it.each(['model.diffusion_model.', 'diffusion_model.', 'module._orig_mod.'])(
    '%s is stripped and reported',
    (prefix) => {
      const plain = analyze('wan2.1-t2v-14b')
      const prefixed = analyze('wan2.1-t2v-14b', prefix)
      expect(prefixed.naming.commonPrefix).toBe(prefix)
      expect(prefixed.naming.knownPrefixes).toEqual([{ prefix, keys: 1095 }])
      expect(prefixed.family).toEqual(plain.family)
      expect(prefixed.blockFamilies).toEqual(plain.blockFamilies)
      expect(prefixed.attention).toEqual(plain.attention)
      expect(prefixed.dimensions).toEqual(plain.dimensions)
    }
  )
})

describe('attention module typing helper', () => {
  it('covers every layout across the reference models', () => {
    const layouts = new Set<string>()
    for (const id of ['wan2.1-t2v-1.3b', 'longcat-video', 'flux.1-dev']) {
      for (const m of analyze(id).attention) layouts.add(m.layout)
    }
    expect([...layouts].sort()).toEqual(['fused-qkv', 'fused-qkv-mlp', 'q-fused-kv', 'separate'])
  })
})
