/**
 * Structural flags that the mapping settles: the same attention stored fused on one side and separate on the
 * other, and a block family the other naming keeps outside a numbered series. Both are storage, not architecture,
 * when the mapping links them at high confidence; without such links they stay red.
 */
import { describe, expect, it } from '@jest/globals'
import { specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import { fluxSingleBlocks } from './flux-single-blocks.js'
import { compareCheckpoints } from '../../src/compare/index.js'
import { computeFlags, type FlagInputs } from '../../src/compare/flags.js'

const flagOf = <F extends { code: string }>(flags: F[], code: string): F[] =>
  flags.filter((f) => f.code === code)

describe('attention stored fused on one side', () => {
  it('is green when the mapping splits the fused projections at high confidence', () => {
    const { a, b } = fluxSingleBlocks()
    const c = compareCheckpoints(specCheckpoint(a, 'flux'), specCheckpoint(b, 'flux-diffusers'))
    const [flag] = flagOf(c.flags, 'attention-layout')
    expect(flag).toMatchObject({ kind: 'green', evidence: { storedOtherwise: true } })
    expect(flag!.message).toMatch(/^same attention \(self\), stored fused on one side/)
  })

  it('stays red when nothing converts (the same kinds, no split or fuse among the high links)', () => {
    const inputs: FlagInputs = {
      a: { families: [], attentionLayouts: ['cross separate', 'self separate'] },
      b: { families: [], attentionLayouts: ['cross q-fused-kv', 'self fused-qkv'] },
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
      mappingKinds: ['rename'],
      nameCoverage: 0,
      strippedA: [],
      strippedB: []
    }
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
