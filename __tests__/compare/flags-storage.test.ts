/**
 * Structural flags that the mapping settles: the same attention stored fused on one side and separate on the
 * other, or read as other kinds by the two namings, and a block family the other naming keeps outside a numbered
 * series. These are storage or naming, not architecture, when the mapping links them at high confidence; without
 * such links they stay red.
 */
import { describe, expect, it } from '@jest/globals'
import { specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import { fluxSingleBlocks } from './flux-single-blocks.js'
import { compareCheckpoints } from '../../src/compare/index.js'
import { computeFlags, type FlagInputs } from '../../src/compare/flags.js'
import { attentionLinkShares, attentionProjectionKeys } from '../../src/compare/attention-links.js'
import type { KeyMapping } from '../../src/compare/types.js'
import type { AttentionModule } from '../../src/analysis/index.js'

const flagOf = <F extends { code: string }>(flags: F[], code: string): F[] =>
  flags.filter((f) => f.code === code)

/** Flag inputs of two sides with these attention layouts and nothing else to flag. */
function layoutInputs(a: string[], b: string[], more: Partial<FlagInputs> = {}): FlagInputs {
  return {
    a: { families: [], attentionLayouts: a },
    b: { families: [], attentionLayouts: b },
    familyPairs: [],
    overlap: {
      exact: 0,
      exactCompatible: 0,
      normalized: 0,
      normalizedCompatible: 0,
      mapped: 0,
      parameters: 0
    },
    shapeDifferences: [],
    shapeMatches: 0,
    mappings: [],
    nameCoverage: 0,
    strippedA: [],
    strippedB: [],
    ...more
  }
}

describe('attention stored fused on one side', () => {
  it('is green when the mapping splits the fused projections at high confidence', () => {
    const { a, b } = fluxSingleBlocks()
    const c = compareCheckpoints(specCheckpoint(a, 'flux'), specCheckpoint(b, 'flux-diffusers'))
    const [flag] = flagOf(c.flags, 'attention-layout')
    expect(flag).toMatchObject({ kind: 'green', evidence: { storedOtherwise: true } })
    expect(flag!.message).toMatch(/^same attention \(self\), stored fused on one side/)
  })

  it('stays red when nothing converts (the same kinds, no split or fuse among the high links)', () => {
    const inputs = layoutInputs(['cross separate', 'self separate'], ['cross q-fused-kv', 'self fused-qkv'], {
      mappingKinds: ['rename']
    })
    expect(flagOf(computeFlags(inputs), 'attention-layout')).toMatchObject([{ kind: 'red' }])
    // with a split the same kinds read as storage; other kinds stay a difference even then
    expect(flagOf(computeFlags({ ...inputs, mappingKinds: ['split'] }), 'attention-layout')).toMatchObject([
      { kind: 'green' }
    ])
    const other = {
      ...inputs,
      mappingKinds: ['split'],
      b: { ...inputs.b, attentionLayouts: ['self fused-qkv'] }
    }
    expect(flagOf(computeFlags(other), 'attention-layout')).toMatchObject([{ kind: 'red' }])
  })
})

describe('a block family the other naming keeps outside a numbered series', () => {
  const resnet = (p: string): SpecTensor[] => [
    { name: `${p}.norm1.weight`, shape: [8], dtype: 'BF16' },
    { name: `${p}.conv1.weight`, shape: [8, 8, 3, 3], dtype: 'BF16' },
    { name: `${p}.norm2.weight`, shape: [8], dtype: 'BF16' },
    { name: `${p}.conv2.weight`, shape: [8, 8, 3, 3], dtype: 'BF16' }
  ]
  const level = (p: string) => [...resnet(`${p}.0`), ...resnet(`${p}.1`)]

  it('is green when the mapping links its keys (LDM mid.block_1 / block_2 against diffusers mid_block.resnets)', () => {
    const ldm = [
      ...level('encoder.down.0.block'),
      ...level('encoder.down.1.block'),
      ...resnet('encoder.mid.block_1'),
      ...resnet('encoder.mid.block_2')
    ]
    const diffusers = [
      ...level('encoder.down_blocks.0.resnets'),
      ...level('encoder.down_blocks.1.resnets'),
      ...level('encoder.mid_block.resnets')
    ]
    const c = compareCheckpoints(specCheckpoint(ldm, 'ldm'), specCheckpoint(diffusers, 'diffusers'))
    const mid = c.flags.find((f) => /mid_block\.resnets/.test(f.message) && f.code !== 'block-count')
    expect(mid).toMatchObject({
      kind: 'green',
      code: 'block-structure',
      evidence: { side: 'b', keys: 8, linkedKeys: 8 }
    })
    expect(c.flags.filter((f) => f.code === 'block-family')).toEqual([])
  })

  it('stays red when its keys are not linked', () => {
    const a = [...level('blocks')]
    const b = [...level('blocks'), ...level('extra.layers')]
    const c = compareCheckpoints(specCheckpoint(a, 'a'), specCheckpoint(b, 'b'))
    expect(c.flags.find((f) => f.code === 'block-family')).toMatchObject({
      kind: 'red',
      evidence: { side: 'b' }
    })
  })
})

describe('attention the two namings read as other kinds', () => {
  // Kinds the names read differently for one attention (as diffusers' SD3.5 `attn2` read as cross before the
  // analysis took the block's joint attention into account): the flag's own rule, with the mapping's shares.
  const base = layoutInputs(['joint fused-qkv', 'self fused-qkv'], ['cross separate', 'joint separate'], {
    overlap: {
      exact: 0,
      exactCompatible: 0,
      normalized: 0,
      normalizedCompatible: 0,
      mapped: 1,
      parameters: 1
    },
    mappingKinds: ['rename', 'split'],
    nameCoverage: 1
  })

  it('is green when the mapping links nearly every attention projection of both sides to the other side', () => {
    expect(flagOf(computeFlags(base), 'attention-layout')).toMatchObject([{ kind: 'red' }])
    const linked = { a: { keys: 120, linked: 120 }, b: { keys: 240, linked: 240 } }
    const [flag] = flagOf(computeFlags({ ...base, attentionLinks: linked }), 'attention-layout')
    expect(flag).toMatchObject({
      kind: 'green',
      evidence: { namedOtherwise: true, attentionProjectionsB: 240, linkedB: 240 }
    })
    expect(flag!.message).toMatch(/^same attention under other names: the mapping links 120 of A's 120/)
  })

  it('stays red when a side keeps more than a tenth of its attention unlinked', () => {
    const linked = { a: { keys: 120, linked: 120 }, b: { keys: 240, linked: 215 } }
    expect(flagOf(computeFlags({ ...base, attentionLinks: linked }), 'attention-layout')).toMatchObject([
      { kind: 'red' }
    ])
    const none = { a: { keys: 0, linked: 0 }, b: { keys: 0, linked: 0 } }
    expect(flagOf(computeFlags({ ...base, attentionLinks: none }), 'attention-layout')).toMatchObject([
      { kind: 'red' }
    ])
  })
})

describe('attention projections and their links', () => {
  const module = (family: string | null, keys: string[]): AttentionModule =>
    ({ family, projections: keys.map((key) => ({ role: 'q', key, shape: [8, 8], bias: false })) }) as never

  it('finds every block instance of a family, nested indices and a wrapper prefix included', () => {
    const keys = [
      'model.diffusion_model.input_blocks.4.1.transformer_blocks.0.attn2.to_q.weight',
      'model.diffusion_model.output_blocks.11.1.transformer_blocks.3.attn2.to_q.weight',
      'model.diffusion_model.input_blocks.4.1.transformer_blocks.0.attn2.to_q.bias',
      'model.diffusion_model.input_blocks.4.1.transformer_blocks.0.ff.net.2.weight',
      'model.diffusion_model.input_blocks.4.1.transformer_blocksX.0.attn2.to_q.weight',
      'out.to_q.weight',
      'head.out.to_q.weight'
    ]
    const found = attentionProjectionKeys(
      [
        module('input_blocks.{}.{}.transformer_blocks', ['attn2.to_q.weight']),
        module('output_blocks.{}.{}.transformer_blocks', ['attn2.to_q.weight']),
        module(null, ['out.to_q.weight'])
      ],
      keys
    )
    expect([...found]).toEqual([keys[0], keys[1], 'out.to_q.weight', 'head.out.to_q.weight'])
  })

  it('counts high, shape-compatible links with attention at both ends only', () => {
    const link = (
      source: string[],
      target: string[],
      confidence: 'high' | 'medium' = 'high'
    ): KeyMapping => ({
      source,
      target,
      kind: source.length < target.length ? 'split' : 'rename',
      confidence,
      reason: '',
      shapes: { source: [], target: [] },
      shapeCompatible: true
    })
    const a = new Set(['qkv', 'o', 'q2'])
    const b = new Set(['to_q', 'to_k', 'to_v', 'to_out', 'add_q'])
    const shares = attentionLinkShares(
      [
        link(['qkv'], ['to_q', 'to_k', 'to_v']), // a fused q|k|v split: all four count
        link(['o'], ['ff_out']), // into a feed-forward layer: neither counts
        link(['q2'], ['add_q'], 'medium'), // not high
        link(['mlp'], ['to_out']) // from a feed-forward layer
      ],
      a,
      b
    )
    expect(shares).toEqual({ a: { keys: 3, linked: 1 }, b: { keys: 5, linked: 3 } })
  })
})

describe('a family told apart by names', () => {
  const family = (id: string, name: string) => ({ id, name, confidence: 'high', evidence: [] })
  const inputs = (shapeDifferences: FlagInputs['shapeDifferences']): FlagInputs =>
    layoutInputs([], [], {
      a: { families: [], attentionLayouts: [], family: family('wan', 'Wan2.1 T2V-14B') },
      b: { families: [], attentionLayouts: [], family: family('longcat-video', 'LongCat-Video') },
      overlap: {
        exact: 0,
        exactCompatible: 0,
        normalized: 0,
        normalizedCompatible: 0,
        mapped: 0.9,
        parameters: 0.9
      },
      shapeDifferences,
      shapeMatches: 10 - shapeDifferences.length
    })

  it('is no difference when the layers correspond and every common key has its shape', () => {
    expect(flagOf(computeFlags(inputs([])), 'model-family')).toMatchObject([{ kind: 'green' }])
  })

  it('stays red beside common keys of other shapes, although the shapes flag comes after it', () => {
    const flags = computeFlags(
      inputs([{ key: 'patch_embedding.weight', shapeA: [5120, 16], shapeB: [5120, 36] }])
    )
    expect(flagOf(flags, 'model-family')).toMatchObject([{ kind: 'red' }])
    expect(flagOf(flags, 'shapes')).toMatchObject([{ kind: 'red' }])
  })
})
