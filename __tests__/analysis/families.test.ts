/** Family rules for the families the notes document by naming only (diffusers Flux, SD3, LTX, CogVideoX). */
import { describe, expect, it } from '@jest/globals'
import {
  cogvideoxKeys,
  fluxDiffusersKeys,
  ltxKeys,
  sd3Keys,
  sdxlDiffusersUnetKeys
} from '../../fixtures/family-keys.js'
import { expandModel, specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import { analyzeStructure, type StructureAnalysis } from '../../src/analysis/index.js'

const analyze = (keys: SpecTensor[]): StructureAnalysis => analyzeStructure(specCheckpoint(keys))

describe('family identification beyond model-specs.json', () => {
  it('Flux in diffusers naming: joint attention, separate q/k/v in single blocks, proj_mlp without a down projection', () => {
    const a = analyze(fluxDiffusersKeys({ hidden: 256, headDim: 128, double: 19, single: 38 }))
    expect(a.family).toMatchObject({ id: 'flux', variant: 'dev', confidence: 'high' })
    expect(a.family?.naming).toMatch(/diffusers/)
    const joint = a.attention.find((m) => m.family === 'transformer_blocks')
    expect(joint).toMatchObject({
      path: 'attn',
      layout: 'separate',
      kind: 'joint',
      hasAddedStream: true,
      heads: 2
    })
    const single = a.attention.find((m) => m.family === 'single_transformer_blocks')
    expect(single).toMatchObject({ path: 'attn', layout: 'separate', kind: 'self' })
    expect(single?.kindEvidence).toMatch(/inferred/)
    expect(a.ffn.find((f) => f.family === 'single_transformer_blocks')).toMatchObject({
      path: 'proj_mlp',
      kind: 'mlp',
      intermediateDim: 1024
    })
    expect(a.ffn.find((f) => f.path === 'ff_context')).toMatchObject({ kind: 'mlp', intermediateDim: 1024 })
    // norm1.linear is AdaLayerNorm modulation, not a norm.
    expect(a.roles.modulation.keys).toBeGreaterThanOrEqual(19 * 4)
    const schnell = analyze(fluxDiffusersKeys({ hidden: 64, double: 2, single: 3, guidance: false }))
    expect(schnell.family).toMatchObject({ id: 'flux', variant: 'schnell', confidence: 'medium' })
  })

  it('SD3 / SD3.5: fused qkv joint blocks, a pre-only last context block, SD3.5-Medium attn2', () => {
    const a = analyze(sd3Keys({ depth: 4 }))
    expect(a.family).toMatchObject({ id: 'sd3', variant: '3', confidence: 'medium' })
    const f = a.blockFamilies.find((x) => x.pattern === 'joint_blocks')
    expect(f).toMatchObject({ count: 4, uniformKeys: false })
    expect(f?.variants[0].blocks).toEqual(['3'])
    expect(f?.variants[0].missing).toEqual(
      expect.arrayContaining(['context_block.attn.proj.weight', 'context_block.mlp.fc1.weight'])
    )
    expect(a.attention.find((m) => m.path === 'x_block.attn')).toMatchObject({
      layout: 'fused-qkv',
      kind: 'joint',
      hiddenDim: 256
    })
    const medium = analyze(sd3Keys({ depth: 4, lnQk: true, attn2Blocks: 2 }))
    expect(medium.family).toMatchObject({ variant: '3.5-medium' })
    const attn2 = medium.attention.find((m) => m.path === 'x_block.attn2')
    // attn2 of SD3.5 is a second self-attention: the fused qkv says so, whatever the name suggests.
    expect(attn2).toMatchObject({ layout: 'fused-qkv', kind: 'self', blocks: 2 })
    expect(medium.attention.find((m) => m.path === 'x_block.attn')).toMatchObject({ headDim: 64, heads: 4 })
  })

  it.each([
    ['original', 'original'],
    ['diffusers', 'diffusers']
  ] as const)('LTX-Video 2B in %s naming', (naming, expected) => {
    const a = analyze(ltxKeys({ layers: 28, hidden: 2048, naming }))
    expect(a.family).toMatchObject({ id: 'ltx-video', variant: '2b', confidence: 'high' })
    expect(a.family?.naming).toMatch(expected)
    expect(a.dimensions.headDim).toMatchObject({ value: 64, source: 'family' })
    expect(a.dimensions.heads.value).toBe(32)
    expect(a.attention.map((m) => [m.path, m.layout, m.kind])).toEqual([
      ['attn1', 'separate', 'self'],
      ['attn2', 'separate', 'cross']
    ])
    expect(a.dimensions.inChannels.value).toBe(128)
  })

  it('CogVideoX: fused SAT original and diffusers naming', () => {
    const sat = analyze(cogvideoxKeys({ naming: 'sat', layers: 30, heads: 30 }))
    expect(sat.naming.commonPrefix).toBe('transformer.')
    expect(sat.family).toMatchObject({ id: 'cogvideox', variant: '2b', naming: 'original (SAT)' })
    expect(sat.attention[0]).toMatchObject({
      family: 'layers',
      path: 'attention',
      layout: 'fused-qkv',
      kind: 'self',
      hiddenDim: 1920
    })
    const diffusers = analyze(cogvideoxKeys({ naming: 'diffusers', layers: 42, heads: 48 }))
    expect(diffusers.family).toMatchObject({ id: 'cogvideox', variant: '5b', naming: 'diffusers' })
    expect(diffusers.dimensions.headDim).toMatchObject({ value: 64, source: 'shape' })
    expect(diffusers.dimensions.heads.value).toBe(48)
  })
})

describe('Wan VACE', () => {
  it('is told apart by vace_patch_embedding and vace_blocks', () => {
    const base = expandModel('wan2.1-vace-1.3b-base-part')
    const vace: SpecTensor[] = [
      { name: 'vace_patch_embedding.weight', shape: [1536, 96, 1, 2, 2], dtype: 'F32' }
    ]
    for (const j of [0, 1]) {
      for (const t of base.filter((x) => x.name.startsWith('blocks.0.')))
        vace.push({ ...t, name: t.name.replace('blocks.0.', `vace_blocks.${j}.`) })
      vace.push({ name: `vace_blocks.${j}.after_proj.weight`, shape: [1536, 1536], dtype: 'F32' })
    }
    const a = analyzeStructure(specCheckpoint([...base, ...vace]))
    expect(a.family).toMatchObject({ id: 'wan', variant: 'vace-1.3b', name: 'Wan2.1 VACE-1.3B' })
    expect(a.blockFamilies.map((f) => [f.pattern, f.count])).toEqual([
      ['blocks', 30],
      ['vace_blocks', 2]
    ])
  })
})

describe('SDXL UNet in diffusers naming', () => {
  it('finds down_blocks.N.attentions.M and its transformer blocks, and names SDXL', () => {
    const a = analyzeStructure(specCheckpoint(sdxlDiffusersUnetKeys({ depth: [0, 2, 3], midDepth: 2 })))
    expect(a.family).toMatchObject({ id: 'sdxl', naming: expect.stringMatching(/diffusers/) })
    const byPattern = Object.fromEntries(a.blockFamilies.map((f) => [f.pattern, f]))
    expect(byPattern['down_blocks']).toMatchObject({ count: 3, parent: null })
    expect(byPattern['down_blocks.{}.attentions']).toMatchObject({
      count: 4,
      parent: 'down_blocks',
      indices: [0, 1]
    })
    expect(byPattern['down_blocks.{}.resnets']).toMatchObject({ count: 6, parent: 'down_blocks' })
    expect(byPattern['up_blocks.{}.attentions.{}.transformer_blocks']).toMatchObject({
      count: 3 * 3 + 3 * 2,
      parent: 'up_blocks.{}.attentions'
    })
    expect(byPattern['mid_block.attentions.{}.transformer_blocks'].count).toBe(2)
    const cross = a.attention.find(
      (m) => m.family === 'down_blocks.{}.attentions.{}.transformer_blocks' && m.path === 'attn2'
    )
    expect(cross).toMatchObject({ kind: 'cross', contextDim: 2048, hiddenDim: 1280, blocks: 10 })
    expect(a.dimensions.inChannels.value).toBe(4)
    expect(a.dimensions.outChannels.value).toBe(4)
    expect(a.dimensions.ffnKind).toBe('gated-fused')
  })
})
