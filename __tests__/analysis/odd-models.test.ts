/** analyzeStructure on unknown, odd and hostile key sets: gaps, no blocks, empty, mixed prefixes, random names. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import fc from 'fast-check'
import { expandModel, scaledModel, specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import { analyzeStructure, structureEssentials } from '../../src/analysis/index.js'

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/structure.schema.json', import.meta.url), 'utf8')
) as object
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)

const t = (name: string, shape: number[], dtype = 'F32'): SpecTensor => ({ name, shape, dtype })

describe('unknown and odd models', () => {
  it('a class-conditional DiT has no context width: its label table is no text projection', () => {
    const H = 64
    const t = (name: string, shape: number[]): SpecTensor => ({ name, shape, dtype: 'F32' })
    const dit: SpecTensor[] = [
      t('x_embedder.proj.weight', [H, 4, 2, 2]),
      t('t_embedder.mlp.0.weight', [H, 256]),
      t('y_embedder.embedding_table.weight', [1001, H]),
      ...[0, 1, 2].flatMap((i) => [
        t(`blocks.${i}.attn.qkv.weight`, [3 * H, H]),
        t(`blocks.${i}.attn.proj.weight`, [H, H]),
        t(`blocks.${i}.mlp.fc1.weight`, [4 * H, H]),
        t(`blocks.${i}.mlp.fc2.weight`, [H, 4 * H]),
        t(`blocks.${i}.adaLN_modulation.1.weight`, [6 * H, H])
      ])
    ]
    const d = analyzeStructure(specCheckpoint(dit)).dimensions
    expect(d.contextDim.value).toBeNull()
    // a caption projection under the same module name still tells the context width
    const captioned = [...dit, t('y_embedder.y_proj.fc1.weight', [H, 4096])]
    expect(analyzeStructure(specCheckpoint(captioned)).dimensions.contextDim.value).toBe(4096)
  })

  it('an empty checkpoint gives an empty analysis, not an error', () => {
    const a = analyzeStructure(specCheckpoint([]))
    expect(a.tensorCount).toBe(0)
    expect(a.paramCount).toBe(0)
    expect(a.blockFamilies).toEqual([])
    expect(a.attention).toEqual([])
    expect(a.family).toBeNull()
    expect(a.dimensions.hiddenDim.value).toBeNull()
    expect(a.dimensions.layers.value).toBeNull()
    expect(a.naming.separator).toBe('none')
  })

  it('reports gapped block indices and the blocks that deviate', () => {
    const small = scaledModel('wan2.1-t2v-1.3b', { dim: 64, ffn_dim: 128, num_layers: 6 })
      .filter((x) => !x.name.startsWith('blocks.3.') && !x.name.startsWith('blocks.4.'))
      .map((x) => (x.name === 'blocks.1.ffn.0.weight' ? { ...x, shape: [100, 64] } : x))
    small.push(t('blocks.5.extra.weight', [3, 3]))
    const a = analyzeStructure(specCheckpoint(small))
    const f = a.blockFamilies[0]
    expect(f).toMatchObject({
      pattern: 'blocks',
      count: 4,
      indices: [0, 1, 2, 5],
      missing: ['3', '4'],
      contiguous: false
    })
    expect(f.uniform).toBe(false)
    expect(f.uniformKeys).toBe(false)
    expect(f.variants).toEqual([
      {
        blocks: ['1'],
        keyCount: 27,
        missing: [],
        extra: [],
        shapeDifferences: [{ key: 'ffn.0.weight', shape: [100, 64], templateShape: [128, 64] }]
      },
      { blocks: ['5'], keyCount: 28, missing: [], extra: ['extra.weight'], shapeDifferences: [] }
    ])
    // A scaled Wan is still recognised as the architecture, at lower confidence and without a named variant.
    expect(a.family).toMatchObject({ id: 'wan', variant: null, confidence: 'medium' })
    expect(a.dimensions.hiddenDim.value).toBe(64)
    expect(a.dimensions.layers.value).toBe(4)
    // The Wan head dim (128) is not lent to a model of another size: the heads stay unknown.
    expect(a.dimensions.heads).toMatchObject({ value: null, source: 'unknown' })
  })

  it('a scaled LongCat is LongCat-like at medium confidence, with the mismatches as evidence', () => {
    const a = analyzeStructure(
      specCheckpoint(
        scaledModel('longcat-video', {
          hidden_size: 64,
          num_heads: 2,
          depth: 2,
          ffn_hidden: 160,
          adaln_tembed_dim: 32
        })
      )
    )
    expect(a.family).toMatchObject({
      id: 'longcat-video',
      name: 'LongCat-Video-like architecture',
      confidence: 'medium'
    })
    expect(a.family?.evidence).toEqual(
      expect.arrayContaining([
        'hidden size is 64, the reference model has 4096',
        'block count is 2, the reference model has 48'
      ])
    )
    expect(a.dimensions.headDim).toMatchObject({ value: 32, source: 'shape' })
    expect(a.dimensions.heads.value).toBe(2)
  })

  it('a block-less model still gets attention, FFN and dims; the head count stays unknown with the reason', () => {
    const ckpt = specCheckpoint([
      t('embed.weight', [100, 8]),
      t('attn.to_q.weight', [8, 8]),
      t('attn.to_k.weight', [8, 16]),
      t('attn.to_v.weight', [8, 16]),
      t('attn.to_out.0.weight', [8, 8]),
      t('mlp.fc1.weight', [32, 8]),
      t('mlp.fc2.weight', [8, 32]),
      t('norm.weight', [8])
    ])
    const a = analyzeStructure(ckpt)
    // The embedder is told from the FFN by its role here: what compare reads is the same without the statistics.
    expect(structureEssentials(ckpt)).toEqual({
      attention: a.attention,
      dimensions: a.dimensions,
      family: a.family
    })
    expect(a.blockFamilies).toEqual([])
    expect(a.family).toBeNull()
    expect(a.attention).toHaveLength(1)
    expect(a.attention[0]).toMatchObject({
      family: null,
      path: 'attn',
      layout: 'separate',
      kind: 'cross',
      contextDim: 16
    })
    expect(a.attention[0].kindEvidence).toMatch(/k\/v input dim 16/)
    expect(a.ffn).toEqual([
      expect.objectContaining({ path: 'mlp', kind: 'mlp', intermediateDim: 32, hiddenDim: 8 })
    ])
    expect(a.dimensions.hiddenDim.value).toBe(8)
    expect(a.dimensions.heads).toMatchObject({ value: null, source: 'unknown' })
    expect(a.dimensions.heads.evidence).toMatch(/head count/)
    expect(a.dimensions.layers.value).toBeNull()
    expect(a.parameterTypes.normalization.keys).toBe(1)
    expect(a.parameterTypes.embedding.keys).toBe(1)
  })

  it('finds blocks of an unknown container name because siblings repeat, but not Sequential layers', () => {
    const keys: SpecTensor[] = []
    for (let i = 0; i < 3; i++) {
      keys.push(
        t(`stages.${i}.mixer.in_proj.weight`, [16, 8]),
        t(`stages.${i}.mixer.out_proj.weight`, [8, 16])
      )
    }
    keys.push(
      t('stem.0.weight', [8, 3]),
      t('stem.2.weight', [8, 8]),
      t('head.net.0.proj.weight', [4, 8]),
      t('head.net.2.weight', [4, 4])
    )
    const a = analyzeStructure(specCheckpoint(keys))
    expect(a.blockFamilies.map((f) => [f.pattern, f.count])).toEqual([['stages', 3]])
    expect(a.topLevelKeys).toBe(4)
  })

  it('treats a single block under a known container name as a family', () => {
    const a = analyzeStructure(
      specCheckpoint([t('layers.0.attn.qkv.weight', [24, 8]), t('layers.0.attn.proj.weight', [8, 8])])
    )
    expect(a.blockFamilies.map((f) => [f.pattern, f.count, f.contiguous])).toEqual([['layers', 1, true]])
    expect(a.attention[0]).toMatchObject({
      family: 'layers',
      path: 'attn',
      layout: 'fused-qkv',
      kind: 'self'
    })
  })

  it('strips the prefix most keys carry in a mixed file (a full checkpoint) and keeps the other names', () => {
    const unet = expandModel('flux.1-schnell', { prefix: 'model.diffusion_model.' })
    const te = [t('conditioner.embedders.0.transformer.text_model.final_layer_norm.weight', [768])]
    const a = analyzeStructure(specCheckpoint([...unet, ...te]))
    expect(a.naming.commonPrefix).toBe('')
    expect(a.naming.knownPrefixes).toEqual([{ prefix: 'model.diffusion_model.', keys: unet.length }])
    expect(a.naming.analysisPrefix).toBe('model.diffusion_model.')
    expect(a.blockFamilies.map((f) => f.pattern)).toEqual(['double_blocks', 'single_blocks'])
    expect(a.family).toMatchObject({ id: 'flux', variant: 'schnell' })
    expect(a.naming.topLevelModules.find((m) => m.prefix === 'conditioner')?.keys).toBe(1)
  })

  it('recognises underscore (kohya) naming and camelCase', () => {
    const kohya = analyzeStructure(
      specCheckpoint([
        t('lora_unet_blocks_0_self_attn_q.lora_down.weight', [4, 64]),
        t('lora_unet_blocks_0_self_attn_q.lora_up.weight', [64, 4]),
        t('lora_unet_blocks_0_self_attn_q.alpha', [])
      ])
    )
    expect(kohya.naming.separator).toBe('underscore')
    expect(kohya.naming.case).toBe('snake_case')
    expect(kohya.paramCount).toBe(4 * 64 * 2 + 1)
    const camel = analyzeStructure(
      specCheckpoint([t('encoderLayer.selfAttn.weight', [4, 4]), t('encoderLayer.outProj.bias', [4])])
    )
    expect(camel.naming.case).toBe('camelCase')
    expect(camel.naming.casedSegments).toEqual(['encoderLayer', 'outProj', 'selfAttn'])
  })

  it('reports counts beyond 2^53 as rounded and lists huge index gaps without enumerating them', () => {
    const a = analyzeStructure(
      specCheckpoint([
        t('blocks.0.a.weight', [2]),
        t('blocks.999999999.a.weight', [2]),
        t('big.weight', [2 ** 30, 2 ** 30, 2 ** 10])
      ])
    )
    expect(a.paramCountExact).toBe(false)
    expect(a.notes.join(' ')).toMatch(/2\^53/)
    expect(a.blockFamilies[0].missing).toHaveLength(1000)
    expect(a.notes.join(' ')).toMatch(/999999998 block indices missing/)
  })

  it('never throws and keeps its invariants on arbitrary names and shapes', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        'blocks',
        'attn',
        'q',
        'k',
        'v',
        'qkv',
        'ffn',
        'w1',
        'norm',
        'weight',
        'bias',
        'to_out',
        '0',
        '1',
        '12'
      ),
      fc.stringMatching(/^[a-zA-Z0-9_]{0,6}$/)
    )
    const tensor = fc.record({
      name: fc.array(segment, { minLength: 1, maxLength: 8 }).map((s) => s.join('.')),
      shape: fc.array(fc.integer({ min: 0, max: 70000 }), { maxLength: 5 }),
      dtype: fc.constantFrom('F32', 'BF16', 'Q4_K')
    })
    fc.assert(
      fc.property(fc.array(tensor, { maxLength: 60 }), (tensors) => {
        const a = analyzeStructure(specCheckpoint(tensors))
        expect(a.tensorCount).toBe(tensors.length)
        const cats = Object.values(a.parameterTypes)
        expect(cats.reduce((s, c) => s + c.keys, 0)).toBe(tensors.length)
        const top = a.blockFamilies.filter((f) => f.parent === null).reduce((s, f) => s + f.keys, 0)
        expect(top + a.topLevelKeys).toBe(tensors.length)
        expect(JSON.parse(JSON.stringify(a))).toEqual(a)
        expect(validate(a) ? [] : validate.errors).toEqual([])
      }),
      { numRuns: 200 }
    )
  })
})

describe('diffusers pipeline folders', () => {
  it('analyses the denoiser component even when other components hold most keys', () => {
    const transformer = scaledModel(
      'wan2.1-t2v-1.3b-diffusers',
      { dim: 64, ffn_dim: 128, num_layers: 2 },
      { prefix: 'transformer.' }
    )
    const encoder: SpecTensor[] = []
    for (let i = 0; i < 24; i++) {
      for (const n of ['q', 'k', 'v', 'o'])
        encoder.push(t(`text_encoder.encoder.block.${i}.layer.0.SelfAttention.${n}.weight`, [64, 64]))
    }
    const ckpt = specCheckpoint([...transformer, ...encoder])
    ckpt.format = 'diffusers'
    ckpt.components = [
      {
        name: 'text_encoder',
        className: ['transformers', 'UMT5EncoderModel'],
        path: 'text_encoder',
        format: 'safetensors',
        tensorCount: encoder.length
      },
      {
        name: 'transformer',
        className: ['diffusers', 'WanTransformer3DModel'],
        path: 'transformer',
        format: 'safetensors',
        tensorCount: transformer.length
      }
    ]
    expect(encoder.length).toBeGreaterThan(transformer.length)
    const a = analyzeStructure(ckpt)
    expect(a.naming.analysisPrefix).toBe('transformer.')
    expect(a.family).toMatchObject({ id: 'wan', naming: expect.stringMatching(/diffusers/) })
    expect(a.blockFamilies.map((f) => [f.pattern, f.count])).toEqual([
      ['blocks', 2],
      ['text_encoder.encoder.block', 24],
      // T5's `layer` ModuleList inside each block is a (known) block container of its own.
      ['text_encoder.encoder.block.{}.layer', 24]
    ])
  })
})

describe('adapter (LoRA) files', () => {
  it('keeps adapter tensors out of the module analysis and says so', () => {
    const lora: SpecTensor[] = []
    for (let i = 0; i < 3; i++) {
      for (const m of ['attn1.to_q', 'attn1.to_k', 'attn1.to_v', 'ffn.net.0.proj', 'ffn.net.2']) {
        lora.push(
          t(`transformer.blocks.${i}.${m}.lora_A.weight`, [4, 64]),
          t(`transformer.blocks.${i}.${m}.lora_B.weight`, [64, 4])
        )
      }
    }
    const kohya = [
      t('lora_unet_blocks_0_ffn_0.lora_down.weight', [2, 64]),
      t('lora_unet_blocks_0_ffn_0.lora_up.weight', [128, 2]),
      t('lora_unet_blocks_0_ffn_0.alpha', []),
      t('lora_unet_blocks_0_ffn_2.lora_down.weight', [2, 128]),
      t('lora_unet_blocks_0_ffn_2.lora_up.weight', [64, 2])
    ]
    for (const keys of [lora, kohya]) {
      const a = analyzeStructure(specCheckpoint(keys))
      expect(a.attention).toEqual([])
      expect(a.ffn).toEqual([])
      expect(a.dimensions.hiddenDim.value).toBeNull()
      expect(a.notes[0]).toMatch(new RegExp(`^${keys.length} of ${keys.length} keys are adapter tensors`))
    }
    expect(analyzeStructure(specCheckpoint(lora)).blockFamilies.map((f) => [f.pattern, f.count])).toEqual([
      ['blocks', 3]
    ])
  })
})
